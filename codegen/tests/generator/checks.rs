//! The checker and the generator on small specs of their own, for what a case's outputs do
//! not show: that malformed files end without a panic, the size of a diff, what the IR
//! holds. The outputs and the diagnostics themselves are the cases' (the `cases` module).

use codegen::{compile, generate_rust, SourceFile};

const BASE: &str = codegen::testing::BASE_SPEC;

fn spec(event: &str) -> Vec<SourceFile> {
    vec![SourceFile { path: "spec.yaml".into(), text: BASE.into() }, SourceFile { path: "acme/onThing.yaml".into(), text: event.into() }]
}

fn problems(event: &str) -> Vec<String> {
    match compile(&spec(event)) {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().map(|d| d.to_string()).collect(),
    }
}

const HEAD: &str = "event: onThing\nproduct: acme\ndescription: A thing happened.\n";

#[test]
fn hostile_files_never_panic() {
    let inputs = [
        "",
        "\0",
        "- - - -",
        "event: 5\nproduct: []\ndescription: {}\ndata: 7\n",
        "data:\n  x:\n    type: array\n",
        "types:\n  lower: { type: object }\n",
        "{{{{",
        "a: &x [*x]",
        "rules: 5\n",
        "event: e\nproduct: acme\ndescription: d\ndata:\n  m: { type: map }\n  c: { type: change, order: sideways }\n",
    ];
    for text in inputs {
        let _ = compile(&spec(text));
    }
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    let _ = compile(&spec(&format!("data: {deep}\n")));
}

/// Lines that differ between two texts: those outside their longest common subsequence.
fn changed_lines(old: &str, new: &str) -> usize {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    a.len() + b.len() - 2 * lcs[0][0]
}

#[test]
fn adding_one_plain_attribute_is_a_small_diff() {
    let shared = |extra: &str| {
        format!(
            "types:\n  Agent:\n    type: object\n    description: An agent.\n    fields:\n      id: {{ type: id, doc: {{ type: string }}, description: Id. }}\n{extra}      email: {{ type: string, description: Email. }}\n"
        )
    };
    let event = format!("{HEAD}data:\n  agent: {{ type: Agent, description: The agent. }}\n");
    let files = |extra: &str| {
        let mut f = spec(&event);
        f.push(SourceFile { path: "types.yaml".into(), text: shared(extra) });
        generate_rust(&f).unwrap()
    };
    let before = files("");
    let after = files("      nickname: { type: string, description: What colleagues call the agent. }\n");
    let changed: usize = before.iter().zip(&after).map(|(a, b)| changed_lines(&a.contents, &b.contents)).sum();
    assert!(changed <= 12, "adding one attribute changed {changed} lines of generated code");
    assert!(changed >= 4, "the attribute is in the generated code ({changed} lines)");
}

/// A `null` rule on an attribute that is not nullable by itself makes it nullable in strict
/// mode only under the rule's condition.
#[test]
fn a_null_rule_on_a_required_attribute_is_a_conditional_null() {
    let text = format!(
        "{HEAD}data:\n  kind:\n    type: string\n  s:\n    type: string\nrules:\n  - id: r\n    description: x\n    when: {{ path: kind, equals: none }}\n    null: [s]\n"
    );
    assert_eq!(problems(&text), Vec::<String>::new());
    let ir = compile(&spec(&text)).unwrap();
    let event = &ir.events[0];
    let s = ir.fields(event.data).iter().find(|f| f.wire == "s").unwrap();
    assert!(!s.strict.nullable);
    assert_eq!(s.null_when, ["onThing: when kind is \"none\" (rule r)"]);
}

/// `lenient_top` sets the lenient reading of the envelope and of data's own attributes only;
/// `utc` reaches the field.
#[test]
fn lenient_top_is_for_the_envelope_and_datas_own_attributes() {
    let text = format!(
        "{HEAD}data:\n  k:\n    type: string\n    enum: [a]\n    open: documented\n  o:\n    type: object\n    rust_name: O\n    fields:\n      inner: {{ type: string }}\n  t:\n    type: timestamp\n    utc: true\n"
    );
    let base = BASE.replace(
        "lenient: { nullable: true, optional: true }\n",
        "lenient: { nullable: true, optional: true }\n  lenient_top: { nullable: false, optional: false }\n",
    );
    let files = vec![SourceFile { path: "spec.yaml".into(), text: base }, SourceFile { path: "acme/onThing.yaml".into(), text }];
    let ir = compile(&files).unwrap();
    let data = ir.fields(ir.events[0].data);
    assert!(data.iter().all(|f| !f.lenient.optional && !f.lenient.nullable), "data's own attributes are required in lenient");
    let o = data.iter().find(|f| f.wire == "o").unwrap();
    let codegen::ir::Ty::Named(o) = o.ty else { panic!("o is an object") };
    assert!(ir.fields(o)[0].lenient.optional, "inside, lenient stays tolerant");
    assert!(data.iter().find(|f| f.wire == "t").unwrap().utc);
}

/// A shared type whose attribute only some pages list (`doc.only`) is read per event: an
/// event whose page does not list it gets a copy without it, in its own module.
#[test]
fn doc_only_attributes_give_other_events_their_own_reading() {
    let types = "types:\n  Actor:\n    type: object\n    fields:\n      id: { type: string }\n      source:\n        type: string\n        doc: { only: [onThing] }\n";
    let thing = format!("{HEAD}data:\n  actor: {{ type: Actor }}\n");
    let other = "event: onOther\nproduct: acme\ndescription: Another.\ndata:\n  actor: { type: Actor }\n";
    let files = vec![
        SourceFile { path: "spec.yaml".into(), text: BASE.into() },
        SourceFile { path: "types.yaml".into(), text: types.into() },
        SourceFile { path: "acme/onOther.yaml".into(), text: other.into() },
        SourceFile { path: "acme/onThing.yaml".into(), text: thing },
    ];
    let ir = compile(&files).unwrap();
    let actor_of = |name: &str| {
        let e = ir.events.iter().find(|e| e.name == name).unwrap();
        match ir.fields(e.data)[0].ty {
            codegen::ir::Ty::Named(id) => id,
            _ => panic!("actor is an object"),
        }
    };
    let (thing, other) = (actor_of("onThing"), actor_of("onOther"));
    assert_eq!(ir.ty(thing).module, 0, "the event whose page lists everything keeps the shared type");
    let wires = |id| ir.fields(id).iter().map(|f| f.wire.clone()).collect::<Vec<_>>();
    assert_eq!(wires(thing), ["id", "source"]);
    assert_eq!(wires(other), ["id"]);
    assert_ne!(ir.ty(other).module, 0);
    assert_eq!(ir.ty(other).name, "Actor");
}

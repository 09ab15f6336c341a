//! The checker on small specs of its own: every problem reported at once, each with the
//! file, the attribute path and the line.

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
fn a_good_spec_compiles_and_generates() {
    let text = format!(
        "{HEAD}data:\n  id:\n    type: id\n    doc: {{ type: integer }}\n  kind:\n    type: string\n    enum: [a, b]\n    open: false\n"
    );
    assert_eq!(problems(&text), Vec::<String>::new());
    let files = generate_rust(&spec(&text)).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(names, ["mod.rs", "envelope.rs", "types.rs", "acme/on_thing.rs"]);
    // The whole output, reviewed as a diff: `UPDATE_SNAPSHOTS=1 cargo test -p freshworks-events-codegen`
    // rewrites the snapshots after a deliberate change.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/good");
    let mut stale = Vec::new();
    for f in &files {
        let path = dir.join(&f.path);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &f.contents).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(f.contents.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(stale.is_empty(), "generated output differs from the snapshots (review, then UPDATE_SNAPSHOTS=1): {stale:?}");
}

#[test]
fn an_unknown_type_is_reported_with_file_line_and_path() {
    let text = format!("{HEAD}data:\n  actor:\n    type: object\n    fields:\n      type:\n        type: strnig\n");
    let p = problems(&text);
    assert_eq!(p, ["acme/onThing.yaml:8:7: data.actor.type: unknown type \"strnig\" (did you mean \"string\"?)"]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = format!(
        "{HEAD}data:\n  a:\n    type: nope\n  b:\n    type: Missing\n  c:\n    type: string\n    enum: []\n  Email:\n    type: string\n  email:\n    type: string\n"
    );
    let p = problems(&text);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p[0].contains("data.a: unknown type \"nope\""));
    assert!(p[1].contains("data.b: unknown type \"Missing\""));
    assert!(p[2].contains("data.c: an enum lists at least one value"));
    assert!(p[3].contains("data.email: \"email\" and \"Email\" are both `email` in Rust"));
}

#[test]
fn keywords_are_handled_not_errors() {
    let text = format!("{HEAD}data:\n  type:\n    type: string\n  self:\n    type: string\n  match:\n    type: integer\n");
    assert_eq!(problems(&text), Vec::<String>::new());
    let files = generate_rust(&spec(&text)).unwrap();
    let event = &files[3].contents;
    assert!(event.contains("pub r#type: rt::Field<rt::Text>"));
    assert!(event.contains("pub self_: rt::Field<rt::Text>"));
    assert!(event.contains("pub r#match: rt::Field<i64>"));
}

#[test]
fn duplicate_enum_values_and_variant_collisions() {
    let text = format!("{HEAD}data:\n  s:\n    type: string\n    enum: [a, a, B, b]\n");
    let p = problems(&text);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p[0].contains("value \"a\" is listed twice"));
    assert!(p[1].contains("values \"b\" and \"B\" are both `B` in Rust"));
}

#[test]
fn rules_name_attributes_that_exist_and_compare_like_types() {
    let text = format!(
        "{HEAD}data:\n  n:\n    type: integer\n  s:\n    type: string\n  t:\n    type: timestamp\nrules:\n  - id: r1\n    description: x\n    same: [n, s]\n  - id: r2\n    description: x\n    path: n\n    equals: seven\n  - id: r3\n    description: x\n    not_after: [t, nope]\n  - id: r4\n    description: x\n    null: [nope]\n"
    );
    let p = problems(&text);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(p.iter().any(|l| l.contains("rules.r1: n (an integer) and s (a string) hold values of different types")));
    assert!(p.iter().any(|l| l.contains("rules.r2: n is an integer and cannot be compared with \"seven\"")));
    assert!(p.iter().any(|l| l.contains("rules.r3: nope: data has no attribute \"nope\"")));
    assert!(p.iter().any(|l| l.contains("rules.r4: nope: data has no attribute \"nope\"")));
}

#[test]
fn duplicate_keys_and_syntax_errors_carry_positions() {
    let p = problems(&format!("{HEAD}data:\n  a: {{ type: string }}\n  a: {{ type: string }}\n"));
    assert_eq!(p, ["acme/onThing.yaml:6:3: duplicate key \"a\" (first at line 5)"]);
    let p = problems("event: [unclosed\n");
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("acme/onThing.yaml:2:1: "), "{p:?}");
}

#[test]
fn misspelt_keys_get_a_suggestion() {
    let p = problems(&format!("{HEAD}data:\n  a:\n    tpye: string\n"));
    assert!(p.iter().any(|l| l.contains("data.a.tpye: unknown key \"tpye\" (did you mean \"type\"?)")), "{p:#?}");
}

#[test]
fn same_rust_type_name_twice_in_a_module_is_an_error_not_a_silent_reuse() {
    let text = format!(
        "{HEAD}data:\n  a:\n    type: object\n    fields:\n      status: {{ type: object, fields: {{ x: {{ type: string }} }} }}\n  b:\n    type: object\n    fields:\n      status: {{ type: object, fields: {{ y: {{ type: integer }} }} }}\n"
    );
    let p = problems(&text);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].contains("Rust type name `Status` is also used for data.a.status"), "{p:?}");
}

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

#[test]
fn output_is_deterministic_and_independent_of_file_order() {
    let text = format!("{HEAD}data:\n  b: {{ type: string }}\n  a: {{ type: string }}\n");
    let mut files = spec(&text);
    let one = generate_rust(&files).unwrap();
    files.reverse();
    let two = generate_rust(&files).unwrap();
    assert_eq!(one, two);
    // Spec order, not alphabetical.
    let event = &one[3].contents;
    assert!(event.find("pub b:").unwrap() < event.find("pub a:").unwrap());
}

#[test]
fn names_the_generated_code_uses_itself_are_refused() {
    let text = format!(
        "{HEAD}data:\n  build: {{ type: string }}\n  owner: {{ type: object, fields: {{ x: {{ type: string }} }} }}\n  owner_with: {{ type: string }}\n  thing: {{ type: object, rust_name: OwnerBuilder }}\n"
    );
    let p = problems(&text);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p.iter().any(|l| l.contains("data.build: \"build\" and \"(the builder method `build`)\" are both `build` in Rust")), "{p:#?}");
    assert!(
        p.iter()
            .any(|l| l.contains("data.owner_with: \"owner_with\" is `owner_with` in Rust, the name of the builder's editor for \"owner\"")),
        "{p:#?}"
    );
    assert!(p.iter().any(|l| l.contains("data.thing: Rust type name `OwnerBuilder` is taken by the builder of `Owner`")), "{p:#?}");
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
/// mode only under the rule's condition; the generated rustdoc says so.
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
    let files = generate_rust(&spec(&text)).unwrap();
    assert!(files[3].contents.contains("Strict: null only in onThing: when kind is \"none\" (rule r)."), "{}", files[3].contents);
}

/// `open: documented` is for string enums; `utc` only for timestamps; `lenient_top` sets the
/// lenient reading of the envelope and of data's own attributes only.
#[test]
fn documented_enums_utc_and_lenient_top() {
    let text = format!(
        "{HEAD}data:\n  n:\n    type: integer\n    enum: [{{ value: 1, name: one }}]\n    open: documented\n  s:\n    type: string\n    utc: true\n  o:\n    type: string\n    enum: [a]\n    open: maybe\n"
    );
    let p = problems(&text);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p.iter().any(|l| l.contains("data.o.open: expected true, false or documented")), "{p:#?}");
    assert!(p.iter().any(|l| l.contains("data.n: `open: documented` is for string enums")), "{p:#?}");
    assert!(p.iter().any(|l| l.contains("data.s: `utc` does not apply to type \"string\"")), "{p:#?}");

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
    let rust = &generate_rust(&files).unwrap()[3].contents;
    assert!(rust.contains("#[fw(open, documented)]"), "{rust}");
    assert!(rust.contains("utc"), "{rust}");
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

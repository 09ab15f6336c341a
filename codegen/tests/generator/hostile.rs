//! A spec is input too: each case here was once a way for spec text to get out of its
//! literals, into a build directive or a path, or to exhaust the machine. Every one must
//! end, quickly, in a clear error (file, line, column, what) or in generated code.

use std::time::{Duration, Instant};

use codegen::{compile, generate_rust, SourceFile};

const BASE: &str = codegen::testing::BASE_SPEC;

const HEAD: &str = "event: onThing\nproduct: acme\ndescription: A thing happened.\n";

fn spec_at(path: &str, event: &str) -> Vec<SourceFile> {
    vec![SourceFile { path: "spec.yaml".into(), text: BASE.into() }, SourceFile { path: path.into(), text: event.into() }]
}

fn problems_of(files: &[SourceFile]) -> Vec<String> {
    match compile(files) {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().map(|d| d.to_string()).collect(),
    }
}

fn problems(event: &str) -> Vec<String> {
    problems_of(&spec_at("acme/onThing.yaml", event))
}

/// Runs `f`, failing if it takes longer than `limit` (generous: debug builds on a shared VM).
fn timed<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "took {took:?}, more than {limit:?}");
    out
}

fn assert_one(p: &[String], wanted: &str) {
    assert!(p.iter().any(|l| l.contains(wanted)), "no problem contains {wanted:?}: {p:#?}");
}

// ---- 1. names that would become code ----

#[test]
fn the_generated_header_cannot_be_left() {
    let header = codegen::emit::header_comment("spec/a\nfn evil() {}\r\u{202E}.yaml");
    assert_eq!(header.matches('\n').count(), 1, "{header:?}");
    assert!(header.ends_with(". Do not edit by hand.\n"));
    assert!(header.contains("spec/a\\nfn evil() {}\\r\\u{202e}.yaml"), "{header:?}");
    assert_eq!(codegen::emit::comment_text("plain words"), "plain words");
}

#[test]
fn a_spec_file_name_that_is_not_a_name_is_refused() {
    for path in ["acme/on\nfn evil() {}.yaml", "acme/a\"b.yaml", "../acme.yaml", "/etc/acme.yaml", "acme\\x.yaml", "acme/.hidden.yaml"] {
        let p = problems_of(&spec_at(path, HEAD));
        assert_one(&p, "cannot be a spec file");
        // The message is one line, whatever the name holds.
        assert!(p.iter().all(|l| !l.contains('\n') && !l.contains('\r')), "{p:?}");
    }
}

#[test]
fn event_and_product_names_are_plain_names() {
    let p = problems(&HEAD.replace("onThing", "\"onThing\\\"; fn evil() {} //\""));
    assert_one(&p, "acme/onThing.yaml:1:1: event: event name \"onThing\"; fn evil() {} //\" is not a plain name");
    let p = problems(&HEAD.replace("onThing", "../../x/y"));
    assert_one(&p, "event name \"../../x/y\" is not a plain name");
    let files = vec![
        SourceFile { path: "spec.yaml".into(), text: BASE.replace("  acme:\n", "  /x/y:\n") },
        SourceFile { path: "acme/onThing.yaml".into(), text: HEAD.replace("acme", "/x/y") + "data: {}\n" },
    ];
    let p = problems_of(&files);
    assert_one(&p, "spec.yaml:6:3: products./x/y: product key \"/x/y\" is not a plain name");
}

// ---- 4. small YAML, huge cost ----

#[test]
fn deep_block_sequences_are_refused_early() {
    for levels in [5_000, 50_000] {
        // 10 KB and 100 KB of `- - - ... x`: once 1.4 GB and a stack overflow.
        let text = format!("{}x\n", "- ".repeat(levels));
        let p = timed(Duration::from_secs(2), || problems(&text));
        assert_eq!(p, ["acme/onThing.yaml:1:129: nesting deeper than 64 levels"]);
    }
}

#[test]
fn deep_block_mappings_are_refused_early() {
    // 2,800 levels fit in 4 MiB; 10,000 do not (50 MB), and are refused for their size.
    let mut text = String::new();
    for i in 0..2_800 {
        text.push_str(&" ".repeat(i));
        text.push_str("a:\n");
    }
    let p = timed(Duration::from_secs(5), || problems(&text));
    assert_eq!(p, ["acme/onThing.yaml:65:66: nesting deeper than 64 levels"]);
}

#[test]
fn deep_flow_brackets_are_refused_fast() {
    // 200 KB of nested brackets once took 39 s.
    for open in ["[", "{a: "] {
        let text = format!("data: {}1\n", open.repeat(100_000));
        let p = timed(Duration::from_secs(2), || problems(&text));
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("acme/onThing.yaml:1:") && p[0].ends_with(": nesting deeper than 64 levels"), "{p:?}");
    }
}

#[test]
fn aliases_are_counted_expanded() {
    // Billion laughs: ten levels of ten aliases each.
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let p = timed(Duration::from_secs(2), || problems(&text));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].contains("more than 1000000 YAML nodes"), "{p:?}");
    // An alias cannot nest deeper than a plain copy could either.
    let deep = format!("a: &a {}1{}\nb: {}*a{}\n", "[".repeat(40), "]".repeat(40), "[".repeat(40), "]".repeat(40));
    let p = problems(&deep);
    assert!(p.iter().any(|l| l.contains("nesting deeper than 64 levels")), "{p:?}");
}

#[test]
fn a_huge_file_is_refused_before_it_is_parsed() {
    let text = format!("{HEAD}description2: {}\n", "x".repeat(codegen::yaml::MAX_FILE_BYTES));
    let p = timed(Duration::from_secs(2), || problems(&text));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("acme/onThing.yaml: the file is 41943"), "{p:?}");
    assert!(p[0].ends_with("a spec file is at most 4194304 bytes (4 MiB)"), "{p:?}");
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    for text in ["\0", "- - - -", "{{{{", "a: &x [*x]", "a: *nope", "[", "? [a]\n: b\n", "a: 1\n---\nb: 2\n", "!!binary x: 1", "&a &b x"] {
        let _ = timed(Duration::from_secs(1), || problems(text));
    }
}

// ---- 5. literals no payload can hold ----

#[test]
fn infinite_and_nan_literals_are_refused() {
    let text = format!(
        "{HEAD}data:\n  n:\n    type: number\n    example: .inf\nrules:\n  - id: r\n    description: x\n    path: n\n    equals: .nan\n"
    );
    let p = problems(&text);
    assert_one(&p, "acme/onThing.yaml:7:5: data.n.example: inf is not a number a JSON payload can hold");
    assert_one(&p, "acme/onThing.yaml:12:5: rules.r.equals: NaN is not a number a JSON payload can hold");
}

// ---- 6. names that would not compile ----

#[test]
fn a_type_that_holds_itself_inline_is_refused_but_through_an_array_it_is_fine() {
    let text = format!(
        "{HEAD}types:\n  Node:\n    type: object\n    fields:\n      child: {{ type: Node }}\n      children: {{ type: array, items: {{ type: Node }} }}\n  A:\n    type: object\n    fields:\n      b: {{ type: B }}\n  B:\n    type: object\n    fields:\n      a: {{ type: A }}\ndata:\n  root: {{ type: Node }}\n  a: {{ type: A }}\n"
    );
    let p = problems(&text);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_one(&p, "acme/onThing.yaml:8:7: types.Node.child: `Node` holds itself through \"child\" with no array or map between");
    assert_one(&p, "types.B.a: `B` holds `A` through \"a\", and `A` holds `B` again");
    let fine = format!("{HEAD}types:\n  Node:\n    type: object\n    fields:\n      children: {{ type: array, items: {{ type: Node }} }}\n      by_name: {{ type: map, values: {{ type: Node }} }}\ndata:\n  root: {{ type: Node }}\n");
    assert_eq!(problems(&fine), Vec::<String>::new());
}

#[test]
fn type_names_that_hide_the_prelude_are_refused_with_their_position() {
    let text = format!(
        "{HEAD}types:\n  Result:\n    type: object\n    fields:\n      x: {{ type: string }}\ndata:\n  option: {{ type: object, fields: {{ y: {{ type: string }} }} }}\n  other: {{ type: object, rust_name: Vec }}\n  kind: {{ type: string, enum: [a], rust_name: Box }}\n"
    );
    let p = problems(&text);
    assert_eq!(p.len(), 4, "{p:#?}");
    assert_one(&p, "acme/onThing.yaml:5:3: types.Result: Rust type name `Result` would hide the standard `Result`");
    assert_one(&p, "acme/onThing.yaml:10:3: data.option: Rust type name `Option` would hide");
    assert_one(&p, "acme/onThing.yaml:11:3: data.other: Rust type name `Vec` would hide");
    assert_one(&p, "acme/onThing.yaml:12:3: data.kind: Rust type name `Box` would hide");
}

#[test]
fn type_name_clashes_carry_line_and_column() {
    let text = format!(
        "{HEAD}data:\n  a:\n    type: object\n    fields:\n      status: {{ type: object, fields: {{ x: {{ type: string }} }} }}\n  b:\n    type: object\n    fields:\n      status: {{ type: object, fields: {{ y: {{ type: integer }} }} }}\n"
    );
    assert_eq!(
        problems(&text),
        ["acme/onThing.yaml:12:7: data.b.status: Rust type name `Status` is also used for data.a.status; give one of them `rust_name`"]
    );
}

fn with_products(products: &str, events: &[(&str, &str, &str)]) -> Vec<String> {
    let base = BASE.replace("products:\n  acme:\n    title: Acme\n    domains: [acme.test]\n", &format!("products:\n{products}"));
    let mut files = vec![SourceFile { path: "spec.yaml".into(), text: base }];
    for (path, product, event) in events {
        files
            .push(SourceFile { path: path.to_string(), text: format!("event: {event}\nproduct: {product}\ndescription: x\ndata: {{}}\n") });
    }
    problems_of(&files)
}

#[test]
fn product_keys_that_are_modules_of_the_crate_are_refused() {
    for key in ["types", "runtime", "rt", "serde", "spec", "envelope", "std"] {
        let p = with_products(&format!("  {key}: {{ title: T }}\n"), &[]);
        assert_one(&p, &format!("products.{key}: product \"{key}\" would be Rust module `{key}`, a name the models crate already uses"));
    }
}

#[test]
fn events_or_products_with_the_same_rust_name_are_refused() {
    let p =
        with_products("  acme: { title: Acme }\n", &[("acme/OnThing.yaml", "acme", "OnThing"), ("acme/onThing.yaml", "acme", "onThing")]);
    assert_eq!(
        p,
        ["acme/onThing.yaml:1:1: event: event \"onThing\" collides with \"OnThing\" of the same product as Rust module `on_thing`"]
    );
    let p = with_products("  p1: { title: One }\n  p_1: { title: Other one }\n", &[]);
    assert_eq!(p, ["spec.yaml:7:3: products.p_1: product \"p_1\" collides with \"p1\" as Rust variant `P1`"]);
    // The same event name in two products is fine: they are different modules, and
    // different variants of `Event` and `EventKind`, named by product and event (the
    // `two-products` case shows them).
    let p =
        with_products("  a: { title: A }\n  b: { title: B }\n", &[("a/onThing.yaml", "a", "onThing"), ("b/onThing.yaml", "b", "onThing")]);
    assert_eq!(p, Vec::<String>::new());
}

// ---- 7. characters rustc refuses, anywhere ----

#[test]
fn carriage_returns_and_bidi_controls_are_refused_where_they_are() {
    let text = format!(
        "{HEAD}data:\n  a:\n    type: string\n    description: \"one\\rtwo\"\n  b:\n    type: string\n    enum: [\"ok\", \"evil\\u202E\"]\n  c:\n    type: string\n    notes: [\"\\e[2J\"]\n  \"d\\te\": {{ type: string }}\n"
    );
    let p = problems(&text);
    assert_one(&p, "acme/onThing.yaml:7:5: data.a.description: the text holds a carriage return (U+000D)");
    assert_one(&p, "data.b.enum[1]: the text holds a bidirectional control character (U+202E)");
    assert_one(&p, "data.c.notes[0]: the text holds a control character (U+001B)");
    assert_one(&p, "data.d\\te: the key holds a control or bidirectional character (U+0009)");
    // Newlines and tabs in descriptions are text, not a problem.
    let fine = format!("{HEAD}data:\n  a:\n    type: string\n    description: \"two\\nlines\\tand a tab\"\n");
    assert_eq!(problems(&fine), Vec::<String>::new());
}

#[test]
fn names_with_control_characters_are_printed_escaped() {
    let p = problems(&HEAD.replace("onThing", "\"on\\e[31mThing\\nx\""));
    assert_one(&p, "event name \"on\\u{1b}[31mThing\\nx\" is not a plain name");
    assert!(p.iter().all(|l| !l.contains('\u{1b}') && !l.contains('\n')), "{p:?}");
}

// ---- 8. names the builders would spell badly ----

#[test]
fn an_attribute_named_self_gets_an_editor_without_a_double_underscore() {
    assert_eq!(codegen::names::editor_ident("self_"), "self_with");
    assert_eq!(codegen::names::editor_ident("r#type"), "type_with");
    assert_eq!(codegen::names::editor_ident("owner"), "owner_with");
    // The resolver reserves the same name.
    let text = format!(
        "{HEAD}data:\n  self: {{ type: object, rust_name: Me, fields: {{ x: {{ type: string }} }} }}\n  self_with: {{ type: string }}\n"
    );
    let p = problems(&text);
    assert_one(&p, "data.self_with: \"self_with\" is `self_with` in Rust, the name of the builder's editor for \"self\"");
    let alone = format!("{HEAD}data:\n  self: {{ type: object, rust_name: Me, fields: {{ x: {{ type: string }} }} }}\n");
    assert_eq!(problems(&alone), Vec::<String>::new());
    assert!(generate_rust(&spec_at("acme/onThing.yaml", &alone)).is_ok());
}

// ---- 9. a byte order mark ----

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{HEAD}data:\n  a: {{ type: string }}\n");
    assert_eq!(problems(&text), Vec::<String>::new());
    // Positions are unchanged by it.
    let bad = format!("\u{feff}{HEAD}data:\n  a: {{ type: strnig }}\n");
    assert_one(&problems(&bad), "acme/onThing.yaml:5:3: data.a: unknown type \"strnig\"");
}

// ---- 10. size ----

#[test]
fn an_object_with_too_many_attributes_is_refused() {
    let attrs: String = (0..10_000).map(|i| format!("  a{i}: {{ type: string }}\n")).collect();
    let p = timed(Duration::from_secs(10), || problems(&format!("{HEAD}data:\n{attrs}")));
    assert_eq!(p, ["acme/onThing.yaml:1005:3: data: an object has at most 1000 attributes; this one has 10000"]);
    let attrs: String = (0..1_000).map(|i| format!("  a{i}: {{ type: string }}\n")).collect();
    assert_eq!(problems(&format!("{HEAD}data:\n{attrs}")), Vec::<String>::new());
}

#[test]
fn shared_types_cannot_expand_an_event_exponentially() {
    // T0 holds two T1, which hold two T2, ...: 2^25 paths for the reference page.
    let mut types = String::from("types:\n");
    for i in 0..25 {
        types.push_str(&format!(
            "  T{i}:\n    type: object\n    fields:\n      a: {{ type: T{n} }}\n      b: {{ type: T{n} }}\n",
            n = i + 1
        ));
    }
    types.push_str("  T25:\n    type: object\n    fields:\n      x: { type: string }\n");
    let p = timed(Duration::from_secs(5), || problems(&format!("{HEAD}{types}data:\n  root: {{ type: T0 }}\n")));
    assert_eq!(p, ["acme/onThing.yaml:1:1: data: the event expands to more than 20000 attribute paths (shared types count once per use)"]);
}

#[test]
fn objects_cannot_nest_without_bound_through_named_types() {
    let mut types = String::from("types:\n");
    for i in 0..2_000 {
        types.push_str(&format!("  T{i}:\n    type: object\n    fields:\n      next: {{ type: T{} }}\n", i + 1));
    }
    types.push_str("  T2000:\n    type: object\n    fields:\n      x: { type: string }\n");
    let p = timed(Duration::from_secs(5), || problems(&format!("{HEAD}{types}data:\n  root: {{ type: T0 }}\n")));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].contains("objects nest more than 32 levels deep below the envelope"), "{p:?}");
}

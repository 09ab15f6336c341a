//! The checked-in outputs are what the spec generates: the Rust in `generated/out/` (what the
//! build compiles), the TypeScript in `generated/ts/`, the npm package in `npm/`, and the
//! reference in `docs/events/` (`generate --check`, which names a stale file). The same spec
//! generates byte-identical output, and every event's page lists every attribute, rule and
//! an example.

use std::collections::BTreeSet;

use crate::common;

#[test]
fn checked_in_generated_code_is_fresh() {
    let root = common::root();
    let files = codegen::source::read_spec_dir(&root.join("spec")).unwrap();
    let generated = codegen::generate_rust(&files).unwrap_or_else(|e| panic!("{e}"));
    let out = root.join("generated/out");
    let mut stale = Vec::new();
    let mut wanted = BTreeSet::new();
    for file in &generated {
        wanted.insert(out.join(&file.path));
        match std::fs::read_to_string(out.join(&file.path)) {
            Ok(text) if text == file.contents => {}
            Ok(_) => stale.push(format!("generated/out/{} differs from the spec", file.path)),
            Err(_) => stale.push(format!("generated/out/{} is missing", file.path)),
        }
    }
    for entry in common::files_in(&out) {
        if !wanted.contains(&entry) {
            stale.push(format!("{} is no longer generated", entry.display()));
        }
    }
    assert!(stale.is_empty(), "stale generated code; run `cargo run -q --bin fwevents -- generate`:\n{}", stale.join("\n"));
}

#[test]
fn generate_check_names_the_stale_file() {
    let tmp = common::TempDir::new("stale");
    let out = tmp.0.join("out");
    let out_s = out.to_str().unwrap();
    let docs = tmp.0.join("docs");
    let docs_s = docs.to_str().unwrap();
    let ts = tmp.0.join("ts");
    let ts_s = ts.to_str().unwrap();
    let npm = tmp.0.join("npm");
    let npm_s = npm.to_str().unwrap();
    let o = common::fwevents(&["generate", "--out", out_s, "--docs", docs_s, "--ts", ts_s, "--npm", npm_s], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    let o = common::fwevents(&["generate", "--check", "--out", out_s, "--docs", docs_s, "--ts", ts_s, "--npm", npm_s], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    let target = out.join("freshchat/on_agent_activity_create.rs");
    let mut text = std::fs::read_to_string(&target).unwrap();
    text.push_str("// edited by hand\n");
    std::fs::write(&target, text).unwrap();
    std::fs::write(out.join("leftover.rs"), "").unwrap();
    std::fs::write(docs.join("freshdesk/onAgentAvailabilityUpdate.md"), "old text").unwrap();
    std::fs::write(ts.join("strict.d.ts"), "export {};\n").unwrap();
    std::fs::remove_file(ts.join("wire.d.ts")).unwrap();
    std::fs::write(npm.join("spec.json"), "{}").unwrap();
    // What npm installs into the package's folder is left alone.
    std::fs::create_dir_all(npm.join("node_modules/x")).unwrap();
    std::fs::write(npm.join("node_modules/x/package.json"), "{}").unwrap();
    std::fs::write(npm.join("schema/strict/leftover.json"), "{}").unwrap();
    let o = common::fwevents(&["generate", "--check", "--out", out_s, "--docs", docs_s, "--ts", ts_s, "--npm", npm_s], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = common::text(&o.stderr);
    assert!(err.contains("freshdesk/onAgentAvailabilityUpdate.md (differs from the spec)"), "{err}");
    assert!(err.contains("freshchat/on_agent_activity_create.rs (differs from the spec)"), "{err}");
    assert!(err.contains("leftover.rs (no longer generated)"), "{err}");
    assert!(err.contains("strict.d.ts (differs from the spec)"), "{err}");
    assert!(err.contains("wire.d.ts (missing)"), "{err}");
    assert!(err.contains("spec.json (differs from the spec)"), "{err}");
    assert!(err.contains("leftover.json (no longer generated)"), "{err}");
    // Generating again puts everything right.
    let o = common::fwevents(&["generate", "--out", out_s, "--docs", docs_s, "--ts", ts_s, "--npm", npm_s], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    assert!(npm.join("node_modules/x/package.json").exists());
    let o = common::fwevents(&["generate", "--check", "--out", out_s, "--docs", docs_s, "--ts", ts_s, "--npm", npm_s], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
}

#[test]
fn checked_in_typescript_declarations_are_fresh() {
    let root = common::root();
    let files = codegen::source::read_spec_dir(&root.join("spec")).unwrap();
    let ir = codegen::compile(&files).unwrap();
    let generated = codegen::emit::typescript::generate(&ir).unwrap_or_else(|e| panic!("{e}"));
    let out = root.join("generated/ts");
    let mut stale = Vec::new();
    let mut wanted = BTreeSet::new();
    for file in &generated {
        wanted.insert(out.join(&file.path));
        match std::fs::read_to_string(out.join(&file.path)) {
            Ok(text) if text == file.contents => {}
            Ok(_) => stale.push(format!("generated/ts/{} differs from the spec", file.path)),
            Err(_) => stale.push(format!("generated/ts/{} is missing", file.path)),
        }
    }
    for entry in common::files_in(&out) {
        if !wanted.contains(&entry) {
            stale.push(format!("{} is no longer generated", entry.display()));
        }
    }
    assert!(stale.is_empty(), "stale declarations; run `cargo run -q --bin fwevents -- generate`:\n{}", stale.join("\n"));
    assert_eq!(generated, codegen::emit::typescript::generate(&ir).unwrap(), "the same spec gives the same declarations");
}

#[test]
fn checked_in_npm_package_is_fresh() {
    let root = common::root();
    let files = codegen::source::read_spec_dir(&root.join("spec")).unwrap();
    let ir = codegen::compile(&files).unwrap();
    let generated = codegen::emit::npm::generate(&ir, freshworks_events::VERSION).unwrap_or_else(|e| panic!("{e}"));
    let out = root.join("npm");
    let mut stale = Vec::new();
    let mut wanted = BTreeSet::new();
    for file in &generated {
        wanted.insert(out.join(&file.path));
        match std::fs::read_to_string(out.join(&file.path)) {
            Ok(text) if text == file.contents => {}
            Ok(_) => stale.push(format!("npm/{} differs from the spec", file.path)),
            Err(_) => stale.push(format!("npm/{} is missing", file.path)),
        }
    }
    // What npm itself leaves there (an installed copy, a tarball) is not the generator's.
    for entry in common::files_in(&out).into_iter().filter(|p| !p.components().any(|c| c.as_os_str() == "node_modules")) {
        if !wanted.contains(&entry) && entry.extension().is_some_and(|e| ["json", "cjs", "mjs", "ts"].iter().any(|x| e == *x)) {
            stale.push(format!("{} is no longer generated", entry.display()));
        }
    }
    assert!(stale.is_empty(), "stale npm package; run `cargo run -q --bin fwevents -- generate`:\n{}", stale.join("\n"));
    assert_eq!(generated, codegen::emit::npm::generate(&ir, freshworks_events::VERSION).unwrap(), "the same spec gives the same package");
}

#[test]
fn the_same_spec_generates_byte_identical_output() {
    let files = codegen::source::read_spec_dir(&common::root().join("spec")).unwrap();
    let a = codegen::generate_rust(&files).unwrap();
    let b = codegen::generate_rust(&files).unwrap();
    assert_eq!(a, b);
}

#[test]
fn checked_in_docs_and_code_pass_generate_check() {
    let o = common::fwevents(&["generate", "--check"], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
}

#[test]
fn every_event_page_lists_every_attribute_rule_and_an_example() {
    let root = common::root();
    let files = codegen::source::read_spec_dir(&root.join("spec")).unwrap();
    let ir = codegen::compile(&files).unwrap();
    let index = std::fs::read_to_string(root.join("docs/events/README.md")).unwrap();
    for event in &ir.events {
        let product = &ir.product_of(event).key;
        assert!(index.contains(&format!("]({product}/{}.md)", event.name)), "the index links {}", event.name);
        let page = std::fs::read_to_string(root.join(format!("docs/events/{product}/{}.md", event.name))).unwrap();
        for rule in &event.rules {
            assert!(page.contains(&format!("**`{}`**", rule.id)), "{}: rule {}", event.name, rule.id);
        }
        for field in ir.fields(event.data) {
            assert!(page.contains(&format!("| `data.{}` |", field.wire)), "{}: {}", event.name, field.wire);
        }
        assert!(page.contains("## Example payload"));
        let json = page.split("```json\n").nth(1).unwrap().split("\n```").next().unwrap();
        let example: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(example["event"], event.name.as_str());
    }
}

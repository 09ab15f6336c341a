//! The npm package carries spec text only as data: its JavaScript is the same for every
//! spec, and `spec.json` holds the text exactly, as JSON strings.

use codegen::emit::npm;
use codegen::{compile, SourceFile};

const EVIL: &str = r#"x"; require('child_process').execSync('rm -rf /'); `${process.exit(1)}` */ </script> \" \\ //"#;

fn spec(description: &str, value: &str) -> Vec<SourceFile> {
    let event = format!(
        "event: onThing\nproduct: acme\ndescription: {}\ndata:\n  kind:\n    type: string\n    description: {}\nrules:\n  - id: kind-is-known\n    description: {}\n    path: kind\n    equals: {}\n",
        yaml(description),
        yaml(description),
        yaml(description),
        yaml(value)
    );
    vec![
        SourceFile { path: "spec.yaml".into(), text: codegen::testing::BASE_SPEC.into() },
        SourceFile { path: "acme/onThing.yaml".into(), text: event },
    ]
}

/// A YAML double-quoted scalar.
fn yaml(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn package(files: &[SourceFile]) -> Vec<npm::NpmFile> {
    let ir = compile(files).unwrap_or_else(|d| panic!("{d:?}"));
    npm::generate(&ir, "1.2.3").unwrap()
}

#[test]
fn the_javascript_is_the_same_whatever_the_spec_says() {
    let plain = package(&spec("A thing happened.", "a"));
    let evil = package(&spec(EVIL, EVIL));
    for name in ["index.cjs", "index.mjs", "engine.cjs", "index.d.ts"] {
        let a = plain.iter().find(|f| f.path == name).unwrap();
        let b = evil.iter().find(|f| f.path == name).unwrap();
        assert_eq!(a.contents, b.contents, "{name} depends on the spec");
        assert!(!b.contents.contains("child_process"), "{name}");
    }
    // The text is in spec.json, exactly, as JSON.
    let data = evil.iter().find(|f| f.path == "spec.json").unwrap();
    let v: serde_json::Value = serde_json::from_str(&data.contents).unwrap();
    let rule = &v["events"][0]["rules"][0];
    assert_eq!(rule["description"], EVIL);
    assert_eq!(rule["check"]["one_of"][1][0]["str"], EVIL);
    let pkg: serde_json::Value = serde_json::from_str(&evil.iter().find(|f| f.path == "package.json").unwrap().contents).unwrap();
    assert_eq!(pkg["version"], "1.2.3");
}

#[test]
fn the_same_spec_gives_the_same_package() {
    assert_eq!(package(&spec(EVIL, "a")), package(&spec(EVIL, "a")));
}

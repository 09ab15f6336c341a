//! A spec edit flows through `cargo build` of the models crate with its `generate` feature
//! (which the workspace turns on), and a broken spec fails that build with the checker's
//! messages; without the feature, the build copies the checked-in code and compiles no
//! generator. A spec that uses every feature compiles without a warning; a spec file name
//! cannot become a cargo directive; a product without a cargo feature is named. Runs cargo
//! on copies of the workspace.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common;

/// Copies `from` to `to`, each file with its modification time, as a checkout would have
/// it: cargo then finds the crates the copy does not change fresh (it goes by the times of
/// their files, and by their paths within the workspace, which are the same), and each
/// copy of the workspace rebuilds only what its test edits.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        let name = entry.file_name();
        if name == "target" || name == "out" {
            continue;
        }
        // The models crate's `spec` is a link to the workspace's: copied as a link, so an
        // edit of the copy's spec flows through the copy's build.
        if entry.file_type().unwrap().is_symlink() {
            link(&std::fs::read_link(&path).unwrap(), &to.join(name));
        } else if path.is_dir() {
            copy_dir(&path, &to.join(name));
        } else {
            let copy = to.join(name);
            std::fs::copy(&path, &copy).unwrap();
            let modified = entry.metadata().unwrap().modified().unwrap();
            std::fs::File::options().write(true).open(&copy).unwrap().set_modified(modified).unwrap();
        }
    }
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[cfg(windows)]
fn link(target: &Path, at: &Path) {
    std::os::windows::fs::symlink_dir(target, at).unwrap();
}

fn cargo_build(dir: &Path, target: &Path) -> std::process::Output {
    cargo_build_with(dir, target, &["--features", "generate"])
}

fn cargo_build_with(dir: &Path, target: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO"))
        .args(["build", "-p", "freshworks-events", "--offline", "--verbose"])
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap()
}

/// A copy of the workspace without the command line, with `dirs` copied from the repository
/// one folder down: the manifest in `ws/`, the crates and the spec in `ws/copy/`, whose path
/// it returns (cargo finds the manifest above it). So the copy's crates are not at the paths
/// of this workspace's: its builds, in this test build's target directory, never replace a
/// unit of this build (cargo names a unit by its package's path within the workspace), and
/// every copy's crates are at the same paths as the other copies', so a crate a test leaves
/// unchanged is compiled once for all of them.
fn workspace(tmp: &common::TempDir, dirs: &[&str]) -> PathBuf {
    let root = common::root();
    let ws = tmp.0.join("ws");
    let copy = ws.join("copy");
    for dir in dirs {
        copy_dir(&root.join(dir), &copy.join(dir));
    }
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let workspace_only = manifest.split("\n# The command line").next().unwrap();
    let moved: Vec<String> = workspace_only
        .lines()
        .map(|line| match line.strip_prefix("members = [") {
            Some(members) => {
                let moved: Vec<String> =
                    members.trim_end_matches(']').split(", ").map(|m| format!("\"copy/{}", m.trim_start_matches('"'))).collect();
                format!("members = [{}]", moved.join(", "))
            }
            None => line.replace("path = \"", "path = \"copy/"),
        })
        .collect();
    assert!(moved[1].starts_with("members = [\"copy/codegen\", \"copy/derive\""), "{}", moved[1]);
    std::fs::write(ws.join("Cargo.toml"), moved.join("\n") + "\n").unwrap();
    std::fs::copy(root.join("Cargo.lock"), ws.join("Cargo.lock")).unwrap();
    copy
}

/// The generated Freshsales module in the most recent OUT_DIR.
fn generated_freshsales(target: &Path) -> String {
    newest_out(target, "freshsales/on_user_agent_availability_update.rs")
}

/// A file of the models crate's most recent OUT_DIR: the one whose build script ran last.
/// (Not the newest file: the build script leaves a file it would write unchanged alone, so
/// an OUT_DIR from an earlier run can hold the file the last run wanted.)
fn newest_out(target: &Path, file: &str) -> String {
    let build = target.join("debug/build");
    let mut newest: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in std::fs::read_dir(&build).unwrap() {
        let dir = entry.unwrap().path();
        let file = dir.join("out").join(file);
        // Cargo writes `output` (what the script printed) each time the script runs.
        if let (true, Ok(meta)) = (file.is_file(), std::fs::metadata(dir.join("output"))) {
            let t = meta.modified().unwrap();
            if newest.as_ref().is_none_or(|(n, _)| t > *n) {
                newest = Some((t, file));
            }
        }
    }
    std::fs::read_to_string(newest.expect("the build generated the models").1).unwrap()
}

#[test]
fn a_spec_edit_flows_through_cargo_build() {
    let _turn = common::cargo_turn();
    let tmp = common::TempDir::new("spec-edit");
    let ws = workspace(&tmp, &["codegen", "derive", "runtime", "generated", "spec"]);
    // This test build's target directory: only the models crate rebuilds.
    let target = common::own_target();

    let o = cargo_build(&ws, &target);
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    assert!(!generated_freshsales(&target).contains("pub nickname:"));
    // Nothing changed: nothing rebuilds, not even the generator's run.
    let o = cargo_build(&ws, &target);
    let log = common::text(&o.stderr);
    assert!(log.contains("Fresh freshworks-events"), "{log}");
    assert!(!log.contains("build-script-build`"), "{log}");

    let spec_file = ws.join("spec/freshsales/onUserAgentAvailabilityUpdate.yaml");
    let original = std::fs::read_to_string(&spec_file).unwrap();
    let added = original.replacen(
        "      name:\n        type: string\n        description: The user's full name.\n",
        "      name:\n        type: string\n        description: The user's full name.\n      nickname:\n        type: string\n        description: What colleagues call the user.\n",
        1,
    );
    assert_ne!(added, original);
    std::fs::write(&spec_file, &added).unwrap();
    let o = cargo_build(&ws, &target);
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    // A spec edit reruns the generator and recompiles the models, and nothing below them.
    let log = common::text(&o.stderr);
    assert!(log.contains("Compiling freshworks-events"), "{log}");
    assert!(log.contains("Fresh freshworks-events-codegen") && log.contains("Fresh serde_json"), "{log}");
    let generated = generated_freshsales(&target);
    assert!(generated.contains("pub nickname: rt::Field<rt::Text>"), "the new attribute is in the generated code");

    std::fs::write(
        &spec_file,
        added.replacen("type: string\n        description: What colleagues", "type: strnig\n        description: What colleagues", 1),
    )
    .unwrap();
    let o = cargo_build(&ws, &target);
    assert!(!o.status.success());
    let err = common::text(&o.stderr);
    assert!(err.contains("spec/freshsales/onUserAgentAvailabilityUpdate.yaml:"), "{err}");
    assert!(err.contains("data.actor.nickname: unknown type \"strnig\""), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn without_generate_the_build_copies_the_checked_in_code_and_compiles_no_generator() {
    let _turn = common::cargo_turn();
    let root = common::root();
    let tmp = common::TempDir::new("consumer-build");
    let ws = workspace(&tmp, &["codegen", "derive", "runtime", "generated", "spec"]);
    copy_dir(&root.join("generated/out"), &ws.join("generated/out"));
    let target = common::own_target();

    let o = cargo_build_with(&ws, &target, &[]);
    let log = common::text(&o.stderr);
    assert!(o.status.success(), "{log}");
    // --verbose names every crate of the build, fresh or compiled.
    assert!(log.contains("freshworks-events-derive") && log.contains("serde_json"), "{log}");
    for name in ["freshworks-events-codegen", "serde_yaml", "yaml-rust2", "prettyplease", "heck", "jiff"] {
        assert!(!log.contains(&format!(" {name} v")), "{name} is compiled:\n{log}");
    }
    for file in ["mod.rs", "freshsales/on_user_agent_availability_update.rs"] {
        let checked_in = std::fs::read_to_string(root.join("generated/out").join(file)).unwrap();
        assert_eq!(newest_out(&target, file), checked_in, "{file}");
    }
    // The spec it embeds is the spec beside it, every file in the generator's order.
    let spec_files = newest_out(&target, "spec_files.rs");
    let files = codegen::source::read_spec_dir(&root.join("spec")).unwrap();
    let listed: Vec<&str> = spec_files.lines().filter_map(|l| l.trim().strip_prefix("(\"")?.split('"').next()).collect();
    assert_eq!(listed, files.iter().map(|f| f.path.as_str()).collect::<Vec<_>>());

    // Without the checked-in code, the build says where it is missing and what to do.
    std::fs::remove_dir_all(ws.join("generated/out")).unwrap();
    let o = cargo_build_with(&ws, &target, &[]);
    let err = common::text(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("generated/out is missing; build with `--features generate`"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A spec that uses every kind of type, keyword names and every kind of rule: it passes
/// the checks, so the models built from it must compile, without a warning.
const TRICKY: &str = r#"
event: onEverything
product: acme
description: Every feature of the spec at once.
types:
  Node:
    type: object
    description: A tree that contains itself.
    fields:
      name: { type: string, description: Name. }
      children: { type: array, items: { type: Node }, description: Below. }
  Level:
    type: integer
    open: false
    enum:
      - { value: 1, name: low }
      - { value: 2, name: high }
data:
  type: { type: string, description: A keyword. }
  self: { type: string, description: Not a raw identifier. }
  async: { type: boolean, description: Another keyword. }
  level: { type: Level, description: A closed integer enum. }
  mood:
    type: string
    open: true
    enum: [happy, "2-sad", Other_Value]
    description: An open string enum with awkward values.
  grid:
    type: array
    items: { type: array, items: { type: Node } }
    description: Arrays of arrays of a recursive type.
  by_name:
    type: map
    values: { type: object, rust_name: Entry, fields: { when: { type: timestamp, formats: [epoch_millis] } } }
    description: A map of objects.
  swap: { type: map, values: { type: change, order: new_old }, description: Changes. }
  anything: { type: any, description: Any value. }
  ratio: { type: number, description: A number. }
  owner:
    type: object
    description: An owner.
    fields:
      id: { type: id, doc: { type: integer }, description: Id. }
      alias: { type: string, description: Alias. }
      tags:
        type: array
        description: Tags.
        items:
          type: object
          rust_name: Tag
          fields:
            label: { type: string, nullable: true, description: Label. }
      created: { type: timestamp, description: Created. }
      updated: { type: timestamp, description: Updated. }
rules:
  - id: low-has-no-labels
    description: Low level owners have no tag labels.
    when: { path: level, equals: 1 }
    null:
      - owner.tags[].label
  - id: happy-or-sad
    path: mood
    one_of: [happy, "2-sad"]
    strict_only: true
  - id: alias-is-id
    same: [owner.id, owner.alias]
  - id: in-order
    not_after: [owner.created, owner.updated]
  - id: keys
    keys_of: { map: swap, object: owner }
  - id: not-low-then-high
    when: { path: mood, not_in: [happy] }
    path: level
    equals: 2
"#;

#[test]
fn every_feature_of_the_spec_compiles_without_warnings() {
    let _turn = common::cargo_turn();
    let root = common::root();
    let tmp = common::TempDir::new("tricky");
    let ws = workspace(&tmp, &["codegen", "derive", "runtime", "generated"]);
    let spec = ws.join("spec");
    std::fs::create_dir_all(spec.join("acme")).unwrap();
    let base = std::fs::read_to_string(root.join("spec/spec.yaml")).unwrap();
    let products = "products:\n  acme:\n    title: Acme\n    domains: [acme.test]\n";
    let base = base.replacen("products:\n", products, 1);
    std::fs::write(spec.join("spec.yaml"), base).unwrap();
    std::fs::write(spec.join("acme/onEverything.yaml"), TRICKY).unwrap();
    // A new product is a new cargo feature of the models crate, on by default.
    let cargo_toml = ws.join("generated/Cargo.toml");
    let manifest = std::fs::read_to_string(&cargo_toml).unwrap();
    let with_acme = manifest.replacen("default = [", "default = [\"acme\", ", 1).replacen("freshchat = []", "acme = []\nfreshchat = []", 1);
    assert_ne!(with_acme, manifest);
    std::fs::write(&cargo_toml, with_acme).unwrap();
    // The checker passes it...
    let files = codegen::source::read_spec_dir(&spec).unwrap();
    codegen::compile(&files).unwrap_or_else(|d| panic!("{d}"));
    // ...and the models compile without a warning.
    let o = cargo_build(&ws, &common::own_target());
    let log = common::text(&o.stderr);
    assert!(o.status.success(), "{log}");
    assert!(!log.contains("warning:"), "{log}");
}

/// A spec file whose name holds a newline would print cargo directives of its own from the
/// build script (`cargo:warning=...`, `cargo:rustc-cfg=...`); the build refuses it first.
#[cfg(unix)]
#[test]
fn a_spec_file_name_cannot_become_a_cargo_directive() {
    let _turn = common::cargo_turn();
    let tmp = common::TempDir::new("directive");
    let ws = workspace(&tmp, &["codegen", "derive", "runtime", "generated", "spec"]);
    std::fs::write(ws.join("spec/freshchat/x\ncargo:warning=INJECTED\ncargo:rustc-cfg=injected\n.yaml"), "{}\n").unwrap();
    let o = cargo_build(&ws, &common::own_target());
    let log = common::text(&o.stderr);
    assert!(!o.status.success(), "{log}");
    assert!(log.contains("holds a control character; rename it"), "{log}");
    assert!(!log.contains("warning: freshworks-events@0.1.0: INJECTED"), "{log}");
}

/// A product added to the spec without a cargo feature would be compiled out without a
/// word; the build says what to add instead.
#[test]
fn a_product_without_a_cargo_feature_is_named() {
    let _turn = common::cargo_turn();
    let tmp = common::TempDir::new("no-feature");
    let ws = workspace(&tmp, &["codegen", "derive", "runtime", "generated", "spec"]);
    let cargo_toml = ws.join("generated/Cargo.toml");
    let manifest = std::fs::read_to_string(&cargo_toml).unwrap();
    let without = manifest.replacen("freshsales = []\n", "", 1);
    assert_ne!(without, manifest);
    std::fs::write(&cargo_toml, without.replacen(", \"freshsales\"]", "]", 1)).unwrap();
    let o = cargo_build(&ws, &common::own_target());
    let log = common::text(&o.stderr);
    assert!(!o.status.success(), "{log}");
    assert!(log.contains("error: spec product \"freshsales\" has no cargo feature; add `freshsales = []` to [features]"), "{log}");
    assert!(!log.contains("panicked"), "{log}");
}

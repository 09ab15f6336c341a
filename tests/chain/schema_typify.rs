//! The JSON Schema as typify (oxidecomputer's JSON Schema to Rust generator) reads it: the crate
//! in tests/typify turns `fwevents schema --out` output into Rust types in its build script, and
//! its test reads the real payloads, seeded fixtures and broken payloads with them, in both
//! readings. It is a workspace of its own, built here with its committed Cargo.lock (the first
//! run fetches typify from crates.io).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::common;

/// Writes `bytes` to `path` unless it already holds them, so that the typify crate's build
/// script (which watches the schemas) runs again only when a schema changed.
fn write_if_changed(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// Copies the files under `from` to `to`, by relative path.
fn copy_tree(from: &Path, to: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            n += copy_tree(&path, &dest);
        } else {
            write_if_changed(&dest, &std::fs::read(&path).unwrap());
            n += 1;
        }
    }
    n
}

/// The files under `dir`, relative to `base`, sorted.
fn listing(dir: &Path, base: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(listing(&path, base));
        } else {
            out.push(path.strip_prefix(base).unwrap().to_path_buf());
        }
    }
    out.sort();
    out
}

/// The default fixture of `event` (pretty-printed JSON).
fn default_fixture(event: &str) -> Value {
    let o = common::fwevents(&["fixture", event], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Fixtures of `event` with seeds 1..=n, strict (so both readings accept them): one a line.
fn seeded_fixtures(event: &str, n: u64) -> Vec<Value> {
    let o = common::fwevents(&["fixture", event, "--seed", "1", "--count", &n.to_string(), "--strict"], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    common::text(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// A case: an event (`product/event`), a payload, and whether each reading accepts it.
fn case(id: &str, event: &str, payload: Value, lenient: bool, strict: bool) -> Value {
    json!({ "id": id, "event": event, "payload": payload, "lenient": lenient, "strict": strict })
}

fn cases() -> Vec<Value> {
    let ir = codegen::compile(&codegen::source::read_spec_dir(&common::root().join("spec")).unwrap()).unwrap();
    let mut cases = Vec::new();
    for (name, bytes) in common::real_payloads() {
        // The Freshdesk onAgentUpdate reads as an unknown event, with no schema of its own.
        let Some(kind) = freshworks_events::Event::parse(&bytes).ok().and_then(|e| e.kind()) else {
            continue;
        };
        // The Freshsales payload departs from the docs: an integer id where they say text, an
        // attribute they list left out (see the `schema_tools` module).
        let strict = !name.starts_with("freshsales");
        cases.push(case(&format!("real {name}"), &kind.to_string(), serde_json::from_slice(&bytes).unwrap(), true, strict));
    }
    assert_eq!(cases.len(), 3, "three real payloads are of events in the spec");
    for event in &ir.events {
        let name = ir.qualified_name(event);
        let mut payloads = vec![default_fixture(&name)];
        payloads.extend(seeded_fixtures(&name, 8));
        for (i, payload) in payloads.into_iter().enumerate() {
            cases.push(case(&format!("fixture {name} #{i}"), &name, payload, true, true));
        }
    }
    let broken = |event: &str, edit: &dyn Fn(&mut Value)| {
        let mut v = default_fixture(event);
        edit(&mut v);
        v
    };
    let chat = "freshchat/onAgentActivityCreate";
    let caller = "freshcaller/onAgentUpdate";
    let desk = "freshdesk/onAgentAvailabilityUpdate";
    let sales = "freshsales/onUserAgentAvailabilityUpdate";
    cases.extend([
        case("closed enum value", chat, broken(chat, &|v| v["data"]["actor"]["type"] = "robot".into()), false, false),
        case("wrong JSON type", chat, broken(chat, &|v| v["data"]["actor"]["login_status"] = "yes".into()), false, false),
        case("another event's name", chat, broken(chat, &|v| v["event"] = "onAgentCustomStatusUpdate".into()), false, false),
        case("timestamp in no form", chat, broken(chat, &|v| v["timestamp"] = "yesterday".into()), false, false),
        case(
            "text timestamp in no form",
            chat,
            broken(chat, &|v| v["data"]["agent_activity"]["status_change_timestamp"] = "29/07/2022".into()),
            false,
            false,
        ),
        case("timestamp in an undocumented form", sales, broken(sales, &|v| v["timestamp"] = "2024-08-20T06:02:33Z".into()), true, false),
        case("not an object", chat, json!(["onAgentActivityCreate"]), false, false),
        case("data left out", chat, broken(chat, &|v| _ = v.as_object_mut().unwrap().remove("data")), false, false),
        case("null where the docs do not allow it", chat, broken(chat, &|v| v["data"]["actor"]["login_status"] = Value::Null), true, false),
        case("an attribute the docs do not list", chat, broken(chat, &|v| v["data"]["actor"]["nickname"] = "jay".into()), true, false),
        case(
            "a required attribute left out",
            chat,
            broken(chat, &|v| _ = v["data"]["actor"].as_object_mut().unwrap().remove("id")),
            true,
            false,
        ),
        case(
            "a custom status name the page documents",
            chat,
            broken(chat, &|v| v["data"]["agent_activity"]["status"] = "LUNCH".into()),
            true,
            true,
        ),
        case(
            "an unknown value of an open enum",
            desk,
            broken(desk, &|v| v["data"]["agent_availability"]["channel_availability"][0]["channel"] = "freshmarketer".into()),
            true,
            false,
        ),
        case("an unknown code of an open integer enum", caller, broken(caller, &|v| v["data"]["agent"]["status"] = 9.into()), true, false),
        case("a string for an integer enum", caller, broken(caller, &|v| v["data"]["agent"]["status"] = "1".into()), false, false),
        case("a null array item", caller, broken(caller, &|v| v["data"]["agent"]["teams"] = json!([null])), false, false),
    ]);
    cases
}

#[test]
fn typify_types_read_real_payloads_and_fixtures_and_refuse_broken_ones() {
    let root = common::root();
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let data = tmp.join("typify-data");
    // The schemas exactly as `fwevents schema --out` writes them, copied only where changed.
    let fresh = common::TempDir::new("typify-schemas");
    for (reading, strict) in [("lenient", false), ("strict", true)] {
        let out = fresh.0.join(reading);
        let mut args = vec!["schema", "--out", out.to_str().unwrap()];
        if strict {
            args.push("--strict");
        }
        let o = common::fwevents(&args, b"");
        assert!(o.status.success(), "{}", common::text(&o.stderr));
    }
    let schemas = data.join("schemas");
    if listing(&schemas, &schemas) != listing(&fresh.0, &fresh.0) {
        // An event came or went: start afresh rather than keep a stale schema.
        let _ = std::fs::remove_dir_all(&schemas);
    }
    assert_eq!(copy_tree(&fresh.0, &schemas), 10, "five events in two readings");
    let cases = cases();
    write_if_changed(&data.join("cases.json"), &serde_json::to_vec_pretty(&cases).unwrap());

    let _turn = common::cargo_turn();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        // Its one test: the library holds only the generated types, with no tests or examples.
        .args(["test", "--locked", "--quiet", "--test", "payloads"])
        .args(common::PROFILE)
        .arg("--manifest-path")
        .arg(root.join("tests/typify/Cargo.toml"))
        .arg("--target-dir")
        // Beside this test build's own crates: serde, serde_json and syn are compiled once.
        .arg(common::own_target())
        .args(["--", "--nocapture"])
        .env("FWEVENTS_TYPIFY_DATA", &data)
        .output()
        .expect("cargo runs");
    let stdout = common::text(&out.stdout);
    assert!(out.status.success(), "the typify crate failed:\n{stdout}\n{}", common::text(&out.stderr));
    let want = format!("typify: {} cases, {} readings accepted and ", cases.len(), cases.iter().map(accepted).sum::<usize>());
    assert!(stdout.contains(&want), "expected {want:?} in:\n{stdout}");
}

fn accepted(case: &Value) -> usize {
    usize::from(case["lenient"] == true) + usize::from(case["strict"] == true)
}

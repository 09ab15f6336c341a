//! The npm package (`npm/`, written by `fwevents generate`), as an app developer gets it:
//! packed with `npm pack`, installed from the tarball into the sample app, the app's
//! `server.js` run on its test data, its JavaScript type-checked with tsc, and the package's
//! validator compared with the Rust one (`fwevents validate --format json`) on every
//! fixture, the real payloads and tens of thousands of broken payloads, in both readings.
//!
//! Everything runs in one setup (npm and tsc take seconds to start); each test reads it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::common;

struct Setup {
    /// The temporary folder everything is in.
    dir: PathBuf,
    /// The sample app, with the package installed from its tarball.
    app: PathBuf,
    /// What `npm pack --json` said of the tarball.
    pack: Value,
    /// tsc's output over the app's JavaScript, and its exit code.
    tsc: String,
    tsc_status: Option<i32>,
}

fn run(dir: &Path, program: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("these tests run {program} (Node 20 and npm): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed in {}:\n{}{}",
        dir.display(),
        common::text(&out.stdout),
        common::text(&out.stderr)
    );
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// JavaScript that reads test data with require(), with and without the package's guard.
const UNGUARDED: &str = r#"// @ts-check
// A test data file read with require(): its `event` is a plain string to TypeScript.
/** @type {import("freshworks-events").Lenient.EventOf<"onAgentActivityCreate">} */
const payload = require("./server/test_data/onAgentActivityCreate.json");
console.log(payload.event);
"#;

const GUARDED: &str = r#"// @ts-check
const { isEvent, validate } = require("freshworks-events");
const payload = require("./server/test_data/onAgentActivityCreate.json");
/** @param {import("freshworks-events").Lenient.EventOf<"onAgentActivityCreate">} p */
function status(p) {
  return p.data?.agent_activity?.status;
}
if (isEvent(payload, "onAgentActivityCreate")) {
  /** @type {import("freshworks-events").Lenient.EventOf<"onAgentActivityCreate">} */
  const typed = payload;
  console.log(`guarded ${status(typed)}`);
}
if (!isEvent(payload, "onAgentUpdate")) console.log("not onAgentUpdate");
const strict = validate(JSON.stringify(payload), { strict: true });
console.log(`strict ${strict.valid} ${strict.errors.length}`);
"#;

/// `TEXT` stands for a payload's JSON text, as a JavaScript string.
const ESM: &str = r#"// @ts-check
import { validate, isEvent, events, version } from "freshworks-events";
import cjs from "freshworks-events";
const text = TEXT;
const report = validate(text);
console.log(`esm ${report.valid} ${report.event} ${events.length} ${version} ${cjs.validate === validate}`);
const parsed = JSON.parse(text);
if (isEvent(parsed, "freshchat/onAgentActivityCreate")) console.log(`esm guarded ${parsed.data?.actor?.type}`);
"#;

/// The JavaScript example of the README's npm section.
fn readme_example() -> String {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let section = readme.split("## The npm package").nth(1).expect("the README has the section");
    let block = section.split("```js\n").nth(1).expect("the section has a js example");
    block.split("```").next().unwrap().to_string()
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let tools = common::node_tools();
        let root = common::root();
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("npm-package");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();

        // The checked-in package, packed as `npm publish` would pack it.
        let dest = slash(&dir);
        let out = run(&root.join("npm"), "npm", &["pack", "--json", "--pack-destination", &dest]);
        let pack: Value = serde_json::from_slice(&out.stdout).expect("npm pack --json prints JSON");
        let tarball = dir.join(pack[0]["filename"].as_str().expect("the tarball's name"));

        // The sample app with its test data, and the package installed from the tarball
        // (it has no dependencies, so nothing is fetched).
        let app = dir.join("app");
        copy_dir(&root.join("tests/apps/sample"), &app);
        let o = common::fwevents(&["fixture", "--app", app.to_str().unwrap()], b"");
        assert!(o.status.success(), "{}", common::text(&o.stderr));
        std::fs::write(app.join("package.json"), "{ \"name\": \"sample-app\", \"private\": true }\n").unwrap();
        run(&app, "npm", &["install", "--no-audit", "--no-fund", "--offline", &slash(&tarball)]);

        let chat = std::fs::read_to_string(app.join("server/test_data/onAgentActivityCreate.json")).unwrap();
        let esm = ESM.replace("TEXT", &Value::from(chat).to_string());
        let readme = readme_example();
        for (name, code) in [("unguarded.js", UNGUARDED), ("guarded.js", GUARDED), ("esm.mjs", &esm), ("readme.js", &readme)] {
            std::fs::write(app.join(name), code).unwrap();
        }
        std::fs::copy(tools.join("fdk-globals.d.ts"), app.join("fdk-globals.d.ts")).unwrap();
        let tsconfig = r#"{
  "compilerOptions": {
    "strict": true,
    "noEmit": true,
    "allowJs": true,
    "checkJs": true,
    "resolveJsonModule": true,
    "target": "es2022",
    "lib": ["es2022"],
    "module": "node16",
    "moduleResolution": "node16",
    "types": []
  },
  "files": ["fdk-globals.d.ts", "server/server.js", "unguarded.js", "guarded.js", "esm.mjs", "readme.js"]
}
"#;
        std::fs::write(app.join("tsconfig.json"), tsconfig).unwrap();
        let tsc = slash(&tools.join("node_modules/typescript/bin/tsc"));
        let out = common::node(&app, &[&tsc, "-p", "tsconfig.json", "--pretty", "false"]);
        let tsc = common::text(&out.stdout) + &common::text(&out.stderr);
        Setup { dir, app, pack, tsc, tsc_status: out.status.code() }
    })
}

/// tsc's errors in one file, as (code, line of output).
fn tsc_errors(file: &str) -> Vec<(String, String)> {
    setup()
        .tsc
        .lines()
        .filter(|l| l.starts_with(&format!("{file}(")))
        .filter_map(|l| l.split(": error TS").nth(1).map(|r| (r.split(':').next().unwrap_or("").to_string(), l.to_string())))
        .collect()
}

#[test]
fn the_tarball_holds_the_package_at_the_models_version() {
    let s = setup();
    let pkg: Value = serde_json::from_str(&std::fs::read_to_string(common::root().join("npm/package.json")).unwrap()).unwrap();
    assert_eq!(pkg["version"], freshworks_events::VERSION, "the package's version follows the models crate's");
    assert_eq!(s.pack[0]["version"], freshworks_events::VERSION);
    assert_eq!(pkg.get("dependencies"), None, "the package has no dependencies");
    let files: Vec<&str> = s.pack[0]["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    let ir = codegen::compile(&codegen::source::read_spec_dir(&common::root().join("spec")).unwrap()).unwrap();
    let mut wanted = vec![
        "package.json".to_string(),
        "index.cjs".into(),
        "index.mjs".into(),
        "index.d.ts".into(),
        "engine.cjs".into(),
        "spec.json".into(),
        "types/index.d.ts".into(),
        "types/lenient.d.ts".into(),
        "types/strict.d.ts".into(),
        "types/wire.d.ts".into(),
    ];
    for reading in ["lenient", "strict"] {
        for e in &ir.events {
            wanted.push(format!("schema/{reading}/{}.json", ir.qualified_name(e)));
        }
    }
    for w in &wanted {
        assert!(files.contains(&w.as_str()), "the tarball lacks {w}: {files:?}");
    }
    assert_eq!(files.len(), wanted.len(), "nothing else is packed: {files:?}");
    // Small: the engine is one file of code for every spec; the spec is data, and most of
    // the package is declarations and schemas, which grow with the spec.
    let engine = std::fs::metadata(common::root().join("npm/engine.cjs")).unwrap().len();
    assert!(engine < 64_000, "the engine is {engine} bytes");
    let size = s.pack[0]["size"].as_u64().unwrap();
    assert!(size < 200_000, "the tarball is {size} bytes");
}

#[test]
fn the_schemas_in_the_package_are_the_commands() {
    let root = common::root();
    for (reading, flag) in [("lenient", None), ("strict", Some("--strict"))] {
        let mut args = vec!["schema", "freshchat/onAgentActivityCreate"];
        args.extend(flag);
        let o = common::fwevents(&args, b"");
        assert!(o.status.success());
        let packed = std::fs::read_to_string(root.join(format!("npm/schema/{reading}/freshchat/onAgentActivityCreate.json"))).unwrap();
        assert_eq!(packed, common::text(&o.stdout), "{reading}");
    }
}

#[test]
fn the_sample_app_runs_its_handlers_on_its_test_data_through_the_package() {
    let s = setup();
    let out = run(&s.app, "node", &[&slash(&common::root().join("tests/npm/run-app.cjs")), "."]);
    let calls: Vec<Value> = common::text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ran: Vec<&str> = calls.iter().map(|c| c["event"].as_str().unwrap()).collect();
    // Every event the manifest subscribes to that the spec covers has test data.
    for event in [
        "onAgentActivityCreate",
        "onAgentCustomStatusUpdate",
        "onAgentAvailabilityUpdate",
        "onAgentUpdate",
        "onUserAgentAvailabilityUpdate",
    ] {
        assert!(ran.contains(&event), "{event} did not run: {calls:#?}");
    }
    for call in &calls {
        let logs: Vec<&str> = call["logs"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
        // The test data is valid, so every handler's check passes and it goes on.
        assert!(logs.iter().any(|l| l.starts_with("valid ")), "{call}");
        assert!(!logs.iter().any(|l| l.starts_with("refused")), "{call}");
        assert!(logs.len() >= 2, "the handler went on after its check: {call}");
    }
    assert!(calls.iter().all(|c| c.get("missing").is_none()), "{calls:#?}");
    let chat = calls.iter().find(|c| c["event"] == "onAgentActivityCreate").unwrap();
    assert_eq!(chat["logs"][0], "valid freshchat/onAgentActivityCreate");

    // A broken payload is refused by the same handler, saying where and why.
    let data = s.app.join("server/test_data/onAgentActivityCreate.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
    v["data"]["agent_activity"]["status"] = Value::from(7);
    let broken = s.dir.join("broken-app");
    copy_dir(&s.app, &broken);
    std::fs::write(broken.join("server/test_data/onAgentActivityCreate.json"), v.to_string()).unwrap();
    let out = run(&broken, "node", &[&slash(&common::root().join("tests/npm/run-app.cjs")), "."]);
    let text = common::text(&out.stdout);
    assert!(
        text.contains(r#"refused: /data/agent_activity/status: expected one of \"AVAILABLE\", \"UNAVAILABLE\", found integer 7"#),
        "{text}"
    );
}

#[test]
fn the_readme_example_runs_in_the_app() {
    let s = setup();
    let out = run(&s.app, "node", &[&slash(&common::root().join("tests/npm/run-app.cjs")), ".", "readme.js"]);
    let text = common::text(&out.stdout);
    let chat = text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).find(|c| c["event"] == "onAgentActivityCreate").unwrap();
    let logs = chat["logs"].as_array().unwrap();
    assert_eq!(logs.len(), 1, "valid test data: no errors, and the guard passes: {chat}");
    assert!(logs[0].as_str().unwrap().starts_with("freshchat/onAgentActivityCreate: "), "{chat}");
}

#[test]
fn the_apps_javascript_type_checks_against_the_package() {
    let s = setup();
    assert!(s.tsc.contains("error TS") || s.tsc_status == Some(0), "tsc did not run:\n{}", s.tsc);
    for file in ["server/server.js", "guarded.js", "esm.mjs", "readme.js"] {
        assert_eq!(tsc_errors(file), vec![], "{file} should type-check:\n{}", s.tsc);
    }
    // require()d JSON widens `event` to string, so the assignment fails without the guard ...
    let unguarded = tsc_errors("unguarded.js");
    assert_eq!(unguarded.len(), 1, "{}", s.tsc);
    assert_eq!(unguarded[0].0, "2322", "{}", s.tsc);
    assert!(unguarded[0].1.contains("string"), "{}", s.tsc);
}

#[test]
fn the_guard_and_both_module_systems_work_at_run_time() {
    let s = setup();
    let out = run(&s.app, "node", &["guarded.js"]);
    let text = common::text(&out.stdout);
    assert!(text.contains("guarded "), "{text}");
    assert!(text.contains("not onAgentUpdate"), "{text}");
    assert!(text.contains("strict true 0"), "the test data is valid in the strict reading too: {text}");
    let out = run(&s.app, "node", &["esm.mjs"]);
    let text = common::text(&out.stdout);
    assert!(text.contains(&format!("esm true freshchat/onAgentActivityCreate 5 {} true", freshworks_events::VERSION)), "{text}");
    assert!(text.contains("esm guarded "), "{text}");
}

/// One payload per line: the fixtures of every event (the default one and seeded ones).
fn fixtures(count: u64) -> Vec<String> {
    let ir = codegen::compile(&codegen::source::read_spec_dir(&common::root().join("spec")).unwrap()).unwrap();
    let mut lines = Vec::new();
    for e in &ir.events {
        let name = ir.qualified_name(e);
        let o = common::fwevents(&["fixture", &name], b"");
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        lines.push(v.to_string());
        let o = common::fwevents(&["fixture", &name, "--seed", "0", "--count", &count.to_string()], b"");
        assert!(o.status.success());
        // One payload is printed pretty, more one per line.
        lines.extend(serde_json::Deserializer::from_slice(&o.stdout).into_iter::<Value>().map(|v| v.unwrap().to_string()));
    }
    lines
}

/// Asserts that the package gives, payload for payload, what `fwevents validate --format
/// json` gives; returns how many payloads and how many violations were compared.
fn compare(files: &[PathBuf], ndjson: bool, strict: bool, event: Option<&str>) -> (usize, usize) {
    let s = setup();
    let names: Vec<String> = files.iter().map(|f| slash(f)).collect();
    // Every error listed, as the package lists them.
    let mut args: Vec<&str> = vec!["validate", "--format", "json", "--max-errors", "0"];
    if ndjson {
        args.push("--ndjson");
    }
    if strict {
        args.push("--strict");
    }
    if let Some(e) = event {
        args.extend(["--event", e]);
    }
    args.extend(names.iter().map(String::as_str));
    let rust = common::fwevents(&args, b"");
    assert!(rust.status.code() == Some(0) || rust.status.code() == Some(1), "{}", common::text(&rust.stderr));
    let pkg = slash(&s.app.join("node_modules/freshworks-events"));
    let script = slash(&common::root().join("tests/npm/verdicts.cjs"));
    let mut nargs: Vec<&str> = vec![&script, &pkg];
    if ndjson {
        nargs.push("--ndjson");
    }
    if strict {
        nargs.push("--strict");
    }
    let named = event.map(|e| format!("--event={e}"));
    nargs.extend(named.as_deref());
    nargs.extend(names.iter().map(String::as_str));
    let js = run(&s.dir, "node", &nargs);
    let (rust, js) = (common::text(&rust.stdout), common::text(&js.stdout));
    let (rust, js): (Vec<&str>, Vec<&str>) = (rust.lines().collect(), js.lines().collect());
    assert_eq!(rust.len(), js.len(), "as many verdicts from each");
    let mut differ = Vec::new();
    let mut violations = 0;
    for (r, j) in rust.iter().zip(&js) {
        let (r, j): (Value, Value) = (serde_json::from_str(r).unwrap(), serde_json::from_str(j).unwrap());
        violations += r["errors"].as_array().map_or(0, Vec::len);
        if r != j {
            differ.push(format!("rust: {r}\n  js: {j}"));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} verdicts differ (strict: {strict}); the first:\n{}",
        differ.len(),
        rust.len(),
        differ[..differ.len().min(5)].join("\n")
    );
    (rust.len(), violations)
}

#[test]
fn the_package_validates_every_fixture_and_real_payload_as_the_rust_models_do() {
    let s = setup();
    let log = s.dir.join("fixtures.ndjson");
    std::fs::write(&log, fixtures(20).join("\n") + "\n").unwrap();
    let real: Vec<PathBuf> = std::fs::read_dir(common::root().join("../shared/payloads"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert!(real.len() >= 4);
    for strict in [false, true] {
        let (n, _) = compare(std::slice::from_ref(&log), true, strict, None);
        assert_eq!(n, 5 * 21);
        // Every fixture read as one event, as `--event` and `{ event }` do: the other events'
        // payloads break its types and the envelope names another event.
        let (n, violations) = compare(std::slice::from_ref(&log), true, strict, Some("freshchat/onAgentActivityCreate"));
        assert_eq!(n, 5 * 21);
        assert!(violations > 4 * 21, "{violations}");
        let (n, violations) = compare(&real, false, strict, None);
        assert_eq!(n, real.len());
        // The Freshdesk onAgentUpdate is not in the spec, and strict finds what the
        // Freshsales payload does otherwise than its page: the comparison is not of empty lists.
        assert!(violations >= if strict { 2 } else { 1 }, "{violations}");
    }
}

/// A payload of more wrong items than a report keeps: both list the same first 10,000 and
/// count the rest, in both readings, with an earlier attribute sent after the items too
/// (which the Rust validator lists first, in spec order).
#[test]
fn past_what_a_report_keeps_the_package_lists_and_counts_as_the_rust_models_do() {
    let s = setup();
    let items = vec!["1"; 10_050].join(",");
    let mut log = String::new();
    for tail in ["", r#","email":5"#] {
        log += &format!(r#"{{"event":"onAgentActivityCreate","data":{{"actor":{{"social_profiles":[{items}]{tail}}}}}}}"#);
        log.push('\n');
    }
    let file = s.dir.join("many-wrong-items.ndjson");
    std::fs::write(&file, &log).unwrap();
    for strict in [false, true] {
        let (n, violations) = compare(std::slice::from_ref(&file), true, strict, None);
        assert_eq!(n, 2);
        // Each lists the first 10,000.
        assert_eq!(violations, 20_000, "strict: {strict}");
    }
    let pkg = slash(&s.app.join("node_modules/freshworks-events"));
    let script = slash(&common::root().join("tests/npm/verdicts.cjs"));
    let js = run(&s.dir, "node", &[&script, &pkg, "--ndjson", &slash(&file)]);
    for line in common::text(&js.stdout).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["errors"].as_array().map(Vec::len), Some(10_000), "{}", &line[..200]);
        assert!(v["error_count"].as_u64().is_some_and(|c| c >= 10_050), "{}", v["error_count"]);
        assert_eq!(v["valid"], false);
    }
}

#[test]
fn the_package_reports_every_broken_payload_as_the_rust_models_do() {
    let s = setup();
    // The seeds of the broken payloads: the real payloads and fixtures, each on one line.
    let mut seeds: Vec<String> =
        common::real_payloads().iter().map(|(_, bytes)| serde_json::from_slice::<Value>(bytes).unwrap().to_string()).collect();
    seeds.extend(fixtures(1));
    let input = seeds.join("\n") + "\n";
    let spec = slash(&common::root().join("npm/spec.json"));
    let script = slash(&common::root().join("tests/npm/broken.cjs"));
    let mut child = Command::new("node")
        .args([script.as_str(), spec.as_str()])
        .current_dir(&s.dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let mut broken = out.stdout;
    // Bytes that are not UTF-8, and a byte-order mark before a payload.
    broken.extend_from_slice(b"{\"event\":\"onAgentUpdate\",\"x\":\"\xff\"}\n\xef\xbb\xbf{}\n");
    // Values nested about as deep as the reader follows, in an attribute the spec does not
    // list, with the event named before `data` and after it.
    let chat: Value = serde_json::from_str(&seeds[seeds.len() - 10]).unwrap();
    for levels in [126, 127, 128, 200, 201, 202, 1500] {
        let deep = format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        let mut v = chat.clone();
        v["data"]["actor"]["zz"] = Value::from("@@");
        let early = v.to_string().replace("\"@@\"", &deep);
        let data = v["data"].take();
        let late = format!("{{\"data\":{},{}", data.to_string().replace("\"@@\"", &deep), &v.to_string()[1..]);
        for line in [early, late, format!("{{\"zz\":{deep}}}"), deep] {
            broken.extend_from_slice(line.as_bytes());
            broken.push(b'\n');
        }
    }
    // Lone surrogate escapes, which JSON.parse takes: both read each as U+FFFD, in a value
    // of an open string, of an enum, of an attribute the spec does not list, and in a key.
    for text in [r#""A\ud800b""#, r#""\udc00""#, r#""\ud800\ud800""#, r#""\ud83d\ude00""#, r#""\ud800\u0041""#] {
        let mut v = chat.clone();
        v["data"]["actor"]["first_name"] = Value::from("@@");
        v["data"]["actor"]["type"] = Value::from("@@");
        v["data"]["actor"]["zz"] = Value::from("@@");
        let line = v.to_string().replace("\"@@\"", text).replacen("{", &format!("{{{text}:1,"), 1);
        broken.extend_from_slice(line.as_bytes());
        broken.push(b'\n');
    }
    let log = s.dir.join("broken.ndjson");
    std::fs::write(&log, &broken).unwrap();
    let lines = broken.iter().filter(|b| **b == b'\n').count();
    assert!(lines > 20_000, "{lines} broken payloads");
    for strict in [false, true] {
        let (n, violations) = compare(std::slice::from_ref(&log), true, strict, None);
        assert_eq!(n, lines);
        assert!(violations > lines / 2, "the broken payloads have violations: {violations} for {n}");
    }
}

#[test]
fn npm_writes_only_into_its_own_folder_and_never_through_a_link() {
    let tmp = common::TempDir::new("npm-folder");
    // Another project's folder: its package.json and tsconfig.json are not the generator's.
    let project = tmp.0.join("project");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(project.join("package.json"), "{\"name\":\"my-app\"}").unwrap();
    std::fs::write(project.join("tsconfig.json"), "{}").unwrap();
    let o = common::fwevents(&["npm", "--out", project.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(common::text(&o.stderr).contains("belongs to another package (\"my-app\")"), "{}", common::text(&o.stderr));
    assert_eq!(std::fs::read_to_string(project.join("package.json")).unwrap(), "{\"name\":\"my-app\"}");
    assert!(project.join("tsconfig.json").exists());

    // A new folder becomes the package, and stays writable as its own.
    let fresh = tmp.0.join("fresh");
    for _ in 0..2 {
        let o = common::fwevents(&["npm", "--out", fresh.to_str().unwrap()], b"");
        assert!(o.status.success(), "{}", common::text(&o.stderr));
    }
    let pkg: Value = serde_json::from_str(&std::fs::read_to_string(fresh.join("package.json")).unwrap()).unwrap();
    assert_eq!(pkg["name"], "freshworks-events");

    #[cfg(unix)]
    {
        let victim = tmp.0.join("victim.txt");
        std::fs::write(&victim, "keep").unwrap();
        std::fs::remove_file(fresh.join("engine.cjs")).unwrap();
        std::os::unix::fs::symlink(&victim, fresh.join("engine.cjs")).unwrap();
        let o = common::fwevents(&["npm", "--out", fresh.to_str().unwrap()], b"");
        assert_eq!(o.status.code(), Some(2));
        assert!(common::text(&o.stderr).contains("is a symbolic link"), "{}", common::text(&o.stderr));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    }
}

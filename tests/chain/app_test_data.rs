//! `fwevents fixture --out/--app`: test data for the sample app in tests/apps/sample, written
//! where the Freshworks simulator reads it, one file per event its manifest subscribes to
//! (platform 2.x products and 3.x modules); existing files kept unless forced; bad
//! manifests and options refused; no link written through, no FIFO opened, names shown
//! escaped.

use std::path::Path;
use std::process::{Command, Output};

use crate::common;

/// A copy of the sample app (its manifest and server.js) in a temporary folder.
fn sample_app(name: &str) -> common::TempDir {
    let tmp = common::TempDir::new(name);
    let sample = common::root().join("tests/apps/sample");
    std::fs::copy(sample.join("manifest.json"), tmp.0.join("manifest.json")).unwrap();
    std::fs::create_dir_all(tmp.0.join("server")).unwrap();
    std::fs::copy(sample.join("server/server.js"), tmp.0.join("server/server.js")).unwrap();
    tmp
}

/// Runs `fwevents` in `dir`, as a developer would from the app's folder.
fn fwevents_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fwevents")).args(args).current_dir(dir).output().unwrap()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

const COVERED: [(&str, &str); 5] = [
    ("onAgentActivityCreate.json", "freshchat/onAgentActivityCreate"),
    ("onAgentAvailabilityUpdate.json", "freshdesk/onAgentAvailabilityUpdate"),
    ("onAgentCustomStatusUpdate.json", "freshchat/onAgentCustomStatusUpdate"),
    ("onAgentUpdate.json", "freshcaller/onAgentUpdate"),
    ("onUserAgentAvailabilityUpdate.json", "freshsales/onUserAgentAvailabilityUpdate"),
];

#[test]
fn writes_one_valid_file_per_subscribed_event_the_spec_covers() {
    let app = sample_app("app-data");
    let o = fwevents_in(&app.0, &["fixture", "--out", "server/test_data"]);
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    let data = app.0.join("server/test_data");
    let names: Vec<&str> = COVERED.iter().map(|(f, _)| *f).collect();
    assert_eq!(files(&data), names);
    let out = common::text(&o.stdout);
    for (file, qualified) in COVERED {
        assert!(out.contains(&format!("wrote server/test_data/{file} ({qualified})")), "{out}");
        let path = data.join(file);
        let payload: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(format!("{}.json", payload["event"].as_str().unwrap()), file);
        // Valid in the strict reading, as the event the manifest's product raises.
        let v = common::fwevents(&["validate", "--strict", "--event", qualified, path.to_str().unwrap()], b"");
        assert!(v.status.success(), "{file}: {}{}", common::text(&v.stdout), common::text(&v.stderr));
    }
    // The freshworks_crm product of the manifest is the spec's Freshsales, and domains
    // tell the shared event name apart.
    let caller: serde_json::Value = serde_json::from_slice(&std::fs::read(data.join("onAgentUpdate.json")).unwrap()).unwrap();
    assert!(caller["domain"].as_str().unwrap().ends_with("freshcaller.com"), "{caller}");
    let err = common::text(&o.stderr);
    assert!(err.contains("not covered: freshchat/onConversationCreate: the spec has no such event"), "{err}");
    assert!(err.contains("not covered: freshdesk/onAgentUpdate: the spec has onAgentUpdate only for Freshcaller"), "{err}");
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let app = sample_app("app-keep");
    let data = app.0.join("server/test_data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("onAgentUpdate.json"), "{\"mine\": true}\n").unwrap();
    let o = fwevents_in(&app.0, &["fixture", "--app", "."]);
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    assert_eq!(std::fs::read_to_string(data.join("onAgentUpdate.json")).unwrap(), "{\"mine\": true}\n");
    assert!(common::text(&o.stdout).contains("kept ./server/test_data/onAgentUpdate.json (it exists; --force overwrites)"));
    assert_eq!(files(&data).len(), 5);
    let default = std::fs::read_to_string(data.join("onAgentActivityCreate.json")).unwrap();
    // --force overwrites; a seed draws other payloads, still valid.
    let o = fwevents_in(&app.0, &["fixture", "--app", ".", "--force", "--seed", "7"]);
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    assert!(std::fs::read_to_string(data.join("onAgentUpdate.json")).unwrap().contains("\"event\": \"onAgentUpdate\""));
    assert_ne!(std::fs::read_to_string(data.join("onAgentActivityCreate.json")).unwrap(), default);
    let paths: Vec<String> = files(&data).iter().map(|f| data.join(f).to_string_lossy().into_owned()).collect();
    let mut args = vec!["validate", "--strict"];
    args.extend(paths.iter().map(String::as_str));
    let v = common::fwevents(&args, b"");
    assert!(v.status.success(), "{}", common::text(&v.stdout));
}

#[test]
fn an_app_folder_elsewhere_and_a_platform_3_manifest() {
    let app = common::TempDir::new("app-v3");
    std::fs::write(
        app.0.join("manifest.json"),
        r#"{"platform-version": "3.0", "modules": {"common": {"events": {"onAgentActivityCreate": {"handler": "a"}, "onTicketCreate": {"handler": "b"}}}}}"#,
    )
    .unwrap();
    let o = common::fwevents(&["fixture", "--app", app.0.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    assert_eq!(files(&app.0.join("server/test_data")), ["onAgentActivityCreate.json"]);
    assert!(common::text(&o.stderr).contains("not covered: common/onTicketCreate: the spec has no such event"));
}

#[test]
fn platform_3_modules_name_the_product_whose_payload_is_written() {
    // A Freshdesk module's onAgentUpdate is Freshdesk's event, which the spec does not
    // cover: it is reported, never filled with Freshcaller's payload of the same name.
    let app = common::TempDir::new("app-v3-modules");
    std::fs::write(
        app.0.join("manifest.json"),
        r#"{"platform-version": "3.0", "modules": {
            "support_agent": {"events": {"onAgentUpdate": {"handler": "a"}, "onAgentAvailabilityUpdate": {"handler": "b"}}},
            "chat_conversation": {"events": {"onAgentActivityCreate": {"handler": "c"}, "onUserAgentAvailabilityUpdate": {"handler": "d"}}},
            "sales_account": {"events": {"onUserAgentAvailabilityUpdate": {"handler": "e"}}}
        }}"#,
    )
    .unwrap();
    let o = common::fwevents(&["fixture", "--app", app.0.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    let data = app.0.join("server/test_data");
    assert_eq!(files(&data), ["onAgentActivityCreate.json", "onAgentAvailabilityUpdate.json", "onUserAgentAvailabilityUpdate.json"]);
    let out = common::text(&o.stdout);
    assert!(out.contains("onAgentAvailabilityUpdate.json (freshdesk/onAgentAvailabilityUpdate)"), "{out}");
    assert!(out.contains("onUserAgentAvailabilityUpdate.json (freshsales/onUserAgentAvailabilityUpdate)"), "{out}");
    let err = common::text(&o.stderr);
    assert!(
        err.contains("not covered: support_agent/onAgentUpdate (a Freshdesk module): the spec has onAgentUpdate only for Freshcaller"),
        "{err}"
    );
    assert!(
        err.contains("not covered: chat_conversation/onUserAgentAvailabilityUpdate (a Freshchat module): the spec has onUserAgentAvailabilityUpdate only for Freshsales"),
        "{err}"
    );

    // A Freshcaller module's onAgentUpdate is Freshcaller's.
    std::fs::write(app.0.join("manifest.json"), r#"{"modules": {"caller_conversation": {"events": {"onAgentUpdate": {"handler": "a"}}}}}"#)
        .unwrap();
    let o = common::fwevents(&["fixture", "--app", app.0.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    assert!(common::text(&o.stdout).contains("onAgentUpdate.json (freshcaller/onAgentUpdate)"), "{}", common::text(&o.stdout));
}

#[test]
fn a_missing_or_malformed_manifest_is_a_clear_error() {
    let app = common::TempDir::new("app-bad");
    let dir = app.0.to_str().unwrap();
    let o = common::fwevents(&["fixture", "--app", dir], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(common::text(&o.stderr).contains(&format!("no manifest.json in {dir}")), "{}", common::text(&o.stderr));

    std::fs::write(app.0.join("manifest.json"), "{\n  \"product\": {\n    \"freshchat\": \n}\n").unwrap();
    let o = common::fwevents(&["fixture", "--app", dir], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = common::text(&o.stderr);
    assert!(err.contains("manifest.json is not valid JSON") && err.contains("line 4"), "{err}");

    std::fs::write(app.0.join("manifest.json"), r#"{"product": {"freshchat": {"events": {"onAgentActivityCreate": "handler"}}}}"#).unwrap();
    let o = common::fwevents(&["fixture", "--app", dir], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = common::text(&o.stderr);
    assert!(
        err.contains("manifest.json: /product/freshchat/events/onAgentActivityCreate: expected {\"handler\": NAME}, found a string"),
        "{err}"
    );
    assert!(!app.0.join("server").exists(), "nothing is written from a broken manifest");
}

#[test]
fn event_and_app_options_do_not_mix() {
    let o = common::fwevents(&["fixture", "onAgentUpdate", "--out", "x"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(common::text(&o.stderr).contains("not both"), "{}", common::text(&o.stderr));
    let o = common::fwevents(&["fixture", "--app", "tests/apps/sample", "--count", "3"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(common::text(&o.stderr).contains("--count does not apply"), "{}", common::text(&o.stderr));
    let o = common::fwevents(&["fixture"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn every_handler_the_sample_manifest_names_is_in_its_server_js() {
    let root = common::root().join("tests/apps/sample");
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(root.join("manifest.json")).unwrap()).unwrap();
    let server = std::fs::read_to_string(root.join("server/server.js")).unwrap();
    let mut n = 0;
    for product in manifest["product"].as_object().unwrap().values() {
        for handler in product["events"].as_object().unwrap().values() {
            let name = handler["handler"].as_str().unwrap();
            assert!(server.contains(&format!("  {name}: function")), "{name} is not in server.js");
            n += 1;
        }
    }
    assert_eq!(n, 7);
}

/// The app's folder is not ours: a link in it, dangling or to a file or folder elsewhere,
/// never makes the command write outside it, with `--force` or without.
#[cfg(unix)]
#[test]
fn links_in_the_app_are_never_written_through() {
    use std::os::unix::fs::symlink;
    let app = sample_app("app-links");
    let outside = common::TempDir::new("app-links-outside");
    let data = app.0.join("server/test_data");
    std::fs::create_dir_all(&data).unwrap();
    symlink(outside.0.join("created.json"), data.join("onAgentUpdate.json")).unwrap();
    std::fs::write(outside.0.join("theirs.json"), "theirs").unwrap();
    symlink(outside.0.join("theirs.json"), data.join("onAgentActivityCreate.json")).unwrap();
    for force in [&["fixture", "--app", "."][..], &["fixture", "--app", ".", "--force"]] {
        let o = fwevents_in(&app.0, force);
        assert_eq!(o.status.code(), Some(1), "{}", common::text(&o.stderr));
        let err = common::text(&o.stderr);
        assert!(err.contains("error: not written: ./server/test_data/onAgentUpdate.json is a symbolic link"), "{err}");
        assert!(err.contains("error: not written: ./server/test_data/onAgentActivityCreate.json is a symbolic link"), "{err}");
        assert!(!outside.0.join("created.json").exists(), "a dangling link made a file outside the app");
        assert_eq!(std::fs::read_to_string(outside.0.join("theirs.json")).unwrap(), "theirs");
        // The other events are still written, as regular files.
        assert!(std::fs::symlink_metadata(data.join("onAgentCustomStatusUpdate.json")).unwrap().is_file());
    }

    // A test_data folder, or the server folder, that is a link to a folder elsewhere.
    std::fs::remove_dir_all(&data).unwrap();
    symlink(&outside.0, &data).unwrap();
    let o = fwevents_in(&app.0, &["fixture", "--app", ".", "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::text(&o.stderr).contains("./server/test_data is a symbolic link"), "{}", common::text(&o.stderr));
    std::fs::remove_file(&data).unwrap();
    let server = app.0.join("server");
    std::fs::remove_dir_all(&server).unwrap();
    symlink(&outside.0, &server).unwrap();
    let o = fwevents_in(&app.0, &["fixture", "--out", "server/test_data"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::text(&o.stderr).contains("server is a symbolic link"), "{}", common::text(&o.stderr));
    assert_eq!(files(&outside.0), ["theirs.json"]);
}

/// A FIFO where the manifest or a target is makes no read or write wait for a writer.
#[cfg(unix)]
#[test]
fn a_fifo_is_never_read_or_written() {
    let app = sample_app("app-fifo");
    let mkfifo = |path: &Path| Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success());
    let data = app.0.join("server/test_data");
    std::fs::create_dir_all(&data).unwrap();
    if !mkfifo(&data.join("onAgentUpdate.json")) {
        eprintln!("no mkfifo here; skipped");
        return;
    }
    let o = fwevents_in(&app.0, &["fixture", "--app", ".", "--force"]);
    assert_eq!(o.status.code(), Some(1));
    let err = common::text(&o.stderr);
    assert!(err.contains("onAgentUpdate.json is not a regular file (a FIFO, socket or device)"), "{err}");
    assert_eq!(files(&data).len(), 5);

    std::fs::remove_file(app.0.join("manifest.json")).unwrap();
    assert!(mkfifo(&app.0.join("manifest.json")));
    let o = fwevents_in(&app.0, &["fixture", "--app", "."]);
    assert_eq!(o.status.code(), Some(2));
    let err = common::text(&o.stderr);
    assert!(err.contains("manifest.json is not a regular file"), "{err}");
}

#[test]
fn manifest_names_reach_the_terminal_escaped() {
    let app = common::TempDir::new("app-names");
    let manifest = serde_json::json!({"product": {
        "fresh\u{1b}[2Jdesk": {"events": {"onX\nerror: forged line": {"handler": "h"}}},
        "freshchat": {"events": {"on\u{202e}Y": {"handler": 1}}},
    }});
    std::fs::write(app.0.join("manifest.json"), manifest.to_string()).unwrap();
    let o = common::fwevents(&["fixture", "--app", app.0.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = common::text(&o.stderr);
    assert!(err.contains("/product/freshchat/events/on\\u{202e}Y/handler: expected the handler's name"), "{err}");
    assert!(!err.contains('\u{202e}') && !err.contains('\u{1b}'), "{err}");

    let manifest = serde_json::json!({"product": {"fresh\u{1b}[2Jdesk": {"events": {"onX\nerror: forged line": {"handler": "h"}}}}});
    std::fs::write(app.0.join("manifest.json"), manifest.to_string()).unwrap();
    let o = common::fwevents(&["fixture", "--app", app.0.to_str().unwrap()], b"");
    let err = common::text(&o.stderr);
    assert!(err.contains("not covered: fresh\\u{1b}[2Jdesk/onX\\nerror: forged line: the spec has no such event"), "{err}");
    assert!(!err.lines().any(|l| l.starts_with("error: forged")), "{err}");
}

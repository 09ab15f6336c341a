//! `--format json` and `--format github` of `lint`, `doc-check` and `diff`, as CI reads
//! them (the shapes are documented in docs/ci-formats.md).

use std::path::Path;

use serde_json::Value;

use crate::common::{self, fwevents, text, TempDir};

/// A copy of the real spec with `edit` applied to one file's text.
fn spec_copy(name: &str, file: &str, edit: impl Fn(&str) -> String) -> TempDir {
    common::spec_copy_with(name, |path, text| {
        if path != file {
            return text;
        }
        let edited = edit(&text);
        assert_ne!(edited, text, "the edit of {file} did not apply");
        edited
    })
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", text(out)))
}

/// The common fields of every finding have the documented types.
fn check_shape(doc: &Value, command: &str) {
    assert_eq!(doc["version"], 1, "{doc}");
    assert_eq!(doc["command"], command, "{doc}");
    assert!(doc["summary"].is_object(), "{doc}");
    for f in doc["findings"].as_array().expect("findings is a list") {
        assert!(f["file"].is_string(), "{f}");
        assert!(f["line"].is_u64() || f["line"].is_null(), "{f}");
        assert!(f["column"].is_u64() || f["column"].is_null(), "{f}");
        assert!(matches!(f["severity"].as_str(), Some("error" | "notice")), "{f}");
        assert!(f["code"].is_string() && f["message"].is_string(), "{f}");
    }
}

/// A workflow command: level, `key=value` properties, message.
type Command = (String, Vec<(String, String)>, String);

/// Workflow command lines: `::LEVEL PROPS::MESSAGE`, each property `key=value`.
fn github_lines(out: &[u8]) -> Vec<Command> {
    text(out)
        .lines()
        .map(|l| {
            let rest = l.strip_prefix("::").unwrap_or_else(|| panic!("not a workflow command: {l}"));
            let (head, message) = rest.split_once("::").unwrap_or_else(|| panic!("no message: {l}"));
            let (level, props) = head.split_once(' ').unwrap();
            let props = props
                .split(',')
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or_else(|| panic!("property without =: {p} in {l}"));
                    (k.to_string(), v.to_string())
                })
                .collect();
            (level.to_string(), props, message.to_string())
        })
        .collect()
}

fn prop<'a>(props: &'a [(String, String)], key: &str) -> Option<&'a str> {
    props.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

#[test]
fn lint_json_and_github() {
    let o = fwevents(&["lint", "spec", "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let doc = json_of(&o.stdout);
    check_shape(&doc, "lint");
    assert_eq!(doc["findings"], serde_json::json!([]));
    assert_eq!(doc["summary"]["problems"], 0);
    assert_eq!(doc["summary"]["events"], 5);

    let broken =
        spec_copy("fmt-lint", "freshsales/onUserAgentAvailabilityUpdate.yaml", |t| t.replacen("type: ActorType", "type: ActorTyp", 1));
    let dir = broken.0.to_str().unwrap();
    let o = fwevents(&["lint", dir, "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(1));
    let doc = json_of(&o.stdout);
    check_shape(&doc, "lint");
    let f = &doc["findings"][0];
    assert_eq!(f["file"], format!("{dir}/freshsales/onUserAgentAvailabilityUpdate.yaml"));
    assert_eq!(f["severity"], "error");
    assert_eq!(f["code"], "spec-problem");
    assert_eq!(f["path"], "data.actor.type");
    assert!(f["line"].as_u64().unwrap() > 1 && f["column"].as_u64().unwrap() > 1, "{f}");
    assert!(f["message"].as_str().unwrap().contains("unknown type \"ActorTyp\""), "{f}");

    let o = fwevents(&["lint", dir, "--format", "github"], b"");
    assert_eq!(o.status.code(), Some(1));
    let lines = github_lines(&o.stdout);
    assert_eq!(lines.len(), 1, "{}", text(&o.stdout));
    let (level, props, message) = &lines[0];
    assert_eq!(level, "error");
    assert_eq!(prop(props, "file"), Some(format!("{dir}/freshsales/onUserAgentAvailabilityUpdate.yaml").as_str()));
    assert_eq!(prop(props, "line").map(|l| l.parse::<u64>().unwrap()), f["line"].as_u64());
    assert_eq!(prop(props, "col").map(|l| l.parse::<u64>().unwrap()), f["column"].as_u64());
    // The title's colon is escaped; the message keeps its own.
    assert_eq!(prop(props, "title"), Some("fwevents lint%3A spec-problem"));
    assert!(message.starts_with("data.actor.type: unknown type"), "{message}");
}

#[test]
fn doc_check_json_and_github() {
    let tmp = TempDir::new("fmt-doccheck");
    let page = std::fs::read_to_string(common::root().join("../shared/docs/freshchat-onAgentActivityCreate.txt")).unwrap();
    let edited =
        page.replace("- emojistring\nEmoji associated with the status of the agent.\n", "- moodstring\nMood of the agent, 100% honest.\n");
    assert_ne!(edited, page);
    let path = tmp.0.join("page, v2.txt");
    std::fs::write(&path, edited).unwrap();
    let p = path.to_str().unwrap();

    let o = fwevents(&["doc-check", p, "--event", "onAgentActivityCreate", "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let doc = json_of(&o.stdout);
    check_shape(&doc, "doc-check");
    assert_eq!(doc["summary"]["event"], "freshchat/onAgentActivityCreate");
    assert_eq!(doc["summary"]["unexplained"], 2);
    let findings = doc["findings"].as_array().unwrap();
    let mood = findings.iter().find(|f| f["path"] == "data.agent_activity.mood").expect("the new attribute");
    assert_eq!(mood["severity"], "error");
    assert_eq!(mood["code"], "difference");
    assert_eq!(mood["known"], false);
    assert_eq!(mood["file"], p);
    let line = mood["line"].as_u64().unwrap() as usize;
    assert!(page.lines().count() >= line && std::fs::read_to_string(&path).unwrap().lines().nth(line - 1) == Some("- moodstring"));
    // Only on the spec's side: no line on the page.
    let emoji = findings.iter().find(|f| f["path"] == "data.agent_activity.emoji").expect("the removed attribute");
    assert_eq!(emoji["line"], Value::Null);

    let o = fwevents(&["doc-check", p, "--event", "onAgentActivityCreate", "--format", "github"], b"");
    assert_eq!(o.status.code(), Some(1));
    let lines = github_lines(&o.stdout);
    assert_eq!(lines.len(), findings.len());
    let (level, props, message) = lines.iter().find(|(_, _, m)| m.starts_with("data.agent_activity.mood")).unwrap();
    assert_eq!(level, "error");
    // The comma in the file name is escaped so that it does not end the property.
    assert_eq!(prop(props, "file"), Some(p.replace(',', "%2C").as_str()));
    assert_eq!(prop(props, "line"), Some(line.to_string().as_str()));
    assert_eq!(prop(props, "col"), None);
    assert_eq!(prop(props, "title"), Some("fwevents doc-check%3A difference"));
    assert_eq!(message, "data.agent_activity.mood: on the page (string), not in the spec");
    let (_, props, _) = lines.iter().find(|(_, _, m)| m.starts_with("data.agent_activity.emoji")).unwrap();
    assert_eq!(prop(props, "line"), None);

    // Known quirks are notices, and do not fail the check.
    let o = fwevents(
        &[
            "doc-check",
            "../shared/docs/freshchat-onAgentCustomStatusUpdate.txt",
            "--event",
            "onAgentCustomStatusUpdate",
            "--format",
            "github",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(github_lines(&o.stdout).iter().all(|(level, _, _)| level == "notice"));
}

#[test]
fn diff_json_and_github_report_a_shared_type_once() {
    let new = spec_copy("fmt-diff", "types.yaml", |t| {
        t.replacen(
            "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n",
            "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n      - { value: bot }\n",
            1,
        )
    });
    let dir = new.0.to_str().unwrap();
    let o = fwevents(&["diff", "spec", dir, "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let doc = json_of(&o.stdout);
    check_shape(&doc, "diff");
    assert_eq!(doc["summary"]["semver"], "major");
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{doc}");
    let f = &findings[0];
    assert_eq!(f["code"], "breaking");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["impact"], "major");
    assert_eq!(f["shared_type"], "ActorType");
    assert_eq!(f["file"], format!("{dir}/types.yaml"));
    let types = std::fs::read_to_string(Path::new(dir).join("types.yaml")).unwrap();
    assert_eq!(types.lines().nth(f["line"].as_u64().unwrap() as usize - 1).map(str::trim), Some("ActorType:"));
    let events: Vec<&str> = f["events"].as_array().unwrap().iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert!(events.len() >= 3 && events.contains(&"freshsales/onUserAgentAvailabilityUpdate"), "{events:?}");
    // Counted once, as the text and the Markdown count it.
    assert_eq!(doc["summary"]["breaking"], 1);
    assert_eq!(doc["summary"]["changes"], 1);
    assert_eq!(f["id"], "enum-value-added-closed");
    assert_eq!(f["path"], "types.ActorType");
    let plain = text(&fwevents(&["diff", "spec", dir], b"").stdout);
    assert!(plain.ends_with("\n1 breaking, 0 compatible change(s)\n"), "{plain}");
    let md = text(&fwevents(&["diff", "spec", dir, "--format", "markdown"], b"").stdout);
    assert!(md.starts_with("**Spec changes: 1 breaking, 0 compatible change(s) for payload consumers."), "{md}");

    let o = fwevents(&["diff", "spec", dir, "--format", "github"], b"");
    let lines = github_lines(&o.stdout);
    assert_eq!(lines.len(), 1, "{}", text(&o.stdout));
    let (level, props, message) = &lines[0];
    assert_eq!(level, "error");
    assert_eq!(prop(props, "line").map(|l| l.parse::<u64>().unwrap()), f["line"].as_u64());
    assert_eq!(prop(props, "title"), Some("fwevents diff%3A breaking"));
    assert!(message.starts_with("ActorType: enum value \"bot\" added (closed enum) (reaches freshchat/"), "{message}");

    // Nothing changed: an empty list, no annotations.
    let o = fwevents(&["diff", "spec", "spec", "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(0));
    let doc = json_of(&o.stdout);
    assert_eq!(doc["findings"], serde_json::json!([]));
    assert_eq!(doc["summary"]["semver"], Value::Null);
    let o = fwevents(&["diff", "spec", "spec", "--format", "github"], b"");
    assert_eq!(text(&o.stdout), "");
}

/// The table of change ids in docs/ci-formats.md, as the diff defines them.
fn change_id_table() -> String {
    let mut table = String::from("| id | class | Rust API | what changed |\n| --- | --- | --- | --- |\n");
    for kind in codegen::diff::Kind::ALL {
        let (id, what) = kind.describe();
        table.push_str(&format!("| `{id}` | {} | {} | {what} |\n", kind.class(), kind.impact()));
    }
    table
}

#[test]
fn every_change_id_is_documented() {
    let docs = std::fs::read_to_string(common::root().join("docs/ci-formats.md")).unwrap();
    let table = change_id_table();
    assert!(docs.contains(&table), "docs/ci-formats.md should hold the table of change ids:\n{table}");
}

#[test]
fn diff_fails_on_the_class_asked_and_honours_accepted_changes() {
    let new = spec_copy("fmt-accept", "types.yaml", |t| {
        t.replacen(
            "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n",
            "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n      - { value: bot }\n",
            1,
        )
    });
    let dir = new.0.to_str().unwrap();
    let exit = |extra: &[&str]| {
        let mut args = vec!["diff", "spec", dir];
        args.extend_from_slice(extra);
        fwevents(&args, b"").status.code()
    };
    assert_eq!(exit(&[]), Some(1), "breaking fails by default");
    assert_eq!(exit(&["--fail-on", "never"]), Some(0));
    assert_eq!(exit(&["--fail-on", "compatible"]), Some(1));
    // A compatible change alone fails only --fail-on compatible.
    let docs_only = spec_copy("fmt-docs-only", "types.yaml", |t| {
        t.replacen("The product itself, e.g. an automatic status change.", "The product itself, e.g. a status changed by a schedule.", 1)
    });
    let docs_dir = docs_only.0.to_str().unwrap();
    assert_eq!(fwevents(&["diff", "spec", docs_dir], b"").status.code(), Some(0));
    assert_eq!(fwevents(&["diff", "spec", docs_dir, "--fail-on", "compatible"], b"").status.code(), Some(1));

    // Accepted: reported as such, counted apart, and no reason to fail. (Outside the spec
    // directory, whose every YAML file is a spec file.)
    let files = common::TempDir::new("fmt-accept-files");
    let accept = files.0.join("accepted.yaml");
    std::fs::write(
        &accept,
        "accepted:\n  - id: enum-value-added-closed\n    path: types.ActorType\n    reason: bots act since the March release\n  - id: attribute-removed\n    path: freshchat/onAgentActivityCreate:data.gone\n    reason: stale\n",
    )
    .unwrap();
    let accept = accept.to_str().unwrap();
    let o = fwevents(&["diff", "spec", dir, "--accept", accept], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let out = text(&o.stdout);
    assert!(
        out.contains("  accepted    enum-value-added-closed  data.actor.type: ")
            && out.contains("[accepted: bots act since the March release]"),
        "{out}"
    );
    assert!(out.ends_with("\n0 breaking, 0 compatible, 1 accepted change(s)\n"), "{out}");
    assert!(
        text(&o.stderr).contains(
            "note: accepted change attribute-removed at freshchat/onAgentActivityCreate:data.gone matches no change of this diff"
        ),
        "{}",
        text(&o.stderr)
    );
    let o = fwevents(&["diff", "spec", dir, "--accept", accept, "--format", "json"], b"");
    let doc = json_of(&o.stdout);
    check_shape(&doc, "diff");
    assert_eq!(doc["summary"]["accepted"], 1);
    assert_eq!(doc["summary"]["breaking"], 0);
    assert_eq!(doc["summary"]["failed"], false);
    assert_eq!(doc["summary"]["unused_accepted"][0]["id"], "attribute-removed");
    assert_eq!(doc["findings"][0]["accepted"], "bots act since the March release");
    assert_eq!(doc["findings"][0]["severity"], "notice");
    let md = text(&fwevents(&["diff", "spec", dir, "--accept", accept, "--format", "markdown"], b"").stdout);
    assert!(md.starts_with("**Spec changes: 0 breaking, 0 compatible, 1 accepted change(s) for payload consumers."), "{md}");

    // A bad file is a usage error naming each problem.
    let bad = files.0.join("bad.yaml");
    std::fs::write(&bad, "accepted:\n  - id: enum-value-added\n    path: types.ActorType\n    reason: ''\n").unwrap();
    let o = fwevents(&["diff", "spec", dir, "--accept", bad.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("accepted[0].id: no change has the id \"enum-value-added\"") && err.contains("accepted[0].reason: empty"),
        "{err}"
    );
    let o = fwevents(&["diff", "spec", dir, "--accept", dir], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("is not a regular file"), "{}", text(&o.stderr));
}

/// Several changes at once, shared and per event, breaking and compatible:
/// text, Markdown, JSON and GitHub annotations count the same.
#[test]
fn every_format_counts_the_same_changes() {
    let new = spec_copy("fmt-diff-many", "types.yaml", |t| {
        t.replacen(
            "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n",
            "      - { value: system, description: \"The product itself, e.g. an automatic status change.\" }\n      - { value: bot }\n",
            1,
        )
    });
    let event = new.0.join("freshsales/onUserAgentAvailabilityUpdate.yaml");
    let text_of = std::fs::read_to_string(&event).unwrap();
    let edited = text_of
        // An attribute removed (breaking) and one added, optional (compatible).
        .replacen(
            "      name:\n        type: string\n        description: The user's full name.\n",
            "      nickname:\n        type: string\n        optional: true\n        description: What the user likes to be called.\n",
            1,
        );
    assert_ne!(edited, text_of, "the event edit did not apply");
    std::fs::write(&event, edited).unwrap();
    let dir = new.0.to_str().unwrap();

    let run = |format: &str| {
        let o = fwevents(&["diff", "spec", dir, "--format", format, "--fail-on", "never"], b"");
        assert_eq!(o.status.code(), Some(0), "{format}: {}", text(&o.stderr));
        text(&o.stdout)
    };
    let doc = json_of(run("json").as_bytes());
    let (breaking, compatible) = (doc["summary"]["breaking"].as_u64().unwrap(), doc["summary"]["compatible"].as_u64().unwrap());
    assert_eq!(doc["summary"]["changes"].as_u64(), Some(breaking + compatible), "{doc}");
    assert_eq!(doc["findings"].as_array().unwrap().len() as u64, breaking + compatible, "{doc}");
    let plain = run("text");
    assert!(plain.ends_with(&format!("\n{breaking} breaking, {compatible} compatible change(s)\n")), "{plain}");
    let md = run("markdown");
    assert!(md.starts_with(&format!("**Spec changes: {breaking} breaking, {compatible} compatible change(s)")), "{md}");
    let github = run("github");
    let lines = github_lines(github.as_bytes());
    let findings = lines.iter().filter(|(_, props, _)| prop(props, "title").is_some_and(|t| t.starts_with("fwevents diff"))).count();
    assert_eq!(findings as u64, breaking + compatible, "{github}");
    assert!(breaking >= 2 && compatible >= 1, "{breaking} breaking, {compatible} compatible");
}

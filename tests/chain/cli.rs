//! `fwevents` as people and CI run it: exit codes, output formats, hostile input, fixtures,
//! lint, completions, man pages, `--version` and `--help`, colour.

use serde_json::Value;

use crate::common::{self, fwevents, text};

const CHAT: &str = "../shared/payloads/freshchat-onAgentActivityCreate.1.json";
const DESK: &str = "../shared/payloads/freshdesk-onAgentUpdate.1.json";

#[test]
fn valid_payloads_exit_0_quietly() {
    let o = fwevents(&["validate", CHAT, "../shared/payloads/freshsales-onUserAgentAvailabilityUpdate.1.json"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "");
    assert!(text(&o.stderr).contains("2 payload(s) checked, 0 invalid"));
}

#[test]
fn errors_are_one_line_each_with_file_and_pointer() {
    let mut v: Value = serde_json::from_slice(&common::payload("freshchat-onAgentActivityCreate.1.json")).unwrap();
    v["data"]["actor"]["type"] = "robot".into();
    v["data"]["agent_activity"]["status_change_timestamp"] = "2022-13-01T00:00:00Z".into();
    v["data"]["actor"]["login_status"] = "no".into();
    let o = fwevents(&["validate", "-"], &serde_json::to_vec(&v).unwrap());
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("-: /data/actor/login_status: expected a boolean"), "{out}");
    assert!(lines[1].starts_with("-: /data/actor/type: expected one of"), "{out}");
    assert!(lines[2].starts_with("-: /data/agent_activity/status_change_timestamp: month 13 is out of range"), "{out}");
}

#[test]
fn json_format_is_one_object_per_payload() {
    let o = fwevents(&["validate", "--format", "json", "--strict", CHAT, DESK], b"");
    assert_eq!(o.status.code(), Some(1));
    let objects: Vec<Value> = text(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objects.len(), 2);
    assert_eq!(objects[0]["file"], CHAT);
    assert_eq!(objects[0]["event"], "freshchat/onAgentActivityCreate");
    assert_eq!(objects[0]["valid"], true);
    assert_eq!(objects[0]["errors"], serde_json::json!([]));
    assert_eq!(objects[1]["valid"], false);
    assert_eq!(objects[1]["event"], Value::Null);
    assert_eq!(objects[1]["errors"][0]["kind"], "event");
    assert!(objects[1]["errors"][0]["message"].as_str().unwrap().contains("Freshdesk"));
}

#[test]
fn ndjson_reports_per_line() {
    let good = String::from_utf8(
        serde_json::to_vec(&serde_json::from_slice::<Value>(&common::payload("freshchat-onAgentActivityCreate.2.json")).unwrap()).unwrap(),
    )
    .unwrap();
    let log = format!("{good}\n\n{{\"event\": \"onAgentActivityCreate\", \"data\": 5}}\n{{broken\n{good}\n");
    let o = fwevents(&["validate", "--ndjson", "-"], log.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    // Lenient requires the whole envelope, as every real payload has it.
    let missing: String = ["account_id", "domain", "region", "timestamp", "version"]
        .iter()
        .map(|k| format!("-:3: /{k}: required attribute \"{k}\" is missing\n"))
        .collect();
    assert_eq!(
        out,
        format!(
            "{missing}-:3: /data: expected an object, found integer 5\n-:4: malformed JSON at line 4, column 2: key must be a string\n"
        )
    );
    assert!(text(&o.stderr).contains("4 payload(s) checked, 2 invalid"));
    let o = fwevents(&["validate", "--ndjson", "--format", "json", "-"], log.as_bytes());
    let lines: Vec<Value> = text(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.iter().map(|l| l["line"].as_u64().unwrap()).collect::<Vec<_>>(), [1, 3, 4, 5]);
}

#[test]
fn hostile_input_gets_a_clear_error_each() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let long = format!(r#"{{"event":"onAgentActivityCreate","data":{{"actor":{{"email":"{}"}}}}}}"#, "x".repeat(5 << 20));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "malformed JSON at line 1, column 0: EOF while parsing a value"),
        ("random bytes", vec![0xff, 0xfe, 0x00, 0x13, 0x37], "malformed JSON at line 1, column 1"),
        ("deep nesting", deep.into_bytes(), "the JSON nests deeper than 200 levels"),
        ("unknown event", br#"{"event":"onNobodyKnows","data":{}}"#.to_vec(), "unknown event \"onNobodyKnows\""),
        ("no event", br#"{"data":{}}"#.to_vec(), "no \"event\" name"),
        ("not an object", b"[1, 2]".to_vec(), "a payload is a JSON object, found an array of 2 items"),
        ("trailing garbage", br#"{"event":"onAgentActivityCreate"} x"#.to_vec(), "trailing characters"),
    ];
    for (what, input, needle) in cases {
        let o = fwevents(&["validate", "-"], &input);
        assert_eq!(o.status.code(), Some(1), "{what}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        assert!(out.contains(needle), "{what}: {out}");
        assert!(!text(&o.stderr).contains("panicked"), "{what}");
    }
    // A payload whose only content is a 5 MB string lacks the envelope and data's objects,
    // which lenient requires: every real payload has them.
    let o = fwevents(&["validate", "-"], long.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    let out = text(&o.stdout);
    assert!(out.contains("/account_id: required attribute") && out.contains("/data/agent_activity: required attribute"), "{out}");
    // Inside a whole payload, a 5 MB string is just a long (valid) email.
    let mut whole: Value = serde_json::from_slice(&common::payload("freshchat-onAgentActivityCreate.2.json")).unwrap();
    whole["data"]["actor"]["email"] = Value::String("x".repeat(5 << 20));
    let o = fwevents(&["validate", "-"], &serde_json::to_vec(&whole).unwrap());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
}

#[test]
fn usage_and_io_errors_exit_2() {
    let o = fwevents(&["validate", "no/such/file.json"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("cannot read no/such/file.json"));
    let o = fwevents(&["validate", "--event", "onNothing", CHAT], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no event \"onNothing\""));
    let o = fwevents(&["validate"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = fwevents(&["validate", "--format", "yaml", CHAT], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn event_flag_overrides_the_envelope() {
    let o = fwevents(&["validate", "--event", "freshdesk/onAgentAvailabilityUpdate", DESK], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("/event: rule event-name"), "{}", text(&o.stdout));
}

#[test]
fn roundtrip_prints_the_payload_back() {
    let o = fwevents(&["roundtrip", CHAT], b"");
    assert_eq!(o.status.code(), Some(0));
    let back: Value = serde_json::from_slice(&o.stdout).unwrap();
    let original: Value = serde_json::from_slice(&common::payload("freshchat-onAgentActivityCreate.1.json")).unwrap();
    assert_eq!(back, original);
    // An event the spec does not cover is kept whole and written back unchanged; the
    // command says so on stderr.
    let o = fwevents(&["roundtrip", DESK], b"");
    assert_eq!(o.status.code(), Some(0));
    let back: Value = serde_json::from_slice(&o.stdout).unwrap();
    let original: Value = serde_json::from_slice(&common::payload("freshdesk-onAgentUpdate.1.json")).unwrap();
    assert_eq!(back, original);
    assert!(text(&o.stderr).contains("Freshdesk"), "{}", text(&o.stderr));
}

#[test]
fn fixtures_are_reproducible_and_valid() {
    let a = fwevents(&["fixture", "onAgentUpdate"], b"");
    let b = fwevents(&["fixture", "freshcaller/onAgentUpdate"], b"");
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout, "the default fixture is the same on every run");
    let s1 = fwevents(&["fixture", "onAgentUpdate", "--seed", "7", "--strict"], b"");
    let s2 = fwevents(&["fixture", "onAgentUpdate", "--seed", "7", "--strict"], b"");
    assert_eq!(s1.stdout, s2.stdout);
    assert_ne!(s1.stdout, a.stdout);
    let many = fwevents(&["fixture", "onAgentActivityCreate", "--seed", "1", "--count", "50", "--strict"], b"");
    assert_eq!(many.status.code(), Some(0));
    assert_eq!(text(&many.stdout).lines().count(), 50);
    let o = fwevents(&["validate", "--strict", "--ndjson", "-"], &many.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let o = fwevents(&["validate", "--strict", "-"], &a.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
}

#[test]
fn lint_reports_compiler_style_and_exits_1() {
    let o = fwevents(&["lint"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    let tmp = common::spec_copy_with("lint", |path, t| match path {
        "freshchat/onAgentActivityCreate.yaml" => t.replace("    type: ChatAgentStatus", "    type: ChatAgentStatsu"),
        _ => t,
    });
    let dir = tmp.0.to_str().unwrap();
    let o = fwevents(&["lint", dir], b"");
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert_eq!(
        out.trim(),
        format!("{dir}/freshchat/onAgentActivityCreate.yaml:12:3: data.agent_activity: unknown type \"ChatAgentStatsu\" (did you mean \"ChatAgentStatus\"?)")
    );
    std::fs::write(tmp.0.join("types.yaml"), "\u{0}\u{1}garbage: [").unwrap();
    let o = fwevents(&["lint", dir], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("types.yaml:"), "{}", text(&o.stdout));
    assert!(!text(&o.stderr).contains("panicked"));
}

#[test]
fn bash_completion_completes_commands_and_options() {
    let script = fwevents(&["completions", "bash"], b"");
    assert_eq!(script.status.code(), Some(0));
    let tmp = common::TempDir::new("completions");
    let file = tmp.0.join("fwevents.bash");
    std::fs::write(&file, &script.stdout).unwrap();
    // As bash calls a completion function: the words so far, and the one being completed.
    let complete = |words: &str, cword: usize, cur: &str, prev: &str| {
        let line = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD={cword}; _fwevents fwevents {cur} {prev}; echo \"${{COMPREPLY[@]}}\"",
            file.display()
        );
        let o = std::process::Command::new("bash").args(["-c", &line]).output().expect("bash runs");
        assert!(o.status.success(), "{}", text(&o.stderr));
        text(&o.stdout).trim().to_string()
    };
    assert_eq!(complete("fwevents val", 1, "val", "fwevents"), "validate");
    assert!(complete("fwevents validate --allow", 2, "--allow", "validate").contains("--allow-unknown"));
    for shell in ["zsh", "fish"] {
        let o = fwevents(&["completions", shell], b"");
        assert_eq!(o.status.code(), Some(0));
        assert!(text(&o.stdout).contains("doc-check") && text(&o.stdout).contains("allow-unknown"), "{shell}");
    }
    assert_eq!(fwevents(&["completions", "tcsh"], b"").status.code(), Some(2));
}

#[test]
fn man_pages_are_made_from_the_command_line() {
    let o = fwevents(&["man"], b"");
    assert_eq!(o.status.code(), Some(0));
    let page = text(&o.stdout);
    assert!(page.contains(".TH fwevents 1") && page.contains("validate"), "{page}");
    let tmp = common::TempDir::new("man");
    let o = fwevents(&["man", "--out", tmp.0.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let validate = std::fs::read_to_string(tmp.0.join("fwevents-validate.1")).unwrap();
    assert!(validate.contains("allow\\-unknown"), "{validate}");
}

#[test]
fn version_names_the_spec_and_help_gives_examples_and_exit_codes() {
    let o = fwevents(&["--version"], b"");
    let version = text(&o.stdout);
    let hash = version.trim().strip_prefix(&format!("fwevents {} (spec ", env!("CARGO_PKG_VERSION"))).and_then(|h| h.strip_suffix(')'));
    assert!(hash.is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit())), "{version}");
    let help = text(&fwevents(&["--help"], b"").stdout);
    assert!(help.contains("Exit codes:") && help.contains("--color <WHEN>"), "{help}");
    let help = text(&fwevents(&["validate", "--help"], b"").stdout);
    assert!(help.contains("Examples:") && help.contains("tail -f webhooks.log | fwevents validate --ndjson -"), "{help}");
    assert!(help.contains("Exit codes: 0 every payload valid"), "{help}");
    // Every command shows how it is used and what its exit status means.
    for command in fwevents::cmd::command().get_subcommands().map(|c| c.get_name().to_string()).filter(|c| c != "help") {
        let help = text(&fwevents(&[command.as_str(), "--help"], b"").stdout);
        assert!(help.contains("Examples:\n  fwevents ") || help.contains("Examples:\n  tail"), "{command} --help has no examples:\n{help}");
        assert!(help.contains("Exit codes: 0 "), "{command} --help has no exit codes:\n{help}");
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let tmp = common::spec_copy_with("colour", |_, text| text.replace("    type: ChatAgentStatus", "    type: Nope"));
    let dir = tmp.0.to_str().unwrap();
    // Output to a pipe: no colour by default.
    let plain = fwevents(&["lint", dir], b"");
    assert!(!plain.stdout.contains(&0x1b), "{}", text(&plain.stdout));
    let coloured = fwevents(&["lint", dir, "--color", "always"], b"");
    assert_eq!(coloured.status.code(), Some(1));
    assert!(text(&coloured.stdout).contains("\u{1b}[1m"), "{}", text(&coloured.stdout));
    let never = fwevents(&["--color", "never", "lint", dir], b"");
    assert_eq!(never.stdout, plain.stdout);

    // diff and doc-check colour the same way.
    let page = std::fs::read_to_string(common::root().join("../shared/docs/freshchat-onAgentActivityCreate.txt")).unwrap();
    let page = page.replace("Possible values: facebook, twitter, skype, linkedin", "Possible values: facebook, twitter, linkedin");
    let check =
        |color: &str| fwevents(&["doc-check", "-", "--event", "freshchat/onAgentActivityCreate", "--color", color], page.as_bytes());
    let (on, off) = (check("always"), check("auto"));
    assert_eq!((on.status.code(), off.status.code()), (Some(1), Some(1)));
    assert!(on.stdout.contains(&0x1b) && !off.stdout.contains(&0x1b), "{}", text(&on.stdout));
    let changed = common::spec_copy_with("colour-diff", |_, text| {
        text.replace("      - { value: system, description:", "      - { value: bot }\n      - { value: system, description:")
    });
    let diff = |color: &str| fwevents(&["diff", "spec", changed.0.to_str().unwrap(), "--fail-on", "never", "--color", color], b"");
    let (on, off) = (diff("always"), diff("auto"));
    assert_eq!((on.status.code(), off.status.code()), (Some(0), Some(0)), "{}", text(&on.stderr));
    assert!(text(&off.stdout).contains("\"bot\""), "{}", text(&off.stdout));
    assert!(on.stdout.contains(&0x1b) && !off.stdout.contains(&0x1b), "{}", text(&on.stdout));

    // On a terminal (a pseudo-terminal, through script(1)): colour unless NO_COLOR is set.
    let on_terminal = |no_color: bool| {
        let mut c = std::process::Command::new("script");
        c.args(["-qec", &format!("{} lint {dir}", env!("CARGO_BIN_EXE_fwevents")), "/dev/null"]).env_remove("NO_COLOR");
        if no_color {
            c.env("NO_COLOR", "1");
        }
        c.output().expect("script(1) runs").stdout
    };
    let (tty, tty_no_color) = (on_terminal(false), on_terminal(true));
    assert!(tty.contains(&0x1b), "{}", text(&tty));
    assert!(!tty_no_color.contains(&0x1b) && text(&tty_no_color).contains("Nope"), "{}", text(&tty_no_color));
}

#[test]
fn allow_unknown_passes_events_the_spec_does_not_cover() {
    let payload = common::payload("freshdesk-onAgentUpdate.1.json");
    let o = fwevents(&["validate", "-"], &payload);
    assert_eq!(o.status.code(), Some(1));
    let o = fwevents(&["validate", "--allow-unknown", "-"], &payload);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(o.stdout.is_empty());
    assert!(text(&o.stderr).contains("1 payload(s) checked, 0 invalid, 1 of events the spec does not cover passed"), "{}", text(&o.stderr));
    // Known events are still validated.
    let mut log = payload.clone();
    log.retain(|&b| b != b'\n');
    log.extend_from_slice(b"\n{\"event\": \"onAgentActivityCreate\", \"data\": 1}\n");
    let o = fwevents(&["validate", "--allow-unknown", "--ndjson", "--jobs", "2", "-"], &log);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(text(&o.stdout).starts_with("-:2: "), "{}", text(&o.stdout));
}

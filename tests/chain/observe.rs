//! `fwevents observe` on logs built from seeded fixtures, with known anomalies injected:
//! the report counts exactly what was injected, the same on any number of threads, and
//! says where it stopped counting distinct values. Unreadable lines, folders and formats;
//! `--suggest`'s edits cite their evidence and lint clean once applied; progress on a
//! terminal.

use serde_json::{json, Value};

use crate::common::{self, fwevents, text, TempDir};

const EVENT: &str = "freshchat/onAgentActivityCreate";
const PAYLOADS: usize = 200;

/// Seeded fixtures of `event`, parsed.
fn fixtures(event: &str, count: usize, seed: u64) -> Vec<Value> {
    let out = fwevents(&["fixture", event, "--seed", &seed.to_string(), "--count", &count.to_string()], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    // One fixture is printed pretty; more, one a line.
    if count == 1 {
        return vec![serde_json::from_slice(&out.stdout).unwrap()];
    }
    text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn ndjson(payloads: &[Value]) -> Vec<u8> {
    let mut log = Vec::new();
    for p in payloads {
        log.extend(serde_json::to_vec(p).unwrap());
        log.push(b'\n');
    }
    log
}

fn observe(log: &[u8], extra: &[&str]) -> Value {
    let mut args = vec!["observe", "-", "--format", "json"];
    args.extend(extra);
    let out = fwevents(&args, log);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Progress goes to a terminal only; on a pipe standard error stays empty.
    assert_eq!(text(&out.stderr), "", "nothing on standard error on a pipe");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn event<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["events"].as_array().unwrap().iter().find(|e| e["event"] == name).unwrap_or_else(|| panic!("no {name} in {report:#}"))
}

fn attribute<'a>(event: &'a Value, path: &str) -> &'a Value {
    event["attributes"].as_array().unwrap().iter().find(|a| a["path"] == path).unwrap_or_else(|| panic!("no {path}"))
}

fn count(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or(0)
}

fn violations(event: &Value, reading: &str, path: &str, kind: &str) -> u64 {
    event["violations"][reading]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["path"] == path && v["kind"] == kind)
        .map(|v| count(v, "count"))
        .sum()
}

fn value_count(attribute: &Value, value: &Value) -> Option<(u64, bool)> {
    attribute["values"].as_array().unwrap().iter().find(|v| v["value"] == *value).map(|v| (count(v, "count"), v["documented"] == true))
}

#[test]
fn injected_anomalies_are_counted_exactly() {
    let clean = fixtures(EVENT, PAYLOADS, 7);
    let mut log = clean.clone();
    // Each kind of anomaly on its own lines, at different strides, so the counts differ.
    let (mut extra, mut unknown) = (0u64, 0u64);
    for (i, p) in log.iter_mut().enumerate() {
        if i % 3 == 0 {
            p["data"]["agent_activity"]["shift_id"] = json!(format!("shift-{i}"));
            extra += 1;
        }
        if i % 5 == 1 {
            p["region"] = Value::Null;
        }
        if i % 7 == 2 {
            p["data"]["agent_activity"]["availability_event_type"] = json!("Teleport");
        }
        if i % 11 == 3 {
            p["event"] = json!("onAgentMadeUp");
            unknown += 1;
        }
        if i % 13 == 4 {
            p["data"]["agent_activity"]["emoji"] = json!(42);
        }
    }
    let before = observe(&ndjson(&clean), &[]);
    let after = observe(&ndjson(&log), &[]);
    let (b, a) = (event(&before, EVENT), event(&after, EVENT));
    // Payloads turned into an unknown event leave the event's counts; compare with the
    // clean log without them.
    let kept: Vec<Value> = clean.iter().enumerate().filter(|(i, _)| i % 11 != 3).map(|(_, p)| p.clone()).collect();
    let base = observe(&ndjson(&kept), &[]);
    let base = event(&base, EVENT);

    assert_eq!(count(&after, "payloads"), PAYLOADS as u64);
    assert_eq!(count(b, "payloads"), PAYLOADS as u64);
    assert_eq!(count(a, "payloads"), PAYLOADS as u64 - unknown);
    assert_eq!(after["unknown_events"], json!([{"product": "freshchat", "event": "onAgentMadeUp", "count": unknown}]));
    assert_eq!(before["unknown_events"], json!([]));

    // The undocumented attribute: present where injected (on lines still of the event).
    let injected_kept = (0..PAYLOADS).filter(|i| i % 3 == 0 && i % 11 != 3).count() as u64;
    assert!(extra > injected_kept);
    let shift = attribute(a, "data.agent_activity.shift_id");
    assert_eq!(shift["documented"], false);
    assert_eq!(count(shift, "present"), injected_kept);
    assert_eq!(count(shift, "absent"), count(a, "payloads") - injected_kept);
    assert_eq!(shift["types"], json!({"string": injected_kept}));
    assert!(shift["example"].as_str().unwrap().starts_with("\"shift-"));
    assert!(b["attributes"].as_array().unwrap().iter().all(|x| x["path"] != "data.agent_activity.shift_id"));
    assert_eq!(violations(a, "strict", "data.agent_activity.shift_id", "unknown_field"), injected_kept);

    // Nulls where the fixtures never send one.
    let of_event = |stride: usize, at: usize| (0..PAYLOADS).filter(|i| i % stride == at && i % 11 != 3).count() as u64;
    let region = attribute(a, "region");
    assert_eq!(count(attribute(base, "region"), "null"), 0);
    assert_eq!(count(region, "null"), of_event(5, 1));
    assert_eq!(violations(a, "lenient", "region", "null"), of_event(5, 1));
    assert_eq!(violations(base, "lenient", "region", "null"), 0);

    // A value the closed enum does not list.
    let kind = attribute(a, "data.agent_activity.availability_event_type");
    assert_eq!(kind["enum"], true);
    assert_eq!(value_count(kind, &json!("Teleport")), Some((of_event(7, 2), false)));
    let listed = attribute(base, "data.agent_activity.availability_event_type");
    let general = value_count(listed, &json!("GeneralAvailability")).unwrap();
    assert!(general.1, "a listed value is marked documented");
    assert_eq!(
        violations(a, "strict", "data.agent_activity.availability_event_type", "enum")
            - violations(base, "strict", "data.agent_activity.availability_event_type", "enum"),
        of_event(7, 2)
    );

    // Wrong types.
    let emoji = attribute(a, "data.agent_activity.emoji");
    assert_eq!(count(&emoji["types"], "integer"), of_event(13, 4));
    assert_eq!(count(&emoji["types"], "string") + count(&emoji["types"], "integer") + count(emoji, "null"), count(a, "payloads"));
    assert_eq!(violations(a, "lenient", "data.agent_activity.emoji", "type"), of_event(13, 4));
    assert_eq!(violations(base, "lenient", "data.agent_activity.emoji", "type"), 0);
}

#[test]
fn threads_count_the_same() {
    let mut log = fixtures(EVENT, 300, 1);
    log.extend(fixtures("freshsales/onUserAgentAvailabilityUpdate", 100, 1));
    for (i, p) in log.iter_mut().enumerate().filter(|(i, _)| i % 4 == 0) {
        p["data"]["note"] = json!(i);
    }
    let bytes = ndjson(&log);
    let one = observe(&bytes, &[]);
    for jobs in ["2", "3"] {
        assert_eq!(observe(&bytes, &["--jobs", jobs]), one, "--jobs {jobs}");
    }
    assert_eq!(count(&one, "payloads"), 400);
    assert_eq!(count(event(&one, "freshsales/onUserAgentAvailabilityUpdate"), "payloads"), 100);
}

/// A log of several batches per thread whose paths have more distinct values than are kept,
/// each part seeing them in another order: the values kept and every count are the same
/// however many threads read it.
#[test]
fn threads_keep_the_same_values_past_the_limit() {
    let mut log = fixtures(EVENT, 3000, 5);
    for (i, p) in log.iter_mut().enumerate() {
        p["data"]["tag"] = json!(format!("t{}", (i * 7919) % 50));
        p["data"]["serial"] = json!(i);
    }
    let bytes = ndjson(&log);
    assert!(bytes.len() > 2 << 20, "{} bytes: not several batches", bytes.len());
    let one = observe(&bytes, &[]);
    let tag = attribute(event(&one, EVENT), "data.tag");
    assert_eq!(tag["values"].as_array().unwrap().len(), 16, "{tag}");
    assert!(count(tag, "values_more") > 0);
    for jobs in ["2", "3"] {
        assert_eq!(observe(&bytes, &["--jobs", jobs]), one, "--jobs {jobs}");
    }
}

/// `v` as JSON with every character of every key and string escaped (`\u0072`, surrogate
/// pairs beyond the first plane) and spaces around every token.
fn escaped(v: &Value) -> String {
    let text = |s: &str| {
        let units: String = s.encode_utf16().map(|u| format!("\\u{u:04x}")).collect();
        format!("\"{units}\"")
    };
    match v {
        Value::String(s) => text(s),
        Value::Array(items) => format!("[ {} ]", items.iter().map(escaped).collect::<Vec<_>>().join(" , ")),
        Value::Object(map) => {
            format!("{{ {} }}", map.iter().map(|(k, v)| format!("{} : {}", text(k), escaped(v))).collect::<Vec<_>>().join(" , "))
        }
        other => other.to_string(),
    }
}

/// The walk matches keys and counts values by their bytes where it can: the same payloads
/// written with every key and string escaped, or spread out with whitespace, are the same
/// report.
#[test]
fn escapes_and_whitespace_count_as_the_text_they_stand_for() {
    let mut log = Vec::new();
    for name in [
        "freshchat/onAgentActivityCreate",
        "freshcaller/onAgentUpdate",
        "freshdesk/onAgentAvailabilityUpdate",
        "freshsales/onUserAgentAvailabilityUpdate",
    ] {
        log.extend(fixtures(name, 30, 5));
    }
    for (i, p) in log.iter_mut().enumerate() {
        // Undocumented attributes, with examples and values beyond the first plane.
        p["data"]["note"] = json!(format!("n\u{e9}{}\u{1f600}\"/\\", i % 3));
        p["x\"y"] = json!({"deep": [i % 2, "z"]});
    }
    let plain = ndjson(&log);
    let mut spread = Vec::new();
    let mut escapes = Vec::new();
    for p in &log {
        spread.extend(serde_json::to_string_pretty(p).unwrap().replace('\n', " ").as_bytes());
        spread.push(b'\n');
        escapes.extend(escaped(p).as_bytes());
        escapes.push(b'\n');
    }
    let report = observe(&plain, &[]);
    assert_eq!(observe(&spread, &[]), report, "spread out with whitespace");
    assert_eq!(observe(&escapes, &[]), report, "every key and string escaped");
    let note = attribute(event(&report, EVENT), "data.note");
    assert_eq!(note["values"].as_array().unwrap().len(), 3, "{note}");
    assert_eq!(attribute(event(&report, EVENT), "x\"y.deep")["types"], json!({"array": 30}));
}

/// `observe` validates a payload in the lenient reading only when the strict one finds
/// something but undocumented attributes, for it counts on every lenient violation being a
/// strict one too. Payloads with every kind of anomaly hold the models to that.
#[test]
fn every_lenient_violation_is_a_strict_one() {
    let mut lines = Vec::new();
    for name in [
        "freshchat/onAgentActivityCreate",
        "freshchat/onAgentCustomStatusUpdate",
        "freshcaller/onAgentUpdate",
        "freshdesk/onAgentAvailabilityUpdate",
        "freshsales/onUserAgentAvailabilityUpdate",
    ] {
        for (i, mut p) in fixtures(name, 40, 11).into_iter().enumerate() {
            // Every value of the payload in turn, replaced, removed, nulled or given a
            // neighbour, so that each attribute meets each kind of anomaly.
            let mut places = Vec::new();
            leaves(&p, String::new(), &mut places);
            let at = &places[i * 7 % places.len()];
            let weird =
                [json!(null), json!(42), json!(1.5), json!("x"), json!("2021-13-45"), json!(true), json!([]), json!({}), json!("132")];
            match i % 4 {
                0 => *p.pointer_mut(at).unwrap() = weird[i % weird.len()].clone(),
                1 => remove(&mut p, at),
                2 => *p.pointer_mut(at).unwrap() = Value::Null,
                _ => {
                    let parent = &at[..at.rfind('/').unwrap()];
                    if let Some(Value::Object(o)) = p.pointer_mut(parent) {
                        o.insert("undocumented".into(), weird[i % weird.len()].clone());
                    }
                }
            }
            let mut line = serde_json::to_string(&p).unwrap();
            if i % 9 == 0 {
                // A key sent twice.
                line = format!("{}, \"region\": \"US\"}}", &line[..line.len() - 1]);
            }
            lines.push(line);
        }
    }
    let log = lines.join("\n") + "\n";
    let errors = |strict: bool| -> Vec<Vec<(String, String)>> {
        let mut args = vec!["validate", "--ndjson", "-", "--format", "json", "--max-errors", "0"];
        if strict {
            args.push("--strict");
        }
        let out = fwevents(&args, log.as_bytes());
        text(&out.stdout)
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                let mut errors: Vec<(String, String)> = v["errors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| (e["path"].as_str().unwrap().to_string(), e["kind"].as_str().unwrap().to_string()))
                    .collect();
                errors.sort();
                errors
            })
            .collect()
    };
    let (lenient, strict) = (errors(false), errors(true));
    assert_eq!(lenient.len(), lines.len());
    let mut some = 0;
    for (line, (l, s)) in lenient.iter().zip(&strict).enumerate() {
        let mut rest = s.clone();
        for e in l {
            let i = rest
                .iter()
                .position(|x| x == e)
                .unwrap_or_else(|| panic!("line {}: lenient {e:?} is not among the strict {s:?}", line + 1));
            rest.remove(i);
        }
        some += usize::from(!l.is_empty());
    }
    assert!(some > lines.len() / 3, "the anomalies make lenient violations: {some} of {}", lines.len());
}

/// The JSON Pointers of every scalar and empty container in `v`.
fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            map.iter().for_each(|(k, v)| leaves(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out))
        }
        Value::Array(items) if !items.is_empty() => items.iter().enumerate().for_each(|(i, v)| leaves(v, format!("{at}/{i}"), out)),
        _ if !at.is_empty() => out.push(at),
        _ => {}
    }
}

/// Removes the value at pointer `at` from its object or array.
fn remove(v: &mut Value, at: &str) {
    let (parent, last) = at.rsplit_once('/').unwrap();
    match v.pointer_mut(parent) {
        Some(Value::Object(o)) => {
            o.remove(&last.replace("~1", "/").replace("~0", "~"));
        }
        Some(Value::Array(a)) => {
            a.remove(last.parse::<usize>().unwrap());
        }
        _ => {}
    }
}

#[test]
fn distinct_values_are_bounded_and_said_so() {
    let mut log = fixtures(EVENT, 100, 3);
    for (i, p) in log.iter_mut().enumerate() {
        p["data"]["tag"] = json!(format!("t{i}"));
    }
    let report = observe(&ndjson(&log), &[]);
    let tag = attribute(event(&report, EVENT), "data.tag");
    let kept = tag["values"].as_array().unwrap();
    assert!(kept.len() < 100 && !kept.is_empty());
    assert_eq!(kept.iter().map(|v| count(v, "count")).sum::<u64>() + count(tag, "values_more"), 100);
}

#[test]
fn unreadable_lines_folders_and_formats() {
    let dir = TempDir::new("observe-inputs");
    let mut log = ndjson(&fixtures(EVENT, 3, 1));
    log.extend(b"{not json\n\n");
    std::fs::write(dir.0.join("a.log"), &log).unwrap();
    std::fs::copy(common::root().join("../shared/payloads/freshdesk-onAgentUpdate.1.json"), dir.0.join("b.json")).unwrap();
    let folder = dir.0.display().to_string();
    let out = fwevents(&["observe", &folder, "--format", "json"], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(count(&report, "payloads"), 5);
    assert_eq!(count(&report, "unreadable"), 1);
    assert_eq!(report["unreadable_examples"][0]["line"], 4);
    assert_eq!(report["unknown_events"], json!([{"product": "freshdesk", "event": "onAgentUpdate", "count": 1}]));

    for format in ["text", "markdown"] {
        let out = fwevents(&["observe", &folder, "--format", format], b"");
        assert!(out.status.success());
        let shown = text(&out.stdout);
        assert!(shown.contains("data.agent_activity.status"), "{shown}");
        assert!(shown.contains("onAgentUpdate"), "{shown}");
    }
    // A line longer than a payload may be is skipped and counted; the next one is read.
    let mut long = br#"{"event": "onAgentActivityCreate", "data": {"x": ""#.to_vec();
    long.resize(long.len() + (17 << 20), b'a');
    long.extend(b"\"}}\n");
    long.extend(ndjson(&fixtures(EVENT, 1, 1)));
    let report = observe(&long, &[]);
    assert_eq!((count(&report, "payloads"), count(&report, "unreadable")), (2, 1));
    assert!(report["unreadable_examples"][0]["message"].as_str().unwrap().contains("more than 16 MB"), "{report}");
    assert_eq!(count(event(&report, EVENT), "payloads"), 1);
    // A missing input is said; the others are still read, and the exit status is 2.
    let missing = fwevents(&["observe", "no/such/log", &folder, "--format", "json"], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("no/such/log"));
    let report: Value = serde_json::from_slice(&missing.stdout).unwrap();
    assert_eq!(count(&report, "payloads"), 5);
}

/// Applies proposed edits to a copy of the spec, as a person would: sets keys in the
/// mapping at each place, or appends to the list there.
fn apply(spec: &std::path::Path, proposals: &[Value]) {
    use serde_yaml::Value as Y;
    for p in proposals {
        let file = spec.join(p["file"].as_str().unwrap());
        let mut doc: Y = serde_yaml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let mut at = &mut doc;
        for key in p["at"].as_array().unwrap() {
            let map = at.as_mapping_mut().unwrap_or_else(|| panic!("a mapping on the way to {p}"));
            at = map.entry(Y::from(key.as_str().unwrap())).or_insert_with(|| Y::Mapping(Default::default()));
        }
        if let Some(set) = p.get("set") {
            let map = at.as_mapping_mut().unwrap();
            for (k, v) in set.as_object().unwrap() {
                map.insert(Y::from(k.as_str()), serde_yaml::to_value(v).unwrap());
            }
        } else {
            at.as_sequence_mut().unwrap_or_else(|| panic!("a list at {p}")).push(serde_yaml::to_value(&p["append"]).unwrap());
        }
        std::fs::write(&file, serde_yaml::to_string(&doc).unwrap()).unwrap();
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
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

#[test]
fn suggestions_cite_their_evidence_and_lint_clean_when_applied() {
    let mut log = fixtures(EVENT, 100, 7);
    for (i, p) in log.iter_mut().enumerate() {
        if i % 3 != 0 {
            p["data"]["agent_activity"]["shift_id"] = json!(format!("s{i}"));
        }
        // Seen in a quarter of the payloads: not "most", not proposed.
        if i % 4 == 0 {
            p["data"]["actor"]["team_size"] = json!(i);
        }
        if i % 5 == 0 {
            p["data"]["agent_activity"].as_object_mut().unwrap().remove("emoji");
        }
        if i % 7 == 0 {
            p["data"]["actor"]["type"] = json!("bot");
        }
        p["data"]["actor"]["login_status"] = json!("yes");
    }
    let out = fwevents(&["observe", "-", "--suggest", "--format", "json"], &ndjson(&log));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let proposals = doc["proposals"].as_array().unwrap();
    let find = |kind: &str, path: &str| {
        proposals.iter().find(|p| p["kind"] == kind && p["path"] == path).unwrap_or_else(|| panic!("{kind} {path} in {doc:#}"))
    };
    let added = find("add-attribute", "data.agent_activity.shift_id");
    assert_eq!(added["file"], "types.yaml");
    assert_eq!(added["at"], json!(["types", "ChatAgentStatus", "fields", "shift_id"]));
    assert_eq!(added["set"]["type"], "id");
    assert_eq!(added["set"]["optional"], true);
    assert!(added["evidence"].as_str().unwrap().starts_with("present in 66 of 100 payloads"), "{added}");
    let bot = find("add-enum-value", "data.actor.type");
    assert_eq!(bot["append"]["value"], "bot");
    assert!(bot["evidence"].as_str().unwrap().contains("seen 15 times"));
    let emoji = find("make-optional", "data.agent_activity.emoji");
    assert_eq!(emoji["evidence"], "absent from 20 of 100 payloads that could have it");
    let login = find("annotate-type", "data.actor.login_status");
    assert!(login["set"]["quirk"].as_str().unwrap().contains("Documented as a boolean"));
    assert_eq!(proposals.len(), 4, "nothing else: {doc:#}");

    // Applied to a copy of the spec, they lint clean, and the log then reads as the spec says.
    let dir = TempDir::new("observe-suggest");
    let spec = dir.0.join("spec");
    copy_dir(&common::root().join("spec"), &spec);
    apply(&spec, proposals);
    let lint = fwevents(&["lint", &spec.display().to_string()], b"");
    assert!(lint.status.success(), "{}{}", text(&lint.stdout), text(&lint.stderr));
    let diff = fwevents(&["diff", "spec", &spec.display().to_string()], b"");
    let changes = text(&diff.stdout);
    assert!(changes.contains("shift_id") && changes.contains("bot") && changes.contains("emoji"), "{changes}");

    let markdown = fwevents(&["observe", "-", "--suggest"], &ndjson(&log));
    let shown = text(&markdown.stdout);
    assert!(shown.contains("4 proposal(s)") && shown.contains("Evidence: present in 66 of 100"), "{shown}");
}

/// On a terminal a progress line is redrawn on standard error (and cleared at the end); the
/// other tests check that nothing is written there on a pipe. `script` (util-linux) gives
/// the command a terminal.
#[cfg(target_os = "linux")]
#[test]
fn progress_is_shown_on_a_terminal() {
    let dir = TempDir::new("observe-progress");
    let log = dir.0.join("big.log");
    // Long enough to take more than the quarter second between redraws: 16 MB take some
    // 0.9 s on the 2-core machine (4 MB once did, before the parser was optimized in the
    // test build; they now take about 0.25 s, and the progress line may not be drawn).
    let chunk = ndjson(&fixtures(EVENT, 500, 1));
    let mut big = Vec::new();
    while big.len() < 16 << 20 {
        big.extend(&chunk);
    }
    std::fs::write(&log, &big).unwrap();
    let command = format!("{} observe {} --format json > /dev/null", env!("CARGO_BIN_EXE_fwevents"), log.display());
    let out = std::process::Command::new("script").args(["-qfec", &command, "/dev/null"]).output().expect("script (util-linux) runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains(" payload(s), ") && shown.contains(" MB read"), "{shown:?}");
    assert!(shown.ends_with("\r\x1b[K"), "the line is cleared at the end: {shown:?}");
}

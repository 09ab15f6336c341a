//! The JSON Schema as other tools read it (from npm, see tests/node): ajv (draft 2020-12,
//! strict mode) validates the real payloads, fixtures and broken payloads in both readings
//! and agrees with the generated validator; json-schema-to-typescript makes literal
//! `event` types, required attributes without `?`, and no intersection types.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use freshworks_events::Mode;
use serde_json::{json, Value};

use crate::common;

fn ir() -> codegen::Ir {
    codegen::compile(&codegen::source::read_spec_dir(&common::root().join("spec")).unwrap()).unwrap()
}

/// The schemas of every event in both readings, written by `fwevents schema --out`.
fn schemas(dir: &Path) -> (PathBuf, PathBuf) {
    let lenient = dir.join("lenient");
    let strict = dir.join("strict");
    let o = common::fwevents(&["schema", "--out", lenient.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    let o = common::fwevents(&["schema", "--strict", "--out", strict.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    (lenient, strict)
}

/// A payload to validate against one event's schema in both readings, with what each
/// reading must say.
struct Case {
    id: String,
    event: String,
    payload: Value,
    lenient: bool,
    strict: bool,
}

/// The default fixture of `event`.
fn default_fixture(event: &str) -> Value {
    let o = common::fwevents(&["fixture", event], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The default fixture and seeds 1..=n.
fn fixtures(event: &str, n: u64) -> Vec<Value> {
    let mut out = vec![default_fixture(event)];
    let o = common::fwevents(&["fixture", event, "--seed", "1", "--count", &n.to_string(), "--strict"], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    out.extend(common::text(&o.stdout).lines().map(|l| serde_json::from_str::<Value>(l).unwrap()));
    out
}

/// The default fixture of `event`, changed by `edit`.
fn broken(event: &str, edit: impl Fn(&mut Value)) -> Value {
    let mut v = default_fixture(event);
    edit(&mut v);
    v
}

fn cases(ir: &codegen::Ir) -> Vec<Case> {
    let mut cases = Vec::new();
    for (name, bytes) in common::real_payloads() {
        // The Freshdesk onAgentUpdate reads as an unknown event, with no schema of its own.
        let Some(kind) = freshworks_events::Event::parse(&bytes).ok().and_then(|e| e.kind()) else {
            continue;
        };
        let payload: Value = serde_json::from_slice(&bytes).unwrap();
        // The Freshsales payload departs from the docs (see the strict test below).
        let strict = !name.starts_with("freshsales");
        cases.push(Case { id: format!("real {name}"), event: kind.to_string(), payload, lenient: true, strict });
    }
    assert_eq!(cases.len(), 3, "three real payloads are of events in the spec");
    for event in &ir.events {
        let name = ir.qualified_name(event);
        for (i, payload) in fixtures(&name, 24).into_iter().enumerate() {
            cases.push(Case { id: format!("fixture {name} #{i}"), event: name.clone(), payload, lenient: true, strict: true });
        }
    }
    let chat = "freshchat/onAgentActivityCreate";
    let mut add = |id: &str, event: &str, payload: Value, lenient: bool, strict: bool| {
        cases.push(Case { id: id.into(), event: event.into(), payload, lenient, strict });
    };
    add("closed enum value", chat, broken(chat, |v| v["data"]["actor"]["type"] = "robot".into()), false, false);
    add("wrong JSON type", chat, broken(chat, |v| v["data"]["actor"]["login_status"] = "yes".into()), false, false);
    add("timestamp in no form", chat, broken(chat, |v| v["timestamp"] = "yesterday".into()), false, false);
    add(
        "text timestamp in no form",
        chat,
        broken(chat, |v| v["data"]["agent_activity"]["status_change_timestamp"] = "29/07/2022".into()),
        false,
        false,
    );
    add("another event's name", chat, broken(chat, |v| v["event"] = "onAgentCustomStatusUpdate".into()), false, false);
    add("not an object", chat, json!(["onAgentActivityCreate"]), false, false);
    add("null where the docs do not allow it", chat, broken(chat, |v| v["data"]["actor"]["login_status"] = Value::Null), true, false);
    add("an attribute the docs do not list", chat, broken(chat, |v| v["data"]["actor"]["nickname"] = "jay".into()), true, false);
    let desk = "freshdesk/onAgentAvailabilityUpdate";
    add(
        "an unknown value of an open enum",
        desk,
        broken(desk, |v| v["data"]["agent_availability"]["channel_availability"][0]["channel"] = "freshmarketer".into()),
        true,
        false,
    );
    add(
        "a custom status name the page documents",
        chat,
        broken(chat, |v| v["data"]["agent_activity"]["status"] = "LUNCH".into()),
        true,
        true,
    );
    // Null only when a rule's condition holds: strict says so with if/then/else.
    add("a conditional null whose condition does not hold", chat, broken(chat, |v| v["data"]["actor"]["email"] = Value::Null), true, false);
    add(
        "conditional nulls whose condition holds",
        desk,
        broken(desk, |v| {
            v["data"]["actor"]["type"] = "system".into();
            v["data"]["actor"]["id"] = Value::Null;
            v["data"]["actor"]["name"] = Value::Null;
        }),
        true,
        true,
    );
    add("a required attribute left out", chat, broken(chat, |v| _ = v["data"]["actor"].as_object_mut().unwrap().remove("id")), true, false);
    let sales = "freshsales/onUserAgentAvailabilityUpdate";
    add("timestamp in an undocumented form", sales, broken(sales, |v| v["timestamp"] = "2024-08-20T06:02:33Z".into()), true, false);
    let caller = "freshcaller/onAgentUpdate";
    add("an unknown code of an open integer enum", caller, broken(caller, |v| v["data"]["agent"]["status"] = 9.into()), true, false);
    add("a string for an integer enum", caller, broken(caller, |v| v["data"]["agent"]["status"] = "1".into()), false, false);
    add("a null array item", caller, broken(caller, |v| v["data"]["agent"]["teams"] = json!([null])), false, false);
    cases
}

/// One result line of `schema-tools.mjs validate`.
#[derive(Debug, Clone, serde::Deserialize)]
struct Outcome {
    valid: bool,
    errors: Vec<String>,
}

struct Run {
    cases: Vec<Case>,
    /// By (case index, reading).
    outcomes: BTreeMap<(usize, &'static str), Outcome>,
}

fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let tools = common::node_tools();
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("schema-tools");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("payloads")).unwrap();
        let (lenient, strict) = schemas(&dir);
        let ir = ir();
        let mut plan_schemas = Vec::new();
        for event in &ir.events {
            let file = format!("{}/{}.schema.json", ir.product_of(event).key, event.name);
            for (reading, base) in [("lenient", &lenient), ("strict", &strict)] {
                let key = format!("{reading} {}", ir.qualified_name(event));
                plan_schemas.push(json!({ "key": key, "file": base.join(&file) }));
            }
        }
        let cases = cases(&ir);
        let mut plan_cases = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            let file = dir.join(format!("payloads/{i}.json"));
            std::fs::write(&file, serde_json::to_vec(&case.payload).unwrap()).unwrap();
            for reading in ["lenient", "strict"] {
                plan_cases.push(json!({ "id": format!("{i} {reading}"), "schema": format!("{reading} {}", case.event), "file": file }));
            }
        }
        let plan = dir.join("plan.json");
        std::fs::write(&plan, serde_json::to_vec(&json!({ "schemas": plan_schemas, "cases": plan_cases })).unwrap()).unwrap();
        let out = common::node(&tools, &["schema-tools.mjs", "validate", plan.to_str().unwrap()]);
        assert!(out.status.success(), "ajv failed:\n{}", common::text(&out.stderr));
        let mut outcomes = BTreeMap::new();
        for line in common::text(&out.stdout).lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            let id = v["id"].as_str().unwrap().to_string();
            let (i, reading) = id.split_once(' ').unwrap();
            let reading = if reading == "lenient" { "lenient" } else { "strict" };
            outcomes.insert((i.parse().unwrap(), reading), serde_json::from_value(v).unwrap());
        }
        assert_eq!(outcomes.len(), cases.len() * 2, "ajv answered every case");
        Run { cases, outcomes }
    })
}

fn outcome(i: usize, reading: &'static str) -> &'static Outcome {
    &run().outcomes[&(i, reading)]
}

#[test]
fn ajv_says_what_each_case_expects_in_both_readings() {
    let run = run();
    let mut wrong = Vec::new();
    for (i, case) in run.cases.iter().enumerate() {
        for (reading, expected) in [("lenient", case.lenient), ("strict", case.strict)] {
            let o = outcome(i, reading);
            if o.valid != expected {
                wrong.push(format!("{} ({reading}): expected valid={expected}, ajv says {} {:?}", case.id, o.valid, o.errors));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(run.cases.iter().filter(|c| c.id.starts_with("fixture")).count() >= 5 * 25);
}

#[test]
fn ajv_agrees_with_the_generated_validator() {
    // The rules (same, not_after, ...) are beyond a schema; none of these cases breaks one.
    let run = run();
    let mut wrong = Vec::new();
    for (i, case) in run.cases.iter().enumerate() {
        let kind = case.event.parse::<freshworks_events::EventKind>().unwrap();
        let bytes = serde_json::to_vec(&case.payload).unwrap();
        for (reading, mode) in [("lenient", Mode::Lenient), ("strict", Mode::Strict)] {
            let ours = match freshworks_events::validate(&bytes, mode, Some(kind)) {
                Ok((_, report)) => report.is_valid(),
                Err(_) => false,
            };
            if ours != outcome(i, reading).valid {
                wrong.push(format!("{} ({reading}): the validator says {ours}, ajv {:?}", case.id, outcome(i, reading)));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn ajv_points_at_the_attribute_that_is_wrong() {
    let run = run();
    let find = |id: &str| run.cases.iter().position(|c| c.id == id).unwrap();
    let errors = &outcome(find("closed enum value"), "lenient").errors;
    assert!(errors.iter().any(|e| e.starts_with("/data/actor/type:")), "{errors:?}");
    let errors = &outcome(find("another event's name"), "lenient").errors;
    assert!(errors.iter().any(|e| e.starts_with("/event:") && e.contains("constant")), "{errors:?}");
    // The Freshsales payload breaks the strict reading exactly where the validator says.
    let real = find("real freshsales-onUserAgentAvailabilityUpdate.1.json");
    let errors = &outcome(real, "strict").errors;
    for want in [
        "/data/actor: must have required property 'description'",
        "/data/actor/id: must be integer",
        "/data/user_agent_availability/user_information/0/user_id: must be string",
    ] {
        assert!(errors.iter().any(|e| e == want), "{want} in {errors:#?}");
    }
}

#[test]
fn json_schema_to_typescript_makes_literal_events_and_required_attributes() {
    let tools = common::node_tools();
    let dir = common::TempDir::new("schema-to-ts");
    let (lenient, strict) = schemas(&dir.0);
    let ir = ir();
    for event in &ir.events {
        let file = format!("{}/{}.schema.json", ir.product_of(event).key, event.name);
        for base in [&lenient, &strict] {
            let out = common::node(&tools, &["schema-tools.mjs", "to-ts", base.join(&file).to_str().unwrap()]);
            assert!(out.status.success(), "{}", common::text(&out.stderr));
            let ts = common::text(&out.stdout);
            assert!(ts.contains(&format!("event: \"{}\"", event.name)), "{file}: no literal event:\n{ts}");
            // A node with `type` beside `anyOf` came out as an intersection.
            assert!(!ts.contains(" & "), "{file}: an intersection type:\n{ts}");
        }
    }
    let ts = |base: &Path| {
        let file = base.join("freshchat/onAgentActivityCreate.schema.json");
        common::text(&common::node(&tools, &["schema-tools.mjs", "to-ts", file.to_str().unwrap()]).stdout)
    };
    let strict = ts(&strict);
    let lenient = ts(&lenient);
    // Required in the strict reading, optional and nullable in the lenient one.
    assert!(strict.contains("\nlogin_status: boolean\n"), "{strict}");
    assert!(lenient.contains("\nlogin_status?: (boolean | null)\n"), "{lenient}");
    // Only the other Freshchat page lists actor_source: this event's reading has none.
    assert!(!strict.contains("actor_source"), "{strict}");
    assert!(strict.contains("\ntimestamp: (string | number)\n"), "{strict}");
    // Open enums keep their known values, as literals beside any other string.
    assert!(lenient.contains("(\"AVAILABLE\" | \"UNAVAILABLE\") | string"), "{lenient}");
    // Custom status names are documented, so the strict reading accepts them too.
    assert!(strict.contains("(\"AVAILABLE\" | \"UNAVAILABLE\") | string"), "{strict}");
    // A forward-open enum is closed in the strict reading.
    assert!(strict.contains("export type SocialPlatform = (\"facebook\" | \"twitter\" | \"skype\" | \"linkedin\")\n"), "{strict}");
    assert!(lenient.contains("(\"facebook\" | \"twitter\" | \"skype\" | \"linkedin\") | string"), "{lenient}");
}

//! Each finding of the pages' second reading, as a payload built from the page's own words:
//! what a page documents passes strict; what it rules out fails strict, at the pointer of
//! the offending attribute. The sentences that constrain nothing checkable are stated in
//! the reference (`docs/events/`) and the rustdoc (`generated/out/`).

use freshworks_events::{Event, EventKind, Mode};
use serde_json::{json, Value};

const CHAT: &str = "freshchat/onAgentActivityCreate";
const STATUS: &str = "freshchat/onAgentCustomStatusUpdate";
const DESK: &str = "freshdesk/onAgentAvailabilityUpdate";
const CALLER: &str = "freshcaller/onAgentUpdate";
const SALES: &str = "freshsales/onUserAgentAvailabilityUpdate";

fn fixture(event: &str) -> Value {
    serde_json::to_value(Event::fixture(event.parse::<EventKind>().unwrap(), None).unwrap()).unwrap()
}

/// The pointers of every violation, in the walk's order.
fn pointers(event: &str, value: &Value, mode: Mode) -> Vec<String> {
    let bytes = serde_json::to_vec(value).unwrap();
    let (_, report) = freshworks_events::validate(&bytes, mode, Some(event.parse::<EventKind>().unwrap())).unwrap();
    report.violations.iter().map(|v| v.path.clone()).collect()
}

fn strict_ok(event: &str, value: &Value) {
    assert_eq!(pointers(event, value, Mode::Strict), Vec::<String>::new(), "{event}: {value:#}");
}

fn strict_fails_at(event: &str, value: &Value, pointer: &str) {
    assert_eq!(pointers(event, value, Mode::Strict), [pointer], "{event}");
}

fn with(event: &str, edits: &[(&str, Value)]) -> Value {
    let mut v = fixture(event);
    for (pointer, new) in edits {
        *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = new.clone();
    }
    v
}

/// Point 1: "AVAILABLE, UNAVAILABLE, or the name of the custom status set by the agent", and the
/// page's own example: "status": ["LUNCH", "UNAVAILABLE"].
#[test]
fn custom_status_names_are_documented() {
    let lunch = with(
        STATUS,
        &[
            ("/data/agent_custom_status/status", json!("LUNCH")),
            ("/data/agent_custom_status/prev_status", json!("UNAVAILABLE")),
            ("/data/changes", json!({ "status": ["LUNCH", "UNAVAILABLE"] })),
        ],
    );
    strict_ok(STATUS, &lunch);
    let intelliassign = with(
        CHAT,
        &[("/data/agent_activity/availability_event_type", json!("Intelliassign")), ("/data/agent_activity/status", json!("In a meeting"))],
    );
    strict_ok(CHAT, &intelliassign);
    // A general availability change is AVAILABLE or UNAVAILABLE only.
    let mut general = system_actor();
    general["data"]["agent_activity"]["availability_event_type"] = json!("GeneralAvailability");
    general["data"]["agent_activity"]["custom_status_id"] = Value::Null;
    general["data"]["actor"]["sub_entity"] = Value::Null;
    strict_ok(CHAT, &general);
    general["data"]["agent_activity"]["status"] = json!("LUNCH");
    strict_fails_at(CHAT, &general, "/data/agent_activity/status");
}

/// An onAgentActivityCreate payload whose actor is the system, with the nulls the page gives.
fn system_actor() -> Value {
    let mut system = fixture(CHAT);
    system["data"]["actor"]["type"] = json!("system");
    for key in ["email", "first_name", "last_name", "org_actor_id", "phone"] {
        system["data"]["actor"][key] = Value::Null;
    }
    system["data"]["actor"]["avatar"]["url"] = Value::Null;
    for p in system["data"]["actor"]["social_profiles"].as_array_mut().unwrap() {
        p["type"] = Value::Null;
    }
    system
}

/// Point 2: "2: Busy or whenever the user is on a call", "3: After Call Work (ACW)".
#[test]
fn freshcaller_status_codes_only_as_the_page_states() {
    let on_call = with(CALLER, &[("/data/agent/status", json!(2)), ("/data/agent/browser_status_name", json!("On a call"))]);
    strict_ok(CALLER, &on_call);
    let acw = with(CALLER, &[("/data/agent/status", json!(3)), ("/data/agent/browser_status_name", json!("ACW"))]);
    strict_ok(CALLER, &acw);
    let online_as_busy = with(CALLER, &[("/data/agent/status", json!(2)), ("/data/agent/browser_status_name", json!("Online"))]);
    strict_fails_at(CALLER, &online_as_busy, "/data/agent/status");
}

/// Point 3: The page lists the agent again under actor.agent, "an agent whose details were
/// updated"; actor.id "is agent.user_id".
#[test]
fn the_actor_agent_keeps_the_agent_rules() {
    let v = with(CALLER, &[("/data/actor/agent/user_id", json!(424_242))]);
    strict_fails_at(CALLER, &v, "/data/actor/agent/user_id");
    let v = with(CALLER, &[("/data/actor/agent/status", json!(2)), ("/data/actor/agent/browser_status_name", json!("Online"))]);
    strict_fails_at(CALLER, &v, "/data/actor/agent/status");
    let v = with(CALLER, &[("/data/actor/agent/available_on", json!(1)), ("/data/actor/agent/common_status_name", json!("Busy"))]);
    strict_fails_at(CALLER, &v, "/data/actor/agent/common_status_name");
}

/// Point 4: "<agent.attribute that changed>": ["Old value", "New value"].
#[test]
fn freshcaller_model_changes_name_agent_attributes() {
    let v =
        with(CALLER, &[("/data/changes/model_changes", json!({ "updated_at": ["2022-08-29 18:45:26 UTC", "2022-08-30 08:05:50 UTC"] }))]);
    strict_ok(CALLER, &v);
    let v = with(CALLER, &[("/data/changes/model_changes", json!({ "mood": ["calm", "busy"] }))]);
    strict_fails_at(CALLER, &v, "/data/changes/model_changes/mood");
}

/// Point 5: The onAgentCustomStatusUpdate page gives org_actor_id, custom_status_id and
/// sub_entity no null case.
#[test]
fn no_null_where_this_page_gives_none() {
    for pointer in ["/data/actor/org_actor_id", "/data/agent_custom_status/custom_status_id", "/data/actor/sub_entity"] {
        let v = with(STATUS, &[(pointer, Value::Null)]);
        strict_fails_at(STATUS, &v, pointer);
        assert_eq!(pointers(STATUS, &v, Mode::Lenient), Vec::<String>::new(), "lenient stays tolerant");
    }
}

/// Point 6: Presence per page: Freshdesk lists misc_changes and system_changes, Freshcaller does
/// not; only onAgentCustomStatusUpdate lists actor_source.
#[test]
fn presence_follows_each_page() {
    let mut v = fixture(DESK);
    v["data"]["changes"].as_object_mut().unwrap().remove("misc_changes");
    strict_fails_at(DESK, &v, "/data/changes/misc_changes");
    let mut v = fixture(CALLER);
    v["data"]["changes"]["system_changes"] = json!({});
    strict_fails_at(CALLER, &v, "/data/changes/system_changes");
    let mut v = fixture(STATUS);
    v["data"]["actor"].as_object_mut().unwrap().remove("actor_source");
    strict_fails_at(STATUS, &v, "/data/actor/actor_source");
    let mut v = fixture(CHAT);
    v["data"]["actor"]["actor_source"] = json!("agent");
    strict_fails_at(CHAT, &v, "/data/actor/actor_source");
}

/// Point 7: "The value of this attribute is null when the actor.type is system."
#[test]
fn null_only_when_the_actor_is_the_system() {
    let agent = with(CHAT, &[("/data/actor/type", json!("agent")), ("/data/actor/email", Value::Null)]);
    strict_fails_at(CHAT, &agent, "/data/actor/email");
    let system = system_actor();
    strict_ok(CHAT, &system);
}

/// Point 8: "specified in the UTC format".
#[test]
fn utc_timestamps_refuse_other_offsets() {
    let v = with(CHAT, &[("/data/agent_activity/status_change_timestamp", json!("2024-08-12T14:35:36+05:30"))]);
    strict_fails_at(CHAT, &v, "/data/agent_activity/status_change_timestamp");
    let v = with(CALLER, &[("/data/agent/last_seen_at", json!("2022-08-30 08:05:50 UTC"))]);
    strict_ok(CALLER, &v);
}

/// Point 9: The page's example: one [old, new] pair per element.
#[test]
fn freshsales_changed_is_pairs() {
    let pair = json!({ "changed": [[{ "available": false, "channel": "chat", "enabled": true }, { "available": true, "channel": "chat", "enabled": true }]] });
    let v = with(SALES, &[("/data/changes", json!({ "channel_preferences": pair }))]);
    strict_ok(SALES, &v);
    let v = with(SALES, &[("/data/changes", json!({ "channel_preferences": { "changed": [[1, 2, 3]] } }))]);
    let found = pointers(SALES, &v, Mode::Strict);
    assert_eq!(found, ["/data/changes/channel_preferences/changed/0"]);
}

/// Point 10: "If the browser status is set as Forward to phone and the agent is available to take
/// calls on mobile ... the value of this attribute is set as Forward to phone."
#[test]
fn forward_to_phone_needs_that_browser_status_on_mobile() {
    let ok = with(
        CALLER,
        &[
            ("/data/agent/available_on", json!(2)),
            ("/data/agent/browser_status_name", json!("Forward to phone")),
            ("/data/agent/common_status_name", json!("Forward to phone")),
        ],
    );
    strict_ok(CALLER, &ok);
    let browser = with(
        CALLER,
        &[
            ("/data/agent/available_on", json!(1)),
            ("/data/agent/browser_status_name", json!("Forward to phone")),
            ("/data/agent/common_status_name", json!("Forward to phone")),
        ],
    );
    strict_fails_at(CALLER, &browser, "/data/agent/available_on");
    let other = with(CALLER, &[("/data/agent/available_on", json!(2)), ("/data/agent/common_status_name", json!("Forward to phone"))]);
    strict_fails_at(CALLER, &other, "/data/agent/browser_status_name");
}

/// Point 12: Every real payload has the whole envelope and data's own objects.
#[test]
fn lenient_requires_the_envelope_and_data_objects() {
    let mut v = fixture(DESK);
    v.as_object_mut().unwrap().remove("region");
    v["data"].as_object_mut().unwrap().remove("actor");
    v["data"]["agent_availability"] = Value::Null;
    // Inside them, lenient stays tolerant.
    v["data"]["associations"]["status"]["name"] = Value::Null;
    assert_eq!(pointers(DESK, &v, Mode::Lenient), ["/region", "/data/actor", "/data/agent_availability"]);
}

/// Points 11 and 13: the reference states what the pages say and shows no example an
/// event's own rules forbid.
#[test]
fn the_reference_states_the_page_sentences() {
    let docs = |p: &str| std::fs::read_to_string(crate::common::root().join("docs/events").join(p)).unwrap();
    let status = docs("freshchat/onAgentCustomStatusUpdate.md");
    assert!(!status.contains("Example: `\"Intelliassign\"`"), "the rule custom-status-event-type forbids it");
    assert!(status.contains("Example: `\"custom_status\"`"));
    let activity = docs("freshchat/onAgentActivityCreate.md");
    assert!(activity.contains("may be null only when actor.type is \"system\" (rule system-actor-has-no-profile)"));
    // The sentences that constrain nothing checkable are notes in the rustdoc.
    let types = std::fs::read_to_string(crate::common::root().join("generated/out/types.rs")).unwrap();
    assert!(types.contains("status; a payload cannot show which status an id names"), "custom_status_id under Intelliassign");
    assert!(types.contains("describe it for an actor that is a Freshchat agent"), "org_contact_id");
    let sales = docs("freshsales/onUserAgentAvailabilityUpdate.md");
    assert!(sales.contains("`user_agent_availability.user_uuid`: the page: The flat list puts user_uuid"));
}

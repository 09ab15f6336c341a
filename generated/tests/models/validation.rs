//! Each documented rule and each error kind, broken on purpose in an otherwise valid
//! payload (the default fixture), with the JSON Pointer of the violation asserted.

use freshworks_events::{Event, EventKind, Mode};
use serde_json::{json, Value};

fn fixture(event: &str) -> Value {
    let kind = event.parse::<EventKind>().unwrap();
    serde_json::to_value(Event::fixture(kind, None).unwrap()).unwrap()
}

/// Violations of `value` as `event`, as (pointer, kind, rule).
fn violations(event: &str, value: &Value, mode: Mode) -> Vec<(String, &'static str, Option<&'static str>)> {
    text_violations(Some(event), &serde_json::to_vec(value).unwrap(), mode)
}

/// Violations of the JSON text `bytes`, read as `event` or (`None`) as the envelope says.
fn text_violations(event: Option<&str>, bytes: &[u8], mode: Mode) -> Vec<(String, &'static str, Option<&'static str>)> {
    let kind = event.map(|e| e.parse::<EventKind>().unwrap());
    let (_, report) = freshworks_events::validate(bytes, mode, kind).unwrap();
    report.violations.iter().map(|v| (v.path.clone(), v.kind.as_str(), v.rule)).collect()
}

fn edited(event: &str, edit: impl FnOnce(&mut Value)) -> Value {
    let mut v = fixture(event);
    edit(&mut v);
    v
}

fn set(v: &mut Value, pointer: &str, new: Value) {
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = new;
}

fn insert(v: &mut Value, parent: &str, key: &str, new: Value) {
    v.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert(key.to_string(), new);
}

fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key).unwrap();
}

/// Asserts exactly one violation, of `kind` at `pointer` (and `rule`, for rule errors).
fn expect_one(event: &str, value: &Value, mode: Mode, pointer: &str, kind: &str, rule: Option<&str>) {
    let found = violations(event, value, mode);
    assert_eq!(found.len(), 1, "{event} in {mode:?}: {found:#?}");
    assert_eq!(found[0].0, pointer, "{found:#?}");
    assert_eq!(found[0].1, kind, "{found:#?}");
    assert_eq!(found[0].2, rule, "{found:#?}");
}

const CHAT: &str = "freshchat/onAgentActivityCreate";
const STATUS: &str = "freshchat/onAgentCustomStatusUpdate";
const DESK: &str = "freshdesk/onAgentAvailabilityUpdate";
const CALLER: &str = "freshcaller/onAgentUpdate";
const SALES: &str = "freshsales/onUserAgentAvailabilityUpdate";
const ALL: [&str; 5] = [CHAT, STATUS, DESK, CALLER, SALES];

#[test]
fn default_fixtures_are_valid_in_both_modes() {
    for e in ALL {
        let v = fixture(e);
        assert_eq!(violations(e, &v, Mode::Lenient), vec![], "{e}");
        assert_eq!(violations(e, &v, Mode::Strict), vec![], "{e}");
    }
}

// ---- error kinds ----

#[test]
fn kind_type() {
    let v = edited(DESK, |v| set(v, "/data/agent_availability/channel_availability/0/available", json!("yes")));
    expect_one(DESK, &v, Mode::Lenient, "/data/agent_availability/channel_availability/0/available", "type", None);
    let v = edited(CHAT, |v| set(v, "/data/actor", json!([1, 2])));
    expect_one(CHAT, &v, Mode::Lenient, "/data/actor", "type", None);
}

#[test]
fn kind_missing() {
    let v = edited(CHAT, |v| remove(v, "/data"));
    expect_one(CHAT, &v, Mode::Lenient, "/data", "missing", None);
    let v = edited(CHAT, |v| remove(v, "/data/actor/type"));
    assert_eq!(violations(CHAT, &v, Mode::Lenient), vec![]);
    expect_one(CHAT, &v, Mode::Strict, "/data/actor/type", "missing", None);
}

#[test]
fn kind_null() {
    let v = edited(CALLER, |v| set(v, "/data/agent/name", Value::Null));
    // Null is what real payloads send for unset values: fine in lenient mode, but the
    // rule actor-name-is-agent-name has nothing to compare then.
    assert_eq!(violations(CALLER, &v, Mode::Lenient), vec![]);
    expect_one(CALLER, &v, Mode::Strict, "/data/agent/name", "null", None);
    let v = edited(CALLER, |v| set(v, "/data", Value::Null));
    expect_one(CALLER, &v, Mode::Lenient, "/data", "null", None);
}

#[test]
fn kind_enum_closed_and_open() {
    let v = edited(DESK, |v| set(v, "/data/actor/type", json!("robot")));
    expect_one(DESK, &v, Mode::Lenient, "/data/actor/type", "enum", None);
    // An open enum keeps an unknown value; only strict mode reports it.
    let v = edited(CHAT, |v| set(v, "/data/actor/social_profiles/0/type", json!("mastodon")));
    assert_eq!(violations(CHAT, &v, Mode::Lenient), vec![]);
    expect_one(CHAT, &v, Mode::Strict, "/data/actor/social_profiles/0/type", "enum", None);
    let v = edited(CALLER, |v| set(v, "/data/agent/available_on", json!(7)));
    assert_eq!(violations(CALLER, &v, Mode::Lenient), vec![]);
    expect_one(CALLER, &v, Mode::Strict, "/data/agent/available_on", "enum", None);
}

#[test]
fn kind_format() {
    for bad in ["2022-13-01T00:00:00Z", "yesterday", "2023-02-29 10:00:00 UTC", "2022-06-09T24:00:00Z"] {
        let v = edited(DESK, |v| set(v, "/data/agent_availability/created_at", json!(bad)));
        expect_one(DESK, &v, Mode::Lenient, "/data/agent_availability/created_at", "format", None);
    }
    // Both documented text forms are fine in strict mode; epoch forms are not documented there.
    let v = edited(DESK, |v| set(v, "/data/agent_availability/created_at", json!("2022-06-09 02:18:41 UTC")));
    assert_eq!(violations(DESK, &v, Mode::Strict), vec![]);
    let v = edited(DESK, |v| set(v, "/data/agent_availability/created_at", json!(1654741121000_i64)));
    assert_eq!(violations(DESK, &v, Mode::Lenient), vec![]);
    expect_one(DESK, &v, Mode::Strict, "/data/agent_availability/created_at", "format", None);
}

#[test]
fn kind_unknown_field() {
    let v = edited(SALES, |v| insert(v, "/data/actor", "nickname", json!("abu")));
    assert_eq!(violations(SALES, &v, Mode::Lenient), vec![]);
    expect_one(SALES, &v, Mode::Strict, "/data/actor/nickname", "unknown_field", None);
    let v = edited(SALES, |v| insert(v, "/data", "a~b", json!(1)));
    expect_one(SALES, &v, Mode::Strict, "/data/a~0b", "unknown_field", None);
}

#[test]
fn kind_duplicate_key() {
    // A key sent twice, in `data` and in the envelope, with the value it has anyway: only
    // the repetition is wrong, in both modes.
    let v = fixture(DESK);
    let text = serde_json::to_string(&v).unwrap();
    let actor_type = format!("\"type\":{}", v["data"]["actor"]["type"]);
    let twice = text.replacen("\"actor\":{", &format!("\"actor\":{{{actor_type},"), 1);
    assert_ne!(twice, text);
    for mode in [Mode::Lenient, Mode::Strict] {
        assert_eq!(text_violations(Some(DESK), twice.as_bytes(), mode), [("/data/actor/type".to_string(), "duplicate_key", None)]);
    }
    let region = format!("{{\"region\":{},", v["region"]);
    let twice = text.replacen('{', &region, 1);
    assert_eq!(text_violations(Some(DESK), twice.as_bytes(), Mode::Lenient), [("/region".to_string(), "duplicate_key", None)]);
}

#[test]
fn kind_unknown_event() {
    // An event the spec does not cover, found from the envelope: one violation at `/event`,
    // in both modes. Freshdesk's own onAgentUpdate is one (the spec has Freshcaller's).
    for name in ["onTicketCreate", "onAgentUpdate"] {
        let v = edited(DESK, |v| set(v, "/event", json!(name)));
        let bytes = serde_json::to_vec(&v).unwrap();
        for mode in [Mode::Lenient, Mode::Strict] {
            assert_eq!(text_violations(None, &bytes, mode), [("/event".to_string(), "unknown_event", None)], "{name}");
        }
    }
    // An event of the spec, sent by a product that does not raise it.
    let v = edited(DESK, |v| set(v, "/domain", json!("acme.freshchat.com")));
    let bytes = serde_json::to_vec(&v).unwrap();
    assert_eq!(text_violations(None, &bytes, Mode::Lenient), [("/event".to_string(), "unknown_event", None)]);
}

#[test]
fn ids_are_held_to_their_documented_form_only_in_strict_mode() {
    let v = edited(DESK, |v| set(v, "/data/agent_availability/id", json!("42")));
    assert_eq!(violations(DESK, &v, Mode::Lenient), vec![]);
    expect_one(DESK, &v, Mode::Strict, "/data/agent_availability/id", "type", None);
}

#[test]
fn three_mistakes_give_three_errors() {
    let v = edited(DESK, |v| {
        set(v, "/data/agent_availability/channel_availability/0/available", json!("yes"));
        set(v, "/data/actor/type", json!("robot"));
        set(v, "/data/agent_availability/updated_at", json!("2022-02-30T00:00:00Z"));
    });
    let found = violations(DESK, &v, Mode::Lenient);
    let paths: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        paths,
        ["/data/actor/type", "/data/agent_availability/channel_availability/0/available", "/data/agent_availability/updated_at"]
    );
}

// ---- rules ----

fn rule(event: &str, mode: Mode, edit: impl FnOnce(&mut Value), pointer: &str, id: &str) {
    let v = edited(event, edit);
    expect_one(event, &v, mode, pointer, "rule", Some(id));
}

#[test]
fn rule_system_actor_has_no_profile() {
    let system_with = |v: &mut Value| {
        set(v, "/data/actor/type", json!("system"));
        for p in ["avatar/url", "first_name", "last_name", "org_actor_id", "phone"] {
            set(v, &format!("/data/actor/{p}"), Value::Null);
        }
        set(v, "/data/actor/social_profiles/0/type", Value::Null);
    };
    let v = edited(CHAT, system_with);
    let found = violations(CHAT, &v, Mode::Lenient);
    assert_eq!(found, vec![("/data/actor/email".to_string(), "rule", Some("system-actor-has-no-profile"))]);
    let v = edited(CHAT, |v| {
        system_with(v);
        set(v, "/data/actor/email", Value::Null);
        set(v, "/data/actor/social_profiles/0/type", json!("skype"));
    });
    expect_one(CHAT, &v, Mode::Lenient, "/data/actor/social_profiles/0/type", "rule", Some("system-actor-has-no-profile"));
    rule(
        STATUS,
        Mode::Lenient,
        |v| {
            set(v, "/data/actor/type", json!("system"));
            for p in ["avatar/url", "email", "first_name", "last_name"] {
                set(v, &format!("/data/actor/{p}"), Value::Null);
            }
        },
        "/data/actor/phone",
        "system-actor-has-no-profile",
    );
}

#[test]
fn rule_general_availability() {
    let ga = |v: &mut Value| {
        set(v, "/data/agent_activity/availability_event_type", json!("GeneralAvailability"));
        set(v, "/data/agent_activity/custom_status_id", Value::Null);
        set(v, "/data/actor/sub_entity", Value::Null);
        set(v, "/data/actor/type", json!("system"));
        for p in ["avatar/url", "email", "first_name", "last_name", "org_actor_id", "phone", "social_profiles/0/type"] {
            set(v, &format!("/data/actor/{p}"), Value::Null);
        }
    };
    assert_eq!(violations(CHAT, &edited(CHAT, ga), Mode::Strict), vec![]);
    rule(
        CHAT,
        Mode::Lenient,
        |v| {
            ga(v);
            set(v, "/data/agent_activity/custom_status_id", json!("x"))
        },
        "/data/agent_activity/custom_status_id",
        "general-availability-has-no-custom-status",
    );
    rule(
        CHAT,
        Mode::Lenient,
        |v| {
            ga(v);
            set(v, "/data/actor/sub_entity", json!("bot"))
        },
        "/data/actor/sub_entity",
        "general-availability-has-no-custom-status",
    );
    rule(
        CHAT,
        Mode::Lenient,
        |v| {
            ga(v);
            set(v, "/data/agent_activity/status", json!("LUNCH"))
        },
        "/data/agent_activity/status",
        "general-availability-status",
    );
    // A GeneralAvailability change by an agent breaks general-availability-is-system.
    let v = edited(CHAT, |v| {
        set(v, "/data/agent_activity/availability_event_type", json!("GeneralAvailability"));
        set(v, "/data/agent_activity/custom_status_id", Value::Null);
        set(v, "/data/actor/sub_entity", Value::Null);
    });
    expect_one(CHAT, &v, Mode::Lenient, "/data/actor/type", "rule", Some("general-availability-is-system"));
}

#[test]
fn rule_event_types() {
    rule(
        CHAT,
        Mode::Lenient,
        |v| set(v, "/data/agent_activity/availability_event_type", json!("custom_status")),
        "/data/agent_activity/availability_event_type",
        "activity-event-type",
    );
    rule(
        STATUS,
        Mode::Lenient,
        |v| set(v, "/data/agent_custom_status/availability_event_type", json!("Intelliassign")),
        "/data/agent_custom_status/availability_event_type",
        "custom-status-event-type",
    );
}

#[test]
fn rule_status_change_order() {
    rule(
        CHAT,
        Mode::Lenient,
        |v| set(v, "/data/agent_activity/prev_status_change_timestamp", json!("2030-01-01T00:00:00Z")),
        "/data/agent_activity/prev_status_change_timestamp",
        "status-change-order",
    );
    rule(
        STATUS,
        Mode::Lenient,
        |v| set(v, "/data/agent_custom_status/prev_status_change_timestamp", json!("2030-01-01 00:00:00 UTC")),
        "/data/agent_custom_status/prev_status_change_timestamp",
        "status-change-order",
    );
    // Forms mix: an instant is compared, not text.
    let v = edited(CHAT, |v| set(v, "/data/agent_activity/prev_status_change_timestamp", json!("2022-07-29 06:23:03 UTC")));
    assert_eq!(violations(CHAT, &v, Mode::Lenient), vec![]);
}

#[test]
fn rule_changes_name_attributes_in_strict_mode() {
    let v = edited(STATUS, |v| set(v, "/data/changes", json!({"status": ["LUNCH", "UNAVAILABLE"], "mood": [1, 2]})));
    assert_eq!(violations(STATUS, &v, Mode::Lenient), vec![]);
    expect_one(STATUS, &v, Mode::Strict, "/data/changes/mood", "rule", Some("changes-name-status-attributes"));
    let v = edited(DESK, |v| set(v, "/data/changes/model_changes", json!({"status_id": [1, 2], "a/b": [1, 2]})));
    expect_one(DESK, &v, Mode::Strict, "/data/changes/model_changes/a~1b", "rule", Some("model-changes-name-availability-attributes"));
    let v = edited(SALES, |v| set(v, "/data/changes", json!({"colour": {"changed": [[1, 2]]}})));
    expect_one(SALES, &v, Mode::Strict, "/data/changes/colour", "rule", Some("changes-name-availability-attributes"));
}

#[test]
fn rule_freshdesk() {
    rule(
        DESK,
        Mode::Lenient,
        |v| {
            set(v, "/data/actor/type", json!("system"));
            set(v, "/data/actor/name", Value::Null)
        },
        "/data/actor/id",
        "system-actor-is-anonymous",
    );
    rule(
        DESK,
        Mode::Lenient,
        |v| set(v, "/data/agent_availability/created_at", json!("2030-01-01T00:00:00Z")),
        "/data/agent_availability/created_at",
        "availability-record-order",
    );
    // The page gives a null id and name for the system actor only: strict reports them
    // for an agent, lenient (null for unset values) does not.
    for field in ["id", "name"] {
        let v = edited(DESK, |v| {
            set(v, "/data/actor/type", json!("agent"));
            set(v, &format!("/data/actor/{field}"), Value::Null);
        });
        assert_eq!(violations(DESK, &v, Mode::Lenient), vec![], "{field}");
        expect_one(DESK, &v, Mode::Strict, &format!("/data/actor/{field}"), "null", None);
    }
    let v = edited(DESK, |v| {
        set(v, "/data/actor/type", json!("system"));
        set(v, "/data/actor/id", Value::Null);
        set(v, "/data/actor/name", Value::Null);
    });
    assert_eq!(violations(DESK, &v, Mode::Strict), vec![]);
    let v = edited(DESK, |v| set(v, "/data/agent_availability/status_updated_at", json!("2029-01-01T00:00:00Z")));
    // Only the strict rule status-update-order, and availability order is untouched.
    assert_eq!(violations(DESK, &v, Mode::Lenient), vec![]);
    expect_one(DESK, &v, Mode::Strict, "/data/agent_availability/status_updated_at", "rule", Some("status-update-order"));
}

#[test]
fn rule_freshcaller() {
    let other_user = |v: &mut Value| {
        set(v, "/data/actor/id", json!(999_999));
        set(v, "/data/actor/agent/user_id", json!(999_999));
    };
    rule(CALLER, Mode::Lenient, other_user, "/data/actor/id", "actor-is-the-agent-user");
    rule(
        CALLER,
        Mode::Lenient,
        |v| set(v, "/data/actor/agent/user_id", json!(999_999)),
        "/data/actor/agent/user_id",
        "actor-agent-is-the-actor",
    );
    rule(CALLER, Mode::Lenient, |v| set(v, "/data/actor/name", json!("Someone Else")), "/data/actor/name", "actor-name-is-agent-name");
    rule(
        CALLER,
        Mode::Lenient,
        |v| set(v, "/data/actor/primary_email/primary_email", json!(false)),
        "/data/actor/primary_email/primary_email",
        "primary-email-is-primary",
    );
    rule(
        CALLER,
        Mode::Lenient,
        |v| set(v, "/data/agent/created_at", json!("2030-01-01 00:00:00 UTC")),
        "/data/agent/created_at",
        "agent-record-order",
    );
    rule(
        CALLER,
        Mode::Lenient,
        |v| set(v, "/data/actor/created_at", json!("2030-01-01 00:00:00 UTC")),
        "/data/actor/created_at",
        "actor-record-order",
    );
    rule(
        CALLER,
        Mode::Lenient,
        |v| set(v, "/data/actor/last_sign_in_at", json!("2030-01-01 00:00:00 UTC")),
        "/data/actor/last_sign_in_at",
        "sign-in-order",
    );
    // The page names Away and In a meeting as custom statuses, and a custom status has
    // code 0: with code 1, strict reports it, for the agent and the actor's agent record.
    for name in ["Away", "In a meeting"] {
        let custom = |v: &mut Value| {
            set(v, "/data/agent/browser_status_name", json!(name));
            set(v, "/data/agent/status", json!(1));
        };
        assert_eq!(violations(CALLER, &edited(CALLER, custom), Mode::Lenient), vec![]);
        rule(CALLER, Mode::Strict, custom, "/data/agent/status", "custom-status-code");
        let actor = |v: &mut Value| {
            set(v, "/data/actor/agent/browser_status_name", json!(name));
            set(v, "/data/actor/agent/status", json!(1));
        };
        rule(CALLER, Mode::Strict, actor, "/data/actor/agent/status", "actor-agent-custom-status-code");
        let coded = |v: &mut Value| {
            set(v, "/data/agent/browser_status_name", json!(name));
            set(v, "/data/agent/status", json!(0));
            set(v, "/data/agent/available_on", json!(0));
            set(v, "/data/agent/common_status_name", json!("Offline"));
        };
        assert_eq!(violations(CALLER, &edited(CALLER, coded), Mode::Strict), vec![], "{name} with code 0");
    }
    // A browser status the page does not name constrains nothing, in either mode: it does
    // not say which names are custom.
    let other = |v: &mut Value| set(v, "/data/agent/browser_status_name", json!("Lunch"));
    assert_eq!(violations(CALLER, &edited(CALLER, other), Mode::Lenient), vec![]);
    assert_eq!(violations(CALLER, &edited(CALLER, other), Mode::Strict), vec![]);
    rule(
        CALLER,
        Mode::Strict,
        |v| set(v, "/data/agent/common_status_name", json!("Busy")),
        "/data/agent/common_status_name",
        "available-means-available-status",
    );
    // A string id equal to the integer user id is the same id.
    let v = edited(CALLER, |v| {
        let user = v.pointer("/data/agent/user_id").unwrap().as_i64().unwrap();
        set(v, "/data/actor/id", json!(user.to_string()));
    });
    assert_eq!(violations(CALLER, &v, Mode::Lenient), vec![]);
}

/// The status codes, common statuses and model changes of Freshcaller's agent, for the
/// agent and for the actor's agent record alike: strict only.
#[test]
fn rule_freshcaller_statuses() {
    for (record, prefix) in [("/data/agent", ""), ("/data/actor/agent", "actor-agent-")] {
        let at = |attribute: &str| format!("{record}/{attribute}");
        // Each selected status the page names gives its code.
        for (name, code, id) in [
            ("Offline", 0, "offline-status-code"),
            ("Online", 1, "online-status-code"),
            ("Busy", 2, "busy-status-code"),
            ("After Call Work", 3, "after-call-work-status-code"),
            ("ACW", 3, "after-call-work-status-code"),
        ] {
            let wrong = |v: &mut Value| {
                set(v, &at("browser_status_name"), json!(name));
                set(v, &at("status"), json!((code + 1) % 4));
            };
            assert_eq!(violations(CALLER, &edited(CALLER, wrong), Mode::Lenient), vec![], "{name}");
            rule(CALLER, Mode::Strict, wrong, &at("status"), &format!("{prefix}{id}"));
        }
        // Taking calls, the common status is Available (or Forward to phone).
        let busy = |v: &mut Value| {
            set(v, &at("available_on"), json!(1));
            set(v, &at("common_status_name"), json!("Busy"));
        };
        rule(CALLER, Mode::Strict, busy, &at("common_status_name"), &format!("{prefix}available-means-available-status"));
        // Forward to phone is the browser status, on mobile.
        let forward = |v: &mut Value, browser: &str, on: i64| {
            set(v, &at("available_on"), json!(on));
            set(v, &at("browser_status_name"), json!(browser));
            set(v, &at("common_status_name"), json!("Forward to phone"));
        };
        let on_browser = |v: &mut Value| forward(v, "Forward to phone", 1);
        rule(CALLER, Mode::Strict, on_browser, &at("available_on"), &format!("{prefix}forward-to-phone-is-on-mobile"));
        let other_status = |v: &mut Value| forward(v, "Lunch", 2);
        rule(CALLER, Mode::Strict, other_status, &at("browser_status_name"), &format!("{prefix}forward-to-phone-is-the-browser-status"));
        assert_eq!(violations(CALLER, &edited(CALLER, |v| forward(v, "Forward to phone", 2)), Mode::Strict), vec![]);
    }
    // A model change names an attribute of the agent.
    let mood = |v: &mut Value| set(v, "/data/changes/model_changes", json!({ "mood": ["calm", "busy"] }));
    assert_eq!(violations(CALLER, &edited(CALLER, mood), Mode::Lenient), vec![]);
    rule(CALLER, Mode::Strict, mood, "/data/changes/model_changes/mood", "model-changes-name-agent-attributes");
}

#[test]
fn rule_freshsales_actor_is_agent() {
    let v = edited(SALES, |v| set(v, "/data/actor/type", json!("system")));
    assert_eq!(violations(SALES, &v, Mode::Lenient), vec![]);
    expect_one(SALES, &v, Mode::Strict, "/data/actor/type", "rule", Some("actor-is-agent"));
}

#[test]
fn rule_event_name() {
    let v = edited(CHAT, |v| set(v, "/event", json!("onSomethingElse")));
    expect_one(CHAT, &v, Mode::Lenient, "/event", "rule", Some("event-name"));
}

#[test]
fn messages_say_what_was_expected_and_found() {
    let v = edited(DESK, |v| set(v, "/data/actor/type", json!("robot")));
    let bytes = serde_json::to_vec(&v).unwrap();
    let (_, report) = freshworks_events::validate(&bytes, Mode::Lenient, None).unwrap();
    let violation = &report.violations[0];
    assert_eq!(violation.expected, "one of \"agent\", \"system\"");
    assert_eq!(violation.found, "string \"robot\"");
    assert_eq!(violation.to_string(), "/data/actor/type: expected one of \"agent\", \"system\", found string \"robot\"");
}

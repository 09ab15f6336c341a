//! The real payloads through the generated types: they read, validate in lenient mode and
//! serialize back to the same JSON. The Freshdesk onAgentUpdate the spec lacks is kept as
//! an unknown event naming Freshdesk; two products' events of one name are told apart by
//! the domain; the Freshsales payload fails strict only where the spec says it departs from
//! the docs; timestamps keep their wire form and change pairs read new, then old.

use freshworks_events::{Event, Kind, Mode};
use serde_json::Value;

use crate::common;

#[test]
fn every_covered_real_payload_round_trips_unchanged() {
    let mut covered = 0;
    for (name, bytes) in common::real_payloads() {
        let event = Event::parse(&bytes).unwrap();
        // The Freshdesk onAgentUpdate is not in the spec; it is kept whole all the same.
        covered += usize::from(event.kind().is_some());
        let original: Value = serde_json::from_slice(&bytes).unwrap();
        let back = serde_json::to_value(&event).unwrap();
        assert_eq!(back, original, "{name} changed on the way through the generated types");
    }
    assert_eq!(covered, 3, "three of the real payloads are of events in the spec");
}

#[test]
fn every_covered_real_payload_is_valid_in_lenient_mode() {
    for (name, bytes) in common::real_payloads() {
        if name.starts_with("freshdesk-onAgentUpdate") {
            continue;
        }
        let (event, report) = freshworks_events::validate(&bytes, Mode::Lenient, None).unwrap();
        assert!(report.is_valid(), "{name} ({:?}): {report}", event.kind().map(|k| k.to_string()));
    }
}

#[test]
fn the_freshdesk_on_agent_update_is_kept_as_unknown_naming_freshdesk() {
    let bytes = common::payload("freshdesk-onAgentUpdate.1.json");
    let event = Event::parse(&bytes).unwrap();
    let Event::Unknown(unknown) = &event else { panic!("expected an unknown event, got {:?}", event.kind()) };
    assert_eq!(unknown.product.as_deref(), Some("freshdesk"));
    assert_eq!(unknown.event, "onAgentUpdate");
    assert!(unknown.reason.contains("Freshdesk") && unknown.reason.contains("onAgentUpdate"), "{}", unknown.reason);
    // Kept whole: written back, it is the payload that came in.
    let back: serde_json::Value = serde_json::from_slice(&serde_json::to_vec(&event).unwrap()).unwrap();
    assert_eq!(back, serde_json::from_slice::<serde_json::Value>(&bytes).unwrap());
    // Validation says it is not an event of the spec, naming what the spec covers.
    let report = event.validate(Mode::Lenient);
    assert_eq!(report.violations.len(), 1);
    assert_eq!(report.violations[0].kind, Kind::UnknownEvent);
    assert!(report.violations[0].message.contains("onAgentAvailabilityUpdate"), "{report}");
}

#[test]
fn the_same_event_name_in_two_products_is_told_apart_by_domain() {
    let bytes = br#"{"event":"onAgentUpdate","domain":"acme.freshcaller.com","data":{}}"#;
    let event = Event::parse(bytes).unwrap();
    assert_eq!(event.kind().unwrap().to_string(), "freshcaller/onAgentUpdate");
    // Without a domain the one product that has the event is taken.
    let event = Event::parse(br#"{"event":"onAgentUpdate","data":{}}"#).unwrap();
    assert_eq!(event.product(), Some(freshworks_events::Product::Freshcaller));
}

#[test]
fn the_freshsales_real_payload_departs_from_the_docs_only_where_the_spec_says() {
    let bytes = common::payload("freshsales-onUserAgentAvailabilityUpdate.1.json");
    let payload = freshworks_events::freshsales::on_user_agent_availability_update::Payload::from_slice(&bytes).unwrap();
    let report = payload.validate(Mode::Strict);
    let paths: Vec<&str> = report.violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        paths,
        ["/data/actor/description", "/data/actor/id", "/data/user_agent_availability/user_information/0/user_id"],
        "{report}"
    );
    // Typed access: the string id and the integer user_id both read as ids.
    let data = payload.data.get().unwrap();
    assert_eq!(data.actor.get().unwrap().id.get().unwrap().as_i64(), Some(132));
    let info = data.user_agent_availability.get().unwrap().user_information.get().unwrap();
    assert_eq!(info[0].get().unwrap().user_id.get().unwrap().as_i64(), Some(132));
}

#[test]
fn timestamps_keep_their_wire_form() {
    let bytes = common::payload("freshsales-onUserAgentAvailabilityUpdate.1.json");
    let payload = freshworks_events::freshsales::on_user_agent_availability_update::Payload::from_slice(&bytes).unwrap();
    let ts = payload.timestamp.get().unwrap();
    assert_eq!(ts.format(), freshworks_events::TimestampFormat::EpochMillisString);
    assert_eq!(ts.unix_millis(), 1_724_133_753_887);
    assert_eq!(serde_json::to_string(ts).unwrap(), "\"1724133753887\"");
}

#[test]
fn the_custom_status_changes_read_new_then_old() {
    let bytes = br#"{"event":"onAgentCustomStatusUpdate","data":{"changes":{"status":["LUNCH","UNAVAILABLE"]}}}"#;
    let p = freshworks_events::freshchat::on_agent_custom_status_update::Payload::from_slice(bytes).unwrap();
    let changes = p.data.get().unwrap().changes.get().unwrap();
    let status = changes.get("status").unwrap().get().unwrap();
    assert_eq!(status.new().to_value(), "LUNCH");
    assert_eq!(status.old().to_value(), "UNAVAILABLE");
}

/// A lone surrogate escape, which `JSON.parse` in an app takes, is read rather than refused:
/// as U+FFFD in a typed string (a Rust string cannot hold it), and kept as sent where the
/// payload keeps raw text (an attribute the spec does not list, a whole unknown event).
#[test]
fn a_lone_surrogate_escape_is_read_as_the_replacement_character_and_kept_raw_as_sent() {
    use freshworks_events::freshchat::on_agent_activity_create::Payload;
    let real = common::payload("freshchat-onAgentActivityCreate.1.json");
    let mut v: Value = serde_json::from_slice(&real).unwrap();
    v["data"]["actor"]["first_name"] = Value::from("@1");
    v["data"]["actor"]["zz_unlisted"] = Value::from("@2");
    let text = v.to_string().replace("\"@1\"", r#""A\ud800b""#).replace("\"@2\"", r#""x\udc00\ud83d\ude00""#);
    let bytes = text.as_bytes();
    assert!(serde_json::from_slice::<Value>(bytes).is_err(), "serde_json refuses it, as the tokenizer does");

    let event = Event::parse(bytes).unwrap();
    let Event::FreshchatOnAgentActivityCreate(p) = &event else { panic!("{event:?}") };
    assert_eq!(p.data().and_then(|d| d.actor()).and_then(|a| a.first_name()), Some("A\u{fffd}b"));
    let written = serde_json::to_string(&event).unwrap();
    assert!(written.contains(r#""zz_unlisted":"x\udc00\ud83d\ude00""#), "{written}");
    assert!(event.validate(Mode::Lenient).is_valid(), "{}", event.validate(Mode::Lenient));
    // The same through the one-event reader and the compiled validator.
    assert_eq!(Payload::from_slice(bytes).unwrap().data().and_then(|d| d.actor()).and_then(|a| a.first_name()), Some("A\u{fffd}b"));
    assert!(Payload::validate_slice(bytes, Mode::Lenient).unwrap().is_valid());
    let strict = Payload::validate_slice(bytes, Mode::Strict).unwrap();
    let unlisted = strict.violations.iter().find(|v| v.path == "/data/actor/zz_unlisted").unwrap();
    assert_eq!(unlisted.found, "string \"x\u{fffd}😀\"");

    // An unknown event keeps the whole payload as sent.
    let unknown = text.replace("onAgentActivityCreate", "onSomethingElse");
    let event = Event::parse(unknown.as_bytes()).unwrap();
    assert!(matches!(event, Event::Unknown(_)));
    assert_eq!(serde_json::to_string(&event).unwrap(), unknown);

    // Malformed JSON with one is still malformed, said where.
    let broken = format!("{}x", &text[..text.len() - 1]);
    let e = Event::parse(broken.as_bytes()).unwrap_err().to_string();
    assert!(e.contains("line 1"), "{e}");
}

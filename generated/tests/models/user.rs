//! The models used as a service that handles these events would use them: a leaf in one
//! expression, `Event` inside the service's own serde types (and other serde formats than
//! JSON), an unknown event passed on unchanged, a repeated key reported, the event the
//! final `event` and `domain` name (as `JSON.parse` reads them), a big number written back
//! as sent, builders that apply the rules as fixtures do.

use freshworks_events::freshchat::on_agent_activity_create::Payload;
use freshworks_events::types::{ActorType, AgentStatusName};
use freshworks_events::{Event, EventKind, Field, Kind, Mode};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

use crate::common;

/// The status of an activity, read through the accessors: no closures, no `.get()`.
fn status(p: &Payload) -> Option<&AgentStatusName> {
    p.data()?.agent_activity()?.status()
}

#[test]
fn a_leaf_in_one_expression() {
    let p = Payload::from_slice(&common::payload("freshchat-onAgentActivityCreate.1.json")).unwrap();
    assert_eq!(status(&p), Some(&AgentStatusName::Unavailable));
    assert_eq!(p.data().and_then(|d| d.actor()).and_then(|a| a.r#type()), Some(&ActorType::Agent));
    // The field beside each accessor still tells absent, null and invalid apart.
    let p = Payload::from_slice(br#"{"event":"onAgentActivityCreate","data":{"agent_activity":{"status":null}}}"#).unwrap();
    assert_eq!(status(&p), None);
    assert!(p.data().unwrap().agent_activity().unwrap().status.is_null());
}

/// A message of the service's own, carrying an event.
#[derive(Debug, Serialize, Deserialize)]
struct Message {
    id: u32,
    event: Event,
}

#[test]
fn event_inside_a_users_serde_type() {
    let payload: serde_json::Value = serde_json::from_slice(&common::payload("freshchat-onAgentActivityCreate.1.json")).unwrap();
    let text = serde_json::json!({ "id": 7, "event": payload }).to_string();
    let message: Message = serde_json::from_str(&text).unwrap();
    assert_eq!(message.event.kind().unwrap().to_string(), "freshchat/onAgentActivityCreate");
    assert!(message.event.validate(Mode::Lenient).is_valid());
    let back: serde_json::Value = serde_json::to_value(&message).unwrap();
    assert_eq!(back["event"], payload);
    // Id and Timestamp too.
    #[derive(Deserialize, Serialize)]
    struct Row {
        id: freshworks_events::Id,
        at: freshworks_events::Timestamp,
    }
    let row: Row = serde_json::from_str(r#"{"id":"132","at":"2022-06-09T02:18:41Z"}"#).unwrap();
    assert_eq!(row.id.as_i64(), Some(132));
    assert_eq!(serde_json::to_string(&row).unwrap(), r#"{"id":"132","at":"2022-06-09T02:18:41Z"}"#);
}

#[test]
fn an_unknown_event_is_kept_and_written_back_unchanged() {
    let bytes = br#"{"event":"onTicketCreate","domain":"acme.freshdesk.com","data":{"ticket":{"id":12345678901234567890123}}}"#;
    let event = Event::parse(bytes).unwrap();
    let Event::Unknown(unknown) = &event else { panic!("expected an unknown event") };
    assert_eq!(unknown.product.as_deref(), Some("freshdesk"));
    assert_eq!(unknown.event, "onTicketCreate");
    assert_eq!(serde_json::to_vec(&event).unwrap(), bytes.to_vec());
    let report = event.validate(Mode::Lenient);
    assert_eq!(report.violations[0].kind, Kind::UnknownEvent);
    assert!(report.violations[0].message.contains("for Freshdesk the spec covers onAgentAvailabilityUpdate"), "{report}");
}

#[test]
fn repeated_keys_are_reported_and_the_last_value_is_read() {
    let bytes = br#"{"event":"onAgentActivityCreate","region":5,"region":"US","data":{"actor":{"email":"a@x.com","email":"b@x.com"}}}"#;
    let p = Payload::from_slice(bytes).unwrap();
    // The last value, as JSON.parse in the app's own code reads it.
    assert_eq!(p.region(), Some("US"));
    assert_eq!(p.data().unwrap().actor().unwrap().email(), Some("b@x.com"));
    for mode in [Mode::Lenient, Mode::Strict] {
        let report = p.validate(mode);
        let duplicates: Vec<&str> = report.violations.iter().filter(|v| v.kind == Kind::DuplicateKey).map(|v| v.path.as_str()).collect();
        // In walk order: each object's repeated keys after its own attributes.
        assert_eq!(duplicates, ["/data/actor/email", "/region"], "{mode:?}: {report}");
    }
    // Written back, the payload reads the same way again: nothing is lost.
    let again = serde_json::to_vec(&p).unwrap();
    assert_eq!(Payload::from_slice(&again).unwrap(), p);
    let text = String::from_utf8(again).unwrap();
    assert!(text.find(r#""region":5"#).unwrap() < text.find(r#""region":"US""#).unwrap(), "{text}");
    // Dispatch reads the same keys the parse reads.
    let bytes = br#"{"event":"onAgentUpdate","domain":"acme.freshdesk.com","domain":"acme.freshcaller.com","data":{}}"#;
    let event = Event::parse(bytes).unwrap();
    assert_eq!(event.kind().unwrap().to_string(), "freshcaller/onAgentUpdate");
}

#[test]
fn the_event_is_the_one_the_final_values_name() {
    let qualified = |bytes: &[u8]| match Event::parse(bytes).unwrap() {
        Event::Unknown(u) => format!("unknown {}", u.event),
        e => e.kind().unwrap().to_string(),
    };
    // A repeated `event` after `data` names the event, as `JSON.parse` would take it.
    let later = br#"{"event":"onAgentActivityCreate","domain":"web.freshchat.com","data":{},"event":"onAgentCustomStatusUpdate"}"#;
    assert_eq!(qualified(later), "freshchat/onAgentCustomStatusUpdate");
    let report = Event::parse(later).unwrap().validate(Mode::Lenient);
    assert!(report.violations.iter().any(|v| v.kind == Kind::DuplicateKey && v.path == "/event"), "{report}");
    // A repeated `domain` after `data` that moves the event to a product without it.
    let moved = br#"{"event":"onAgentUpdate","domain":"acme.freshcaller.com","data":{},"domain":"acme.freshdesk.com"}"#;
    assert_eq!(qualified(moved), "unknown onAgentUpdate");
    // `domain` only after `data`, and in another case.
    assert_eq!(qualified(br#"{"event":"onAgentUpdate","data":{},"domain":"ACME.Freshcaller.com."}"#), "freshcaller/onAgentUpdate");

    // Every event's fixtures read the same whether `data` comes after the envelope's names
    // or before them (the envelope's keys sorted, `data` < `domain` < `event`, the values'
    // text untouched).
    for &kind in EventKind::ALL {
        for seed in 0..8 {
            let bytes = serde_json::to_vec(&Event::fixture(kind, Some(seed)).unwrap()).unwrap();
            let envelope: BTreeMap<String, &RawValue> = serde_json::from_slice(&bytes).unwrap();
            let sorted = serde_json::to_vec(&envelope).unwrap();
            let text = String::from_utf8(sorted.clone()).unwrap();
            assert!(text.find(r#""data""#).unwrap() < text.find(r#""event""#).unwrap(), "{text}");
            let (a, b) = (Event::parse(&bytes).unwrap(), Event::parse(&sorted).unwrap());
            assert_eq!(a, b, "{text}");
            assert_eq!(a.kind().unwrap().to_string(), kind.to_string());
        }
    }
}

#[test]
fn dispatch_agrees_with_json_parse_wherever_the_names_are() {
    use freshworks_events::{rt, Error, EVENTS, PRODUCTS};
    let names = ["onAgentUpdate", "onAgentActivityCreate", "onAgentCustomStatusUpdate", "onNothing"];
    let domains = ["acme.freshcaller.com", "web.freshchat.com", "acme.freshdesk.com", "x.example.com"];
    // Envelopes with zero to two `event` and `domain` keys around `data`, in every order a
    // small generator draws; the reference takes the last value of each key, as
    // `JSON.parse` and `serde_json::Value` do.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut draw = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..4000 {
        let mut entries: Vec<String> = vec![r#""data":{}"#.into()];
        for _ in 0..draw(3) {
            entries.push(format!(r#""event":"{}""#, names[draw(names.len())]));
        }
        for _ in 0..draw(3) {
            entries.push(format!(r#""domain":"{}""#, domains[draw(domains.len())]));
        }
        for i in (1..entries.len()).rev() {
            entries.swap(i, draw(i + 1));
        }
        let bytes = format!("{{{}}}", entries.join(","));
        let v: serde_json::Value = serde_json::from_str(&bytes).unwrap();
        let expected = rt::identify(v["event"].as_str(), v["domain"].as_str(), PRODUCTS, EVENTS);
        match (expected, Event::parse(bytes.as_bytes())) {
            (Ok(i), Ok(e)) => assert_eq!(e.kind().map(|k| k.to_string()), Some(EVENTS[i].qualified()), "{bytes}"),
            (Err(Error::UnknownEvent { .. } | Error::UnsupportedEvent { .. }), Ok(Event::Unknown(_))) => {}
            (Err(a), Err(b)) => assert_eq!(a, b, "{bytes}"),
            (a, b) => panic!("{bytes}: expected {a:?}, read {b:?}"),
        }
    }
}

#[test]
fn big_numbers_come_back_exactly_as_sent() {
    // Listed attributes are written in spec order, then the unlisted ones in the order sent.
    let bytes =
        br#"{"event":"onAgentActivityCreate","data":{"actor":{"login_status":1e400}},"trace":123456789012345678901234567890,"ratio":1.0}"#;
    let p = Payload::from_slice(bytes).unwrap();
    assert_eq!(serde_json::to_vec(&p).unwrap(), bytes.to_vec());
    assert_eq!(p.unknown_fields.get("trace").unwrap().as_str(), "123456789012345678901234567890");
    assert!(matches!(p.data().unwrap().actor().unwrap().login_status, Field::Invalid(_)));
}

#[test]
fn builders_apply_the_rules_like_fixtures() {
    // Setting a system actor and asking for the rules gives the documented nulls.
    let p = Payload::builder().data_with(|d| d.actor_with(|a| a.r#type(ActorType::System))).apply_rules().build_in(Mode::Strict).unwrap();
    let actor = p.data().unwrap().actor().unwrap();
    assert!(actor.email.is_null() && actor.first_name.is_null());
    // Without them, every violation at once.
    let report = Payload::builder().data_with(|d| d.actor_with(|a| a.r#type(ActorType::System))).build().unwrap_err();
    assert!(report.violations.len() >= 5, "{report}");
    assert!(report.violations.iter().all(|v| v.rule == Some("system-actor-has-no-profile")), "{report}");
}

#[test]
fn other_serde_formats_see_values_not_json_text() {
    let bytes = br#"{"event":"onAgentActivityCreate","data":{"actor":{"login_status":"yes"}},"trace":5,"tags":["a"]}"#;
    let p = Payload::from_slice(bytes).unwrap();
    let yaml = serde_yaml::to_string(&p).unwrap();
    assert!(yaml.contains("trace: 5"), "{yaml}");
    assert!(yaml.contains("- a"), "{yaml}");
    assert!(!yaml.contains("serde_json"), "{yaml}");
    // And back: the same payload, through YAML.
    let again: Payload = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(serde_json::to_vec(&again).unwrap(), serde_json::to_vec(&p).unwrap());
}

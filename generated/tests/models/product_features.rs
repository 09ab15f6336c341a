//! Each product of the spec is a cargo feature of this crate. These tests hold in every
//! build: with a product's feature its payloads read as its events, without it they read
//! as `Event::Unknown`, naming the feature. Besides the default build, they run with
//! Freshchat alone: `cargo test -p freshworks-events --no-default-features --features
//! freshchat --test models product_features`, in `.ci/run` and in the whole-chain test
//! `packaging`.

use freshworks_events::{Event, EventKind, Mode};

/// A Freshdesk payload: the envelope is enough to decide the event.
const FRESHDESK: &[u8] = br#"{"event": "onAgentAvailabilityUpdate", "domain": "acme.freshdesk.com", "data": {}}"#;

fn freshchat_payload() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/payloads/freshchat-onAgentActivityCreate.1.json");
    std::fs::read(path).unwrap_or_else(|e| panic!("the real payloads are expected at {path}: {e}"))
}

#[test]
fn a_freshchat_payload_reads_as_freshchat_with_its_feature() {
    let event = Event::parse(&freshchat_payload()).unwrap();
    if cfg!(feature = "freshchat") {
        assert_eq!(event.kind().map(|k| k.to_string()).as_deref(), Some("freshchat/onAgentActivityCreate"));
        let report = event.validate(Mode::Strict);
        assert!(report.is_valid(), "{report}");
    } else {
        assert!(matches!(event, Event::Unknown(_)), "{event:?}");
    }
}

#[test]
fn a_freshdesk_payload_reads_as_freshdesk_only_with_its_feature() {
    let kind = "freshdesk/onAgentAvailabilityUpdate".parse::<EventKind>().expect("the spec lists every event, whatever the features");
    for event in [Event::parse(FRESHDESK).unwrap(), Event::parse_as(kind, FRESHDESK).unwrap()] {
        #[cfg(feature = "freshdesk")]
        assert!(matches!(event, Event::FreshdeskOnAgentAvailabilityUpdate(_)), "{event:?}");
        #[cfg(not(feature = "freshdesk"))]
        {
            let Event::Unknown(unknown) = &event else { panic!("expected an unknown event, got {event:?}") };
            assert_eq!(unknown.product.as_deref(), Some("freshdesk"));
            assert_eq!(unknown.event, "onAgentAvailabilityUpdate");
            assert!(unknown.reason.contains("leaves Freshdesk out; enable its cargo feature \"freshdesk\""), "{}", unknown.reason);
            // Kept whole, as any unknown event, so a service can pass it on.
            let kept: serde_json::Value = serde_json::to_value(&event).unwrap();
            assert_eq!(kept, serde_json::from_slice::<serde_json::Value>(FRESHDESK).unwrap());
            let report = event.validate(Mode::Lenient);
            assert_eq!(report.violations.len(), 1, "{report}");
            assert_eq!((report.violations[0].path.as_str(), report.violations[0].kind), ("/event", freshworks_events::Kind::UnknownEvent));
        }
    }
}

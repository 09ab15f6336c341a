//! Event kinds and the envelope on every event: each kind names its event in every API, reads
//! and writes as `product/event`, and every event, known or unknown, gives its envelope.

use freshworks_events::freshchat::on_agent_activity_create::Payload as AgentActivity;
use freshworks_events::{Event, EventKind, Product, EVENTS, PRODUCTS};

use crate::common;

#[test]
fn kinds_are_the_events_of_the_spec_in_order() {
    assert_eq!(EventKind::ALL.len(), EVENTS.len());
    for (kind, info) in EventKind::ALL.iter().zip(EVENTS) {
        assert_eq!(kind.to_string(), info.qualified());
        assert_eq!((kind.product().key(), kind.name()), (info.product, info.name));
        assert_eq!(kind.to_string().parse::<EventKind>().unwrap(), *kind);
        assert_eq!(serde_json::to_string(kind).unwrap(), format!("\"{}\"", info.qualified()));
        assert_eq!(serde_json::from_str::<EventKind>(&format!("\"{}\"", info.qualified())).unwrap(), *kind);
    }
    // A name one product has parses alone; one that is not in the spec is an error naming
    // what is.
    assert_eq!("onAgentUpdate".parse::<EventKind>().unwrap(), EventKind::FreshcallerOnAgentUpdate);
    let e = "freshdesk/onAgentUpdate".parse::<EventKind>().unwrap_err().to_string();
    assert!(e.starts_with("no event \"freshdesk/onAgentUpdate\" in the spec; known: freshcaller/onAgentUpdate, "), "{e}");
    assert!(serde_json::from_str::<EventKind>("\"onNothing\"").is_err());
    assert!(serde_json::from_str::<EventKind>("7").is_err());
}

#[test]
fn products_list_their_events() {
    assert_eq!(Product::ALL.len(), PRODUCTS.len());
    for (product, info) in Product::ALL.iter().zip(PRODUCTS) {
        assert_eq!((product.key(), product.title()), (info.key, info.title));
        assert_eq!(product.to_string().parse::<Product>().unwrap(), *product);
        assert_eq!(serde_json::to_string(product).unwrap(), format!("\"{}\"", info.key));
        assert!(product.events().all(|k| k.product() == *product));
    }
    let all: usize = Product::ALL.iter().map(|p| p.events().count()).sum();
    assert_eq!(all, EventKind::ALL.len());
    assert_eq!(
        Product::Freshchat.events().collect::<Vec<_>>(),
        [EventKind::FreshchatOnAgentActivityCreate, EventKind::FreshchatOnAgentCustomStatusUpdate]
    );
    assert!("Freshchat".parse::<Product>().is_err(), "a key, not a title");
}

#[test]
fn every_event_knows_its_kind_and_envelope() {
    for &kind in EventKind::ALL {
        let fixture = Event::fixture(kind, Some(11)).unwrap();
        // As a receiver reads it: through the bytes, found from the envelope.
        let bytes = serde_json::to_vec(&fixture).unwrap();
        let event = Event::parse(&bytes).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(event.kind(), Some(kind));
        assert_eq!((event.product(), event.name()), (Some(kind.product()), kind.name()));
        assert_eq!(event.account_id().map(|id| id.to_string()), v["account_id"].as_str().map(str::to_string), "{kind}");
        assert_eq!(event.domain(), v["domain"].as_str());
        assert_eq!(event.region(), v["region"].as_str());
        assert_eq!(event.version(), v["version"].as_str());
        assert_eq!(event.timestamp().map(|t| t.unix_millis()), fixture.timestamp().map(|t| t.unix_millis()));
        assert!(event.timestamp().is_some(), "{kind}");
        // Read as its kind, whatever the envelope says.
        assert_eq!(Event::parse_as(kind, &bytes).unwrap(), event);
    }
    let payload = AgentActivity::fixture();
    assert_eq!(AgentActivity::KIND, EventKind::FreshchatOnAgentActivityCreate);
    assert_eq!(Event::parse(&serde_json::to_vec(&payload).unwrap()).unwrap().kind(), Some(AgentActivity::KIND));
}

#[test]
fn an_unknown_event_keeps_its_envelope() {
    let bytes = common::payload("freshdesk-onAgentUpdate.1.json");
    let event = Event::parse(&bytes).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!((event.kind(), event.product(), event.name()), (None, Some(Product::Freshdesk), "onAgentUpdate"));
    assert_eq!(event.account_id().map(|id| id.to_string()).as_deref(), Some("13"));
    assert_eq!(event.domain(), v["domain"].as_str());
    assert_eq!(event.region(), v["region"].as_str());
    assert_eq!(event.version(), v["version"].as_str());
    assert!(event.timestamp().is_some());
    // A product the spec does not know, and envelope values of other types: nothing is
    // made up, and the payload is written back as sent.
    let odd = br#"{"event":"onThing","domain":"x.example.com","account_id":true,"timestamp":"soon","region":7,"data":{}}"#;
    let event = Event::parse(odd).unwrap();
    assert_eq!((event.kind(), event.product(), event.name()), (None, None, "onThing"));
    assert_eq!((event.account_id(), event.timestamp(), event.region(), event.version()), (None, None, None, None));
    assert_eq!(event.domain(), Some("x.example.com"));
    assert_eq!(serde_json::to_vec(&event).unwrap(), odd.to_vec());
    // The same for a known event: its accessors give `None`, its fields keep what was sent
    // (written back in spec order, as a known event is).
    let known = br#"{"account_id":true,"domain":"a.freshcaller.com","event":"onAgentUpdate","data":{}}"#;
    let event = Event::parse(known).unwrap();
    assert_eq!((event.kind(), event.account_id()), (Some(EventKind::FreshcallerOnAgentUpdate), None));
    assert_eq!(serde_json::to_vec(&event).unwrap(), known.to_vec());
}

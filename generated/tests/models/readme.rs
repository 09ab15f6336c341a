//! The README's Rust examples, as written there and in the setting they show (`?` under
//! anyhow and under `Box<dyn Error>`): each block's lines are in this file (the axum
//! block's in the example, see `axum_server`), and the functions run, `receive` on the real
//! payloads.

use freshworks_events::freshchat::on_agent_activity_create::Payload;
use freshworks_events::types::AgentStatusName;
use freshworks_events::{Event, Mode};
// The builders' block uses these too.
use freshworks_events::types::ActorType;
use freshworks_events::Field;

use crate::common;

fn receive(bytes: &[u8]) -> anyhow::Result<()> {
    // Any event: the event is found from the envelope's `event` (and `domain`, where two
    // products share a name), and the payload is read in one pass into that event's types.
    let event = Event::parse(bytes)?;
    // The envelope is on every event, known or not; the kind names a known one.
    let account = event.account_id().map(|id| id.to_string()).unwrap_or_default();
    let at = event.timestamp().map(|t| t.to_rfc3339()).unwrap_or_default();
    println!("{} from account {account} at {at}", event.kind().map(|k| k.to_string()).unwrap_or_default());
    let report = event.validate(Mode::Lenient);
    for v in &report.violations {
        println!("{}: {} ({})", v.path, v.message, v.kind); // e.g. /data/actor/type: expected one of ...
    }
    // One match: a variant per event of the spec, and the events it does not cover.
    match &event {
        Event::FreshchatOnAgentActivityCreate(p) => println!("agent status {:?}", status(p)),
        Event::FreshcallerOnAgentUpdate(p) => println!("phone agent {:?}", p.data().and_then(|d| d.agent()).is_some()),
        Event::Unknown(unknown) => println!("passed on {} ({})", unknown.event, unknown.reason),
        _ => {} // the enum is non-exhaustive: the spec may add events in a minor release
    }
    // One event, read and validated in one call; a documented leaf in one expression.
    let payload = Payload::from_slice_validated(bytes, Mode::Strict)?;
    println!("agent status {:?}", status(&payload));
    Ok(())
}

fn status(p: &Payload) -> Option<&AgentStatusName> {
    p.data()?.agent_activity()?.status()
}

// Laid out as the README shows them, a setter a line.
#[rustfmt::skip]
fn maria() -> anyhow::Result<Payload> {
    let payload = Payload::builder()
        .data_with(|d| d.actor_with(|a| a.first_name("Maria").email(Field::Null)))
        .build()?; // Err(report) lists every violation at once, in spec order
    Ok(payload)
}

// A system actor, with the nulls the docs promise, as seeded fixtures make them.
#[rustfmt::skip]
fn system_actor() -> Result<Payload, Box<dyn std::error::Error>> {
    let payload = Payload::builder()
        .data_with(|d| d.actor_with(|a| a.r#type(ActorType::System)))
        .apply_rules()
        .build_in(Mode::Strict)?;
    Ok(payload)
}

#[test]
fn the_readme_examples_run() {
    receive(&common::payload("freshchat-onAgentActivityCreate.1.json")).unwrap();
    // Not this event: the strict read as onAgentActivityCreate refuses it, through `?`.
    let e = receive(&common::payload("freshsales-onUserAgentAvailabilityUpdate.1.json")).unwrap_err();
    assert!(e.to_string().contains("breaks the spec"), "{e}");
    let e = receive(b"[1]").unwrap_err();
    assert_eq!(e.to_string(), "a payload is a JSON object, found an array of 1 item");

    let first = maria().unwrap();
    let actor = first.data().and_then(|d| d.actor()).unwrap();
    assert_eq!((actor.first_name(), &actor.email), (Some("Maria"), &Field::Null));
    let system = system_actor().unwrap();
    let actor = system.data().and_then(|d| d.actor()).unwrap();
    assert_eq!(actor.r#type(), Some(&ActorType::System));
    assert_eq!(actor.email, Field::Null, "the rule's null");
}

/// Every Rust block of the README, line by line, is in this file or in the axum example
/// (the `axum_server` module checks that one).
#[test]
fn the_readme_shows_these_examples() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let here = std::fs::read_to_string(common::root().join("generated/tests/models/readme.rs")).unwrap();
    let axum = std::fs::read_to_string(common::root().join("generated/examples/axum_server.rs")).unwrap();
    let mut blocks = 0;
    for block in readme.split("```rust\n").skip(1).filter_map(|b| b.split("```").next()) {
        blocks += 1;
        let source = if block.contains("Validated(") { &axum } else { &here };
        for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(source.lines().any(|l| l.trim() == line), "README line not in a compiled example: {line}");
        }
    }
    assert_eq!(blocks, 3, "the README's Rust blocks: using the models, builders, axum");
}

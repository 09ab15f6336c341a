//! The README's "Using the models" example, as written there.

mod common;

use freshworks_events::freshchat::on_agent_activity_create::Payload;
use freshworks_events::types::AgentStatusName;
use freshworks_events::{Event, Mode};

/// A documented leaf in one expression: each accessor gives `Option<&T>`.
fn status(p: &Payload) -> Option<&AgentStatusName> {
    p.data()?.agent_activity()?.status()
}

#[test]
fn the_readme_example_works() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = &common::payload("freshchat-onAgentActivityCreate.1.json")[..];

    let event = Event::parse(bytes)?;
    let report = event.validate(Mode::Lenient);
    for v in &report.violations {
        println!("{}: {} ({})", v.path, v.message, v.kind);
    }
    assert!(report.is_valid());

    let payload = Payload::from_slice_validated(bytes, Mode::Strict)?;
    assert_eq!(status(&payload).map(AgentStatusName::as_str), Some("UNAVAILABLE"));
    Ok(())
}

//! The README's "Using the models" example, as written there.

mod common;

use freshworks_events::freshchat::on_agent_activity_create::Payload;
use freshworks_events::{Event, EventPayload, Mode};

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
    let status = payload.data.get().and_then(|d| d.agent_activity.get()).and_then(|a| a.status.get());
    assert_eq!(status.map(|s| s.wire()), Some("UNAVAILABLE"));
    Ok(())
}

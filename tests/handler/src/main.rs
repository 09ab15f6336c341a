//! Handles payloads as a webhook endpoint would: every event of the spec and an unknown one,
//! with one `match`, after reading the envelope that every event has. Payloads are the files
//! named on the command line, then one fixture of every event the spec covers, then an event
//! the spec does not cover; one line is printed per payload.

use std::error::Error;

use freshworks_events::freshchat::on_agent_activity_create::Payload as AgentActivity;
use freshworks_events::types::ActorType;
use freshworks_events::{Event, EventKind, Field, Mode};

/// What the service does with an event: one match, one arm per event, one for the unknown.
fn handle(event: &Event) -> String {
    match event {
        Event::FreshchatOnAgentActivityCreate(p) => {
            let status = p.data().and_then(|d| d.agent_activity()).and_then(|a| a.status());
            format!("chat agent is {}", status.map_or("unset", |s| s.as_str()))
        }
        Event::FreshchatOnAgentCustomStatusUpdate(p) => {
            let status = p.data().and_then(|d| d.agent_custom_status()).and_then(|a| a.status());
            format!("chat agent custom status {}", status.map_or("unset", |s| s.as_str()))
        }
        Event::FreshdeskOnAgentAvailabilityUpdate(p) => {
            format!("desk availability {}", if p.data().and_then(|d| d.agent_availability()).is_some() { "changed" } else { "unset" })
        }
        Event::FreshcallerOnAgentUpdate(p) => {
            format!("phone agent {}", if p.data().and_then(|d| d.agent()).is_some() { "updated" } else { "unset" })
        }
        Event::FreshsalesOnUserAgentAvailabilityUpdate(p) => {
            let set = p.data().and_then(|d| d.user_agent_availability()).is_some();
            format!("sales user availability {}", if set { "changed" } else { "unset" })
        }
        Event::Unknown(unknown) => format!("passed on ({})", unknown.reason),
        // The enum is non-exhaustive: an event a later spec adds is handled here until the
        // service has an arm for it.
        _ => "an event this service does not handle yet".to_string(),
    }
}

/// Reads one payload and prints what was done with it, after its envelope and kind.
fn receive(bytes: &[u8]) -> anyhow::Result<()> {
    let event = Event::parse(bytes)?;
    // The envelope, the same for every event, known or not, before any match.
    let account = event.account_id().map_or_else(|| "-".to_string(), |id| id.to_string());
    let at = event.timestamp().map_or(0, |t| t.unix_millis());
    let kind = match event.kind() {
        Some(kind) => kind.to_string(),
        None => format!("unknown {}/{}", event.product().map_or("-", |p| p.key()), event.name()),
    };
    let valid = event.validate(Mode::Lenient).is_valid();
    println!("{kind}: account {account} at {at}: {} (valid: {valid})", handle(&event));
    Ok(())
}

/// A payload built attribute by attribute: `?` takes the report of violations into anyhow.
fn built() -> anyhow::Result<AgentActivity> {
    let payload =
        AgentActivity::builder().data_with(|d| d.actor_with(|a| a.r#type(ActorType::System))).apply_rules().build_in(Mode::Strict)?;
    Ok(payload)
}

/// A payload a builder refuses, under `Box<dyn Error>`: the report is the error.
fn refused() -> Result<AgentActivity, Box<dyn Error + Send + Sync>> {
    Ok(AgentActivity::builder().data_with(|d| d.actor_with(|a| a.email(Field::Null))).build_in(Mode::Strict)?)
}

fn main() -> anyhow::Result<()> {
    for path in std::env::args().skip(1) {
        receive(&std::fs::read(&path)?)?;
    }
    for &kind in EventKind::ALL {
        let fixture = Event::fixture(kind, None).ok_or_else(|| anyhow::anyhow!("no fixture of {kind}"))?;
        receive(&serde_json::to_vec(&fixture)?)?;
    }
    receive(br#"{"account_id":"42","domain":"acme.freshdesk.com","event":"onTicketCreate","region":"US","timestamp":1700000000000,"version":"2.0.0","data":{}}"#)?;
    let payload = built()?;
    let actor = payload.data().and_then(|d| d.actor()).and_then(|a| a.r#type());
    println!("built: {}, actor {:?}", payload.event().unwrap_or_default(), actor.map(|t| t.as_str()));
    match refused() {
        Ok(_) => println!("refused: nothing"),
        Err(e) => println!("refused: {}", e.to_string().trim()),
    }
    Ok(())
}

//! Every public error type of the models is a `std::error::Error` that can cross threads, so
//! `?` takes it into `anyhow::Error` and `Box<dyn Error + Send + Sync>`, keeping its message.
//! (The generator's error types: its own tests, `errors`.)

use std::error::Error;

use freshworks_events::freshchat::on_agent_activity_create::Payload;
use freshworks_events::{Event, EventKind, Field, Mode, Product};

/// Compiles only for a type that can go through `?` into both.
fn composes<E: Error + Send + Sync + 'static>() {}

#[test]
fn every_public_error_is_an_error() {
    composes::<freshworks_events::Error>();
    composes::<freshworks_events::Report>();
    composes::<freshworks_events::Rejected>();
    composes::<freshworks_events::TimestampError>();
    composes::<freshworks_events::axum::Problem>();
}

fn build_anyhow() -> anyhow::Result<Payload> {
    Ok(Payload::builder().data_with(|d| d.actor_with(|a| a.email(Field::Null))).build_in(Mode::Strict)?)
}

fn build_boxed() -> Result<Payload, Box<dyn Error + Send + Sync>> {
    Ok(Payload::builder().data_with(|d| d.actor_with(|a| a.email(Field::Null))).build_in(Mode::Strict)?)
}

fn kind_anyhow(name: &str) -> anyhow::Result<EventKind> {
    Ok(name.parse()?)
}

fn product_boxed(key: &str) -> Result<Product, Box<dyn Error>> {
    Ok(key.parse()?)
}

fn parse_boxed(bytes: &[u8]) -> Result<Event, Box<dyn Error>> {
    Ok(Event::parse(bytes)?)
}

#[test]
fn question_mark_keeps_each_message() {
    let report = "/data/actor/email: expected a string, found null";
    assert_eq!(build_anyhow().unwrap_err().to_string().trim(), report);
    assert_eq!(build_boxed().unwrap_err().to_string().trim(), report);
    // The report is found again behind anyhow's error, with every violation.
    let e = build_anyhow().unwrap_err();
    assert_eq!(e.downcast_ref::<freshworks_events::Report>().map(|r| r.violations.len()), Some(1));

    assert_eq!(kind_anyhow("freshcaller/onAgentUpdate").unwrap(), EventKind::FreshcallerOnAgentUpdate);
    let e = kind_anyhow("onNothing").unwrap_err().to_string();
    assert!(e.starts_with("no event \"onNothing\" in the spec; known: freshcaller/onAgentUpdate, "), "{e}");
    assert_eq!(product_boxed("freshchat").unwrap(), Product::Freshchat);
    assert_eq!(
        product_boxed("freshteam").unwrap_err().to_string(),
        "no product \"freshteam\" in the spec; known: freshchat, freshdesk, freshcaller, freshsales"
    );
    assert_eq!(parse_boxed(b"{").unwrap_err().to_string(), "malformed JSON at line 1, column 1: EOF while parsing an object");
}

//! Typed, validated models of Freshworks product event payloads.
//!
//! Every type in [`types`] and the product modules ([`freshchat`], [`freshdesk`],
//! [`freshcaller`], [`freshsales`]) is generated from the YAML spec in `spec/` by the
//! `codegen` crate when this crate builds: declarations whose `#[fw(...)]` attributes say
//! what the spec says, with the implementations written once in this crate's derives and
//! runtime. A payload is read in one pass over its bytes; nothing is lost (wrong types,
//! unknown attributes and repeated keys are kept for validation to report), and it is
//! validated in a lenient or a strict reading of the docs.
//!
//! # Reading one event
//!
//! Each event has a module with its `Payload` (the envelope around its `Data`). Every
//! attribute has an accessor giving `Option<&T>` (`Option<&str>` for a string) and a public
//! [`Field`] that tells absent, null, a value and a value of the wrong type apart.
//!
//! ```
//! use freshworks_events::freshchat::on_agent_activity_create::Payload;
//! use freshworks_events::Mode;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let bytes = br#"{"account_id": "227655214724132", "domain": "web.freshchat.com",
//!     "event": "onAgentActivityCreate", "region": "US", "timestamp": 1564592339214, "version": "2.0.0",
//!     "data": {"actor": {"type": "agent"}, "agent_activity": {"status": "AVAILABLE"}}}"#;
//! let payload = Payload::from_slice(bytes)?;
//! let status = payload.data().and_then(|d| d.agent_activity()).and_then(|a| a.status());
//! assert_eq!(status.map(|s| s.as_str()), Some("AVAILABLE"));
//! // Read and validated in one call: the payload, or every violation.
//! assert!(Payload::from_slice_validated(bytes, Mode::Lenient).is_ok());
//! # Ok(())
//! # }
//! ```
//!
//! # Reading any event: one match
//!
//! [`Event::parse`] finds the event from the envelope's `event` (and `domain`, where two
//! products share an event name). [`Event`] has a variant per event of the spec, named by
//! product and event, and [`Event::Unknown`]; the envelope every event has is on `Event`
//! itself, and [`Event::kind`] names the event with an [`EventKind`].
//!
//! ```
//! use freshworks_events::{Event, EventKind};
//!
//! # fn main() -> anyhow::Result<()> {
//! let bytes = br#"{"account_id": "42", "domain": "acme.freshcaller.com", "event": "onAgentUpdate",
//!     "region": "EU", "timestamp": 1723453536000, "version": "2.0.0", "data": {}}"#;
//! let event = Event::parse(bytes)?;
//! assert_eq!(event.account_id().map(|id| id.to_string()).as_deref(), Some("42"));
//! assert_eq!(event.timestamp().map(|t| t.unix_millis()), Some(1723453536000));
//! assert_eq!(event.kind(), Some(EventKind::FreshcallerOnAgentUpdate));
//! let what = match &event {
//!     Event::FreshcallerOnAgentUpdate(p) => format!("phone agent update in {:?}", p.region()),
//!     Event::FreshchatOnAgentActivityCreate(_) => "chat agent status".to_string(),
//!     Event::Unknown(unknown) => format!("passed on {}", unknown.event),
//!     _ => "another event of the spec".to_string(),
//! };
//! assert_eq!(what, "phone agent update in Some(\"EU\")");
//! # Ok(())
//! # }
//! ```
//!
//! # Event kinds
//!
//! [`EventKind`] is a `Copy` enum of every event of the spec, whichever products a build
//! reads. It shows, parses and (de)serializes as `product/event`, and names events wherever
//! one is named: [`Event::parse_as`], [`Event::fixture`], [`validate`].
//!
//! ```
//! use freshworks_events::{Event, EventKind, Product};
//!
//! # fn main() -> anyhow::Result<()> {
//! let kind: EventKind = "freshcaller/onAgentUpdate".parse()?;
//! assert_eq!(kind, EventKind::FreshcallerOnAgentUpdate);
//! assert_eq!((kind.product(), kind.name()), (Product::Freshcaller, "onAgentUpdate"));
//! assert_eq!(kind.to_string(), "freshcaller/onAgentUpdate");
//! // Two products raise onAgentUpdate in the wild, but only one in the spec: the short name parses.
//! assert_eq!("onAgentUpdate".parse::<EventKind>()?, kind);
//! assert_eq!(Product::Freshchat.events().count(), 2);
//! let event = Event::parse_as(kind, br#"{"event": "onAgentUpdate", "data": {}}"#)?;
//! assert_eq!(event.kind(), Some(kind));
//! # Ok(())
//! # }
//! ```
//!
//! # Validating
//!
//! [`Event::validate`] (and each payload's `validate`) reports every violation at once, in
//! the [`Mode`] asked for: lenient accepts what real payloads do, strict holds them to the
//! docs to the letter. Each [`Violation`] has a JSON Pointer, a [`Kind`] and the rule it
//! breaks, if any.
//!
//! ```
//! use freshworks_events::{Event, Mode};
//!
//! let bytes = br#"{"event": "onAgentActivityCreate", "domain": "web.freshchat.com", "data": {}}"#;
//! let event = Event::parse(bytes).unwrap();
//! assert_eq!(event.product(), Some(freshworks_events::Product::Freshchat));
//! let report = event.validate(Mode::Strict);
//! assert_eq!(report.violations[0].path, "/account_id"); // the docs list every attribute
//! ```
//!
//! # The unknown event
//!
//! An event the spec does not cover is not an error: [`Event::Unknown`] keeps its name, its
//! product when the domain names one of the spec, why it is unknown, the envelope's common
//! attributes and the whole payload, which it writes back unchanged.
//!
//! ```
//! use freshworks_events::{Event, Mode, Product};
//!
//! let bytes = br#"{"account_id": "13", "domain": "acme.freshdesk.com", "event": "onAgentUpdate", "data": {"x": 1}}"#;
//! let event = Event::parse(bytes).unwrap();
//! assert_eq!((event.kind(), event.product(), event.name()), (None, Some(Product::Freshdesk), "onAgentUpdate"));
//! assert_eq!(event.account_id().map(|id| id.to_string()).as_deref(), Some("13"));
//! assert_eq!(serde_json::to_vec(&event).unwrap(), bytes.to_vec());
//! assert_eq!(event.validate(Mode::Lenient).violations[0].kind, freshworks_events::Kind::UnknownEvent);
//! ```
//!
//! # Fixtures and builders
//!
//! Every event has a default fixture and seeded ones, realistic and valid in both readings;
//! every object type has a builder with a setter per attribute, whose `build()` gives the
//! value or the [`Report`] of every violation, an error that `?` takes into `anyhow` or
//! `Box<dyn Error>`.
//!
//! ```
//! use freshworks_events::freshchat::on_agent_activity_create::Payload;
//! use freshworks_events::types::ActorType;
//! use freshworks_events::{Event, EventKind, Field, Mode};
//!
//! fn system_actor() -> anyhow::Result<Payload> {
//!     // A system actor, with the nulls the docs promise for one.
//!     let payload =
//!         Payload::builder().data_with(|d| d.actor_with(|a| a.r#type(ActorType::System))).apply_rules().build_in(Mode::Strict)?;
//!     Ok(payload)
//! }
//!
//! fn refused() -> Result<Payload, Box<dyn std::error::Error>> {
//!     Ok(Payload::builder().data_with(|d| d.actor_with(|a| a.email(Field::Null))).build_in(Mode::Strict)?)
//! }
//!
//! assert_eq!(system_actor().unwrap().data().and_then(|d| d.actor()).unwrap().email, Field::Null);
//! assert_eq!(refused().unwrap_err().to_string().trim(), "/data/actor/email: expected a string, found null");
//! for &kind in EventKind::ALL {
//!     let fixture = Event::fixture(kind, Some(7)).unwrap();
//!     assert!(fixture.validate(Mode::Strict).is_valid(), "{kind}");
//! }
//! ```
//!
//! # Webhook endpoints on axum
//!
//! With the cargo feature `axum`, `axum::Validated` is an extractor that reads the body
//! once up to a limit, parses and validates it, and hands the handler an [`Event`] or one
//! event's `Payload`, answering what it refuses as RFC 9457 problem+json. The `axum` module
//! shows an endpoint; `examples/axum_server.rs` is a whole service.
//!
//! # Products as features
//!
//! Each product is a cargo feature, on by default; a payload of a product a build leaves out
//! reads as [`Event::Unknown`], saying which feature would read it. [`EventKind`] and
//! [`Product`] list every event and product of the spec whatever the features.

#![deny(missing_docs)]

#[doc(hidden)]
#[path = "runtime/mod.rs"]
pub mod rt;

include!(concat!(env!("OUT_DIR"), "/mod.rs"));

mod event;
mod products;

#[cfg(feature = "axum")]
pub mod axum;

/// The spec this crate was generated from.
pub mod spec {
    include!(concat!(env!("OUT_DIR"), "/spec_files.rs"));
}

pub use rt::{
    EnvelopeFields, Error, EventInfo, Field, Id, Kind, Map, Mode, NewOld, Num, OldNew, ProductInfo, Raw, Rejected, Report, Text, Timestamp,
    TimestampFormat, UnknownEvent, UnknownFields, Violation,
};

/// Reads and validates a payload in one call: the event (found from the envelope, or
/// `kind` when given) and every violation.
pub fn validate(bytes: &[u8], mode: Mode, kind: Option<EventKind>) -> Result<(Event, Report), Error> {
    let event = match kind {
        Some(kind) => Event::parse_as(kind, bytes)?,
        None => Event::parse(bytes)?,
    };
    let report = event.validate(mode);
    Ok((event, report))
}

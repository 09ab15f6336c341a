//! Typed, validated models of Freshworks product event payloads.
//!
//! Every type in [`types`] and the product modules ([`freshchat`], [`freshdesk`],
//! [`freshcaller`], [`freshsales`]) is generated from the YAML spec in `spec/` by the
//! `codegen` crate when this crate builds. The hand-written [`runtime`] underneath reads
//! payloads leniently (nothing is lost, wrong types are kept for the validator), validates
//! them against the spec in lenient or strict mode, and dispatches on the envelope.
//!
//! ```
//! use freshworks_events::{Event, Mode};
//!
//! let bytes = br#"{"event": "onAgentActivityCreate", "domain": "web.freshchat.com", "data": {}}"#;
//! let event = Event::parse(bytes).unwrap();
//! assert_eq!(event.info().product, "freshchat");
//! assert!(event.validate(Mode::Lenient).is_valid()); // real payloads drop attributes
//! let report = event.validate(Mode::Strict);
//! assert_eq!(report.violations[0].path, "/account_id"); // the docs list every attribute
//! ```

#![deny(missing_docs)]

pub mod runtime;

include!(concat!(env!("OUT_DIR"), "/mod.rs"));

/// The spec this crate was generated from.
pub mod spec {
    include!(concat!(env!("OUT_DIR"), "/spec_files.rs"));
}

pub use runtime::{Error, EventPayload, Field, Id, Kind, Mode, Rejected, Report, Timestamp, Violation};

/// Finds an event of the spec by `product/event`, or by `event` when one product has it.
pub fn find_event(name: &str) -> Result<usize, Error> {
    runtime::event::find(name, PRODUCTS, EVENTS)
}

/// Reads and validates a payload in one call: the event (found from the envelope, or
/// `event` when given) and every violation.
pub fn validate(bytes: &[u8], mode: Mode, event: Option<usize>) -> Result<(Event, Report), Error> {
    let event = match event {
        Some(index) => Event::parse_as(index, bytes)?,
        None => Event::parse(bytes)?,
    };
    let report = event.validate(mode);
    Ok((event, report))
}

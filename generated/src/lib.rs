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
//! With every product's feature on (the default features) a guide follows, whose examples
//! use every product's events.

// The guide's examples are doc tests, and they use every product's events.
#![cfg_attr(
    all(feature = "freshchat", feature = "freshdesk", feature = "freshcaller", feature = "freshsales"),
    doc = include_str!("guide.md")
)]
#![deny(missing_docs)]

/// The runtime the generated declarations stand on, under the name the derives use.
#[doc(hidden)]
pub use freshworks_events_runtime as rt;

include!(concat!(env!("OUT_DIR"), "/mod.rs"));

mod event;

#[cfg(feature = "axum")]
pub mod axum;

/// The version of this crate; the npm package generated from the same spec carries it too.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The spec this crate was generated from.
pub mod spec {
    include!(concat!(env!("OUT_DIR"), "/spec_files.rs"));
}

pub use rt::{
    Checked, EnvelopeFields, Error, EventInfo, Field, Id, Kind, Map, Mode, NewOld, Num, OldNew, ProductInfo, Raw, Rejected, Report, Text,
    Timestamp, TimestampError, TimestampFormat, UnknownEvent, UnknownFields, Violation,
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

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
//! ```
//! use freshworks_events::{Event, Mode};
//!
//! let bytes = br#"{"event": "onAgentActivityCreate", "domain": "web.freshchat.com", "data": {}}"#;
//! let event = Event::parse(bytes).unwrap();
//! assert_eq!(event.info().unwrap().product, "freshchat");
//! let report = event.validate(Mode::Strict);
//! assert_eq!(report.violations[0].path, "/account_id"); // the docs list every attribute
//! ```

#![deny(missing_docs)]

#[doc(hidden)]
#[path = "runtime/mod.rs"]
pub mod rt;

include!(concat!(env!("OUT_DIR"), "/mod.rs"));

mod products;

#[cfg(feature = "axum")]
pub mod axum;

/// The version of this crate; the npm package generated from the same spec carries it too.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The spec this crate was generated from.
pub mod spec {
    include!(concat!(env!("OUT_DIR"), "/spec_files.rs"));
}

pub use rt::{
    Checked, Error, EventInfo, Field, Id, Kind, Map, Mode, NewOld, Num, OldNew, ProductInfo, Raw, Rejected, Report, Text, Timestamp,
    TimestampFormat, UnknownEvent, UnknownFields, Violation,
};

/// Finds an event of the spec by `product/event`, or by `event` when one product has it.
pub fn find_event(name: &str) -> Result<usize, Error> {
    rt::find(name, PRODUCTS, EVENTS)
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

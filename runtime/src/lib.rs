//! The hand-written support the derived code stands on: the pull-parse reader, the field
//! slot, identifiers, timestamps, collections, validation, the rule engine, fixtures and
//! dispatch. Nothing here knows any event; everything event-specific is generated from
//! the spec as declarations and data.
//!
//! The models crate (`freshworks-events`) mounts this crate as its hidden `rt` module:
//! it is the derives' contract, not an API of its own, and the models crate re-exports the
//! public names at its root. The derives write paths as `crate::rt::...`, so any crate
//! holding derived declarations names this crate `rt` at its root.

pub mod attribute;
mod calendar;
pub mod collections;
pub mod dispatch;
pub mod document;
pub mod error;
pub mod event;
pub mod field;
pub mod fixture;
pub mod id;
mod interpreter;
pub mod node;
mod products;
pub mod raw;
pub mod reader;
pub mod rules;
pub mod scan;
pub mod text;
pub mod timestamp;
pub mod tokens;
pub mod transcode;
pub mod validate;
pub mod values;
pub mod wire;

pub use attribute::{Fake, FieldSpec, IdForm, Lit, Presence};
pub use collections::{Map, NewOld, OldNew};
pub use dispatch::{
    check_event, check_event_of, envelope_of, event_fixture as fixture_of_kind, parse_event, serialize_event, unknown_of, validate_event,
    Builder, Checked, EnvelopeRef, Events, Listed, PayloadOf, Read, Visit,
};
pub use error::Error;
pub use event::{
    find, fixture as event_fixture, from_slice, identify, scan_payload, validate_payload, Deferred, Envelope, EnvelopeFields, EventData,
    EventInfo, ProductInfo, Rejected, UnknownEvent,
};
pub use field::{entry, Field, UnknownFields};
pub use fixture::{sample_default, Gen, WireSample};
pub use freshworks_events_derive::{Enum, Events, Listed, Object};
pub use id::Id;
pub use node::{serialize_scalar, Node, NodeMut, Scalar, Slot, WireNode};
pub use raw::Raw;
pub use reader::{seen, Peek, Reader, WireRead};
pub use rules::{Check, Path, Rule, Test, When};
pub use scan::{ObjScan, Scan, Scanned, WireScan};
pub use text::Text;
pub use timestamp::{Timestamp, TimestampError, TimestampFormat};
pub use transcode::{deserialize, deserialize_with};
pub use validate::{check_value, Kind, Mismatch, Mode, Report, Violation, Walk, WireCheck};
pub use values::Num;
pub use wire::{Build, Object, Wire};

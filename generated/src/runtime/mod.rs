//! The hand-written support that generated code stands on: lenient reading, the field
//! slot, identifiers, timestamps, change pairs, validation and dispatch.
//!
//! Nothing here knows any event; everything event-specific is generated from the spec.

pub mod collections;
pub mod event;
pub mod field;
pub mod fixture;
pub mod id;
pub mod parse;
pub mod timestamp;
pub mod validate;

pub use collections::{Map, NewOld, OldNew};
pub use event::{Error, EventInfo, EventPayload, ProductInfo, Rejected};
pub use field::{entry, Field, UnknownFields};
pub use id::Id;
pub use parse::{deserialize_exact, Key, Mismatch, Parse, Parsed};
pub use timestamp::{Timestamp, TimestampFormat};
pub use validate::{
    AsScalar, Cx, FieldRule, IdForm, Kind, Mode, PointerPart, Presence, Report, RuleInfo, Scalar, Validate, Violation,
};

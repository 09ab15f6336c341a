//! The traits the derives implement ([`Wire`], [`Object`], [`Build`]), and how an object
//! shows itself to the rule engine as a [`DynObject`].
//!
//! [`Wire`] is the union of five faces, each defined with the machine that drives it, as
//! serde keeps `Serialize` apart from `Deserialize`: [`WireRead`] in the reader,
//! [`WireCheck`] in the walk, [`WireScan`] in the compiled validator, [`WireSample`] in
//! the fixtures and [`WireNode`] in the rule engine's view. Each machine asks for its own
//! face only; the rest of the runtime and the generated code name `Wire`.

use serde::Serialize;

use super::attribute::FieldSpec;
use super::field::UnknownFields;
use super::fixture::WireSample;
use super::node::{DynObject, Slot, WireNode};
use super::reader::WireRead;
use super::scan::WireScan;
use super::validate::WireCheck;

/// A type an attribute can hold: how it reads, checks, scans, samples and shows itself to
/// rules. Every type with the five faces is one.
pub trait Wire: WireRead + WireCheck + WireScan + WireSample + WireNode + Serialize + Sized + 'static {}

impl<T> Wire for T where T: WireRead + WireCheck + WireScan + WireSample + WireNode + Serialize + Sized + 'static {}

/// An object type: attributes the rule engine can reach by wire name.
pub trait Object: Wire + Default {
    /// The Rust type name.
    const NAME: &'static str;
    /// Every attribute, in spec order.
    const FIELDS: &'static [FieldSpec];
    /// The slot of attribute `wire`.
    fn slot(&self, wire: &str) -> Option<&dyn Slot>;
    /// The slot of attribute `wire`, to change.
    fn slot_mut(&mut self, wire: &str) -> Option<&mut dyn Slot>;
    /// Attributes sent that the spec does not list.
    fn unknown_fields(&self) -> &UnknownFields;
}

/// A type with a builder.
pub trait Build: Object {
    /// The builder, with a setter per attribute.
    type Builder;
    /// A builder holding `self`.
    fn into_builder(self) -> Self::Builder;
    /// The value a builder holds, unchecked.
    fn from_builder(builder: Self::Builder) -> Self;
}

impl<T: Object> DynObject for T {
    fn field_names(&self) -> Vec<&'static str> {
        T::FIELDS.iter().map(|f| f.wire).collect()
    }
    fn slot(&self, wire: &str) -> Option<&dyn Slot> {
        Object::slot(self, wire)
    }
    fn slot_mut(&mut self, wire: &str) -> Option<&mut dyn Slot> {
        Object::slot_mut(self, wire)
    }
}

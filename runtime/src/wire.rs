//! The traits the derives implement ([`Wire`], [`Object`], [`Build`]), and how every such
//! type shows itself to the rule engine: its field as a [`Slot`], an object as a
//! [`DynObject`].

use serde::Serialize;

use super::attribute::FieldSpec;
use super::field::{Field, UnknownFields};
use super::fixture::Gen;
use super::node::{DynObject, Node, NodeMut, Scalar, Slot};
use super::raw::Raw;
use super::reader::{Peek, Reader};
use super::scan::Scan;
use super::timestamp::Timestamp;
use super::validate::{Mismatch, Walk};
use super::Error;

/// A type an attribute can hold: how it reads, checks, samples and shows itself to rules.
pub trait Wire: Serialize + Sized + 'static {
    /// What the type expects, for messages: "a string", "an object", ...
    const EXPECTED: &'static str;

    /// Reads one non-null JSON value whose first token is `peek`. A value of the wrong
    /// JSON type is consumed and kept as [`Field::Invalid`]; only malformed JSON fails.
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error>;

    /// [`Wire::read`] into a slot that exists already. Objects override it to fill their
    /// attributes where they will stay, rather than build each level and move it up.
    #[inline]
    fn read_into(r: &mut Reader<'_>, peek: Peek, slot: &mut Field<Self>) -> Result<(), Error> {
        *slot = Self::read(r, peek)?;
        Ok(())
    }

    /// Reads one non-null value as [`Wire::read`] does and reports at the scan's position
    /// what [`Wire::check`] (or the type mismatch) would report of it, building no more of
    /// it than the type needs: the compiled validator.
    #[inline]
    fn scan(s: &mut Scan<'_>, peek: Peek, spec: &'static FieldSpec) -> Result<(), Error> {
        super::scan::read_and_check::<Self>(s, peek, spec)
    }

    /// How a kept value of the wrong type is reported.
    fn mismatch(found: &Raw) -> Mismatch {
        Mismatch::type_error(Self::EXPECTED, found)
    }

    /// Whether [`Wire::check`] can find anything: false for types whose check does
    /// nothing, so the walk does not even step into them.
    const CHECKS: bool = true;

    /// Records in `walk` what is wrong inside the value itself; `spec` is the attribute
    /// that holds it (for array items and map values, the collection's attribute).
    fn check<'a>(&'a self, _walk: &mut Walk<'a>, _spec: &'static FieldSpec) {}

    /// Makes a value, taking every choice from `g`.
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self;

    /// The value as the rule engine reads it.
    fn node(&self) -> Node<'_>;

    /// The value as the rule engine changes it (fixtures, `apply_rules`).
    fn node_mut(&mut self) -> NodeMut<'_> {
        NodeMut::Leaf
    }

    /// The value a scalar (a rule's literal, an example, another attribute's value)
    /// stands for, when the type can hold it.
    fn from_scalar(_value: &Scalar<'_>) -> Option<Self> {
        None
    }
}

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

impl<T: Wire> Slot for Field<T> {
    fn node(&self) -> Node<'_> {
        match self {
            Field::Absent => Node::Absent,
            Field::Null => Node::Null,
            Field::Invalid(_) => Node::Invalid,
            Field::Value(v) => v.node(),
        }
    }

    fn node_mut(&mut self) -> NodeMut<'_> {
        match self {
            Field::Value(v) => v.node_mut(),
            _ => NodeMut::Leaf,
        }
    }

    fn set_null(&mut self) {
        *self = Field::Null;
    }

    fn describe(&self) -> String {
        match self {
            Field::Absent => "nothing".into(),
            Field::Null => "null".into(),
            Field::Invalid(raw) => raw.describe(),
            Field::Value(v) => Raw::from_serialize(v).describe(),
        }
    }

    fn set_scalar(&mut self, value: &Scalar<'_>) -> bool {
        match T::from_scalar(value) {
            Some(v) => {
                *self = Field::Value(v);
                true
            }
            None => false,
        }
    }

    fn timestamp_mut(&mut self) -> Option<&mut Timestamp> {
        match self.node_mut() {
            NodeMut::Timestamp(t) => Some(t),
            _ => None,
        }
    }
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

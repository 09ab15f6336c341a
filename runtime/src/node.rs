//! A value as the rule engine reads and changes it: [`Node`] and [`NodeMut`], reached
//! through trait objects (an attribute's [`Slot`], an object as a [`DynObject`], an array's
//! [`Items`], a map's [`Keys`]), and [`Scalar`], the leaf values rules compare. A type shows
//! itself so through [`WireNode`], and every `Field` of such a type is a [`Slot`].

use serde::Serialize;

use super::field::Field;
use super::id::Id;
use super::raw::Raw;
use super::text::Text;
use super::timestamp::Timestamp;

/// How a type shows itself to the rule engine: the face of [`Wire`](super::wire::Wire) that
/// makes its `Field` a [`Slot`]. Its value is written for messages, so it serializes.
pub trait WireNode: Serialize + Sized {
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

/// A value as rules read it.
pub enum Node<'a> {
    /// The key was left out.
    Absent,
    /// The key was sent with null.
    Null,
    /// A value of the wrong type, which the type checks report.
    Invalid,
    /// A string, number, boolean, id or enum value.
    Scalar(Scalar<'a>),
    /// A timestamp.
    Timestamp(&'a Timestamp),
    /// An object with attributes.
    Object(&'a dyn DynObject),
    /// An array.
    Items(&'a dyn Items),
    /// A map of names to values: its keys.
    Keys(Vec<&'a str>),
    /// Any other value (raw JSON, change pairs).
    Other,
}

impl<'a> Node<'a> {
    /// The scalar, if the value is one.
    pub fn scalar(&self) -> Option<Scalar<'a>> {
        match self {
            Node::Scalar(s) => Some(*s),
            _ => None,
        }
    }

    /// Null or absent: what the docs mean by "the value is null".
    pub fn is_unset(&self) -> bool {
        matches!(self, Node::Absent | Node::Null)
    }
}

/// A value as rules change it.
pub enum NodeMut<'a> {
    /// An object with attributes.
    Object(&'a mut dyn DynObject),
    /// An array.
    Items(&'a mut dyn Items),
    /// A map of names to values.
    Keys(&'a mut dyn Keys),
    /// A timestamp.
    Timestamp(&'a mut Timestamp),
    /// Anything else: rules replace it whole through its slot.
    Leaf,
}

/// One attribute slot as the rule engine sees it.
pub trait Slot {
    /// What the slot holds.
    fn node(&self) -> Node<'_>;
    /// What the slot holds, to change.
    fn node_mut(&mut self) -> NodeMut<'_>;
    /// Sets the slot to null.
    fn set_null(&mut self);
    /// Sets the slot to the value a scalar stands for; false when the type cannot hold it.
    fn set_scalar(&mut self, value: &Scalar<'_>) -> bool;
    /// What the slot holds, for messages: `nothing`, `null`, `string "x"`, ...
    fn describe(&self) -> String;
    /// The slot's timestamp, if it holds one.
    fn timestamp_mut(&mut self) -> Option<&mut Timestamp>;
}

impl<T: WireNode> Slot for Field<T> {
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

/// An object's slots, without the type's constants, so it can be a trait object.
pub trait DynObject {
    /// The attributes' wire names, in spec order.
    fn field_names(&self) -> Vec<&'static str>;
    /// The slot of attribute `wire`.
    fn slot(&self, wire: &str) -> Option<&dyn Slot>;
    /// The slot of attribute `wire`, to change.
    fn slot_mut(&mut self, wire: &str) -> Option<&mut dyn Slot>;
}

/// An array's items.
pub trait Items {
    /// How many items.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Item `i`.
    fn item(&self, i: usize) -> Option<&dyn Slot>;
    /// Item `i`, to change.
    fn item_mut(&mut self, i: usize) -> Option<&mut dyn Slot>;
}

/// A map whose keys rules rename.
pub trait Keys {
    /// The keys, in order.
    fn keys(&self) -> Vec<String>;
    /// Renames `from` to `to` unless `to` is there already, in which case `from` goes.
    fn rename(&mut self, from: &str, to: &str);
}

/// A scalar as rules compare it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    /// A string, a string id or a string enum's wire value.
    Str(&'a str),
    /// An integer, an integer id or an integer enum's wire value.
    Int(i64),
    /// A number.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl Scalar<'_> {
    /// Equality as the docs mean it: an id 132 equals "132".
    pub fn same(&self, other: &Scalar<'_>) -> bool {
        match (self, other) {
            (Scalar::Str(a), Scalar::Int(b)) | (Scalar::Int(b), Scalar::Str(a)) => Id::from(*b).same_as(&Id::String(Text::from(*a))),
            (Scalar::Int(a), Scalar::Float(b)) | (Scalar::Float(b), Scalar::Int(a)) => (*a as f64) == *b,
            (a, b) => a == b,
        }
    }
}

impl std::fmt::Display for Scalar<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scalar::Str(s) => write!(f, "{s:?}"),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Float(x) => write!(f, "{x}"),
            Scalar::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// Serializes a scalar as its JSON value.
pub fn serialize_scalar<S: serde::Serializer>(s: &Scalar<'_>, ser: S) -> Result<S::Ok, S::Error> {
    match s {
        Scalar::Str(v) => ser.serialize_str(v),
        Scalar::Int(v) => ser.serialize_i64(*v),
        Scalar::Float(v) => ser.serialize_f64(*v),
        Scalar::Bool(v) => ser.serialize_bool(*v),
    }
}

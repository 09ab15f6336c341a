//! [`Field`]: one attribute slot, which tells absent, null, a value and a value of the
//! wrong type apart.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// An attribute as the payload sent it.
///
/// Freshworks leaves attributes out and sends null for unset values, and real payloads
/// sometimes carry a value of another type than the docs say. All four cases are kept, so
/// that a payload serializes back to what was received and the validator can say which
/// case it met.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Field<T> {
    /// The key was not in the object.
    #[default]
    Absent,
    /// The key was there with `null`.
    Null,
    /// A value of the documented type.
    Value(T),
    /// A value of another JSON type, kept as sent. Boxed: it is rare, and a slot is
    /// moved and stored far more often than it is invalid.
    Invalid(Box<Value>),
}

impl<T> Field<T> {
    /// The value, if one of the right type was sent.
    pub fn get(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value for changing in place, if one of the right type was sent.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, if one of the right type was sent. Absent, null and a value of the
    /// wrong type all give `None`; match on the field to tell them apart.
    pub fn into_option(self) -> Option<T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the key was left out of the object.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// Whether the key was sent with `null`; a left-out key is not null here (see
    /// [`Field::is_unset`]).
    pub fn is_null(&self) -> bool {
        matches!(self, Field::Null)
    }

    /// Null or absent: what the docs mean by "the value is null".
    pub fn is_unset(&self) -> bool {
        matches!(self, Field::Absent | Field::Null)
    }

    /// Whether a value of another JSON type than the documented one was sent; validation
    /// reports it in either mode.
    pub fn is_invalid(&self) -> bool {
        matches!(self, Field::Invalid(_))
    }
}

impl<T> From<T> for Field<T> {
    fn from(v: T) -> Self {
        Field::Value(v)
    }
}

impl<T> From<Option<T>> for Field<T> {
    /// `None` becomes null.
    fn from(v: Option<T>) -> Self {
        match v {
            Some(v) => Field::Value(v),
            None => Field::Null,
        }
    }
}

impl From<&str> for Field<String> {
    fn from(v: &str) -> Self {
        Field::Value(v.to_string())
    }
}

impl From<&str> for Field<super::id::Id> {
    fn from(v: &str) -> Self {
        Field::Value(super::id::Id::String(v.to_string()))
    }
}

impl From<i64> for Field<super::id::Id> {
    fn from(v: i64) -> Self {
        Field::Value(super::id::Id::Integer(v))
    }
}

impl<T: Serialize> Serialize for Field<T> {
    /// An absent field has no JSON form; objects skip it (see [`entry`]). On its own it
    /// writes null.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Absent | Field::Null => s.serialize_unit(),
            Field::Value(v) => v.serialize(s),
            Field::Invalid(v) => v.serialize(s),
        }
    }
}

/// Writes one attribute of an object, skipping it when absent.
pub fn entry<M: SerializeMap, T: Serialize>(map: &mut M, key: &str, field: &Field<T>) -> Result<(), M::Error> {
    if field.is_absent() {
        Ok(())
    } else {
        map.serialize_entry(key, field)
    }
}

/// Attributes an object carried that the spec does not list, in the order received.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnknownFields(pub Vec<(String, Value)>);

impl UnknownFields {
    /// Keeps one unlisted attribute; generated readers call this for every key they do
    /// not know.
    pub fn push(&mut self, key: String, value: Value) {
        self.0.push((key, value));
    }

    /// The value of the unlisted attribute `key`; the last one when a key repeats.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether the object carried only attributes the spec lists.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each unlisted attribute and its value, in the order received, repeats included.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Writes them into the object being serialized.
    pub fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        Ok(())
    }
}

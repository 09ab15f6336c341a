//! Maps of attribute names to values, and the `[old, new]` pairs that changes are made of.

use serde::de::{MapAccess, SeqAccess};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use super::field::Field;
use super::parse::Parse;

/// A JSON object whose keys are data, not attribute names (e.g. `model_changes`), in the
/// order received.
#[derive(Debug, Clone, PartialEq)]
pub struct Map<T>(pub Vec<(String, Field<T>)>);

impl<T> Default for Map<T> {
    fn default() -> Self {
        Map(Vec::new())
    }
}

impl<T> Map<T> {
    /// The value under `key`; the last one when a key repeats, as JSON parsers do.
    pub fn get(&self, key: &str) -> Option<&Field<T>> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Each key and its value, in the order received, repeated keys included.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Field<T>)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The number of entries received; a repeated key counts each time.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the object had no keys.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Parse> Parse for Map<T> {
    const EXPECTED: &'static str = "an object";
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Field<Self>, A::Error> {
        let mut out = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            out.push((key, map.next_value::<Field<T>>()?));
        }
        Ok(Field::Value(Map(out)))
    }
}

impl<T: Serialize> Serialize for Map<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

macro_rules! change_pair {
    ($(#[$doc:meta])* $name:ident, $first:ident, $second:ident, $expected:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            #[doc = concat!("The ", stringify!($first), " value, sent first in the array.")]
            pub $first: Value,
            #[doc = concat!("The ", stringify!($second), " value, sent second in the array.")]
            pub $second: Value,
        }

        impl $name {
            /// The value before the change, wherever the pair puts it.
            pub fn old(&self) -> &Value {
                &self.old
            }
            /// The value after the change, wherever the pair puts it.
            #[allow(clippy::new_ret_no_self, clippy::wrong_self_convention)]
            pub fn new(&self) -> &Value {
                &self.new
            }
        }

        impl Parse for $name {
            const EXPECTED: &'static str = $expected;
            fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Field<Self>, A::Error> {
                let mut items = Vec::with_capacity(2);
                while let Some(v) = seq.next_element::<Value>()? {
                    items.push(v);
                }
                if items.len() != 2 {
                    return Ok(Field::Invalid(Box::new(Value::Array(items))));
                }
                let $second = items.pop().unwrap_or_default();
                let $first = items.pop().unwrap_or_default();
                Ok(Field::Value($name { $first, $second }))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(2))?;
                seq.serialize_element(&self.$first)?;
                seq.serialize_element(&self.$second)?;
                seq.end()
            }
        }
    };
}

change_pair!(
    /// A change sent as `[old, new]` (Freshdesk, Freshcaller).
    OldNew, old, new, "a two-item array [old, new]"
);
change_pair!(
    /// A change sent as `[new, old]` (Freshchat's onAgentCustomStatusUpdate).
    NewOld, new, old, "a two-item array [new, old]"
);

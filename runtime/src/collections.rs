//! Arrays, maps of attribute names to values, and the `[old, new]` pairs that changes are
//! made of.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::attribute::FieldSpec;
use super::field::Field;
use super::fixture::{Gen, WireSample};
use super::node::{Items, Keys, Node, NodeMut, Slot, WireNode};
use super::raw::Raw;
use super::reader::{Peek, Reader, WireRead};
use super::scan::{Scan, WireScan};
use super::text::Text;
use super::validate::{Kind, Walk, WireCheck};
use super::Error;

impl<T: WireRead> WireRead for Vec<Field<T>> {
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        if peek != Peek::Array {
            return r.invalid(peek);
        }
        let mut out = Vec::new();
        let mut next = r.first_item()?;
        while let Some(peek) = next {
            out.push(r.item::<T>(peek)?);
            next = r.next_item()?;
        }
        r.leave();
        Ok(Field::Value(out))
    }
}

impl<T: WireCheck> WireCheck for Vec<Field<T>> {
    const EXPECTED: &'static str = "an array";

    fn check<'a>(&'a self, walk: &mut Walk<'a>, spec: &'static FieldSpec) {
        for (i, item) in self.iter().enumerate() {
            walk.push_index(i);
            match item {
                Field::Value(v) => v.check(walk, spec),
                Field::Invalid(v) => walk.mismatch(T::mismatch(v)),
                Field::Null => walk.report(Kind::Null, T::EXPECTED, "null", format!("expected {}, found a null item", T::EXPECTED)),
                Field::Absent => {}
            }
            walk.pop();
        }
    }
}

impl<T: WireScan> WireScan for Vec<Field<T>> {
    fn scan(s: &mut Scan<'_>, peek: Peek, spec: &'static FieldSpec) -> Result<(), Error> {
        if peek != Peek::Array {
            return s.wrong::<Self>(peek);
        }
        s.items::<T>(spec)
    }
}

impl<T: WireSample> WireSample for Vec<Field<T>> {
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self {
        let n = g.count();
        g.in_items(|g| (0..n).map(|_| Field::Value(T::sample(g, spec))).collect())
    }
}

impl<T: WireNode> WireNode for Vec<Field<T>> {
    fn node(&self) -> Node<'_> {
        Node::Items(self)
    }

    fn node_mut(&mut self) -> NodeMut<'_> {
        NodeMut::Items(self)
    }
}

impl<T: WireNode> Items for Vec<Field<T>> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn item(&self, i: usize) -> Option<&dyn Slot> {
        self.get(i).map(|s| s as &dyn Slot)
    }
    fn item_mut(&mut self, i: usize) -> Option<&mut dyn Slot> {
        self.get_mut(i).map(|s| s as &mut dyn Slot)
    }
}

/// Past this many keys, a map's repeated keys are found through a hash set.
const SMALL_MAP: usize = 16;

/// A JSON object whose keys are data, not attribute names (e.g. `model_changes`), in the
/// order received.
#[derive(Debug, Clone, PartialEq)]
pub struct Map<T>(pub Vec<(Text, Field<T>)>);

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

impl<T: WireRead> WireRead for Map<T> {
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        if peek != Peek::Object {
            return r.invalid(peek);
        }
        let mut out = Vec::new();
        let mut key = r.first_key()?.map(Text::from);
        while let Some(k) = key {
            out.push((k, r.field::<T>()?));
            key = r.next_key()?.map(Text::from);
        }
        r.leave();
        Ok(Field::Value(Map(out)))
    }
}

impl<T: WireCheck> WireCheck for Map<T> {
    const EXPECTED: &'static str = "an object";

    fn check<'a>(&'a self, walk: &mut Walk<'a>, spec: &'static FieldSpec) {
        for (key, value) in &self.0 {
            walk.push_key(key);
            match value {
                Field::Value(v) => v.check(walk, spec),
                Field::Invalid(v) => walk.mismatch(T::mismatch(v)),
                Field::Null if walk.strict() => {
                    walk.report(Kind::Null, T::EXPECTED, "null", format!("expected {}, found null", T::EXPECTED))
                }
                Field::Null | Field::Absent => {}
            }
            walk.pop();
        }
        // Maps are small (settings, changes): each key is compared with the ones before it,
        // and only a large map pays for hashing, so a hostile one stays linear.
        let mut seen = (self.0.len() > SMALL_MAP).then(std::collections::HashSet::new);
        for (i, (key, _)) in self.0.iter().enumerate() {
            let repeated = match &mut seen {
                Some(set) => !set.insert(key.as_str()),
                None => self.0[..i].iter().any(|(k, _)| k == key),
            };
            if repeated {
                walk.push_key(key);
                walk.report(Kind::DuplicateKey, "each key once", "a repeated key", format!("key \"{key}\" is sent more than once"));
                walk.pop();
            }
        }
    }
}

impl<T: WireScan> WireScan for Map<T> {}

impl<T: WireSample> WireSample for Map<T> {
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self {
        let names = g.map_keys();
        Map(names.into_iter().map(|k| (Text::from(k), Field::Value(T::sample(g, spec)))).collect())
    }
}

impl<T: WireNode> WireNode for Map<T> {
    fn node(&self) -> Node<'_> {
        Node::Keys(self.0.iter().map(|(k, _)| k.as_str()).collect())
    }

    fn node_mut(&mut self) -> NodeMut<'_> {
        NodeMut::Keys(self)
    }
}

impl<T> Keys for Map<T> {
    fn keys(&self) -> Vec<String> {
        self.0.iter().map(|(k, _)| k.to_string()).collect()
    }

    fn rename(&mut self, from: &str, to: &str) {
        if self.0.iter().any(|(k, _)| k == to) {
            self.0.retain(|(k, _)| k != from);
        } else if let Some(entry) = self.0.iter_mut().find(|(k, _)| k == from) {
            entry.0 = Text::from(to);
        }
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
            pub $first: Raw,
            #[doc = concat!("The ", stringify!($second), " value, sent second in the array.")]
            pub $second: Raw,
        }

        impl $name {
            /// The value before the change, wherever the pair puts it.
            pub fn old(&self) -> &Raw {
                &self.old
            }
            /// The value after the change, wherever the pair puts it.
            #[allow(clippy::new_ret_no_self, clippy::wrong_self_convention)]
            pub fn new(&self) -> &Raw {
                &self.new
            }
        }

        impl WireRead for $name {
            fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
                if peek != Peek::Array {
                    return r.invalid(peek);
                }
                let start = r.mark();
                let mut items = Vec::with_capacity(2);
                let mut next = r.first_item()?;
                while let Some(_) = next {
                    items.push(r.raw()?);
                    next = r.next_item()?;
                }
                r.leave();
                match <[Raw; 2]>::try_from(items) {
                    Ok([$first, $second]) => Ok(Field::Value($name { $first, $second })),
                    Err(_) => r.invalid_since(start),
                }
            }
        }

        impl WireCheck for $name {
            const EXPECTED: &'static str = $expected;
        }

        impl WireScan for $name {}

        impl WireSample for $name {
            fn sample(g: &mut Gen, _: &'static FieldSpec) -> Self {
                let (old, new) = g.change();
                $name { old: Raw::from_serialize(&old), new: Raw::from_serialize(&new) }
            }
        }

        impl WireNode for $name {
            fn node(&self) -> Node<'_> {
                Node::Other
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

//! [`Field`]: one attribute slot, which tells absent, null, a value and a value of the
//! wrong type apart.

use std::collections::HashMap;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::raw::Raw;

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
    /// A value of another JSON type (or outside a closed enum, or in no timestamp form),
    /// kept as sent. Boxed: it is rare, and a slot is moved and stored far more often than
    /// it is invalid.
    Invalid(Box<Raw>),
}

impl<T> Field<T> {
    /// A value of the wrong type, as a payload might send it: `Field::invalid("soon")` in a
    /// timestamp slot. For tests and builders.
    pub fn invalid(value: impl Serialize) -> Self {
        Field::Invalid(Box::new(Raw::from_serialize(&value)))
    }

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

impl From<&str> for Field<super::text::Text> {
    fn from(v: &str) -> Self {
        Field::Value(v.into())
    }
}

impl From<&str> for Field<super::id::Id> {
    fn from(v: &str) -> Self {
        Field::Value(super::id::Id::String(v.into()))
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

/// Attributes an object carried that the spec does not list, and earlier values of keys
/// sent more than once, in the order received.
#[derive(Debug, Clone, Default)]
pub struct UnknownFields {
    /// Unlisted attributes, in the order received.
    entries: Vec<Unknown>,
    /// Earlier values of listed attributes sent again, in the order received. They are
    /// written back, and compared, in spec order (and in the order received for one
    /// attribute), so that a payload written and read again is equal to itself; kept in the
    /// order received, so that keeping one costs nothing however many came before.
    repeats: Vec<Repeat>,
    /// Where the latest entry of each unlisted key is, once an object has more than
    /// [`SCAN_UP_TO`] of them: a body of many distinct keys would otherwise cost a scan of
    /// the kept keys per key, quadratic in the body.
    latest: Option<HashMap<Box<str>, usize>>,
}

/// Up to this many unlisted attributes, a repeated key is found by a scan: cheaper than
/// hashing for the few that real payloads carry.
const SCAN_UP_TO: usize = 16;

// Equal when the same attributes were received, repeats of listed ones compared in spec
// order; the index is derived from them.
impl PartialEq for UnknownFields {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries && self.repeats_in_spec_order().eq(other.repeats_in_spec_order())
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Unknown {
    key: String,
    value: Raw,
    /// An earlier value of an unlisted key the object sent again.
    duplicate: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct Repeat {
    /// The attribute's place in its type, in spec order.
    index: usize,
    key: &'static str,
    value: Raw,
}

impl UnknownFields {
    /// Keeps one unlisted attribute; a key already kept makes the earlier one a duplicate.
    pub fn push(&mut self, key: String, value: Raw) {
        let at = self.entries.len();
        let earlier = match &mut self.latest {
            Some(latest) => {
                #[cfg(test)]
                tests::count(1);
                latest.insert(key.as_str().into(), at)
            }
            None if at < SCAN_UP_TO => {
                #[cfg(test)]
                tests::count(at);
                self.entries.iter().position(|e| e.key == key && !e.duplicate)
            }
            None => {
                #[cfg(test)]
                tests::count(at + 1);
                let mut latest = HashMap::with_capacity(at * 2);
                for (i, e) in self.entries.iter().enumerate().filter(|(_, e)| !e.duplicate) {
                    latest.insert(e.key.as_str().into(), i);
                }
                let earlier = latest.insert(key.as_str().into(), at);
                self.latest = Some(latest);
                earlier
            }
        };
        if let Some(i) = earlier {
            self.entries[i].duplicate = true;
        }
        self.entries.push(Unknown { key, value, duplicate: false });
    }

    /// Keeps the earlier value of listed attribute `index` (`key` on the wire) that was
    /// sent again; the slot takes the later value, as JSON parsers (and so the app's own
    /// code) do.
    #[doc(hidden)]
    pub fn push_duplicate(&mut self, index: usize, key: &'static str, value: Raw) {
        self.repeats.push(Repeat { index, key, value });
    }

    /// The repeats of listed attributes in spec order, each attribute's in the order
    /// received (the sort is stable).
    fn repeats_in_spec_order(&self) -> impl Iterator<Item = &Repeat> {
        let mut sorted: Vec<&Repeat> = self.repeats.iter().collect();
        sorted.sort_by_key(|r| r.index);
        sorted.into_iter()
    }

    /// The value of the unlisted attribute `key`; the last one when a key repeats.
    pub fn get(&self, key: &str) -> Option<&Raw> {
        match &self.latest {
            Some(latest) => latest.get(key).map(|&i| &self.entries[i].value),
            None => self.entries.iter().rev().find(|e| e.key == key && !e.duplicate).map(|e| &e.value),
        }
    }

    /// Whether the object carried only attributes the spec lists, each once.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.repeats.is_empty()
    }

    /// Each unlisted attribute and its value, in the order received (not duplicates).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Raw)> {
        self.entries.iter().filter(|e| !e.duplicate).map(|e| (e.key.as_str(), &e.value))
    }

    /// Each key the object sent more than once, with its earlier value: listed attributes
    /// in spec order, then unlisted ones in the order received.
    pub fn duplicates(&self) -> impl Iterator<Item = (&str, &Raw)> {
        let listed = self.repeats_in_spec_order().map(|r| (r.key, &r.value));
        listed.chain(self.entries.iter().filter(|e| e.duplicate).map(|e| (e.key.as_str(), &e.value)))
    }

    /// Writes the earlier values of `key`, before the attribute itself, so that a payload
    /// written back reads the same way again.
    #[doc(hidden)]
    #[inline]
    pub fn write_duplicates<M: SerializeMap>(&self, map: &mut M, key: &str) -> Result<(), M::Error> {
        for r in self.repeats.iter().filter(|r| r.key == key) {
            map.serialize_entry(r.key, &r.value)?;
        }
        Ok(())
    }

    /// Writes the unlisted attributes, earlier values of a repeated key first, as received.
    #[doc(hidden)]
    pub fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for e in &self.entries {
            map.serialize_entry(&e.key, &e.value)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::{Raw, UnknownFields};

    thread_local! {
        /// Keys looked at by `UnknownFields::push` on this thread: a scan counts each key it
        /// passes, a hash look-up one.
        static LOOKED_AT: Cell<usize> = const { Cell::new(0) };
    }

    pub(super) fn count(n: usize) {
        LOOKED_AT.with(|c| c.set(c.get() + n));
    }

    /// Keys looked at to keep `n` distinct unlisted attributes, then each of them again.
    fn work(n: usize) -> (usize, UnknownFields) {
        LOOKED_AT.with(|c| c.set(0));
        let mut fields = UnknownFields::default();
        let value = Raw::from_checked("1");
        for round in 0..2 {
            for i in 0..n {
                fields.push(format!("k{i}"), if round == 0 { value.clone() } else { Raw::from_checked("2") });
            }
        }
        (LOOKED_AT.with(Cell::get), fields)
    }

    #[test]
    fn keeping_many_distinct_unlisted_keys_is_linear() {
        let (small, _) = work(40_000);
        let (large, fields) = work(80_000);
        // A scan per key would look at about n * n keys: 3.2e9 at this size, and four times
        // as many for twice the keys.
        assert!(large <= 4 * 160_000, "{large} keys looked at for 160,000 pushes");
        assert!(large * 10 <= small * 21, "twice the keys cost {large} against {small}: more than twice the work");
        // The index answers as the scan did: the later value, each first one a duplicate.
        assert_eq!(fields.iter().count(), 80_000);
        assert_eq!(fields.duplicates().count(), 80_000);
        assert_eq!(fields.get("k79999").map(Raw::as_str), Some("2"));
        assert_eq!(fields.duplicates().next().map(|(k, v)| (k, v.as_str())), Some(("k0", "1")));
    }

    #[test]
    fn repeats_of_listed_attributes_are_kept_as_received_and_given_in_spec_order() {
        // Two listed attributes sent again and again, the later one in spec order first:
        // each repeat is kept at the end, not inserted before those of the later attribute.
        let mut fields = UnknownFields::default();
        let mut other = UnknownFields::default();
        for i in 0..40_000 {
            fields.push_duplicate(3, "later", Raw::from_checked(&i.to_string()));
            fields.push_duplicate(1, "earlier", Raw::from_checked(&i.to_string()));
        }
        for (index, key) in [(1, "earlier"), (3, "later")] {
            for i in 0..40_000 {
                other.push_duplicate(index, key, Raw::from_checked(&i.to_string()));
            }
        }
        let listed: Vec<(&str, &str)> = fields.duplicates().map(|(k, v)| (k, v.as_str())).collect();
        assert_eq!(listed.len(), 80_000);
        assert_eq!((listed[0], listed[39_999], listed[40_000]), (("earlier", "0"), ("earlier", "39999"), ("later", "0")));
        // The same repeats received in another order of attributes are the same payload.
        assert_eq!(fields, other);
        other.push_duplicate(1, "earlier", Raw::from_checked("1"));
        assert_ne!(fields, other);
    }

    #[test]
    fn a_few_keys_are_scanned_and_many_are_indexed_with_the_same_answers() {
        for n in [3, 16, 17, 40] {
            let mut fields = UnknownFields::default();
            for i in 0..n {
                fields.push(format!("k{}", i % 5), Raw::from_checked(&i.to_string()));
            }
            let distinct = n.min(5);
            assert_eq!(fields.iter().count(), distinct, "{n} pushes");
            assert_eq!(fields.duplicates().count(), n - distinct, "{n} pushes");
            for k in 0..distinct {
                let last = (0..n).rev().find(|i| i % 5 == k).unwrap();
                assert_eq!(fields.get(&format!("k{k}")).map(Raw::as_str), Some(last.to_string().as_str()), "{n} pushes");
            }
        }
    }
}

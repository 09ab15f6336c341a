//! Lenient reading: every generated type reads any JSON value. A value of the wrong JSON
//! type does not stop the parse; it is kept, as it was sent, in [`Field::Invalid`], so a
//! validator can report every problem in one pass and serializing loses nothing.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::field::Field;
use super::validate::Kind;

/// A read value: the typed value, or the JSON value of the wrong type that was found instead.
pub type Parsed<T> = Result<T, Value>;

/// How a type reads each kind of JSON value. The defaults keep the value as a mismatch;
/// a type overrides the kinds it accepts.
pub trait Parse: Sized {
    /// What the type expects, for messages: "a string", "an object", ...
    const EXPECTED: &'static str;

    /// Reads a JSON boolean.
    fn from_bool(v: bool) -> Parsed<Self> {
        Err(Value::Bool(v))
    }
    /// Reads a negative JSON integer. A type that takes integers overrides
    /// [`Parse::from_u64`] too: serde_json hands every non-negative integer there.
    fn from_i64(v: i64) -> Parsed<Self> {
        Err(Value::from(v))
    }
    /// Reads a non-negative JSON integer.
    fn from_u64(v: u64) -> Parsed<Self> {
        Err(Value::from(v))
    }
    /// Reads a JSON number that is not an integer: one with a fraction or exponent, or
    /// one too large for 64 bits.
    fn from_f64(v: f64) -> Parsed<Self> {
        Err(Value::from(v))
    }
    /// Reads a JSON string.
    fn from_str(v: &str) -> Parsed<Self> {
        Err(Value::String(v.to_owned()))
    }
    /// Reads a JSON string handed over owned. The default goes through
    /// [`Parse::from_str`]; types that keep the string override it to save a copy.
    fn from_string(v: String) -> Parsed<Self> {
        Self::from_str(&v)
    }
    /// Reads a JSON object, entry by entry. The default keeps the whole object as the
    /// mismatch; generated object types read their attributes here.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Field<Self>, A::Error> {
        capture_map(map).map(|v| Field::Invalid(Box::new(v)))
    }
    /// Reads a JSON array, item by item. The default keeps the whole array as the
    /// mismatch.
    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Field<Self>, A::Error> {
        capture_seq(seq).map(|v| Field::Invalid(Box::new(v)))
    }
    /// How a kept value of the wrong type is reported.
    fn mismatch(found: &Value) -> Mismatch {
        Mismatch::new(Kind::Type, Self::EXPECTED, found)
    }
}

/// The report of a value that did not fit its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// [`Kind::Type`] for a value of the wrong JSON type, [`Kind::Format`] for a string
    /// of the right type in an unreadable form.
    pub kind: Kind,
    /// What the type expects, e.g. `a string`.
    pub expected: String,
    /// A short description of the value found.
    pub found: String,
    /// The sentence the violation shows.
    pub message: String,
}

impl Mismatch {
    /// A mismatch whose message says what was expected and what was found.
    pub fn new(kind: Kind, expected: &str, found: &Value) -> Self {
        let found = describe(found);
        Mismatch { kind, expected: expected.to_string(), message: format!("expected {expected}, found {found}"), found }
    }
}

/// A short, bounded description of a JSON value for messages.
pub fn describe(v: &Value) -> String {
    const MAX: usize = 40;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) if n.is_f64() => format!("number {n}"),
        Value::Number(n) => format!("integer {n}"),
        Value::String(s) => {
            let mut cut: String = s.chars().take(MAX).collect();
            if cut.len() < s.len() {
                cut.push('…');
            }
            format!("string {cut:?}")
        }
        Value::Array(a) => format!("an array of {} item{}", a.len(), if a.len() == 1 { "" } else { "s" }),
        Value::Object(o) => format!("an object with {} key{}", o.len(), if o.len() == 1 { "" } else { "s" }),
    }
}

fn capture_map<'de, A: MapAccess<'de>>(map: A) -> Result<Value, A::Error> {
    serde::Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))
}

fn capture_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Value, A::Error> {
    serde::Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))
}

/// Reads any JSON value into a [`Field`]; only malformed JSON is an error.
pub(crate) struct FieldVisitor<T>(PhantomData<T>);

impl<T> FieldVisitor<T> {
    pub(crate) fn new() -> Self {
        FieldVisitor(PhantomData)
    }
}

fn lift<T>(p: Parsed<T>) -> Field<T> {
    match p {
        Ok(v) => Field::Value(v),
        Err(v) => Field::Invalid(Box::new(v)),
    }
}

impl<'de, T: Parse> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Field<T>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Field<T>, E> {
        Ok(lift(T::from_bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Field<T>, E> {
        Ok(lift(T::from_i64(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Field<T>, E> {
        Ok(lift(T::from_u64(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Field<T>, E> {
        Ok(lift(T::from_f64(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<T>, E> {
        Ok(lift(T::from_str(v)))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Field<T>, E> {
        Ok(lift(T::from_string(v)))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<T>, A::Error> {
        T::from_map(map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<T>, A::Error> {
        T::from_seq(seq)
    }
}

/// Deserializes a `T` and fails unless the value has the right JSON type; what serde's
/// `Deserialize` means for the generated types.
pub fn deserialize_exact<'de, D: Deserializer<'de>, T: Parse>(d: D) -> Result<T, D::Error> {
    match d.deserialize_any(FieldVisitor::<T>::new())? {
        Field::Value(v) => Ok(v),
        Field::Null => Err(de::Error::custom(format_args!("expected {}, found null", T::EXPECTED))),
        Field::Invalid(v) => Err(de::Error::custom(T::mismatch(&v).message)),
        Field::Absent => Err(de::Error::custom("missing value")),
    }
}

/// An object key, borrowed from the input when it can be.
pub struct Key<'de>(Cow<'de, str>);

impl<'de> Key<'de> {
    /// The key's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The key as an owned string, copied only if it was not borrowed.
    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

// ---- the built-in types ----

impl Parse for String {
    const EXPECTED: &'static str = "a string";
    fn from_str(v: &str) -> Parsed<Self> {
        Ok(v.to_owned())
    }
    fn from_string(v: String) -> Parsed<Self> {
        Ok(v)
    }
}

impl Parse for bool {
    const EXPECTED: &'static str = "a boolean";
    fn from_bool(v: bool) -> Parsed<Self> {
        Ok(v)
    }
}

impl Parse for i64 {
    const EXPECTED: &'static str = "an integer";
    fn from_i64(v: i64) -> Parsed<Self> {
        Ok(v)
    }
    fn from_u64(v: u64) -> Parsed<Self> {
        i64::try_from(v).map_err(|_| Value::from(v))
    }
}

impl Parse for f64 {
    const EXPECTED: &'static str = "a number";
    fn from_i64(v: i64) -> Parsed<Self> {
        Ok(v as f64)
    }
    fn from_u64(v: u64) -> Parsed<Self> {
        Ok(v as f64)
    }
    fn from_f64(v: f64) -> Parsed<Self> {
        Ok(v)
    }
}

/// `any`: every JSON value is accepted as it is.
impl Parse for Value {
    const EXPECTED: &'static str = "any JSON value";
    fn from_bool(v: bool) -> Parsed<Self> {
        Ok(Value::Bool(v))
    }
    fn from_i64(v: i64) -> Parsed<Self> {
        Ok(Value::from(v))
    }
    fn from_u64(v: u64) -> Parsed<Self> {
        Ok(Value::from(v))
    }
    fn from_f64(v: f64) -> Parsed<Self> {
        Ok(Value::from(v))
    }
    fn from_str(v: &str) -> Parsed<Self> {
        Ok(Value::String(v.to_owned()))
    }
    fn from_string(v: String) -> Parsed<Self> {
        Ok(Value::String(v))
    }
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Field<Self>, A::Error> {
        capture_map(map).map(Field::Value)
    }
    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Field<Self>, A::Error> {
        capture_seq(seq).map(Field::Value)
    }
}

/// Arrays: each item is read on its own, so one bad item does not hide the others.
impl<T: Parse> Parse for Vec<Field<T>> {
    const EXPECTED: &'static str = "an array";
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Field<Self>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element_seed(FieldSeed::<T>(PhantomData))? {
            out.push(item);
        }
        Ok(Field::Value(out))
    }
}

struct FieldSeed<T>(PhantomData<T>);

impl<'de, T: Parse> de::DeserializeSeed<'de> for FieldSeed<T> {
    type Value = Field<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Field<T>, D::Error> {
        d.deserialize_any(FieldVisitor::<T>::new())
    }
}

impl<'de, T: Parse> serde::Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor::<T>::new())
    }
}

impl Parse for super::id::Id {
    const EXPECTED: &'static str = "an id (string or integer)";
    fn from_i64(v: i64) -> Parsed<Self> {
        Ok(super::id::Id::Integer(v))
    }
    fn from_u64(v: u64) -> Parsed<Self> {
        i64::try_from(v).map(super::id::Id::Integer).map_err(|_| Value::from(v))
    }
    fn from_str(v: &str) -> Parsed<Self> {
        Ok(super::id::Id::String(v.to_owned()))
    }
    fn from_string(v: String) -> Parsed<Self> {
        Ok(super::id::Id::String(v))
    }
}

impl Parse for super::timestamp::Timestamp {
    const EXPECTED: &'static str = "a timestamp";
    fn from_i64(v: i64) -> Parsed<Self> {
        Ok(Self::from_millis(v))
    }
    fn from_u64(v: u64) -> Parsed<Self> {
        i64::try_from(v).map(Self::from_millis).map_err(|_| Value::from(v))
    }
    fn from_f64(v: f64) -> Parsed<Self> {
        Self::from_seconds(v).map_err(|_| Value::from(v))
    }
    fn from_str(v: &str) -> Parsed<Self> {
        Self::parse_str(v).map_err(|_| Value::String(v.to_owned()))
    }
    /// A string that is not a valid timestamp is a format error, and says why.
    fn mismatch(found: &Value) -> Mismatch {
        match found {
            Value::String(s) => match Self::parse_str(s) {
                Err(e) => Mismatch {
                    kind: Kind::Format,
                    expected: "a timestamp like 2022-06-09T02:18:41Z".into(),
                    found: describe(found),
                    message: e.to_string(),
                },
                Ok(_) => Mismatch::new(Kind::Format, Self::EXPECTED, found),
            },
            _ => Mismatch::new(Kind::Type, Self::EXPECTED, found),
        }
    }
}

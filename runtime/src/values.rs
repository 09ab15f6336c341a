//! How the leaf types read, check, scan, sample and show themselves to rules, a face at a
//! time: strings, numbers, booleans, ids, timestamps and raw JSON.

use super::attribute::{FieldSpec, IdForm};
use super::field::Field;
use super::fixture::{Gen, WireSample};
use super::id::Id;
use super::node::{Node, NodeMut, Scalar, WireNode};
use super::raw::Raw;
use super::reader::{Number, Peek, Reader, WireRead};
use super::scan::{Scan, WireScan};
use super::text::Text;
use super::timestamp::Timestamp;
use super::validate::{Kind, Mismatch, Walk, WireCheck};
use super::Error;

impl WireRead for Text {
    #[inline]
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        if peek != Peek::String {
            return r.invalid(peek);
        }
        Ok(Field::Value(Text::from(r.str()?)))
    }
}

impl WireCheck for Text {
    const EXPECTED: &'static str = "a string";
    const CHECKS: bool = false;
}

impl WireScan for Text {
    #[inline]
    fn scan(s: &mut Scan<'_>, peek: Peek, _: &'static FieldSpec) -> Result<(), Error> {
        if peek != Peek::String {
            return s.wrong::<Self>(peek);
        }
        s.reader().str()?;
        Ok(())
    }
}

impl WireSample for Text {
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self {
        Text::from(g.text(spec))
    }
}

impl WireNode for Text {
    fn node(&self) -> Node<'_> {
        Node::Scalar(Scalar::Str(self))
    }

    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Str(s) => Some(Text::from(*s)),
            _ => None,
        }
    }
}

impl WireRead for bool {
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        if peek != Peek::True && peek != Peek::False {
            return r.invalid(peek);
        }
        Ok(Field::Value(r.bool(peek)?))
    }
}

impl WireCheck for bool {
    const EXPECTED: &'static str = "a boolean";
    const CHECKS: bool = false;
}

impl WireScan for bool {}

impl WireSample for bool {
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self {
        g.boolean(spec)
    }
}

impl WireNode for bool {
    fn node(&self) -> Node<'_> {
        Node::Scalar(Scalar::Bool(*self))
    }

    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl WireRead for i64 {
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        if !peek.is_num() {
            return r.invalid(peek);
        }
        let start = r.mark();
        match r.int()? {
            Some(i) => Ok(Field::Value(i)),
            None => r.invalid_since(start),
        }
    }
}

impl WireCheck for i64 {
    const EXPECTED: &'static str = "an integer";
    const CHECKS: bool = false;
}

impl WireScan for i64 {}

impl WireSample for i64 {
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self {
        g.integer(spec)
    }
}

impl WireNode for i64 {
    fn node(&self) -> Node<'_> {
        Node::Scalar(Scalar::Int(*self))
    }

    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Int(i) => Some(*i),
            _ => None,
        }
    }
}

/// A JSON number. Integers read as numbers keep the fact that they were integers, so
/// `5` is written back as `5`, not `5.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num(pub f64, bool);

impl Num {
    /// The number.
    pub fn get(self) -> f64 {
        self.0
    }

    /// A number as written without a fraction.
    pub fn int(i: i64) -> Num {
        Num(i as f64, true)
    }

    /// A number with a fraction.
    pub fn float(f: f64) -> Num {
        Num(f, false)
    }
}

impl serde::Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.1 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

impl WireRead for Num {
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        if !peek.is_num() {
            return r.invalid(peek);
        }
        let start = r.mark();
        match r.number()? {
            Some(Number::Int(i)) => Ok(Field::Value(Num::int(i))),
            Some(Number::Float(f)) => Ok(Field::Value(Num::float(f))),
            None => r.invalid_since(start),
        }
    }
}

impl WireCheck for Num {
    const EXPECTED: &'static str = "a number";
    const CHECKS: bool = false;
}

impl WireScan for Num {}

impl WireSample for Num {
    fn sample(g: &mut Gen, _: &'static FieldSpec) -> Self {
        Num::float(g.number())
    }
}

impl WireNode for Num {
    fn node(&self) -> Node<'_> {
        Node::Scalar(if self.1 { Scalar::Int(self.0 as i64) } else { Scalar::Float(self.0) })
    }

    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Int(i) => Some(Num::int(*i)),
            Scalar::Float(f) => Some(Num::float(*f)),
            _ => None,
        }
    }
}

impl WireRead for Id {
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        if peek == Peek::String {
            return Ok(Field::Value(Id::String(Text::from(r.str()?))));
        }
        if !peek.is_num() {
            return r.invalid(peek);
        }
        let start = r.mark();
        match r.int()? {
            Some(i) => Ok(Field::Value(Id::Integer(i))),
            None => r.invalid_since(start),
        }
    }
}

impl WireCheck for Id {
    const EXPECTED: &'static str = "an id (string or integer)";

    fn check<'a>(&'a self, walk: &mut Walk<'a>, spec: &'static FieldSpec) {
        if !walk.strict() {
            return;
        }
        match (spec.id_form, self) {
            (Some(IdForm::Integer), Id::String(s)) => {
                walk.report(Kind::Type, "an integer", format!("string {s:?}"), format!("documented as an integer, found string {s:?}"))
            }
            (Some(IdForm::String), Id::Integer(i)) => {
                walk.report(Kind::Type, "a string", format!("integer {i}"), format!("documented as a string, found integer {i}"))
            }
            _ => {}
        }
    }
}

impl WireScan for Id {
    /// A string id is read without keeping its text, unless strict mode wants it as an
    /// integer (and then the typed read reports it).
    #[inline]
    fn scan(s: &mut Scan<'_>, peek: Peek, spec: &'static FieldSpec) -> Result<(), Error> {
        if peek == Peek::String && !(s.strict() && spec.id_form == Some(IdForm::Integer)) {
            s.reader().str()?;
            return Ok(());
        }
        super::scan::read_and_check::<Self>(s, peek, spec)
    }
}

impl WireSample for Id {
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self {
        g.id(spec)
    }
}

impl WireNode for Id {
    fn node(&self) -> Node<'_> {
        Node::Scalar(match self {
            Id::Integer(i) => Scalar::Int(*i),
            Id::String(s) => Scalar::Str(s),
        })
    }

    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Str(s) => Some(Id::String(Text::from(*s))),
            Scalar::Int(i) => Some(Id::Integer(*i)),
            _ => None,
        }
    }
}

impl WireRead for Timestamp {
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        let start = r.mark();
        let read = if peek == Peek::String {
            Timestamp::parse_str(r.str()?).ok()
        } else if peek.is_num() {
            let read = match r.number()? {
                Some(Number::Int(ms)) => Some(Timestamp::from_millis(ms)),
                Some(Number::Float(secs)) => Timestamp::from_seconds(secs).ok(),
                None => None,
            };
            read.map(|t| t.sent_as(r.text_since(start)))
        } else {
            return r.invalid(peek);
        };
        match read {
            Some(t) => Ok(Field::Value(t)),
            None => r.invalid_since(start),
        }
    }
}

impl WireCheck for Timestamp {
    const EXPECTED: &'static str = "a timestamp";

    /// A string that is not a valid timestamp is a format error, and says why.
    fn mismatch(found: &Raw) -> Mismatch {
        match found.to_value() {
            serde_json::Value::String(s) => match Timestamp::parse_str(&s) {
                Err(e) => Mismatch {
                    kind: Kind::Format,
                    expected: "a timestamp like 2022-06-09T02:18:41Z".into(),
                    found: found.describe(),
                    message: e.to_string(),
                },
                Ok(_) => Mismatch::new(Kind::Format, Self::EXPECTED, found),
            },
            _ => Mismatch::new(Kind::Type, Self::EXPECTED, found),
        }
    }

    fn check<'a>(&'a self, walk: &mut Walk<'a>, spec: &'static FieldSpec) {
        if walk.strict() && spec.utc && !self.is_utc() {
            walk.report(
                Kind::Format,
                "a timestamp in UTC",
                self.to_string(),
                format!("timestamp {self} is not in UTC; the docs give it in the UTC format"),
            );
        }
        if walk.strict() && !spec.forms.is_empty() && !spec.forms.contains(&self.format()) {
            let expected = spec.forms.iter().map(|f| f.example()).collect::<Vec<_>>().join(" or ");
            walk.report(
                Kind::Format,
                format!("a timestamp like {expected}"),
                self.to_string(),
                format!("timestamp {} is in the {} form; the docs give {expected}", self, self.format().name()),
            );
        }
    }
}

impl WireScan for Timestamp {}

impl WireSample for Timestamp {
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self {
        g.timestamp(spec)
    }
}

impl WireNode for Timestamp {
    fn node(&self) -> Node<'_> {
        Node::Timestamp(self)
    }

    fn node_mut(&mut self) -> NodeMut<'_> {
        NodeMut::Timestamp(self)
    }

    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Str(s) => Timestamp::parse_str(s).ok(),
            Scalar::Int(ms) => Some(Timestamp::from_millis(*ms)),
            Scalar::Float(secs) => Timestamp::from_seconds(*secs).ok(),
            Scalar::Bool(_) => None,
        }
    }
}

impl WireRead for Raw {
    fn read(r: &mut Reader<'_>, _: Peek) -> Result<Field<Self>, Error> {
        Ok(Field::Value(r.raw()?))
    }
}

impl WireCheck for Raw {
    const EXPECTED: &'static str = "any JSON value";
    const CHECKS: bool = false;
}

impl WireScan for Raw {}

impl WireSample for Raw {
    fn sample(g: &mut Gen, _: &'static FieldSpec) -> Self {
        Raw::from_serialize(&g.any())
    }
}

impl WireNode for Raw {
    fn node(&self) -> Node<'_> {
        Node::Other
    }

    fn from_scalar(value: &Scalar<'_>) -> Option<Self> {
        Some(match value {
            Scalar::Str(s) => Raw::from_serialize(s),
            Scalar::Int(i) => Raw::from_serialize(i),
            Scalar::Float(f) => Raw::from_serialize(f),
            Scalar::Bool(b) => Raw::from_serialize(b),
        })
    }
}

/// The leaf types work inside a user's own serde types, read as the models read them.
macro_rules! deserialize_through_reader {
    ($($t:ty),*) => {$(
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                super::transcode::deserialize(d)
            }
        }
    )*};
}
deserialize_through_reader!(Id, Timestamp, Num);

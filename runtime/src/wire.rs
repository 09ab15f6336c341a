//! The traits the derives implement, and the facts about one attribute that the reader,
//! the validator, the rule engine and the sampler share.

use serde::Serialize;

use super::field::{Field, UnknownFields};
use super::fixture::{Fake, Gen};
use super::raw::Raw;
use super::reader::{Peek, Reader};
use super::scan::Scan;
use super::timestamp::{Timestamp, TimestampFormat};
use super::validate::{Mismatch, Walk};
use super::Error;

/// Presence of an attribute in one reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presence {
    /// Whether the key may be sent with `null`.
    pub nullable: bool,
    /// Whether the key may be left out.
    pub optional: bool,
}

impl Presence {
    /// Present and not null.
    pub const REQUIRED: Presence = Presence { nullable: false, optional: false };
    /// Present, possibly null.
    pub const NULLABLE: Presence = Presence { nullable: true, optional: false };
    /// Possibly absent, never null when present.
    pub const OPTIONAL: Presence = Presence { nullable: false, optional: true };
    /// Possibly absent, possibly null.
    pub const ANY: Presence = Presence { nullable: true, optional: true };
}

/// The documented form of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdForm {
    /// The docs show the id as a JSON string.
    String,
    /// The docs show the id as a JSON integer.
    Integer,
}

/// What the spec says of one attribute: the `#[fw(...)]` attribute of a generated field.
#[derive(Debug)]
pub struct FieldSpec {
    /// The attribute's key on the wire; empty for the payload root.
    pub wire: &'static str,
    /// Presence as the docs give it, for strict mode.
    pub strict: Presence,
    /// Presence as real payloads show it, for lenient mode.
    pub lenient: Presence,
    /// Timestamp forms the docs give (checked in strict mode).
    pub forms: &'static [TimestampFormat],
    /// The id form the docs give (checked in strict mode).
    pub id_form: Option<IdForm>,
    /// A realistic value for the default fixture.
    pub example: Option<Lit>,
    /// What kind of realistic value a fixture makes.
    pub fake: Fake,
    /// The docs give the timestamp "in the UTC format": strict mode refuses other offsets.
    pub utc: bool,
}

/// The payload root: present and non-null in both readings.
pub static ROOT: FieldSpec = FieldSpec {
    wire: "",
    strict: Presence::REQUIRED,
    lenient: Presence::REQUIRED,
    forms: &[],
    id_form: None,
    example: None,
    fake: Fake::Word,
    utc: false,
};

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

/// An object's slots, without the type's constants, so it can be a trait object.
pub trait DynObject {
    /// The attributes' wire names, in spec order.
    fn field_names(&self) -> Vec<&'static str>;
    /// The slot of attribute `wire`.
    fn slot(&self, wire: &str) -> Option<&dyn Slot>;
    /// The slot of attribute `wire`, to change.
    fn slot_mut(&mut self, wire: &str) -> Option<&mut dyn Slot>;
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
            (Scalar::Str(a), Scalar::Int(b)) | (Scalar::Int(b), Scalar::Str(a)) => {
                super::id::Id::from(*b).same_as(&super::id::Id::String(super::text::Text::from(*a)))
            }
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

/// A literal of the spec: in a rule, or an attribute's example.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lit {
    /// A string.
    Str(&'static str),
    /// An integer.
    Int(i64),
    /// A number.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl Lit {
    /// The literal as a scalar.
    pub fn scalar(&self) -> Scalar<'static> {
        match *self {
            Lit::Str(s) => Scalar::Str(s),
            Lit::Int(i) => Scalar::Int(i),
            Lit::Float(f) => Scalar::Float(f),
            Lit::Bool(b) => Scalar::Bool(b),
        }
    }

    /// Whether a value equals the literal, as the docs mean equality.
    pub fn matches(&self, value: &Scalar<'_>) -> bool {
        self.scalar().same(value)
    }
}

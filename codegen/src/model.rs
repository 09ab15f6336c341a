//! The spec as written: what the YAML files say, before names are resolved.
//!
//! Every item keeps the [`Loc`] it came from so that later checks can point at it.

use crate::yaml::Pos;

/// A source position: file and, where known, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub file: String,
    pub pos: Option<Pos>,
}

/// The whole spec: every file of a spec directory, merged.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub defaults: Option<Defaults>,
    pub products: Vec<Product>,
    pub envelope: Vec<Attr>,
    /// Named types shared by all events.
    pub types: Vec<TypeDef>,
    pub events: Vec<Event>,
}

/// Presence of an attribute in one reading of the docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Presence {
    pub nullable: bool,
    pub optional: bool,
}

/// A partial [`Presence`]: what an attribute states, the rest coming from the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PresencePatch {
    pub nullable: Option<bool>,
    pub optional: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Defaults {
    pub strict: Presence,
    pub lenient: Presence,
    /// The lenient reading of the envelope's attributes and of `data`'s own: what every
    /// real payload carries. `None`: the same as `lenient`.
    pub lenient_top: Option<Presence>,
}

#[derive(Debug, Clone)]
pub struct Product {
    pub key: String,
    pub title: String,
    pub domains: Vec<String>,
    pub loc: Loc,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub name: String,
    pub product: String,
    /// The documentation page the event was transcribed from.
    pub source: String,
    pub description: String,
    pub data: Vec<Attr>,
    /// Named types local to this event.
    pub types: Vec<TypeDef>,
    pub rules: Vec<Rule>,
    pub quirks: Vec<Quirk>,
    pub loc: Loc,
}

/// A named type (`types:` section).
#[derive(Debug, Clone)]
pub struct TypeDef {
    pub name: String,
    pub ty: TypeExpr,
    pub loc: Loc,
}

/// An attribute of an object.
#[derive(Debug, Clone)]
pub struct Attr {
    pub name: String,
    pub ty: TypeExpr,
    /// The strict reading, as stated on the attribute.
    pub strict: PresencePatch,
    /// The lenient reading, as stated on the attribute.
    pub lenient: PresencePatch,
    pub doc: DocFacts,
    pub notes: Vec<String>,
    pub quirk: Option<String>,
    /// A realistic value, used by the default fixture and the docs.
    pub example: Option<Literal>,
    pub loc: Loc,
}

/// A type as written where it is used or defined.
#[derive(Debug, Clone)]
pub struct TypeExpr {
    /// The `type:` text: a built-in name or a named type.
    pub name: String,
    pub description: String,
    /// `fields:` of an object, in spec order.
    pub fields: Vec<Attr>,
    pub items: Option<Box<TypeExpr>>,
    pub values: Option<Box<TypeExpr>>,
    pub enum_values: Option<Vec<EnumValue>>,
    pub open: Option<bool>,
    /// `open: documented`: the page says values beyond its list occur ("or the name of a
    /// custom status"), so strict accepts them too.
    pub documented_others: bool,
    pub rust_name: Option<String>,
    /// Timestamp forms accepted in strict mode.
    pub formats: Option<Vec<(String, Loc)>>,
    /// For `change`: `old_new` or `new_old`.
    pub order: Option<String>,
    /// For `timestamp`: the page gives it "in the UTC format".
    pub utc: Option<bool>,
    pub loc: Loc,
}

#[derive(Debug, Clone)]
pub struct EnumValue {
    pub value: Literal,
    /// Rust name for integer values.
    pub name: Option<String>,
    pub description: String,
    pub loc: Loc,
}

/// A scalar written in the spec.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Str(String),
    Int(i64),
    Bool(bool),
    Float(f64),
}

impl std::fmt::Display for Literal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Literal::Str(s) => write!(f, "\"{s}\""),
            Literal::Int(i) => write!(f, "{i}"),
            Literal::Bool(b) => write!(f, "{b}"),
            Literal::Float(x) => write!(f, "{x}"),
        }
    }
}

/// How the documentation page writes an attribute, where that differs from the spec.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocFacts {
    /// The name as the page writes it (e.g. `Phone`).
    pub name: Option<String>,
    /// The type as the page writes it (e.g. `string`, `array of objects`).
    pub ty: Option<String>,
    /// The possible values as the page lists them.
    pub values: Option<Vec<Literal>>,
    /// How many times the page lists the attribute, when more than once.
    pub listed: Option<u32>,
    /// The attribute is not on any page (the envelope).
    pub absent: bool,
    /// The events whose pages list it, when a shared type has it but not every page does.
    pub only: Vec<String>,
}

/// A documented rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub when: Option<Condition>,
    pub check: Check,
    pub strict_only: bool,
    pub loc: Loc,
}

#[derive(Debug, Clone)]
pub struct Condition {
    pub path: String,
    pub op: CondOp,
    pub loc: Loc,
}

#[derive(Debug, Clone)]
pub enum CondOp {
    Equals(Literal),
    In(Vec<Literal>),
    NotIn(Vec<Literal>),
}

#[derive(Debug, Clone)]
pub enum Check {
    /// These attributes are null.
    Null(Vec<String>),
    /// The attribute has this value.
    Equals(String, Literal),
    /// The attribute has one of these values.
    OneOf(String, Vec<Literal>),
    /// Both attributes hold the same value.
    Same(String, String),
    /// The first timestamp is not after the second.
    NotAfter(String, String),
    /// Every key of the map names an attribute of the object.
    KeysOf { map: String, object: String },
}

/// A documentation quirk that is not about a single attribute's name or type.
#[derive(Debug, Clone)]
pub struct Quirk {
    pub about: Vec<String>,
    pub docs: String,
    pub resolution: String,
    pub loc: Loc,
}

//! Validation: the walk over a parsed payload that collects every violation, each with
//! the JSON Pointer (RFC 6901) of the value at fault.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::collections::{Map, NewOld, OldNew};
use super::field::{Field, UnknownFields};
use super::id::Id;
use super::parse::{describe, Parse};
use super::timestamp::{Timestamp, TimestampFormat};

/// How closely a payload is held to the documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// What real Freshworks payloads do: ids as strings or integers, every timestamp form,
    /// null for unset values, unknown attributes and values. The default.
    #[default]
    Lenient,
    /// The documentation to the letter: undocumented attributes, values and forms are errors.
    Strict,
}

/// What kind of rule a violation breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A value of the wrong JSON type.
    Type,
    /// A required attribute is absent.
    Missing,
    /// Null where a value is required.
    Null,
    /// A value outside an enum.
    Enum,
    /// A string that is not in a documented form (timestamps).
    Format,
    /// A documented rule across attributes.
    Rule,
    /// An attribute the spec does not list (strict mode).
    UnknownField,
}

impl Kind {
    /// The snake_case name used in JSON reports, e.g. `unknown_field`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Type => "type",
            Kind::Missing => "missing",
            Kind::Null => "null",
            Kind::Enum => "enum",
            Kind::Format => "format",
            Kind::Rule => "rule",
            Kind::UnknownField => "unknown_field",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing wrong with a payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// JSON Pointer from the payload root, e.g. `/data/actor/type`.
    pub path: String,
    /// What kind of rule is broken.
    pub kind: Kind,
    /// What the spec wants there, e.g. `a string`.
    pub expected: String,
    /// A short description of what is there instead (`nothing` when absent).
    pub found: String,
    /// The problem in one sentence; `Display` shows it after the path.
    pub message: String,
    /// The spec rule broken, for [`Kind::Rule`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "/" } else { &self.path };
        write!(f, "{path}: {}", self.message)
    }
}

/// Every violation found in a payload, in the order the walk met them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Report {
    /// The violations; empty when the payload is valid.
    pub violations: Vec<Violation>,
}

impl Report {
    /// Whether the walk found nothing wrong.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for v in &self.violations {
            writeln!(f, "{v}")?;
        }
        Ok(())
    }
}

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

/// What the spec says of one attribute, as the validator needs it.
#[derive(Debug)]
pub struct FieldRule {
    /// The attribute's key on the wire; empty for the payload root.
    pub name: &'static str,
    /// Presence as the docs give it, for strict mode.
    pub strict: Presence,
    /// Presence as real payloads show it, for lenient mode.
    pub lenient: Presence,
    /// Timestamp forms the docs give (checked in strict mode).
    pub formats: &'static [TimestampFormat],
    /// The id form the docs give (checked in strict mode); `None` when the attribute is
    /// not an id or the docs do not say.
    pub id_form: Option<IdForm>,
}

impl FieldRule {
    /// An attribute with its presence in the strict and the lenient reading.
    pub const fn new(name: &'static str, strict: Presence, lenient: Presence) -> Self {
        FieldRule { name, strict, lenient, formats: &[], id_form: None }
    }

    /// The same, with the timestamp forms the docs give.
    pub const fn formats(self, formats: &'static [TimestampFormat]) -> Self {
        FieldRule { formats, ..self }
    }

    /// The same, with the id form the docs give.
    pub const fn id_form(self, form: IdForm) -> Self {
        FieldRule { id_form: Some(form), ..self }
    }
}

/// The root of a payload: present and non-null in both readings.
pub static ROOT: FieldRule = FieldRule {
    name: "",
    strict: Presence { nullable: false, optional: false },
    lenient: Presence { nullable: false, optional: false },
    formats: &[],
    id_form: None,
};

/// A documented rule, as violations name it.
#[derive(Debug)]
pub struct RuleInfo {
    /// The rule's id in the spec, carried by [`Violation::rule`].
    pub id: &'static str,
    /// What the rule requires, in words, for messages.
    pub description: &'static str,
    /// Whether the rule is checked in strict mode only, because real payloads break it.
    pub strict_only: bool,
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The state of one validation walk.
pub struct Cx<'a> {
    mode: Mode,
    path: Vec<Seg<'a>>,
    out: Vec<Violation>,
}

impl<'a> Cx<'a> {
    /// Starts a walk at the payload root.
    pub fn new(mode: Mode) -> Self {
        Cx { mode, path: Vec::with_capacity(8), out: Vec::new() }
    }

    /// The mode the walk checks in.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether the walk is in strict mode.
    pub fn strict(&self) -> bool {
        self.mode == Mode::Strict
    }

    /// Ends the walk, with every violation recorded in the order met.
    pub fn finish(self) -> Report {
        Report { violations: self.out }
    }

    /// The JSON Pointer of the current position.
    pub fn pointer(&self) -> String {
        let mut p = String::new();
        for seg in &self.path {
            p.push('/');
            match seg {
                Seg::Key(k) => push_escaped(&mut p, k),
                Seg::Index(i) => p.push_str(&i.to_string()),
            }
        }
        p
    }

    /// Records a violation at the current position.
    pub fn report(&mut self, kind: Kind, expected: impl Into<String>, found: impl Into<String>, message: impl Into<String>) {
        let v = Violation {
            path: self.pointer(),
            kind,
            expected: expected.into(),
            found: found.into(),
            message: message.into(),
            rule: None,
        };
        self.out.push(v);
    }

    /// Records a violation of a documented rule at `pointer`.
    pub fn rule(&mut self, pointer: String, rule: &'static RuleInfo, expected: String, found: String) {
        let message = format!("rule {}: {} (expected {expected}, found {found})", rule.id, rule.description);
        self.out.push(Violation { path: pointer, kind: Kind::Rule, expected, found, message, rule: Some(rule.id) });
    }

    /// Whether a rule applies in this mode.
    pub fn applies(&self, rule: &RuleInfo) -> bool {
        !rule.strict_only || self.strict()
    }

    fn presence(&self, rule: &FieldRule) -> Presence {
        match self.mode {
            Mode::Lenient => rule.lenient,
            Mode::Strict => rule.strict,
        }
    }

    /// Checks one attribute: presence, nullability, type, then the value itself.
    pub fn field<T: Parse + Validate>(&mut self, field: &'a Field<T>, rule: &'static FieldRule) {
        let presence = self.presence(rule);
        self.path.push(Seg::Key(rule.name));
        match field {
            Field::Absent => {
                if !presence.optional {
                    self.report(Kind::Missing, T::EXPECTED, "nothing", format!("required attribute \"{}\" is missing", rule.name));
                }
            }
            Field::Null => {
                if !presence.nullable {
                    self.report(Kind::Null, T::EXPECTED, "null", format!("expected {}, found null", T::EXPECTED));
                }
            }
            Field::Invalid(v) => self.mismatch::<T>(v),
            Field::Value(v) => v.walk(self, rule),
        }
        self.path.pop();
    }

    fn mismatch<T: Parse>(&mut self, found: &Value) {
        let m = T::mismatch(found);
        self.report(m.kind, m.expected, m.found, m.message);
    }

    /// Reports attributes the spec does not list, in strict mode.
    pub fn unknown(&mut self, fields: &'a UnknownFields) {
        if !self.strict() {
            return;
        }
        for (key, value) in fields.iter() {
            self.path.push(Seg::Key(key));
            self.report(Kind::UnknownField, "no such attribute", describe(value), format!("attribute \"{key}\" is not in the documentation"));
            self.path.pop();
        }
    }

    /// Reports, in strict mode, a value an open enum keeps but the docs do not list.
    pub fn unlisted(&mut self, found: &str, expected: &'static str) {
        if self.strict() {
            self.report(Kind::Enum, expected, format!("{found:?}"), format!("expected {expected}, found undocumented value {found:?}"));
        }
    }
}

/// Escapes a key for a JSON Pointer (RFC 6901: `~` as `~0`, `/` as `~1`).
pub fn push_escaped(out: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// A pointer made of static parts and array indices, built only when a rule fails.
pub fn pointer(parts: &[PointerPart<'_>]) -> String {
    let mut p = String::new();
    for part in parts {
        p.push('/');
        match part {
            PointerPart::Key(k) => push_escaped(&mut p, k),
            PointerPart::Index(i) => p.push_str(&i.to_string()),
        }
    }
    p
}

/// One step of a pointer built by [`pointer()`].
pub enum PointerPart<'a> {
    /// An object key, escaped when the pointer is built.
    Key(&'a str),
    /// An array index.
    Index(usize),
}

/// A value's own checks, beyond its JSON type.
pub trait Validate {
    /// Records in `cx` every violation inside the value, at paths below its position.
    /// `rule` describes the attribute holding the value (for array items and map values,
    /// the attribute holding the collection); types with nothing of their own to check
    /// do nothing.
    fn walk<'a>(&'a self, cx: &mut Cx<'a>, rule: &'static FieldRule);
}

macro_rules! nothing_to_check {
    ($($t:ty),*) => {$(
        impl Validate for $t {
            fn walk<'a>(&'a self, _: &mut Cx<'a>, _: &'static FieldRule) {}
        }
    )*};
}
nothing_to_check!(String, bool, i64, f64, Value, OldNew, NewOld);

impl Validate for Id {
    fn walk<'a>(&'a self, cx: &mut Cx<'a>, rule: &'static FieldRule) {
        if !cx.strict() {
            return;
        }
        match (rule.id_form, self) {
            (Some(IdForm::Integer), Id::String(s)) => {
                cx.report(Kind::Type, "an integer", format!("string {s:?}"), format!("documented as an integer, found string {s:?}"))
            }
            (Some(IdForm::String), Id::Integer(i)) => {
                cx.report(Kind::Type, "a string", format!("integer {i}"), format!("documented as a string, found integer {i}"))
            }
            _ => {}
        }
    }
}

impl Validate for Timestamp {
    fn walk<'a>(&'a self, cx: &mut Cx<'a>, rule: &'static FieldRule) {
        if cx.strict() && !rule.formats.is_empty() && !rule.formats.contains(&self.format()) {
            let expected = rule.formats.iter().map(|f| f.example()).collect::<Vec<_>>().join(" or ");
            cx.report(
                Kind::Format,
                format!("a timestamp like {expected}"),
                self.to_string(),
                format!("timestamp {} is in the {} form; the docs give {expected}", self, self.format().name()),
            );
        }
    }
}

impl<T: Parse + Validate> Validate for Vec<Field<T>> {
    fn walk<'a>(&'a self, cx: &mut Cx<'a>, rule: &'static FieldRule) {
        for (i, item) in self.iter().enumerate() {
            cx.path.push(Seg::Index(i));
            match item {
                Field::Value(v) => v.walk(cx, rule),
                Field::Invalid(v) => cx.mismatch::<T>(v),
                Field::Null => cx.report(Kind::Null, T::EXPECTED, "null", format!("expected {}, found a null item", T::EXPECTED)),
                Field::Absent => {}
            }
            cx.path.pop();
        }
    }
}

impl<T: Parse + Validate> Validate for Map<T> {
    fn walk<'a>(&'a self, cx: &mut Cx<'a>, rule: &'static FieldRule) {
        for (key, value) in &self.0 {
            cx.path.push(Seg::Key(key));
            match value {
                Field::Value(v) => v.walk(cx, rule),
                Field::Invalid(v) => cx.mismatch::<T>(v),
                Field::Null if cx.strict() => cx.report(Kind::Null, T::EXPECTED, "null", format!("expected {}, found null", T::EXPECTED)),
                Field::Null | Field::Absent => {}
            }
            cx.path.pop();
        }
    }
}

/// A scalar seen by a rule: how rules compare values of different Rust types.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    /// A string, a string id or an enum's wire value.
    Str(&'a str),
    /// An integer or an integer id.
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
            (Scalar::Str(a), Scalar::Int(b)) | (Scalar::Int(b), Scalar::Str(a)) => Id::from(*b).same_as(&Id::String((*a).to_string())),
            (Scalar::Int(a), Scalar::Float(b)) | (Scalar::Float(b), Scalar::Int(a)) => (*a as f64) == *b,
            (a, b) => a == b,
        }
    }
}

impl fmt::Display for Scalar<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Str(s) => write!(f, "{s:?}"),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Float(x) => write!(f, "{x}"),
            Scalar::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// Values a rule can compare.
pub trait AsScalar {
    /// The value as rules compare and print it.
    fn scalar(&self) -> Scalar<'_>;
}

impl AsScalar for String {
    fn scalar(&self) -> Scalar<'_> {
        Scalar::Str(self)
    }
}
impl AsScalar for i64 {
    fn scalar(&self) -> Scalar<'_> {
        Scalar::Int(*self)
    }
}
impl AsScalar for f64 {
    fn scalar(&self) -> Scalar<'_> {
        Scalar::Float(*self)
    }
}
impl AsScalar for bool {
    fn scalar(&self) -> Scalar<'_> {
        Scalar::Bool(*self)
    }
}
impl AsScalar for Id {
    fn scalar(&self) -> Scalar<'_> {
        match self {
            Id::Integer(i) => Scalar::Int(*i),
            Id::String(s) => Scalar::Str(s),
        }
    }
}

/// Whether a scalar is one of `options`.
pub fn one_of(value: Scalar<'_>, options: &[Scalar<'_>]) -> bool {
    options.iter().any(|o| value.same(o))
}

/// Lists options for messages: `"a", "b" or "c"`.
pub fn list(options: &[Scalar<'_>]) -> String {
    let parts: Vec<String> = options.iter().map(|o| o.to_string()).collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// Describes what a field holds, for rule messages.
pub fn found<T: Serialize>(field: &Field<T>) -> String {
    match field {
        Field::Absent => "nothing".into(),
        Field::Null => "null".into(),
        Field::Invalid(v) => describe(v),
        Field::Value(v) => serde_json::to_value(v).map(|v| describe(&v)).unwrap_or_else(|_| "a value".into()),
    }
}

/// Every violation in one value (an object, without its event's rules), in spec order.
pub fn check_value<T: Validate>(value: &T, mode: Mode) -> Report {
    let mut cx = Cx::new(mode);
    value.walk(&mut cx, &ROOT);
    cx.finish()
}

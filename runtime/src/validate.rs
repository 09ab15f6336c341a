//! Validation: the walk over a parsed payload that collects every violation, each with
//! the JSON Pointer (RFC 6901) of the value at fault. A type checks itself through
//! [`WireCheck`].

use std::fmt;

use serde::Serialize;

use super::attribute::FieldSpec;
use super::field::{Field, UnknownFields};
use super::node::Scalar;
use super::raw::Raw;
use super::rules::{Path, Rule};

/// How a type checks a value of its own and says what it expects: the face of
/// [`Wire`](super::wire::Wire) the walk drives.
pub trait WireCheck {
    /// What the type expects, for messages: "a string", "an object", ...
    const EXPECTED: &'static str;

    /// Whether [`WireCheck::check`] can find anything: false for types whose check does
    /// nothing, so the walk does not even step into them.
    const CHECKS: bool = true;

    /// How a kept value of the wrong type is reported.
    fn mismatch(found: &Raw) -> Mismatch {
        Mismatch::type_error(Self::EXPECTED, found)
    }

    /// Records in `walk` what is wrong inside the value itself; `spec` is the attribute
    /// that holds it (for array items and map values, the collection's attribute).
    fn check<'a>(&'a self, _walk: &mut Walk<'a>, _spec: &'static FieldSpec) {}
}

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
    /// A key sent more than once in one object (both modes): JSON leaves the meaning to
    /// the reader, so the payload is ambiguous.
    DuplicateKey,
    /// An event or product the spec does not cover.
    UnknownEvent,
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
            Kind::DuplicateKey => "duplicate_key",
            Kind::UnknownEvent => "unknown_event",
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
    /// The violations, at most [`Report::KEPT`] of them; empty when the payload is valid.
    pub violations: Vec<Violation>,
    /// The violations found past the first [`Report::KEPT`]: counted, not kept, so a
    /// payload of half a million wrong items costs what its first few thousand do.
    pub omitted: usize,
}

impl Report {
    /// How many violations a report keeps. A payload under any body limit a service sets
    /// has far fewer unless it is built to have many, and no one reads past this.
    pub const KEPT: usize = 10_000;

    /// Whether the walk found nothing wrong.
    pub fn is_valid(&self) -> bool {
        self.violations.is_empty() && self.omitted == 0
    }

    /// How many violations were found: those kept and those only counted.
    pub fn count(&self) -> usize {
        self.violations.len() + self.omitted
    }

    /// Whether one more violation found is kept; if not, it is counted.
    fn room(&mut self) -> bool {
        let room = self.violations.len() < Report::KEPT;
        self.omitted += usize::from(!room);
        room
    }

    /// Adds a violation found after those already here: kept while there is room, counted
    /// after.
    pub(crate) fn add(&mut self, v: Violation) {
        if self.room() {
            self.violations.push(v);
        }
    }

    /// Adds what another report found after those already here.
    pub(crate) fn extend(&mut self, later: Report) {
        for v in later.violations {
            self.add(v);
        }
        self.omitted += later.omitted;
    }

    /// The first violations, for an answer that must stay near the size of the payload:
    /// at most `most`, and no more once their text (pointer, message, expected, found)
    /// passes `text` bytes; the first is always among them.
    pub fn first(&self, most: usize, text: usize) -> &[Violation] {
        let mut sum = 0;
        let n = self
            .violations
            .iter()
            .position(|v| {
                sum += v.path.len() + v.message.len() + v.expected.len() + v.found.len();
                sum > text
            })
            .unwrap_or(self.violations.len());
        &self.violations[..n.min(most).max(self.violations.len().min(1))]
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for v in &self.violations {
            writeln!(f, "{v}")?;
        }
        if self.omitted > 0 {
            writeln!(f, "... and {} more violations, counted and not kept", self.omitted)?;
        }
        Ok(())
    }
}

/// A report is the error of a builder's `build()` and of reading a payload validated, so it
/// goes through `?` into `anyhow::Error` and `Box<dyn Error>`.
impl std::error::Error for Report {}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The state of one validation walk: the mode, where it is (kept as borrowed segments, so
/// a pointer is built only when something is reported), and what it found.
pub struct Walk<'a> {
    mode: Mode,
    path: Vec<Seg<'a>>,
    out: Report,
    /// Paths below `data` (rule syntax, `a.b[].c`) where the event's rules allow null in
    /// this payload: an attribute the docs say is null only under a condition.
    null_ok: Vec<Path>,
}

impl<'a> Walk<'a> {
    /// Starts a walk at the payload root.
    pub fn new(mode: Mode) -> Self {
        Walk { mode, path: Vec::with_capacity(8), out: Report::default(), null_ok: Vec::new() }
    }

    /// A walk that starts where another one is: its pointers are relative to that place,
    /// and nothing is allocated until something is reported.
    pub(crate) fn bare(mode: Mode) -> Self {
        Walk { mode, path: Vec::new(), out: Report::default(), null_ok: Vec::new() }
    }

    /// Allows null at these paths below `data`: the `null` rules whose condition holds
    /// (`interpreter::null_allowed`). Everywhere else, an attribute's presence decides.
    pub fn allow_null(&mut self, paths: Vec<Path>) {
        self.null_ok = paths;
    }

    /// Whether null is allowed for attribute `wire` at the current position by a rule.
    /// Only reached for a null value, so the walk's common case pays nothing.
    fn null_allowed(&self, wire: &str) -> bool {
        if self.null_ok.is_empty() {
            return false;
        }
        let Some((Seg::Key("data"), below)) = self.path.split_first() else { return false };
        let have: Vec<Option<&str>> = below
            .iter()
            .map(|s| match s {
                Seg::Key(k) => Some(*k),
                Seg::Index(_) => None,
            })
            .chain(std::iter::once(Some(wire)))
            .collect();
        // An array item is any index: `[]` in the rule's path, `None` here.
        self.null_ok.iter().any(|p| p.segments().map(|s| (s != "[]").then_some(s)).eq(have.iter().copied()))
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
        self.out
    }

    /// Goes into an object's attribute.
    pub fn push_key(&mut self, key: &'a str) {
        self.path.push(Seg::Key(key));
    }

    /// Goes into an array's item.
    pub fn push_index(&mut self, i: usize) {
        self.path.push(Seg::Index(i));
    }

    /// Comes back out.
    pub fn pop(&mut self) {
        self.path.pop();
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
        // Past what a report keeps, no pointer or message is written.
        if !self.out.room() {
            return;
        }
        let v =
            Violation { path: self.pointer(), kind, expected: expected.into(), found: found.into(), message: message.into(), rule: None };
        self.out.violations.push(v);
    }

    /// Records a value that does not fit its type.
    pub fn mismatch(&mut self, m: Mismatch) {
        self.report(m.kind, m.expected, m.found, m.message);
    }

    /// Records a violation of a documented rule at the current position.
    pub fn rule(&mut self, rule: &Rule, expected: String, found: String) {
        if !self.out.room() {
            return;
        }
        let message = format!("rule {}: {} (expected {expected}, found {found})", rule.id, rule.description);
        self.out.violations.push(Violation { path: self.pointer(), kind: Kind::Rule, expected, found, message, rule: Some(rule.id) });
    }

    fn presence(&self, spec: &FieldSpec) -> super::attribute::Presence {
        match self.mode {
            Mode::Lenient => spec.lenient,
            Mode::Strict => spec.strict,
        }
    }

    /// Checks one attribute: presence, nullability, type, then the value itself.
    #[inline]
    pub fn field<T: WireCheck>(&mut self, field: &'a Field<T>, spec: &'static FieldSpec) {
        if let Field::Value(v) = field {
            // The common case first: nothing to say about presence, and for most leaf types
            // nothing to check inside either.
            if T::CHECKS {
                self.path.push(Seg::Key(spec.wire));
                v.check(self, spec);
                self.path.pop();
            }
            return;
        }
        let presence = self.presence(spec);
        match field {
            Field::Absent if !presence.optional => {
                self.push_key(spec.wire);
                self.report(Kind::Missing, T::EXPECTED, "nothing", format!("required attribute \"{}\" is missing", spec.wire));
                self.pop();
            }
            Field::Null if !presence.nullable && !self.null_allowed(spec.wire) => {
                self.push_key(spec.wire);
                self.report(Kind::Null, T::EXPECTED, "null", format!("expected {}, found null", T::EXPECTED));
                self.pop();
            }
            Field::Invalid(v) => {
                self.push_key(spec.wire);
                self.mismatch(T::mismatch(v));
                self.pop();
            }
            _ => {}
        }
    }

    /// Reports keys sent twice (both modes) and, in strict mode, attributes the spec does
    /// not list.
    pub fn unknown(&mut self, fields: &'a UnknownFields) {
        if fields.is_empty() {
            return;
        }
        for (key, _) in fields.duplicates() {
            self.push_key(key);
            self.report(
                Kind::DuplicateKey,
                "each key once",
                "a repeated key",
                format!("key \"{key}\" is sent more than once; the last value is read, as JSON parsers do"),
            );
            self.pop();
        }
        if !self.strict() {
            return;
        }
        for (key, value) in fields.iter() {
            self.push_key(key);
            self.report(
                Kind::UnknownField,
                "no such attribute",
                value.describe(),
                format!("attribute \"{key}\" is not in the documentation"),
            );
            self.pop();
        }
    }

    /// Reports, in strict mode, a value an open enum keeps but the docs do not list.
    pub fn unlisted(&mut self, found: Scalar<'_>, expected: &'static str) {
        if self.strict() {
            self.report(Kind::Enum, expected, found.to_string(), format!("expected {expected}, found undocumented value {found}"));
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

/// The report of a value that did not fit its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// [`Kind::Type`], [`Kind::Enum`] or [`Kind::Format`].
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
    pub fn new(kind: Kind, expected: &str, found: &Raw) -> Self {
        let found = found.describe();
        Mismatch { kind, expected: expected.to_string(), message: format!("expected {expected}, found {found}"), found }
    }

    /// A value of the wrong JSON type.
    pub fn type_error(expected: &str, found: &Raw) -> Self {
        Mismatch::new(Kind::Type, expected, found)
    }

    /// A value outside a closed enum: of the enum's JSON type it is an enum violation,
    /// of another type a type violation.
    pub fn enumeration(expected: &str, int: bool, found: &Raw) -> Self {
        let text = found.as_str();
        let right_type = if int { text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) } else { text.starts_with('"') };
        Mismatch::new(if right_type { Kind::Enum } else { Kind::Type }, expected, found)
    }
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

/// Every violation in one value (an object, without its event's rules), in spec order.
pub fn check_value<T: WireCheck>(value: &T, mode: Mode) -> Report {
    let mut walk = Walk::new(mode);
    value.check(&mut walk, &super::attribute::ROOT);
    walk.finish()
}

//! Each event's documented rules as data: the tables the generated code declares (`RULES`),
//! which the one interpreter (`interpreter.rs`) checks and enforces.
//!
//! Paths are the attribute names below `data`, with `[]` after an array's name for every
//! item: `actor.social_profiles[].type` is `["actor", "social_profiles[]", "type"]`.

use std::fmt;

use super::attribute::Lit;

/// A path below `data`, as its steps (split by the generator, so a walk never scans text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Path(pub &'static [&'static str]);

impl Path {
    /// The first step and the rest: `(name, each item, rest)`.
    #[inline]
    pub(crate) fn first(self) -> Option<(&'static str, bool, Path)> {
        let (head, rest) = self.0.split_first()?;
        Some(match head.strip_suffix("[]") {
            Some(name) => (name, true, Path(rest)),
            None => (head, false, Path(rest)),
        })
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// The names the path goes through, with `[]` after a name whose array's items it
    /// goes into: `actor`, `social_profiles`, `[]`, `type`. Fixtures and the validator
    /// compare it with the position they are at.
    pub(crate) fn segments(self) -> impl Iterator<Item = &'static str> {
        self.0
            .iter()
            .flat_map(|step| match step.strip_suffix("[]") {
                Some(name) => [Some(name), Some("[]")],
                None => [Some(*step), None],
            })
            .flatten()
    }
}

/// As the spec writes it: `actor.social_profiles[].type`.
impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            f.write_str(step)?;
        }
        Ok(())
    }
}

/// A documented rule of an event.
#[derive(Debug)]
pub struct Rule {
    /// The rule's id in the spec.
    pub id: &'static str,
    /// What the rule requires, in words.
    pub description: &'static str,
    /// Whether only strict mode checks it, because real payloads break it.
    pub strict_only: bool,
    /// When the rule applies; always when `None`.
    pub when: Option<When>,
    /// What it requires.
    pub check: Check,
}

/// A rule's condition on one attribute. An attribute that is absent, null or of the wrong
/// type passes neither test, so the rule does not apply.
#[derive(Debug)]
pub struct When {
    /// The attribute tested.
    pub path: Path,
    /// The test.
    pub test: Test,
}

/// The test of a condition.
#[derive(Debug)]
pub enum Test {
    /// The value is one of these (the spec's `equals` and `in`).
    In(&'static [Lit]),
    /// The value is none of these (the spec's `not_in`).
    NotIn(&'static [Lit]),
}

/// What a rule requires.
#[derive(Debug)]
pub enum Check {
    /// These attributes are null or absent.
    Null(&'static [Path]),
    /// The attribute, when it has a value, is one of these (the spec's `equals` and `one_of`).
    OneOf(Path, &'static [Lit]),
    /// The two attributes, when both have values, are the same (ids compare across forms).
    Same(Path, Path),
    /// The first timestamp is no later than the second.
    NotAfter(Path, Path),
    /// Every key of the map is one of these attribute names.
    KeysOf(Path, &'static [&'static str]),
}

impl Rule {
    /// Each path the rule names with the literals it compares there, for fixture hints.
    pub fn mentions(&self) -> Vec<(Path, &'static [Lit])> {
        let mut out = Vec::new();
        if let Some(w) = &self.when {
            match w.test {
                Test::In(lits) | Test::NotIn(lits) => out.push((w.path, lits)),
            }
        }
        if let Check::OneOf(path, lits) = self.check {
            out.push((path, lits));
        }
        out
    }

    /// The map path and names of a `keys_of` rule.
    pub fn key_names(&self) -> Option<(Path, &'static [&'static str])> {
        match self.check {
            Check::KeysOf(path, names) => Some((path, names)),
            _ => None,
        }
    }
}

/// The rule every payload keeps whatever its event: its envelope names the event of its
/// data.
pub(crate) static EVENT_NAME: Rule =
    Rule { id: "event-name", description: "The envelope names this event.", strict_only: false, when: None, check: Check::Null(&[]) };

//! Semantic diff of two specs, classified for a consumer of inbound payloads.
//!
//! Both specs are compiled to the [`Ir`] first, so the diff sees what the generated code
//! sees: resolved types, settled presence in both readings, rules bound to attributes. Each
//! change is *breaking* when code written against the old spec may stop working with the new
//! one: a payload it accepted is now rejected, a value it relied on may now be missing, or
//! Rust code matching on the models no longer compiles or no longer covers every case.
//! Everything else (new optional attributes, looser checks, documentation) is *compatible*.
//!
//! This module does no I/O: two IRs in, a [`Report`] out, and text or Markdown from it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::ir::{Check, CondOp, Condition, DocFacts, Enum, Event, Field, Ir, Literal, Presence, Rule, Ty, TypeId, TypeKind};

/// Whether a change can break a consumer written against the old spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Breaking,
    Compatible,
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Class::Breaking => "breaking",
            Class::Compatible => "compatible",
        })
    }
}

/// What a change is about, within its event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The event as a whole: added, removed, its description.
    Event,
    /// An attribute of the payload, envelope included: `data.actor.social_profiles[].type`.
    Attribute(String),
    /// A documented rule, by id.
    Rule(String),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Event => f.write_str("event"),
            Subject::Attribute(path) => f.write_str(path),
            Subject::Rule(id) => write!(f, "rule {id}"),
        }
    }
}

/// What a change means for the version of the generated models crate (semver).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Impact {
    /// Documentation only: descriptions, notes, quirks, examples.
    Patch,
    /// Additions code written against the old models keeps working with: a new optional
    /// attribute, event or rule-free check, a new value of an open (non-exhaustive) enum, a
    /// looser check.
    Minor,
    /// Code or payloads that worked may stop working: a removed attribute or event, a
    /// narrowed or changed type, a new value of a closed enum, a stricter check.
    Major,
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Impact::Patch => "patch",
            Impact::Minor => "minor",
            Impact::Major => "major",
        })
    }
}

/// Every kind of change the diff reports, each with a stable id (`attribute-removed`) that
/// CI configuration and accepted-changes files name, a class and an impact of its own. The
/// ids are documented in `docs/ci-formats.md`; renaming one is a breaking change of the
/// command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    EventAdded,
    EventRemoved,
    EventDescription,
    EventPage,
    EventQuirks,
    AttributeAddedOptional,
    AttributeAddedRequired,
    AttributeRemoved,
    TypeChanged,
    RustTypeRenamed,
    NullAllowed,
    NullDisallowed,
    MayBeAbsent,
    NowRequired,
    EnumValueAddedOpen,
    EnumValueAddedClosed,
    EnumValueRemoved,
    EnumValueDescription,
    EnumClosed,
    EnumOpened,
    IdFormChanged,
    TimestampFormsNarrowed,
    TimestampFormsWidened,
    AttributeDescription,
    AttributeNotes,
    AttributeQuirk,
    AttributeExample,
    AttributeDocFacts,
    RuleAdded,
    RuleRemoved,
    RuleCondition,
    RuleCheck,
    RuleKeysNarrowed,
    RuleKeysWidened,
    RuleLenientToo,
    RuleStrictOnly,
    RuleDescription,
}

impl Kind {
    /// Every kind, in the order `docs/ci-formats.md` lists them.
    pub const ALL: [Kind; 37] = [
        Kind::EventAdded,
        Kind::EventRemoved,
        Kind::EventDescription,
        Kind::EventPage,
        Kind::EventQuirks,
        Kind::AttributeAddedOptional,
        Kind::AttributeAddedRequired,
        Kind::AttributeRemoved,
        Kind::TypeChanged,
        Kind::RustTypeRenamed,
        Kind::NullAllowed,
        Kind::NullDisallowed,
        Kind::MayBeAbsent,
        Kind::NowRequired,
        Kind::EnumValueAddedOpen,
        Kind::EnumValueAddedClosed,
        Kind::EnumValueRemoved,
        Kind::EnumValueDescription,
        Kind::EnumClosed,
        Kind::EnumOpened,
        Kind::IdFormChanged,
        Kind::TimestampFormsNarrowed,
        Kind::TimestampFormsWidened,
        Kind::AttributeDescription,
        Kind::AttributeNotes,
        Kind::AttributeQuirk,
        Kind::AttributeExample,
        Kind::AttributeDocFacts,
        Kind::RuleAdded,
        Kind::RuleRemoved,
        Kind::RuleCondition,
        Kind::RuleCheck,
        Kind::RuleKeysNarrowed,
        Kind::RuleKeysWidened,
        Kind::RuleLenientToo,
        Kind::RuleStrictOnly,
        Kind::RuleDescription,
    ];

    /// The stable id, and what the change is, in a few words.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            Kind::EventAdded => ("event-added", "an event the old spec did not have"),
            Kind::EventRemoved => ("event-removed", "an event the new spec no longer has"),
            Kind::EventDescription => ("event-description-changed", "the event's description"),
            Kind::EventPage => ("event-page-changed", "the documentation page the event is transcribed from"),
            Kind::EventQuirks => ("event-quirks-changed", "the event's annotated documentation mistakes"),
            Kind::AttributeAddedOptional => ("attribute-added-optional", "a new attribute that may be absent"),
            Kind::AttributeAddedRequired => ("attribute-added-required", "a new attribute strict mode requires"),
            Kind::AttributeRemoved => ("attribute-removed", "an attribute the new spec no longer has"),
            Kind::TypeChanged => ("type-changed", "an attribute's type"),
            Kind::RustTypeRenamed => ("rust-type-renamed", "the same shape under another Rust name"),
            Kind::NullAllowed => ("null-allowed", "an attribute that may now be null"),
            Kind::NullDisallowed => ("null-disallowed", "an attribute that may no longer be null"),
            Kind::MayBeAbsent => ("presence-optional", "a required attribute that may now be absent"),
            Kind::NowRequired => ("presence-required", "an optional attribute that is now required"),
            Kind::EnumValueAddedOpen => ("enum-value-added-open", "a new value of an open enum"),
            Kind::EnumValueAddedClosed => ("enum-value-added-closed", "a new value of a closed enum"),
            Kind::EnumValueRemoved => ("enum-value-removed", "a value an enum no longer lists"),
            Kind::EnumValueDescription => ("enum-value-description-changed", "the description of an enum value"),
            Kind::EnumClosed => ("enum-closed", "an open enum made closed"),
            Kind::EnumOpened => ("enum-opened", "a closed enum made open (Rust code gains an Other variant)"),
            Kind::IdFormChanged => ("id-form-changed", "the documented form of an id"),
            Kind::TimestampFormsNarrowed => ("timestamp-forms-narrowed", "timestamp forms strict mode no longer accepts"),
            Kind::TimestampFormsWidened => ("timestamp-forms-widened", "timestamp forms strict mode now accepts"),
            Kind::AttributeDescription => ("attribute-description-changed", "an attribute's description"),
            Kind::AttributeNotes => ("attribute-notes-changed", "an attribute's notes"),
            Kind::AttributeQuirk => ("attribute-quirk-changed", "an attribute's annotated documentation mistake"),
            Kind::AttributeExample => ("attribute-example-changed", "an attribute's example value"),
            Kind::AttributeDocFacts => ("attribute-doc-facts-changed", "how the pages write an attribute"),
            Kind::RuleAdded => ("rule-added", "a new documented rule: a check more"),
            Kind::RuleRemoved => ("rule-removed", "a rule the new spec no longer has: a check fewer"),
            Kind::RuleCondition => ("rule-condition-changed", "when a rule applies"),
            Kind::RuleCheck => ("rule-check-changed", "what a rule checks"),
            Kind::RuleKeysNarrowed => ("rule-keys-narrowed", "keys a map may no longer have"),
            Kind::RuleKeysWidened => ("rule-keys-widened", "keys a map may now also have"),
            Kind::RuleLenientToo => ("rule-lenient-too", "a strict-only rule now checked in lenient mode too"),
            Kind::RuleStrictOnly => ("rule-strict-only", "a rule now checked in strict mode only"),
            Kind::RuleDescription => ("rule-description-changed", "a rule's description"),
        }
    }

    pub fn id(self) -> &'static str {
        self.describe().0
    }

    /// The kind of an id, as a configuration file names it.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Whether the change can break a consumer written against the old spec.
    pub fn class(self) -> Class {
        use Kind::*;
        match self {
            EventRemoved
            | AttributeAddedRequired
            | AttributeRemoved
            | TypeChanged
            | RustTypeRenamed
            | NullAllowed
            | MayBeAbsent
            | NowRequired
            | EnumValueAddedClosed
            | EnumValueRemoved
            | EnumClosed
            | EnumOpened
            | IdFormChanged
            | TimestampFormsNarrowed
            | RuleAdded
            | RuleCondition
            | RuleCheck
            | RuleKeysNarrowed
            | RuleLenientToo => Class::Breaking,
            _ => Class::Compatible,
        }
    }

    /// What it means for the models crate's version: documentation is a patch, any other
    /// compatible change minor, a breaking one major.
    pub fn impact(self) -> Impact {
        use Kind::*;
        match self {
            EventDescription | EventPage | EventQuirks | EnumValueDescription | AttributeDescription | AttributeNotes | AttributeQuirk
            | AttributeExample | AttributeDocFacts | RuleDescription => Impact::Patch,
            _ if self.class() == Class::Breaking => Impact::Major,
            _ => Impact::Minor,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where in the spec a change comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The spec file, relative to the spec directory (`types.yaml`, `freshchat/x.yaml`).
    pub file: String,
    /// Dotted spec path of the attribute, type or rule (`types.ChatActor.email`,
    /// `data.actor`, `rules.actor-is-agent`); empty for the event as a whole.
    pub spec_path: String,
    /// The shared type (in `types.yaml`) the change is made in, when it is: the same change
    /// then reaches every event that uses the type.
    pub shared: Option<String>,
}

/// One difference between the old and the new spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `product/event`.
    pub event: String,
    pub subject: Subject,
    /// What changed, in words, with the old and new values where they help.
    pub what: String,
    /// The kind of change, with its stable id.
    pub kind: Kind,
    pub class: Class,
    /// What it means for the models crate's version.
    pub impact: Impact,
    pub origin: Origin,
}

/// Every change, in event order, then attribute order as in the spec, then rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub changes: Vec<Change>,
}

impl Report {
    pub fn breaking(&self) -> usize {
        self.count(Class::Breaking)
    }

    pub fn compatible(&self) -> usize {
        self.count(Class::Compatible)
    }

    pub fn is_breaking(&self) -> bool {
        self.breaking() > 0
    }

    fn count(&self, class: Class) -> usize {
        self.changes.iter().filter(|c| c.class == class).count()
    }

    /// The version bump the changes call for, or `None` when nothing changed.
    pub fn semver(&self) -> Option<Impact> {
        self.changes.iter().map(|c| c.impact).max()
    }
}

/// Compares two specs. The same spec twice gives an empty report.
pub fn diff(old: &Ir, new: &Ir) -> Report {
    let old_names: Vec<String> = old.events.iter().map(|e| old.qualified_name(e)).collect();
    let new_names: Vec<String> = new.events.iter().map(|e| new.qualified_name(e)).collect();
    let mut out = Vec::new();
    for (o, n) in merge_order(&old_names, &new_names) {
        match (o, n) {
            (Some(o), Some(n)) => {
                let mut event_diff = EventDiff { old, new, event: &new_names[n], out: &mut out, origin: event_origin(&new.events[n]) };
                event_diff.event(&old.events[o], &new.events[n]);
            }
            (Some(o), None) => out.push(Change {
                origin: event_origin(&old.events[o]),
                ..change(Kind::EventRemoved, &old_names[o], Subject::Event, "removed".into())
            }),
            (None, Some(n)) => out.push(Change {
                origin: event_origin(&new.events[n]),
                ..change(Kind::EventAdded, &new_names[n], Subject::Event, "added".into())
            }),
            (None, None) => {}
        }
    }
    Report { changes: out }
}

fn change(kind: Kind, event: &str, subject: Subject, what: String) -> Change {
    Change { event: event.to_string(), subject, what, kind, class: kind.class(), impact: kind.impact(), origin: Origin::default() }
}

/// The origin of an event as a whole.
fn event_origin(event: &Event) -> Origin {
    Origin { file: event.file.clone(), spec_path: String::new(), shared: None }
}

/// The origin of a type or of an attribute of it: its module's file, and the type's name
/// when it is a shared one.
fn type_origin(ir: &Ir, id: TypeId, spec_path: &str) -> Origin {
    let t = ir.ty(id);
    let module = &ir.modules[t.module];
    // The envelope's attributes are written in spec.yaml, though every event has a copy.
    let file = if spec_path.starts_with("envelope") { "spec.yaml".to_string() } else { module.source.clone() };
    Origin { file, spec_path: spec_path.to_string(), shared: (t.module == 0).then(|| t.spec_path.trim_start_matches("types.").to_string()) }
}

/// Pairs up two keyed sequences: every key of `new` in its order, each key found only in
/// `old` placed after the common key it followed there, so that removals show up where
/// they were in the spec. Yields `(index in old, index in new)`.
fn merge_order<K: AsRef<str>>(old: &[K], new: &[K]) -> Vec<(Option<usize>, Option<usize>)> {
    let old_index = index_of(old);
    let new_index = index_of(new);
    let mut pairs = Vec::with_capacity(old.len().max(new.len()));
    let mut next_old = 0;
    for (n, key) in new.iter().enumerate() {
        if let Some(&o) = old_index.get(key.as_ref()) {
            // Keys that only `old` has and that came before this common key go first.
            while next_old <= o {
                if !new_index.contains_key(old[next_old].as_ref()) {
                    pairs.push((Some(next_old), None));
                }
                next_old += 1;
            }
            pairs.push((Some(o), Some(n)));
        } else {
            pairs.push((None, Some(n)));
        }
    }
    for (o, key) in old.iter().enumerate().skip(next_old) {
        if !new_index.contains_key(key.as_ref()) {
            pairs.push((Some(o), None));
        }
    }
    pairs
}

/// First position of every key (a key that repeats is matched by its first occurrence).
fn index_of<K: AsRef<str>>(keys: &[K]) -> BTreeMap<&str, usize> {
    let mut index = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        index.entry(key.as_ref()).or_insert(i);
    }
    index
}

/// An attribute reached from an event's payload, with its full path.
struct Attr<'a> {
    path: String,
    field: &'a Field,
    /// The object type that has the attribute.
    owner: TypeId,
}

/// Every attribute of the payload, envelope included, depth first in spec order.
fn flatten(ir: &Ir, payload: TypeId) -> Vec<Attr<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![payload];
    walk_object(ir, payload, "", &mut stack, &mut out);
    out
}

fn walk_object<'a>(ir: &'a Ir, id: TypeId, prefix: &str, stack: &mut Vec<TypeId>, out: &mut Vec<Attr<'a>>) {
    let Some(TypeKind::Object(fields)) = ir.types.get(id.0).map(|t| &t.kind) else {
        return;
    };
    for field in fields {
        let path = if prefix.is_empty() { field.wire.clone() } else { format!("{prefix}.{}", field.wire) };
        out.push(Attr { path: path.clone(), field, owner: id });
        walk_type(ir, &field.ty, &path, stack, out);
    }
}

/// Goes through arrays (`path[]`) and maps (`path{}`) into object types. A type already on
/// the stack is not entered again: a recursive type would otherwise never end.
fn walk_type<'a>(ir: &'a Ir, ty: &Ty, path: &str, stack: &mut Vec<TypeId>, out: &mut Vec<Attr<'a>>) {
    match ty {
        Ty::Array(item) => walk_type(ir, item, &format!("{path}[]"), stack, out),
        Ty::Map(value) => walk_type(ir, value, &format!("{path}{{}}"), stack, out),
        Ty::Named(id) if !stack.contains(id) => {
            stack.push(*id);
            walk_object(ir, *id, path, stack, out);
            stack.pop();
        }
        _ => {}
    }
}

/// The shape of a type in words, independent of Rust names: an object is described by its
/// attributes (diffed one by one), an enum by its values (diffed one by one), so renaming a
/// type or moving it between modules is not a change of shape.
fn shape(ir: &Ir, ty: &Ty) -> String {
    crate::words::type_words(ir, ty, crate::words::Style::Shape)
}

/// The enum type an attribute holds, directly or as the items or values of its collections.
fn enum_id_of(ir: &Ir, ty: &Ty) -> Option<TypeId> {
    match ty {
        Ty::Array(inner) | Ty::Map(inner) => enum_id_of(ir, inner),
        Ty::Named(id) => match ir.types.get(id.0).map(|t| &t.kind) {
            Some(TypeKind::Enum(_)) => Some(*id),
            _ => None,
        },
        _ => None,
    }
}

/// The enum an attribute holds, directly or as the items or values of its collections.
fn enum_of<'a>(ir: &'a Ir, ty: &Ty) -> Option<&'a Enum> {
    match ty {
        Ty::Array(inner) | Ty::Map(inner) => enum_of(ir, inner),
        Ty::Named(id) => match ir.types.get(id.0).map(|t| &t.kind) {
            Some(TypeKind::Enum(e)) => Some(e),
            _ => None,
        },
        _ => None,
    }
}

/// The longest text a message quotes whole.
const QUOTE_MAX: usize = 60;

/// Text in one line and of a readable length, quoted.
fn quote(text: &str) -> String {
    let flat = squash(text);
    if flat.chars().count() <= QUOTE_MAX {
        format!("\"{flat}\"")
    } else {
        let cut: String = flat.chars().take(QUOTE_MAX).collect();
        format!("\"{cut}...\"")
    }
}

/// `"old" -> "new"` for two texts. Long texts are cut to the words that differ, with a
/// few words around them, so that a change at the end of a paragraph still shows.
fn quote_change(old: &str, new: &str) -> String {
    let (old_flat, new_flat) = (squash(old), squash(new));
    if old_flat.chars().count() <= QUOTE_MAX && new_flat.chars().count() <= QUOTE_MAX {
        return format!("{} -> {}", quote(&old_flat), quote(&new_flat));
    }
    const CONTEXT: usize = 3;
    let old_words: Vec<&str> = old_flat.split(' ').collect();
    let new_words: Vec<&str> = new_flat.split(' ').collect();
    let prefix = old_words.iter().zip(&new_words).take_while(|(a, b)| a == b).count();
    let room = old_words.len().min(new_words.len()) - prefix;
    let suffix = old_words.iter().rev().zip(new_words.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    let start = prefix.saturating_sub(CONTEXT);
    let keep_end = suffix.saturating_sub(CONTEXT);
    let window = |words: &[&str]| {
        let end = words.len() - keep_end;
        let mut text = words.get(start..end).unwrap_or_default().join(" ");
        if start > 0 {
            text = format!("...{text}");
        }
        if end < words.len() {
            text.push_str("...");
        }
        quote(&text)
    };
    format!("{} -> {}", window(&old_words), window(&new_words))
}

/// Whitespace collapsed: folded YAML text differs in line breaks that mean nothing.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn literals(values: &[Literal]) -> String {
    let items: Vec<String> = values.iter().map(Literal::to_string).collect();
    format!("[{}]", items.join(", "))
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

/// The diff of one event present in both specs.
struct EventDiff<'a> {
    old: &'a Ir,
    new: &'a Ir,
    event: &'a str,
    out: &'a mut Vec<Change>,
    /// Where the changes pushed now come from.
    origin: Origin,
}

impl EventDiff<'_> {
    /// A change of what payloads may hold or of the Rust types: major when breaking,
    /// minor otherwise.
    fn push(&mut self, kind: Kind, subject: &Subject, what: String) {
        let mut c = change(kind, self.event, subject.clone(), what);
        c.origin = self.origin.clone();
        self.out.push(c);
    }

    /// A change of documentation only: compatible, a patch.
    fn push_doc(&mut self, kind: Kind, subject: &Subject, what: String) {
        debug_assert_eq!(kind.impact(), Impact::Patch, "{kind:?} is not documentation");
        self.push(kind, subject, what);
    }

    fn event(&mut self, old: &Event, new: &Event) {
        self.origin = event_origin(new);
        self.event_docs(old, new);
        self.attributes(old, new);
        self.origin = event_origin(new);
        self.rules(old, new);
    }

    /// The event's own documentation: none of it changes what a payload may hold.
    fn event_docs(&mut self, old: &Event, new: &Event) {
        let s = Subject::Event;
        if squash(&old.description) != squash(&new.description) {
            let what = format!("description changed: {}", quote_change(&old.description, &new.description));
            self.push_doc(Kind::EventDescription, &s, what);
        }
        if old.source != new.source {
            let what = format!("documentation page changed: {}", quote_change(&old.source, &new.source));
            self.push_doc(Kind::EventPage, &s, what);
        }
        let quirks = |e: &Event| -> Vec<(Vec<String>, String, String)> {
            e.quirks.iter().map(|q| (q.about.clone(), squash(&q.docs), squash(&q.resolution))).collect()
        };
        if quirks(old) != quirks(new) {
            let what = format!("documentation quirks changed ({} -> {})", old.quirks.len(), new.quirks.len());
            self.push_doc(Kind::EventQuirks, &s, what);
        }
    }

    fn attributes(&mut self, old_event: &Event, new_event: &Event) {
        let old = flatten(self.old, old_event.payload);
        let new = flatten(self.new, new_event.payload);
        let old_paths: Vec<&str> = old.iter().map(|a| a.path.as_str()).collect();
        let new_paths: Vec<&str> = new.iter().map(|a| a.path.as_str()).collect();
        // Below an attribute that was added, removed or changed shape, every attribute
        // differs too; the one change at the top says it all.
        let mut reported: BTreeSet<String> = BTreeSet::new();
        for (o, n) in merge_order(&old_paths, &new_paths) {
            let path = o.map(|o| &old[o].path).or_else(|| n.map(|n| &new[n].path));
            let Some(path) = path else { continue };
            if has_ancestor_in(path, &reported) {
                continue;
            }
            let subject = Subject::Attribute(path.clone());
            // A removed attribute is where the old spec had it; any other, where the new one has it.
            self.origin = match (o, n) {
                (_, Some(n)) => type_origin(self.new, new[n].owner, &new[n].field.spec_path),
                (Some(o), None) => type_origin(self.old, old[o].owner, &old[o].field.spec_path),
                (None, None) => continue,
            };
            match (o, n) {
                (Some(o), Some(n)) => {
                    if self.attribute(&subject, old[o].field, new[n].field) {
                        reported.insert(path.clone());
                    }
                }
                (Some(o), None) => {
                    let what = format!("removed (was {})", shape(self.old, &old[o].field.ty));
                    self.push(Kind::AttributeRemoved, &subject, what);
                    reported.insert(path.clone());
                }
                (None, Some(n)) => {
                    self.added(&subject, new[n].field);
                    reported.insert(path.clone());
                }
                (None, None) => {}
            }
        }
    }

    /// An attribute only the new spec has: harmless unless payloads must now carry it.
    fn added(&mut self, subject: &Subject, field: &Field) {
        let shape = shape(self.new, &field.ty);
        if field.strict.optional {
            self.push(Kind::AttributeAddedOptional, subject, format!("added ({shape}, may be absent in strict mode)"));
        } else {
            self.push(Kind::AttributeAddedRequired, subject, format!("added ({shape}, required in strict mode)"));
        }
    }

    /// Compares an attribute both specs have. Returns whether its shape changed, in which
    /// case the attributes below it are not compared.
    fn attribute(&mut self, s: &Subject, old: &Field, new: &Field) -> bool {
        let (old_shape, new_shape) = (shape(self.old, &old.ty), shape(self.new, &new.ty));
        if old_shape != new_shape {
            self.push(Kind::TypeChanged, s, format!("type changed: {old_shape} -> {new_shape}"));
            // Values, id forms and timestamp forms of another type are not comparable.
            self.presence(s, "strict", old.strict, new.strict);
            self.presence(s, "lenient", old.lenient, new.lenient);
            self.docs(s, old, new);
            return true;
        }
        self.presence(s, "strict", old.strict, new.strict);
        self.presence(s, "lenient", old.lenient, new.lenient);
        self.rust_name(s, &old.ty, &new.ty);
        if let (Some(old_enum), Some(new_enum)) = (enum_of(self.old, &old.ty), enum_of(self.new, &new.ty)) {
            // Values and openness belong to the enum type, which may be a shared one.
            let field_origin = self.origin.clone();
            if let Some(id) = enum_id_of(self.new, &new.ty) {
                self.origin = type_origin(self.new, id, &self.new.ty(id).spec_path);
            }
            self.enum_values(s, old_enum, new_enum);
            self.origin = field_origin;
        }
        self.id_form(s, old, new);
        self.formats(s, old, new);
        self.docs(s, old, new);
        false
    }

    /// The same shape under another Rust name (or in another module) still breaks the Rust
    /// code that names the type.
    fn rust_name(&mut self, s: &Subject, old: &Ty, new: &Ty) {
        let path = |ir: &Ir, ty: &Ty| -> Option<String> {
            let mut ty = ty;
            while let Ty::Array(inner) | Ty::Map(inner) = ty {
                ty = inner;
            }
            match ty {
                Ty::Named(id) => {
                    let t = ir.ty(*id);
                    Some(format!("{}::{}", ir.modules[t.module].path.join("::"), t.name))
                }
                _ => None,
            }
        };
        if let (Some(a), Some(b)) = (path(self.old, old), path(self.new, new)) {
            if a != b {
                self.push(Kind::RustTypeRenamed, s, format!("Rust type renamed: {a} -> {b}"));
            }
        }
    }

    /// Null and absence in one reading. Anything that lets a value go missing breaks code
    /// that relied on it; requiring what was optional breaks payloads that validated.
    fn presence(&mut self, s: &Subject, reading: &str, old: Presence, new: Presence) {
        match (old.nullable, new.nullable) {
            (false, true) => self.push(Kind::NullAllowed, s, format!("may now be null in {reading} mode (was not null)")),
            (true, false) => self.push(Kind::NullDisallowed, s, format!("may no longer be null in {reading} mode (was nullable)")),
            _ => {}
        }
        match (old.optional, new.optional) {
            (false, true) => self.push(Kind::MayBeAbsent, s, format!("may now be absent in {reading} mode (was required)")),
            (true, false) => self.push(Kind::NowRequired, s, format!("now required in {reading} mode (was optional)")),
            _ => {}
        }
    }

    fn enum_values(&mut self, s: &Subject, old: &Enum, new: &Enum) {
        for v in &old.variants {
            if !new.variants.iter().any(|n| n.wire == v.wire) {
                self.push(Kind::EnumValueRemoved, s, format!("enum value {} removed", v.wire));
            }
        }
        for v in &new.variants {
            match old.variants.iter().find(|o| o.wire == v.wire) {
                // A closed enum rejected the value before, and a Rust `match` on it no
                // longer covers every variant; an open enum read it as `Other` already.
                None if new.open => self.push(Kind::EnumValueAddedOpen, s, format!("enum value {} added (open enum)", v.wire)),
                None => self.push(Kind::EnumValueAddedClosed, s, format!("enum value {} added (closed enum)", v.wire)),
                Some(o) if squash(&o.description) != squash(&v.description) => {
                    let what = format!("description of enum value {} changed: {}", v.wire, quote_change(&o.description, &v.description));
                    self.push_doc(Kind::EnumValueDescription, s, what);
                }
                Some(_) => {}
            }
        }
        match (old.open, new.open) {
            (true, false) => self.push(Kind::EnumClosed, s, "enum is now closed (was open): unlisted values are rejected".into()),
            // Not looser for Rust code: the enum gains an `Other` variant a `match` must cover.
            (false, true) => self.push(Kind::EnumOpened, s, "enum is now open (was closed): unlisted values are kept as Other".into()),
            _ => {}
        }
    }

    fn id_form(&mut self, s: &Subject, old: &Field, new: &Field) {
        if old.id_form != new.id_form {
            let form = |f: &Option<crate::ir::IdForm>| f.map_or("none", |f| f.name());
            let what = format!("documented id form changed: {} -> {}", form(&old.id_form), form(&new.id_form));
            self.push(Kind::IdFormChanged, s, what);
        }
    }

    /// Timestamp forms strict mode accepts: fewer rejects payloads that validated.
    fn formats(&mut self, s: &Subject, old: &Field, new: &Field) {
        let dropped: Vec<String> = old.formats.iter().filter(|f| !new.formats.contains(f)).map(|f| f.to_string()).collect();
        let gained: Vec<String> = new.formats.iter().filter(|f| !old.formats.contains(f)).map(|f| f.to_string()).collect();
        if !dropped.is_empty() {
            let what = format!("strict timestamp forms narrowed: {} no longer accepted", list(&dropped));
            self.push(Kind::TimestampFormsNarrowed, s, what);
        }
        if !gained.is_empty() {
            let what = format!("strict timestamp forms widened: {} now accepted", list(&gained));
            self.push(Kind::TimestampFormsWidened, s, what);
        }
    }

    /// Documentation of an attribute: read by people, not by the validator.
    fn docs(&mut self, s: &Subject, old: &Field, new: &Field) {
        if squash(&old.description) != squash(&new.description) {
            let what = format!("description changed: {}", quote_change(&old.description, &new.description));
            self.push_doc(Kind::AttributeDescription, s, what);
        }
        let notes = |f: &Field| -> Vec<String> { f.notes.iter().map(|n| squash(n)).collect() };
        if notes(old) != notes(new) {
            self.push_doc(Kind::AttributeNotes, s, "notes changed".into());
        }
        let quirk = |f: &Field| f.quirk.as_deref().map(squash);
        if quirk(old) != quirk(new) {
            let what = match (&old.quirk, &new.quirk) {
                (Some(o), Some(n)) => format!("quirk changed: {}", quote_change(o, n)),
                (None, Some(n)) => format!("quirk added: {}", quote(n)),
                (Some(_), None) | (None, None) => "quirk removed".into(),
            };
            self.push_doc(Kind::AttributeQuirk, s, what);
        }
        if old.example != new.example {
            let e = |f: &Field| f.example.as_ref().map(Literal::to_string).unwrap_or_else(|| "none".into());
            self.push_doc(Kind::AttributeExample, s, format!("example changed: {} -> {}", e(old), e(new)));
        }
        if old.doc != new.doc {
            self.push_doc(Kind::AttributeDocFacts, s, format!("documentation facts changed: {}", doc_changes(&old.doc, &new.doc)));
        }
    }

    fn rules(&mut self, old: &Event, new: &Event) {
        let old_ids: Vec<&str> = old.rules.iter().map(|r| r.id.as_str()).collect();
        let new_ids: Vec<&str> = new.rules.iter().map(|r| r.id.as_str()).collect();
        for (o, n) in merge_order(&old_ids, &new_ids) {
            let (file, id) = match (o, n) {
                (_, Some(n)) => (&new.file, new_ids[n]),
                (Some(o), None) => (&old.file, old_ids[o]),
                (None, None) => continue,
            };
            self.origin = Origin { file: file.clone(), spec_path: format!("rules.{id}"), shared: None };
            match (o.and_then(|o| old.rules.get(o)), n.and_then(|n| new.rules.get(n))) {
                (Some(o), Some(n)) => self.rule(o, n),
                // A check fewer can only accept more payloads.
                (Some(o), None) => {
                    self.push(Kind::RuleRemoved, &Subject::Rule(o.id.clone()), "removed".into());
                }
                // A check more may reject payloads that validated.
                (None, Some(n)) => {
                    let what = format!("added: {}", rule_text(n));
                    self.push(Kind::RuleAdded, &Subject::Rule(n.id.clone()), what);
                }
                (None, None) => {}
            }
        }
    }

    fn rule(&mut self, old: &Rule, new: &Rule) {
        let s = Subject::Rule(new.id.clone());
        let (old_when, new_when) = (condition_text(old.when.as_ref()), condition_text(new.when.as_ref()));
        if old_when != new_when {
            self.push(Kind::RuleCondition, &s, format!("condition changed: {old_when} -> {new_when}"));
        }
        self.check(&s, &old.check, &new.check);
        match (old.strict_only, new.strict_only) {
            (true, false) => self.push(Kind::RuleLenientToo, &s, "now checked in lenient mode too (was strict only)".into()),
            (false, true) => self.push(Kind::RuleStrictOnly, &s, "now checked in strict mode only".into()),
            _ => {}
        }
        if squash(&old.description) != squash(&new.description) {
            let what = format!("description changed: {}", quote_change(&old.description, &new.description));
            self.push_doc(Kind::RuleDescription, &s, what);
        }
    }

    fn check(&mut self, s: &Subject, old: &Check, new: &Check) {
        let (old_text, new_text) = (check_text(old), check_text(new));
        if old_text == new_text {
            return;
        }
        // `keys_of` follows the object's attributes: a key more rejects nothing that was
        // accepted, a key fewer rejects payloads that validated.
        if let (Check::KeysOf { map: om, names: on }, Check::KeysOf { map: nm, names: nn }) = (old, new) {
            if om.text == nm.text {
                let lost: Vec<String> = on.iter().filter(|k| !nn.contains(k)).cloned().collect();
                let gained: Vec<String> = nn.iter().filter(|k| !on.contains(k)).cloned().collect();
                if !lost.is_empty() {
                    self.push(Kind::RuleKeysNarrowed, s, format!("keys of {} may no longer be: {}", nm.text, list(&lost)));
                }
                if !gained.is_empty() {
                    self.push(Kind::RuleKeysWidened, s, format!("keys of {} may now also be: {}", nm.text, list(&gained)));
                }
                return;
            }
        }
        self.push(Kind::RuleCheck, s, format!("check changed: {old_text} -> {new_text}"));
    }
}

/// How the pages write an attribute, what differs of it in words. Facts this module does not
/// know by name are still compared (through `PartialEq`) and reported as such.
fn doc_changes(old: &DocFacts, new: &DocFacts) -> String {
    fn opt<T: fmt::Display>(v: Option<T>) -> String {
        v.map(|v| v.to_string()).unwrap_or_else(|| "none".into())
    }
    let mut parts = Vec::new();
    let mut fact = |what: &str, old: String, new: String| {
        if old != new {
            parts.push(format!("{what} {old} -> {new}"));
        }
    };
    fact("name as written", opt(old.name.as_deref().map(quote)), opt(new.name.as_deref().map(quote)));
    fact("type as written", opt(old.ty.as_deref().map(quote)), opt(new.ty.as_deref().map(quote)));
    fact("values as listed", opt(old.values.as_deref().map(literals)), opt(new.values.as_deref().map(literals)));
    fact("times listed", opt(old.listed), opt(new.listed));
    fact("absent from the pages", old.absent.to_string(), new.absent.to_string());
    fact("pages that list it", format!("{:?}", old.only), format!("{:?}", new.only));
    if parts.is_empty() {
        parts.push("other facts".into());
    }
    parts.join("; ")
}

/// Whether a proper ancestor of `path` (cut at `.`, `[]` or `{}`) is in `set`.
fn has_ancestor_in(path: &str, set: &BTreeSet<String>) -> bool {
    path.char_indices().any(|(i, c)| matches!(c, '.' | '[' | '{') && set.contains(&path[..i]))
}

fn condition_text(when: Option<&Condition>) -> String {
    match when {
        None => "always".into(),
        Some(c) => match &c.op {
            CondOp::Equals(l) => format!("when {} equals {l}", c.path.text),
            CondOp::In(ls) => format!("when {} in {}", c.path.text, literals(ls)),
            CondOp::NotIn(ls) => format!("when {} not in {}", c.path.text, literals(ls)),
        },
    }
}

fn check_text(check: &Check) -> String {
    match check {
        Check::Null(paths) => {
            let paths: Vec<String> = paths.iter().map(|p| p.text.clone()).collect();
            format!("null: {}", list(&paths))
        }
        Check::Equals(p, l) => format!("{} equals {l}", p.text),
        Check::OneOf(p, ls) => format!("{} one of {}", p.text, literals(ls)),
        Check::Same(a, b) => format!("{} same as {}", a.text, b.text),
        Check::NotAfter(a, b) => format!("{} not after {}", a.text, b.text),
        Check::KeysOf { map, names } => format!("keys of {} one of [{}]", map.text, list(names)),
    }
}

/// A rule in one line: its check and, when it has one, its condition.
fn rule_text(rule: &Rule) -> String {
    let mut text = check_text(&rule.check);
    if rule.when.is_some() {
        text = format!("{text} {}", condition_text(rule.when.as_ref()));
    }
    if rule.strict_only {
        text.push_str(" (strict only)");
    }
    text
}

/// One change of the spec with every event it reaches: a change made in a shared type
/// appears once per event in the [`Report`], and once here. Every format counts these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The change as the first event it reaches reports it.
    pub change: &'a Change,
    /// `(event, subject)` of every event the change reaches, in report order.
    pub reaches: Vec<(&'a str, &'a Subject)>,
    /// The reason given for accepting it, when a file of accepted changes names it.
    pub accepted: Option<String>,
}

impl Entry<'_> {
    /// Where the change is, as a file of accepted changes names it: the shared type's spec
    /// path (`types.ChatActor.email`), or the event, then `:` and the attribute path or
    /// `rules.ID` (`freshchat/onAgentActivityCreate:data.actor.type`).
    pub fn path(&self) -> String {
        let c = self.change;
        if c.origin.shared.is_some() {
            return c.origin.spec_path.clone();
        }
        match &c.subject {
            Subject::Event => c.event.clone(),
            Subject::Attribute(path) => format!("{}:{path}", c.event),
            Subject::Rule(id) => format!("{}:rules.{id}", c.event),
        }
    }
}

/// The report's changes with those made once in a shared type merged, in report order.
pub fn entries(report: &Report) -> Vec<Entry<'_>> {
    let mut out: Vec<Entry<'_>> = Vec::new();
    for c in &report.changes {
        let same = |e: &Entry<'_>| {
            c.origin.shared.is_some() && e.change.origin == c.origin && e.change.what == c.what && e.change.class == c.class
        };
        match out.iter_mut().find(|e| same(e)) {
            Some(e) => e.reaches.push((&c.event, &c.subject)),
            None => out.push(Entry { change: c, reaches: vec![(&c.event, &c.subject)], accepted: None }),
        }
    }
    out
}

/// A change someone reviewed and accepted: its kind, where it is (as [`Entry::path`]
/// writes it) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub kind: Kind,
    pub path: String,
    pub reason: String,
}

/// Marks the entries that `accepted` names. Returns the indices of the accepted changes that
/// match no entry: stale, or mistyped.
pub fn accept(entries: &mut [Entry<'_>], accepted: &[Accepted]) -> Vec<usize> {
    let mut unused = Vec::new();
    for (i, a) in accepted.iter().enumerate() {
        let mut used = false;
        for e in entries.iter_mut().filter(|e| e.change.kind == a.kind && e.path() == a.path) {
            e.accepted = Some(a.reason.clone());
            used = true;
        }
        if !used {
            unused.push(i);
        }
    }
    unused
}

/// The changes of a diff by class, accepted ones apart: the same figures in every format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub breaking: usize,
    pub compatible: usize,
    pub accepted: usize,
}

impl Counts {
    pub fn of(entries: &[Entry<'_>]) -> Counts {
        let mut counts = Counts::default();
        for e in entries {
            match (&e.accepted, e.change.class) {
                (Some(_), _) => counts.accepted += 1,
                (None, Class::Breaking) => counts.breaking += 1,
                (None, Class::Compatible) => counts.compatible += 1,
            }
        }
        counts
    }

    pub fn total(&self) -> usize {
        self.breaking + self.compatible + self.accepted
    }

    /// `2 breaking, 1 compatible, 1 accepted change(s)`, or `no changes`.
    pub fn summary(&self) -> String {
        if self.total() == 0 {
            return "no changes".into();
        }
        let mut text = format!("{} breaking, {} compatible", self.breaking, self.compatible);
        if self.accepted > 0 {
            text.push_str(&format!(", {} accepted", self.accepted));
        }
        text.push_str(" change(s)");
        text
    }
}

/// How a line of the text report is coloured: by class, or as accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Breaking,
    Compatible,
    Accepted,
}

impl Entry<'_> {
    pub fn tone(&self) -> Tone {
        match (&self.accepted, self.change.class) {
            (Some(_), _) => Tone::Accepted,
            (None, Class::Breaking) => Tone::Breaking,
            (None, Class::Compatible) => Tone::Compatible,
        }
    }

    /// `breaking`, `compatible` or `accepted`.
    pub fn label(&self) -> &'static str {
        match self.tone() {
            Tone::Breaking => "breaking",
            Tone::Compatible => "compatible",
            Tone::Accepted => "accepted",
        }
    }
}

/// Where a spec path (`types.ChatActor.email`, `data.actor.avatar.url`,
/// `rules.actor-is-agent`, `envelope.timestamp`) is written in a spec file's text: the
/// position of its key, or `None` when the text does not parse or has no such key.
pub fn locate(text: &str, spec_path: &str) -> Option<crate::yaml::Pos> {
    use crate::yaml::Node;
    /// The node of `key` in a mapping, or below the keys that nest attributes.
    fn child<'n>(node: &'n Node, key: &str, depth: usize) -> Option<&'n Node> {
        let map = node.as_map()?;
        if let Some((_, n)) = map.iter().find(|(k, _)| k == key) {
            return Some(n);
        }
        if depth > 3 {
            return None;
        }
        map.iter().filter(|(k, _)| matches!(k.as_str(), "fields" | "items" | "values")).find_map(|(_, n)| child(n, key, depth + 1))
    }
    let root = crate::yaml::parse(text).ok()?;
    if let Some(id) = spec_path.strip_prefix("rules.") {
        let rules = child(&root, "rules", 0)?.as_seq()?;
        let rule = rules.iter().find(|r| child(r, "id", 0).and_then(Node::as_str) == Some(id))?;
        return rule.pos;
    }
    let mut node = &root;
    for seg in spec_path.split('.').filter(|s| !s.is_empty()) {
        let key = seg.trim_end_matches("[]").trim_end_matches("{}");
        node = child(node, key, 0)?;
    }
    node.pos
}

/// One heading line per event with changes, one line per change (its class, id, attribute
/// and what changed), then the summary. A change made in a shared type is listed once, under
/// the first event it reaches, with the others named. `paint` colours the class column.
pub fn render_text(entries: &[Entry<'_>], paint: &dyn Fn(Tone, &str) -> String) -> String {
    let mut out = String::new();
    let mut event = "";
    for e in entries {
        let c = e.change;
        if c.event != event {
            event = &c.event;
            out.push_str(event);
            out.push('\n');
        }
        let label = paint(e.tone(), &format!("{:<10}", e.label()));
        out.push_str(&format!("  {label}  {}  {}: {}", c.kind.id(), c.subject, c.what));
        if let Some(shared) = &c.origin.shared {
            let others: Vec<&str> = e.reaches.iter().skip(1).map(|(event, _)| *event).collect();
            out.push_str(&format!(" (in shared type {shared}"));
            if !others.is_empty() {
                out.push_str(&format!("; also {}", others.join(", ")));
            }
            out.push(')');
        }
        if let Some(reason) = &e.accepted {
            out.push_str(&format!(" [accepted: {reason}]"));
        }
        out.push('\n');
    }
    out.push_str(&Counts::of(entries).summary());
    out.push('\n');
    out
}

/// Markdown for a pull request, for whoever releases the models crate: the version bump
/// the changes call for, the changes made in shared types (once each, with the events they
/// reach), then a table per event. Each change states its impact on the Rust API (major,
/// minor or patch) and whether it breaks consumers of inbound payloads.
pub fn render_markdown(report: &Report, entries: &[Entry<'_>]) -> String {
    use crate::markdown::{cell, code_cell, inline};
    let Some(bump) = report.semver() else {
        return "**Spec changes: none.** The models crate needs no new version.\n".into();
    };
    let mut out = format!(
        "**Spec changes: {} for payload consumers. Semver: {bump}.**\n\n{}\n",
        Counts::of(entries).summary(),
        match bump {
            Impact::Major => "The models crate needs a new major version: code or payloads that worked with it may not.",
            Impact::Minor => "The models crate needs a new minor version: additions only.",
            Impact::Patch => "The models crate needs a patch release: documentation only.",
        }
    );
    let shared: Vec<&Entry<'_>> = entries.iter().filter(|e| e.change.origin.shared.is_some()).collect();
    if !shared.is_empty() {
        out.push_str(
            "\n## Shared types (`types.yaml`)\n\n| Rust API | payloads | type | change | events |\n| --- | --- | --- | --- | --- |\n",
        );
        for e in &shared {
            let c = e.change;
            let place = c.origin.spec_path.trim_start_matches("types.");
            let events: Vec<String> =
                e.reaches.iter().map(|(event, subject)| format!("{} ({})", cell(event), code_cell(&subject.to_string()))).collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                impact_md(c.impact),
                payloads_md(e),
                code_cell(place),
                change_md(c),
                events.join(", ")
            ));
        }
    }
    let mut event = "";
    for e in entries.iter().filter(|e| e.change.origin.shared.is_none()) {
        let c = e.change;
        if c.event != event {
            event = &c.event;
            out.push_str(&format!("\n## {}\n\n| Rust API | payloads | attribute | change |\n| --- | --- | --- | --- |\n", inline(event)));
        }
        let subject = match &c.subject {
            Subject::Event => "(event)".to_string(),
            Subject::Attribute(path) => code_cell(path),
            Subject::Rule(id) => format!("rule {}", code_cell(id)),
        };
        out.push_str(&format!("| {} | {} | {subject} | {} |\n", impact_md(c.impact), payloads_md(e), change_md(c)));
    }
    out.push_str("\nRust API: **major**: a removed event or attribute, a changed or narrowed type, a new value of a closed enum, a stricter check; minor: a new event or optional attribute, a new value of an open (non-exhaustive) enum, a looser check; patch: documentation only.\n");
    out
}

fn impact_md(impact: Impact) -> String {
    match impact {
        Impact::Major => "**major**".into(),
        other => other.to_string(),
    }
}

/// The class, and when the change was accepted, why.
fn payloads_md(e: &Entry<'_>) -> String {
    let class = match e.change.class {
        Class::Breaking => "breaking",
        Class::Compatible => "compatible",
    };
    match &e.accepted {
        Some(reason) => format!("{class}, accepted: {}", crate::markdown::cell(reason)),
        None => class.to_string(),
    }
}

/// The change's id, then what changed.
fn change_md(c: &Change) -> String {
    format!("`{}` {}", c.kind.id(), crate::markdown::cell(&c.what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compile, SourceFile};

    const BASE: &str = crate::testing::BASE_SPEC;

    const EVENT: &str = r#"
event: onThing
product: acme
description: A thing happened.
types:
  Kind:
    type: string
    open: false
    enum: [a, b]
  Tag:
    type: string
    open: true
    enum: [red, green]
  Node:
    type: object
    description: A node of a tree.
    fields:
      name: { type: string, description: The name. }
      children:
        type: array
        items: { type: Node }
        description: Nodes below.
data:
  id:
    type: id
    doc: { type: integer }
  kind: { type: Kind, description: The kind. }
  tags:
    type: array
    items: { type: Tag }
    description: Tags.
  when:
    type: timestamp
    formats: [iso8601]
    description: When.
  owner:
    type: object
    description: Who.
    fields:
      email: { type: string, description: Email. }
      name: { type: string, description: Name. }
  tree: { type: Node, description: A tree. }
rules:
  - id: kind-a
    description: Always a.
    path: kind
    equals: a
"#;

    fn ir(event: &str) -> Ir {
        let files = vec![
            SourceFile { path: "spec.yaml".into(), text: BASE.into() },
            SourceFile { path: "acme/onThing.yaml".into(), text: event.into() },
        ];
        match compile(&files) {
            Ok(ir) => ir,
            Err(d) => panic!("test spec does not compile:\n{d}"),
        }
    }

    /// `(class, subject, what)` of each change from EVENT to EVENT edited.
    fn changes(edit: impl Fn(&str) -> String) -> Vec<(Class, String, String)> {
        let new = edit(EVENT);
        assert_ne!(new, EVENT, "the edit did not apply");
        diff(&ir(EVENT), &ir(&new)).changes.into_iter().map(|c| (c.class, c.subject.to_string(), c.what)).collect()
    }

    fn one(class: Class, subject: &str, what: &str) -> Vec<(Class, String, String)> {
        vec![(class, subject.to_string(), what.to_string())]
    }

    #[test]
    fn the_same_spec_has_no_changes() {
        let report = diff(&ir(EVENT), &ir(EVENT));
        assert_eq!(report.changes, []);
        assert_eq!(render_text(&entries(&report), &plain), "no changes\n");
    }

    #[test]
    fn recursive_types_are_walked_once() {
        let ir = ir(EVENT);
        let paths: Vec<String> = flatten(&ir, ir.events[0].payload).into_iter().map(|a| a.path).collect();
        let tree: Vec<&str> = paths.iter().map(String::as_str).filter(|p| p.starts_with("data.tree")).collect();
        assert_eq!(tree, ["data.tree", "data.tree.name", "data.tree.children"]);
        assert!(paths.iter().any(|p| p == "data.owner.email"));
    }

    #[test]
    fn attributes_added_and_removed() {
        let c = changes(|s| s.replace("      name: { type: string, description: Name. }\n", ""));
        assert_eq!(c, one(Class::Breaking, "data.owner.name", "removed (was string)"));
        let c = changes(|s| s.replace("description: Name. }", "description: Name. }\n      nick: { type: string, optional: true }"));
        assert_eq!(c, one(Class::Compatible, "data.owner.nick", "added (string, may be absent in strict mode)"));
        let c = changes(|s| s.replace("description: Name. }", "description: Name. }\n      nick: { type: string }"));
        assert_eq!(c, one(Class::Breaking, "data.owner.nick", "added (string, required in strict mode)"));
    }

    #[test]
    fn a_removed_object_is_one_change_not_one_per_attribute() {
        let c = changes(|s| {
            s.replace("  owner:\n    type: object\n    description: Who.\n    fields:\n      email: { type: string, description: Email. }\n      name: { type: string, description: Name. }\n", "")
        });
        assert_eq!(c, one(Class::Breaking, "data.owner", "removed (was object)"));
    }

    #[test]
    fn a_type_change_hides_the_attributes_below() {
        let owner = "    type: object\n    description: Who.\n    fields:\n      email: { type: string, description: Email. }\n      name: { type: string, description: Name. }\n";
        let c = changes(|s| {
            s.replace(owner, "    type: map\n    description: Who.\n    values:\n      type: object\n      fields:\n        email: { type: string, description: Email. }\n")
        });
        assert_eq!(c, one(Class::Breaking, "data.owner", "type changed: object -> map of object"));
    }

    #[test]
    fn presence_in_each_reading() {
        let c = changes(|s| s.replace("description: Email. }", "description: Email., nullable: true }"));
        assert_eq!(c, one(Class::Breaking, "data.owner.email", "may now be null in strict mode (was not null)"));
        let c = changes(|s| s.replace("description: Email. }", "description: Email., lenient: { nullable: false } }"));
        assert_eq!(c, one(Class::Compatible, "data.owner.email", "may no longer be null in lenient mode (was nullable)"));
        let c = changes(|s| s.replace("description: Email. }", "description: Email., optional: true }"));
        assert_eq!(c, one(Class::Breaking, "data.owner.email", "may now be absent in strict mode (was required)"));
        let c = changes(|s| s.replace("description: Email. }", "description: Email., lenient: { optional: false } }"));
        assert_eq!(c, one(Class::Breaking, "data.owner.email", "now required in lenient mode (was optional)"));
    }

    #[test]
    fn enum_values_and_openness() {
        let c = changes(|s| s.replace("enum: [a, b]", "enum: [a, b, c]"));
        assert_eq!(c, one(Class::Breaking, "data.kind", "enum value \"c\" added (closed enum)"));
        let c = changes(|s| s.replace("enum: [red, green]", "enum: [red, green, blue]"));
        assert_eq!(c, one(Class::Compatible, "data.tags", "enum value \"blue\" added (open enum)"));
        let c = changes(|s| s.replace("enum: [red, green]", "enum: [red]"));
        assert_eq!(c, one(Class::Breaking, "data.tags", "enum value \"green\" removed"));
        let c = changes(|s| s.replace("open: true", "open: false"));
        assert_eq!(c, one(Class::Breaking, "data.tags", "enum is now closed (was open): unlisted values are rejected"));
        let c = changes(|s| s.replace("open: false", "open: true"));
        assert_eq!(c, one(Class::Breaking, "data.kind", "enum is now open (was closed): unlisted values are kept as Other"));
    }

    #[test]
    fn id_and_timestamp_forms() {
        let c = changes(|s| s.replace("doc: { type: integer }", "doc: { type: string }"));
        assert_eq!(c[0], (Class::Breaking, "data.id".into(), "documented id form changed: integer -> string".into()));
        let c = changes(|s| s.replace("formats: [iso8601]", "formats: [iso8601, epoch_millis]"));
        assert_eq!(c, one(Class::Compatible, "data.when", "strict timestamp forms widened: epoch_millis now accepted"));
        let c = changes(|s| s.replace("formats: [iso8601]", "formats: [epoch_millis]"));
        assert_eq!(
            c,
            [
                (Class::Breaking, "data.when".into(), "strict timestamp forms narrowed: iso8601 no longer accepted".into()),
                (Class::Compatible, "data.when".into(), "strict timestamp forms widened: epoch_millis now accepted".into()),
            ]
        );
    }

    #[test]
    fn documentation_is_compatible() {
        let c = changes(|s| s.replace("description: The kind.", "description: The kind of thing."));
        assert_eq!(c, one(Class::Compatible, "data.kind", "description changed: \"The kind.\" -> \"The kind of thing.\""));
        let c = changes(|s| s.replace("doc: { type: integer }", "doc: { type: integer, name: Id }"));
        assert_eq!(c, one(Class::Compatible, "data.id", "documentation facts changed: name as written none -> \"Id\""));
        let c = changes(|s| s.replace("description: A thing happened.", "description: Something happened."));
        assert_eq!(c, one(Class::Compatible, "event", "description changed: \"A thing happened.\" -> \"Something happened.\""));
    }

    #[test]
    fn long_texts_are_quoted_around_what_differs() {
        let old = "Raised when a Freshsales user marks themselves available or unavailable in the app.";
        let new = "Raised when a Freshsales user marks themselves available or unavailable in the web app.";
        assert_eq!(quote_change(old, new), "\"...unavailable in the app.\" -> \"...unavailable in the web app.\"");
        let new = "Fired when a Freshsales user marks themselves available or unavailable in the app.";
        assert_eq!(quote_change(old, new), "\"Raised when a Freshsales...\" -> \"Fired when a Freshsales...\"");
        assert_eq!(quote_change("a b", "a c"), "\"a b\" -> \"a c\"");
    }

    #[test]
    fn rules() {
        let rule = "rules:\n  - id: kind-a\n    description: Always a.\n    path: kind\n    equals: a\n";
        let c = changes(|s| s.replace(rule, &format!("{rule}  - id: kind-b\n    path: kind\n    one_of: [a, b]\n")));
        assert_eq!(c, one(Class::Breaking, "rule kind-b", "added: kind one of [\"a\", \"b\"]"));
        let c = changes(|s| s.replace(rule, ""));
        assert_eq!(c, one(Class::Compatible, "rule kind-a", "removed"));
        let c = changes(|s| s.replace("equals: a", "equals: b"));
        assert_eq!(c, one(Class::Breaking, "rule kind-a", "check changed: kind equals \"a\" -> kind equals \"b\""));
        let c = changes(|s| s.replace("equals: a", "equals: a\n    strict_only: true"));
        assert_eq!(c, one(Class::Compatible, "rule kind-a", "now checked in strict mode only"));
        let c = changes(|s| s.replace("Always a.", "Always a, really."));
        assert_eq!(c[0].0, Class::Compatible);
        let c = changes(|s| s.replace("    path: kind\n", "    when: { path: kind, equals: b }\n    path: kind\n"));
        assert_eq!(c, one(Class::Breaking, "rule kind-a", "condition changed: always -> when kind equals \"b\""));
    }

    #[test]
    fn events_added_and_removed() {
        let old = ir(EVENT);
        let other = EVENT.replace("event: onThing", "event: onOther");
        let files = vec![
            SourceFile { path: "spec.yaml".into(), text: BASE.into() },
            SourceFile { path: "acme/onOther.yaml".into(), text: other },
            SourceFile { path: "acme/onThing.yaml".into(), text: EVENT.into() },
        ];
        let new = compile(&files).unwrap_or_else(|d| panic!("{d}"));
        let report = diff(&old, &new);
        assert_eq!(
            report.changes,
            [Change {
                origin: Origin { file: "acme/onOther.yaml".into(), ..Origin::default() },
                ..change(Kind::EventAdded, "acme/onOther", Subject::Event, "added".into())
            }]
        );
        let report = diff(&new, &old);
        assert_eq!(
            report.changes,
            [Change {
                origin: Origin { file: "acme/onOther.yaml".into(), ..Origin::default() },
                ..change(Kind::EventRemoved, "acme/onOther", Subject::Event, "removed".into())
            }]
        );
        assert!(report.is_breaking());
    }

    #[test]
    fn removals_keep_their_place_in_spec_order() {
        let pairs = merge_order(&["a", "b", "c", "d"], &["a", "x", "c", "d", "y"]);
        assert_eq!(pairs, [(Some(0), Some(0)), (None, Some(1)), (Some(1), None), (Some(2), Some(2)), (Some(3), Some(3)), (None, Some(4))]);
    }

    /// No colour.
    fn plain(_: Tone, text: &str) -> String {
        text.to_string()
    }

    #[test]
    fn renderers() {
        let report = diff(&ir(EVENT), &ir(&EVENT.replace("description: Email. }", "description: Email | mail., nullable: true }")));
        let list = entries(&report);
        assert_eq!(
            render_text(&list, &plain),
            "acme/onThing\n  breaking    null-allowed  data.owner.email: may now be null in strict mode (was not null)\n  compatible  attribute-description-changed  data.owner.email: description changed: \"Email.\" -> \"Email | mail.\"\n1 breaking, 1 compatible change(s)\n"
        );
        let md = render_markdown(&report, &list);
        assert!(md.starts_with("**Spec changes: 1 breaking, 1 compatible change(s) for payload consumers. Semver: major.**\n"), "{md}");
        assert!(md.contains("\n## acme/onThing\n\n| Rust API | payloads | attribute | change |\n| --- | --- | --- | --- |\n"), "{md}");
        assert!(
            md.contains("| **major** | breaking | `data.owner.email` | `null-allowed` may now be null in strict mode (was not null) |\n"),
            "{md}"
        );
        assert!(
            md.contains("| patch | compatible | `data.owner.email` | `attribute-description-changed` description changed: \"Email.\" -> \"Email \\| mail.\" |\n"),
            "{md}"
        );
        assert!(!md.contains("Shared types"), "{md}");
        assert_eq!(render_markdown(&report, &[]), "**Spec changes: no changes for payload consumers. Semver: major.**\n\nThe models crate needs a new major version: code or payloads that worked with it may not.\n\nRust API: **major**: a removed event or attribute, a changed or narrowed type, a new value of a closed enum, a stricter check; minor: a new event or optional attribute, a new value of an open (non-exhaustive) enum, a looser check; patch: documentation only.\n");
        let same = diff(&ir(EVENT), &ir(EVENT));
        assert_eq!(render_markdown(&same, &entries(&same)), "**Spec changes: none.** The models crate needs no new version.\n");
    }

    #[test]
    fn accepted_changes_are_counted_apart_in_every_format() {
        let report = diff(&ir(EVENT), &ir(&EVENT.replace("description: Email. }", "description: Email | mail., nullable: true }")));
        let mut list = entries(&report);
        let accepted = [
            Accepted { kind: Kind::NullAllowed, path: "acme/onThing:data.owner.email".into(), reason: "sent null since May".into() },
            Accepted { kind: Kind::NullAllowed, path: "acme/onThing:data.owner.name".into(), reason: "stale".into() },
        ];
        assert_eq!(accept(&mut list, &accepted), [1], "the second matches nothing");
        assert_eq!(Counts::of(&list), Counts { breaking: 0, compatible: 1, accepted: 1 });
        let text = render_text(&list, &plain);
        assert!(text.contains("  accepted    null-allowed  data.owner.email: may now be null in strict mode (was not null) [accepted: sent null since May]\n"), "{text}");
        assert!(text.ends_with("\n0 breaking, 1 compatible, 1 accepted change(s)\n"), "{text}");
        let md = render_markdown(&report, &list);
        assert!(md.starts_with("**Spec changes: 0 breaking, 1 compatible, 1 accepted change(s) for payload consumers."), "{md}");
        assert!(md.contains("| **major** | breaking, accepted: sent null since May |"), "{md}");
        // The id and the path must both match.
        let mut list = entries(&report);
        let wrong_kind = [Accepted { kind: Kind::TypeChanged, path: "acme/onThing:data.owner.email".into(), reason: "x".into() }];
        assert_eq!(accept(&mut list, &wrong_kind), [0]);
        assert_eq!(Counts::of(&list).accepted, 0);
    }

    #[test]
    fn every_kind_has_a_distinct_id() {
        let ids: BTreeSet<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids.len(), Kind::ALL.len());
        for k in Kind::ALL {
            assert_eq!(Kind::from_id(k.id()), Some(k));
            assert!(k.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{k:?}");
        }
    }

    #[test]
    fn each_change_has_a_semver_impact() {
        let impact = |edit: &dyn Fn(&str) -> String| {
            let report = diff(&ir(EVENT), &ir(&edit(EVENT)));
            assert!(!report.changes.is_empty());
            (report.changes.iter().map(|c| c.impact).collect::<Vec<_>>(), report.semver())
        };
        // Documentation only.
        assert_eq!(impact(&|s| s.replace("description: The kind.", "description: The sort.")), (vec![Impact::Patch], Some(Impact::Patch)));
        // A new value of an open enum, a new optional attribute: additions.
        assert_eq!(impact(&|s| s.replace("enum: [red, green]", "enum: [red, green, blue]")).1, Some(Impact::Minor));
        assert_eq!(
            impact(&|s| s.replace("description: Name. }", "description: Name. }\n      nick: { type: string, optional: true }")).1,
            Some(Impact::Minor)
        );
        // A new value of a closed enum, a removed attribute, a narrowed type.
        assert_eq!(impact(&|s| s.replace("enum: [a, b]", "enum: [a, b, c]")).1, Some(Impact::Major));
        assert_eq!(impact(&|s| s.replace("      name: { type: string, description: Name. }\n", "")).1, Some(Impact::Major));
        assert_eq!(impact(&|s| s.replace("formats: [iso8601]", "formats: [epoch_millis]")).1, Some(Impact::Major));
        // The origin names the file and the attribute; an enum's values belong to its type.
        let report = diff(&ir(EVENT), &ir(&EVENT.replace("enum: [red, green]", "enum: [red, green, blue]")));
        assert_eq!(report.changes[0].origin, Origin { file: "acme/onThing.yaml".into(), spec_path: "types.Tag".into(), shared: None });
    }

    #[test]
    fn spec_paths_are_found_in_the_text() {
        let at = |path: &str| locate(EVENT, path).map(|p| p.line);
        let line = |needle: &str| EVENT.lines().position(|l| l.trim_start().starts_with(needle)).map(|i| i + 1);
        assert_eq!(at("data.owner.email"), line("email:"));
        assert_eq!(at("types.Node.children"), line("children:"));
        assert_eq!(at("types.Tag"), line("Tag:"));
        assert_eq!(at("rules.kind-a"), line("- id: kind-a"));
        assert_eq!(at("data.nothing"), None);
        assert_eq!(locate("{ not yaml", "data"), None);
    }

    #[test]
    fn a_renamed_rust_type_is_breaking() {
        let c = changes(|e| e.replace("  owner:\n    type: object\n", "  owner:\n    type: object\n    rust_name: Person\n"));
        assert_eq!(c, one(Class::Breaking, "data.owner", "Rust type renamed: acme::on_thing::Owner -> acme::on_thing::Person"));
    }
}

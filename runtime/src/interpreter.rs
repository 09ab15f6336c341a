//! The one interpreter of the rule tables: it checks them on a parsed payload or on the
//! values the compiled validator kept (both reached through [`Reach`]), and makes a payload
//! keep them (fixtures, builders).
//!
//! A path that does not lead anywhere finds nothing: the generator has checked every path
//! against the types.

use super::attribute::Lit;
use super::node::{DynObject, Node, NodeMut, Scalar, Slot};
use super::rules::{Check, Path, Rule, Test};
use super::timestamp::Timestamp;
use super::validate::{list, Walk};

impl Rule {
    /// Whether the rule is checked on this payload in this reading: it is not strict-only
    /// in the lenient one, and its condition holds.
    pub(crate) fn in_force<'a>(&self, data: &dyn Reach<'a>, strict: bool) -> bool {
        (!self.strict_only || strict)
            && self.holds(data.leaf(match &self.when {
                Some(w) => w.path,
                None => return true,
            }))
    }

    fn applies(&self, data: &dyn DynObject) -> bool {
        self.holds(match &self.when {
            Some(w) => leaf(data, w.path),
            None => return true,
        })
    }

    /// Whether the condition holds, given the slot its path leads to.
    fn holds(&self, slot: Option<&dyn Slot>) -> bool {
        let Some(when) = &self.when else { return true };
        let Some(value) = slot.and_then(|s| s.node().scalar()) else { return false };
        match when.test {
            Test::In(lits) => lits.iter().any(|l| l.matches(&value)),
            Test::NotIn(lits) => !lits.iter().any(|l| l.matches(&value)),
        }
    }
}

/// Where the rule interpreter finds the slots a path names: in a parsed payload
/// ([`Typed`]), or among the values the compiled validator kept while it read the bytes.
pub(crate) trait Reach<'a> {
    /// The one slot a path without `[]` leads to.
    fn leaf(&self, path: Path) -> Option<&'a dyn Slot>;
    /// Calls `f` on every slot the path reaches (through every item of `[]` steps), in
    /// item order, with the walk's position at that slot.
    fn each(&self, path: Path, walk: &mut Walk<'a>, f: &mut dyn FnMut(&'a dyn Slot, &mut Walk<'a>));
}

/// The slots of a parsed payload's data.
pub(crate) struct Typed<'a>(pub &'a dyn DynObject);

impl<'a> Reach<'a> for Typed<'a> {
    fn leaf(&self, path: Path) -> Option<&'a dyn Slot> {
        leaf(self.0, path)
    }
    fn each(&self, path: Path, walk: &mut Walk<'a>, f: &mut dyn FnMut(&'a dyn Slot, &mut Walk<'a>)) {
        each(self.0, path, walk, f)
    }
}

/// The one slot a path without `[]` leads to.
fn leaf(data: &dyn DynObject, path: Path) -> Option<&dyn Slot> {
    let (name, _, rest) = path.first()?;
    let slot = data.slot(name)?;
    if rest.is_empty() {
        return Some(slot);
    }
    match slot.node() {
        Node::Object(o) => leaf(o, rest),
        _ => None,
    }
}

/// Calls `f` on every slot the path reaches (through every item of `[]` steps), with the
/// walk's position at that slot.
fn each<'a>(obj: &'a dyn DynObject, path: Path, walk: &mut Walk<'a>, f: &mut dyn FnMut(&'a dyn Slot, &mut Walk<'a>)) {
    let Some((name, all, rest)) = path.first() else { return };
    let Some(slot) = obj.slot(name) else { return };
    walk.push_key(name);
    if all {
        if let Node::Items(items) = slot.node() {
            for i in 0..items.len() {
                let Some(item) = items.item(i) else { continue };
                walk.push_index(i);
                if rest.is_empty() {
                    f(item, walk);
                } else if let Node::Object(o) = item.node() {
                    each(o, rest, walk, f);
                }
                walk.pop();
            }
        }
    } else if rest.is_empty() {
        f(slot, walk);
    } else if let Node::Object(o) = slot.node() {
        each(o, rest, walk, f);
    }
    walk.pop();
}

/// Checks every rule that applies in the walk's mode; positions are below `/data`.
/// `in_force` says, rule by rule, whether it is checked ([`in_force`]).
pub(crate) fn check<'a>(data: &dyn Reach<'a>, rules: &'static [Rule], in_force: &[bool], walk: &mut Walk<'a>) {
    walk.push_key("data");
    for (rule, _) in rules.iter().zip(in_force).filter(|(_, on)| **on) {
        match rule.check {
            Check::Null(paths) => {
                for &path in paths.iter() {
                    data.each(path, walk, &mut |slot, walk| {
                        if !slot.node().is_unset() {
                            walk.rule(rule, "null".into(), slot.describe());
                        }
                    });
                }
            }
            Check::OneOf(path, lits) => {
                data.each(path, walk, &mut |slot, walk| {
                    if let Some(value) = slot.node().scalar() {
                        if !lits.iter().any(|l| l.matches(&value)) {
                            let options: Vec<Scalar<'_>> = lits.iter().map(Lit::scalar).collect();
                            walk.rule(rule, list(&options), value.to_string());
                        }
                    }
                });
            }
            Check::Same(a, b) => {
                let other = data.leaf(b).and_then(|s| s.node().scalar());
                data.each(a, walk, &mut |slot, walk| {
                    if let (Some(x), Some(y)) = (slot.node().scalar(), other) {
                        if !x.same(&y) {
                            walk.rule(rule, format!("the same as {b} ({y})"), x.to_string());
                        }
                    }
                });
            }
            Check::NotAfter(a, b) => {
                let later = match data.leaf(b).map(|s| s.node()) {
                    Some(Node::Timestamp(t)) => Some(t),
                    _ => None,
                };
                data.each(a, walk, &mut |slot, walk| {
                    if let (Node::Timestamp(x), Some(y)) = (slot.node(), later) {
                        if x.unix_nanos() > y.unix_nanos() {
                            walk.rule(rule, format!("no later than {b} ({y})"), x.to_string());
                        }
                    }
                });
            }
            Check::KeysOf(path, names) => {
                data.each(path, walk, &mut |slot, walk| {
                    if let Node::Keys(keys) = slot.node() {
                        for key in keys {
                            if !names.contains(&key) {
                                walk.push_key(key);
                                walk.rule(rule, format!("one of {}", names.join(", ")), format!("{key:?}"));
                                walk.pop();
                            }
                        }
                    }
                });
            }
        }
    }
    walk.pop();
}

/// Whether each rule is checked on this payload in this reading: its condition is
/// evaluated once, for the conditional nulls and for the checks.
pub(crate) fn in_force<'a>(data: &dyn Reach<'a>, rules: &'static [Rule], strict: bool) -> Vec<bool> {
    rules.iter().map(|r| r.in_force(data, strict)).collect()
}

/// The paths the event's `null` rules allow to be null in this payload: those of every
/// rule in force. An attribute the docs give as null only under a condition is not
/// nullable by itself; the rule that states the condition makes it so.
pub(crate) fn null_allowed(rules: &'static [Rule], in_force: &[bool]) -> Vec<Path> {
    let mut out = Vec::new();
    for (rule, _) in rules.iter().zip(in_force).filter(|(_, on)| **on) {
        if let Check::Null(paths) = rule.check {
            out.extend_from_slice(paths);
        }
    }
    out
}

/// Every slot a path reaches, to change.
fn each_mut(obj: &mut dyn DynObject, path: Path, f: &mut dyn FnMut(&mut dyn Slot)) {
    let Some((name, all, rest)) = path.first() else { return };
    let Some(slot) = obj.slot_mut(name) else { return };
    if all {
        if let NodeMut::Items(items) = slot.node_mut() {
            for i in 0..items.len() {
                let Some(item) = items.item_mut(i) else { continue };
                if rest.is_empty() {
                    f(item);
                } else if let NodeMut::Object(o) = item.node_mut() {
                    each_mut(o, rest, f);
                }
            }
        }
    } else if rest.is_empty() {
        f(slot);
    } else if let NodeMut::Object(o) = slot.node_mut() {
        each_mut(o, rest, f);
    }
}

/// An owned copy of a scalar, to carry from one slot to another.
enum Owned {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Owned {
    fn of(s: Scalar<'_>) -> Owned {
        match s {
            Scalar::Str(v) => Owned::Str(v.to_owned()),
            Scalar::Int(v) => Owned::Int(v),
            Scalar::Float(v) => Owned::Float(v),
            Scalar::Bool(v) => Owned::Bool(v),
        }
    }

    fn scalar(&self) -> Scalar<'_> {
        match self {
            Owned::Str(v) => Scalar::Str(v),
            Owned::Int(v) => Scalar::Int(*v),
            Owned::Float(v) => Scalar::Float(*v),
            Owned::Bool(v) => Scalar::Bool(*v),
        }
    }
}

/// Makes `data` keep every rule (strict-only ones too), applying them until nothing
/// changes. Returns false when they do not settle, which would mean the rules contradict
/// each other.
pub(crate) fn enforce_data(
    data: &mut dyn DynObject,
    rules: &'static [Rule],
    fingerprint: &mut dyn FnMut(&dyn DynObject) -> String,
) -> bool {
    for _ in 0..8 {
        let before = fingerprint(data);
        for rule in rules {
            if rule.applies(data) {
                apply(data, rule);
            }
        }
        if fingerprint(data) == before {
            return true;
        }
    }
    false
}

fn apply(data: &mut dyn DynObject, rule: &Rule) {
    match rule.check {
        Check::Null(paths) => {
            for &path in paths.iter() {
                each_mut(data, path, &mut |slot| {
                    if !slot.node().is_unset() {
                        slot.set_null();
                    }
                });
            }
        }
        Check::OneOf(path, lits) => {
            each_mut(data, path, &mut |slot| {
                let wrong = slot.node().scalar().is_some_and(|v| !lits.iter().any(|l| l.matches(&v)));
                if wrong {
                    if let Some(first) = lits.first() {
                        slot.set_scalar(&first.scalar());
                    }
                }
            });
        }
        Check::Same(a, b) => {
            // The first attribute is copied into the second, in the second's own form (an
            // id 132 into a string slot is "132").
            let Some(value) = leaf(data, a).and_then(|s| s.node().scalar()).map(Owned::of) else { return };
            each_mut(data, b, &mut |slot| {
                let converted = match (slot.node().scalar(), &value) {
                    (Some(Scalar::Str(_)), Owned::Int(i)) => Owned::Str(i.to_string()),
                    (Some(Scalar::Int(_)), Owned::Str(s)) => s.parse().map(Owned::Int).unwrap_or(Owned::Str(s.clone())),
                    (_, v) => Owned::of(v.scalar()),
                };
                slot.set_scalar(&converted.scalar());
            });
        }
        Check::NotAfter(a, b) => {
            let later = match leaf(data, b).map(|s| s.node()) {
                Some(Node::Timestamp(t)) => Some(t.unix_millis()),
                _ => None,
            };
            let Some(later) = later else { return };
            each_mut(data, a, &mut |slot| {
                if let Some(t) = slot.timestamp_mut() {
                    if t.unix_millis() > later {
                        // The later instant, written in the earlier attribute's own form, so
                        // that a form the docs give stays a form the docs give.
                        *t = Timestamp::in_form(t.format(), later, false);
                    }
                }
            });
        }
        Check::KeysOf(path, names) => {
            if names.is_empty() {
                return;
            }
            each_mut(data, path, &mut |slot| {
                if let NodeMut::Keys(map) = slot.node_mut() {
                    for (i, key) in map.keys().into_iter().enumerate() {
                        if !names.contains(&key.as_str()) {
                            map.rename(&key, names[i % names.len()]);
                        }
                    }
                }
            });
        }
    }
}

//! The compiled validator: every violation of a payload straight from its bytes, in one
//! pass over the parser's tokens, without building the payload.
//!
//! Each type's [`WireScan::scan`] (written by the derive for objects, in `values.rs` and
//! `collections.rs` for the rest) follows the tokens as its `WireRead::read` does and
//! reports what `WireCheck::check` would report of the value read, at the same place and
//! in the same words. What it cannot know in one pass it settles at the end:
//!
//! - keys arrive in any order, but the typed walk reports an object's attributes in spec
//!   order: each violation carries its attribute's place and an object sorts its own (a
//!   stable sort, so what a nested object ordered stays ordered);
//! - a key sent twice is read for its last value, as the typed reader keeps it: what the
//!   earlier value reported, and what rules kept of it, is withdrawn;
//! - a rule's condition can come after what it constrains: the values the event's rules
//!   read (a [`Plan`] of their paths, made once per rule table) are kept as the typed
//!   reader would hold them, and the one rule interpreter runs on them at the end; a
//!   null that a `null` rule may allow is reported pending, and withdrawn when the rule
//!   turns out to be in force.

use std::collections::HashMap;
use std::sync::RwLock;

use super::attribute::{FieldSpec, Presence, ROOT};
use super::document::{mended, Doc};
use super::error::Error;
use super::field::Field;
use super::interpreter::Reach;
use super::node::{Scalar, Slot, WireNode};
use super::reader::{Peek, Reader, WireRead};
use super::rules::{Check, Path, Rule, EVENT_NAME};
use super::text::Text;
use super::validate::{push_escaped, Kind, Mode, Report, Violation, Walk, WireCheck};

/// How a type is validated straight from the bytes: the face of
/// [`Wire`](super::wire::Wire) the compiled validator drives. It builds on reading and
/// checking, which it does in one, and on the node face, for the values it keeps for the
/// rules (as slots, read again at the end).
pub trait WireScan: WireRead + WireCheck + WireNode + 'static {
    /// Reads one non-null value as [`WireRead::read`] does and reports at the scan's
    /// position what [`WireCheck::check`] (or the type mismatch) would report of it,
    /// building no more of it than the type needs.
    #[inline]
    fn scan(s: &mut Scan<'_>, peek: Peek, spec: &'static FieldSpec) -> Result<(), Error> {
        read_and_check::<Self>(s, peek, spec)
    }
}

/// No node of the plan: the position is on no rule's path.
const NONE: u32 = u32::MAX;

/// Unlisted keys of one object compared one by one up to this many; past it, through a
/// map, so a hostile object of many keys costs linear time.
const LINEAR_KEYS: usize = 8;

/// The paths the rules of one event read, as a tree from the payload root: which
/// positions keep their value for the rules, and which `null` rules name each position.
pub struct Plan {
    nodes: Vec<PlanNode>,
    event: u32,
    domain: u32,
    /// The node of each path of the table, by the address of its steps: the interpreter
    /// asks for the table's own paths, so finding one is a comparison of two numbers.
    paths: Vec<((usize, usize), u32)>,
    /// How many positions keep their value (a payload's `kept` starts this large).
    kept: usize,
}

struct PlanNode {
    parent: u32,
    /// Each child with its attribute's wire name (or `[]` for an array's items), so that
    /// finding one reads no other node.
    children: Vec<(&'static str, u32)>,
    /// Whether a rule reads the value here.
    keep: bool,
    /// The rules (indices into the table) whose `null` check names this position.
    null_rules: Vec<usize>,
}

impl Plan {
    fn new(rules: &'static [Rule]) -> Plan {
        let root = PlanNode { parent: NONE, children: Vec::new(), keep: false, null_rules: Vec::new() };
        let mut plan = Plan { nodes: vec![root], event: NONE, domain: NONE, paths: Vec::new(), kept: 2 };
        // The envelope's `event` for the check that it names this event, and `domain` with
        // it for dispatch.
        plan.event = plan.add(0, "event");
        plan.domain = plan.add(0, "domain");
        plan.nodes[plan.event as usize].keep = true;
        plan.nodes[plan.domain as usize].keep = true;
        for (i, rule) in rules.iter().enumerate() {
            if let Some(when) = &rule.when {
                plan.keep(when.path);
            }
            for path in check_paths(&rule.check) {
                let node = plan.keep(path);
                if matches!(rule.check, Check::Null(_)) {
                    plan.nodes[node as usize].null_rules.push(i);
                }
            }
        }
        plan
    }

    fn add(&mut self, parent: u32, name: &'static str) -> u32 {
        if let Some(c) = self.child_of(parent, name) {
            return c;
        }
        let id = self.nodes.len() as u32;
        self.nodes.push(PlanNode { parent, children: Vec::new(), keep: false, null_rules: Vec::new() });
        self.nodes[parent as usize].children.push((name, id));
        id
    }

    /// The node of a rule path (below `data`), made if new, marked as kept.
    fn keep(&mut self, path: Path) -> u32 {
        let mut node = self.add(0, "data");
        for seg in path.segments() {
            node = self.add(node, seg);
        }
        if !self.nodes[node as usize].keep {
            self.nodes[node as usize].keep = true;
            self.kept += 1;
        }
        self.paths.push((key_of(path), node));
        node
    }

    /// The node of a rule path (below `data`), if a rule names it.
    #[inline]
    fn find(&self, path: Path) -> Option<u32> {
        let key = key_of(path);
        match self.paths.iter().find(|(k, _)| *k == key) {
            Some((_, node)) => Some(*node),
            None => self.walk(path),
        }
    }

    /// [`Plan::find`] by the path's names, for a path that is not the table's own.
    fn walk(&self, path: Path) -> Option<u32> {
        let mut node = self.child_of(0, "data")?;
        for seg in path.segments() {
            node = self.child_of(node, seg)?;
        }
        Some(node)
    }

    fn child_of(&self, node: u32, name: &str) -> Option<u32> {
        self.nodes[node as usize].children.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
    }

    /// The node below `node` for attribute (or `[]`) `name`; [`NONE`] off every rule's path,
    /// which is where nearly every position of a payload is, and costs one comparison.
    #[inline]
    fn child(&self, node: u32, name: &str) -> u32 {
        if node == NONE {
            return NONE;
        }
        self.child_of(node, name).unwrap_or(NONE)
    }

    fn is_within(&self, mut node: u32, ancestor: u32) -> bool {
        while node != NONE {
            if node == ancestor {
                return true;
            }
            node = self.nodes[node as usize].parent;
        }
        false
    }
}

fn key_of(path: Path) -> (usize, usize) {
    (path.0.as_ptr() as usize, path.0.len())
}

/// The plan of a rule table, made on first use and kept (one per event of the spec).
fn plan(rules: &'static [Rule]) -> &'static Plan {
    static PLANS: RwLock<Vec<((usize, usize), &'static Plan)>> = RwLock::new(Vec::new());
    let key = (rules.as_ptr() as usize, rules.len());
    let find = |plans: &[((usize, usize), &'static Plan)]| plans.iter().find(|(k, _)| *k == key).map(|(_, p)| *p);
    if let Some(p) = find(&PLANS.read().unwrap_or_else(|e| e.into_inner())) {
        return p;
    }
    let mut plans = PLANS.write().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = find(&plans) {
        return p;
    }
    // Rule tables are statics of the generated code, so there are only ever as many plans
    // as events.
    let p: &'static Plan = Box::leak(Box::new(Plan::new(rules)));
    plans.push((key, p));
    p
}

#[derive(Clone, Copy)]
enum Step {
    Key(&'static str),
    Index(usize),
}

/// A violation found, with its place among its object's and what may withdraw it.
struct Found {
    /// Its text, for the violations a report keeps ([`Texts`]).
    v: Option<Box<Violation>>,
    /// Its place among the violations found, in the order found: the same in every pass.
    arrival: u32,
    /// The attribute (spec order) of the object being read that it was found under.
    tag: usize,
    /// For a refused null: the plan node whose `null` rules allow it when in force.
    allow: u32,
}

/// A value a rule may read: where it is, read as the typed reader holds it only when a
/// rule in force reads it (most `null` rules are not in force, and read nothing).
struct Kept {
    node: u32,
    /// The item of each `[]` step on the way.
    at: Vec<usize>,
    start: usize,
    end: usize,
    null: bool,
    read: Materialize,
}

/// Reads a kept value as its type (`T` of [`slot_of`]).
type Materialize = fn(&Reader<'_>, usize, usize, bool) -> Result<Box<dyn Slot>, Error>;

fn slot_of<T: WireScan>(r: &Reader<'_>, start: usize, end: usize, null: bool) -> Result<Box<dyn Slot>, Error> {
    Ok(Box::new(if null { Field::<T>::Null } else { r.reread::<T>(start, end)? }))
}

/// The paths a rule's check reads.
fn check_paths(check: &Check) -> impl Iterator<Item = Path> + '_ {
    let (list, pair): (&[Path], [Option<Path>; 2]) = match *check {
        Check::Null(paths) => (paths, [None, None]),
        Check::OneOf(path, _) | Check::KeysOf(path, _) => (&[], [Some(path), None]),
        Check::Same(a, b) | Check::NotAfter(a, b) => (&[], [Some(a), Some(b)]),
    };
    list.iter().copied().chain(pair.into_iter().flatten())
}

/// What one object's read remembers until its end.
#[doc(hidden)]
#[derive(Default)]
pub struct ObjScan {
    base: usize,
    /// Listed attributes sent again, in the order received.
    repeats: Vec<usize>,
    /// Unlisted keys, in the order received.
    unknown: Vec<UnknownKey>,
    /// Past [`LINEAR_KEYS`] unlisted keys: each key's latest entry.
    index: Option<HashMap<Text, usize>>,
}

struct UnknownKey {
    key: Text,
    start: usize,
    end: usize,
    /// An earlier value of a key the object sent again.
    duplicate: bool,
}

/// The state of one compiled validation: the reader, where it is, what it found and what
/// it kept for the rules.
pub struct Scan<'j> {
    r: Reader<'j>,
    mode: Mode,
    path: Vec<Step>,
    out: Vec<Found>,
    plan: &'static Plan,
    node: u32,
    kept: Vec<Kept>,
    texts: Texts,
    arrivals: u32,
}

/// Which violations a pass writes out in words. A report keeps [`Report::KEPT`]; the rest
/// are counted, so a payload of half a million wrong items does not hold half a million
/// messages. Which ones the report keeps is known only at the end (an object sorts its
/// own, a repeated key withdraws some), so the first pass writes the first found, and in
/// the rare payload where those are not the ones kept, a second pass writes exactly those.
enum Texts {
    First,
    Only(Vec<bool>),
}

/// How a pass ends: with the report, or asking for a second pass that writes these.
enum Concluded {
    Done(Scanned),
    Again(Vec<bool>),
}

impl<'j> Scan<'j> {
    /// The reader, for a derived `scan` to read keys with.
    #[inline]
    pub fn reader(&mut self) -> &mut Reader<'j> {
        &mut self.r
    }

    /// Whether the validation is in strict mode.
    #[inline]
    pub fn strict(&self) -> bool {
        self.mode == Mode::Strict
    }

    fn presence(&self, spec: &FieldSpec) -> Presence {
        match self.mode {
            Mode::Lenient => spec.lenient,
            Mode::Strict => spec.strict,
        }
    }

    fn pointer(&self) -> String {
        let mut p = String::new();
        for step in &self.path {
            p.push('/');
            match step {
                Step::Key(k) => push_escaped(&mut p, k),
                Step::Index(i) => p.push_str(&i.to_string()),
            }
        }
        p
    }

    /// The next violation's place, and whether this pass writes it out.
    fn arrive(&mut self) -> (u32, bool) {
        let at = self.arrivals;
        self.arrivals = self.arrivals.saturating_add(1);
        let writes = match &self.texts {
            Texts::First => (at as usize) < Report::KEPT,
            Texts::Only(wanted) => wanted.get(at as usize).copied().unwrap_or(false),
        };
        (at, writes)
    }

    fn push(&mut self, v: Option<Violation>, arrival: u32, allow: u32) {
        self.out.push(Found { v: v.map(Box::new), arrival, tag: 0, allow });
    }

    fn report(&mut self, kind: Kind, expected: impl Into<String>, found: impl Into<String>, message: String, allow: u32) {
        let (at, writes) = self.arrive();
        let v =
            writes.then(|| Violation { path: self.pointer(), kind, expected: expected.into(), found: found.into(), message, rule: None });
        self.push(v, at, allow);
    }

    fn report_at_key(&mut self, key: &str, kind: Kind, expected: &str, found: String, message: String) {
        let (at, writes) = self.arrive();
        let v = writes.then(|| {
            let mut path = self.pointer();
            path.push('/');
            push_escaped(&mut path, key);
            Violation { path, kind, expected: expected.into(), found, message, rule: None }
        });
        self.push(v, at, NONE);
    }

    /// Reports what the typed walk reports of a value read: its own checks, or that it does
    /// not fit its type.
    pub(crate) fn found<T: WireScan>(&mut self, field: &Field<T>, spec: &'static FieldSpec) {
        match field {
            Field::Value(v) if T::CHECKS => {
                let mut walk = Walk::bare(self.mode);
                v.check(&mut walk, spec);
                let report = walk.finish();
                if report.violations.is_empty() {
                    return;
                }
                let here = self.pointer();
                for mut v in report.violations {
                    let (at, writes) = self.arrive();
                    v.path.insert_str(0, &here);
                    self.push(writes.then_some(v), at, NONE);
                }
                for _ in 0..report.omitted {
                    let (at, _) = self.arrive();
                    self.push(None, at, NONE);
                }
            }
            Field::Invalid(raw) => {
                let m = T::mismatch(raw);
                self.report(m.kind, m.expected, m.found, m.message, NONE);
            }
            _ => {}
        }
    }

    /// Consumes a value of the wrong JSON type and reports it.
    pub fn wrong<T: WireScan>(&mut self, peek: Peek) -> Result<(), Error> {
        let field: Field<T> = self.r.invalid(peek)?;
        self.found(&field, &ROOT);
        Ok(())
    }

    /// Starts an object (after its opening token is known).
    #[inline]
    pub fn open(&self) -> ObjScan {
        ObjScan { base: self.out.len(), ..ObjScan::default() }
    }

    /// Reads listed attribute `index` of the object, `repeated` when its key came before.
    #[inline]
    pub fn field<T: WireScan>(&mut self, o: &mut ObjScan, repeated: bool, index: usize, spec: &'static FieldSpec) -> Result<(), Error> {
        let node = self.plan.child(self.node, spec.wire);
        if repeated {
            self.forget(o, index, node);
            o.repeats.push(index);
        }
        let first = self.out.len();
        let outer = std::mem::replace(&mut self.node, node);
        self.path.push(Step::Key(spec.wire));
        let peek = self.r.peek()?;
        let start = self.r.mark();
        if peek == Peek::Null {
            self.r.null()?;
            if !self.presence(spec).nullable {
                let allow = if node != NONE && !self.plan.nodes[node as usize].null_rules.is_empty() { node } else { NONE };
                self.report(Kind::Null, T::EXPECTED, "null", format!("expected {}, found null", T::EXPECTED), allow);
            }
        } else {
            T::scan(self, peek, spec)?;
        }
        if node != NONE && self.plan.nodes[node as usize].keep {
            self.keep::<T>(node, start, peek == Peek::Null);
        }
        self.path.pop();
        self.node = outer;
        for f in &mut self.out[first..] {
            f.tag = index;
        }
        Ok(())
    }

    /// A key sent again: what its earlier value reported and kept is withdrawn, as the
    /// typed reader keeps the later value only.
    #[cold]
    fn forget(&mut self, o: &ObjScan, index: usize, node: u32) {
        let tail = self.out.split_off(o.base);
        self.out.extend(tail.into_iter().filter(|f| f.tag != index));
        if node != NONE {
            let at: Vec<usize> = self.items_on_the_way();
            let plan = self.plan;
            self.kept.retain(|k| !(plan.is_within(k.node, node) && k.at.starts_with(&at)));
        }
    }

    fn items_on_the_way(&self) -> Vec<usize> {
        self.path
            .iter()
            .filter_map(|s| match s {
                Step::Index(i) => Some(*i),
                Step::Key(_) => None,
            })
            .collect()
    }

    fn keep<T: WireScan>(&mut self, node: u32, start: usize, null: bool) {
        let at = self.items_on_the_way();
        self.kept.push(Kept { node, at, start, end: self.r.mark(), null, read: slot_of::<T> });
    }

    /// Reads the kept values at the `wanted` nodes not read yet.
    fn materialize(&self, wanted: &[bool], slots: &mut [Option<Box<dyn Slot>>]) -> Result<(), Error> {
        for (k, slot) in self.kept.iter().zip(slots.iter_mut()) {
            if slot.is_none() && wanted[k.node as usize] {
                *slot = Some((k.read)(&self.r, k.start, k.end, k.null)?);
            }
        }
        Ok(())
    }

    /// An unlisted key of the object: its value is passed over, and remembered for the
    /// reports at the object's end.
    pub fn unknown(&mut self, o: &mut ObjScan, key: Text) -> Result<(), Error> {
        let peek = self.r.peek()?;
        let start = self.r.mark();
        self.r.skip_value(peek)?;
        let end = self.r.mark();
        let at = o.unknown.len();
        let earlier = match &mut o.index {
            Some(index) => index.insert(key.clone(), at),
            None => o.unknown.iter().rposition(|e| e.key == key && !e.duplicate),
        };
        if let Some(e) = earlier {
            o.unknown[e].duplicate = true;
        }
        o.unknown.push(UnknownKey { key, start, end, duplicate: false });
        if o.index.is_none() && o.unknown.len() > LINEAR_KEYS {
            let mut index = HashMap::new();
            for (i, e) in o.unknown.iter().enumerate().filter(|(_, e)| !e.duplicate) {
                index.insert(e.key.clone(), i);
            }
            o.index = Some(index);
        }
        Ok(())
    }

    /// Reports a listed attribute the object did not send, if it is required.
    pub fn absent(&mut self, index: usize, spec: &'static FieldSpec, expected: &'static str) {
        if self.presence(spec).optional {
            return;
        }
        self.path.push(Step::Key(spec.wire));
        self.report(Kind::Missing, expected, "nothing", format!("required attribute \"{}\" is missing", spec.wire), NONE);
        self.path.pop();
        if let Some(f) = self.out.last_mut() {
            f.tag = index;
        }
    }

    /// Ends an object: its violations in spec order, then its repeated keys and, in strict
    /// mode, its unlisted attributes, as the typed walk reports them.
    pub fn close(&mut self, o: ObjScan, specs: &'static [FieldSpec]) -> Result<(), Error> {
        let own = &mut self.out[o.base..];
        if own.windows(2).any(|w| w[0].tag > w[1].tag) {
            own.sort_by_key(|f| f.tag);
        }
        let mut repeats = o.repeats;
        repeats.sort_unstable();
        for i in repeats {
            self.duplicate(specs[i].wire);
        }
        for e in o.unknown.iter().filter(|e| e.duplicate) {
            self.duplicate(&e.key);
        }
        if self.strict() {
            for e in o.unknown.iter().filter(|e| !e.duplicate) {
                let found = self.r.raw_between(e.start, e.end)?.describe();
                let message = format!("attribute \"{}\" is not in the documentation", e.key);
                self.report_at_key(&e.key, Kind::UnknownField, "no such attribute", found, message);
            }
        }
        Ok(())
    }

    fn duplicate(&mut self, key: &str) {
        let message = format!("key \"{key}\" is sent more than once; the last value is read, as JSON parsers do");
        self.report_at_key(key, Kind::DuplicateKey, "each key once", "a repeated key".into(), message);
    }

    /// Reads an array's items (after its opening token), each as a `T`.
    pub(crate) fn items<T: WireScan>(&mut self, spec: &'static FieldSpec) -> Result<(), Error> {
        let node = self.plan.child(self.node, "[]");
        let outer = std::mem::replace(&mut self.node, node);
        let keep = node != NONE && self.plan.nodes[node as usize].keep;
        let mut next = self.r.first_item()?;
        let mut i = 0;
        while let Some(peek) = next {
            self.path.push(Step::Index(i));
            let start = self.r.mark();
            if peek == Peek::Null {
                self.r.null()?;
                self.report(Kind::Null, T::EXPECTED, "null", format!("expected {}, found a null item", T::EXPECTED), NONE);
            } else {
                T::scan(self, peek, spec)?;
            }
            if keep {
                self.keep::<T>(node, start, peek == Peek::Null);
            }
            self.path.pop();
            next = self.r.next_item()?;
            i += 1;
        }
        self.r.leave();
        self.node = outer;
        Ok(())
    }

    /// The violations in the typed walk's order, then that the envelope names the event,
    /// then the event's rules, on the values kept.
    fn conclude(self, event: &'static str, rules: &'static [Rule]) -> Result<Concluded, Error> {
        let plan = self.plan;
        let strict = self.mode == Mode::Strict;
        let mut slots: Vec<Option<Box<dyn Slot>>> = self.kept.iter().map(|_| None).collect();
        // The values conditions read, and the envelope's names; then what the rules in
        // force check.
        let mut wanted = vec![false; plan.nodes.len()];
        wanted[plan.event as usize] = true;
        wanted[plan.domain as usize] = true;
        for when in rules.iter().filter_map(|r| r.when.as_ref()) {
            if let Some(n) = plan.find(when.path) {
                wanted[n as usize] = true;
            }
        }
        self.materialize(&wanted, &mut slots)?;
        let in_force = super::interpreter::in_force(&KeptValues { plan, kept: &self.kept, slots: &slots }, rules, strict);
        for (rule, _) in rules.iter().zip(&in_force).filter(|(_, on)| **on) {
            for path in check_paths(&rule.check) {
                if let Some(n) = plan.find(path) {
                    wanted[n as usize] = true;
                }
            }
        }
        self.materialize(&wanted, &mut slots)?;
        let reach = KeptValues { plan, kept: &self.kept, slots: &slots };
        let allowed = |node: u32| plan.nodes[node as usize].null_rules.iter().any(|&i| in_force[i]);
        let mut found = self.out;
        found.retain(|f| f.allow == NONE || !allowed(f.allow));
        let listed = &found[..found.len().min(Report::KEPT)];
        if matches!(self.texts, Texts::First) && listed.iter().any(|f| f.v.is_none()) {
            let mut wanted = vec![false; self.arrivals as usize];
            for f in listed {
                wanted[f.arrival as usize] = true;
            }
            return Ok(Concluded::Again(wanted));
        }
        let mut report = Report::default();
        for f in found {
            match f.v {
                Some(v) => report.add(*v),
                // Not written in this pass: counted, as those past what the report keeps.
                None => report.omitted += 1,
            }
        }
        let text = |node: u32| match reach.at(node).map(|s| s.node()) {
            Some(super::node::Node::Scalar(Scalar::Str(s))) => Some(Text::from(s)),
            _ => None,
        };
        let (name, domain) = (text(plan.event), text(plan.domain));
        let mut walk = Walk::bare(self.mode);
        if let Some(name) = &name {
            if &**name != event {
                walk.push_key("event");
                walk.rule(&EVENT_NAME, format!("{event:?}"), format!("{name:?}"));
                walk.pop();
            }
        }
        super::interpreter::check(&reach, rules, &in_force, &mut walk);
        report.extend(walk.finish());
        Ok(Concluded::Done(Scanned { report, event: name, domain }))
    }
}

/// How a type without a `scan` of its own is scanned: read as the typed reader reads it,
/// then checked as the typed walk checks it.
pub fn read_and_check<T: WireScan>(s: &mut Scan<'_>, peek: Peek, spec: &'static FieldSpec) -> Result<(), Error> {
    let field = T::read(&mut s.r, peek)?;
    s.found(&field, spec);
    Ok(())
}

/// The values kept for the rules, as the rule interpreter reaches them: those read.
struct KeptValues<'a> {
    plan: &'a Plan,
    kept: &'a [Kept],
    slots: &'a [Option<Box<dyn Slot>>],
}

impl<'a> KeptValues<'a> {
    fn read(&self) -> impl DoubleEndedIterator<Item = (&'a Kept, &'a dyn Slot)> {
        self.kept.iter().zip(self.slots).filter_map(|(k, s)| Some((k, &**s.as_ref()? as &dyn Slot)))
    }

    fn at(&self, node: u32) -> Option<&'a dyn Slot> {
        self.read().rev().find(|(k, _)| k.node == node).map(|(_, s)| s)
    }
}

impl<'a> Reach<'a> for KeptValues<'a> {
    fn leaf(&self, path: Path) -> Option<&'a dyn Slot> {
        // Through an array there is no single slot: the typed walk finds no scalar there.
        if path.0.iter().any(|s| s.ends_with("[]")) {
            return None;
        }
        self.at(self.plan.find(path)?)
    }

    fn each(&self, path: Path, walk: &mut Walk<'a>, f: &mut dyn FnMut(&'a dyn Slot, &mut Walk<'a>)) {
        let Some(node) = self.plan.find(path) else { return };
        let mut hits: Vec<(&'a Kept, &'a dyn Slot)> = self.read().filter(|(k, _)| k.node == node).collect();
        hits.sort_by(|a, b| a.0.at.cmp(&b.0.at));
        for (k, slot) in hits {
            let mut items = k.at.iter();
            let mut depth = 0;
            for seg in path.segments() {
                if seg == "[]" {
                    walk.push_index(items.next().copied().unwrap_or_default());
                } else {
                    walk.push_key(seg);
                }
                depth += 1;
            }
            f(slot, walk);
            for _ in 0..depth {
                walk.pop();
            }
        }
    }
}

/// What the compiled validator found in a payload of one event.
#[derive(Debug)]
pub struct Scanned {
    /// Every violation, as the typed walk reports them.
    pub report: Report,
    /// The envelope's last `event` and `domain`, which must name the event scanned.
    pub(crate) event: Option<Text>,
    pub(crate) domain: Option<Text>,
}

/// Every violation of a payload whose type is `P` and whose event is `event`, with its
/// `rules`, read from the bytes without building it. Fails as the typed reader fails: on
/// malformed JSON or a non-object.
pub(crate) fn scan_document<P: WireScan>(bytes: &[u8], mode: Mode, event: &'static str, rules: &'static [Rule]) -> Result<Scanned, Error> {
    mended(bytes, |doc| {
        let mut texts = Texts::First;
        loop {
            match scan_pass::<P>(doc, mode, event, rules, texts)? {
                Concluded::Done(scanned) => return Ok(scanned),
                // A second pass ends `Done`: it writes what the first asked for.
                Concluded::Again(wanted) => texts = Texts::Only(wanted),
            }
        }
    })
}

fn scan_pass<P: WireScan>(doc: Doc<'_>, mode: Mode, event: &'static str, rules: &'static [Rule], texts: Texts) -> Result<Concluded, Error> {
    let mut r = Reader::of(doc);
    r.check_utf8()?;
    let peek = r.peek()?;
    if peek != Peek::Object {
        let field: Field<P> = r.field()?;
        r.finish()?;
        return Err(Error::NotAnObject {
            found: match field {
                Field::Invalid(raw) => raw.describe(),
                _ => "null".into(),
            },
        });
    }
    let plan = plan(rules);
    let mut s = Scan {
        r,
        mode,
        path: Vec::with_capacity(8),
        out: Vec::new(),
        plan,
        node: 0,
        kept: Vec::with_capacity(plan.kept),
        texts,
        arrivals: 0,
    };
    P::scan(&mut s, peek, &ROOT)?;
    s.r.finish()?;
    s.conclude(event, rules)
}

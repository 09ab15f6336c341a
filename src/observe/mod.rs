//! What a log of real payloads shows against the spec: for each event and each attribute
//! path met (documented or not) how often it is present, absent and null, the JSON types,
//! id and timestamp forms and short values seen, and the violations of both readings.
//!
//! Every count is bounded in memory: distinct values per path, undocumented paths per event,
//! violation kinds and unknown events are kept up to a limit and counted past it, so a log of
//! any length costs the same memory.

pub mod report;
pub mod suggest;
pub mod tree;
mod walk;

use std::collections::BTreeMap;
use std::ops::Range;

use freshworks_events::{Event, Kind, Mode, Report};

use tree::Tree;

/// Distinct (path, kind) violation counts kept per event and reading.
pub const VIOLATIONS_KEPT: usize = 1000;
/// Distinct unknown events kept.
pub const UNKNOWN_KEPT: usize = 1000;
/// Unreadable payloads whose place and reason are kept.
pub const UNREADABLE_KEPT: usize = 10;
/// The longest payload read; a longer line of a log is skipped (and counted), so that one
/// line cannot take the memory a log is promised not to.
pub const MAX_PAYLOAD: usize = 16 << 20;

/// One event's counts.
#[derive(Debug, Clone)]
pub struct EventStats {
    /// `product/event`.
    pub name: String,
    pub product: &'static str,
    pub event: &'static str,
    /// The spec file of the event (`freshchat/onAgentActivityCreate.yaml`).
    pub file: String,
    pub payloads: u64,
    pub tree: Tree,
    /// By reading (lenient, strict): (path, kind) to count.
    pub violations: [BTreeMap<(String, &'static str), u64>; 2],
    /// Violations not kept past [`VIOLATIONS_KEPT`] distinct kinds.
    pub violations_more: [u64; 2],
}

/// A payload that could not be read.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

/// Counts over every payload observed so far.
#[derive(Debug, Clone)]
pub struct Observer {
    pub events: Vec<EventStats>,
    /// (product key or `None`, event name) to count.
    pub unknown: BTreeMap<(Option<String>, String), u64>,
    pub unknown_more: u64,
    pub payloads: u64,
    pub unreadable: u64,
    pub unreadable_kept: Vec<Unreadable>,
    /// Every violation of the lenient reading is one of the strict reading too, for every
    /// payload (see [`lenient_within_strict`]): a payload the strict reading finds nothing
    /// wrong with but undocumented attributes (which only it reports) is not validated
    /// again in the lenient one.
    lenient_within_strict: bool,
    /// The payloads of [`Observer::lines`] read and waiting for their walk.
    read: Vec<(usize, Range<usize>, [Report; 2])>,
}

impl Observer {
    /// An observer of the events of `ir`, which must be the spec the models were generated
    /// from (the built-in one) for its counts to match the validator's.
    pub fn new(ir: &codegen::Ir) -> Observer {
        let events = ir
            .events
            .iter()
            .map(|e| {
                let product = freshworks_events::PRODUCTS.iter().find(|p| p.key == ir.product_of(e).key);
                let info = freshworks_events::EVENTS.iter().find(|i| i.name == e.name && Some(i.product) == product.map(|p| p.key));
                EventStats {
                    name: ir.qualified_name(e),
                    product: info.map_or("", |i| i.product),
                    event: info.map_or("", |i| i.name),
                    file: e.file.clone(),
                    payloads: 0,
                    tree: Tree::new(ir, e.payload),
                    violations: Default::default(),
                    violations_more: [0; 2],
                }
            })
            .collect();
        Observer {
            events,
            unknown: BTreeMap::new(),
            unknown_more: 0,
            payloads: 0,
            unreadable: 0,
            unreadable_kept: Vec::new(),
            lenient_within_strict: lenient_within_strict(ir),
            read: Vec::new(),
        }
    }

    /// An observer with the same events and nothing counted, for another thread.
    pub fn fresh(&self) -> Observer {
        let mut o = self.clone();
        o.payloads = 0;
        o.unreadable = 0;
        o.unreadable_kept.clear();
        o.unknown.clear();
        o.unknown_more = 0;
        for e in &mut o.events {
            e.payloads = 0;
            e.violations = Default::default();
            e.violations_more = [0; 2];
            e.tree.paths_more = 0;
            for n in &mut e.tree.nodes {
                n.stats = Default::default();
            }
        }
        o
    }

    /// Counts one payload; `file` and `line` say where it is, for an unreadable one.
    pub fn payload(&mut self, file: &str, line: Option<usize>, bytes: &[u8]) {
        if let Some((event, reports)) = self.read(file, line, bytes) {
            self.walk(event, bytes, reports);
        }
    }

    /// Counts the payloads of a run of a log's lines (each its number and its place in
    /// `data`) as [`Observer::payload`] does one after another: all read and validated
    /// first, then all walked, so that each of the two keeps its code and data in the
    /// processor's caches from one payload to the next.
    pub fn lines(&mut self, file: &str, data: &[u8], lines: &[(usize, Range<usize>)]) {
        let mut read = std::mem::take(&mut self.read);
        for (number, range) in lines {
            if let Some((event, reports)) = self.read(file, Some(*number), &data[range.clone()]) {
                read.push((event, range.clone(), reports));
            }
        }
        for (event, range, reports) in read.drain(..) {
            self.walk(event, &data[range], reports);
        }
        self.read = read;
    }

    /// Reads and validates one payload and counts it, unless it is unreadable or of an
    /// unknown event: then the event it is of (in `events`) and the reports of both
    /// readings, for [`Observer::walk`].
    fn read(&mut self, file: &str, line: Option<usize>, bytes: &[u8]) -> Option<(usize, [Report; 2])> {
        self.payloads += 1;
        if bytes.len() > MAX_PAYLOAD {
            self.unreadable(file, line, format!("a payload of more than {} MB is not read", MAX_PAYLOAD >> 20));
            return None;
        }
        let event = match Event::parse(bytes) {
            Ok(Event::Unknown(u)) => return self.unknown_event(u.product, u.event),
            Ok(event) => event,
            Err(freshworks_events::Error::UnsupportedEvent { product, event, .. }) => {
                let key = freshworks_events::PRODUCTS.iter().find(|p| p.title == product).map(|p| p.key.to_string());
                return self.unknown_event(key, event);
            }
            Err(freshworks_events::Error::UnknownEvent { event, .. }) => return self.unknown_event(None, event),
            Err(e) => {
                self.unreadable(file, line, e.to_string());
                return None;
            }
        };
        let info = event.kind()?.info();
        let index = self.events.iter().position(|e| e.product == info.product && e.event == info.name)?;
        self.events[index].payloads += 1;
        let strict = event.validate(Mode::Strict);
        let lenient = if self.lenient_within_strict && strict.omitted == 0 && strict.violations.iter().all(|v| v.kind == Kind::UnknownField)
        {
            Report::default()
        } else {
            event.validate(Mode::Lenient)
        };
        Some((index, [lenient, strict]))
    }

    /// Walks a payload read into its event's tree, then counts its violations (after the
    /// walk, which makes the paths they name).
    fn walk(&mut self, event: usize, bytes: &[u8], reports: [Report; 2]) {
        let stats = &mut self.events[event];
        // The typed parse accepted the bytes, so the walk over the same bytes succeeds; a
        // failure would only stop the counts of this payload short.
        walk::payload(&mut stats.tree, bytes);
        for (reading, report) in reports.into_iter().enumerate() {
            // Past what a report keeps, the paths are not known: counted as the rest.
            stats.violations_more[reading] += report.omitted as u64;
            for v in report.violations {
                let key = (stats.tree.pointer_path(&v.path), v.kind.as_str());
                let map = &mut stats.violations[reading];
                if let Some(c) = map.get_mut(&key) {
                    *c += 1;
                } else if map.len() < VIOLATIONS_KEPT {
                    map.insert(key, 1);
                } else {
                    stats.violations_more[reading] += 1;
                }
            }
        }
    }

    /// Counts a payload that could not be read, saying why.
    pub fn unreadable(&mut self, file: &str, line: Option<usize>, message: String) {
        self.unreadable += 1;
        if self.unreadable_kept.len() < UNREADABLE_KEPT {
            self.unreadable_kept.push(Unreadable { file: file.to_string(), line, message });
        }
    }

    fn unknown_event<T>(&mut self, product: Option<String>, event: String) -> Option<T> {
        let key = (product, event);
        if let Some(c) = self.unknown.get_mut(&key) {
            *c += 1;
        } else if self.unknown.len() < UNKNOWN_KEPT {
            self.unknown.insert(key, 1);
        } else {
            self.unknown_more += 1;
        }
        None
    }

    /// Adds the counts of another observer of the same spec (another thread's), as if its
    /// payloads came after these.
    pub fn merge(&mut self, other: &Observer) {
        self.payloads += other.payloads;
        self.unreadable += other.unreadable;
        for u in &other.unreadable_kept {
            if self.unreadable_kept.len() < UNREADABLE_KEPT {
                self.unreadable_kept.push(u.clone());
            }
        }
        for (key, n) in &other.unknown {
            if let Some(c) = self.unknown.get_mut(key) {
                *c += n;
            } else if self.unknown.len() < UNKNOWN_KEPT {
                self.unknown.insert(key.clone(), *n);
            } else {
                self.unknown_more += n;
            }
        }
        self.unknown_more += other.unknown_more;
        for (mine, theirs) in self.events.iter_mut().zip(&other.events) {
            mine.payloads += theirs.payloads;
            mine.tree.merge(&theirs.tree);
            for reading in 0..2 {
                for (key, n) in &theirs.violations[reading] {
                    let map = &mut mine.violations[reading];
                    if let Some(c) = map.get_mut(key) {
                        *c += n;
                    } else if map.len() < VIOLATIONS_KEPT {
                        map.insert(key.clone(), *n);
                    } else {
                        mine.violations_more[reading] += n;
                    }
                }
                mine.violations_more[reading] += theirs.violations_more[reading];
            }
        }
    }
}

/// Whether the lenient reading finds nothing the strict one does not, in every payload of
/// the spec `ir`: what the models' validation of the two readings differs in beyond
/// presence and rules is checked in the strict reading only (unknown attributes, unlisted
/// values of open enums, timestamp and id forms, null map values), so it holds when every
/// attribute the strict reading lets be absent or null the lenient one does too, and no
/// rule of the strict reading only allows a null (which could excuse in the strict reading
/// a null the lenient one reports).
fn lenient_within_strict(ir: &codegen::Ir) -> bool {
    let fields = ir.types.iter().flat_map(|t| match &t.kind {
        codegen::ir::TypeKind::Object(fields) => fields.as_slice(),
        codegen::ir::TypeKind::Enum(_) => &[],
    });
    let presence = fields.into_iter().all(|f| (f.lenient.optional || !f.strict.optional) && (f.lenient.nullable || !f.strict.nullable));
    let rules = ir.events.iter().flat_map(|e| &e.rules).all(|r| !(r.strict_only && matches!(r.check, codegen::ir::Check::Null(_))));
    presence && rules
}

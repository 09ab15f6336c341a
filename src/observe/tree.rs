//! The attribute tree of one event: the paths the spec documents, built from the IR, and
//! the paths a log shows, added as they are met, each with its counts.

use codegen::ir::{EnumRepr, Field, Ir, Literal, Ty, TypeId, TypeKind};

/// Distinct values kept per path; more are counted, not kept.
pub const VALUES_KEPT: usize = 16;
/// Undocumented paths kept per event; more are counted, not kept.
pub const PATHS_KEPT: usize = 1000;
/// A string value longer than this (in bytes) is not kept as a value.
pub const SHORT_STRING: usize = 40;
/// Characters of an undocumented attribute's example kept.
pub const EXAMPLE_CHARS: usize = 60;

/// What the spec says of a documented attribute.
#[derive(Debug, Clone)]
pub struct Doc {
    pub expect: Expect,
    /// The spec's type in words (`id (string or integer); documented string`).
    pub words: String,
    /// Listed values of an enum (wire text: the string, or the integer's digits).
    pub values: Vec<String>,
    /// The enum keeps other values.
    pub open: bool,
    pub required_lenient: bool,
    pub required_strict: bool,
    pub nullable_strict: bool,
    /// Where the spec defines it (`types.ChatActor.email`).
    pub spec_path: String,
    /// The spec file and YAML keys of the attribute's definition.
    pub at: Option<Place>,
    /// Where attributes of the object it holds are defined (objects only).
    pub fields_at: Option<Place>,
    /// Where the values of the closed enum it holds are listed (closed string enums only).
    pub enum_at: Option<Place>,
    /// The spec already explains how the pages and payloads differ.
    pub has_quirk: bool,
    /// The documented form of an id.
    pub id_form: Option<&'static str>,
    /// The strict forms of a timestamp.
    pub formats: Vec<&'static str>,
}

/// A place in a spec file: the file (relative to the spec directory) and the YAML keys from
/// its top to a mapping or list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub keys: Vec<String>,
}

/// The JSON shape a documented attribute is declared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    String,
    Integer,
    Number,
    Boolean,
    Timestamp,
    Id,
    Any,
    Change,
    Array,
    Map,
    Object,
    StrEnum,
    IntEnum,
}

/// How a node hangs below its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Root,
    Key,
    /// Every element of an array (`[]`).
    Item,
    /// Every value of a map (`*`).
    Value,
}

/// What a path's name suggests its values are, for the forms worth counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    Plain,
    Id,
    Timestamp,
}

/// The JSON types, in the order reports list them.
pub const TYPE_NAMES: [&str; 6] = ["string", "integer", "number", "boolean", "object", "array"];

/// A value seen, as kept for counting.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Seen {
    Str(Box<str>),
    /// An integer's text.
    Int(Box<str>),
    Bool(bool),
}

impl Seen {
    /// The value's [`print`].
    pub fn print(&self) -> u64 {
        match self {
            Seen::Str(s) => print(0, s.as_bytes()),
            Seen::Int(i) => print(1, i.as_bytes()),
            Seen::Bool(b) => print(2, &[*b as u8]),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Seen::Str(s) => serde_json::Value::String(s.to_string()),
            Seen::Int(i) => serde_json::from_str(i).unwrap_or(serde_json::Value::Null),
            Seen::Bool(b) => serde_json::Value::Bool(*b),
        }
    }
}

/// A cheap summary of a value (its kind, length and first and last eight bytes): values
/// with different prints differ, so a value is compared in full only with the kept values
/// of the same print.
pub fn print(kind: u8, bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let (head, tail) = if n >= 8 { (word(bytes, 0), word(bytes, n - 8)) } else { (short_word(bytes), 0) };
    head ^ tail.rotate_left(29) ^ ((n as u64) << 2 | kind as u64).rotate_left(53)
}

/// The eight bytes of `b` at `i` (which has that many after it) as one word.
#[inline]
fn word(b: &[u8], i: usize) -> u64 {
    b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).map_or(0, u64::from_le_bytes)
}

/// The bytes of `b` (fewer than eight) as one word.
#[inline]
fn short_word(b: &[u8]) -> u64 {
    b.iter().fold(0u64, |w, &c| (w << 8) | c as u64)
}

/// Counts at one path.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Times the key was there (null included); for `[]` and `*`, items seen.
    pub present: u64,
    pub null: u64,
    /// Counts by [`TYPE_NAMES`].
    pub types: [u64; 6],
    /// Id or timestamp forms seen, by name.
    pub forms: Vec<(&'static str, u64)>,
    /// The values kept: while there are more distinct ones than [`VALUES_KEPT`], those of
    /// lowest [`rank`], so which are kept depends on what the log holds, never on its order
    /// or on how it is split between threads (each part keeps every value the whole log
    /// keeps, with its exact count, and the merge keeps the lowest again).
    pub values: Vec<(Seen, u64)>,
    /// Occurrences of values not kept.
    pub values_more: u64,
    /// The first value seen, cut short (undocumented paths only).
    pub example: Option<String>,
    /// The [`print`] of each value in `values`, and a bit for each of them (six bits of its
    /// print, mixed): a value whose bit is not set is none of them.
    prints: Vec<u64>,
    bits: u64,
    /// With `values` full: the highest rank among them, which a new value must be below.
    worst: u64,
}

/// Where a value stands among the distinct values of a path: its print, mixed, so that
/// the values kept are a fair sample of the many. Ties are broken by the value itself.
fn rank(print: u64) -> u64 {
    print.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The bit of `bits` that a value of this rank sets (six of its bits).
fn bit(rank: u64) -> u64 {
    1u64 << (rank >> 58)
}

impl Stats {
    pub fn form(&mut self, name: &'static str) {
        // The names are a few static strings: the same name is most often the same text.
        match self.forms.iter_mut().find(|(n, _)| std::ptr::eq(*n, name) || *n == name) {
            Some((_, c)) => *c += 1,
            None => self.forms.push((name, 1)),
        }
    }

    /// Counts a value whose [`print`] is `print`: `matches` tells it from a kept value,
    /// `seen` makes it to keep.
    pub fn value(&mut self, print: u64, seen: impl FnOnce() -> Seen, matches: impl Fn(&Seen) -> bool) {
        self.value_n(print, seen, matches, 1)
    }

    fn value_n(&mut self, print: u64, seen: impl FnOnce() -> Seen, matches: impl Fn(&Seen) -> bool, n: u64) {
        let mine = rank(print);
        let found = if self.bits & bit(mine) == 0 {
            None
        } else {
            self.prints.iter().zip(&self.values).position(|(&p, (v, _))| p == print && matches(v))
        };
        if let Some(i) = found {
            self.values[i].1 += n;
            return;
        }
        if self.values.len() < VALUES_KEPT {
            self.keep(seen(), print, n);
            return;
        }
        // Full: a value ranked above every kept one is only counted (the common case of a
        // path of many distinct values, decided on one comparison).
        if mine > self.worst {
            self.values_more += n;
            return;
        }
        let value = seen();
        let worst = (0..self.values.len()).max_by(|&a, &b| self.order(a).cmp(&self.order(b))).unwrap_or(0);
        if (mine, &value) > self.order(worst) {
            self.values_more += n;
            return;
        }
        let (_, gone) = self.values.swap_remove(worst);
        self.prints.swap_remove(worst);
        self.values_more += gone;
        self.keep(value, print, n);
    }

    /// Keeps a value (there is room), with what finding values reads of the kept ones.
    fn keep(&mut self, value: Seen, print: u64, n: u64) {
        self.values.push((value, n));
        self.prints.push(print);
        self.bits = self.prints.iter().fold(0, |b, &p| b | bit(rank(p)));
        self.worst = self.prints.iter().map(|&p| rank(p)).max().unwrap_or(0);
    }

    /// The kept value at `i` in rank order.
    fn order(&self, i: usize) -> (u64, &Seen) {
        (rank(self.prints[i]), &self.values[i].0)
    }

    fn merge(&mut self, other: &Stats) {
        self.present += other.present;
        self.null += other.null;
        for (a, b) in self.types.iter_mut().zip(other.types) {
            *a += b;
        }
        for (name, n) in &other.forms {
            match self.forms.iter_mut().find(|(m, _)| m == name) {
                Some((_, c)) => *c += n,
                None => self.forms.push((name, *n)),
            }
        }
        for (v, n) in &other.values {
            self.value_n(v.print(), || v.clone(), |w| w == v, *n);
        }
        self.values_more += other.values_more;
        if self.example.is_none() {
            self.example.clone_from(&other.example);
        }
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub key: Box<str>,
    pub step: Step,
    pub parent: usize,
    /// Boxed: the walk visits a node far more often than anything reads its documentation,
    /// and a small node keeps what it visits close together.
    pub doc: Option<Box<Doc>>,
    pub looks: Looks,
    pub children: Vec<usize>,
    /// The children reached by a key, for the walk to match keys as bytes: each with its
    /// key's place in `key_bytes`, the keys one after another, each followed by a quote.
    keys: Vec<KeyAt>,
    key_bytes: Vec<u8>,
    /// Where in `keys` the first key of an object here is looked for first (and, in each
    /// key, the key after it): payloads of an event send their keys in much the same
    /// order, so the key that came next last time usually comes next again.
    first_key: usize,
    /// The child every element of an array leads to (`[]`), once made.
    item: Option<usize>,
    /// The one child of a documented map, every key leads to (`*`).
    value: Option<usize>,
    /// What the walk counts of the values here (see [`Counted`]).
    pub(super) counted: Counted,
    pub stats: Stats,
}

/// A child reached by a key: its node, its key in the parent's `key_bytes`, and where in
/// the parent's `keys` the key after it is looked for first.
#[derive(Debug, Clone, Copy)]
struct KeyAt {
    child: usize,
    start: usize,
    len: usize,
    next: usize,
    /// The key holds no quote and no backslash: the bytes of a payload's key, up to its
    /// closing quote, are the key exactly when they are these bytes and a quote.
    plain: bool,
}

/// Which values of a node are counted, from its documentation: booleans (undocumented or
/// documented boolean), integers' text (undocumented or an integer enum), and whether its
/// strings are a string enum's (kept longer); `example` for an undocumented node.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Counted {
    pub bools: bool,
    pub ints: bool,
    pub listed: bool,
    pub example: bool,
}

impl Counted {
    fn of(doc: Option<&Doc>) -> Counted {
        let expect = doc.map(|d| d.expect);
        Counted {
            bools: expect.is_none_or(|e| e == Expect::Boolean),
            ints: expect.is_none_or(|e| e == Expect::IntEnum),
            listed: expect == Some(Expect::StrEnum),
            example: doc.is_none(),
        }
    }
}

impl Node {
    /// Notes that the key at `at` came after the key at `prev`.
    #[inline]
    fn follow(&mut self, prev: Option<usize>, at: usize) {
        match prev.and_then(|p| self.keys.get_mut(p)) {
            Some(k) => k.next = at,
            None => self.first_key = at,
        }
    }
}

/// The tree of one event; node 0 is the payload itself.
#[derive(Debug, Clone)]
pub struct Tree {
    pub nodes: Vec<Node>,
    documented: usize,
    /// Paths met but not kept (past [`PATHS_KEPT`]), counted once per occurrence.
    pub paths_more: u64,
}

impl Tree {
    /// The documented paths of the event whose envelope type is `payload`.
    pub fn new(ir: &Ir, payload: TypeId) -> Tree {
        let root = Node {
            key: "".into(),
            step: Step::Root,
            parent: 0,
            doc: None,
            looks: Looks::Plain,
            children: Vec::new(),
            keys: Vec::new(),
            key_bytes: Vec::new(),
            first_key: 0,
            item: None,
            value: None,
            counted: Counted::of(None),
            stats: Stats::default(),
        };
        let mut tree = Tree { nodes: vec![root], documented: 0, paths_more: 0 };
        let mut stack = Vec::new();
        tree.object(ir, payload, 0, &mut stack);
        tree.documented = tree.nodes.len();
        tree
    }

    fn object(&mut self, ir: &Ir, ty: TypeId, parent: usize, stack: &mut Vec<TypeId>) {
        // A recursive type is documented to the depth of its first use.
        if stack.contains(&ty) {
            return;
        }
        stack.push(ty);
        for f in ir.fields(ty) {
            let mut d = doc(ir, f, &f.ty);
            d.at = Some(Place { file: file_of(ir, ty), keys: yaml_keys(&f.spec_path) });
            let node = self.push(parent, &f.wire, Step::Key, Some(d));
            self.inner(ir, f, &f.ty, node, stack);
        }
        stack.pop();
    }

    fn inner(&mut self, ir: &Ir, f: &Field, ty: &Ty, node: usize, stack: &mut Vec<TypeId>) {
        match ty {
            Ty::Array(item) => {
                let child = self.push(node, "[]", Step::Item, Some(doc(ir, f, item)));
                self.inner(ir, f, item, child, stack);
            }
            Ty::Map(value) => {
                let child = self.push(node, "*", Step::Value, Some(doc(ir, f, value)));
                self.inner(ir, f, value, child, stack);
            }
            Ty::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Object(_)) => {
                let t = ir.ty(*id);
                let mut keys = yaml_keys(&t.spec_path);
                // `data` and the envelope hold their attributes directly; objects in `fields`.
                if t.spec_path != "data" && t.spec_path != "envelope" {
                    keys.push("fields".into());
                }
                if let Some(d) = self.nodes[node].doc.as_mut() {
                    d.fields_at = Some(Place { file: file_of(ir, *id), keys });
                }
                self.object(ir, *id, node, stack)
            }
            Ty::Named(id) => {
                if let TypeKind::Enum(e) = &ir.ty(*id).kind {
                    if !e.open && e.repr == EnumRepr::Str {
                        let mut keys = yaml_keys(&ir.ty(*id).spec_path);
                        keys.push("enum".into());
                        if let Some(d) = self.nodes[node].doc.as_mut() {
                            d.enum_at = Some(Place { file: file_of(ir, *id), keys });
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, parent: usize, key: &str, step: Step, doc: Option<Doc>) -> usize {
        let looks = match doc.as_ref().map(|d| d.expect) {
            Some(Expect::Id) => Looks::Id,
            Some(Expect::Timestamp) => Looks::Timestamp,
            Some(_) => Looks::Plain,
            None if step == Step::Key => looks(key),
            None => self.nodes[parent].looks,
        };
        let index = self.nodes.len();
        let counted = Counted::of(doc.as_ref());
        self.nodes.push(Node {
            key: key.into(),
            step,
            parent,
            doc: doc.map(Box::new),
            looks,
            children: Vec::new(),
            keys: Vec::new(),
            key_bytes: Vec::new(),
            first_key: 0,
            item: None,
            value: None,
            counted,
            stats: Stats::default(),
        });
        let p = &mut self.nodes[parent];
        match step {
            Step::Key => {
                let plain = !key.bytes().any(|b| b == b'"' || b == b'\\');
                p.keys.push(KeyAt { child: index, start: p.key_bytes.len(), len: key.len(), next: 0, plain });
                p.key_bytes.extend_from_slice(key.as_bytes());
                p.key_bytes.push(b'"');
            }
            Step::Item if p.item.is_none() => p.item = Some(index),
            Step::Value if p.children.is_empty() => p.value = Some(index),
            _ => {}
        }
        p.children.push(index);
        index
    }

    /// The key of an object at `node` likely to come after the key at `prev` of its keys
    /// (`None`: the first key): where it is in the keys, and its bytes and a quote, when
    /// they tell it from the bytes of a payload (it has no quote nor backslash).
    #[inline]
    pub(super) fn expected(&self, node: usize, prev: Option<usize>) -> Option<(usize, &[u8])> {
        let n = &self.nodes[node];
        let at = match prev {
            Some(p) => n.keys.get(p)?.next,
            None => n.first_key,
        };
        let k = n.keys.get(at).filter(|k| k.plain)?;
        Some((at, n.key_bytes.get(k.start..k.start + k.len + 1)?))
    }

    /// The child of the key at `at` of `node`'s keys, met after the key at `prev`.
    #[inline]
    pub(super) fn met(&mut self, node: usize, prev: Option<usize>, at: usize) -> usize {
        let n = &mut self.nodes[node];
        n.follow(prev, at);
        n.keys[at].child
    }

    /// The child of `node` that `key` (the key's text, as bytes) leads to, made when new,
    /// and where that key is in `node`'s keys (`None` for a documented map's value);
    /// `None` past the limit. `prev` is where the key before it in the same object is
    /// (`None` for the first).
    pub fn key(&mut self, node: usize, key: &[u8], prev: Option<usize>) -> Option<(usize, Option<usize>)> {
        let n = &self.nodes[node];
        // A documented map sends any key to its one value node.
        if let Some(value) = n.value {
            return Some((value, None));
        }
        let found = n.keys.iter().position(|k| n.key_bytes.get(k.start..k.start + k.len) == Some(key));
        let at = match found {
            Some(at) => at,
            None => {
                self.new_child(node, &String::from_utf8_lossy(key), Step::Key)?;
                self.nodes[node].keys.len() - 1
            }
        };
        Some((self.met(node, prev, at), Some(at)))
    }

    /// The item node of the array at `node`.
    pub fn item(&mut self, node: usize) -> Option<usize> {
        if let Some(c) = self.nodes[node].item {
            return Some(c);
        }
        self.new_child(node, "[]", Step::Item)
    }

    fn new_child(&mut self, node: usize, key: &str, step: Step) -> Option<usize> {
        if self.nodes.len() - self.documented >= PATHS_KEPT {
            self.paths_more += 1;
            return None;
        }
        // Inside a value documented as any JSON, or a change pair, every path is covered by
        // that documentation.
        let doc = self.nodes[node].doc.as_ref().filter(|d| matches!(d.expect, Expect::Any | Expect::Change)).map(|d| Doc {
            expect: Expect::Any,
            words: "any JSON value".into(),
            values: Vec::new(),
            open: true,
            required_lenient: false,
            required_strict: false,
            nullable_strict: true,
            spec_path: d.spec_path.clone(),
            at: None,
            fields_at: None,
            enum_at: None,
            has_quirk: true,
            id_form: None,
            formats: Vec::new(),
        });
        Some(self.push(node, key, step, doc))
    }

    /// The path as the reference writes it: `data.actor.social_profiles[].type`.
    pub fn path(&self, mut node: usize) -> String {
        let mut parts = Vec::new();
        while node != 0 {
            parts.push(node);
            node = self.nodes[node].parent;
        }
        let mut s = String::new();
        for &n in parts.iter().rev() {
            let node = &self.nodes[n];
            match node.step {
                Step::Item => s.push_str("[]"),
                Step::Value => s.push_str(".*"),
                _ => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(&node.key);
                }
            }
        }
        s
    }

    /// Whether a node is documented: its own, or as the item or value of a documented one.
    pub fn documented(&self, node: usize) -> bool {
        self.nodes[node].doc.is_some()
    }

    /// How often the node's parent was an object: the times the key could have been there.
    pub fn chances(&self, node: usize) -> u64 {
        self.nodes[self.nodes[node].parent].stats.types[4]
    }

    /// The reference path of a JSON Pointer into a payload of this event
    /// (`/data/actor/social_profiles/0/type` is `data.actor.social_profiles[].type`).
    pub fn pointer_path(&self, pointer: &str) -> String {
        let mut node = Some(0);
        let mut s = String::new();
        for raw in pointer.split('/').skip(1) {
            let seg = if raw.contains('~') { raw.replace("~1", "/").replace("~0", "~").into() } else { std::borrow::Cow::Borrowed(raw) };
            let here = node.map(|n| &self.nodes[n]);
            let item = here.and_then(|n| n.children.iter().copied().find(|&c| self.nodes[c].step == Step::Item));
            let value = here.and_then(|n| n.children.iter().copied().find(|&c| self.nodes[c].step == Step::Value));
            if let (Some(i), true) = (item, !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit())) {
                s.push_str("[]");
                node = Some(i);
            } else if let Some(v) = value {
                s.push_str(".*");
                node = Some(v);
            } else {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(&seg);
                node =
                    here.and_then(|n| n.children.iter().copied().find(|&c| self.nodes[c].step == Step::Key && *self.nodes[c].key == *seg));
            }
        }
        s
    }

    /// Adds another tree's counts of the same event (a tree built from the same spec).
    pub fn merge(&mut self, other: &Tree) {
        self.merge_node(0, other, 0);
        self.paths_more += other.paths_more;
    }

    fn merge_node(&mut self, mine: usize, other: &Tree, theirs: usize) {
        let o = &other.nodes[theirs];
        self.nodes[mine].stats.merge(&o.stats);
        for &c in &o.children {
            let child = &other.nodes[c];
            let found =
                self.nodes[mine].children.iter().copied().find(|&m| self.nodes[m].step == child.step && self.nodes[m].key == child.key);
            let target = match found {
                Some(m) => Some(m),
                None => self.new_child(mine, &child.key, child.step),
            };
            match target {
                Some(m) => self.merge_node(m, other, c),
                None => self.paths_more += child.stats.present,
            }
        }
    }
}

fn doc(ir: &Ir, f: &Field, ty: &Ty) -> Doc {
    let (expect, values, open) = match ty {
        Ty::String => (Expect::String, vec![], false),
        Ty::Integer => (Expect::Integer, vec![], false),
        Ty::Number => (Expect::Number, vec![], false),
        Ty::Boolean => (Expect::Boolean, vec![], false),
        Ty::Timestamp => (Expect::Timestamp, vec![], false),
        Ty::Id => (Expect::Id, vec![], false),
        Ty::Any | Ty::Unresolved => (Expect::Any, vec![], false),
        Ty::Change(_) => (Expect::Change, vec![], false),
        Ty::Array(_) => (Expect::Array, vec![], false),
        Ty::Map(_) => (Expect::Map, vec![], false),
        Ty::Named(id) => match &ir.ty(*id).kind {
            TypeKind::Object(_) => (Expect::Object, vec![], false),
            TypeKind::Enum(e) => {
                let values = e
                    .variants
                    .iter()
                    .map(|v| match &v.wire {
                        Literal::Str(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect();
                let expect = if e.repr == EnumRepr::Int { Expect::IntEnum } else { Expect::StrEnum };
                (expect, values, e.open)
            }
        },
    };
    Doc {
        expect,
        words: codegen::words::type_words(ir, ty, codegen::words::Style::Docs),
        values,
        open,
        required_lenient: !f.lenient.optional,
        required_strict: !f.strict.optional,
        nullable_strict: f.strict.nullable,
        spec_path: f.spec_path.clone(),
        at: None,
        fields_at: None,
        enum_at: None,
        has_quirk: f.quirk.is_some(),
        id_form: f.id_form.map(|i| i.name()),
        formats: f.formats.iter().map(|t| t.name()).collect(),
    }
}

/// The spec file that defines type `id`: `spec.yaml` for the envelope, the shared types'
/// file for a shared type (also when an event reads its own copy), else the event's file.
fn file_of(ir: &Ir, id: TypeId) -> String {
    let t = ir.ty(id);
    if t.spec_path == "envelope" {
        return "spec.yaml".into();
    }
    let shared = ir.modules[0].types.iter().any(|&s| ir.ty(s).spec_path == t.spec_path);
    if shared {
        ir.modules[0].source.clone()
    } else {
        ir.modules[t.module].source.clone()
    }
}

/// The YAML keys of a spec path: `data.agent_availability.channel_availability[].channel`
/// is `data / agent_availability / fields / channel_availability / items / fields / channel`,
/// `types.ChatActor.email` is `types / ChatActor / fields / email`, `{}` a map's `values`.
pub fn yaml_keys(spec_path: &str) -> Vec<String> {
    let segs: Vec<&str> = spec_path.split('.').collect();
    let (mut keys, rest, mut direct) = match segs.first() {
        Some(&"types") if segs.len() >= 2 => (vec!["types".to_string(), segs[1].to_string()], &segs[2..], false),
        Some(root) => (vec![root.to_string()], &segs[1..], true),
        None => (Vec::new(), &segs[..], false),
    };
    for seg in rest {
        if !direct {
            keys.push("fields".into());
        }
        direct = false;
        let name = seg.trim_end_matches(['[', ']', '{', '}']);
        keys.push(name.to_string());
        let mut suffix = &seg[name.len()..];
        while !suffix.is_empty() {
            if let Some(r) = suffix.strip_prefix("[]") {
                keys.push("items".into());
                suffix = r;
            } else if let Some(r) = suffix.strip_prefix("{}") {
                keys.push("values".into());
                suffix = r;
            } else {
                break;
            }
        }
    }
    keys
}

/// What a key's name says of its values, as `infer` reads names.
pub fn looks(key: &str) -> Looks {
    match codegen::infer::name_hint(key) {
        codegen::infer::NameHint::Id => Looks::Id,
        codegen::infer::NameHint::Timestamp => Looks::Timestamp,
        codegen::infer::NameHint::Plain => Looks::Plain,
    }
}

/// At most `max` characters of `s`, with `...` when cut.
pub fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::yaml_keys;

    #[test]
    fn spec_paths_become_yaml_keys() {
        assert_eq!(yaml_keys("types.ChatActor.email"), ["types", "ChatActor", "fields", "email"]);
        assert_eq!(
            yaml_keys("data.agent_availability.channel_availability[].channel"),
            ["data", "agent_availability", "fields", "channel_availability", "items", "fields", "channel"]
        );
        assert_eq!(yaml_keys("data.changes{}.changed"), ["data", "changes", "values", "fields", "changed"]);
        assert_eq!(yaml_keys("envelope.account_id"), ["envelope", "account_id"]);
        assert_eq!(yaml_keys("data"), ["data"]);
    }
}

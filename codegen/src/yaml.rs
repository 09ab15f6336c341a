//! The only module that parses YAML.
//!
//! `serde_yaml` reads the content; a first pass over `yaml-rust2`'s marked events records
//! where each mapping key and sequence item sits, so that later stages can point at a line
//! and column. Nothing outside this module knows which YAML crates are used: swapping the
//! frozen `serde_yaml` for another parser touches this file only.
//!
//! A spec arrives in pull requests and `cargo build` parses it, so a small file must not be
//! able to cost a lot. The first pass is bounded: it stops at the first collection nested
//! deeper than [`MAX_DEPTH`] or at the [`MAX_NODES`]th node (aliases counted expanded), and
//! both passes run only on files of at most [`MAX_FILE_BYTES`]. serde_yaml only ever sees a
//! document that the bounded pass accepted.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

/// The largest spec file read, in bytes (4 MiB; the whole spec today is about 60 KB).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// The deepest nesting of mappings and sequences in a spec file (the spec needs about 12).
pub const MAX_DEPTH: usize = 64;
/// The most YAML nodes (scalars, mappings, sequences) in one file, aliases counted as the
/// nodes they stand for.
pub const MAX_NODES: usize = 1_000_000;

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A parsed YAML value with the position of the key (for mapping entries) or item that holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Option<Pos>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in document order.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// A short name of the node's kind, for messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(String, Node)]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }
}

/// A YAML syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Option<Pos>,
    pub message: String,
}

/// `line:column: message`, or the message alone; spec text in it shown escaped, as in
/// diagnostics.
impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(pos) = self.pos {
            write!(f, "{}:{}: ", pos.line, pos.column)?;
        }
        f.write_str(&crate::safe::escape(&self.message))
    }
}

impl std::error::Error for SyntaxError {}

/// Parses one YAML document. Duplicate keys are reported each at its own position, which
/// `serde_yaml` does not do. A leading byte order mark is skipped.
pub fn parse(text: &str) -> Result<Node, Vec<SyntaxError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![SyntaxError {
            pos: None,
            message: format!("the file is {} bytes; a spec file is at most {MAX_FILE_BYTES} bytes (4 MiB)", text.len()),
        }]);
    }
    let skeleton = Skeleton::build(text)?;
    let value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let pos = e.location().map(|l| Pos { line: l.line(), column: l.column() });
            return Err(vec![SyntaxError { pos, message: strip_location(&e.to_string()) }]);
        }
    };
    convert(value, skeleton.as_ref(), Some(Pos { line: 1, column: 1 }), 0).map_err(|e| vec![e])
}

/// serde_yaml repeats the position in its message; the diagnostic already carries it.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Pairs serde_yaml's value with the skeleton of the same document, node for node. Where the
/// two parsers see different shapes (they should not), positions simply go missing.
fn convert(value: serde_yaml::Value, skel: Option<&Skel>, pos: Option<Pos>, depth: usize) -> Result<Node, SyntaxError> {
    use serde_yaml::Value as Y;
    // The skeleton pass bounds the depth; this is for the case the two parsers disagree.
    if depth > MAX_DEPTH {
        return Err(SyntaxError { pos, message: format!("nesting deeper than {MAX_DEPTH} levels") });
    }
    let value = match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Y::String(s) => Value::Str(s),
        Y::Sequence(items) => {
            let skels = match skel.map(|s| &s.shape) {
                Some(Shape::Seq(s)) if s.len() == items.len() => Some(s),
                _ => None,
            };
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let item_skel = skels.map(|s| &s[i]);
                out.push(convert(item, item_skel, item_skel.map(|s| s.pos), depth + 1)?);
            }
            Value::Seq(out)
        }
        Y::Mapping(map) => {
            let skels = match skel.map(|s| &s.shape) {
                Some(Shape::Map(s)) if s.len() == map.len() => Some(s),
                _ => None,
            };
            let mut out = Vec::with_capacity(map.len());
            for (i, (k, v)) in map.into_iter().enumerate() {
                let key = match k {
                    Y::String(s) => s,
                    Y::Bool(b) => b.to_string(),
                    Y::Number(n) => n.to_string(),
                    Y::Null => "null".to_string(),
                    _ => {
                        return Err(SyntaxError {
                            pos: skels.map(|s| s[i].0).or(pos),
                            message: "a mapping key must be a plain scalar".to_string(),
                        })
                    }
                };
                let (key_pos, value_skel) = match skels {
                    Some(s) => (Some(s[i].0), Some(&s[i].1)),
                    None => (None, None),
                };
                out.push((key, convert(v, value_skel, key_pos, depth + 1)?));
            }
            Value::Map(out)
        }
        Y::Tagged(tagged) => return convert(tagged.value, skel, pos, depth),
    };
    Ok(Node { value, pos })
}

/// The shape of a document with the position of every node: what the first pass records.
#[derive(Debug, Clone)]
struct Skel {
    pos: Pos,
    shape: Shape,
}

#[derive(Debug, Clone)]
enum Shape {
    Scalar,
    Seq(Vec<Skel>),
    /// Entries in document order: the key's position and the value.
    Map(Vec<(Pos, Skel)>),
}

/// A collection being read.
struct Frame {
    pos: Pos,
    anchor: usize,
    /// Nodes counted when the collection started, to size an anchored collection.
    nodes_at_start: usize,
    /// Levels of nesting below this collection so far.
    height: usize,
    kind: FrameKind,
}

enum FrameKind {
    Seq(Vec<Skel>),
    Map {
        entries: Vec<(Pos, Skel)>,
        /// The key read, waiting for its value: its position and text (none for a complex key).
        key: Option<(Pos, Option<String>)>,
        seen: HashMap<String, Pos>,
    },
}

/// An anchored node, for its aliases: the node, how many nodes it counts, how deep it goes.
struct Anchored {
    skel: Skel,
    nodes: usize,
    height: usize,
}

#[derive(Default)]
struct Skeleton {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchored>,
    /// The first document's root.
    root: Option<Skel>,
    nodes: usize,
    duplicates: Vec<SyntaxError>,
}

fn pos_of(mark: &Marker) -> Pos {
    Pos { line: mark.line(), column: mark.col() + 1 }
}

impl Skeleton {
    /// Reads the event stream once, bounded in depth and nodes, and stops at the first
    /// syntax error or limit. Returns the first document's skeleton.
    fn build(text: &str) -> Result<Option<Skel>, Vec<SyntaxError>> {
        let mut parser = Parser::new_from_str(text);
        let mut this = Skeleton::default();
        loop {
            let (event, mark) = parser.next_token().map_err(|e| {
                // The scanner reads ahead and has a flow-nesting limit of its own, which
                // it can reach before the parser hands over the 65th level.
                let message = match e.info() {
                    "recursion limit exceeded" => format!("nesting deeper than {MAX_DEPTH} levels"),
                    other => other.to_string(),
                };
                vec![SyntaxError { pos: Some(pos_of(e.marker())), message }]
            })?;
            let pos = pos_of(&mark);
            match event {
                Event::StreamEnd => break,
                Event::Scalar(text, _, anchor, _) => {
                    this.count(1, pos)?;
                    let skel = Skel { pos, shape: Shape::Scalar };
                    if anchor != 0 {
                        this.anchors.insert(anchor, Anchored { skel: skel.clone(), nodes: 1, height: 0 });
                    }
                    this.deliver(skel, 0, Some(text));
                }
                Event::Alias(id) => {
                    let Some(anchored) = this.anchors.get(&id) else {
                        return Err(vec![SyntaxError { pos: Some(pos), message: "alias of an unknown anchor".into() }]);
                    };
                    let (nodes, height) = (anchored.nodes, anchored.height);
                    this.count(nodes, pos)?;
                    this.check_depth(this.stack.len() + height, pos)?;
                    let skel = this.anchors[&id].skel.clone();
                    this.deliver(skel, height, None);
                }
                Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                    this.count(1, pos)?;
                    this.check_depth(this.stack.len() + 1, pos)?;
                    let kind = if matches!(event, Event::SequenceStart(..)) {
                        FrameKind::Seq(Vec::new())
                    } else {
                        FrameKind::Map { entries: Vec::new(), key: None, seen: HashMap::new() }
                    };
                    this.stack.push(Frame { pos, anchor, nodes_at_start: this.nodes - 1, height: 1, kind });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    let Some(frame) = this.stack.pop() else {
                        continue;
                    };
                    let shape = match frame.kind {
                        FrameKind::Seq(items) => Shape::Seq(items),
                        FrameKind::Map { entries, .. } => Shape::Map(entries),
                    };
                    let skel = Skel { pos: frame.pos, shape };
                    if frame.anchor != 0 {
                        let nodes = this.nodes - frame.nodes_at_start;
                        this.anchors.insert(frame.anchor, Anchored { skel: skel.clone(), nodes, height: frame.height });
                    }
                    this.deliver(skel, frame.height, None);
                }
                _ => {}
            }
        }
        if !this.duplicates.is_empty() {
            return Err(this.duplicates);
        }
        Ok(this.root)
    }

    fn count(&mut self, nodes: usize, pos: Pos) -> Result<(), Vec<SyntaxError>> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > MAX_NODES {
            return Err(vec![SyntaxError {
                pos: Some(pos),
                message: format!("more than {MAX_NODES} YAML nodes (aliases counted expanded); a spec file is smaller"),
            }]);
        }
        Ok(())
    }

    fn check_depth(&self, depth: usize, pos: Pos) -> Result<(), Vec<SyntaxError>> {
        if depth > MAX_DEPTH {
            return Err(vec![SyntaxError { pos: Some(pos), message: format!("nesting deeper than {MAX_DEPTH} levels") }]);
        }
        Ok(())
    }

    /// A finished node goes to the collection around it: an item, a key, or a key's value.
    fn deliver(&mut self, skel: Skel, height: usize, text: Option<String>) {
        let Some(frame) = self.stack.last_mut() else {
            // Later documents are read (and bounded) but not kept: serde_yaml refuses them.
            if self.root.is_none() {
                self.root = Some(skel);
            }
            return;
        };
        frame.height = frame.height.max(height + 1);
        match &mut frame.kind {
            FrameKind::Seq(items) => items.push(skel),
            FrameKind::Map { entries, key, seen } => match key.take() {
                Some((key_pos, _)) => entries.push((key_pos, skel)),
                None => {
                    if let Some(k) = &text {
                        if let Some(first) = seen.get(k) {
                            self.duplicates.push(SyntaxError {
                                pos: Some(skel.pos),
                                message: format!("duplicate key \"{k}\" (first at line {})", first.line),
                            });
                        } else {
                            seen.insert(k.clone(), skel.pos);
                        }
                    }
                    *key = Some((skel.pos, text));
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_carry_their_positions() {
        let node = parse("a:\n  b: 1\n  c: [x, y]\nd:\n  - e\n").unwrap();
        let map = node.as_map().unwrap();
        assert_eq!(map[0].0, "a");
        assert_eq!(map[0].1.pos, Some(Pos { line: 1, column: 1 }));
        let inner = map[0].1.as_map().unwrap();
        assert_eq!(inner[1].1.pos, Some(Pos { line: 3, column: 3 }));
        let list = map[1].1.as_seq().unwrap();
        assert_eq!(list[0].pos, Some(Pos { line: 5, column: 5 }));
    }

    #[test]
    fn every_duplicate_key_is_reported_where_it_is() {
        let errs = parse("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].pos, Some(Pos { line: 4, column: 3 }));
        assert!(errs[0].message.contains("duplicate key \"c\" (first at line 3)"));
        assert_eq!(errs[1].pos, Some(Pos { line: 5, column: 1 }));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let errs = parse("a: [1\n").unwrap_err();
        assert_eq!(errs[0].pos.map(|p| p.line), Some(2));
        assert!(!errs[0].message.contains(" at line "));
    }

    #[test]
    fn hostile_input_is_an_error_not_a_panic() {
        for text in ["\u{0}", "a: *nope", "[", "- a\nb: c", "a: 1\n---\nb: 2\n", "? [a]\n: b\n"] {
            let _ = parse(text);
        }
    }
}

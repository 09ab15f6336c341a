//! The only module that parses YAML.
//!
//! `serde_yaml` reads the content; a second pass over `yaml-rust2`'s marked events records
//! where each mapping key and sequence item sits, so that later stages can point at a line
//! and column. Nothing outside this module knows which YAML crates are used: swapping the
//! frozen `serde_yaml` for another parser touches this file only.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

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

/// Parses one YAML document. Duplicate keys are reported each at its own position, which
/// `serde_yaml` does not do.
pub fn parse(text: &str) -> Result<Node, Vec<SyntaxError>> {
    let mut marks = Marks::default();
    let mut parser = Parser::new_from_str(text);
    // A failure here is reported by serde_yaml below, with its own message; positions are
    // a convenience and simply go missing.
    let marked = parser.load(&mut marks, false).is_ok();
    if marked && !marks.duplicates.is_empty() {
        return Err(marks.duplicates);
    }
    let value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let pos = e.location().map(|l| Pos { line: l.line(), column: l.column() });
            return Err(vec![SyntaxError { pos, message: strip_location(&e.to_string()) }]);
        }
    };
    let mut path = Vec::new();
    convert(value, &mut path, &marks.positions, Some(Pos { line: 1, column: 1 }))
        .map_err(|e| vec![e])
}

/// serde_yaml repeats the position in its message; the diagnostic already carries it.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn convert(
    value: serde_yaml::Value,
    path: &mut Vec<String>,
    positions: &HashMap<Vec<String>, Pos>,
    pos: Option<Pos>,
) -> Result<Node, SyntaxError> {
    use serde_yaml::Value as Y;
    let value = match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Y::String(s) => Value::Str(s),
        Y::Sequence(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                path.push(i.to_string());
                let item_pos = positions.get(path.as_slice()).copied();
                let node = convert(item, path, positions, item_pos);
                path.pop();
                out.push(node?);
            }
            Value::Seq(out)
        }
        Y::Mapping(map) => {
            let mut out = Vec::with_capacity(map.len());
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s,
                    Y::Bool(b) => b.to_string(),
                    Y::Number(n) => n.to_string(),
                    Y::Null => "null".to_string(),
                    other => {
                        return Err(SyntaxError {
                            pos,
                            message: format!("a mapping key must be a plain scalar, found {other:?}"),
                        })
                    }
                };
                path.push(key);
                let entry_pos = positions.get(path.as_slice()).copied();
                let node = convert(v, path, positions, entry_pos);
                let key = path.pop().unwrap_or_default();
                out.push((key, node?));
            }
            Value::Map(out)
        }
        Y::Tagged(tagged) => return convert(tagged.value, path, positions, pos),
    };
    Ok(Node { value, pos })
}

/// Records the position of every mapping key and sequence item, by path.
#[derive(Default)]
struct Marks {
    stack: Vec<Frame>,
    positions: HashMap<Vec<String>, Pos>,
    duplicates: Vec<SyntaxError>,
}

enum Frame {
    Map { path: Vec<String>, key: Option<String>, seen: HashMap<String, Pos> },
    Seq { path: Vec<String>, next: usize },
}

impl Marks {
    /// Called for every node that starts: a scalar, an alias, or a collection.
    /// Returns the path of the node when it is a value (not a key).
    fn node_start(&mut self, scalar_key: Option<&str>, pos: Pos) -> Option<Vec<String>> {
        match self.stack.last_mut() {
            None => Some(Vec::new()),
            Some(Frame::Seq { path, next }) => {
                let mut p = path.clone();
                p.push(next.to_string());
                *next += 1;
                self.positions.insert(p.clone(), pos);
                Some(p)
            }
            Some(Frame::Map { path, key, seen }) => match key.take() {
                Some(k) => {
                    let mut p = path.clone();
                    p.push(k);
                    Some(p)
                }
                None => {
                    // This node is a key.
                    let k = scalar_key.unwrap_or("<complex key>").to_string();
                    let mut p = path.clone();
                    p.push(k.clone());
                    if let Some(first) = seen.get(&k) {
                        self.duplicates.push(SyntaxError {
                            pos: Some(pos),
                            message: format!(
                                "duplicate key \"{k}\" (first at line {})",
                                first.line
                            ),
                        });
                    } else {
                        seen.insert(k.clone(), pos);
                        self.positions.insert(p, pos);
                    }
                    *key = Some(k);
                    None
                }
            },
        }
    }
}

impl MarkedEventReceiver for Marks {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let pos = Pos { line: mark.line(), column: mark.col() + 1 };
        match ev {
            Event::Scalar(ref text, ..) => {
                self.node_start(Some(text), pos);
            }
            Event::Alias(_) => {
                self.node_start(None, pos);
            }
            Event::SequenceStart(..) => {
                if let Some(path) = self.node_start(None, pos) {
                    self.stack.push(Frame::Seq { path, next: 0 });
                }
            }
            Event::MappingStart(..) => {
                if let Some(path) = self.node_start(None, pos) {
                    self.stack.push(Frame::Map { path, key: None, seen: HashMap::new() });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
            }
            _ => {}
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

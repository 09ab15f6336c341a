//! What real payloads of an event show of its nesting: the attribute paths below `data`,
//! for placing the attributes a flat documentation page leaves open, and for saying which
//! attributes payloads carry that a page does not list ([`Page::unlisted`](crate::docpage::Page::unlisted)).

use std::collections::BTreeSet;

use serde_json::Value;

/// Nesting followed into a payload.
const MAX_DEPTH: usize = 32;
/// Distinct paths kept; a payload with more is read up to there.
const MAX_PATHS: usize = 100_000;

/// The attribute paths seen below `data` in some payloads, names in lower case (pages
/// capitalise some), arrays seen through: `user_information[].user_id` is
/// `user_information.user_id`.
#[derive(Debug, Default, Clone)]
pub struct Witness {
    paths: BTreeSet<Vec<String>>,
    payloads: usize,
}

impl Witness {
    /// Adds a whole payload; one without a `data` object adds nothing and is not counted.
    pub fn add_payload(&mut self, payload: &Value) -> bool {
        let Some(data @ Value::Object(_)) = payload.get("data") else { return false };
        self.payloads += 1;
        let mut path = Vec::new();
        self.walk(data, &mut path);
        true
    }

    fn walk(&mut self, v: &Value, path: &mut Vec<String>) {
        if path.len() >= MAX_DEPTH {
            return;
        }
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if self.paths.len() >= MAX_PATHS {
                        return;
                    }
                    path.push(k.to_lowercase());
                    self.paths.insert(path.clone());
                    self.walk(v, path);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.walk(item, path);
                }
            }
            _ => {}
        }
    }

    /// Payloads added.
    pub fn payloads(&self) -> usize {
        self.payloads
    }

    /// Whether some payload has `path` (names compared in lower case).
    pub fn has(&self, path: &[&str]) -> bool {
        let key: Vec<String> = path.iter().map(|s| s.to_lowercase()).collect();
        self.paths.contains(&key)
    }

    /// The paths seen, names in lower case, in order.
    pub fn paths(&self) -> impl Iterator<Item = &[String]> {
        self.paths.iter().map(Vec::as_slice)
    }
}

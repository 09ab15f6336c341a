//! Why bytes could not be read as a payload, or a name found no event or product. The lists
//! an error names (the events the spec covers, the products an event name is in) are kept
//! as their items; only `Display` writes them as prose.

use std::fmt;

/// Why bytes could not be read as a payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Not JSON at all.
    Json {
        /// Line where reading stopped, counting from 1.
        line: usize,
        /// Column in that line where reading stopped, counting from 1 (0 when it stopped
        /// before the line's first character, as with empty input).
        column: usize,
        /// What was wrong, without the position (that is in `line` and `column`).
        message: String,
    },
    /// Valid JSON nested deeper than the reader follows.
    TooDeep {
        /// The nesting limit.
        limit: usize,
        /// Line and column where the limit was passed.
        position: (usize, usize),
    },
    /// JSON, but not an object.
    NotAnObject {
        /// A short description of the value sent instead, e.g. `an array of 2 items`.
        found: String,
    },
    /// No `event` string in the envelope.
    NoEventName,
    /// An event name no product in the spec has.
    UnknownEvent {
        /// The `event` name from the envelope.
        event: String,
        /// Every event the spec covers, as `product/event`, in spec order.
        known: Vec<String>,
    },
    /// A product the spec knows, with an event of it the spec does not cover.
    UnsupportedEvent {
        /// The product's title (e.g. `Freshchat`), as the envelope's `domain` decided it.
        product: String,
        /// The `event` name from the envelope.
        event: String,
        /// The names of that product's events the spec covers, in spec order.
        covered: Vec<String>,
    },
    /// An event name several products use, and nothing to tell which.
    Ambiguous {
        /// The event name, from the envelope or as given to [`find`](crate::find).
        event: String,
        /// The titles of the products that have an event of that name, in spec order.
        products: Vec<String>,
    },
    /// A name that is no product key of the spec.
    NoSuchProduct {
        /// The name as given.
        name: String,
        /// Every product key of the spec, in spec order.
        known: Vec<String>,
    },
    /// `product/event` or `event` that names no event of the spec.
    NoSuchEvent {
        /// The name as given.
        name: String,
        /// Every event the spec covers, as `product/event`, in spec order.
        known: Vec<String>,
    },
}

// Written out rather than derived with thiserror, whose derive was 4% of a consumer's cold
// build for these few lines.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Json { line, column, message } => write!(f, "malformed JSON at line {line}, column {column}: {message}"),
            Error::TooDeep { limit, position: (line, column) } => {
                write!(f, "the JSON nests deeper than {limit} levels (line {line}, column {column})")
            }
            Error::NotAnObject { found } => write!(f, "a payload is a JSON object, found {found}"),
            Error::NoEventName => f.write_str("the payload has no \"event\" name; name the event explicitly"),
            Error::UnknownEvent { event, known } => write!(f, "unknown event \"{event}\": the spec covers {}", Prose(known)),
            Error::UnsupportedEvent { product, event, covered } => {
                write!(f, "{product} event \"{event}\" is not in the spec; for {product} the spec covers {}", Prose(covered))
            }
            Error::Ambiguous { event, products } => write!(f, "event \"{event}\" exists in {}; name it as product/event", Prose(products)),
            Error::NoSuchProduct { name, known } => write!(f, "no product \"{name}\" in the spec; known: {}", known.join(", ")),
            Error::NoSuchEvent { name, known } => write!(f, "no event \"{name}\" in the spec; known: {}", Prose(known)),
        }
    }
}

impl std::error::Error for Error {}

/// A list in a sentence: `a`, `a and b`, `a, b and c`; `nothing` when it is empty.
struct Prose<'a>(&'a [String]);

impl fmt::Display for Prose<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.split_last() {
            None => f.write_str("nothing"),
            Some((last, [])) => f.write_str(last),
            Some((last, rest)) => write!(f, "{} and {last}", rest.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lists_are_written_as_prose_only_when_shown() {
        let cases = [
            (names(&[]), "nothing"),
            (names(&["acme/onThing"]), "acme/onThing"),
            (names(&["acme/onThing", "acme/onOther"]), "acme/onThing and acme/onOther"),
            (names(&["a/x", "b/y", "c/z"]), "a/x, b/y and c/z"),
        ];
        for (known, prose) in cases {
            let e = Error::UnknownEvent { event: "onNothing".into(), known };
            assert_eq!(e.to_string(), format!("unknown event \"onNothing\": the spec covers {prose}"));
        }
        let e = Error::NoSuchProduct { name: "freshteam".into(), known: names(&["freshchat", "freshdesk"]) };
        assert_eq!(e.to_string(), "no product \"freshteam\" in the spec; known: freshchat, freshdesk");
    }
}

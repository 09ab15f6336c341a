//! [`Raw`]: a JSON value kept as the text that was sent.

use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// A JSON value exactly as it was sent: unknown attributes, values of the wrong type and
/// `any` attributes. Keeping the text rather than a parsed value means nothing is lost: a
/// 30-digit integer or `1.0` comes back as written.
///
/// Only the reader (which has followed the text as one JSON value) and serde_json's own
/// writer make one, so the text is always one JSON value; reading it keeps the text and
/// checks nothing twice.
#[derive(Clone)]
pub struct Raw(Box<str>);

impl Raw {
    /// Takes JSON text that the reader has already read as one value. serde_json checks it
    /// again and may refuse what the reader followed (nesting past its own limit of 128),
    /// which is an error for the caller to report: never a silent `null`.
    pub(crate) fn from_checked(text: &str) -> Raw {
        Raw(text.into())
    }

    /// Any serializable value as raw JSON (`null` for a value JSON cannot hold, such as a
    /// map with non-string keys).
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Raw {
        Raw(serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned()).into())
    }

    /// Raw JSON from text; `None` if it is not one JSON value.
    pub fn parse(text: &str) -> Option<Raw> {
        let text = text.trim();
        serde_json::from_str::<&RawValue>(text).ok().map(|_| Raw(text.into()))
    }

    /// The JSON text as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value parsed, for inspection; a lone surrogate escape reads as U+FFFD, as the
    /// reader reads one ([`Doc`](crate::document::Doc)).
    pub fn to_value(&self) -> Value {
        serde_json::from_str(&self.0)
            .or_else(|e| match crate::document::mend(self.0.as_bytes()) {
                Some(mended) => serde_json::from_slice(&mended),
                None => Err(e),
            })
            .unwrap_or(Value::Null)
    }

    /// A short, bounded description for messages: `string "x"`, `integer 5`, ...
    pub fn describe(&self) -> String {
        describe(&self.to_value())
    }
}

impl PartialEq for Raw {
    fn eq(&self, other: &Raw) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for Raw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Raw({})", self.as_str())
    }
}

impl fmt::Display for Raw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Raw {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // serde_json writes a RawValue verbatim, so numbers and escapes come back exactly as
        // sent. Every other serializer would see serde_json's private marker struct instead
        // of the value, so it gets the parsed value.
        if std::any::type_name::<S>().contains("serde_json") {
            // Borrowed, so writing allocates nothing; the text is one JSON value, so this
            // only fails past serde_json's own nesting limit, and then says so.
            let raw: &RawValue = serde_json::from_str(&self.0).map_err(serde::ser::Error::custom)?;
            raw.serialize(s)
        } else {
            self.to_value().serialize(s)
        }
    }
}

/// A short, bounded description of a JSON value for messages.
pub fn describe(v: &Value) -> String {
    const MAX: usize = 40;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) if n.is_f64() => format!("number {n}"),
        Value::Number(n) => format!("integer {n}"),
        Value::String(s) => {
            let mut cut: String = s.chars().take(MAX).collect();
            if cut.len() < s.len() {
                cut.push('…');
            }
            format!("string {cut:?}")
        }
        Value::Array(a) => format!("an array of {} item{}", a.len(), if a.len() == 1 { "" } else { "s" }),
        Value::Object(o) => format!("an object with {} key{}", o.len(), if o.len() == 1 { "" } else { "s" }),
    }
}

//! Identifiers, which Freshworks sends as JSON strings on some pages and as
//! integers on others, even for the same attribute.

use std::fmt;

use serde::{Serialize, Serializer};

use super::text::Text;

/// An identifier as sent: a JSON integer or a JSON string, kept in its original form.
///
/// `==` and `Hash` compare the form too, so `132` and `"132"` differ there; use
/// [`Id::same_as`] to ask whether two ids name the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Id {
    /// Sent as a JSON integer.
    Integer(i64),
    /// Sent as a JSON string, which need not hold digits (UUIDs, for one).
    String(Text),
}

impl Id {
    /// The integer, also from a string that is exactly how that integer is
    /// written: `"132"` but not `"0132"`, `"+132"` or `"-0"`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Id::Integer(value) => Some(*value),
            Id::String(text) => canonical_integer(text),
        }
    }

    /// The string form only.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Id::String(text) => Some(text),
            Id::Integer(_) => None,
        }
    }

    /// Whether it was sent as a JSON integer.
    pub fn is_integer(&self) -> bool {
        matches!(self, Id::Integer(_))
    }

    /// Whether it was sent as a JSON string, digits or not.
    pub fn is_string(&self) -> bool {
        matches!(self, Id::String(_))
    }

    /// Whether two ids name the same thing regardless of form: 132 and "132"
    /// are the same.
    pub fn same_as(&self, other: &Id) -> bool {
        match (self, other) {
            (Id::Integer(a), Id::Integer(b)) => a == b,
            (Id::String(a), Id::String(b)) => a == b,
            (Id::Integer(value), Id::String(text)) | (Id::String(text), Id::Integer(value)) => canonical_integer(text) == Some(*value),
        }
    }
}

/// Accepts only the text an `i64` displays as. Anything looser would break
/// `same_as` as an equivalence: "05" and "5" would both match 5 yet not each other.
fn canonical_integer(text: &str) -> Option<i64> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let canonical = match unsigned.as_bytes() {
        [b'0'] => unsigned.len() == text.len(),
        [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if canonical {
        text.parse().ok()
    } else {
        None
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Integer(value) => write!(f, "{value}"),
            Id::String(text) => f.write_str(text),
        }
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::Integer(value) => serializer.serialize_i64(*value),
            Id::String(text) => serializer.serialize_str(text),
        }
    }
}

impl From<i64> for Id {
    fn from(value: i64) -> Self {
        Id::Integer(value)
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Id::String(Text::from(text))
    }
}

impl From<String> for Id {
    fn from(text: String) -> Self {
        Id::String(Text::from(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(id: &Id) -> String {
        serde_json::to_string(id).expect("an id always serializes")
    }

    #[test]
    fn keeps_its_form() {
        let integer = Id::from(132);
        assert!(integer.is_integer() && !integer.is_string());
        assert_eq!(integer.as_str(), None);
        assert_eq!(integer.to_string(), "132");
        assert_eq!(json(&integer), "132");

        let string = Id::from("132");
        assert!(string.is_string() && !string.is_integer());
        assert_eq!(string.as_str(), Some("132"));
        assert_eq!(string.to_string(), "132");
        assert_eq!(json(&string), "\"132\"");

        let owned = Id::from(String::from("abc-1"));
        assert_eq!(owned, Id::String("abc-1".into()));
        assert_eq!(json(&owned), "\"abc-1\"");
        assert_ne!(integer, string);
    }

    #[test]
    fn as_i64_only_for_canonical_integers() {
        let cases = [
            ("132", Some(132)),
            ("0", Some(0)),
            ("-5", Some(-5)),
            ("9223372036854775807", Some(i64::MAX)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("0132", None),
            ("+1", None),
            ("-0", None),
            ("-", None),
            ("", None),
            (" 1", None),
            ("1 ", None),
            ("1.0", None),
            ("9223372036854775808", None),
            ("-9223372036854775809", None),
            ("１２", None),
            ("abc", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Id::from(text).as_i64(), expected, "{text:?}");
        }
        assert_eq!(Id::from(i64::MIN).as_i64(), Some(i64::MIN));
    }

    #[test]
    fn same_as_ignores_form() {
        let same = [
            (Id::from(132), Id::from("132")),
            (Id::from(-5), Id::from("-5")),
            (Id::from(0), Id::from("0")),
            (Id::from(i64::MIN), Id::from("-9223372036854775808")),
            (Id::from(7), Id::from(7)),
            (Id::from("abc"), Id::from("abc")),
        ];
        for (a, b) in &same {
            assert!(a.same_as(b) && b.same_as(a), "{a:?} {b:?}");
        }
        let different = [
            (Id::from(5), Id::from("05")),
            (Id::from(0), Id::from("-0")),
            (Id::from(1), Id::from("+1")),
            (Id::from("05"), Id::from("5")),
            (Id::from(5), Id::from(6)),
            (Id::from("abc"), Id::from("ABC")),
            (Id::from(i64::MIN), Id::from("-9223372036854775809")),
        ];
        for (a, b) in &different {
            assert!(!a.same_as(b) && !b.same_as(a), "{a:?} {b:?}");
        }
    }
}

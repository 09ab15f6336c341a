//! What every event's `Payload` can do, and how a payload finds its event.

use serde::Serialize;

use super::field::Field;
use super::parse::{describe, FieldVisitor, Parse};
use super::validate::{Cx, Mode, Report, Validate, ROOT};

/// Why bytes could not be read as a payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Not JSON at all.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Json {
        /// Line where reading stopped, counting from 1.
        line: usize,
        /// Column in that line where reading stopped, counting from 1 (0 when it stopped
        /// before the line's first character, as with empty input).
        column: usize,
        /// What was wrong, without the position (that is in `line` and `column`).
        message: String,
    },
    /// JSON, but not an object.
    #[error("a payload is a JSON object, found {found}")]
    NotAnObject {
        /// A short description of the value sent instead, e.g. `an array of 2 items`.
        found: String,
    },
    /// No `event` string in the envelope.
    #[error("the payload has no \"event\" name; name the event explicitly")]
    NoEventName,
    /// An event name no product in the spec has.
    #[error("unknown event \"{event}\": the spec covers {known}")]
    UnknownEvent {
        /// The `event` name from the envelope.
        event: String,
        /// Every event the spec covers, as `product/event` in a readable list.
        known: String,
    },
    /// A product the spec knows, with an event of it the spec does not cover.
    #[error("{product} event \"{event}\" is not in the spec; for {product} the spec covers {covered}")]
    UnsupportedEvent {
        /// The product's title (e.g. `Freshchat`), as the envelope's `domain` decided it.
        product: String,
        /// The `event` name from the envelope.
        event: String,
        /// The events of that product the spec covers, in a readable list.
        covered: String,
    },
    /// An event name several products use, and nothing to tell which.
    #[error("event \"{event}\" exists in {products}; name it as product/event")]
    Ambiguous {
        /// The event name, from the envelope or as given to [`find`].
        event: String,
        /// The titles of the products that have an event of that name, in a readable list.
        products: String,
    },
    /// `product/event` or `event` that names no event of the spec.
    #[error("no event \"{name}\" in the spec; known: {known}")]
    NoSuchEvent {
        /// The name as given.
        name: String,
        /// Every event the spec covers, as `product/event` in a readable list.
        known: String,
    },
}

impl Error {
    pub(crate) fn json(e: &serde_json::Error) -> Self {
        let message = e.to_string();
        // serde_json appends the position; it is in the fields already.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        Error::Json { line: e.line(), column: e.column(), message }
    }
}

/// The envelope and data of one event: what generated `Payload` types implement.
pub trait EventPayload: Parse + Validate + Serialize + Sized {
    /// Product key, e.g. `freshchat`.
    const PRODUCT: &'static str;
    /// Event name, e.g. `onAgentActivityCreate`.
    const EVENT: &'static str;

    /// Reads a payload. Only malformed JSON or a non-object fails: attributes of the wrong
    /// type are kept for [`EventPayload::validate`] to report.
    fn from_slice(bytes: &[u8]) -> Result<Self, Error> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let field = serde::Deserializer::deserialize_any(&mut de, FieldVisitor::<Self>::new()).map_err(|e| Error::json(&e))?;
        de.end().map_err(|e| Error::json(&e))?;
        match field {
            Field::Value(v) => Ok(v),
            Field::Invalid(v) => Err(Error::NotAnObject { found: describe(&v) }),
            Field::Null | Field::Absent => Err(Error::NotAnObject { found: "null".into() }),
        }
    }

    /// Every violation of the spec, in the given mode.
    fn validate(&self, mode: Mode) -> Report {
        let mut cx = Cx::new(mode);
        Validate::walk(self, &mut cx, &ROOT);
        cx.finish()
    }

    /// Reads and validates in one call: the typed payload when it is valid, every
    /// violation when it is not.
    fn from_slice_validated(bytes: &[u8], mode: Mode) -> Result<Self, Rejected> {
        let payload = Self::from_slice(bytes).map_err(Rejected::Unreadable)?;
        let report = payload.validate(mode);
        if report.is_valid() {
            Ok(payload)
        } else {
            Err(Rejected::Invalid(report))
        }
    }
}

/// Why a payload was not accepted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Rejected {
    /// The bytes could not be read as a payload at all.
    #[error(transparent)]
    Unreadable(Error),
    /// The payload was read but breaks the spec; the report has every violation.
    #[error("the payload breaks the spec:\n{0}")]
    Invalid(Report),
}

/// A product of the spec, for dispatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProductInfo {
    /// The key in `product/event` names and [`EventInfo::product`], e.g. `freshchat`.
    pub key: &'static str,
    /// The name shown in messages, e.g. `Freshchat`.
    pub title: &'static str,
    /// Domain suffixes of the product's accounts.
    pub domains: &'static [&'static str],
}

/// An event of the spec, for dispatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventInfo {
    /// The [`ProductInfo::key`] of the product the event belongs to.
    pub product: &'static str,
    /// The event name as the envelope's `event` gives it, e.g. `onAgentActivityCreate`.
    pub name: &'static str,
}

impl EventInfo {
    /// `product/event`.
    pub fn qualified(&self) -> String {
        format!("{}/{}", self.product, self.name)
    }
}

/// The two envelope attributes that decide which event a payload is. Either may be of
/// any JSON type; only strings count.
#[derive(serde::Deserialize)]
struct Head<'a> {
    #[serde(borrow, default)]
    event: Loose<'a>,
    #[serde(borrow, default)]
    domain: Loose<'a>,
}

/// A string, or nothing for any other JSON value.
#[derive(Default)]
struct Loose<'a>(Option<std::borrow::Cow<'a, str>>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Loose<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Loose<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Loose<'de>, E> {
                Ok(Loose(Some(std::borrow::Cow::Borrowed(v))))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Loose<'de>, E> {
                Ok(Loose(Some(std::borrow::Cow::Owned(v.to_owned()))))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Loose<'de>, E> {
                Ok(Loose(None))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Loose<'de>, E> {
                Ok(Loose(None))
            }
            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Loose<'de>, E> {
                Ok(Loose(None))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Loose<'de>, E> {
                Ok(Loose(None))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Loose<'de>, E> {
                Ok(Loose(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Loose<'de>, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Loose<'de>, A::Error> {
                while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// Finds which event of `events` a payload is, from its envelope's `event` and `domain`.
///
/// The domain decides the product when it is one of a product's; otherwise the event name
/// must belong to a single product.
pub fn identify(bytes: &[u8], products: &[ProductInfo], events: &'static [EventInfo]) -> Result<usize, Error> {
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        // Not an object: the full parser says what it is, or where the JSON breaks.
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| Error::json(&e))?;
        return Err(Error::NotAnObject { found: describe(&value) });
    }
    let (event, domain) = match scan_head(bytes) {
        Some(found) => found,
        // Escapes, or JSON the scanner does not follow: serde reads it, or says why not.
        None => {
            let head: Head<'_> = serde_json::from_slice(bytes).map_err(|e| Error::json(&e))?;
            (head.event.0, head.domain.0)
        }
    };
    let event = event.ok_or(Error::NoEventName)?;
    let by_domain = domain.as_deref().and_then(|d| product_of_domain(d, products));
    if let Some(product) = by_domain {
        return events
            .iter()
            .position(|e| e.product == product.key && e.name == event)
            .ok_or_else(|| Error::UnsupportedEvent {
                product: product.title.to_string(),
                event: event.to_string(),
                covered: join(events.iter().filter(|e| e.product == product.key).map(|e| e.name.to_string())),
            });
    }
    let candidates: Vec<usize> = events.iter().enumerate().filter(|(_, e)| e.name == event).map(|(i, _)| i).collect();
    match candidates.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::UnknownEvent { event: event.to_string(), known: join(events.iter().map(|e| e.qualified())) }),
        many => Err(Error::Ambiguous {
            event: event.to_string(),
            products: join(many.iter().map(|&i| title_of(events[i].product, products).to_string())),
        }),
    }
}

/// Finds the top-level `event` and `domain` strings without parsing the payload: a
/// single pass that follows only nesting and string boundaries, so that dispatch costs a
/// fraction of the parse that follows. `None` when a value of interest has escapes or the
/// structure is not what it can follow; the caller then asks serde. Malformed JSON that
/// slips through is caught by the full parse.
/// The envelope's `event` and `domain`, borrowed where possible.
type EventAndDomain<'a> = (Option<std::borrow::Cow<'a, str>>, Option<std::borrow::Cow<'a, str>>);

fn scan_head(b: &[u8]) -> Option<EventAndDomain<'_>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Want {
        Nothing,
        Event,
        Domain,
    }
    let (mut event, mut domain) = (None, None);
    let mut depth = 0usize;
    let mut expect_key = false;
    let mut want = Want::Nothing;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                let mut escaped = false;
                let end = loop {
                    match b.get(j..)?.iter().position(|&c| c == b'"' || c == b'\\') {
                        Some(k) if b[j + k] == b'\\' => {
                            escaped = true;
                            j += k + 2;
                        }
                        Some(k) => break j + k,
                        None => return None,
                    }
                };
                let text = &b[start..end];
                if depth == 1 && expect_key {
                    expect_key = false;
                    want = match text {
                        b"event" => Want::Event,
                        b"domain" => Want::Domain,
                        _ => Want::Nothing,
                    };
                } else if depth == 1 && want != Want::Nothing {
                    if escaped {
                        return None;
                    }
                    let value = Some(std::borrow::Cow::Borrowed(std::str::from_utf8(text).ok()?));
                    match want {
                        Want::Event => event = value,
                        _ => domain = value,
                    }
                    want = Want::Nothing;
                    if event.is_some() && domain.is_some() {
                        return Some((event, domain));
                    }
                }
                i = end + 1;
            }
            b'{' | b'[' => {
                depth += 1;
                want = Want::Nothing;
                expect_key = depth == 1 && b[i] == b'{';
                if depth == 1 && b[i] != b'{' {
                    return None;
                }
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            b',' => {
                expect_key = depth == 1;
                i += 1;
            }
            b':' | b' ' | b'\n' | b'\r' | b'\t' => i += 1,
            _ => {
                // A number, true, false or null: not a string, so not an event name.
                want = Want::Nothing;
                i += 1;
            }
        }
    }
    // Without an event name (or with unbalanced brackets) serde gives the precise answer.
    (depth == 0 && event.is_some()).then_some((event, domain))
}

/// Finds an event by `product/event` or, when only one product has it, `event`.
pub fn find(name: &str, products: &[ProductInfo], events: &'static [EventInfo]) -> Result<usize, Error> {
    let known = || join(events.iter().map(|e| e.qualified()));
    if let Some((product, event)) = name.split_once('/') {
        return events
            .iter()
            .position(|e| e.product == product && e.name == event)
            .ok_or_else(|| Error::NoSuchEvent { name: name.to_string(), known: known() });
    }
    let candidates: Vec<usize> = events.iter().enumerate().filter(|(_, e)| e.name == name).map(|(i, _)| i).collect();
    match candidates.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::NoSuchEvent { name: name.to_string(), known: known() }),
        many => Err(Error::Ambiguous {
            event: name.to_string(),
            products: join(many.iter().map(|&i| title_of(events[i].product, products).to_string())),
        }),
    }
}

fn product_of_domain<'p>(domain: &str, products: &'p [ProductInfo]) -> Option<&'p ProductInfo> {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    products.iter().find(|p| {
        p.domains.iter().any(|suffix| {
            domain == *suffix || (domain.ends_with(suffix) && domain[..domain.len() - suffix.len()].ends_with('.'))
        })
    })
}

fn title_of<'p>(key: &str, products: &'p [ProductInfo]) -> &'p str {
    products.iter().find(|p| p.key == key).map_or("an unknown product", |p| p.title)
}

fn join(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        None => "nothing".into(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_head(bytes: &[u8]) -> Option<(Option<String>, Option<String>)> {
        let head: Head<'_> = serde_json::from_slice(bytes).ok()?;
        Some((head.event.0.map(|c| c.into_owned()), head.domain.0.map(|c| c.into_owned())))
    }

    #[test]
    fn the_scanner_agrees_with_serde_on_what_it_answers() {
        let cases: &[&[u8]] = &[
            br#"{"event":"onA","domain":"x.freshchat.com"}"#,
            br#"{"data":{"event":"nested","domain":"no"},"domain":"d","event":"e"}"#,
            br#"{"data":[{"event":1}],"event":"e"}"#,
            br#"{"event":"a\"b","domain":"d"}"#,
            br#"{"event":5,"domain":"d"}"#,
            br#"{"domain":{"event":"x"},"event":"e"}"#,
            br#"{"x":"a,b:\"{[","event":"e","domain":"d"}"#,
            br#"{"event":"e"}"#,
            br#"{"event":"e""#,
            br#"{broken"#,
            b"  {\n\"event\" : \"e\" ,\n \"domain\" : \"d\" }",
            br#"{"event":"\u00e9","domain":"d"}"#,
            br#"[{"event":"e"}]"#,
        ];
        for case in cases {
            if let Some((event, domain)) = scan_head(case) {
                let expected = serde_head(case);
                let got = (event.map(|c| c.into_owned()), domain.map(|c| c.into_owned()));
                if let Some(expected) = expected {
                    assert_eq!(got, expected, "{}", String::from_utf8_lossy(case));
                }
            }
        }
        assert_eq!(scan_head(br#"{"data":{"event":"nested"},"event":"top"}"#).and_then(|h| h.0).as_deref(), Some("top"));
        assert!(scan_head(br#"{"event":"a\"b"}"#).is_none(), "escapes go to serde");
        assert!(scan_head(b"{broken").is_none(), "malformed input goes to serde");
    }
}

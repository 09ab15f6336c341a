//! What every event's payload can do, how a payload finds its event, and the events the
//! spec does not cover.

use serde::Serialize;

use super::attribute::{FieldSpec, ROOT};
use super::document::{mended, Doc};
use super::error::Error;
use super::field::Field;
use super::fixture::{EventContext, Gen, WireSample};
use super::id::Id;
use super::node::{DynObject, Node, WireNode};
use super::raw::Raw;
use super::reader::{without_bom, Peek, Reader, WireRead};
use super::rules::{Rule, EVENT_NAME};
use super::scan::{scan_document, Scanned, WireScan};
use super::text::Text;
use super::timestamp::Timestamp;
use super::tokens::Tokens;
use super::validate::{Kind, Mode, Report, Walk, WireCheck};
use super::wire::{Build, Wire};

/// The data of one event: what each generated `Data` type implements.
pub trait EventData: Build {
    /// Product key, e.g. `freshchat`.
    const PRODUCT: &'static str;
    /// Event name, e.g. `onAgentActivityCreate`.
    const EVENT: &'static str;
    /// The product's first domain, for fixtures.
    const DOMAIN: &'static str;
    /// The event's documented rules.
    const RULES: &'static [Rule];
    /// The generated `EventKind`.
    type Kind: Copy + 'static;
    /// The event's kind.
    const KIND: Self::Kind;
}

/// The envelope around an event's data: what the generated envelope implements, for any
/// data type.
pub trait Envelope: Wire + Default {
    /// The data type.
    type Data: Wire;
    /// The same envelope with other data.
    type With<D: Wire + Default>: Envelope<Data = D>;
    /// The envelope's `event` string.
    fn event_name(&self) -> Option<&str>;
    /// The envelope's `domain` string.
    fn domain(&self) -> Option<&str>;
    /// The envelope's `account_id`.
    fn account_id(&self) -> Option<&Id>;
    /// The envelope's `region` string.
    fn region(&self) -> Option<&str>;
    /// The envelope's `timestamp`.
    fn timestamp(&self) -> Option<&Timestamp>;
    /// The envelope's `version` string.
    fn version(&self) -> Option<&str>;
    /// The data slot.
    fn data_field(&self) -> &Field<Self::Data>;
    /// The same envelope around other data.
    fn with_data<D: Wire + Default>(self, data: Field<D>) -> Self::With<D>;
}

/// Reads a payload of a known event. Only malformed JSON or a non-object fails: attributes
/// of the wrong type are kept for validation to report.
pub fn from_slice<P: Envelope>(bytes: &[u8]) -> Result<P, Error> {
    mended(bytes, from_doc)
}

/// [`from_slice`] of a document whose lone surrogate escapes may be read mended.
pub(crate) fn from_doc<P: Envelope>(doc: Doc<'_>) -> Result<P, Error> {
    match Reader::of(doc).document::<P>()? {
        Field::Value(v) => Ok(v),
        Field::Invalid(raw) => Err(Error::NotAnObject { found: raw.describe() }),
        Field::Null | Field::Absent => Err(Error::NotAnObject { found: "null".into() }),
    }
}

/// Every violation of a payload: its attributes, then that the envelope names its event,
/// then the event's rules.
pub fn validate_payload<P>(payload: &P, mode: Mode) -> Report
where
    P: Envelope,
    P::Data: EventData,
{
    let mut walk = Walk::new(mode);
    let data = match payload.data_field() {
        Field::Value(data) => Some(super::interpreter::Typed(data as &dyn DynObject)),
        _ => None,
    };
    let in_force = match &data {
        Some(data) => super::interpreter::in_force(data, P::Data::RULES, mode == Mode::Strict),
        None => Vec::new(),
    };
    if data.is_some() {
        walk.allow_null(super::interpreter::null_allowed(P::Data::RULES, &in_force));
    }
    payload.check(&mut walk, &ROOT);
    if let Some(name) = payload.event_name() {
        if name != P::Data::EVENT {
            walk.push_key("event");
            walk.rule(&EVENT_NAME, format!("{:?}", P::Data::EVENT), format!("{name:?}"));
            walk.pop();
        }
    }
    if let Some(data) = &data {
        super::interpreter::check(data, P::Data::RULES, &in_force, &mut walk);
    }
    walk.finish()
}

/// Every violation of a payload of event `P`, read from the bytes without building it: the
/// compiled validator, whose report is [`validate_payload`]'s. Fails as [`from_slice`]
/// fails: on malformed JSON or a non-object.
pub fn scan_payload<P>(bytes: &[u8], mode: Mode) -> Result<Scanned, Error>
where
    P: Envelope,
    P::Data: EventData,
{
    scan_document::<P>(bytes, mode, P::Data::EVENT, P::Data::RULES)
}

/// The default fixture of an event (`seed` `None`) or one drawn from a seed; it keeps every
/// documented rule.
pub fn fixture<P>(seed: Option<u64>) -> P
where
    P: Envelope,
    P::Data: EventData,
{
    let g = match seed {
        Some(seed) => Gen::seeded(seed),
        None => Gen::default_fixture(),
    };
    let context = EventContext { name: P::Data::EVENT, domain: P::Data::DOMAIN, rules: P::Data::RULES };
    let mut payload = P::sample(&mut g.for_event(context), &ROOT);
    enforce(&mut payload);
    payload
}

/// Makes a payload keep every documented rule of its event.
pub fn enforce<P>(payload: &mut P)
where
    P: Envelope,
    P::Data: EventData,
{
    if let Some(data) = payload_data_mut(payload) {
        super::interpreter::enforce_data(data, P::Data::RULES, &mut |d| fingerprint(d));
    }
}

fn payload_data_mut<P: Envelope>(payload: &mut P) -> Option<&mut dyn DynObject>
where
    P::Data: EventData,
{
    match payload.node_mut() {
        super::node::NodeMut::Object(o) => match o.slot_mut("data")?.node_mut() {
            super::node::NodeMut::Object(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

/// What a data object holds, to tell whether a round of rules changed it.
fn fingerprint(data: &dyn DynObject) -> String {
    fn walk(node: Node<'_>, out: &mut String, depth: usize) {
        if depth > 32 {
            return;
        }
        match node {
            Node::Absent => out.push('-'),
            Node::Null => out.push('0'),
            Node::Invalid | Node::Other => out.push('?'),
            Node::Scalar(s) => out.push_str(&s.to_string()),
            Node::Timestamp(t) => out.push_str(&t.unix_nanos().to_string()),
            Node::Keys(keys) => out.push_str(&keys.join(",")),
            Node::Items(items) => {
                for i in 0..items.len() {
                    if let Some(item) = items.item(i) {
                        walk(item.node(), out, depth + 1);
                        out.push(';');
                    }
                }
            }
            Node::Object(o) => {
                out.push('{');
                for name in o.field_names() {
                    if let Some(slot) = o.slot(name) {
                        walk(slot.node(), out, depth + 1);
                        out.push(',');
                    }
                }
                out.push('}');
            }
        }
    }
    let mut out = String::new();
    walk(Node::Object(data), &mut out, 0);
    out
}

/// An event's data before dispatch: its place in the bytes, parsed once the envelope has
/// said which event it is.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Deferred {
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Serialize for Deferred {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Never written: dispatch replaces it with the event's data.
        s.serialize_unit()
    }
}

impl WireRead for Deferred {
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error> {
        if peek != Peek::Object {
            return r.invalid(peek);
        }
        let start = r.mark();
        r.skip_value(peek)?;
        Ok(Field::Value(Deferred { start: r.absolute(start), end: r.absolute(r.mark()) }))
    }
}

impl WireCheck for Deferred {
    const EXPECTED: &'static str = "an object";
}

impl WireScan for Deferred {}

impl WireSample for Deferred {
    fn sample(_: &mut Gen, _: &'static FieldSpec) -> Self {
        Deferred::default()
    }
}

impl WireNode for Deferred {
    fn node(&self) -> Node<'_> {
        Node::Other
    }
}

/// The event a payload names with the `event` and `domain` that come before its `data`;
/// `None` when `data` comes first, or anything is unusual (the full read then decides, and
/// reports what is wrong).
pub(crate) fn early_identity(bytes: &[u8], products: &[ProductInfo], events: &'static [EventInfo]) -> Option<usize> {
    let mut j = Tokens::new(without_bom(bytes));
    if j.peek().ok()? != Peek::Object {
        return None;
    }
    let (mut event, mut domain) = (None, None);
    let mut key = j.object_first().ok()?.map(EarlyKey::of);
    loop {
        let peek = j.peek().ok()?;
        match key? {
            EarlyKey::Data => break,
            EarlyKey::Event | EarlyKey::Domain if peek != Peek::String => return None,
            EarlyKey::Event => event = Some(Text::from(j.str().ok()?)),
            EarlyKey::Domain => domain = Some(Text::from(j.str().ok()?)),
            EarlyKey::Other => j.skip(peek).ok()?,
        }
        key = j.object_next().ok()?.map(EarlyKey::of);
    }
    identify(event.as_deref(), domain.as_deref(), products, events).ok()
}

/// The envelope keys that decide the event.
enum EarlyKey {
    Event,
    Domain,
    Data,
    Other,
}

impl EarlyKey {
    fn of(key: &str) -> EarlyKey {
        match key {
            "event" => EarlyKey::Event,
            "domain" => EarlyKey::Domain,
            "data" => EarlyKey::Data,
            _ => EarlyKey::Other,
        }
    }
}

/// The payload's text without its surrounding whitespace (and byte order mark), kept raw.
pub(crate) fn whole_text(bytes: &[u8]) -> Result<Raw, Error> {
    let whole = without_bom(bytes);
    let start = whole.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let end = whole.len() - whole.iter().rev().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    Reader::new(bytes).raw_absolute(start, end.max(start))
}

/// A payload of an event or product the spec does not cover, kept whole so a service can
/// log it and pass it on.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownEvent {
    /// The product, when the envelope's `domain` names one of the spec.
    pub product: Option<String>,
    /// The envelope's `event`.
    pub event: String,
    /// Why it is unknown, naming what the spec covers.
    pub reason: String,
    /// The envelope attributes every event has, as the payload gave them.
    pub envelope: EnvelopeFields,
    /// The payload as sent.
    pub payload: Raw,
}

impl UnknownEvent {
    /// The violation that validation reports for it.
    pub fn report(&self) -> Report {
        let mut walk = Walk::new(Mode::Lenient);
        walk.push_key("event");
        walk.report(Kind::UnknownEvent, "an event of the spec", format!("{:?}", self.event), self.reason.clone());
        walk.finish()
    }
}

impl Serialize for UnknownEvent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.payload.serialize(s)
    }
}

/// The envelope attributes every event has, as an unknown event's payload gave them (a
/// value of another type reads as `None`, and stays in the payload as sent).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnvelopeFields {
    /// `account_id`.
    pub account_id: Option<Id>,
    /// `domain`.
    pub domain: Option<String>,
    /// `region`.
    pub region: Option<String>,
    /// `timestamp`.
    pub timestamp: Option<Timestamp>,
    /// `version`.
    pub version: Option<String>,
}

impl EnvelopeFields {
    /// The attributes of a read envelope.
    pub fn of<H: Envelope>(head: &H) -> Self {
        EnvelopeFields {
            account_id: head.account_id().cloned(),
            domain: head.domain().map(str::to_string),
            region: head.region().map(str::to_string),
            timestamp: head.timestamp().cloned(),
            version: head.version().map(str::to_string),
        }
    }
}

/// Why a payload was not accepted.
#[derive(Debug, Clone, PartialEq)]
pub enum Rejected {
    /// The bytes could not be read as a payload at all.
    Unreadable(Error),
    /// The payload was read but breaks the spec; the report has every violation.
    Invalid(Report),
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::Unreadable(e) => std::fmt::Display::fmt(e, f),
            Rejected::Invalid(report) => write!(f, "the payload breaks the spec:\n{report}"),
        }
    }
}

impl std::error::Error for Rejected {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // `transparent`: the error itself is what is shown, so it has no source of its own.
            Rejected::Unreadable(e) => e.source(),
            Rejected::Invalid(_) => None,
        }
    }
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

/// Finds which event of `events` a payload is, from its envelope's `event` and `domain`.
///
/// The domain decides the product when it is one of a product's; otherwise the event name
/// must belong to a single product.
pub fn identify(event: Option<&str>, domain: Option<&str>, products: &[ProductInfo], events: &'static [EventInfo]) -> Result<usize, Error> {
    let event = event.ok_or(Error::NoEventName)?;
    let by_domain = domain.and_then(|d| product_of_domain(d, products));
    if let Some(product) = by_domain {
        return events.iter().position(|e| e.product == product.key && e.name == event).ok_or_else(|| Error::UnsupportedEvent {
            product: product.title.to_string(),
            event: event.to_string(),
            covered: events.iter().filter(|e| e.product == product.key).map(|e| e.name.to_string()).collect(),
        });
    }
    let candidates: Vec<usize> = events.iter().enumerate().filter(|(_, e)| e.name == event).map(|(i, _)| i).collect();
    match candidates.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::UnknownEvent { event: event.to_string(), known: qualified_names(events) }),
        many => Err(Error::Ambiguous { event: event.to_string(), products: titles(many, products, events) }),
    }
}

/// Finds an event by `product/event` or, when only one product has it, `event`.
pub fn find(name: &str, products: &[ProductInfo], events: &'static [EventInfo]) -> Result<usize, Error> {
    if let Some((product, event)) = name.split_once('/') {
        return events
            .iter()
            .position(|e| e.product == product && e.name == event)
            .ok_or_else(|| Error::NoSuchEvent { name: name.to_string(), known: qualified_names(events) });
    }
    let candidates: Vec<usize> = events.iter().enumerate().filter(|(_, e)| e.name == name).map(|(i, _)| i).collect();
    match candidates.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::NoSuchEvent { name: name.to_string(), known: qualified_names(events) }),
        many => Err(Error::Ambiguous { event: name.to_string(), products: titles(many, products, events) }),
    }
}

/// Every event of the table as `product/event`, for errors that list them.
pub(super) fn qualified_names(events: &[EventInfo]) -> Vec<String> {
    events.iter().map(EventInfo::qualified).collect()
}

/// The titles of the products of the events at `indices`.
fn titles(indices: &[usize], products: &[ProductInfo], events: &[EventInfo]) -> Vec<String> {
    indices.iter().map(|&i| title_of(events[i].product, products).to_string()).collect()
}

/// The product whose domain `domain` is or ends in (after a dot), ignoring ASCII case and
/// a trailing dot. The spec's domains are lowercase.
pub(super) fn product_of_domain<'p>(domain: &str, products: &'p [ProductInfo]) -> Option<&'p ProductInfo> {
    let domain = domain.trim_end_matches('.').as_bytes();
    products.iter().find(|p| {
        p.domains.iter().any(|suffix| {
            let Some(cut) = domain.len().checked_sub(suffix.len()) else { return false };
            domain[cut..].eq_ignore_ascii_case(suffix.as_bytes()) && (cut == 0 || domain[cut - 1] == b'.')
        })
    })
}

fn title_of<'p>(key: &str, products: &'p [ProductInfo]) -> &'p str {
    products.iter().find(|p| p.key == key).map_or("an unknown product", |p| p.title)
}

#[cfg(test)]
mod tests {
    use super::*;

    static PRODUCTS: [ProductInfo; 2] = [
        ProductInfo { key: "acme", title: "Acme", domains: &["acme.example"] },
        ProductInfo { key: "zenith", title: "Zenith", domains: &["zenith.example"] },
    ];
    static EVENTS: [EventInfo; 3] = [
        EventInfo { product: "acme", name: "onThing" },
        EventInfo { product: "acme", name: "onOther" },
        EventInfo { product: "zenith", name: "onThing" },
    ];

    #[test]
    fn the_lists_an_error_names_are_its_items() {
        match identify(Some("onNothing"), None, &PRODUCTS, &EVENTS) {
            Err(Error::UnknownEvent { event, known }) => {
                assert_eq!(event, "onNothing");
                assert_eq!(known, ["acme/onThing", "acme/onOther", "zenith/onThing"]);
            }
            other => panic!("{other:?}"),
        }
        match identify(Some("onNothing"), Some("x.zenith.example"), &PRODUCTS, &EVENTS) {
            Err(Error::UnsupportedEvent { product, covered, .. }) => {
                assert_eq!((product.as_str(), covered), ("Zenith", vec!["onThing".to_string()]))
            }
            other => panic!("{other:?}"),
        }
        let e = find("onThing", &PRODUCTS, &EVENTS).unwrap_err();
        assert_eq!(e, Error::Ambiguous { event: "onThing".into(), products: vec!["Acme".into(), "Zenith".into()] });
        assert_eq!(e.to_string(), "event \"onThing\" exists in Acme and Zenith; name it as product/event");
        let e = find("acme/onNothing", &PRODUCTS, &EVENTS).unwrap_err();
        assert_eq!(e.to_string(), "no event \"acme/onNothing\" in the spec; known: acme/onThing, acme/onOther and zenith/onThing");
    }
}

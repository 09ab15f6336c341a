//! Dispatch over every event, written once. The generated `Event` enum only declares its
//! variants (`#[derive(rt::Events)]` matches them to the event kinds); reading, fixtures,
//! validation, serde and the envelope accessors are generic over that declaration.

use serde::Serialize;

use super::document::{mended, Doc};
use super::error::Error;
use super::event::{
    early_identity, fixture, from_doc, identify, product_of_domain, qualified_names, scan_payload, whole_text, Deferred, Envelope,
    EnvelopeFields, EventData, EventInfo, ProductInfo, UnknownEvent,
};
use super::field::Field;
use super::id::Id;
use super::reader::Reader;
use super::scan::Scanned;
use super::timestamp::Timestamp;
use super::validate::{Mode, Report};

/// An enum whose variants are the entries of a table, in its order: the generated
/// `EventKind` (over `EVENTS`) and `Product` (over `PRODUCTS`). Derived by `rt::Listed`.
pub trait Listed: Copy + Eq + 'static {
    /// Every variant, in table order.
    const ALL: &'static [Self];

    /// The variant's place in its table.
    fn index(self) -> usize;

    /// The variant at `index` of the table, if there is one.
    fn at(index: usize) -> Option<Self> {
        Self::ALL.get(index).copied()
    }
}

/// What `#[derive(rt::Events)]` implements for the generated `Event` enum: which variant
/// holds which event kind. Everything else is written against it.
pub trait Events: Sized {
    /// The kind of a known event.
    type Kind: Listed;
    /// The envelope with its `data` not read yet.
    type Head: Envelope<Data = Deferred>;

    /// Hands `build` the data type of `kind` and the variant that holds its payload; `None`
    /// when this build leaves the kind's product out (its cargo feature is off).
    fn build<B: Builder<Self>>(kind: Self::Kind, build: B) -> Option<B::Out>;

    /// Hands `visit` the payload of a known event, or the unknown event.
    fn visit<'a, V: Visit<'a>>(&'a self, visit: V) -> V::Out;

    /// The kind of a known event; `None` for an unknown one.
    fn kind(&self) -> Option<Self::Kind>;

    /// The variant of an event the spec (or this build) does not cover.
    fn unknown(event: UnknownEvent) -> Self;
}

/// The payload type of an event whose data is `D`.
pub type PayloadOf<E, D> = <<E as Events>::Head as Envelope>::With<D>;

/// Something made from an event's data type, once `Events::build` has said which it is.
pub trait Builder<E: Events> {
    /// What is made.
    type Out;
    /// Makes it, with `wrap` the variant that holds a payload of data `D`.
    fn build<D: EventData>(self, wrap: fn(Box<PayloadOf<E, D>>) -> E) -> Self::Out;
}

/// Something read off an event, known or not.
pub trait Visit<'a> {
    /// What is read.
    type Out;
    /// Reads it off the payload of a known event.
    fn known<P>(self, payload: &'a P) -> Self::Out
    where
        P: Envelope,
        P::Data: EventData;
    /// Reads it off an unknown event.
    fn unknown(self, event: &'a UnknownEvent) -> Self::Out;
}

/// Whether a payload was read, or must be read again the general way.
#[derive(Debug)]
pub enum Read<T> {
    /// The payload, read.
    Done(T),
    /// The event found from the attributes before `data` is not the one the payload's final
    /// `event` and `domain` name (a key repeated after `data`): read it again with the
    /// envelope first.
    Again,
}

/// Reads a payload as the event `kind` names or, without one, the event its envelope
/// names. An event or product the spec does not cover becomes `E::unknown`.
///
/// Payloads name their event before their `data` (every payload seen does), so the event
/// is found from the few attributes ahead of `data` and the payload is then read in one
/// pass straight into its event's type. When it is not (`data` first, or a repeated
/// `event` or `domain` after `data` that names another event) the envelope is read with
/// `data` skipped, the event found from the same `event` and `domain` that read took, and
/// `data` read after. Either way the event is the one the final values name.
pub fn parse_event<E: Events>(
    bytes: &[u8],
    products: &[ProductInfo],
    events: &'static [EventInfo],
    kind: Option<E::Kind>,
) -> Result<E, Error> {
    mended(bytes, |doc| parse_doc(doc, products, events, kind))
}

fn parse_doc<E: Events>(doc: Doc<'_>, products: &[ProductInfo], events: &'static [EventInfo], kind: Option<E::Kind>) -> Result<E, Error> {
    let early = match kind {
        Some(kind) => Some(kind.index()),
        None => early_identity(doc.read, products, events),
    };
    if let Some(index) = early {
        let check = kind.is_none().then_some(Named { products, events, index });
        let whole = ReadWhole { doc, check };
        match build_known::<E, _>(index, whole, events)? {
            Some(Read::Done(event)) => return event,
            Some(Read::Again) => {}
            None => return left_out(index, products, events, doc),
        }
    }
    let head: E::Head = from_doc(doc)?;
    let index = match kind {
        Some(kind) => kind.index(),
        None => match identify(head.event_name(), head.domain(), products, events) {
            Ok(i) => i,
            Err(e @ (Error::UnknownEvent { .. } | Error::UnsupportedEvent { .. })) => {
                let product = head.domain().and_then(|d| product_of_domain(d, products)).map(|p| p.key.to_string());
                return Ok(E::unknown(UnknownEvent {
                    product,
                    event: head.event_name().unwrap_or_default().to_string(),
                    reason: e.to_string(),
                    envelope: EnvelopeFields::of(&head),
                    payload: whole_text(doc.sent)?,
                }));
            }
            Err(e) => return Err(e),
        },
    };
    let span = match head.data_field() {
        Field::Value(d) => Some((d.start, d.end)),
        _ => None,
    };
    match build_known::<E, _>(index, ReadSpan { doc, head, span }, events)? {
        Some(event) => event,
        None => left_out(index, products, events, doc),
    }
}

/// Hands `build` the event at `index` of the table; `None` when this build leaves its
/// product out.
fn build_known<E: Events, B: Builder<E>>(index: usize, build: B, events: &[EventInfo]) -> Result<Option<B::Out>, Error> {
    let kind = E::Kind::at(index).ok_or_else(|| no_such_event(index, events))?;
    Ok(E::build(kind, build))
}

fn no_such_event(index: usize, events: &[EventInfo]) -> Error {
    Error::NoSuchEvent { name: format!("#{index}"), known: qualified_names(events) }
}

/// The unknown event of a payload of an event whose product this build leaves out.
fn left_out<E: Events>(index: usize, products: &[ProductInfo], events: &[EventInfo], doc: Doc<'_>) -> Result<E, Error> {
    let info = events.get(index).ok_or_else(|| no_such_event(index, events))?;
    let head: E::Head = from_doc(doc)?;
    Ok(E::unknown(UnknownEvent::left_out(info, products, EnvelopeFields::of(&head), doc.sent)?))
}

/// Reads the whole payload as the event's type. With a check, the event was found from
/// the attributes before `data`, and the payload's final `event` and `domain` must name the
/// same one; when they do not, the answer is to read it again.
struct ReadWhole<'b> {
    doc: Doc<'b>,
    check: Option<Named<'b>>,
}

/// The event found from a payload's first attributes, and what finding it used.
struct Named<'b> {
    products: &'b [ProductInfo],
    events: &'static [EventInfo],
    index: usize,
}

impl<E: Events> Builder<E> for ReadWhole<'_> {
    type Out = Read<Result<E, Error>>;

    fn build<D: EventData>(self, wrap: fn(Box<PayloadOf<E, D>>) -> E) -> Self::Out {
        let whole: PayloadOf<E, D> = match from_doc(self.doc) {
            Ok(whole) => whole,
            Err(e) => return Read::Done(Err(e)),
        };
        if let Some(n) = self.check {
            if identify(whole.event_name(), whole.domain(), n.products, n.events).ok() != Some(n.index) {
                return Read::Again;
            }
        }
        Read::Done(Ok(wrap(Box::new(whole))))
    }
}

/// Reads the `data` of a payload whose envelope was read, from its span.
struct ReadSpan<'b, H> {
    doc: Doc<'b>,
    head: H,
    span: Option<(usize, usize)>,
}

impl<E: Events> Builder<E> for ReadSpan<'_, E::Head> {
    type Out = Result<E, Error>;

    fn build<D: EventData>(self, wrap: fn(Box<PayloadOf<E, D>>) -> E) -> Self::Out {
        let data = match (self.span, self.head.data_field()) {
            (Some((start, end)), _) => Reader::slice(self.doc, start, end).document::<D>()?,
            (None, Field::Invalid(raw)) => Field::Invalid(raw.clone()),
            (None, Field::Null) => Field::Null,
            (None, _) => Field::Absent,
        };
        Ok(wrap(Box::new(self.head.with_data(data))))
    }
}

/// The fixture of an event kind: the default one, or one drawn from a seed.
pub fn event_fixture<E: Events>(kind: E::Kind, seed: Option<u64>) -> Option<E> {
    struct Fixture(Option<u64>);
    impl<E: Events> Builder<E> for Fixture {
        type Out = E;
        fn build<D: EventData>(self, wrap: fn(Box<PayloadOf<E, D>>) -> E) -> E {
            wrap(Box::new(fixture(self.0)))
        }
    }
    E::build(kind, Fixture(seed))
}

/// Every violation of an event in `mode`; an unknown event's is that it is unknown.
pub fn validate_event<E: Events>(event: &E, mode: Mode) -> Report {
    struct Validate(Mode);
    impl Visit<'_> for Validate {
        type Out = Report;
        fn known<P>(self, payload: &P) -> Report
        where
            P: Envelope,
            P::Data: EventData,
        {
            super::event::validate_payload(payload, self.0)
        }
        fn unknown(self, event: &UnknownEvent) -> Report {
            event.report()
        }
    }
    event.visit(Validate(mode))
}

/// Writes an event as its payload: a known one through its types, an unknown one as sent.
pub fn serialize_event<E: Events, S: serde::Serializer>(event: &E, s: S) -> Result<S::Ok, S::Error> {
    struct Write<S>(S);
    impl<S: serde::Serializer> Visit<'_> for Write<S> {
        type Out = Result<S::Ok, S::Error>;
        fn known<P>(self, payload: &P) -> Self::Out
        where
            P: Envelope,
            P::Data: EventData,
        {
            payload.serialize(self.0)
        }
        fn unknown(self, event: &UnknownEvent) -> Self::Out {
            event.serialize(self.0)
        }
    }
    event.visit(Write(s))
}

/// The unknown event, if it is one.
pub fn unknown_of<E: Events>(event: &E) -> Option<&UnknownEvent> {
    struct Unknown;
    impl<'a> Visit<'a> for Unknown {
        type Out = Option<&'a UnknownEvent>;
        fn known<P>(self, _: &'a P) -> Self::Out
        where
            P: Envelope,
            P::Data: EventData,
        {
            None
        }
        fn unknown(self, event: &'a UnknownEvent) -> Self::Out {
            Some(event)
        }
    }
    event.visit(Unknown)
}

/// The envelope attributes every event has, borrowed from a known event's payload or an
/// unknown event's reading of its envelope. `None` where the payload has no value of the
/// documented type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EnvelopeRef<'a> {
    /// `account_id`.
    pub account_id: Option<&'a Id>,
    /// `domain`.
    pub domain: Option<&'a str>,
    /// `event`, as the envelope gives it.
    pub event: Option<&'a str>,
    /// `region`.
    pub region: Option<&'a str>,
    /// `timestamp`.
    pub timestamp: Option<&'a Timestamp>,
    /// `version`.
    pub version: Option<&'a str>,
}

/// The envelope attributes of an event, known or not.
pub fn envelope_of<E: Events>(event: &E) -> EnvelopeRef<'_> {
    struct Common;
    impl<'a> Visit<'a> for Common {
        type Out = EnvelopeRef<'a>;
        fn known<P>(self, p: &'a P) -> EnvelopeRef<'a>
        where
            P: Envelope,
            P::Data: EventData,
        {
            EnvelopeRef {
                account_id: p.account_id(),
                domain: p.domain(),
                event: p.event_name(),
                region: p.region(),
                timestamp: p.timestamp(),
                version: p.version(),
            }
        }
        fn unknown(self, u: &'a UnknownEvent) -> EnvelopeRef<'a> {
            let e = &u.envelope;
            EnvelopeRef {
                account_id: e.account_id.as_ref(),
                domain: e.domain.as_deref(),
                event: Some(&u.event),
                region: e.region.as_deref(),
                timestamp: e.timestamp.as_ref(),
                version: e.version.as_deref(),
            }
        }
    }
    event.visit(Common)
}

/// The compiled validator of an event kind: every violation straight from the bytes, none of
/// the payload built; `None` when this build leaves the kind's product out.
fn scan_kind<E: Events>(kind: E::Kind, bytes: &[u8], mode: Mode) -> Option<Result<Scanned, Error>> {
    struct Scanner<'b>(&'b [u8], Mode);
    impl<E: Events> Builder<E> for Scanner<'_> {
        type Out = Result<Scanned, Error>;
        fn build<D: EventData>(self, _wrap: fn(Box<PayloadOf<E, D>>) -> E) -> Self::Out {
            scan_payload::<PayloadOf<E, D>>(self.0, self.1)
        }
    }
    E::build(kind, Scanner(bytes, mode))
}

/// Validates a payload's bytes as the event `kind` names or, without one, the event its
/// envelope names: with the compiled validator when the envelope before `data` settles the
/// event, and otherwise by reading and walking it, with the same report either way.
pub fn check_event_of<E: Events>(
    bytes: &[u8],
    products: &[ProductInfo],
    events: &'static [EventInfo],
    kind: Option<E::Kind>,
    mode: Mode,
) -> Result<Checked, Error> {
    let scan = |index: usize| E::Kind::at(index).and_then(|k| scan_kind::<E>(k, bytes, mode));
    check_event(bytes, products, events, kind.map(Listed::index), scan, || {
        let event: E = parse_event(bytes, products, events, kind)?;
        Ok(match unknown_of(&event) {
            // The rare path (an event the spec does not cover): the copy is the payload's text.
            Some(unknown) => Checked::Unknown(unknown.clone()),
            None => Checked::Known { event: event.kind().map(|k| &events[k.index()]), report: validate_event(&event, mode) },
        })
    })
}

/// The outcome of validating a payload's bytes.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked {
    /// A payload of an event of the spec, and every violation of it.
    Known {
        /// The event.
        event: Option<&'static EventInfo>,
        /// Every violation.
        report: Report,
    },
    /// An event or product the spec does not cover.
    Unknown(UnknownEvent),
}

/// Validates a payload's bytes as the event its envelope names (or `EVENTS[index]`): with
/// `scan` (the compiled validator of event `i`, `None` for a product whose feature is off)
/// when the `event` and `domain` before `data` name the event and the last ones agree, and
/// otherwise (`data` first, a repeated `event` after it, an event the spec does not cover)
/// with `typed`, the parse and walk, which decide those cases.
pub fn check_event(
    bytes: &[u8],
    products: &[ProductInfo],
    events: &'static [EventInfo],
    index: Option<usize>,
    scan: impl Fn(usize) -> Option<Result<Scanned, Error>>,
    typed: impl FnOnce() -> Result<Checked, Error>,
) -> Result<Checked, Error> {
    let early = match index {
        Some(i) if i < events.len() => Some(i),
        Some(_) => None,
        None => early_identity(bytes, products, events),
    };
    if let Some(i) = early {
        if let Some(result) = scan(i) {
            let scanned = result?;
            let agrees = index.is_some() || identify(scanned.event.as_deref(), scanned.domain.as_deref(), products, events).ok() == Some(i);
            if agrees {
                return Ok(Checked::Known { event: Some(&events[i]), report: scanned.report });
            }
        }
    }
    typed()
}

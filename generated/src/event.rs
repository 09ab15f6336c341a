//! The API over every event: [`Event`]'s reading, validation, fixtures, envelope and serde,
//! and what [`EventKind`] and [`Product`] say. The generated enums only declare their
//! variants; this is written once for all of them.

use std::fmt;
use std::str::FromStr;

use crate::rt::{self, Listed as _};
use crate::{Checked, Error, Event, EventInfo, EventKind, Id, Mode, Product, ProductInfo, Report, Timestamp, EVENTS, PRODUCTS};

impl Event {
    /// Reads a payload in one pass, finding its event from the envelope's `event` and
    /// `domain`; an event the spec does not cover is [`Event::Unknown`]. Only malformed
    /// JSON, a payload that is not an object, or one whose event cannot be told (no
    /// `event`, or a name two products share and no `domain` to tell which) is an error.
    pub fn parse(bytes: &[u8]) -> Result<Self, Error> {
        rt::parse_event(bytes, PRODUCTS, EVENTS, None)
    }

    /// Reads a payload as the event `kind`, whatever its envelope names (validation reports
    /// an envelope naming another event). A kind whose product this build leaves out reads
    /// as [`Event::Unknown`].
    pub fn parse_as(kind: EventKind, bytes: &[u8]) -> Result<Self, Error> {
        rt::parse_event(bytes, PRODUCTS, EVENTS, Some(kind))
    }

    /// A fixture of the event `kind`: the default one (`seed` `None`), or one drawn from
    /// `seed`; valid in both readings. `None` when this build leaves the kind's product out.
    pub fn fixture(kind: EventKind, seed: Option<u64>) -> Option<Self> {
        rt::fixture_of_kind(kind, seed)
    }

    /// Every violation of a payload in `mode`, read straight from the bytes without building
    /// it (the compiled validator): the same report, and the same error, as
    /// [`Event::parse`] then [`Event::validate`].
    pub fn validate_slice(bytes: &[u8], mode: Mode) -> Result<Checked, Error> {
        rt::check_event_of::<Event>(bytes, PRODUCTS, EVENTS, None, mode)
    }

    /// [`Event::validate_slice`] as the event `kind`, as [`Event::parse_as`] reads it.
    pub fn validate_slice_as(kind: EventKind, bytes: &[u8], mode: Mode) -> Result<Checked, Error> {
        rt::check_event_of::<Event>(bytes, PRODUCTS, EVENTS, Some(kind), mode)
    }

    /// Which event of the spec this is; `None` for an unknown event, whose
    /// [`name`](Self::name) and [`product`](Self::product) are still there.
    pub fn kind(&self) -> Option<EventKind> {
        rt::Events::kind(self)
    }

    /// Every violation of the spec in `mode`; an unknown event's is that it is unknown.
    pub fn validate(&self, mode: Mode) -> Report {
        rt::validate_event(self, mode)
    }

    /// The event's name: its kind's for a known event (as the spec writes it), the
    /// envelope's `event` for an unknown one.
    pub fn name(&self) -> &str {
        match rt::unknown_of(self) {
            Some(unknown) => &unknown.event,
            None => self.kind().map_or("", EventKind::name),
        }
    }

    /// The product: its kind's for a known event; for an unknown one, the product the
    /// envelope's `domain` names, if the spec has it.
    pub fn product(&self) -> Option<Product> {
        match rt::unknown_of(self) {
            Some(unknown) => unknown.product.as_deref().and_then(|key| key.parse().ok()),
            None => self.kind().map(EventKind::product),
        }
    }

    /// The envelope's `account_id`; `None` when it is absent, null or not an id.
    pub fn account_id(&self) -> Option<&Id> {
        rt::envelope_of(self).account_id
    }

    /// The envelope's `domain`, the account's host name.
    pub fn domain(&self) -> Option<&str> {
        rt::envelope_of(self).domain
    }

    /// The envelope's `region` (US, EU, IND, AUS, ...).
    pub fn region(&self) -> Option<&str> {
        rt::envelope_of(self).region
    }

    /// The envelope's `timestamp`, when the platform emitted the event.
    pub fn timestamp(&self) -> Option<&Timestamp> {
        rt::envelope_of(self).timestamp
    }

    /// The envelope's `version` of the payload format.
    pub fn version(&self) -> Option<&str> {
        rt::envelope_of(self).version
    }
}

impl serde::Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        rt::serialize_event(self, s)
    }
}

impl<'de> serde::Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        rt::deserialize_with(d, Event::parse)
    }
}

impl<D: rt::EventData<Kind = EventKind>> crate::Envelope<D> {
    /// The event of this payload type, e.g.
    /// `freshchat::on_agent_activity_create::Payload::KIND`.
    pub const KIND: EventKind = D::KIND;
}

impl EventKind {
    /// Every event of the spec, in spec order.
    pub const ALL: &'static [EventKind] = <EventKind as rt::Listed>::ALL;

    /// The event's entry in [`EVENTS`].
    pub fn info(self) -> &'static EventInfo {
        &EVENTS[self.index()]
    }

    /// The event name as the envelope's `event` gives it, e.g. `onAgentUpdate`.
    pub fn name(self) -> &'static str {
        self.info().name
    }
}

/// `product/event`, e.g. `freshcaller/onAgentUpdate`.
impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.product().key(), self.name())
    }
}

/// `product/event`, or `event` when only one product of the spec has an event of that name.
impl FromStr for EventKind {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        let index = rt::find(name, PRODUCTS, EVENTS)?;
        EventKind::at(index)
            .ok_or_else(|| Error::NoSuchEvent { name: name.to_string(), known: EVENTS.iter().map(EventInfo::qualified).collect() })
    }
}

/// As its `product/event` name.
impl serde::Serialize for EventKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// From a `product/event` name (or an `event` only one product has).
impl<'de> serde::Deserialize<'de> for EventKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl Product {
    /// Every product of the spec, in spec order.
    pub const ALL: &'static [Product] = <Product as rt::Listed>::ALL;

    /// The product's entry in [`PRODUCTS`].
    pub fn info(self) -> &'static ProductInfo {
        &PRODUCTS[self.index()]
    }

    /// The key in `product/event` names and cargo features, e.g. `freshchat`.
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// The name shown in messages, e.g. `Freshchat`.
    pub fn title(self) -> &'static str {
        self.info().title
    }

    /// The events of the spec this product raises, in spec order.
    pub fn events(self) -> impl Iterator<Item = EventKind> {
        EventKind::ALL.iter().copied().filter(move |k| k.product() == self)
    }
}

/// The product's key, e.g. `freshchat`.
impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A product's key, e.g. `freshchat`.
impl FromStr for Product {
    type Err = Error;

    fn from_str(key: &str) -> Result<Self, Error> {
        Product::ALL.iter().copied().find(|p| p.key() == key).ok_or_else(|| Error::NoSuchProduct {
            name: key.to_string(),
            known: Product::ALL.iter().map(|p| p.key().to_string()).collect(),
        })
    }
}

/// As its key.
impl serde::Serialize for Product {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// From its key.
impl<'de> serde::Deserialize<'de> for Product {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        key.parse().map_err(serde::de::Error::custom)
    }
}

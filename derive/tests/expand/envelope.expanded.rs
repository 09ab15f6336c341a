// The expansion of `envelope.rs`; `UPDATE_SNAPSHOTS=1` rewrites it.

impl<D: crate::rt::Wire + Default> crate::rt::WireRead for Envelope<D> {
    fn read(
        r: &mut crate::rt::Reader<'_>,
        peek: crate::rt::Peek,
    ) -> Result<crate::rt::Field<Self>, crate::rt::Error> {
        let mut slot = crate::rt::Field::Absent;
        Self::read_into(r, peek, &mut slot)?;
        Ok(slot)
    }
    fn read_into(
        r: &mut crate::rt::Reader<'_>,
        peek: crate::rt::Peek,
        slot: &mut crate::rt::Field<Self>,
    ) -> Result<(), crate::rt::Error> {
        if peek != crate::rt::Peek::Object {
            *slot = r.invalid(peek)?;
            return Ok(());
        }
        *slot = crate::rt::Field::Value(Self::default());
        let crate::rt::Field::Value(out) = slot else { return Ok(()) };
        let mut seen = [0u64; 1usize];
        let mut spans = [(0usize, 0usize); 4usize];
        let mut key = r.first_key()?;
        while let Some(k) = key {
            match k {
                "account_id" => {
                    if crate::rt::seen(&mut seen, 0usize) {
                        let (start, end) = spans[0usize];
                        out.unknown_fields
                            .push_duplicate(
                                0usize,
                                "account_id",
                                r.raw_between(start, end)?,
                            );
                    }
                    let start = r.field_into(&mut out.account_id)?;
                    spans[0usize] = (start, r.mark());
                }
                "event" => {
                    if crate::rt::seen(&mut seen, 1usize) {
                        let (start, end) = spans[1usize];
                        out.unknown_fields
                            .push_duplicate(1usize, "event", r.raw_between(start, end)?);
                    }
                    let start = r.field_into(&mut out.event)?;
                    spans[1usize] = (start, r.mark());
                }
                "timestamp" => {
                    if crate::rt::seen(&mut seen, 2usize) {
                        let (start, end) = spans[2usize];
                        out.unknown_fields
                            .push_duplicate(
                                2usize,
                                "timestamp",
                                r.raw_between(start, end)?,
                            );
                    }
                    let start = r.field_into(&mut out.timestamp)?;
                    spans[2usize] = (start, r.mark());
                }
                "data" => {
                    if crate::rt::seen(&mut seen, 3usize) {
                        let (start, end) = spans[3usize];
                        out.unknown_fields
                            .push_duplicate(3usize, "data", r.raw_between(start, end)?);
                    }
                    let start = r.field_into(&mut out.data)?;
                    spans[3usize] = (start, r.mark());
                }
                _ => {
                    let k = k.to_owned();
                    let v = r.raw()?;
                    out.unknown_fields.push(k, v);
                }
            }
            key = r.next_key()?;
        }
        r.leave();
        Ok(())
    }
}
impl<D: crate::rt::Wire + Default> crate::rt::WireCheck for Envelope<D> {
    const EXPECTED: &'static str = "an object";
    fn check<'a>(
        &'a self,
        walk: &mut crate::rt::Walk<'a>,
        _: &'static crate::rt::FieldSpec,
    ) {
        let specs = <Self as crate::rt::Object>::FIELDS;
        walk.field(&self.account_id, &specs[0usize]);
        walk.field(&self.event, &specs[1usize]);
        walk.field(&self.timestamp, &specs[2usize]);
        walk.field(&self.data, &specs[3usize]);
        walk.unknown(&self.unknown_fields);
    }
}
impl<D: crate::rt::Wire + Default> crate::rt::WireScan for Envelope<D> {
    fn scan(
        s: &mut crate::rt::Scan<'_>,
        peek: crate::rt::Peek,
        _: &'static crate::rt::FieldSpec,
    ) -> Result<(), crate::rt::Error> {
        if peek != crate::rt::Peek::Object {
            return s.wrong::<Self>(peek);
        }
        let specs = <Self as crate::rt::Object>::FIELDS;
        let mut o = s.open();
        let mut seen = [0u64; 1usize];
        let mut key = s.reader().first_key()?;
        while let Some(k) = key {
            match k {
                "account_id" => {
                    let repeated = crate::rt::seen(&mut seen, 0usize);
                    s.field::<rt::Id>(&mut o, repeated, 0usize, &specs[0usize])?;
                }
                "event" => {
                    let repeated = crate::rt::seen(&mut seen, 1usize);
                    s.field::<rt::Text>(&mut o, repeated, 1usize, &specs[1usize])?;
                }
                "timestamp" => {
                    let repeated = crate::rt::seen(&mut seen, 2usize);
                    s.field::<rt::Timestamp>(&mut o, repeated, 2usize, &specs[2usize])?;
                }
                "data" => {
                    let repeated = crate::rt::seen(&mut seen, 3usize);
                    s.field::<D>(&mut o, repeated, 3usize, &specs[3usize])?;
                }
                _ => {
                    let k = crate::rt::Text::from(k);
                    s.unknown(&mut o, k)?;
                }
            }
            key = s.reader().next_key()?;
        }
        s.reader().leave();
        if seen[0usize / 64] & (1u64 << (0usize % 64)) == 0 {
            s.absent(0usize, &specs[0usize], <rt::Id as crate::rt::WireCheck>::EXPECTED);
        }
        if seen[1usize / 64] & (1u64 << (1usize % 64)) == 0 {
            s.absent(
                1usize,
                &specs[1usize],
                <rt::Text as crate::rt::WireCheck>::EXPECTED,
            );
        }
        if seen[2usize / 64] & (1u64 << (2usize % 64)) == 0 {
            s.absent(
                2usize,
                &specs[2usize],
                <rt::Timestamp as crate::rt::WireCheck>::EXPECTED,
            );
        }
        if seen[3usize / 64] & (1u64 << (3usize % 64)) == 0 {
            s.absent(3usize, &specs[3usize], <D as crate::rt::WireCheck>::EXPECTED);
        }
        s.close(o, specs)
    }
}
impl<D: crate::rt::Wire + Default> crate::rt::WireSample for Envelope<D> {
    fn sample(g: &mut crate::rt::Gen, _: &'static crate::rt::FieldSpec) -> Self {
        let specs = <Self as crate::rt::Object>::FIELDS;
        g.enter();
        let out = Self {
            account_id: g.field(&specs[0usize]),
            event: g.field(&specs[1usize]),
            timestamp: g.field(&specs[2usize]),
            data: g.field(&specs[3usize]),
            unknown_fields: Default::default(),
        };
        g.leave();
        out
    }
}
impl<D: crate::rt::Wire + Default> crate::rt::WireNode for Envelope<D> {
    fn node(&self) -> crate::rt::Node<'_> {
        crate::rt::Node::Object(self)
    }
    fn node_mut(&mut self) -> crate::rt::NodeMut<'_> {
        crate::rt::NodeMut::Object(self)
    }
}
impl<D: crate::rt::Wire + Default> crate::rt::Object for Envelope<D> {
    const NAME: &'static str = "Envelope";
    const FIELDS: &'static [crate::rt::FieldSpec] = &[
        crate::rt::FieldSpec {
            wire: "account_id",
            strict: crate::rt::Presence::REQUIRED,
            lenient: crate::rt::Presence::REQUIRED,
            forms: &[],
            id_form: Some(crate::rt::IdForm::String),
            example: None,
            fake: crate::rt::Fake::Account,
            utc: false,
        },
        crate::rt::FieldSpec {
            wire: "event",
            strict: crate::rt::Presence::REQUIRED,
            lenient: crate::rt::Presence::REQUIRED,
            forms: &[],
            id_form: None,
            example: None,
            fake: crate::rt::Fake::Word,
            utc: false,
        },
        crate::rt::FieldSpec {
            wire: "timestamp",
            strict: crate::rt::Presence::REQUIRED,
            lenient: crate::rt::Presence::REQUIRED,
            forms: &[crate::rt::TimestampFormat::EpochMillis],
            id_form: None,
            example: None,
            fake: crate::rt::Fake::Word,
            utc: false,
        },
        crate::rt::FieldSpec {
            wire: "data",
            strict: crate::rt::Presence::REQUIRED,
            lenient: crate::rt::Presence::REQUIRED,
            forms: &[],
            id_form: None,
            example: None,
            fake: crate::rt::Fake::Word,
            utc: false,
        },
    ];
    fn slot(&self, wire: &str) -> Option<&dyn crate::rt::Slot> {
        match wire {
            "account_id" => Some(&self.account_id),
            "event" => Some(&self.event),
            "timestamp" => Some(&self.timestamp),
            "data" => Some(&self.data),
            _ => None,
        }
    }
    fn slot_mut(&mut self, wire: &str) -> Option<&mut dyn crate::rt::Slot> {
        match wire {
            "account_id" => Some(&mut self.account_id),
            "event" => Some(&mut self.event),
            "timestamp" => Some(&mut self.timestamp),
            "data" => Some(&mut self.data),
            _ => None,
        }
    }
    fn unknown_fields(&self) -> &crate::rt::UnknownFields {
        &self.unknown_fields
    }
}
impl<D: crate::rt::Wire + Default> serde::Serialize for Envelope<D> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        let unknown = &self.unknown_fields;
        unknown.write_duplicates(&mut map, "account_id")?;
        crate::rt::entry(&mut map, "account_id", &self.account_id)?;
        unknown.write_duplicates(&mut map, "event")?;
        crate::rt::entry(&mut map, "event", &self.event)?;
        unknown.write_duplicates(&mut map, "timestamp")?;
        crate::rt::entry(&mut map, "timestamp", &self.timestamp)?;
        unknown.write_duplicates(&mut map, "data")?;
        crate::rt::entry(&mut map, "data", &self.data)?;
        unknown.write(&mut map)?;
        map.end()
    }
}
impl<'de, D: crate::rt::Wire + Default> serde::Deserialize<'de> for Envelope<D> {
    fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        crate::rt::deserialize(d)
    }
}
impl<D: crate::rt::Wire + Default> Envelope<D> {
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn account_id(&self) -> Option<&rt::Id> {
        self.account_id.get()
    }
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn event(&self) -> Option<&str> {
        self.event.get().map(|t| t.as_str())
    }
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn timestamp(&self) -> Option<&rt::Timestamp> {
        self.timestamp.get()
    }
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn data(&self) -> Option<&D> {
        self.data.get()
    }
}
impl<D: crate::rt::Build + crate::rt::EventData> Envelope<D> {
    ///A builder for a [`Envelope`], starting from the default fixture.
    pub fn builder() -> EnvelopeBuilder<D> {
        EnvelopeBuilder(crate::rt::event_fixture::<Self>(None))
    }
}
impl<D: crate::rt::Wire + Default> crate::rt::Envelope for Envelope<D> {
    type Data = D;
    type With<E: crate::rt::Wire + Default> = Envelope<E>;
    fn event_name(&self) -> Option<&str> {
        self.event.get().map(|t| t.as_str())
    }
    fn domain(&self) -> Option<&str> {
        None
    }
    fn account_id(&self) -> Option<&crate::rt::Id> {
        self.account_id.get()
    }
    fn region(&self) -> Option<&str> {
        None
    }
    fn timestamp(&self) -> Option<&crate::rt::Timestamp> {
        self.timestamp.get()
    }
    fn version(&self) -> Option<&str> {
        None
    }
    fn data_field(&self) -> &crate::rt::Field<D> {
        &self.data
    }
    fn with_data<E: crate::rt::Wire + Default>(
        self,
        data: crate::rt::Field<E>,
    ) -> Envelope<E> {
        Envelope {
            data,
            account_id: self.account_id,
            event: self.event,
            timestamp: self.timestamp,
            unknown_fields: self.unknown_fields,
        }
    }
}
impl<D: crate::rt::Build + crate::rt::EventData> Envelope<D> {
    /// Reads a payload of this event in one pass over the bytes. Only malformed
    /// JSON or a non-object fails: attributes of the wrong type, unknown ones and
    /// repeated keys are kept for [`Self::validate`] to report.
    pub fn from_slice(bytes: &[u8]) -> Result<Self, crate::rt::Error> {
        crate::rt::from_slice(bytes)
    }
    /// Every violation of the spec in `mode`: attributes, the event name, the rules.
    pub fn validate(&self, mode: crate::rt::Mode) -> crate::rt::Report {
        crate::rt::validate_payload(self, mode)
    }
    /// Every violation of the spec in `mode`, read straight from the bytes without
    /// building the payload: the same report as [`Self::from_slice`] and
    /// [`Self::validate`], and the same error where that fails.
    pub fn validate_slice(
        bytes: &[u8],
        mode: crate::rt::Mode,
    ) -> Result<crate::rt::Report, crate::rt::Error> {
        crate::rt::scan_payload::<Self>(bytes, mode).map(|s| s.report)
    }
    /// Reads and validates: the typed payload when it is valid, every violation
    /// when it is not.
    pub fn from_slice_validated(
        bytes: &[u8],
        mode: crate::rt::Mode,
    ) -> Result<Self, crate::rt::Rejected> {
        let payload = Self::from_slice(bytes).map_err(crate::rt::Rejected::Unreadable)?;
        let report = payload.validate(mode);
        if report.is_valid() {
            Ok(payload)
        } else {
            Err(crate::rt::Rejected::Invalid(report))
        }
    }
    /// The default fixture: realistic, valid in both readings, the same on every run.
    pub fn fixture() -> Self {
        crate::rt::event_fixture(None)
    }
    /// A fixture drawn from `seed`: the same seed gives the same payload, and it
    /// keeps every documented rule.
    pub fn fixture_seeded(seed: u64) -> Self {
        crate::rt::event_fixture(Some(seed))
    }
}
///Builds a [`Envelope`] attribute by attribute; see [`Envelope::builder`].
#[derive(Debug, Clone)]
pub struct EnvelopeBuilder<D: crate::rt::Wire + Default>(Envelope<D>);
impl<D: crate::rt::Build + crate::rt::EventData> EnvelopeBuilder<D> {
    ///Sets `account_id`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn account_id(mut self, value: impl Into<rt::Field<rt::Id>>) -> Self {
        self.0.account_id = value.into();
        self
    }
    ///Sets `event`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn event(mut self, value: impl Into<rt::Field<rt::Text>>) -> Self {
        self.0.event = value.into();
        self
    }
    ///Sets `timestamp`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn timestamp(mut self, value: impl Into<rt::Field<rt::Timestamp>>) -> Self {
        self.0.timestamp = value.into();
        self
    }
    ///Sets `data`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn data(mut self, value: impl Into<rt::Field<D>>) -> Self {
        self.0.data = value.into();
        self
    }
    ///Edits `data` with its own builder, starting from its current value (or a default sample when it has none).
    pub fn data_with(
        mut self,
        edit: impl FnOnce(
            <D as crate::rt::Build>::Builder,
        ) -> <D as crate::rt::Build>::Builder,
    ) -> Self {
        let start = match std::mem::take(&mut self.0.data) {
            crate::rt::Field::Value(v) => v,
            _ => crate::rt::sample_default::<D>(),
        };
        self.0.data = crate::rt::Field::Value(
            crate::rt::Build::from_builder(edit(crate::rt::Build::into_builder(start))),
        );
        self
    }
    /// Makes the payload keep every documented rule of its event, as seeded
    /// fixtures do: a system actor gets the nulls the docs promise, a value a
    /// rule rules out is replaced by one it allows.
    pub fn apply_rules(mut self) -> Self {
        crate::rt::event::enforce(&mut self.0);
        self
    }
    /// The value, if it is valid in the lenient reading; otherwise every violation.
    pub fn build(self) -> Result<Envelope<D>, crate::rt::Report> {
        self.build_in(crate::rt::Mode::Lenient)
    }
    /// The value, if it is valid in `mode`; otherwise every violation, in spec order.
    pub fn build_in(
        self,
        mode: crate::rt::Mode,
    ) -> Result<Envelope<D>, crate::rt::Report> {
        let report = crate::rt::validate_payload(&self.0, mode);
        if report.is_valid() { Ok(self.0) } else { Err(report) }
    }
    /// The value as set, valid or not.
    pub fn unchecked(self) -> Envelope<D> {
        self.0
    }
}
impl<D: crate::rt::Build + crate::rt::EventData> crate::rt::Build for Envelope<D> {
    type Builder = EnvelopeBuilder<D>;
    fn into_builder(self) -> Self::Builder {
        EnvelopeBuilder(self)
    }
    fn from_builder(builder: Self::Builder) -> Self {
        builder.0
    }
}

// The expansion of `object.rs`; `UPDATE_SNAPSHOTS=1` rewrites it.

impl crate::rt::WireRead for Data {
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
        let mut spans = [(0usize, 0usize); 6usize];
        let mut key = r.first_key()?;
        while let Some(k) = key {
            match k {
                "actor" => {
                    if crate::rt::seen(&mut seen, 0usize) {
                        let (start, end) = spans[0usize];
                        out.unknown_fields
                            .push_duplicate(0usize, "actor", r.raw_between(start, end)?);
                    }
                    let start = r.field_into(&mut out.actor)?;
                    spans[0usize] = (start, r.mark());
                }
                "self" => {
                    if crate::rt::seen(&mut seen, 1usize) {
                        let (start, end) = spans[1usize];
                        out.unknown_fields
                            .push_duplicate(1usize, "self", r.raw_between(start, end)?);
                    }
                    let start = r.field_into(&mut out.self_)?;
                    spans[1usize] = (start, r.mark());
                }
                "id" => {
                    if crate::rt::seen(&mut seen, 2usize) {
                        let (start, end) = spans[2usize];
                        out.unknown_fields
                            .push_duplicate(2usize, "id", r.raw_between(start, end)?);
                    }
                    let start = r.field_into(&mut out.id)?;
                    spans[2usize] = (start, r.mark());
                }
                "at" => {
                    if crate::rt::seen(&mut seen, 3usize) {
                        let (start, end) = spans[3usize];
                        out.unknown_fields
                            .push_duplicate(3usize, "at", r.raw_between(start, end)?);
                    }
                    let start = r.field_into(&mut out.at)?;
                    spans[3usize] = (start, r.mark());
                }
                "type" => {
                    if crate::rt::seen(&mut seen, 4usize) {
                        let (start, end) = spans[4usize];
                        out.unknown_fields
                            .push_duplicate(4usize, "type", r.raw_between(start, end)?);
                    }
                    let start = r.field_into(&mut out.r#type)?;
                    spans[4usize] = (start, r.mark());
                }
                "name" => {
                    if crate::rt::seen(&mut seen, 5usize) {
                        let (start, end) = spans[5usize];
                        out.unknown_fields
                            .push_duplicate(5usize, "name", r.raw_between(start, end)?);
                    }
                    let start = r.field_into(&mut out.name)?;
                    spans[5usize] = (start, r.mark());
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
impl crate::rt::WireCheck for Data {
    const EXPECTED: &'static str = "an object";
    fn check<'a>(
        &'a self,
        walk: &mut crate::rt::Walk<'a>,
        _: &'static crate::rt::FieldSpec,
    ) {
        let specs = <Self as crate::rt::Object>::FIELDS;
        walk.field(&self.actor, &specs[0usize]);
        walk.field(&self.self_, &specs[1usize]);
        walk.field(&self.id, &specs[2usize]);
        walk.field(&self.at, &specs[3usize]);
        walk.field(&self.r#type, &specs[4usize]);
        walk.field(&self.name, &specs[5usize]);
        walk.unknown(&self.unknown_fields);
    }
}
impl crate::rt::WireScan for Data {
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
                "actor" => {
                    let repeated = crate::rt::seen(&mut seen, 0usize);
                    s.field::<Actor>(&mut o, repeated, 0usize, &specs[0usize])?;
                }
                "self" => {
                    let repeated = crate::rt::seen(&mut seen, 1usize);
                    s.field::<Actor>(&mut o, repeated, 1usize, &specs[1usize])?;
                }
                "id" => {
                    let repeated = crate::rt::seen(&mut seen, 2usize);
                    s.field::<rt::Id>(&mut o, repeated, 2usize, &specs[2usize])?;
                }
                "at" => {
                    let repeated = crate::rt::seen(&mut seen, 3usize);
                    s.field::<rt::Timestamp>(&mut o, repeated, 3usize, &specs[3usize])?;
                }
                "type" => {
                    let repeated = crate::rt::seen(&mut seen, 4usize);
                    s.field::<i64>(&mut o, repeated, 4usize, &specs[4usize])?;
                }
                "name" => {
                    let repeated = crate::rt::seen(&mut seen, 5usize);
                    s.field::<rt::Text>(&mut o, repeated, 5usize, &specs[5usize])?;
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
            s.absent(0usize, &specs[0usize], <Actor as crate::rt::WireCheck>::EXPECTED);
        }
        if seen[1usize / 64] & (1u64 << (1usize % 64)) == 0 {
            s.absent(1usize, &specs[1usize], <Actor as crate::rt::WireCheck>::EXPECTED);
        }
        if seen[2usize / 64] & (1u64 << (2usize % 64)) == 0 {
            s.absent(2usize, &specs[2usize], <rt::Id as crate::rt::WireCheck>::EXPECTED);
        }
        if seen[3usize / 64] & (1u64 << (3usize % 64)) == 0 {
            s.absent(
                3usize,
                &specs[3usize],
                <rt::Timestamp as crate::rt::WireCheck>::EXPECTED,
            );
        }
        if seen[4usize / 64] & (1u64 << (4usize % 64)) == 0 {
            s.absent(4usize, &specs[4usize], <i64 as crate::rt::WireCheck>::EXPECTED);
        }
        if seen[5usize / 64] & (1u64 << (5usize % 64)) == 0 {
            s.absent(
                5usize,
                &specs[5usize],
                <rt::Text as crate::rt::WireCheck>::EXPECTED,
            );
        }
        s.close(o, specs)
    }
}
impl crate::rt::WireSample for Data {
    fn sample(g: &mut crate::rt::Gen, _: &'static crate::rt::FieldSpec) -> Self {
        let specs = <Self as crate::rt::Object>::FIELDS;
        g.enter();
        let out = Self {
            actor: g.field(&specs[0usize]),
            self_: g.field(&specs[1usize]),
            id: g.field(&specs[2usize]),
            at: g.field(&specs[3usize]),
            r#type: g.field(&specs[4usize]),
            name: g.field(&specs[5usize]),
            unknown_fields: Default::default(),
        };
        g.leave();
        out
    }
}
impl crate::rt::WireNode for Data {
    fn node(&self) -> crate::rt::Node<'_> {
        crate::rt::Node::Object(self)
    }
    fn node_mut(&mut self) -> crate::rt::NodeMut<'_> {
        crate::rt::NodeMut::Object(self)
    }
}
impl crate::rt::Object for Data {
    const NAME: &'static str = "Data";
    const FIELDS: &'static [crate::rt::FieldSpec] = &[
        crate::rt::FieldSpec {
            wire: "actor",
            strict: crate::rt::Presence::REQUIRED,
            lenient: crate::rt::Presence::ANY,
            forms: &[],
            id_form: None,
            example: None,
            fake: crate::rt::Fake::Word,
            utc: false,
        },
        crate::rt::FieldSpec {
            wire: "self",
            strict: crate::rt::Presence::NULLABLE,
            lenient: crate::rt::Presence::ANY,
            forms: &[],
            id_form: None,
            example: None,
            fake: crate::rt::Fake::Word,
            utc: false,
        },
        crate::rt::FieldSpec {
            wire: "id",
            strict: crate::rt::Presence::REQUIRED,
            lenient: crate::rt::Presence::REQUIRED,
            forms: &[],
            id_form: Some(crate::rt::IdForm::String),
            example: Some(crate::rt::Lit::Str("42")),
            fake: crate::rt::Fake::Uuid,
            utc: false,
        },
        crate::rt::FieldSpec {
            wire: "at",
            strict: crate::rt::Presence::OPTIONAL,
            lenient: crate::rt::Presence::OPTIONAL,
            forms: &[
                crate::rt::TimestampFormat::EpochMillis,
                crate::rt::TimestampFormat::Iso8601,
            ],
            id_form: None,
            example: None,
            fake: crate::rt::Fake::Word,
            utc: true,
        },
        crate::rt::FieldSpec {
            wire: "type",
            strict: crate::rt::Presence::REQUIRED,
            lenient: crate::rt::Presence::ANY,
            forms: &[],
            id_form: None,
            example: Some(crate::rt::Lit::Int(-5)),
            fake: crate::rt::Fake::Word,
            utc: false,
        },
        crate::rt::FieldSpec {
            wire: "name",
            strict: crate::rt::Presence::ANY,
            lenient: crate::rt::Presence::ANY,
            forms: &[],
            id_form: None,
            example: Some(crate::rt::Lit::Str("Jay")),
            fake: crate::rt::Fake::FirstName,
            utc: false,
        },
    ];
    fn slot(&self, wire: &str) -> Option<&dyn crate::rt::Slot> {
        match wire {
            "actor" => Some(&self.actor),
            "self" => Some(&self.self_),
            "id" => Some(&self.id),
            "at" => Some(&self.at),
            "type" => Some(&self.r#type),
            "name" => Some(&self.name),
            _ => None,
        }
    }
    fn slot_mut(&mut self, wire: &str) -> Option<&mut dyn crate::rt::Slot> {
        match wire {
            "actor" => Some(&mut self.actor),
            "self" => Some(&mut self.self_),
            "id" => Some(&mut self.id),
            "at" => Some(&mut self.at),
            "type" => Some(&mut self.r#type),
            "name" => Some(&mut self.name),
            _ => None,
        }
    }
    fn unknown_fields(&self) -> &crate::rt::UnknownFields {
        &self.unknown_fields
    }
}
impl serde::Serialize for Data {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        let unknown = &self.unknown_fields;
        unknown.write_duplicates(&mut map, "actor")?;
        crate::rt::entry(&mut map, "actor", &self.actor)?;
        unknown.write_duplicates(&mut map, "self")?;
        crate::rt::entry(&mut map, "self", &self.self_)?;
        unknown.write_duplicates(&mut map, "id")?;
        crate::rt::entry(&mut map, "id", &self.id)?;
        unknown.write_duplicates(&mut map, "at")?;
        crate::rt::entry(&mut map, "at", &self.at)?;
        unknown.write_duplicates(&mut map, "type")?;
        crate::rt::entry(&mut map, "type", &self.r#type)?;
        unknown.write_duplicates(&mut map, "name")?;
        crate::rt::entry(&mut map, "name", &self.name)?;
        unknown.write(&mut map)?;
        map.end()
    }
}
impl<'de> serde::Deserialize<'de> for Data {
    fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        crate::rt::deserialize(d)
    }
}
impl Data {
    /// Who did it.
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn actor(&self) -> Option<&Actor> {
        self.actor.get()
    }
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn self_(&self) -> Option<&Actor> {
        self.self_.get()
    }
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn id(&self) -> Option<&rt::Id> {
        self.id.get()
    }
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn at(&self) -> Option<&rt::Timestamp> {
        self.at.get()
    }
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn r#type(&self) -> Option<&i64> {
        self.r#type.get()
    }
    ///
    /// `None` when the attribute is absent, null or of the wrong type; the field of
    /// the same name tells these apart.
    #[inline]
    pub fn name(&self) -> Option<&str> {
        self.name.get().map(|t| t.as_str())
    }
}
impl Data {
    ///A builder for a [`Data`], starting from the default fixture.
    pub fn builder() -> DataBuilder {
        DataBuilder(crate::rt::sample_default::<Self>())
    }
}
impl crate::rt::EventData for Data {
    const PRODUCT: &'static str = "acme";
    const EVENT: &'static str = "onThing";
    const DOMAIN: &'static str = "acme.com";
    const RULES: &'static [crate::rt::Rule] = RULES;
    type Kind = crate::EventKind;
    const KIND: crate::EventKind = crate::EventKind::AcmeOnThing;
}
///Builds a [`Data`] attribute by attribute; see [`Data::builder`].
#[derive(Debug, Clone)]
pub struct DataBuilder(Data);
impl DataBuilder {
    ///Sets `actor`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn actor(mut self, value: impl Into<rt::Field<Actor>>) -> Self {
        self.0.actor = value.into();
        self
    }
    ///Edits `actor` with its own builder, starting from its current value (or a default sample when it has none).
    pub fn actor_with(
        mut self,
        edit: impl FnOnce(
            <Actor as crate::rt::Build>::Builder,
        ) -> <Actor as crate::rt::Build>::Builder,
    ) -> Self {
        let start = match std::mem::take(&mut self.0.actor) {
            crate::rt::Field::Value(v) => v,
            _ => crate::rt::sample_default::<Actor>(),
        };
        self.0.actor = crate::rt::Field::Value(
            crate::rt::Build::from_builder(edit(crate::rt::Build::into_builder(start))),
        );
        self
    }
    ///Sets `self`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn self_(mut self, value: impl Into<rt::Field<Actor>>) -> Self {
        self.0.self_ = value.into();
        self
    }
    ///Edits `self` with its own builder, starting from its current value (or a default sample when it has none).
    pub fn self_with(
        mut self,
        edit: impl FnOnce(
            <Actor as crate::rt::Build>::Builder,
        ) -> <Actor as crate::rt::Build>::Builder,
    ) -> Self {
        let start = match std::mem::take(&mut self.0.self_) {
            crate::rt::Field::Value(v) => v,
            _ => crate::rt::sample_default::<Actor>(),
        };
        self.0.self_ = crate::rt::Field::Value(
            crate::rt::Build::from_builder(edit(crate::rt::Build::into_builder(start))),
        );
        self
    }
    ///Sets `id`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn id(mut self, value: impl Into<rt::Field<rt::Id>>) -> Self {
        self.0.id = value.into();
        self
    }
    ///Sets `at`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn at(mut self, value: impl Into<rt::Field<rt::Timestamp>>) -> Self {
        self.0.at = value.into();
        self
    }
    ///Sets `type`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn r#type(mut self, value: impl Into<rt::Field<i64>>) -> Self {
        self.0.r#type = value.into();
        self
    }
    ///Sets `name`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.
    pub fn name(mut self, value: impl Into<rt::Field<rt::Text>>) -> Self {
        self.0.name = value.into();
        self
    }
    /// The value, if it is valid in the lenient reading; otherwise every violation.
    pub fn build(self) -> Result<Data, crate::rt::Report> {
        self.build_in(crate::rt::Mode::Lenient)
    }
    /// The value, if it is valid in `mode`; otherwise every violation, in spec order.
    pub fn build_in(self, mode: crate::rt::Mode) -> Result<Data, crate::rt::Report> {
        let report = crate::rt::check_value(&self.0, mode);
        if report.is_valid() { Ok(self.0) } else { Err(report) }
    }
    /// The value as set, valid or not.
    pub fn unchecked(self) -> Data {
        self.0
    }
}
impl crate::rt::Build for Data {
    type Builder = DataBuilder;
    fn into_builder(self) -> Self::Builder {
        DataBuilder(self)
    }
    fn from_builder(builder: Self::Builder) -> Self {
        builder.0
    }
}

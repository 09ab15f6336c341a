// The expansion of `enum.rs`; `UPDATE_SNAPSHOTS=1` rewrites it.

impl crate::rt::WireRead for Status {
    fn read(
        r: &mut crate::rt::Reader<'_>,
        peek: crate::rt::Peek,
    ) -> Result<crate::rt::Field<Self>, crate::rt::Error> {
        if peek != crate::rt::Peek::String {
            return r.invalid(peek);
        }
        let start = r.mark();
        let n = r.str()?;
        match n {
            "online" => Ok(crate::rt::Field::Value(Status::Online)),
            "away" => Ok(crate::rt::Field::Value(Status::Away)),
            n => Ok(crate::rt::Field::Value(Status::Other(crate::rt::Text::from(n)))),
        }
    }
}
impl crate::rt::WireCheck for Status {
    const EXPECTED: &'static str = "one of \"online\", \"away\"";
    const CHECKS: bool = true;
    fn mismatch(found: &crate::rt::Raw) -> crate::rt::Mismatch {
        crate::rt::Mismatch::enumeration("one of \"online\", \"away\"", false, found)
    }
    fn check<'a>(
        &'a self,
        walk: &mut crate::rt::Walk<'a>,
        _: &'static crate::rt::FieldSpec,
    ) {
        let _ = &walk;
    }
}
impl crate::rt::WireScan for Status {}
impl crate::rt::WireSample for Status {
    fn sample(g: &mut crate::rt::Gen, spec: &'static crate::rt::FieldSpec) -> Self {
        const ALL: [Status; 2usize] = [Status::Online, Status::Away];
        if g.documented_other() {
            return Status::Other(crate::rt::Text::from(g.other_text()));
        }
        ALL[g
                .pick_hinted(
                    spec,
                    &[crate::rt::Scalar::Str("online"), crate::rt::Scalar::Str("away")],
                )]
            .clone()
    }
}
impl crate::rt::WireNode for Status {
    fn node(&self) -> crate::rt::Node<'_> {
        crate::rt::Node::Scalar(
            match self {
                Status::Online => crate::rt::Scalar::Str("online"),
                Status::Away => crate::rt::Scalar::Str("away"),
                Status::Other(n) => crate::rt::Scalar::Str(n),
            },
        )
    }
    fn from_scalar(value: &crate::rt::Scalar<'_>) -> Option<Self> {
        const ALL: [Status; 2usize] = [Status::Online, Status::Away];
        const WIRES: [crate::rt::Scalar<'static>; 2usize] = [
            crate::rt::Scalar::Str("online"),
            crate::rt::Scalar::Str("away"),
        ];
        match WIRES.iter().position(|w| w.same(value)) {
            Some(i) => Some(ALL[i].clone()),
            None => {
                match value {
                    crate::rt::Scalar::Str(n) => {
                        Some(Status::Other(crate::rt::Text::from(*n)))
                    }
                    _ => None,
                }
            }
        }
    }
}
impl Status {
    ///The value as the wire carries it; for a value the spec does not list, what was sent.
    pub fn as_str(&self) -> &str {
        match self {
            Status::Online => "online",
            Status::Away => "away",
            Status::Other(n) => n,
        }
    }
    ///The position of the value in the spec's list; `None` for a value the spec does not list.
    pub fn index(&self) -> Option<usize> {
        match self {
            Status::Online => Some(0usize),
            Status::Away => Some(1usize),
            Status::Other(_) => None,
        }
    }
}
impl serde::Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Status::Online => {
                crate::rt::serialize_scalar(&crate::rt::Scalar::Str("online"), s)
            }
            Status::Away => {
                crate::rt::serialize_scalar(&crate::rt::Scalar::Str("away"), s)
            }
            Status::Other(n) => s.serialize_str(n),
        }
    }
}
impl<'de> serde::Deserialize<'de> for Status {
    fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
        crate::rt::deserialize(d)
    }
}
impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match crate::rt::WireNode::node(self).scalar() {
            Some(crate::rt::Scalar::Str(s)) => f.write_str(s),
            Some(other) => write!(f, "{other}"),
            None => Ok(()),
        }
    }
}

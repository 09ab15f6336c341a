//! What the spec says of one attribute, as a generated field's `#[fw(...)]` declares it:
//! [`FieldSpec`] and its parts, which the reader, the validator, the rule engine and the
//! sampler share.

use super::node::Scalar;
use super::timestamp::TimestampFormat;

/// Presence of an attribute in one reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presence {
    /// Whether the key may be sent with `null`.
    pub nullable: bool,
    /// Whether the key may be left out.
    pub optional: bool,
}

impl Presence {
    /// Present and not null.
    pub const REQUIRED: Presence = Presence { nullable: false, optional: false };
    /// Present, possibly null.
    pub const NULLABLE: Presence = Presence { nullable: true, optional: false };
    /// Possibly absent, never null when present.
    pub const OPTIONAL: Presence = Presence { nullable: false, optional: true };
    /// Possibly absent, possibly null.
    pub const ANY: Presence = Presence { nullable: true, optional: true };
}

/// The documented form of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdForm {
    /// The docs show the id as a JSON string.
    String,
    /// The docs show the id as a JSON integer.
    Integer,
}

/// What the spec says of one attribute: the `#[fw(...)]` attribute of a generated field.
#[derive(Debug)]
pub struct FieldSpec {
    /// The attribute's key on the wire; empty for the payload root.
    pub wire: &'static str,
    /// Presence as the docs give it, for strict mode.
    pub strict: Presence,
    /// Presence as real payloads show it, for lenient mode.
    pub lenient: Presence,
    /// Timestamp forms the docs give (checked in strict mode).
    pub forms: &'static [TimestampFormat],
    /// The id form the docs give (checked in strict mode).
    pub id_form: Option<IdForm>,
    /// A realistic value for the default fixture.
    pub example: Option<Lit>,
    /// What kind of realistic value a fixture makes.
    pub fake: Fake,
    /// The docs give the timestamp "in the UTC format": strict mode refuses other offsets.
    pub utc: bool,
}

/// The payload root: present and non-null in both readings.
pub static ROOT: FieldSpec = FieldSpec {
    wire: "",
    strict: Presence::REQUIRED,
    lenient: Presence::REQUIRED,
    forms: &[],
    id_form: None,
    example: None,
    fake: Fake::Word,
    utc: false,
};

/// What kind of realistic value an attribute holds, guessed by the generator from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fake {
    /// An email address of a made-up person.
    Email,
    /// A person's first name.
    FirstName,
    /// A person's last name.
    LastName,
    /// A person's first and last name; also the fallback for other `name` attributes.
    FullName,
    /// The name of an agent status, e.g. `Busy`.
    StatusName,
    /// A phone number in the fictional 555-01xx range.
    Phone,
    /// A URL (of an avatar image).
    Url,
    /// A UUID, as text or as a string id.
    Uuid,
    /// An emoji short name, e.g. `coffee`.
    Emoji,
    /// A time zone name as Freshworks gives it, e.g. `Chennai`.
    TimeZone,
    /// A language code, e.g. `en`.
    Language,
    /// An account domain.
    Domain,
    /// A data-centre region, e.g. `EU`.
    Region,
    /// A version number.
    Version,
    /// A short sentence, for descriptions.
    Sentence,
    /// A single word: the fallback when the name suggests nothing better.
    Word,
    /// A channel a conversation came in by, e.g. `chat`.
    Channel,
    /// A small count, 0 to 11.
    Count,
    /// A boolean that is true in the default fixture.
    Flag,
    /// A boolean that is false in the default fixture (deleted, locked, admin).
    FlagOff,
    /// The name of a team of agents.
    TeamName,
    /// The account: one id for the whole payload.
    Account,
}

/// A literal of the spec: in a rule, or an attribute's example.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lit {
    /// A string.
    Str(&'static str),
    /// An integer.
    Int(i64),
    /// A number.
    Float(f64),
    /// A boolean.
    Bool(bool),
}

impl Lit {
    /// The literal as a scalar.
    pub fn scalar(&self) -> Scalar<'static> {
        match *self {
            Lit::Str(s) => Scalar::Str(s),
            Lit::Int(i) => Scalar::Int(i),
            Lit::Float(f) => Scalar::Float(f),
            Lit::Bool(b) => Scalar::Bool(b),
        }
    }

    /// Whether a value equals the literal, as the docs mean equality.
    pub fn matches(&self, value: &Scalar<'_>) -> bool {
        self.scalar().same(value)
    }
}

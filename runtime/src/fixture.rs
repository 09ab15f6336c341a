//! Fixtures: the choices behind every generated `sample`, realistic values, and the
//! rules' literals as hints, so that seeds reach every branch of every rule.
//!
//! A [`Gen`] either makes the default fixture (first choice everywhere, every attribute
//! present, the spec's examples: the same payload on every run) or draws every choice
//! from a seed. It follows the attribute path it is sampling, so values the event's rules
//! mention at that path are drawn often, and the envelope's `event` and `domain` name the
//! event being made. A type makes a value of itself through [`WireSample`].

use serde_json::Value;

use super::attribute::{Fake, FieldSpec, IdForm};
use super::field::Field;
use super::id::Id;
use super::node::{Scalar, WireNode};
use super::rules::{Path, Rule};
use super::timestamp::{Timestamp, TimestampFormat};

/// How a type makes a value of itself: the face of [`Wire`](super::wire::Wire) the
/// sampler drives. A sample is shown to the rule engine (an example stands for a value,
/// and the rules are then made to hold), so it builds on [`WireNode`].
pub trait WireSample: WireNode {
    /// Makes a value, taking every choice from `g`.
    fn sample(g: &mut Gen, spec: &'static FieldSpec) -> Self;
}

/// Makes the choices of a fixture.
#[derive(Debug, Clone)]
pub struct Gen {
    rng: Option<u64>,
    depth: usize,
    serial: i64,
    /// The account id, once drawn: every `account_id` of a payload names the same account.
    account: Option<i64>,
    /// Wire names from the payload root to the attribute being sampled; `[]` for items.
    path: Vec<&'static str>,
    event: Option<EventContext>,
}

/// What a payload fixture is made for.
#[derive(Debug, Clone, Copy)]
pub struct EventContext {
    /// The event name, for the envelope's `event`.
    pub name: &'static str,
    /// The product's first domain, for the envelope's `domain`.
    pub domain: &'static str,
    /// The event's rules, whose literals are drawn as hints.
    pub rules: &'static [Rule],
}

const FIRST: &[&str] = &["Jay", "Maria", "Abu", "Rachel", "Minerva", "Kenji", "Priya", "Lucas"];
const LAST: &[&str] = &["Matthews", "Garcia", "Khan", "Green", "McGonagall", "Sato", "Raman", "Silva"];
const STATUS: &[&str] = &["Online", "Busy", "In a meeting", "Away from keyboard", "Lunch"];
const TIME_ZONES: &[&str] = &["Eastern Time (US & Canada)", "Chennai", "London", "Tokyo", "Sydney"];
const LANGUAGES: &[&str] = &["en", "fr", "de", "es", "ja"];
const REGIONS: &[&str] = &["US", "EU", "IND", "AUS"];
const EMOJIS: &[&str] = &["joy", "coffee", "palm_tree", "calendar", "headphones"];
const WORDS: &[&str] = &["hallway_bot", "routing", "assignment", "omniroute", "manual"];
const CHANNELS: &[&str] = &["chat", "freshsales", "phone", "email"];
const TEAMS: &[&str] = &["Tier 1 support", "Billing", "Escalations", "Night shift"];
/// Values beyond an enum's list that a page documents, such as custom status names.
const CUSTOM: &[&str] = &["LUNCH", "In a meeting", "Away from keyboard", "Training"];
const SENTENCES: &[&str] = &["Team lead, EMEA support.", "Handles billing queries.", "Night shift agent."];
/// 2024-08-12T09:05:36Z, the instant of the default fixture.
const BASE_MILLIS: i64 = 1_723_453_536_000;

impl Gen {
    /// The default fixture: first choices, everything present.
    pub fn default_fixture() -> Self {
        Gen { rng: None, depth: 0, serial: 0, account: None, path: Vec::new(), event: None }
    }

    /// Every choice drawn from `seed`; the same seed gives the same fixture.
    pub fn seeded(seed: u64) -> Self {
        Gen { rng: Some(seed ^ 0x9E37_79B9_7F4A_7C15), ..Gen::default_fixture() }
    }

    /// Makes a payload of this event.
    pub fn for_event(mut self, event: EventContext) -> Self {
        self.event = Some(event);
        self
    }

    /// Whether this makes the default fixture rather than a seeded one.
    pub fn is_default(&self) -> bool {
        self.rng.is_none()
    }

    fn next(&mut self) -> u64 {
        // splitmix64: tiny, fast and good enough for test data.
        let state = self.rng.get_or_insert(0);
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An index below `n`: 0 for the default fixture.
    pub fn pick(&mut self, n: usize) -> usize {
        if self.is_default() || n <= 1 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True one time in `n`: never for the default fixture.
    pub fn one_in(&mut self, n: u64) -> bool {
        !self.is_default() && self.next().is_multiple_of(n)
    }

    /// Goes into an object.
    pub fn enter(&mut self) {
        self.depth += 1;
    }

    /// Comes out of an object.
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Samples an array's items.
    pub fn in_items<T>(&mut self, make: impl FnOnce(&mut Gen) -> T) -> T {
        self.path.push("[]");
        self.depth += 1;
        let out = make(self);
        self.depth -= 1;
        self.path.pop();
        out
    }

    /// An attribute: sent, null or left out as the docs allow (the strict reading, so that
    /// fixtures pass in both modes); the spec's example in the default fixture.
    pub fn field<T: WireSample>(&mut self, spec: &'static FieldSpec) -> Field<T> {
        let strict = spec.strict;
        // A type that contains itself stops here rather than recursing forever.
        if self.depth > 8 && (strict.optional || strict.nullable) {
            return if strict.optional { Field::Absent } else { Field::Null };
        }
        if strict.optional && self.one_in(5) {
            return Field::Absent;
        }
        if strict.nullable && self.one_in(4) {
            return Field::Null;
        }
        self.path.push(spec.wire);
        let example = if self.is_default() { spec.example.and_then(|e| T::from_scalar(&e.scalar())) } else { None };
        let value = example.unwrap_or_else(|| T::sample(self, spec));
        self.path.pop();
        Field::Value(value)
    }

    /// How many items an array gets: 1 by default, 0 to 3 when seeded.
    pub fn count(&mut self) -> usize {
        if self.depth > 6 {
            // Keeps recursive types finite.
            0
        } else if self.is_default() {
            1
        } else {
            self.pick(4)
        }
    }

    /// Whether the path being sampled is `rule_path` (below `data`), e.g. `actor.type`
    /// or `actor.social_profiles[].type`.
    fn at(&self, rule_path: Path) -> bool {
        let Some(("data", below)) = self.path.split_first().map(|(f, r)| (*f, r)) else { return false };
        rule_path.segments().eq(below.iter().copied())
    }

    /// Literals the event's rules mention at the path being sampled.
    fn hints(&self) -> Vec<Scalar<'static>> {
        let mut out: Vec<Scalar<'static>> = Vec::new();
        let Some(event) = self.event else { return out };
        for rule in event.rules {
            for (path, lits) in rule.mentions() {
                if self.at(path) {
                    for lit in lits {
                        let s = lit.scalar();
                        if !out.contains(&s) {
                            out.push(s);
                        }
                    }
                }
            }
        }
        out
    }

    /// An index into `values` (an enum's), drawing the values the rules mention half the
    /// time when seeded; the default fixture takes the first value.
    pub fn pick_hinted(&mut self, _spec: &'static FieldSpec, values: &[Scalar<'static>]) -> usize {
        let hints = self.hints();
        let hinted: Vec<usize> = (0..values.len()).filter(|&i| hints.iter().any(|h| h.same(&values[i]))).collect();
        if !hinted.is_empty() && self.one_in(2) {
            return hinted[self.pick(hinted.len())];
        }
        self.pick(values.len())
    }

    /// Whether an enum whose page documents other values takes one of those: never in
    /// the default fixture, one time in three when seeded.
    pub fn documented_other(&mut self) -> bool {
        self.one_in(3)
    }

    /// A value beyond a string enum's list, such as a custom status name (`LUNCH`).
    pub fn other_text(&mut self) -> String {
        CUSTOM[self.pick(CUSTOM.len())].to_string()
    }

    /// A value beyond an integer enum's list.
    pub fn other_integer(&mut self) -> i64 {
        100 + self.pick(900) as i64
    }

    /// Names for a map's keys: those the rules allow there, or made-up setting names.
    pub fn map_keys(&mut self) -> Vec<String> {
        let names: Vec<&'static str> = self
            .event
            .into_iter()
            .flat_map(|e| e.rules.iter())
            .filter_map(|r| r.key_names())
            .filter(|&(path, _)| self.at(path))
            .flat_map(|(_, names)| names.iter().copied())
            .collect();
        self.depth += 1;
        let n = self.count();
        self.depth -= 1;
        let keys = (0..n)
            .map(|i| {
                if names.is_empty() {
                    format!("setting_{}", i + 1)
                } else {
                    names[(i + self.pick(names.len())) % names.len()].to_string()
                }
            })
            .collect::<Vec<_>>();
        // A key twice would be a duplicate key; keep the first.
        let mut out: Vec<String> = Vec::new();
        for k in keys {
            if !out.contains(&k) {
                out.push(k);
            }
        }
        out
    }

    /// Text: the envelope's event and domain, a value the rules mention, or a realistic one.
    pub fn text(&mut self, spec: &'static FieldSpec) -> String {
        if let (Some(event), [field]) = (self.event, self.path.as_slice()) {
            match *field {
                "event" => return event.name.to_string(),
                "domain" => return format!("acme.{}", event.domain),
                _ => {}
            }
        }
        let hints: Vec<&'static str> = self
            .hints()
            .into_iter()
            .filter_map(|h| match h {
                Scalar::Str(s) => Some(s),
                _ => None,
            })
            .collect();
        if !hints.is_empty() && self.one_in(2) {
            return hints[self.pick(hints.len())].to_string();
        }
        self.fake_text(spec.fake)
    }

    fn fake_text(&mut self, fake: Fake) -> String {
        let i = self.pick(8);
        let person = |i: usize| (FIRST[i % FIRST.len()], LAST[i % LAST.len()]);
        match fake {
            Fake::Email => {
                let (f, l) = person(i);
                format!("{}.{}@acme-support.com", f.to_lowercase(), l.to_lowercase())
            }
            Fake::FirstName => FIRST[i % FIRST.len()].to_string(),
            Fake::LastName => LAST[i % LAST.len()].to_string(),
            Fake::FullName => {
                let (f, l) = person(i);
                format!("{f} {l}")
            }
            Fake::StatusName => STATUS[i % STATUS.len()].to_string(),
            Fake::Phone => format!("+1 415 555 01{:02}", 10 + i),
            Fake::Url => format!("https://cdn.acme-support.com/avatars/{}.png", FIRST[i % FIRST.len()].to_lowercase()),
            Fake::Uuid => self.uuid(),
            Fake::Emoji => EMOJIS[i % EMOJIS.len()].to_string(),
            Fake::TimeZone => TIME_ZONES[i % TIME_ZONES.len()].to_string(),
            Fake::Language => LANGUAGES[i % LANGUAGES.len()].to_string(),
            Fake::Domain => "acme-support.example.com".to_string(),
            Fake::Region => REGIONS[i % REGIONS.len()].to_string(),
            Fake::Version => "2.0.0".to_string(),
            Fake::Sentence => SENTENCES[i % SENTENCES.len()].to_string(),
            Fake::Channel => CHANNELS[i % CHANNELS.len()].to_string(),
            Fake::TeamName => TEAMS[i % TEAMS.len()].to_string(),
            Fake::Word | Fake::Count | Fake::Flag | Fake::FlagOff | Fake::Account => WORDS[i % WORDS.len()].to_string(),
        }
    }

    fn uuid(&mut self) -> String {
        let (a, b) = if self.is_default() { (0x98c7_6ba0_6b38_499b, 0x9c37_e104_7742_778c) } else { (self.next(), self.next()) };
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            (b >> 48) & 0x3fff | 0x8000,
            b & 0xffff_ffff_ffff
        )
    }

    /// An integer: a value the rules mention, 0 to 11 for counts, otherwise 1 to 1000.
    pub fn integer(&mut self, spec: &'static FieldSpec) -> i64 {
        let hints: Vec<i64> = self
            .hints()
            .into_iter()
            .filter_map(|h| match h {
                Scalar::Int(i) => Some(i),
                _ => None,
            })
            .collect();
        if !hints.is_empty() && self.one_in(2) {
            return hints[self.pick(hints.len())];
        }
        match spec.fake {
            Fake::Count => self.pick(12) as i64,
            _ => 1 + self.pick(1000) as i64,
        }
    }

    /// A number with up to two decimals, 0 to 99.99.
    pub fn number(&mut self) -> f64 {
        self.pick(10_000) as f64 / 100.0
    }

    /// A boolean: false for [`Fake::FlagOff`] and true otherwise in the default fixture,
    /// either when seeded.
    pub fn boolean(&mut self, spec: &'static FieldSpec) -> bool {
        if self.is_default() {
            spec.fake != Fake::FlagOff
        } else {
            self.pick(2) == 0
        }
    }

    /// An id in the form the docs give.
    pub fn id(&mut self, spec: &'static FieldSpec) -> Id {
        self.serial += 1;
        let fake = spec.fake;
        let n = match (fake, self.account) {
            (Fake::Account, Some(account)) => account,
            _ if self.is_default() => 100 + self.serial * 7,
            _ => 1 + (self.next() % 9_000_000) as i64,
        };
        if fake == Fake::Account {
            self.account = Some(n);
        }
        match (spec.id_form, fake) {
            (Some(IdForm::String), Fake::Uuid) => Id::String(self.uuid().into()),
            (Some(IdForm::String), _) => Id::String(n.to_string().into()),
            _ => Id::Integer(n),
        }
    }

    /// A timestamp in one of the documented forms (the first for the default fixture).
    pub fn timestamp(&mut self, spec: &'static FieldSpec) -> Timestamp {
        let all = [TimestampFormat::Iso8601];
        let formats = if spec.forms.is_empty() { &all[..] } else { spec.forms };
        let format = formats[self.pick(formats.len())];
        let millis = if self.is_default() { BASE_MILLIS } else { BASE_MILLIS - (self.next() % 400_000_000_000) as i64 };
        let millis = millis - millis % 1000;
        Timestamp::in_form(format, millis, true)
    }

    /// Any JSON value, for `any` attributes.
    pub fn any(&mut self) -> Value {
        match self.pick(3) {
            0 => Value::String(self.fake_text(Fake::Word)),
            1 => Value::from(self.pick(12)),
            _ => Value::Bool(self.pick(2) == 0),
        }
    }

    /// The two sides of a change.
    pub fn change(&mut self) -> (Value, Value) {
        (self.any(), self.any())
    }
}

/// The default value of a type: its default fixture.
pub fn sample_default<T: WireSample>() -> T {
    T::sample(&mut Gen::default_fixture(), &super::attribute::ROOT)
}

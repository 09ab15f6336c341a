//! Fixtures: the choices behind generated `sample` functions, realistic values, and the
//! documented rules applied to a payload so that every fixture keeps them.
//!
//! A [`Gen`] either makes the default fixture (first choice everywhere, every attribute
//! present: the same payload on every run) or draws every choice from a seed.

use serde_json::Value;

use super::id::Id;
use super::timestamp::{Timestamp, TimestampFormat};
use super::validate::{IdForm, Presence};

/// Makes the choices of a fixture.
#[derive(Debug, Clone)]
pub struct Gen {
    rng: Option<u64>,
    /// Nesting depth, to keep recursive types finite.
    pub depth: usize,
    serial: i64,
    /// The account id, once drawn: every `account_id` of a payload names the same account.
    account: Option<i64>,
}

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
const SENTENCES: &[&str] = &["Team lead, EMEA support.", "Handles billing queries.", "Night shift agent."];
/// 2024-08-12T09:05:36Z, the instant of the default fixture.
const BASE_MILLIS: i64 = 1_723_453_536_000;

impl Gen {
    /// The default fixture: first choices, everything present.
    pub fn default_fixture() -> Self {
        Gen { rng: None, depth: 0, serial: 0, account: None }
    }

    /// Every choice drawn from `seed`; the same seed gives the same fixture.
    pub fn seeded(seed: u64) -> Self {
        Gen { rng: Some(seed ^ 0x9E37_79B9_7F4A_7C15), depth: 0, serial: 0, account: None }
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

    /// Whether an attribute is sent, sent as null, or left out. Only what the docs allow
    /// (the strict reading), so that fixtures pass in both modes.
    pub fn slot(&mut self, strict: Presence) -> Slot {
        if strict.optional && self.one_in(5) {
            Slot::Absent
        } else if strict.nullable && self.one_in(4) {
            Slot::Null
        } else {
            Slot::Value
        }
    }

    /// An attribute: sent, null or left out as [`Gen::slot`] decides, made by `make` when sent.
    pub fn field<T>(&mut self, strict: Presence, make: impl FnOnce(&mut Gen) -> T) -> super::field::Field<T> {
        match self.slot(strict) {
            Slot::Value => super::field::Field::Value(make(self)),
            Slot::Null => super::field::Field::Null,
            Slot::Absent => super::field::Field::Absent,
        }
    }

    /// How many items an array gets: 1 by default, 0 to 3 when seeded.
    pub fn count(&mut self) -> usize {
        if self.depth > 4 {
            // Keeps recursive types finite.
            0
        } else if self.is_default() {
            1
        } else {
            self.pick(4)
        }
    }

    /// Text: one of `hints` (values the rules mention) or a realistic value.
    pub fn text(&mut self, fake: Fake, hints: &[&str]) -> String {
        if !hints.is_empty() && (self.is_default() || self.one_in(2)) {
            return hints[self.pick(hints.len())].to_string();
        }
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

    /// An integer: 0 to 11 for [`Fake::Count`], otherwise 1 to 1000.
    pub fn integer(&mut self, fake: Fake) -> i64 {
        match fake {
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
    pub fn boolean(&mut self, fake: Fake) -> bool {
        let default = fake != Fake::FlagOff;
        if self.is_default() {
            default
        } else {
            self.pick(2) == 0
        }
    }

    /// An id in the form the docs give.
    pub fn id(&mut self, form: Option<IdForm>, fake: Fake) -> Id {
        self.serial += 1;
        let n = match (fake, self.account) {
            (Fake::Account, Some(account)) => account,
            _ if self.is_default() => 100 + self.serial * 7,
            _ => 1 + (self.next() % 9_000_000) as i64,
        };
        if fake == Fake::Account {
            self.account = Some(n);
        }
        match (form, fake) {
            (Some(IdForm::String), Fake::Uuid) => Id::String(self.uuid()),
            (Some(IdForm::String), _) => Id::String(n.to_string()),
            _ => Id::Integer(n),
        }
    }

    /// A timestamp in one of `formats` (the first for the default fixture).
    pub fn timestamp(&mut self, formats: &[TimestampFormat]) -> Timestamp {
        let all = [TimestampFormat::Iso8601];
        let formats = if formats.is_empty() { &all[..] } else { formats };
        let format = formats[self.pick(formats.len())];
        let millis = if self.is_default() { BASE_MILLIS } else { BASE_MILLIS - (self.next() % 400_000_000_000) as i64 };
        let millis = millis - millis % 1000;
        let base = Timestamp::from_millis(millis);
        let iso = base.to_rfc3339();
        // to_rfc3339 gives milliseconds; the documented examples have whole seconds.
        let whole = iso.replace(".000Z", "Z");
        let made = match format {
            TimestampFormat::Iso8601 => Timestamp::parse_str(&whole),
            TimestampFormat::UtcText => Timestamp::parse_str(&whole.replace('T', " ").replace('Z', " UTC")),
            TimestampFormat::EpochMillis => Ok(base.clone()),
            TimestampFormat::EpochSeconds => Timestamp::from_seconds(millis as f64 / 1000.0 + 0.25),
            TimestampFormat::EpochMillisString => Timestamp::parse_str(&millis.to_string()),
        };
        made.unwrap_or(base)
    }

    /// Any JSON value, for `any` attributes.
    pub fn any(&mut self) -> Value {
        match self.pick(3) {
            0 => Value::String(self.text(Fake::Word, &[])),
            1 => Value::from(self.integer(Fake::Count)),
            _ => Value::Bool(self.boolean(Fake::Flag)),
        }
    }
}

/// What [`Gen::slot`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Send a value.
    Value,
    /// Send the key with `null`.
    Null,
    /// Leave the key out.
    Absent,
}

// ---- the documented rules, enforced on a payload's JSON ----

/// A documented rule in the form fixtures enforce it: paths are attribute names from
/// `data`, with `[]` for every item of an array.
#[derive(Debug)]
pub struct RuleSpec {
    /// The rule's id in the spec.
    pub id: &'static str,
    /// The attribute the rule depends on and the test it must pass; `None` when the rule
    /// always applies.
    pub when: Option<(&'static [&'static str], CondSpec)>,
    /// What the rule requires when it applies.
    pub then: ThenSpec,
}

/// The test of a rule's condition. An attribute that is absent or null passes neither, so
/// the rule does not apply.
#[derive(Debug)]
pub enum CondSpec {
    /// The value is one of these literals (the spec's `equals` and `in`).
    In(&'static [Lit]),
    /// The value is none of these literals.
    NotIn(&'static [Lit]),
}

/// What a rule requires, and how [`enforce`] makes the JSON keep it.
#[derive(Debug)]
pub enum ThenSpec {
    /// These attributes are null; present ones are set to null.
    Null(&'static [&'static [&'static str]]),
    /// The attribute is null or one of these literals (the spec's `equals` and `one_of`);
    /// another value is replaced by the first literal.
    OneOf(&'static [&'static str], &'static [Lit]),
    /// The two attributes hold the same value; the first is copied into the second, as a
    /// string or an integer to match what the second held.
    Same(&'static [&'static str], &'static [&'static str]),
    /// The first timestamp is not later than the second; a later one is replaced by a copy
    /// of the second.
    NotAfter(&'static [&'static str], &'static [&'static str]),
    /// The object's keys are among these names; other keys are renamed to them.
    KeysOf(&'static [&'static str], &'static [&'static str]),
}

/// A literal of a rule.
#[derive(Debug, Clone, Copy)]
pub enum Lit {
    /// A string; it also matches a number written the same way.
    Str(&'static str),
    /// An integer; it also matches a string holding it.
    Int(i64),
    /// A boolean.
    Bool(bool),
}

impl Lit {
    fn to_value(self) -> Value {
        match self {
            Lit::Str(s) => Value::from(s),
            Lit::Int(i) => Value::from(i),
            Lit::Bool(b) => Value::from(b),
        }
    }

    fn matches(self, v: &Value) -> bool {
        match (self, v) {
            (Lit::Str(s), Value::String(x)) => s == x,
            (Lit::Str(s), Value::Number(n)) => n.to_string() == s,
            (Lit::Int(i), Value::Number(n)) => n.as_i64() == Some(i),
            (Lit::Int(i), Value::String(x)) => x == &i.to_string(),
            (Lit::Bool(b), Value::Bool(x)) => b == *x,
            _ => false,
        }
    }
}

fn get<'v>(v: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, seg| v.get(*seg))
}

/// Every slot a path reaches, through arrays.
fn each_mut<'v>(v: &'v mut Value, path: &[&str], out: &mut Vec<&'v mut Value>) {
    let Some((first, rest)) = path.split_first() else { return };
    let (name, each) = match first.strip_suffix("[]") {
        Some(n) => (n, true),
        None => (*first, false),
    };
    let Some(obj) = v.as_object_mut() else { return };
    if rest.is_empty() && !each {
        if let Some(slot) = obj.get_mut(name) {
            out.push(slot);
        }
        return;
    }
    let Some(child) = obj.get_mut(name) else { return };
    if each {
        if let Some(items) = child.as_array_mut() {
            for item in items {
                if rest.is_empty() {
                    out.push(item);
                } else {
                    each_mut(item, rest, out);
                }
            }
        }
    } else {
        each_mut(child, rest, out);
    }
}

/// Makes `data` keep every rule, applying them until nothing changes. Returns false when
/// the rules did not settle (they contradict each other).
pub fn enforce(data: &mut Value, rules: &[RuleSpec]) -> bool {
    for _ in 0..8 {
        let before = data.clone();
        for rule in rules {
            apply(data, rule);
        }
        if *data == before {
            return true;
        }
    }
    false
}

fn holds(data: &Value, when: &Option<(&[&str], CondSpec)>) -> bool {
    let Some((path, cond)) = when else { return true };
    let Some(v) = get(data, path) else { return false };
    if v.is_null() {
        return false;
    }
    match cond {
        CondSpec::In(lits) => lits.iter().any(|l| l.matches(v)),
        CondSpec::NotIn(lits) => !lits.iter().any(|l| l.matches(v)),
    }
}

fn apply(data: &mut Value, rule: &RuleSpec) {
    if !holds(data, &rule.when) {
        return;
    }
    match &rule.then {
        ThenSpec::Null(paths) => {
            for path in paths.iter() {
                let mut slots = Vec::new();
                each_mut(data, path, &mut slots);
                for s in slots {
                    *s = Value::Null;
                }
            }
        }
        ThenSpec::OneOf(path, lits) => {
            let mut slots = Vec::new();
            each_mut(data, path, &mut slots);
            for s in slots {
                if !s.is_null() && !lits.iter().any(|l| l.matches(s)) {
                    if let Some(first) = lits.first() {
                        *s = first.to_value();
                    }
                }
            }
        }
        ThenSpec::Same(a, b) => {
            if let Some(value) = get(data, a).filter(|v| !v.is_null()).cloned() {
                let mut slots = Vec::new();
                each_mut(data, b, &mut slots);
                for s in slots {
                    *s = convert_like(&value, s);
                }
            }
        }
        ThenSpec::NotAfter(a, b) => {
            let later = get(data, b).cloned();
            let earlier = get(data, a).cloned();
            if let (Some(e), Some(l)) = (earlier, later) {
                if let (Some(en), Some(ln)) = (instant(&e), instant(&l)) {
                    if en > ln {
                        // The later instant, written in the earlier attribute's own form, so
                        // that a form the docs give stays a form the docs give.
                        let moved = in_form_of(&e, &l).unwrap_or(l);
                        let mut slots = Vec::new();
                        each_mut(data, a, &mut slots);
                        for s in slots {
                            *s = moved.clone();
                        }
                    }
                }
            }
        }
        ThenSpec::KeysOf(path, names) => {
            if names.is_empty() {
                return;
            }
            let mut slots = Vec::new();
            each_mut(data, path, &mut slots);
            for s in slots {
                if let Some(map) = s.as_object_mut() {
                    let keys: Vec<String> = map.keys().cloned().collect();
                    for (i, key) in keys.into_iter().enumerate() {
                        if names.contains(&key.as_str()) {
                            continue;
                        }
                        let Some(v) = map.remove(&key) else { continue };
                        let name = names[i % names.len()];
                        // A key already there keeps its value; the stray one goes.
                        map.entry(name.to_string()).or_insert(v);
                    }
                }
            }
        }
    }
}

/// `value` in the JSON type `like` already has (an id 132 into a string slot is "132").
fn convert_like(value: &Value, like: &Value) -> Value {
    match (value, like) {
        (Value::Number(n), Value::String(_)) => Value::String(n.to_string()),
        (Value::String(s), Value::Number(_)) => s.parse::<i64>().map(Value::from).unwrap_or_else(|_| value.clone()),
        _ => value.clone(),
    }
}

fn timestamp(v: &Value) -> Option<Timestamp> {
    match v {
        Value::String(s) => Timestamp::parse_str(s).ok(),
        Value::Number(n) if n.is_i64() => Some(Timestamp::from_millis(n.as_i64()?)),
        Value::Number(n) => Timestamp::from_seconds(n.as_f64()?).ok(),
        _ => None,
    }
}

fn instant(v: &Value) -> Option<i128> {
    timestamp(v).map(|t| t.unix_nanos())
}

/// The instant of `value` written in the form `like` is in (to the millisecond).
fn in_form_of(like: &Value, value: &Value) -> Option<Value> {
    let form = timestamp(like)?.format();
    let t = timestamp(value)?;
    let millis = t.unix_millis();
    let iso = t.to_rfc3339();
    Some(match form {
        TimestampFormat::Iso8601 => Value::from(iso),
        TimestampFormat::UtcText => Value::from(iso.replace('T', " ").replace('Z', " UTC")),
        TimestampFormat::EpochMillis => Value::from(millis),
        TimestampFormat::EpochSeconds => Value::from(millis as f64 / 1000.0),
        TimestampFormat::EpochMillisString => Value::from(millis.to_string()),
    })
}

/// Types that generated fixture code can make.
pub trait Sample: Sized {
    /// Makes a value, taking every choice from `g`.
    fn sample(g: &mut Gen) -> Self;
}

/// Applies the event's rules to a sampled payload, so that fixtures keep them by
/// construction.
pub fn finish<P: super::event::EventPayload + for<'de> serde::Deserialize<'de>>(payload: P, rules: &[RuleSpec]) -> P {
    let Ok(mut value) = serde_json::to_value(&payload) else { return payload };
    if let Some(data) = value.get_mut("data") {
        enforce(data, rules);
    }
    serde_json::from_value(value).unwrap_or(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_after_keeps_the_earlier_attributes_form() {
        static RULES: &[RuleSpec] = &[RuleSpec { id: "order", when: None, then: ThenSpec::NotAfter(&["a"], &["b"]) }];
        let mut data = serde_json::json!({"a": "2030-01-01 00:00:00 UTC", "b": "2024-08-12T09:05:36Z"});
        assert!(enforce(&mut data, RULES));
        assert_eq!(data["a"], "2024-08-12 09:05:36.000 UTC");
        let mut data = serde_json::json!({"a": 1_900_000_000_000_i64, "b": "2024-08-12T09:05:36.5Z"});
        enforce(&mut data, RULES);
        assert_eq!(data["a"], 1_723_453_536_500_i64);
        // Already in order: nothing moves.
        let mut data = serde_json::json!({"a": "2020-01-01T00:00:00Z", "b": "2024-08-12T09:05:36Z"});
        enforce(&mut data, RULES);
        assert_eq!(data["a"], "2020-01-01T00:00:00Z");
    }

    #[test]
    fn keys_of_with_no_names_leaves_the_map_alone() {
        static RULES: &[RuleSpec] = &[RuleSpec { id: "keys", when: None, then: ThenSpec::KeysOf(&["m"], &[]) }];
        let mut data = serde_json::json!({"m": {"x": 1}});
        assert!(enforce(&mut data, RULES));
        assert_eq!(data["m"]["x"], 1);
    }
}

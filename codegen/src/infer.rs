//! A spec file drafted from real payloads of an event the spec does not cover: the nesting
//! they show, types from values (ids and timestamps recognised by name and form), presence
//! from how often each attribute appears, nulls seen, enums only where many payloads share
//! few values, and a TODO in every description for the person who finishes the draft.
//!
//! Payload text reaches the draft only as YAML keys and quoted scalars written by the YAML
//! emitter, and only where the checker takes it (plain attribute names, enum values without
//! forbidden characters); anything else is left out and said in the draft's notes.

use std::collections::BTreeSet;

use serde_json::Value;
use serde_yaml::{Mapping, Value as Yaml};

use crate::ir::TimestampForm;

/// What an attribute's name says of its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameHint {
    Plain,
    /// `id` and `*_id`.
    Id,
    /// `*_at`, `*timestamp`, `*_time`.
    Timestamp,
}

/// What a key's name says of its values.
pub fn name_hint(key: &str) -> NameHint {
    let k = key.to_ascii_lowercase();
    if k == "id" || k.ends_with("_id") {
        NameHint::Id
    } else if k.ends_with("_at") || k.ends_with("timestamp") || k.ends_with("_time") {
        NameHint::Timestamp
    } else {
        NameHint::Plain
    }
}

/// The text form of a timestamp string, if it is in one: `2022-06-09T02:18:41Z` or
/// `2022-08-29 18:45:26 UTC`.
pub fn text_timestamp(s: &str) -> Option<TimestampForm> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 19
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !date {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        rest = &frac[n..];
    }
    match b[10] {
        b'T' | b't' => {
            let offset = rest.len() == 6
                && matches!(rest.as_bytes()[0], b'+' | b'-')
                && rest[1..3].bytes().all(|d| d.is_ascii_digit())
                && &rest[3..4] == ":"
                && rest[4..6].bytes().all(|d| d.is_ascii_digit());
            (rest == "Z" || rest == "z" || offset).then_some(TimestampForm::Iso8601)
        }
        b' ' if rest == " UTC" => Some(TimestampForm::UtcText),
        _ => None,
    }
}

/// Distinct string values kept per attribute when looking for an enum.
const VALUES_KEPT: usize = 8;
/// An enum is drafted only from at least this many values...
const ENUM_MIN_VALUES: usize = 8;
/// ... of at most this many distinct ones, each seen at least twice on average... (so that a
/// handful of payloads with names or ids is not taken for an enum).
const ENUM_MAX_DISTINCT: usize = 6;
/// Nesting drafted; deeper values are drafted as any JSON value.
const MAX_DEPTH: usize = 12;
/// Attributes drafted in all; the rest are said in the notes.
const MAX_ATTRIBUTES: usize = 2_000;

/// Everything the payloads showed at one place.
#[derive(Debug, Default)]
struct Shape {
    /// Values seen, null included.
    seen: usize,
    null: usize,
    strings: usize,
    ints: usize,
    floats: usize,
    bools: usize,
    objects: usize,
    arrays: usize,
    /// Arrays of exactly two items.
    pairs: usize,
    fields: Vec<(String, Shape)>,
    items: Option<Box<Shape>>,
    values: Vec<(String, usize)>,
    values_more: bool,
    numeric_strings: usize,
    text_timestamps: BTreeSet<TimestampForm>,
    text_timestamp_count: usize,
    /// Integers of 12 digits or more (milliseconds since the epoch, for a timestamp).
    big_ints: usize,
}

impl Shape {
    fn add(&mut self, v: &Value, depth: usize) {
        self.seen += 1;
        match v {
            Value::Null => self.null += 1,
            Value::Bool(_) => self.bools += 1,
            Value::Number(n) => {
                if n.is_i64() || n.is_u64() {
                    self.ints += 1;
                    if n.as_i64().is_none_or(|i| i.unsigned_abs() >= 100_000_000_000) {
                        self.big_ints += 1;
                    }
                } else {
                    self.floats += 1;
                }
            }
            Value::String(s) => {
                self.strings += 1;
                if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                    self.numeric_strings += 1;
                }
                if let Some(form) = text_timestamp(s) {
                    self.text_timestamps.insert(form);
                    self.text_timestamp_count += 1;
                }
                if let Some((_, n)) = self.values.iter_mut().find(|(v, _)| v == s) {
                    *n += 1;
                } else if self.values.len() < VALUES_KEPT {
                    self.values.push((s.clone(), 1));
                } else {
                    self.values_more = true;
                }
            }
            Value::Array(items) => {
                self.arrays += 1;
                if items.len() == 2 {
                    self.pairs += 1;
                }
                if depth < MAX_DEPTH {
                    let shape = self.items.get_or_insert_with(Default::default);
                    for item in items {
                        shape.add(item, depth + 1);
                    }
                }
            }
            Value::Object(map) => {
                self.objects += 1;
                if depth < MAX_DEPTH {
                    for (k, v) in map {
                        let i = match self.fields.iter().position(|(name, _)| name == k) {
                            Some(i) => i,
                            None => {
                                self.fields.push((k.clone(), Shape::default()));
                                self.fields.len() - 1
                            }
                        };
                        self.fields[i].1.add(v, depth + 1);
                    }
                }
            }
        }
    }

    /// Adds another place's counts to this one (the values of a map, drafted as one).
    fn absorb(&mut self, o: &Shape) {
        self.seen += o.seen;
        self.null += o.null;
        self.strings += o.strings;
        self.ints += o.ints;
        self.floats += o.floats;
        self.bools += o.bools;
        self.objects += o.objects;
        self.arrays += o.arrays;
        self.pairs += o.pairs;
        self.numeric_strings += o.numeric_strings;
        self.text_timestamps.extend(o.text_timestamps.iter().copied());
        self.text_timestamp_count += o.text_timestamp_count;
        self.big_ints += o.big_ints;
        for (k, f) in &o.fields {
            match self.fields.iter_mut().find(|(name, _)| name == k) {
                Some((_, mine)) => mine.absorb(f),
                None => {
                    let mut fresh = Shape::default();
                    fresh.absorb(f);
                    self.fields.push((k.clone(), fresh));
                }
            }
        }
        if let Some(items) = &o.items {
            self.items.get_or_insert_with(Default::default).absorb(items);
        }
        for (v, n) in &o.values {
            if let Some((_, c)) = self.values.iter_mut().find(|(w, _)| w == v) {
                *c += n;
            } else if self.values.len() < VALUES_KEPT {
                self.values.push((v.clone(), *n));
            } else {
                self.values_more = true;
            }
        }
        self.values_more |= o.values_more;
    }

    /// Which one JSON type every non-null value had, if one did.
    fn one_kind(&self) -> Option<usize> {
        let kinds = [self.strings, self.ints + self.floats, self.bools, self.objects, self.arrays];
        let mut present = kinds.iter().enumerate().filter(|(_, n)| **n > 0);
        match (present.next(), present.next()) {
            (Some((k, _)), None) => Some(k),
            _ => None,
        }
    }

    /// An object whose keys are data, not attribute names: several keys, none in every
    /// object, all holding values of one JSON type. Its values, merged, when it is one.
    fn map_values(&self) -> Option<Shape> {
        if self.objects < 2 || self.fields.len() < 3 || self.fields.iter().any(|(_, f)| f.seen >= self.objects) {
            return None;
        }
        let kind = self.fields[0].1.one_kind()?;
        if self.fields.iter().any(|(_, f)| f.one_kind() != Some(kind)) {
            return None;
        }
        let mut values = Shape::default();
        for (_, f) in &self.fields {
            values.absorb(f);
        }
        Some(values)
    }

    fn non_null(&self) -> usize {
        self.seen - self.null
    }

    fn only(&self, count: usize) -> bool {
        count > 0 && count == self.non_null()
    }
}

/// A drafted spec file and what the person finishing it should know.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The YAML text, ready to lint beside the spec.
    pub yaml: String,
    /// What was left out or guessed, one sentence each.
    pub notes: Vec<String>,
    /// Attributes drafted (every level).
    pub attributes: usize,
}

/// Drafts `spec/<product>/<event>.yaml` from payloads of the event (whole payloads, whose
/// `data` is drafted; the envelope is the spec's own).
pub fn infer(event: &str, product: &str, payloads: &[Value]) -> Draft {
    let mut data = Shape::default();
    let mut notes = Vec::new();
    let mut without = 0;
    for p in payloads {
        match p.get("data") {
            Some(d @ Value::Object(_)) => data.add(d, 0),
            _ => without += 1,
        }
    }
    if without > 0 {
        notes.push(format!("{without} payload(s) without a `data` object were left out"));
    }
    let mut drafter = Drafter { names: Vec::new(), notes, attributes: 0 };
    let fields = drafter.fields(&data, "", "Data");
    let mut doc = Mapping::new();
    doc.insert("event".into(), event.into());
    doc.insert("product".into(), product.into());
    doc.insert("source".into(), format!("{product}-{event}.txt").into());
    let n = data.objects;
    doc.insert("description".into(), format!("TODO: describe the event in our own words (drafted from {n} payload(s)).").into());
    doc.insert("data".into(), Yaml::Mapping(fields));
    let body = serde_yaml::to_string(&Yaml::Mapping(doc)).unwrap_or_default();
    let yaml = format!(
        "# Drafted by `fwevents infer` from {n} payload(s). Review every TODO: names, descriptions,\n# presence and the enums marked to confirm. `source` names the page the event should be\n# checked against once there is one.\n{body}"
    );
    Draft { yaml, notes: drafter.notes, attributes: drafter.attributes }
}

/// Drafts one event's types from its merged shape, collecting what it left out or guessed.
struct Drafter {
    /// Rust type names taken in the event's module.
    names: Vec<String>,
    notes: Vec<String>,
    attributes: usize,
}

impl Drafter {
    /// The attributes of an object shape, in the order first seen.
    fn fields(&mut self, shape: &Shape, path: &str, owner: &str) -> Mapping {
        let mut out = Mapping::new();
        let mut idents: Vec<String> = Vec::new();
        for (key, field) in &shape.fields {
            let at = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            if let Err(why) = crate::names::check_spec_name(key) {
                self.notes.push(format!("{}: left out: the name {why}", crate::safe::escape(&at)));
                continue;
            }
            let ident = crate::names::field_ident(key).unwrap_or_default();
            if idents.contains(&ident) {
                self.notes.push(format!("{at}: left out: its Rust name `{ident}` is another attribute's"));
                continue;
            }
            if self.attributes >= MAX_ATTRIBUTES {
                self.notes.push(format!("{at}: left out: the draft has {MAX_ATTRIBUTES} attributes already"));
                continue;
            }
            idents.push(ident);
            self.attributes += 1;
            let mut attr = self.ty(field, key, &at, owner);
            let seen = field.seen;
            let of = shape.objects;
            if seen < of {
                attr.insert("optional".into(), true.into());
            }
            if field.null > 0 {
                attr.insert("nullable".into(), true.into());
            }
            let todo = attr.remove("todo").and_then(|t| t.as_str().map(str::to_owned)).unwrap_or_default();
            let nulls = if field.null > 0 { format!(", null in {}", field.null) } else { String::new() };
            attr.insert("description".into(), format!("TODO: describe{todo}. Seen in {seen} of {of}{nulls}.").into());
            out.insert(key.as_str().into(), Yaml::Mapping(attr));
        }
        out
    }

    /// The type keys of one place (`type`, `items`, `fields`, ...), and a `todo` for its
    /// description.
    fn ty(&mut self, s: &Shape, key: &str, path: &str, owner: &str) -> Mapping {
        let mut m = Mapping::new();
        let hint = name_hint(key);
        let ids = s.ints + s.numeric_strings;
        let kinds: Vec<&str> = [
            ("string", s.strings),
            ("integer", s.ints),
            ("number", s.floats),
            ("boolean", s.bools),
            ("object", s.objects),
            ("array", s.arrays),
        ]
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, _)| *k)
        .collect();
        let scalar_time = s.text_timestamp_count + s.ints + s.floats + s.numeric_strings;
        if s.non_null() == 0 {
            m.insert("type".into(), "any".into());
            m.insert("todo".into(), "; only null was seen, give its type".into());
        } else if hint == NameHint::Timestamp && s.only(scalar_time) || s.only(s.text_timestamp_count) {
            m.insert("type".into(), "timestamp".into());
            let mut forms = s.text_timestamps.clone();
            if s.numeric_strings > 0 {
                forms.insert(TimestampForm::EpochMillisString);
            }
            if s.big_ints > 0 {
                forms.insert(TimestampForm::EpochMillis);
            }
            if s.floats > 0 || s.ints > s.big_ints {
                forms.insert(TimestampForm::EpochSeconds);
            }
            if forms.iter().copied().ne(TimestampForm::DEFAULT) {
                m.insert("formats".into(), Yaml::Sequence(forms.iter().map(|f| f.name().into()).collect()));
            }
        } else if (hint == NameHint::Id && s.only(s.strings + s.ints)) || (s.ints > 0 && s.numeric_strings > 0 && s.only(ids)) {
            m.insert("type".into(), "id".into());
            // The form most payloads send stands for the documented one until a page says.
            let mut doc = Mapping::new();
            doc.insert("type".into(), if s.ints > s.strings { "integer" } else { "string" }.into());
            m.insert("doc".into(), Yaml::Mapping(doc));
        } else if s.only(s.bools) {
            m.insert("type".into(), "boolean".into());
        } else if s.only(s.ints) {
            m.insert("type".into(), "integer".into());
        } else if s.only(s.ints + s.floats) {
            m.insert("type".into(), "number".into());
        } else if s.only(s.strings) {
            m.insert("type".into(), "string".into());
            if let Some(values) = enum_values(s) {
                m.insert("rust_name".into(), self.name(key, owner).into());
                m.insert("open".into(), true.into());
                m.insert("enum".into(), Yaml::Sequence(values.iter().map(|v| v.as_str().into()).collect()));
                m.insert("todo".into(), format!("; confirm the values: every one of {} seen was one of these", s.strings).into());
            }
        } else if let Some(values) = s.only(s.objects).then(|| s.map_values()).flatten() {
            let mut inner = self.ty(&values, key, &format!("{path}.*"), owner);
            let todo = inner.remove("todo");
            m.insert("type".into(), "map".into());
            m.insert("values".into(), Yaml::Mapping(inner));
            let keys = s.fields.len();
            m.insert(
                "todo".into(),
                format!(
                    "; drafted as a map: {keys} different keys were seen, none in every object{}",
                    todo.and_then(|t| t.as_str().map(str::to_owned)).unwrap_or_default()
                )
                .into(),
            );
        } else if s.only(s.objects) {
            let name = self.name(key, owner);
            let fields = self.fields(s, path, &name);
            m.insert("type".into(), "object".into());
            m.insert("rust_name".into(), name.into());
            if !fields.is_empty() {
                m.insert("fields".into(), Yaml::Mapping(fields));
            } else {
                m.insert("todo".into(), "; only empty objects were seen".into());
            }
        } else if s.only(s.arrays) {
            match s.items.as_deref() {
                // Two-item arrays of scalars, every time: a change.
                Some(items) if s.pairs == s.arrays && s.arrays >= 2 && items.objects + items.arrays == 0 => {
                    m.insert("type".into(), "change".into());
                    m.insert("order".into(), "old_new".into());
                    m.insert("todo".into(), "; confirm the order of the pair (drafted as [old, new])".into());
                }
                Some(items) if items.seen > 0 => {
                    let mut inner = self.ty(items, key, &format!("{path}[]"), owner);
                    let todo = inner.remove("todo");
                    if items.null > 0 {
                        inner.insert("nullable".into(), true.into());
                    }
                    m.insert("type".into(), "array".into());
                    m.insert("items".into(), Yaml::Mapping(inner));
                    if let Some(t) = todo {
                        m.insert("todo".into(), t);
                    }
                }
                _ => {
                    m.insert("type".into(), "array".into());
                    let mut any = Mapping::new();
                    any.insert("type".into(), "any".into());
                    m.insert("items".into(), Yaml::Mapping(any));
                    m.insert("todo".into(), "; only empty arrays were seen, give the items' type".into());
                }
            }
        } else {
            m.insert("type".into(), "any".into());
            m.insert("todo".into(), format!("; values of several types were seen ({})", kinds.join(", ")).into());
        }
        m
    }

    /// An UpperCamelCase type name from `key`, not taken in the module nor a name generated
    /// code uses.
    fn name(&mut self, key: &str, owner: &str) -> String {
        let base = crate::names::type_ident(key).unwrap_or_else(|| "Item".into());
        let base = base.trim_start_matches("r#").to_string();
        let taken = |n: &str, names: &[String]| {
            names.iter().any(|t| t == n)
                || ["Payload", "Data", "Event"].contains(&n)
                || crate::resolve::PRELUDE.contains(&n)
                || n.ends_with("Builder")
                || crate::names::is_keyword(n)
        };
        let mut name = base.clone();
        if taken(&name, &self.names) {
            name = format!("{owner}{base}");
        }
        let mut n = 2;
        while taken(&name, &self.names) {
            name = format!("{owner}{base}{n}");
            n += 1;
        }
        self.names.push(name.clone());
        name
    }
}

/// The values of an enum, when many strings share few values that the checker takes.
fn enum_values(s: &Shape) -> Option<Vec<String>> {
    let distinct = s.values.len();
    if s.values_more
        || s.strings < ENUM_MIN_VALUES
        || distinct > ENUM_MAX_DISTINCT
        || distinct * 2 > s.strings
        || s.text_timestamp_count > 0
    {
        return None;
    }
    let mut idents = Vec::new();
    for (v, _) in &s.values {
        let ident = crate::names::type_ident(v)?;
        if v.is_empty() || v.len() > 60 || crate::safe::first_forbidden(v).is_some() || idents.contains(&ident) {
            return None;
        }
        idents.push(ident);
    }
    let mut values: Vec<&(String, usize)> = s.values.iter().collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Some(values.into_iter().map(|(v, _)| v.clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_timestamps_are_told_by_form() {
        assert_eq!(text_timestamp("2022-06-09T02:18:41Z"), Some(TimestampForm::Iso8601));
        assert_eq!(text_timestamp("2022-07-29T06:23:03.081+05:30"), Some(TimestampForm::Iso8601));
        assert_eq!(text_timestamp("2022-08-29 18:45:26 UTC"), Some(TimestampForm::UtcText));
        for not in [
            "2022-06-09",
            "2022-06-09T02:18:41",
            "2022-06-09T02:18:41.Z",
            "2022-06-09X02:18:41Z",
            "1724133753887",
            "née 2022-06-09T02:18:41Z",
        ] {
            assert_eq!(text_timestamp(not), None, "{not}");
        }
    }

    #[test]
    fn names_hint_at_ids_and_timestamps() {
        assert_eq!(name_hint("id"), NameHint::Id);
        assert_eq!(name_hint("org_agent_id"), NameHint::Id);
        assert_eq!(name_hint("created_at"), NameHint::Timestamp);
        assert_eq!(name_hint("status_change_timestamp"), NameHint::Timestamp);
        assert_eq!(name_hint("valid"), NameHint::Plain);
        assert_eq!(name_hint("identity"), NameHint::Plain);
    }

    fn draft(payloads: &[Value]) -> String {
        infer("onThing", "freshdesk", payloads).yaml
    }

    #[test]
    fn enums_only_where_many_payloads_share_few_values() {
        let many: Vec<Value> = (0..12)
            .map(|i| {
                let state = ["on", "off"][i % 2];
                serde_json::json!({"data": {"state": state, "name": format!("n{i}")}})
            })
            .collect();
        let d = draft(&many);
        assert!(d.contains("enum:\n    - off\n    - on") || d.contains("enum:\n    - 'off'\n    - 'on'"), "{d}");
        assert!(d.contains("confirm the values"), "{d}");
        // Twelve names, all different: a string.
        assert!(!d.contains("rust_name: Name"), "{d}");
        let few: Vec<Value> = many[..4].to_vec();
        assert!(!draft(&few).contains("enum:"));
    }

    #[test]
    fn presence_and_nulls_come_from_how_often() {
        let p = [
            serde_json::json!({"data": {"a": 1, "b": null}}),
            serde_json::json!({"data": {"a": 2, "b": "x"}}),
            serde_json::json!({"data": {"b": "y"}}),
        ];
        let d = draft(&p);
        assert!(d.contains("  a:\n    type: integer\n    optional: true\n"), "{d}");
        assert!(d.contains("  b:\n    type: string\n    nullable: true\n"), "{d}");
        assert!(d.contains("Seen in 2 of 3."), "{d}");
    }
}

//! What the benchmarks share: the bare comparison types and the payloads they run on.

use serde::de::{self, Deserializer, Visitor};

/// An id as a bare parser would read it: a string or an integer, nothing checked.
#[derive(Debug)]
pub enum BareId {
    Integer(i64),
    String(String),
}

impl<'de> serde::Deserialize<'de> for BareId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BareId;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or an integer")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<BareId, E> {
                Ok(BareId::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<BareId, E> {
                i64::try_from(v).map(BareId::Integer).map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BareId, E> {
                Ok(BareId::String(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A timestamp as a bare parser would keep it: the text or the number, not parsed.
#[derive(Debug)]
pub enum BareTimestamp {
    Text(String),
    Integer(i64),
    Float(f64),
}

impl<'de> serde::Deserialize<'de> for BareTimestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BareTimestamp;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a timestamp")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<BareTimestamp, E> {
                Ok(BareTimestamp::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<BareTimestamp, E> {
                i64::try_from(v).map(BareTimestamp::Integer).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<BareTimestamp, E> {
                Ok(BareTimestamp::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BareTimestamp, E> {
                Ok(BareTimestamp::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

include!(concat!(env!("OUT_DIR"), "/bare.rs"));

/// Payloads of one event: its real payloads (from `../shared/payloads`) and seeded fixtures.
pub fn payloads(kind: freshworks_events::EventKind, fixtures: u64) -> Vec<Vec<u8>> {
    let info = kind.info();
    let mut out = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/payloads");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut names: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        names.sort();
        for path in names {
            let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
            if file.starts_with(&format!("{}-{}.", info.product, info.name)) {
                out.push(std::fs::read(&path).expect("readable payload"));
            }
        }
    }
    for seed in 0..fixtures {
        let event = freshworks_events::Event::fixture(kind, Some(seed)).expect("a fixture");
        out.push(serde_json::to_vec(&event).expect("serializable"));
    }
    out
}

/// A synthetic spec of `events` events, for generation benchmarks: the shipped products,
/// envelope and shared types, and copies of the shipped events under new names.
pub fn synthetic_spec(events: usize) -> Vec<codegen::SourceFile> {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let files = codegen::source::read_spec_dir(&spec).expect("the spec");
    let (events_src, mut out): (Vec<_>, Vec<_>) =
        files.into_iter().partition(|f| f.text.contains("\nevent: ") || f.text.starts_with("event: "));
    for i in 0..events {
        let src = &events_src[i % events_src.len()];
        let name_line = src.text.lines().find(|l| l.starts_with("event: ")).expect("an event line");
        let text = src.text.replacen(name_line, &format!("{name_line}Copy{i}"), 1);
        out.push(codegen::SourceFile { path: format!("{}.copy{i}.yaml", src.path.trim_end_matches(".yaml")), text });
    }
    out
}

//! Payload bytes through the models: parse (dispatching, and as every event), validate in
//! both readings, serialize, and read the output back to the same value and bytes. Dispatch
//! must pick the event the last `event` and `domain` name, as serde_json's `Value` reads them.
//!
//! An input that starts with 0xFE is a recipe for a large payload (see [`expand`]): costs
//! that grow faster than the input (many keys in one object, long arrays) only show past
//! the few kilobytes that mutation reaches by itself.
//!
//! The compiled validator must give the typed path's report (or error), violation for violation.
#![no_main]

use freshworks_events::{rt, Checked, Event, EventKind, Mode, EVENTS, PRODUCTS};
use libfuzzer_sys::fuzz_target;

fn exercise(event: &Event, reread: impl Fn(&[u8]) -> Event) {
    let _ = event.validate(Mode::Lenient);
    let _ = event.validate(Mode::Strict);
    let bytes = serde_json::to_vec(event).expect("a parsed payload serializes");
    let again = reread(&bytes);
    assert_eq!(&again, event, "a round trip changed the payload");
    assert_eq!(serde_json::to_vec(&again).expect("serializes"), bytes, "a second round trip changed the bytes");
}

/// A recipe `0xFE, n (2 bytes, little endian), place, body, 0xFF, unit`: the body with `n`
/// copies of the unit inserted after its `place`-th `{` or `[` (modulo their count), each
/// `#` of a copy replaced by the copy's number. `"k#":1,` makes `n` distinct keys, `"k":1,`
/// one key repeated `n` times, `1,` a long array. At most 65,535 copies of 32 bytes: 2 MB.
fn expand(data: &[u8]) -> Option<Vec<u8>> {
    let [0xFE, lo, hi, place, rest @ ..] = data else { return None };
    let n = usize::from(u16::from_le_bytes([*lo, *hi]));
    let split = rest.iter().position(|&b| b == 0xFF)?;
    let (body, unit) = (&rest[..split], &rest[split + 1..]);
    if unit.is_empty() || unit.len() > 32 {
        return None;
    }
    let opens: Vec<usize> = body.iter().enumerate().filter(|(_, &b)| b == b'{' || b == b'[').map(|(i, _)| i + 1).collect();
    let at = *opens.get(usize::from(*place) % opens.len().max(1))?;
    let mut out = Vec::with_capacity(body.len() + n * (unit.len() + 8));
    out.extend_from_slice(&body[..at]);
    for i in 0..n {
        for &b in unit {
            if b == b'#' {
                out.extend_from_slice(i.to_string().as_bytes());
            } else {
                out.push(b);
            }
        }
    }
    out.extend_from_slice(&body[at..]);
    Some(out)
}

fn typed(parsed: Result<Event, freshworks_events::Error>, mode: Mode) -> Result<Checked, freshworks_events::Error> {
    parsed.map(|e| match e {
        Event::Unknown(u) => Checked::Unknown(*u),
        e => Checked::Known { event: e.kind().map(|k| k.info()), report: e.validate(mode) },
    })
}

fuzz_target!(|input: &[u8]| {
    let expanded = expand(input);
    let data = expanded.as_deref().unwrap_or(input);
    for mode in [Mode::Lenient, Mode::Strict] {
        assert_eq!(Event::validate_slice(data, mode), typed(Event::parse(data), mode), "the compiled validator disagrees");
        for &kind in EventKind::ALL {
            assert_eq!(
                Event::validate_slice_as(kind, data, mode),
                typed(Event::parse_as(kind, data), mode),
                "the compiled validator disagrees as event {kind}"
            );
        }
    }
    if let Ok(event) = Event::parse(data) {
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) {
            let named = rt::identify(v["event"].as_str(), v["domain"].as_str(), PRODUCTS, EVENTS).ok();
            let read = event.kind().map(rt::Listed::index);
            if !matches!(event, Event::Unknown(_)) {
                assert_eq!(read, named, "dispatch disagrees with the payload's last event and domain");
            }
        }
        exercise(&event, |b| Event::parse(b).expect("written payloads read back"));
    }
    for &kind in EventKind::ALL {
        if let Ok(event) = Event::parse_as(kind, data) {
            exercise(&event, |b| Event::parse_as(kind, b).expect("written payloads read back"));
        }
    }
});

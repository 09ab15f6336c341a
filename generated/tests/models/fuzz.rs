//! Arbitrary bytes and mutated real payloads and fixtures, fed to the reader and the
//! validator: never a panic, and what was read as an event writes back and reads again as
//! itself. Then the cases fuzzing found, kept: bytes that are not UTF-8 in a skipped value,
//! values nested as deep as the reader follows, keys repeated in any order.

use freshworks_events::{Event, EventKind, Mode};

use crate::common;
use crate::mutate::{mutate, Rng, TOKENS};

fn exercise(bytes: &[u8]) {
    for mode in [Mode::Lenient, Mode::Strict] {
        if let Ok((event, report)) = freshworks_events::validate(bytes, mode, None) {
            let _ = serde_json::to_vec(&event).unwrap();
            let _ = report.to_string();
        }
        for &kind in EventKind::ALL {
            if let Ok((event, _)) = freshworks_events::validate(bytes, mode, Some(kind)) {
                // What was read serializes, reads back to the same thing, and writes the same
                // bytes again (numbers serde_json::Value cannot hold, like 1e999, included).
                let again = serde_json::to_vec(&event).unwrap();
                let reread = Event::parse_as(kind, &again).unwrap();
                assert_eq!(reread, event);
                assert_eq!(serde_json::to_vec(&reread).unwrap(), again);
            }
        }
    }
}

#[test]
fn mutated_real_payloads_and_fixtures_never_panic() {
    let mut seeds: Vec<Vec<u8>> = common::real_payloads().into_iter().map(|(_, b)| b).collect();
    for name in ["onAgentUpdate", "onAgentAvailabilityUpdate", "onAgentCustomStatusUpdate"] {
        let e = Event::fixture(name.parse::<EventKind>().unwrap(), Some(3)).unwrap();
        seeds.push(serde_json::to_vec(&e).unwrap());
    }
    let mut rng = Rng(0x5eed);
    for i in 0..3000 {
        let seed = &seeds[i % seeds.len()];
        exercise(&mutate(&mut rng, seed));
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..5000 {
        let len = rng.below(64);
        let bytes: Vec<u8> = (0..len).map(|_| TOKENS[rng.below(TOKENS.len())][0].wrapping_add((rng.next_u64() % 3) as u8)).collect();
        exercise(&bytes);
        let raw: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        exercise(&raw);
    }
}

/// Found by the coverage-guided payload target: bytes that are not UTF-8 inside a value the
/// reader skips (an unknown attribute) once made an unknown event that wrote back as `null`.
/// Such input is not JSON; it is refused with its position, and nothing is lost silently.
#[test]
fn invalid_utf8_in_a_skipped_value_is_malformed_json_not_a_null() {
    let mut bytes = br#"{"event":"onAgentUpdate","domain":"acme.freshdesk.com","extra":"caf"#.to_vec();
    bytes.push(0x87);
    bytes.extend_from_slice(br#"","data":{}}"#);
    for parsed in [Event::parse(&bytes), Event::parse_as(EventKind::FreshcallerOnAgentUpdate, &bytes)] {
        match parsed {
            Err(freshworks_events::Error::Json { line: 1, column, message }) => {
                assert_eq!(message, "invalid UTF-8");
                assert_eq!(column, 68, "the column of the byte that is not UTF-8");
            }
            other => panic!("expected malformed JSON, got {other:?}"),
        }
    }
}

/// A kept value nested as deep as the pull parser follows is kept exactly (an unknown
/// event's payload too); deeper is refused as too deep. Never a silent `null`.
#[test]
fn deep_kept_values_are_kept_exactly_or_refused() {
    let nest = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    for text in [
        format!(r#"{{"event":"onAgentActivityCreate","data":{{}},"extra":{}}}"#, nest(150)),
        format!(r#"{{"event":"onNobodyKnows","extra":{}}}"#, nest(150)),
    ] {
        let event = Event::parse(text.as_bytes()).unwrap();
        assert_eq!(serde_json::to_string(&event).unwrap(), text);
    }
    let text = format!(r#"{{"event":"onNobodyKnows","extra":{}}}"#, nest(250));
    match Event::parse(text.as_bytes()) {
        Err(freshworks_events::Error::TooDeep { .. }) => {}
        other => panic!("expected too deep, got {other:?}"),
    }
}

/// Found by the payload target: keys of listed attributes sent twice, in another order than
/// the spec's, beside repeated unlisted keys. Written back and read again, the payload is
/// equal to itself, and a second round trip writes the same bytes.
#[test]
fn repeated_keys_in_any_order_round_trip_to_an_equal_payload() {
    let bytes = br#"{"event":"onAgentUpdate","domain":"a.freshcaller.com","data":{"agent":{"x":1,"user_id":5,"id":1,"x":2,"id":2,"name":"a","user_id":6,"name":"b"}},"region":"US","event":"onAgentUpdate"}"#;
    let kind = "freshcaller/onAgentUpdate".parse::<EventKind>().unwrap();
    let event = Event::parse_as(kind, bytes).unwrap();
    let written = serde_json::to_vec(&event).unwrap();
    let again = Event::parse_as(kind, &written).unwrap();
    assert_eq!(again, event);
    assert_eq!(serde_json::to_vec(&again).unwrap(), written);
}

#[test]
fn a_repeated_key_keeps_its_earlier_value_as_written_whichever_way_the_event_is_found() {
    // `data` first (the envelope is read with `data` skipped), then written back with the
    // envelope's names first (read in one pass): the earlier `data` must be the same text
    // both times, whitespace, key order and escapes included.
    let bytes = b"{\n \"data\": {\n  \"agent\": {\"x\": 1, \"name\": \"\\u0041\"}\n },\n \"data\": {},\n \"event\": \"onAgentUpdate\"\n}";
    let event = Event::parse(bytes).unwrap();
    let written = serde_json::to_vec(&event).unwrap();
    let text = String::from_utf8(written.clone()).unwrap();
    assert!(text.contains("{\n  \"agent\": {\"x\": 1, \"name\": \"\\u0041\"}\n }"), "{text}");
    let again = Event::parse(&written).unwrap();
    assert_eq!(again, event);
    assert_eq!(serde_json::to_vec(&again).unwrap(), written);
    // A repeated scalar keeps its escapes too.
    let bytes = br#"{"event":"onAgentUpdate","data":{"agent":{"name":"\u0041","name":"b"}}}"#;
    let written = serde_json::to_vec(&Event::parse(bytes).unwrap()).unwrap();
    assert!(String::from_utf8(written).unwrap().contains(r#""name":"\u0041","name":"b""#));
}

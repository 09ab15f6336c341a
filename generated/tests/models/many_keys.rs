//! Payloads made to cost: 80,000 distinct unknown keys, and listed attributes sent 40,001
//! times each. Each is read, checked and written back in linear time, every key kept and
//! reported. (The command line on such payloads: the whole-chain tests, `hostile_payload`.)

use freshworks_events::{Event, Kind, Mode, Report};
use serde_json::Value;

use crate::common;

fn one_line(bytes: &[u8]) -> String {
    let v: Value = serde_json::from_slice(bytes).unwrap();
    serde_json::to_string(&v).unwrap()
}

fn valid_line() -> String {
    one_line(&common::payload("freshchat-onAgentActivityCreate.1.json"))
}

/// The real payload, compact, with `n` distinct attributes the spec does not list first in
/// `data`, in order.
fn unknown_keys(n: usize) -> Vec<u8> {
    let keys: String = (0..n).map(|i| format!("\"unlisted_{i}\":{i},")).collect();
    let line = valid_line();
    assert!(line.contains("\"data\":{\""), "{line}");
    line.replacen("\"data\":{", &format!("\"data\":{{{keys}"), 1).into_bytes()
}

/// 80,000 distinct unknown keys in a megabyte: read, kept in order, each counted in strict
/// mode (the first `Report::KEPT` listed), written back. Keeping each key used to scan the
/// ones before it.
#[test]
fn eighty_thousand_unknown_keys_are_read_checked_and_written_back() {
    let body = unknown_keys(80_000);
    assert!(body.len() > 1_000_000, "{}", body.len());
    let event = Event::parse(&body).unwrap();
    assert!(event.validate(Mode::Lenient).is_valid());
    let report = event.validate(Mode::Strict);
    let unknown: Vec<&str> = report.violations.iter().filter(|v| v.kind == Kind::UnknownField).map(|v| v.path.as_str()).collect();
    assert_eq!((report.count(), unknown.len()), (80_000, Report::KEPT));
    assert_eq!((unknown[0], unknown[9_999]), ("/data/unlisted_0", "/data/unlisted_9999"));
    // Written back: the same value (listed attributes first, then the others in order).
    let written = serde_json::to_vec(&event).unwrap();
    let same = serde_json::from_slice::<Value>(&written).unwrap() == serde_json::from_slice::<Value>(&body).unwrap();
    assert!(same, "the payload written back differs from the one read");
    let again = Event::parse(&written).unwrap().validate(Mode::Strict);
    assert_eq!(again.count(), 80_000);
    assert!(again.violations.iter().all(|v| v.kind == Kind::UnknownField));
}

/// Two attributes of the envelope sent 40,001 times each, interleaved: each earlier value is
/// kept and reported, and the payload written back reads as itself. Keeping a repeat of the
/// attribute earlier in spec order used to insert it before every repeat of the later one.
#[test]
fn listed_attributes_sent_again_and_again_are_kept_in_linear_time() {
    let line = valid_line();
    let copies = "\"version\":\"2.0.0\",\"region\":\"US\",".repeat(40_000);
    let body = line.replacen('{', &format!("{{{copies}"), 1);
    let event = Event::parse(body.as_bytes()).unwrap();
    let report = event.validate(Mode::Lenient);
    let repeated: Vec<&str> = report.violations.iter().filter(|v| v.kind == Kind::DuplicateKey).map(|v| v.path.as_str()).collect();
    assert_eq!((report.count(), repeated.len()), (80_000, Report::KEPT));
    assert_eq!((repeated[0], repeated[9_999]), ("/region", "/region"), "spec order, region before version");
    let written = serde_json::to_vec(&event).unwrap();
    let again = Event::parse(&written).unwrap();
    assert!(again == event, "the payload written back reads otherwise");
}

//! The compiled validator (violations straight from the bytes) and the typed path (parse,
//! then walk and rules) agree, violation for violation (pointer, kind, message, expected,
//! found, rule) and error for error, in both readings: on every event's fixtures, the real
//! payloads, hostile payloads and seeded mutations of all of them.

use freshworks_events::{Checked, Event, EventKind, Mode};

use crate::common;
use crate::mutate::{mutate, Rng};

/// The typed path's verdict on one parse: each reading walks the same parsed payload.
fn typed(parsed: &Result<Event, freshworks_events::Error>, mode: Mode) -> Result<Checked, freshworks_events::Error> {
    match parsed {
        Err(e) => Err(e.clone()),
        Ok(Event::Unknown(u)) => Ok(Checked::Unknown((**u).clone())),
        Ok(e) => Ok(Checked::Known { event: e.kind().map(|k| k.info()), report: e.validate(mode) }),
    }
}

/// Compares both paths on one input, dispatching and as every event, in both readings
/// (the typed path parses once for both); returns how many violations the compiled
/// validator found, so the callers can tell the inputs reached it.
fn agree(bytes: &[u8]) -> usize {
    let mut found = 0;
    let parsed = Event::parse(bytes);
    for mode in [Mode::Lenient, Mode::Strict] {
        let compiled = Event::validate_slice(bytes, mode);
        assert_eq!(compiled, typed(&parsed, mode), "{mode:?} on {}", String::from_utf8_lossy(bytes));
    }
    for &kind in EventKind::ALL {
        let parsed = Event::parse_as(kind, bytes);
        for mode in [Mode::Lenient, Mode::Strict] {
            let compiled = Event::validate_slice_as(kind, bytes, mode);
            assert_eq!(compiled, typed(&parsed, mode), "{mode:?} as {kind} on {}", String::from_utf8_lossy(bytes));
            if let Ok(Checked::Known { report, .. }) = compiled {
                found += report.violations.len();
            }
        }
    }
    found
}

fn fixtures() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for &kind in EventKind::ALL {
        for seed in [None, Some(1), Some(2), Some(3), Some(17), Some(99)] {
            out.push(serde_json::to_vec(&Event::fixture(kind, seed).unwrap()).unwrap());
        }
    }
    out
}

/// Values that rules and types care about: the rule literals, nulls, other JSON types,
/// timestamps in and out of the documented forms, ids of both forms.
const VALUES: &[&str] = &[
    "null",
    r#""system""#,
    r#""agent""#,
    r#""GeneralAvailability""#,
    r#""Intelliassign""#,
    r#""AVAILABLE""#,
    r#""UNAVAILABLE""#,
    r#""BUSY""#,
    "0",
    "132",
    r#""132""#,
    "1724133753887",
    "1.5",
    r#""2024-08-20T05:42:33Z""#,
    r#""2024-08-20T05:42:33+05:30""#,
    r#""2099-01-01T00:00:00.000Z""#,
    r#""not a time""#,
    "true",
    "[]",
    "{}",
    "[null]",
    r#"[{"type":null,"id":1}]"#,
    r#"{"a":1,"a":2}"#,
    "1e400",
];

/// An edit that keeps the JSON well formed more often than byte edits: a value replaced by
/// one of [`VALUES`], or a key sent twice, its earlier value one of them.
fn edit(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..=rng.below(3) {
        let colons: Vec<usize> = v.windows(2).enumerate().filter(|(_, w)| w == b"\":").map(|(i, _)| i + 1).collect();
        if colons.is_empty() {
            return v;
        }
        let colon = colons[rng.below(colons.len())];
        let value = VALUES[rng.below(VALUES.len())].as_bytes();
        if rng.below(3) == 0 {
            // Repeat the key before itself: `"k":VALUE,"k":...`.
            let Some(open) = v[..colon - 1].iter().rposition(|&b| b == b'"') else { continue };
            let mut pair = v[open..=colon].to_vec();
            pair.extend_from_slice(value);
            pair.push(b',');
            v.splice(open..open, pair);
        } else {
            let start = colon + 1;
            let end = scalar_end(&v, start);
            v.splice(start..end, value.iter().copied());
        }
    }
    v
}

/// Where the value at `start` ends: the matching bracket of an array or object, or the next
/// `,` or `}` of a scalar.
fn scalar_end(v: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in v.iter().enumerate().skip(start) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b'}' | b']' if depth == 0 => return i,
            _ => {}
        }
    }
    v.len()
}

#[test]
fn every_fixture_and_real_payload_gets_the_same_report() {
    for bytes in fixtures() {
        agree(&bytes);
    }
    for (name, bytes) in common::real_payloads() {
        let _ = name;
        agree(&bytes);
    }
}

#[test]
fn hostile_payloads_get_the_same_report_or_error() {
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let many_keys: String = (0..2000).map(|i| format!(r#""k{}":{i}"#, i % 700)).collect::<Vec<_>>().join(",");
    let cases: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"null".to_vec(),
        b"[1,2]".to_vec(),
        b"\"x\"".to_vec(),
        b"{}".to_vec(),
        b"{} x".to_vec(),
        b"\xEF\xBB\xBF{\"event\":\"onAgentActivityCreate\",\"data\":{}}".to_vec(),
        br#"{"event":"onAgentActivityCreate","data":null}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":[]}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{"actor":{"type":"system","email":"a@b"},"actor":{"type":"agent"}}}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{"actor":{"email":null,"type":"system"}}}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{"actor":{"email":null,"type":"agent"}}}"#.to_vec(),
        br#"{"data":{"actor":{"type":"system"}},"event":"onAgentActivityCreate"}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{},"event":"onAgentUpdate","domain":"x.freshcaller.com"}"#.to_vec(),
        br#"{"event":"onNobodyKnows","data":{}}"#.to_vec(),
        br#"{"event":"onAgentUpdate","domain":"x.freshdesk.com","data":{}}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{"agent_activity":{"status_change_timestamp":"2024-01-01T00:00:00Z","prev_status_change_timestamp":"2025-01-01T00:00:00Z"}}}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{"actor":{"social_profiles":[null,{"type":"x"},{"type":null},3]}}}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{"a/b~c":1,"a/b~c":2}}"#.to_vec(),
        format!(r#"{{"event":"onAgentActivityCreate","data":{{"actor":{}}}}}"#, deep(150)).into_bytes(),
        format!(r#"{{"event":"onAgentActivityCreate","data":{{"x":{}}}}}"#, deep(250)).into_bytes(),
        format!(r#"{{"event":"onAgentUpdate","domain":"a.freshcaller.com","data":{{{many_keys}}}}}"#).into_bytes(),
        br#"{"event":"onAgentActivityCreate","data":{"actor":{"id":"caf"#.to_vec(),
        b"{\"event\":\"onAgentActivityCreate\",\"x\":\"caf\x87\",\"data\":{}}".to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{"actor":{"type":"\ud800","first_name":"\udc00\ud800"},"\ud800":1}}"#.to_vec(),
        br#"{"data":{"actor":{"type":"system"}},"event":"onAgentActivityCreate","x":"\ud800"}"#.to_vec(),
        br#"{"event":"onAgentActivityCreate","data":{"actor":{"type":"\ud800"}} x"#.to_vec(),
    ];
    for bytes in &cases {
        agree(bytes);
    }
}

#[test]
fn ten_thousand_seeded_mutations_get_the_same_report_or_error() {
    let mut seeds = fixtures();
    seeds.extend(common::real_payloads().into_iter().map(|(_, b)| b));
    let mut rng = Rng(0xC0FFEE);
    let mut violations = 0;
    for i in 0..10_000 {
        let seed = &seeds[i % seeds.len()];
        let bytes = if i % 2 == 0 { edit(&mut rng, seed) } else { mutate(&mut rng, seed) };
        violations += agree(&bytes);
    }
    // The mutations reach the checks: most inputs have something wrong to agree on.
    assert!(violations > 20_000, "only {violations} violations found");
}

/// A report keeps its first `Report::KEPT` violations, in the typed walk's order, and
/// counts the rest: both paths keep the same ones, including when the first kept (an
/// attribute earlier in spec order, sent last) arrives after every other one.
#[test]
fn past_what_a_report_keeps_both_paths_keep_the_same_and_count_the_rest() {
    use freshworks_events::Report;
    let items = vec!["1"; Report::KEPT + 50].join(",");
    for tail in ["", r#","email":5"#] {
        let bytes = format!(r#"{{"event":"onAgentActivityCreate","data":{{"actor":{{"social_profiles":[{items}]{tail}}}}}}}"#).into_bytes();
        agree(&bytes);
        let Ok(Checked::Known { report, .. }) = Event::validate_slice(&bytes, Mode::Lenient) else { panic!("not read") };
        assert_eq!(report.violations.len(), Report::KEPT);
        assert!(report.omitted >= 50, "{}", report.omitted);
        assert_eq!(report.count(), report.violations.len() + report.omitted);
        assert!(!report.is_valid());
        // The envelope's absent attributes are found last and listed first; then the actor's.
        let first = report.violations.iter().map(|v| &v.path).find(|p| p.starts_with("/data/")).unwrap();
        match tail {
            "" => assert_eq!(first, "/data/actor/social_profiles/0"),
            _ => assert_eq!(first, "/data/actor/email"),
        }
        let text = report.to_string();
        assert!(text.ends_with(&format!("... and {} more violations, counted and not kept\n", report.omitted)), "{}", &text[text.len() - 200..]);
    }
}

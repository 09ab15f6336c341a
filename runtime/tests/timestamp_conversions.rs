//! A timestamp's instant, converted to the time types of std, jiff, chrono and time,
//! is the instant `unix_nanos` reports, for every wire form, before 1970, far from
//! now and with offsets; where a target cannot hold the instant, the conversion
//! says so instead of clamping.
//!
//! Run with `--features jiff,chrono,time` to cover the optional conversions too.

use std::time::{SystemTime, UNIX_EPOCH};

use freshworks_events_runtime::Timestamp;
use freshworks_events_runtime::TimestampFormat;

fn parse(text: &str) -> Timestamp {
    Timestamp::parse_str(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
}

fn seconds(secs: f64) -> Timestamp {
    Timestamp::from_seconds(secs).unwrap_or_else(|e| panic!("{secs} should be in range: {e}"))
}

/// Every form, near and far, with the nanoseconds since the epoch each denotes
/// (worked out by hand, not by the code under test).
fn cases() -> Vec<(Timestamp, i128)> {
    const S: i128 = 1_000_000_000;
    vec![
        (parse("2022-06-09T02:18:41Z"), 1_654_741_121 * S),
        (parse("2022-07-29T06:23:03.081Z"), 1_659_075_783 * S + 81_000_000),
        (parse("2022-06-09T07:48:41.123456789+05:30"), 1_654_741_121 * S + 123_456_789),
        (parse("2022-06-08T21:18:41-05:00"), 1_654_741_121 * S),
        (parse("2022-08-29 18:45:26 UTC"), 1_661_798_726 * S),
        (parse("2022-08-29 18:45:26.5 UTC"), 1_661_798_726 * S + 500_000_000),
        (parse("1724133753887"), 1_724_133_753_887_000_000),
        (Timestamp::from_millis(1564592339214), 1_564_592_339_214_000_000),
        (seconds(1632216310.817101), 1_632_216_310_817_101_000),
        // Before 1970: negative seconds with a positive fraction.
        (parse("1969-12-31T23:59:59.5Z"), -S / 2),
        (parse("1969-12-31 23:59:59.999999999 UTC"), -1),
        (parse("-1"), -1_000_000),
        (Timestamp::from_millis(-1), -1_000_000),
        (seconds(-1.5), -3 * S / 2),
        (parse("1900-01-01T00:00:00Z"), -2_208_988_800 * S),
        // The ends of the text forms: with an offset, year 0000 reaches into year -1.
        (parse("0000-01-01T00:00:00Z"), -62_167_219_200 * S),
        (parse("0000-01-01T00:00:00+05:30"), (-62_167_219_200 - 19_800) * S),
        (parse("9999-12-30T22:00:00Z"), 253_402_207_200 * S),
    ]
}

/// Instants outside jiff's and time's range (years -9999 to 9999, jiff a day
/// less), all of them reachable on the wire.
fn far_cases() -> Vec<(Timestamp, i128)> {
    const S: i128 = 1_000_000_000;
    vec![
        (parse("9999-12-31T23:59:59Z"), 253_402_300_799 * S),
        (parse("9999-12-31T23:59:59.999999999-23:59"), (253_402_300_799 + 86_340) * S + 999_999_999),
        (seconds(1e13), 10_000_000_000_000 * S),
        (seconds(-1e13), -10_000_000_000_000 * S),
        (Timestamp::from_millis(i64::MAX), i128::from(i64::MAX) * 1_000_000),
        (Timestamp::from_millis(i64::MIN), i128::from(i64::MIN) * 1_000_000),
    ]
}

fn system_nanos(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i128::try_from(after.as_nanos()).expect("fits"),
        Err(before) => -i128::try_from(before.duration().as_nanos()).expect("fits"),
    }
}

#[test]
fn the_cases_are_what_unix_nanos_says() {
    for (ts, nanos) in cases().into_iter().chain(far_cases()) {
        assert_eq!(ts.unix_nanos(), nanos, "{ts}");
    }
}

#[test]
fn every_form_is_covered() {
    for format in TimestampFormat::ALL {
        assert!(cases().iter().any(|(ts, _)| ts.format() == format), "{format:?}");
    }
}

#[test]
fn system_time_agrees() {
    for (ts, nanos) in cases() {
        let time = ts.to_system_time().expect("SystemTime holds it");
        assert_eq!(system_nanos(time), nanos, "{ts}");
        assert_eq!(SystemTime::try_from(&ts), Ok(time), "{ts}");
    }
}

// On Unix, SystemTime counts whole seconds in an i64, which holds every timestamp.
#[cfg(unix)]
#[test]
fn system_time_holds_far_instants_on_unix() {
    for (ts, nanos) in far_cases() {
        let time = ts.to_system_time().expect("SystemTime holds it");
        assert_eq!(system_nanos(time), nanos, "{ts}");
    }
}

#[cfg(feature = "jiff")]
#[test]
fn jiff_agrees() {
    for (ts, nanos) in cases() {
        let jiff = ts.to_jiff().expect("inside jiff's range");
        assert_eq!(jiff.as_nanosecond(), nanos, "{ts}");
        assert_eq!(jiff::Timestamp::try_from(&ts), Ok(jiff), "{ts}");
    }
    let jiff = parse("2022-06-09T07:48:41.5+05:30").to_jiff().expect("in range");
    assert_eq!(jiff.to_string(), "2022-06-09T02:18:41.5Z");
}

#[cfg(feature = "jiff")]
#[test]
fn beyond_jiff_is_an_error() {
    for (ts, _) in far_cases() {
        let error = ts.to_jiff().expect_err("outside jiff's range");
        assert_eq!(error.to_string(), format!("{} is out of range for jiff::Timestamp", ts.to_rfc3339()), "{ts}");
    }
    assert_eq!(
        parse("9999-12-31T23:59:59Z").to_jiff().expect_err("past jiff's last instant").to_string(),
        "9999-12-31T23:59:59.000Z is out of range for jiff::Timestamp"
    );
}

#[test]
fn offsets_are_exposed() {
    let cases = [
        ("2022-06-09T02:18:41Z", Some(0), true),
        ("2022-06-09T02:18:41+00:00", Some(0), true),
        ("2022-08-29 18:45:26 UTC", Some(0), true),
        ("2022-06-09T07:48:41+05:30", Some(19_800), false),
        ("2022-06-08T21:18:41-05:00", Some(-18_000), false),
        ("1724133753887", None, true),
    ];
    for (text, offset, utc) in cases {
        let ts = parse(text);
        assert_eq!(ts.utc_offset_seconds(), offset, "{text}");
        assert_eq!(ts.is_utc(), utc, "{text}");
    }
    let millis = Timestamp::from_millis(1564592339214);
    assert_eq!((millis.utc_offset_seconds(), millis.is_utc()), (None, true));
    let secs = seconds(1632216310.817101);
    assert_eq!((secs.utc_offset_seconds(), secs.is_utc()), (None, true));
}

// Holding the offset costs no space: it sits in what was padding.
#[cfg(target_pointer_width = "64")]
#[test]
fn a_timestamp_stays_forty_bytes() {
    assert_eq!(std::mem::size_of::<Timestamp>(), 40);
}

/// `to_rfc3339` from another crate's calendar, for the years both can write.
#[cfg(any(feature = "chrono", feature = "time"))]
fn rfc3339(year: i32, [month, day, hour, minute, second]: [u32; 5], millis: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{millis:03}Z")
}

#[cfg(feature = "chrono")]
mod chrono_conversions {
    use super::*;
    use chrono::{Datelike, Timelike};

    fn chrono_nanos(dt: chrono::DateTime<chrono::Utc>) -> i128 {
        i128::from(dt.timestamp()) * 1_000_000_000 + i128::from(dt.timestamp_subsec_nanos())
    }

    #[test]
    fn chrono_agrees() {
        // chrono reaches some 262,000 years (8.3e12 seconds) either way, short of
        // 1e13 seconds and of from_millis' extremes.
        let (inside, beyond): (Vec<_>, Vec<_>) =
            cases().into_iter().chain(far_cases()).partition(|(_, nanos)| nanos.unsigned_abs() < 10u128.pow(22));
        assert_eq!(beyond.len(), 4);
        for (ts, nanos) in inside {
            let dt = ts.to_chrono().expect("inside chrono's range");
            assert_eq!(chrono_nanos(dt), nanos, "{ts}");
            assert_eq!(chrono::DateTime::try_from(&ts), Ok(dt), "{ts}");
            if (0..=9999).contains(&dt.year()) {
                let fields = [dt.month(), dt.day(), dt.hour(), dt.minute(), dt.second()];
                let millis = dt.timestamp_subsec_millis();
                assert_eq!(ts.to_rfc3339(), rfc3339(dt.year(), fields, millis), "{ts}");
            }
        }
        for (ts, _) in beyond {
            let error = ts.to_chrono().expect_err("beyond chrono's range");
            assert!(error.to_string().ends_with(" is out of range for chrono::DateTime"), "{error}");
        }
    }
}

#[cfg(feature = "time")]
mod time_conversions {
    use super::*;

    #[test]
    fn time_agrees() {
        for (ts, nanos) in cases() {
            let dt = ts.to_time().expect("inside time's range");
            assert_eq!(dt.unix_timestamp_nanos(), nanos, "{ts}");
            assert_eq!(dt.offset(), time::UtcOffset::UTC, "{ts}");
            assert_eq!(time::OffsetDateTime::try_from(&ts), Ok(dt), "{ts}");
            if (0..=9999).contains(&dt.year()) {
                let fields = [
                    u32::from(u8::from(dt.month())),
                    u32::from(dt.day()),
                    u32::from(dt.hour()),
                    u32::from(dt.minute()),
                    u32::from(dt.second()),
                ];
                let millis = u32::from(dt.millisecond());
                assert_eq!(ts.to_rfc3339(), rfc3339(dt.year(), fields, millis), "{ts}");
            }
        }
        // time without its large-dates feature ends with 9999-12-31T23:59:59.999999999Z.
        let last = parse("9999-12-31T23:59:59.999999999Z");
        assert_eq!(last.to_time().expect("time's last instant").unix_timestamp_nanos(), last.unix_nanos());
        for (ts, _) in far_cases().into_iter().skip(1) {
            let error = ts.to_time().expect_err("outside time's range");
            assert_eq!(error.to_string(), format!("{} is out of range for time::OffsetDateTime", ts.to_rfc3339()), "{ts}");
        }
    }
}

/// A sweep over 0000-9999 in uneven steps: SystemTime agrees at every time of day,
/// and so do jiff, chrono and time when built in.
#[test]
fn sweep_agrees() {
    let first = -62_167_219_200_000_i64; // 0000-01-01
    let last = 253_402_207_200_000_i64; // 9999-12-30T22:00, jiff's last hour
    let mut millis = first;
    let mut checked = 0;
    while millis <= last {
        let ts = Timestamp::from_millis(millis);
        let nanos = i128::from(millis) * 1_000_000;
        #[cfg(feature = "jiff")]
        assert_eq!(ts.to_jiff().map(|t| t.as_nanosecond()), Ok(nanos), "{ts}");
        assert_eq!(ts.to_system_time().map(system_nanos), Ok(nanos), "{ts}");
        // The same instant read back from its text, in both text forms.
        let text = ts.to_rfc3339();
        assert_eq!(parse(&text).unix_nanos(), nanos, "{text}");
        let utc_text = text.replace('T', " ").replace('Z', " UTC");
        assert_eq!(parse(&utc_text).unix_nanos(), nanos, "{utc_text}");
        #[cfg(feature = "chrono")]
        assert_eq!(ts.to_chrono().map(|t| t.timestamp_millis()), Ok(millis), "{ts}");
        #[cfg(feature = "time")]
        assert_eq!(ts.to_time().map(|t| t.unix_timestamp_nanos()), Ok(nanos), "{ts}");
        millis += 7_777_777_777;
        checked += 1;
    }
    assert!(checked > 40_000, "{checked}");
}

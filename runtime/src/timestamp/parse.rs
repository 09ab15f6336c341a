//! Reading a timestamp from a JSON string: the two date-time text forms (a fast path for
//! the common shapes, and the general parser, which names the component that is wrong)
//! and the millisecond string.

use super::{Timestamp, TimestampError, TimestampFormat, TimestampRepr, NANOS_PER_MILLI, SECONDS_PER_DAY};
use crate::calendar;
use crate::text::Text;

impl Timestamp {
    /// Reads a JSON string: [`TimestampFormat::Iso8601`], [`TimestampFormat::UtcText`],
    /// or (all ASCII digits, optional leading '-') [`TimestampFormat::EpochMillisString`].
    pub fn parse_str(s: &str) -> Result<Timestamp, TimestampError> {
        if let Some(instant) = fast_text(s.as_bytes()) {
            return Ok(instant.into_timestamp(s));
        }
        let unsigned = s.strip_prefix('-').unwrap_or(s);
        if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
            let millis = parse_millis_string(s, unsigned)?;
            Ok(Timestamp::from_nanos(
                TimestampRepr::Text(Text::from(s)),
                TimestampFormat::EpochMillisString,
                i128::from(millis) * NANOS_PER_MILLI,
            ))
        } else if starts_like_a_date(s.as_bytes()) {
            Ok(parse_date_time(s)?.into_timestamp(s))
        } else {
            Err(TimestampError::new(format!("{} is not in any timestamp form (e.g. {})", quoted(s), TimestampFormat::Iso8601.example())))
        }
    }

    /// The form [`Timestamp::parse_str`] reads `s` in, or `None` where it refuses `s`,
    /// without building the timestamp (no copy of the text): for a count of the forms a
    /// log sends, where most texts take the fast path.
    pub fn form_of_str(s: &str) -> Option<TimestampFormat> {
        match fast_text(s.as_bytes()) {
            Some(instant) => Some(instant.format),
            None => Timestamp::parse_str(s).ok().map(|t| t.format),
        }
    }
}

/// What a date-time text denotes: its form, the instant, and the offset it was
/// written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextInstant {
    format: TimestampFormat,
    secs: i64,
    subsec_nanos: u32,
    /// Minutes east of UTC.
    offset_minutes: i16,
}

impl TextInstant {
    /// A wall-clock time on a date that exists (its day count from 1970-01-01),
    /// written with an offset.
    fn new(format: TimestampFormat, days: i64, [hour, minute, second]: [u32; 3], subsec_nanos: u32, offset_minutes: i16) -> TextInstant {
        let secs = days * SECONDS_PER_DAY + i64::from(hour * 3600 + minute * 60 + second) - i64::from(offset_minutes) * 60;
        TextInstant { format, secs, subsec_nanos, offset_minutes }
    }

    fn into_timestamp(self, text: &str) -> Timestamp {
        Timestamp {
            repr: TimestampRepr::Text(Text::from(text)),
            secs: self.secs,
            subsec_nanos: self.subsec_nanos,
            offset_minutes: self.offset_minutes,
            format: self.format,
        }
    }
}

fn parse_millis_string(s: &str, unsigned: &str) -> Result<i64, TimestampError> {
    let out_of_range = || TimestampError::new(format!("{} is out of range for milliseconds since the epoch", quoted(s)));
    if unsigned.len() > 19 {
        return Err(out_of_range());
    }
    s.parse().map_err(|_| out_of_range())
}

/// Four digits and a dash: enough to say the sender meant a date, so that the
/// error names the broken component instead of listing the forms.
fn starts_like_a_date(bytes: &[u8]) -> bool {
    matches!(bytes, [a, b, c, d, b'-', ..] if [a, b, c, d].iter().all(|x| x.is_ascii_digit()))
}

/// The date's day count from 1970-01-01, if it exists in the proleptic Gregorian calendar.
fn civil_date(year: u32, month: u32, day: u32) -> Option<i64> {
    calendar::checked_days_from_civil(i64::from(year), month, day)
}

/// The common shapes, read at fixed positions: `YYYY-MM-DDTHH:MM:SS[.f]Z` and
/// `YYYY-MM-DD HH:MM:SS[.f] UTC`. Anything else, or anything out of range, is left to the
/// general parser, which also explains what is wrong.
fn fast_text(b: &[u8]) -> Option<TextInstant> {
    fn two(b: &[u8], i: usize) -> Option<u32> {
        let (x, y) = (b.get(i)?.wrapping_sub(b'0'), b.get(i + 1)?.wrapping_sub(b'0'));
        (x < 10 && y < 10).then(|| u32::from(x) * 10 + u32::from(y))
    }
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let year = two(b, 0)? * 100 + two(b, 2)?;
    let (month, day, hour, minute, second) = (two(b, 5)?, two(b, 8)?, two(b, 11)?, two(b, 14)?, two(b, 17)?);
    let mut i = 19;
    let mut nanos = 0u32;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i].is_ascii_digit() && i - start < 9 {
            nanos = nanos * 10 + u32::from(b[i] - b'0');
            i += 1;
        }
        let digits = i - start;
        if digits == 0 || b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        nanos *= 10u32.pow(9 - digits as u32);
    }
    let format = match (b[10], &b[i..]) {
        (b'T', b"Z") => TimestampFormat::Iso8601,
        (b' ', b" UTC") => TimestampFormat::UtcText,
        _ => return None,
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let date = civil_date(year, month, day)?;
    Some(TextInstant::new(format, date, [hour, minute, second], nanos, 0))
}

/// Parses the two date-time text forms.
fn parse_date_time(s: &str) -> Result<TextInstant, TimestampError> {
    let mut cursor = DateTimeCursor { text: s, pos: 0 };
    let year = cursor.digits(4, "year")?;
    cursor.expect(b'-', "'-' after the year")?;
    let month = cursor.digits(2, "month")?;
    in_range("month", month, 1, 12)?;
    cursor.expect(b'-', "'-' after the month")?;
    let day = cursor.digits(2, "day")?;
    let date = check_day(year, month, day)?;

    let format = match cursor.peek() {
        Some(b'T' | b't') => TimestampFormat::Iso8601,
        Some(b' ') => TimestampFormat::UtcText,
        None => return Err(TimestampError::new("missing time after the date")),
        Some(_) => return Err(TimestampError::new(format!("expected 'T' or a space after the date, found {}", cursor.found()))),
    };
    cursor.pos += 1;

    let hour = cursor.digits(2, "hour")?;
    in_range("hour", hour, 0, 23)?;
    cursor.expect(b':', "':' after the hour")?;
    let minute = cursor.digits(2, "minute")?;
    in_range("minute", minute, 0, 59)?;
    cursor.expect(b':', "':' after the minute")?;
    let second = cursor.digits(2, "second")?;
    // Leap seconds are rejected: their instant is ambiguous without a leap
    // second table, and Freshworks has not been seen to send one.
    if second == 60 {
        return Err(TimestampError::new("second 60 is out of range (leap seconds are not accepted)"));
    }
    in_range("second", second, 0, 59)?;
    let fraction_nanos = cursor.fraction()?;

    let offset_minutes = match format {
        TimestampFormat::UtcText => {
            if !cursor.eat_str(" UTC") {
                return Err(TimestampError::new(format!("expected \" UTC\" after the time, found {}", cursor.found())));
            }
            0
        }
        _ => cursor.offset()?,
    };
    if cursor.pos != s.len() {
        return Err(TimestampError::new("trailing characters after the time zone"));
    }
    Ok(TextInstant::new(format, date, [hour, minute, second], fraction_nanos, offset_minutes))
}

fn in_range(what: &str, value: u32, min: u32, max: u32) -> Result<(), TimestampError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(TimestampError::new(format!("{what} {value} is out of range")))
    }
}

/// The date's day count from 1970-01-01; `month` is already known to be 1-12. The
/// message names the day that does not exist.
fn check_day(year: u32, month: u32, day: u32) -> Result<i64, TimestampError> {
    in_range("day", day, 1, 31)?;
    if let Some(days) = civil_date(year, month, day) {
        return Ok(days);
    }
    // `month` is 1-12, so it has a name; the fallback only keeps a panic path out.
    let month_name = calendar::month_name(month).map_or_else(|| format!("month {month}"), str::to_owned);
    // Only the 29th (of February) exists in some years and not in others.
    Err(TimestampError::new(if day == 29 {
        format!("{month_name} 29 does not exist in {year:04}")
    } else {
        format!("{month_name} {day} does not exist")
    }))
}

/// The input for an error message, cut short so that junk cannot swamp it.
fn quoted(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((cut, _)) => format!("{:?}…", &s[..cut]),
        None => format!("{s:?}"),
    }
}

/// A cursor over a date-time text form. It only ever steps over ASCII bytes, so `pos`
/// always sits on a character boundary.
struct DateTimeCursor<'a> {
    text: &'a str,
    pos: usize,
}

impl DateTimeCursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let matched = self.peek() == Some(byte);
        if matched {
            self.pos += 1;
        }
        matched
    }

    fn eat_str(&mut self, expected: &str) -> bool {
        let matched = self.text.as_bytes().get(self.pos..).is_some_and(|rest| rest.starts_with(expected.as_bytes()));
        if matched {
            self.pos += expected.len();
        }
        matched
    }

    /// The character at the cursor, for messages.
    fn found(&self) -> String {
        match self.text.get(self.pos..).and_then(|rest| rest.chars().next()) {
            Some(c) => format!("{c:?}"),
            None => "end of text".to_owned(),
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), TimestampError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(TimestampError::new(format!("expected {what}, found {}", self.found())))
        }
    }

    fn digits(&mut self, count: usize, what: &str) -> Result<u32, TimestampError> {
        let mut value = 0;
        for _ in 0..count {
            match self.peek() {
                Some(digit @ b'0'..=b'9') => {
                    value = value * 10 + u32::from(digit - b'0');
                    self.pos += 1;
                }
                _ => return Err(TimestampError::new(format!("expected a {count}-digit {what}, found {}", self.found()))),
            }
        }
        Ok(value)
    }

    /// An optional `.` and 1-9 digits, as nanoseconds.
    fn fraction(&mut self) -> Result<u32, TimestampError> {
        if !self.eat(b'.') {
            return Ok(0);
        }
        let mut nanos = 0;
        let mut count = 0;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            count += 1;
            if count > 9 {
                return Err(TimestampError::new("fraction of a second has more than 9 digits"));
            }
            nanos = nanos * 10 + u32::from(digit - b'0');
            self.pos += 1;
        }
        if count == 0 {
            return Err(TimestampError::new(format!("expected digits after '.', found {}", self.found())));
        }
        Ok(nanos * 10u32.pow(9 - count))
    }

    /// `Z`, `z` or `±HH:MM`, as minutes east of UTC.
    fn offset(&mut self) -> Result<i16, TimestampError> {
        let sign = match self.peek() {
            Some(b'Z' | b'z') => {
                self.pos += 1;
                return Ok(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            None => return Err(TimestampError::new("missing time zone after the time (e.g. Z or +05:30)")),
            Some(_) => {
                return Err(TimestampError::new(format!("expected a time zone (Z or ±HH:MM) after the time, found {}", self.found())))
            }
        };
        self.pos += 1;
        let hours = self.digits(2, "offset hour")?;
        in_range("offset hour", hours, 0, 23)?;
        self.expect(b':', "':' in the offset")?;
        let minutes = self.digits(2, "offset minute")?;
        in_range("offset minute", minutes, 0, 59)?;
        // At most 23 * 60 + 59 = 1439, well inside an i16.
        Ok(sign * (hours * 60 + minutes) as i16)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{error, json, parse};
    use super::super::NANOS_PER_SECOND;
    use super::*;

    #[test]
    fn fractions() {
        let base = parse("2022-07-29T06:23:03Z").unix_nanos();
        assert_eq!(parse("2022-07-29T06:23:03.081Z").unix_nanos(), base + 81_000_000);
        assert_eq!(parse("2022-07-29T06:23:03.5Z").unix_nanos(), base + 500_000_000);
        assert_eq!(parse("2022-07-29T06:23:03.123456789Z").unix_nanos(), base + 123_456_789);
        assert_eq!(parse("2022-07-29 06:23:03.000001 UTC").unix_nanos(), base + 1_000);
        assert_eq!(parse("2022-07-29T06:23:03.081Z").unix_millis(), 1659075783081);

        let secs = Timestamp::from_seconds(1632216310.817101).expect("in range");
        assert_eq!(secs.unix_nanos(), 1_632_216_310_817_101_000);
        let tiny = Timestamp::from_seconds(1e-9).expect("in range");
        assert_eq!(tiny.unix_nanos(), 1);
        let beyond_nanos = Timestamp::from_seconds(-0.1234567891).expect("in range");
        assert_eq!(beyond_nanos.unix_nanos(), -123_456_789);
        let negative = Timestamp::from_seconds(-1.5).expect("in range");
        assert_eq!(negative.unix_nanos(), -1_500_000_000);
        assert_eq!(negative.unix_millis(), -1500);
        assert_eq!(Timestamp::from_millis(-1).unix_nanos(), -1_000_000);
    }

    #[test]
    fn the_form_alone_is_the_form_of_the_parse() {
        let texts = [
            "2022-07-29T06:23:03Z",
            "2022-07-29T06:23:03.081Z",
            "2022-07-29T06:23:03+05:30",
            "2022-07-29T06:23:03.123456789-01:00",
            "2022-07-29 06:23:03 UTC",
            "2022-07-29 06:23:03.000001 UTC",
            "2022-07-29T06:23:03",
            "2022-02-30T06:23:03Z",
            "2022-07-29T25:23:03Z",
            "2022-07-29T06:23:03.Z",
            "1632216310817",
            "-1",
            "99999999999999999999",
            "",
            "2022",
            "yesterday",
        ];
        for text in texts {
            assert_eq!(Timestamp::form_of_str(text), Timestamp::parse_str(text).ok().map(|t| t.format()), "{text:?}");
        }
        assert_eq!(Timestamp::form_of_str("2022-07-29T06:23:03Z"), Some(TimestampFormat::Iso8601));
        assert_eq!(Timestamp::form_of_str("2022-07-29 06:23:03 UTC"), Some(TimestampFormat::UtcText));
        assert_eq!(Timestamp::form_of_str("1632216310817"), Some(TimestampFormat::EpochMillisString));
        assert_eq!(Timestamp::form_of_str("yesterday"), None);
    }

    #[test]
    fn leap_years() {
        parse("2024-02-29T00:00:00Z");
        parse("2000-02-29T00:00:00Z");
        parse("0000-02-29T00:00:00Z");
        assert_eq!(error("2023-02-29T00:00:00Z"), "February 29 does not exist in 2023");
        assert_eq!(error("1900-02-29T00:00:00Z"), "February 29 does not exist in 1900");
        assert_eq!(error("2024-02-30T00:00:00Z"), "February 30 does not exist");
        assert_eq!(error("2022-04-31 00:00:00 UTC"), "April 31 does not exist");
        assert_eq!(parse("2024-03-01T00:00:00Z").unix_nanos() - parse("2024-02-28T00:00:00Z").unix_nanos(), 2 * 86_400 * NANOS_PER_SECOND);
    }

    #[test]
    fn precise_errors() {
        let cases = [
            ("2022-13-09T02:18:41Z", "month 13 is out of range"),
            ("2022-00-09T02:18:41Z", "month 0 is out of range"),
            ("2022-06-32T02:18:41Z", "day 32 is out of range"),
            ("2022-06-00T02:18:41Z", "day 0 is out of range"),
            ("2022-06-09T24:18:41Z", "hour 24 is out of range"),
            ("2022-06-09T02:60:41Z", "minute 60 is out of range"),
            ("2022-06-09T02:18:60Z", "second 60 is out of range (leap seconds are not accepted)"),
            ("2022-06-09T02:18:61Z", "second 61 is out of range"),
            ("2022-06-09T02:18:41+24:00", "offset hour 24 is out of range"),
            ("2022-06-09T02:18:41+05:60", "offset minute 60 is out of range"),
            ("yesterday", "\"yesterday\" is not in any timestamp form (e.g. 2022-06-09T02:18:41Z)"),
            ("", "\"\" is not in any timestamp form (e.g. 2022-06-09T02:18:41Z)"),
            ("2022-06-09", "missing time after the date"),
            ("2022-06-09T02:18:41", "missing time zone after the time (e.g. Z or +05:30)"),
            ("2022-06-09T02:18:41Z\u{e9}", "trailing characters after the time zone"),
            ("2022-06-09T02:18:41Z ", "trailing characters after the time zone"),
            ("2022-08-29 18:45:26 UTCZ", "trailing characters after the time zone"),
            ("2022-08-29 18:45:26", "expected \" UTC\" after the time, found end of text"),
            ("2022-08-29 18:45:26Z", "expected \" UTC\" after the time, found 'Z'"),
            ("2022-08-29 18:45:26 utc", "expected \" UTC\" after the time, found ' '"),
            ("2022-6-09T02:18:41Z", "expected a 2-digit month, found '-'"),
            ("2022-06-09X02:18:41Z", "expected 'T' or a space after the date, found 'X'"),
            ("2022-06-09T02:18:41.Z", "expected digits after '.', found 'Z'"),
            ("2022-06-09T02:18:41.1234567891Z", "fraction of a second has more than 9 digits"),
            ("2022-06-09T02:18:41+0530", "expected ':' in the offset, found '3'"),
            ("2022-06-09T02:18:4\u{e9}Z", "expected a 2-digit second, found 'é'"),
            ("9223372036854775808", "\"9223372036854775808\" is out of range for milliseconds since the epoch"),
            ("00000000000000000001", "\"00000000000000000001\" is out of range for milliseconds since the epoch"),
        ];
        for (input, message) in cases {
            assert_eq!(error(input), message, "{input:?}");
        }
        for input in [
            "２０２２",
            " 2022-06-09T02:18:41Z",
            "2022-06-09T02:18:41 Z",
            "-",
            "+1",
            "1.5",
            "-2022-06-09T02:18:41Z",
            "20220-06-09T02:18:41Z",
        ] {
            error(input);
        }
        let long = "x".repeat(1000);
        assert!(error(&long).len() < 120);
    }

    #[test]
    fn epoch_millis_string_limits() {
        assert_eq!(parse("9223372036854775807").unix_millis(), i64::MAX);
        assert_eq!(parse("-9223372036854775808").unix_millis(), i64::MIN);
        assert_eq!(parse("-0").unix_nanos(), 0);
        assert_eq!(parse("0001").unix_millis(), 1);
        error("-9223372036854775809");
    }

    #[test]
    fn mutated_inputs_never_panic() {
        let seeds = ["2022-07-29T06:23:03.081+05:30", "2022-08-29 18:45:26.5 UTC", "2024-02-29t23:59:59.123456789z", "-1724133753887"];
        for seed in seeds {
            let bytes = seed.as_bytes();
            for pos in 0..bytes.len() {
                for &replacement in b"0 9:-TZ+.a\xff" {
                    let mut mutated = bytes.to_vec();
                    mutated[pos] = replacement;
                    for cut in 0..=mutated.len() {
                        let input = String::from_utf8_lossy(&mutated[..cut]);
                        if let Ok(ts) = Timestamp::parse_str(&input) {
                            assert_eq!(json(&ts), format!("{input:?}"));
                            ts.to_rfc3339();
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_fast_path_agrees_with_the_general_parser() {
        let mut checked = 0;
        for year in [0u32, 1, 1899, 1900, 1970, 2000, 2023, 2024, 9999] {
            for month in 0..=13u32 {
                for day in [0u32, 1, 28, 29, 30, 31, 32] {
                    for (time, frac) in
                        [("00:00:00", ""), ("23:59:59", ".5"), ("12:34:56", ".123456789"), ("24:00:00", ""), ("12:60:00", ".1")]
                    {
                        for (sep, zone) in [("T", "Z"), (" ", " UTC"), ("T", "+00:00"), ("t", "z")] {
                            let text = format!("{year:04}-{month:02}-{day:02}{sep}{time}{frac}{zone}");
                            let general = parse_date_time(&text).ok();
                            if let Some(fast) = fast_text(text.as_bytes()) {
                                assert_eq!(Some(fast), general, "{text}");
                                checked += 1;
                            }
                            // Either way, parse_str gives the general parser's answer.
                            let general = general.map(|g| {
                                let nanos = i128::from(g.secs) * NANOS_PER_SECOND + i128::from(g.subsec_nanos);
                                (g.format, nanos, Some(i32::from(g.offset_minutes) * 60))
                            });
                            let parsed = Timestamp::parse_str(&text).ok();
                            assert_eq!(parsed.map(|t| (t.format(), t.unix_nanos(), t.utc_offset_seconds())), general, "{text}");
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn the_offset_written_is_kept() {
        let cases = [
            ("2022-06-09T02:18:41Z", Some(0), true),
            ("2022-06-09t02:18:41.5z", Some(0), true),
            ("2022-06-09T02:18:41+00:00", Some(0), true),
            ("2022-06-09T02:18:41-00:00", Some(0), true),
            ("2022-08-29 18:45:26 UTC", Some(0), true),
            ("2022-08-29 18:45:26.25 UTC", Some(0), true),
            ("2022-06-09T07:48:41+05:30", Some(19_800), false),
            ("2022-06-08T21:18:41-05:00", Some(-18_000), false),
            ("2022-06-09T02:18:41+00:01", Some(60), false),
            ("2022-06-09T02:18:41-23:59", Some(-86_340), false),
            ("2022-06-09T02:18:41+23:59", Some(86_340), false),
            ("1724133753887", None, true),
            ("-1", None, true),
        ];
        for (text, offset, utc) in cases {
            let ts = parse(text);
            assert_eq!(ts.utc_offset_seconds(), offset, "{text}");
            assert_eq!(ts.is_utc(), utc, "{text}");
        }
        for ts in [Timestamp::from_millis(1564592339214), Timestamp::from_seconds(-1.5).expect("in range")] {
            assert_eq!(ts.utc_offset_seconds(), None, "{ts}");
            assert!(ts.is_utc(), "{ts}");
        }
        // The offset is applied to the instant: local 07:48:41 at +05:30 is 02:18:41 UTC.
        let local = parse("2022-06-09T07:48:41+05:30");
        assert_eq!(local.unix_nanos(), parse("2022-06-09T02:18:41Z").unix_nanos());
        assert_eq!(
            i128::from(local.utc_offset_seconds().expect("text form")) * NANOS_PER_SECOND,
            parse("2022-06-09T07:48:41Z").unix_nanos() - local.unix_nanos()
        );
    }

    #[test]
    fn month_names_in_messages() {
        let cases = [
            ("2022-02-30T00:00:00Z", "February 30 does not exist"),
            ("2022-04-31T00:00:00Z", "April 31 does not exist"),
            ("2022-06-31T00:00:00Z", "June 31 does not exist"),
            ("2022-09-31T00:00:00Z", "September 31 does not exist"),
            ("2022-11-31T00:00:00Z", "November 31 does not exist"),
            ("2100-02-29T00:00:00Z", "February 29 does not exist in 2100"),
            ("0001-02-29T00:00:00Z", "February 29 does not exist in 0001"),
        ];
        for (input, message) in cases {
            assert_eq!(error(input), message, "{input:?}");
        }
    }
}

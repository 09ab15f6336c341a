//! Timestamps as Freshworks sends them: five wire forms, each kept verbatim so
//! that serializing gives back exactly what arrived, alongside the instant it
//! denotes.
//!
//! Telling the forms apart and reading their components is ours, so that every
//! error names the component that is wrong; so is the calendar behind them (which
//! days exist, how far a date is from the epoch, the date of an instant), in
//! the runtime's `calendar` module.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Serialize, Serializer};

use super::calendar;
use super::text::Text;

const NANOS_PER_SECOND: i128 = 1_000_000_000;
const NANOS_PER_MILLI: i128 = 1_000_000;
/// Far past year 9999 either way: a float beyond this is a mistake rather than
/// a time, and the bound keeps every later computation far from overflow.
const MAX_EPOCH_SECONDS: f64 = 1e13;
const SECONDS_PER_DAY: i64 = 86_400;

/// The wire forms a timestamp is seen in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimestampFormat {
    /// RFC 3339 / ISO 8601 text: `2022-06-09T02:18:41Z`, `2022-07-29T06:23:03.081Z`,
    /// `2022-06-09T02:18:41+05:30` (fraction of 1 to 9 digits optional; offset `Z`,
    /// `z`, or `±HH:MM`; the `T` may also be `t`).
    Iso8601,
    /// `2022-08-29 18:45:26 UTC` (exactly this: date, one space, time, optional
    /// fraction, one space, `UTC`).
    UtcText,
    /// A JSON integer of milliseconds since the Unix epoch: `1564592339214`.
    EpochMillis,
    /// A JSON number of seconds since the Unix epoch, usually with a fraction:
    /// `1632216310.817101`.
    EpochSeconds,
    /// A JSON string holding an integer of milliseconds since the epoch:
    /// `"1724133753887"`.
    EpochMillisString,
}

impl TimestampFormat {
    /// Every form, in the order of the enum.
    pub const ALL: [TimestampFormat; 5] = [
        TimestampFormat::Iso8601,
        TimestampFormat::UtcText,
        TimestampFormat::EpochMillis,
        TimestampFormat::EpochSeconds,
        TimestampFormat::EpochMillisString,
    ];

    /// Stable snake_case name used in the spec and in messages.
    pub fn name(self) -> &'static str {
        match self {
            TimestampFormat::Iso8601 => "iso8601",
            TimestampFormat::UtcText => "utc_text",
            TimestampFormat::EpochMillis => "epoch_millis",
            TimestampFormat::EpochSeconds => "epoch_seconds",
            TimestampFormat::EpochMillisString => "epoch_millis_string",
        }
    }

    /// The form whose [`TimestampFormat::name`] is `s`; the match is exact.
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.name() == s)
    }

    /// Short example for error messages. The string form is quoted, as that is
    /// all that tells it apart from the integer form.
    pub fn example(self) -> &'static str {
        match self {
            TimestampFormat::Iso8601 => "2022-06-09T02:18:41Z",
            TimestampFormat::UtcText => "2022-08-29 18:45:26 UTC",
            TimestampFormat::EpochMillis => "1564592339214",
            TimestampFormat::EpochSeconds => "1632216310.817101",
            TimestampFormat::EpochMillisString => "\"1724133753887\"",
        }
    }
}

/// What was on the wire, kept verbatim.
#[derive(Debug, Clone, PartialEq)]
pub enum TimestampRepr {
    /// A JSON string: the ISO 8601, UTC text or millisecond-string forms. In the
    /// [`TimestampFormat::EpochMillis`] and [`TimestampFormat::EpochSeconds`] forms, the text
    /// of a JSON number written otherwise than its value writes itself (`1.6617e9`,
    /// `1.564592339214E12`, `-0`), kept so that it is written back as sent.
    Text(Text),
    /// A JSON integer of milliseconds since the epoch.
    Integer(i64),
    /// A JSON number of seconds since the epoch.
    Float(f64),
}

/// A timestamp as sent, with the instant it denotes.
///
/// Deliberately not ordered: two timestamps in different forms can denote the
/// same instant, so compare [`Timestamp::unix_nanos`] instead.
///
/// The instant converts to [`std::time::SystemTime`], and, with the cargo features
/// `jiff`, `chrono` and `time`, to `jiff::Timestamp`, `chrono::DateTime<Utc>` and
/// `time::OffsetDateTime`. Each conversion fails (rather than clamps) where the
/// target type cannot hold the instant.
#[derive(Debug, Clone, PartialEq)]
pub struct Timestamp {
    repr: TimestampRepr,
    // Seconds and nanoseconds rather than one i128: an i128's 16-byte alignment would make
    // every timestamp (and every struct holding one) larger, and slower to move.
    secs: i64,
    subsec_nanos: u32,
    // Minutes east of UTC that a text form was written with (`±HH:MM` has no seconds), zero
    // for the other forms, which `format` tells apart. An i16 fits in what would otherwise be
    // padding, so a timestamp stays 40 bytes.
    offset_minutes: i16,
    format: TimestampFormat,
}

/// Why a value is not a timestamp, or why an instant does not fit another type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    message: String,
}

impl TimestampError {
    fn new(message: impl Into<String>) -> Self {
        TimestampError { message: message.into() }
    }
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TimestampError {}

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

    /// A [`TimestampFormat::EpochMillis`] timestamp; every `i64` is in range.
    pub fn from_millis(ms: i64) -> Timestamp {
        Timestamp::from_nanos(TimestampRepr::Integer(ms), TimestampFormat::EpochMillis, i128::from(ms) * NANOS_PER_MILLI)
    }

    /// A [`TimestampFormat::EpochSeconds`] timestamp; NaN, infinities and values
    /// beyond 1e13 seconds either way are errors.
    pub fn from_seconds(secs: f64) -> Result<Timestamp, TimestampError> {
        if !secs.is_finite() {
            return Err(TimestampError::new(format!("{secs} is not a number of seconds since the epoch")));
        }
        if secs.abs() > MAX_EPOCH_SECONDS {
            return Err(TimestampError::new(format!("{secs:e} seconds since the epoch is out of range (at most 1e13 either way)")));
        }
        let nanos = decimal_nanos(secs).ok_or_else(|| TimestampError::new(format!("{secs} is not a number of seconds since the epoch")))?;
        Ok(Timestamp::from_nanos(TimestampRepr::Float(secs), TimestampFormat::EpochSeconds, nanos))
    }

    fn from_nanos(repr: TimestampRepr, format: TimestampFormat, nanos: i128) -> Timestamp {
        // Every constructor stays within ±1e16 seconds, far inside i64.
        let secs = i64::try_from(nanos.div_euclid(NANOS_PER_SECOND)).unwrap_or(if nanos < 0 { i64::MIN } else { i64::MAX });
        let subsec_nanos = u32::try_from(nanos.rem_euclid(NANOS_PER_SECOND)).unwrap_or(0);
        Timestamp { repr, secs, subsec_nanos, offset_minutes: 0, format }
    }

    /// The form it was sent in, which strict validation checks against the docs.
    pub fn format(&self) -> TimestampFormat {
        self.format
    }

    /// The value as it was sent.
    pub fn repr(&self) -> &TimestampRepr {
        &self.repr
    }

    /// The original text for text forms.
    pub fn as_text(&self) -> Option<&str> {
        match &self.repr {
            TimestampRepr::Text(_) if self.is_number() => None,
            TimestampRepr::Text(text) => Some(text),
            TimestampRepr::Integer(_) | TimestampRepr::Float(_) => None,
        }
    }

    /// Whether it was sent as a JSON number.
    fn is_number(&self) -> bool {
        matches!(self.format, TimestampFormat::EpochMillis | TimestampFormat::EpochSeconds)
    }

    /// The same timestamp, read from the JSON number `text`: kept as that text when the
    /// value would be written back otherwise. A JSON integer can differ only as `-0`; a
    /// number with a fraction or an exponent whenever it is not the shortest text of its
    /// value.
    pub(crate) fn sent_as(mut self, text: &str) -> Timestamp {
        let exact = match &self.repr {
            TimestampRepr::Integer(ms) => !(*ms == 0 && text.starts_with('-')),
            TimestampRepr::Float(secs) => serde_json::to_string(secs).is_ok_and(|written| written == text),
            TimestampRepr::Text(_) => true,
        };
        if !exact {
            // The number's text in the text variant: a fourth variant would make every
            // timestamp larger.
            self.repr = TimestampRepr::Text(Text::from(text));
        }
        self
    }

    /// The UTC offset the text was written with, in seconds east of UTC:
    /// `Some(19800)` for `…+05:30`, `Some(-18000)` for `…-05:00`, `Some(0)` for
    /// `…Z`, `…+00:00`, `…-00:00` and the ` UTC` text form. `None` for the three
    /// epoch forms, which count from 1970-01-01T00:00:00Z and so carry no offset.
    pub fn utc_offset_seconds(&self) -> Option<i32> {
        match self.format {
            TimestampFormat::Iso8601 | TimestampFormat::UtcText => Some(i32::from(self.offset_minutes) * 60),
            TimestampFormat::EpochMillis | TimestampFormat::EpochSeconds | TimestampFormat::EpochMillisString => None,
        }
    }

    /// Whether the timestamp is stated in UTC rather than local time: true for a
    /// text whose offset is zero (`Z`, `z`, `+00:00`, `-00:00`, ` UTC`) and for
    /// the epoch forms, which count in UTC; false for any other offset, such as
    /// `+05:30`. This is what "specified in the UTC format" asks of a value.
    ///
    /// RFC 3339 reads `-00:00` as "UTC, local offset unknown"; it still states
    /// the time in UTC, so it counts here. Use [`Timestamp::utc_offset_seconds`]
    /// and [`Timestamp::as_text`] to tell the spellings apart.
    pub fn is_utc(&self) -> bool {
        self.offset_minutes == 0
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z (offsets applied), for ordering.
    pub fn unix_nanos(&self) -> i128 {
        i128::from(self.secs) * NANOS_PER_SECOND + i128::from(self.subsec_nanos)
    }

    /// Milliseconds since the epoch (floor).
    pub fn unix_millis(&self) -> i64 {
        let millis = self.unix_nanos().div_euclid(NANOS_PER_MILLI);
        // Every constructor keeps this within i64; clamping just avoids a panic path.
        i64::try_from(millis).unwrap_or(if millis < 0 { i64::MIN } else { i64::MAX })
    }

    /// The instant as RFC 3339 UTC text with millisecond precision, e.g.
    /// `2022-06-09T02:18:41.000Z`. Years outside 0000-9999 (reachable only through
    /// [`Timestamp::from_millis`] and [`Timestamp::from_seconds`]) get a sign and
    /// as many digits as they need, as in ISO 8601's expanded years.
    pub fn to_rfc3339(&self) -> String {
        let (year, month, day) = calendar::civil_from_days(self.secs.div_euclid(SECONDS_PER_DAY));
        let second_of_day = self.secs.rem_euclid(SECONDS_PER_DAY);
        let year = if (0..=9999).contains(&year) { format!("{year:04}") } else { format!("{year:+05}") };
        format!(
            "{year}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
            second_of_day / 3600,
            second_of_day / 60 % 60,
            second_of_day % 60,
            self.subsec_nanos / 1_000_000
        )
    }

    fn out_of_range_for(&self, target: &str) -> TimestampError {
        TimestampError::new(format!("{} is out of range for {target}", self.to_rfc3339()))
    }

    /// The instant as a [`std::time::SystemTime`]. Fails only where the platform's
    /// clock type cannot hold the instant: on Unix every timestamp fits; on Windows
    /// those outside about 1601 to 30828 do not.
    pub fn to_system_time(&self) -> Result<SystemTime, TimestampError> {
        let whole = Duration::from_secs(self.secs.unsigned_abs());
        let second = if self.secs >= 0 { UNIX_EPOCH.checked_add(whole) } else { UNIX_EPOCH.checked_sub(whole) };
        second
            .and_then(|t| t.checked_add(Duration::from_nanos(u64::from(self.subsec_nanos))))
            .ok_or_else(|| self.out_of_range_for("std::time::SystemTime"))
    }

    /// The instant as a `jiff::Timestamp`, exact to the nanosecond. Fails outside
    /// jiff's range, -9999-01-02T01:59:59Z to 9999-12-30T22:00:00.999999999Z: text
    /// forms reach past its end only in their last two days (such as
    /// `9999-12-31T00:00:00Z`), epoch forms much further either way. Needs the cargo
    /// feature `jiff`.
    #[cfg(feature = "jiff")]
    pub fn to_jiff(&self) -> Result<jiff::Timestamp, TimestampError> {
        jiff::Timestamp::from_nanosecond(self.unix_nanos()).map_err(|_| self.out_of_range_for("jiff::Timestamp"))
    }

    /// The instant as a `chrono::DateTime<Utc>`, exact to the nanosecond. Fails
    /// beyond chrono's range of about 262,000 years either way, which only the
    /// epoch forms reach. Needs the cargo feature `chrono`.
    #[cfg(feature = "chrono")]
    pub fn to_chrono(&self) -> Result<chrono::DateTime<chrono::Utc>, TimestampError> {
        chrono::DateTime::from_timestamp(self.secs, self.subsec_nanos).ok_or_else(|| self.out_of_range_for("chrono::DateTime"))
    }

    /// The instant as a `time::OffsetDateTime` at UTC, exact to the nanosecond.
    /// Fails outside the years -9999 to 9999 (time's range without its
    /// `large-dates` feature). Needs the cargo feature `time`.
    #[cfg(feature = "time")]
    pub fn to_time(&self) -> Result<time::OffsetDateTime, TimestampError> {
        time::OffsetDateTime::from_unix_timestamp_nanos(self.unix_nanos()).map_err(|_| self.out_of_range_for("time::OffsetDateTime"))
    }
}

/// See [`Timestamp::to_system_time`].
impl TryFrom<&Timestamp> for SystemTime {
    type Error = TimestampError;

    fn try_from(ts: &Timestamp) -> Result<Self, Self::Error> {
        ts.to_system_time()
    }
}

/// See [`Timestamp::to_jiff`].
#[cfg(feature = "jiff")]
impl TryFrom<&Timestamp> for jiff::Timestamp {
    type Error = TimestampError;

    fn try_from(ts: &Timestamp) -> Result<Self, Self::Error> {
        ts.to_jiff()
    }
}

/// See [`Timestamp::to_chrono`].
#[cfg(feature = "chrono")]
impl TryFrom<&Timestamp> for chrono::DateTime<chrono::Utc> {
    type Error = TimestampError;

    fn try_from(ts: &Timestamp) -> Result<Self, Self::Error> {
        ts.to_chrono()
    }
}

/// See [`Timestamp::to_time`].
#[cfg(feature = "time")]
impl TryFrom<&Timestamp> for time::OffsetDateTime {
    type Error = TimestampError;

    fn try_from(ts: &Timestamp) -> Result<Self, Self::Error> {
        ts.to_time()
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.repr {
            TimestampRepr::Text(text) if !self.is_number() => serializer.serialize_str(text),
            TimestampRepr::Integer(ms) => serializer.serialize_i64(*ms),
            TimestampRepr::Float(secs) => serializer.serialize_f64(*secs),
            TimestampRepr::Text(text) => {
                // serde_json writes the text verbatim; other formats get the value.
                if std::any::type_name::<S>().contains("serde_json") {
                    let raw: &serde_json::value::RawValue = serde_json::from_str(text).map_err(serde::ser::Error::custom)?;
                    raw.serialize(serializer)
                } else if self.format == TimestampFormat::EpochMillis {
                    serializer.serialize_i64(text.parse().unwrap_or(0))
                } else {
                    serializer.serialize_f64(text.parse().unwrap_or(0.0))
                }
            }
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            TimestampRepr::Text(text) => f.write_str(text),
            TimestampRepr::Integer(ms) => write!(f, "{ms}"),
            // Debug keeps the ".0" of whole seconds, as JSON output does, so the
            // value still reads as the float it was sent as.
            TimestampRepr::Float(secs) => write!(f, "{secs:?}"),
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

/// Nanoseconds from the shortest decimal that reads back as `secs`, which is
/// what the sender wrote: the binary value itself is up to ~100 ns away from
/// `1632216310.817101`. Digits past the ninth are dropped (toward zero).
fn decimal_nanos(secs: f64) -> Option<i128> {
    let text = secs.abs().to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut nanos = whole.parse::<i128>().ok()? * NANOS_PER_SECOND;
    let mut scale = NANOS_PER_SECOND;
    for digit in fraction.chars().take(9) {
        scale /= 10;
        nanos += i128::from(digit.to_digit(10)?) * scale;
    }
    Some(if secs < 0.0 { -nanos } else { nanos })
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
    let mut r = Reader { text: s, pos: 0 };
    let year = r.digits(4, "year")?;
    r.expect(b'-', "'-' after the year")?;
    let month = r.digits(2, "month")?;
    in_range("month", month, 1, 12)?;
    r.expect(b'-', "'-' after the month")?;
    let day = r.digits(2, "day")?;
    let date = check_day(year, month, day)?;

    let format = match r.peek() {
        Some(b'T' | b't') => TimestampFormat::Iso8601,
        Some(b' ') => TimestampFormat::UtcText,
        None => return Err(TimestampError::new("missing time after the date")),
        Some(_) => return Err(TimestampError::new(format!("expected 'T' or a space after the date, found {}", r.found()))),
    };
    r.pos += 1;

    let hour = r.digits(2, "hour")?;
    in_range("hour", hour, 0, 23)?;
    r.expect(b':', "':' after the hour")?;
    let minute = r.digits(2, "minute")?;
    in_range("minute", minute, 0, 59)?;
    r.expect(b':', "':' after the minute")?;
    let second = r.digits(2, "second")?;
    // Leap seconds are rejected: their instant is ambiguous without a leap
    // second table, and Freshworks has not been seen to send one.
    if second == 60 {
        return Err(TimestampError::new("second 60 is out of range (leap seconds are not accepted)"));
    }
    in_range("second", second, 0, 59)?;
    let fraction_nanos = r.fraction()?;

    let offset_minutes = match format {
        TimestampFormat::UtcText => {
            if !r.eat_str(" UTC") {
                return Err(TimestampError::new(format!("expected \" UTC\" after the time, found {}", r.found())));
            }
            0
        }
        _ => r.offset()?,
    };
    if r.pos != s.len() {
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

/// A cursor over the text forms. It only ever steps over ASCII bytes, so `pos`
/// always sits on a character boundary.
struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
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
    use super::*;

    fn parse(s: &str) -> Timestamp {
        match Timestamp::parse_str(s) {
            Ok(ts) => ts,
            Err(e) => panic!("{s:?} should parse: {e}"),
        }
    }

    fn error(s: &str) -> String {
        match Timestamp::parse_str(s) {
            Ok(ts) => panic!("{s:?} should not parse, got {ts:?}"),
            Err(e) => e.to_string(),
        }
    }

    fn json(ts: &Timestamp) -> String {
        serde_json::to_string(ts).expect("a timestamp always serializes")
    }

    #[test]
    fn a_number_is_kept_as_its_text_only_when_written_otherwise() {
        let millis = |text: &str| Timestamp::from_millis(text.parse().unwrap()).sent_as(text);
        let seconds = |text: &str| Timestamp::from_seconds(text.parse().unwrap()).unwrap().sent_as(text);
        assert_eq!(millis("1564592339214").repr(), &TimestampRepr::Integer(1_564_592_339_214));
        assert_eq!(millis("-0").repr(), &TimestampRepr::Text("-0".into()));
        assert_eq!(millis("-0").as_text(), None);
        assert_eq!(seconds("1632216310.817101").repr(), &TimestampRepr::Float(1_632_216_310.817_101));
        assert_eq!(seconds("1.6617e9").repr(), &TimestampRepr::Text("1.6617e9".into()));
        for text in ["-0", "1.6617e9", "1.564592339214E12", "5.50", "1632216310.817101"] {
            let ts = if text.contains(['.', 'e', 'E']) { seconds(text) } else { millis(text) };
            assert_eq!(json(&ts), text);
            assert_eq!(ts.to_string(), text);
        }
        // The instant is the value's, whatever the text.
        assert_eq!(seconds("1.6617e9").unix_nanos(), seconds("1661700000.0").unix_nanos());
    }

    #[test]
    fn format_names_round_trip() {
        for format in TimestampFormat::ALL {
            assert_eq!(TimestampFormat::from_name(format.name()), Some(format));
            assert!(!format.example().is_empty());
        }
        assert_eq!(TimestampFormat::from_name("Iso8601"), None);
        assert_eq!(TimestampFormat::from_name(""), None);
    }

    #[test]
    fn every_form_serializes_to_the_original() {
        let texts = [
            ("2022-06-09T02:18:41Z", TimestampFormat::Iso8601),
            ("2022-07-29T06:23:03.081Z", TimestampFormat::Iso8601),
            ("2022-06-09T02:18:41+05:30", TimestampFormat::Iso8601),
            ("2022-06-09t02:18:41.123456789z", TimestampFormat::Iso8601),
            ("2022-08-29 18:45:26 UTC", TimestampFormat::UtcText),
            ("2022-08-29 18:45:26.5 UTC", TimestampFormat::UtcText),
            ("1724133753887", TimestampFormat::EpochMillisString),
            ("-1", TimestampFormat::EpochMillisString),
        ];
        for (text, format) in texts {
            let ts = parse(text);
            assert_eq!(ts.format(), format, "{text}");
            assert_eq!(ts.as_text(), Some(text));
            assert_eq!(ts.repr(), &TimestampRepr::Text(text.into()));
            assert_eq!(json(&ts), format!("{text:?}"));
            assert_eq!(ts.to_string(), text);
        }

        let millis = Timestamp::from_millis(1564592339214);
        assert_eq!(millis.format(), TimestampFormat::EpochMillis);
        assert_eq!(millis.as_text(), None);
        assert_eq!(json(&millis), "1564592339214");
        assert_eq!(millis.to_string(), "1564592339214");

        for secs in [1632216310.817101, 1632216310.0, -0.25] {
            let ts = Timestamp::from_seconds(secs).expect("in range");
            assert_eq!(ts.format(), TimestampFormat::EpochSeconds);
            assert_eq!(ts.repr(), &TimestampRepr::Float(secs));
            assert_eq!(json(&ts), ts.to_string());
        }
        assert_eq!(json(&Timestamp::from_seconds(1632216310.817101).expect("in range")), "1632216310.817101");
    }

    #[test]
    fn instants_agree_across_forms() {
        let expected = 1_654_741_121_000_000_000_i128;
        let same = [
            parse("2022-06-09T02:18:41Z"),
            parse("2022-06-09T02:18:41.000Z"),
            parse("2022-06-09 02:18:41 UTC"),
            parse("2022-06-09T07:48:41+05:30"),
            parse("2022-06-08T21:18:41-05:00"),
            parse("2022-06-09T02:18:41-00:00"),
            parse("1654741121000"),
            Timestamp::from_millis(1654741121000),
            Timestamp::from_seconds(1654741121.0).expect("in range"),
        ];
        for ts in &same {
            assert_eq!(ts.unix_nanos(), expected, "{ts}");
            assert_eq!(ts.unix_millis(), 1654741121000, "{ts}");
        }
    }

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
    fn from_seconds_rejects_non_times() {
        for secs in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.5e13, -1e14, f64::MAX] {
            assert!(Timestamp::from_seconds(secs).is_err(), "{secs}");
        }
        let edge = Timestamp::from_seconds(-1e13).expect("in range");
        assert_eq!(edge.unix_millis(), -10_000_000_000_000_000);
    }

    #[test]
    fn rfc3339_rendering() {
        let cases = [
            (0, "1970-01-01T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (1654741121000, "2022-06-09T02:18:41.000Z"),
            (951782400000, "2000-02-29T00:00:00.000Z"),
            (-2208988800000, "1900-01-01T00:00:00.000Z"),
            (-62167219200000, "0000-01-01T00:00:00.000Z"),
            (-62167219200001, "-0001-12-31T23:59:59.999Z"),
            (253402300799999, "9999-12-31T23:59:59.999Z"),
            (253402300800000, "+10000-01-01T00:00:00.000Z"),
        ];
        for (millis, text) in cases {
            assert_eq!(Timestamp::from_millis(millis).to_rfc3339(), text);
        }
        assert_eq!(parse("2022-06-09T07:48:41.123999+05:30").to_rfc3339(), "2022-06-09T02:18:41.123Z");
        assert_eq!(Timestamp::from_seconds(-1.5).expect("in range").to_rfc3339(), "1969-12-31T23:59:58.500Z");
        assert!(Timestamp::from_millis(i64::MAX).to_rfc3339().starts_with("+292278994-"));
        assert!(Timestamp::from_millis(i64::MIN).to_rfc3339().starts_with("-292275055-"));
    }

    #[test]
    fn rfc3339_output_parses_back_across_the_whole_range() {
        let first = -62_167_219_200_000_i64; // 0000-01-01
        let last = 253_402_300_799_999_i64; // 9999-12-31T23:59:59.999
        let mut millis = first;
        while millis <= last {
            let text = Timestamp::from_millis(millis).to_rfc3339();
            assert_eq!(parse(&text).unix_millis(), millis, "{text}");
            millis += 7_777_777_777; // about 90 days, and lands on every time of day
        }
        assert_eq!(parse(&Timestamp::from_millis(last).to_rfc3339()).unix_millis(), last);
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

    /// The Gregorian calendar repeats itself every 400 years, which are exactly 146,097 days.
    const SECONDS_PER_400_YEARS: i64 = 146_097 * 86_400;

    #[test]
    fn dates_across_400_year_cycles() {
        // Each cycle from the epoch starts on 1 January of 1970 + 400k; a millisecond
        // earlier is the last instant of the year before.
        for cycles in [-100_000_i64, -5, -4, -1, 1, 2, 20, 100_000] {
            let start = Timestamp::from_millis(cycles * SECONDS_PER_400_YEARS * 1000);
            let year = 1970 + 400 * cycles;
            let render = |y: i64| {
                if (0..=9999).contains(&y) {
                    format!("{y:04}")
                } else {
                    format!("{y:+05}")
                }
            };
            assert_eq!(start.to_rfc3339(), format!("{}-01-01T00:00:00.000Z", render(year)));
            let before = Timestamp::from_millis(start.unix_millis() - 1);
            assert_eq!(before.to_rfc3339(), format!("{}-12-31T23:59:59.999Z", render(year - 1)));
        }
        // Leap days fall the same way in every cycle: 2000 and 2400 are leap years, 2100 is not.
        let day = 86_400_000_i64;
        let feb_29_2000 = parse("2000-02-29T00:00:00Z").unix_millis();
        assert_eq!(Timestamp::from_millis(feb_29_2000 + SECONDS_PER_400_YEARS * 1000).to_rfc3339(), "2400-02-29T00:00:00.000Z");
        let mar_1_2100 = parse("2100-03-01T00:00:00Z").unix_millis();
        assert_eq!(Timestamp::from_millis(mar_1_2100 - day).to_rfc3339(), "2100-02-28T00:00:00.000Z");
        assert_eq!(
            Timestamp::from_millis(mar_1_2100 + 1000 * SECONDS_PER_400_YEARS * 1000 - day).to_rfc3339(),
            "+402100-02-28T00:00:00.000Z"
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

    #[test]
    fn conversions_agree_with_unix_nanos() {
        let inside = [
            parse("2022-07-29T06:23:03.123456789+05:30"),
            parse("1969-12-31T23:59:59.5Z"),
            parse("0000-01-01T00:00:00+05:30"),
            parse("9999-12-30T22:00:00.999999999Z"),
            Timestamp::from_millis(-1),
            Timestamp::from_seconds(-1.5).expect("in range"),
        ];
        for ts in &inside {
            #[cfg(feature = "jiff")]
            {
                let jiff = ts.to_jiff().expect("inside jiff's range");
                assert_eq!(jiff.as_nanosecond(), ts.unix_nanos(), "{ts}");
                assert_eq!(jiff::Timestamp::try_from(ts), Ok(jiff));
            }
            let system = ts.to_system_time().expect("inside SystemTime's range");
            let nanos = match system.duration_since(UNIX_EPOCH) {
                Ok(after) => i128::try_from(after.as_nanos()).expect("fits"),
                Err(before) => -i128::try_from(before.duration().as_nanos()).expect("fits"),
            };
            assert_eq!(nanos, ts.unix_nanos(), "{ts}");
            assert_eq!(SystemTime::try_from(ts), Ok(system));
        }
        #[cfg(feature = "jiff")]
        for ts in [parse("9999-12-31T23:59:59Z"), Timestamp::from_millis(i64::MAX), Timestamp::from_seconds(-1e13).expect("in range")] {
            let message = ts.to_jiff().expect_err("beyond jiff's range").to_string();
            assert_eq!(message, format!("{} is out of range for jiff::Timestamp", ts.to_rfc3339()));
        }
    }
}

//! Timestamps as Freshworks sends them: five wire forms, each kept verbatim so
//! that serializing gives back exactly what arrived, alongside the instant it
//! denotes.
//!
//! Telling the forms apart and reading their components is ours, so that every
//! error names the component that is wrong; so is the calendar behind them (which
//! days exist, how far a date is from the epoch, the date of an instant), in
//! the runtime's `calendar` module.
//!
//! Here: the type, its forms and what it says of itself. Reading a JSON string is in
//! `parse`, writing (serde, `Display`, RFC 3339) in `write`, and the conversions to the
//! time types of std, jiff, chrono and time in `convert`.

mod convert;
mod parse;
mod write;

use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn parse(s: &str) -> Timestamp {
        match Timestamp::parse_str(s) {
            Ok(ts) => ts,
            Err(e) => panic!("{s:?} should parse: {e}"),
        }
    }

    pub(super) fn error(s: &str) -> String {
        match Timestamp::parse_str(s) {
            Ok(ts) => panic!("{s:?} should not parse, got {ts:?}"),
            Err(e) => e.to_string(),
        }
    }

    pub(super) fn json(ts: &Timestamp) -> String {
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
    fn from_seconds_rejects_non_times() {
        for secs in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.5e13, -1e14, f64::MAX] {
            assert!(Timestamp::from_seconds(secs).is_err(), "{secs}");
        }
        let edge = Timestamp::from_seconds(-1e13).expect("in range");
        assert_eq!(edge.unix_millis(), -10_000_000_000_000_000);
    }
}

//! Writing a timestamp: back as it was sent (serde, `Display`), as RFC 3339 UTC text, or an
//! instant in a form of our choosing (fixtures, rules that move an instant).

use std::fmt;

use serde::{Serialize, Serializer};

use super::{Timestamp, TimestampFormat, TimestampRepr, SECONDS_PER_DAY};
use crate::calendar;

impl Timestamp {
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

    /// The instant `millis` written in `format`; `whole` drops the `.000` of whole seconds in
    /// text forms, as the documented examples do.
    pub(crate) fn in_form(format: TimestampFormat, millis: i64, whole: bool) -> Timestamp {
        let base = Timestamp::from_millis(millis);
        let iso = base.to_rfc3339();
        let iso = if whole { iso.replace(".000Z", "Z") } else { iso };
        let made = match format {
            TimestampFormat::Iso8601 => Timestamp::parse_str(&iso),
            TimestampFormat::UtcText => Timestamp::parse_str(&iso.replace('T', " ").replace('Z', " UTC")),
            TimestampFormat::EpochMillis => Ok(base.clone()),
            TimestampFormat::EpochSeconds => Timestamp::from_seconds(millis as f64 / 1000.0 + if whole { 0.25 } else { 0.0 }),
            TimestampFormat::EpochMillisString => Timestamp::parse_str(&millis.to_string()),
        };
        made.unwrap_or(base)
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

#[cfg(test)]
mod tests {
    use super::super::tests::{json, parse};
    use super::*;

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
}

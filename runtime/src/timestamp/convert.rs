//! The instant as the time types of std and, behind the cargo features `jiff`, `chrono`
//! and `time`, of those crates. Each conversion fails (rather than clamps) where the target
//! type cannot hold the instant.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{Timestamp, TimestampError};

impl Timestamp {
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

#[cfg(test)]
mod tests {
    use super::super::tests::parse;
    use super::*;

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

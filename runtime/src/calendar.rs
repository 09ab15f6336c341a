//! The proleptic Gregorian calendar the timestamp forms are written in: which dates
//! exist, the day count of a date from 1970-01-01, and the date of a day count.
//!
//! Two closed-form conversions (after Howard Hinnant's `days_from_civil` and
//! `civil_from_days`) instead of a date library: they are all the timestamps need, and
//! a library for them would be a sizeable part of every user's build. Both work in
//! 400-year eras, the period after which the calendar repeats (146,097 days), so any
//! year an `i64` day count reaches is exact, far beyond the 0000-9999 of the text forms.

/// Days in one 400-year era.
const DAYS_PER_ERA: i64 = 146_097;
/// Days from 0000-03-01, where the computation's years begin, to 1970-01-01.
const EPOCH_SHIFT: i64 = 719_468;

/// The English names of the months, for messages.
const MONTH_NAMES: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Whether `year` has a February 29.
pub(crate) fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// How many days `month` (1-12) of `year` has; 0 for a month that does not exist.
pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The name of `month` (1-12), such as `"February"`.
pub(crate) fn month_name(month: u32) -> Option<&'static str> {
    MONTH_NAMES.get(usize::try_from(month).ok()?.checked_sub(1)?).copied()
}

/// The day count from 1970-01-01 of a date that exists, or `None`. `year` must stay
/// within ±10^15, which keeps every step far from overflow; the timestamps ask only
/// about 0000-9999.
pub(crate) fn checked_days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    (year.unsigned_abs() <= 1_000_000_000_000_000 && day >= 1 && day <= days_in_month(year, month))
        .then(|| days_from_civil(year, month, day))
}

/// The day count from 1970-01-01 of a date known to exist (negative before it).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    // Years start on March 1, so that the leap day is the last day of a year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    // March is month 0; the months from March have 31, 30, 31, 30, 31 days in a
    // repeating pattern of 153 days per five months.
    let shifted_month = i64::from(if month > 2 { month - 3 } else { month + 9 });
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT
}

/// The date (year, month 1-12, day 1-31) of a day count from 1970-01-01. Every day
/// count within ±3·10^17 (any an `i64` of seconds reaches) is exact.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + EPOCH_SHIFT;
    let era = days.div_euclid(DAYS_PER_ERA);
    let day_of_era = days.rem_euclid(DAYS_PER_ERA);
    // Takes out the leap days before `day_of_era`: one every 4 years, none every 100,
    // one every 400 (the era's last day).
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / (DAYS_PER_ERA - 1)) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    // Both within 0..=30 and 0..=11, so the casts are exact.
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = (if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 }) as u32;
    let year = era * 400 + year_of_era + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// jiff's own calendar, over its whole range, day by day: both conversions, which
    /// dates exist, and the lengths of the months.
    #[test]
    fn agrees_with_jiff_on_every_day_of_years_minus_9999_to_9999() {
        let epoch = jiff::civil::date(1970, 1, 1);
        let mut date = jiff::civil::date(-9999, 1, 1);
        let mut days = date.since((jiff::Unit::Day, epoch)).expect("in range").get_days().into();
        // 0001-01-01 to 1970-01-01 is 719,162 days; year 0 has 366; years -9999 to -1
        // repeat 1 to 9999 (25 eras later), 3,652,059 days.
        assert_eq!(days, -(719_162 + 366 + 3_652_059));
        let mut count = 0;
        loop {
            let civil = (i64::from(date.year()), date.month() as u32, date.day() as u32);
            assert_eq!(civil_from_days(days), civil, "{date}");
            assert_eq!(checked_days_from_civil(civil.0, civil.1, civil.2), Some(days), "{date}");
            if date.day() == 1 {
                assert_eq!(days_in_month(civil.0, civil.1), date.days_in_month() as u32, "{date}");
                assert_eq!(is_leap_year(civil.0), date.in_leap_year(), "{date}");
            }
            count += 1;
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
            days += 1;
        }
        assert_eq!(date, jiff::civil::date(9999, 12, 31));
        // 9,999 years either side of year 0, which is a leap year: 2 * 3,652,059 + 366.
        assert_eq!(count, 7_304_484);
    }

    #[test]
    fn dates_that_do_not_exist_are_refused() {
        for year in -9999..=9999_i64 {
            for month in 1..=12 {
                let last = days_in_month(year, month);
                let jiff_last = jiff::civil::date(year as i16, month as i8, 1).days_in_month() as u32;
                assert_eq!(last, jiff_last, "{year}-{month}");
                assert_eq!(checked_days_from_civil(year, month, last + 1), None, "{year}-{month}-{}", last + 1);
                assert_eq!(checked_days_from_civil(year, month, 0), None, "{year}-{month}-00");
            }
            assert_eq!(checked_days_from_civil(year, 0, 1), None);
            assert_eq!(checked_days_from_civil(year, 13, 1), None);
        }
        assert_eq!(checked_days_from_civil(2023, 2, 29), None);
        assert_eq!(checked_days_from_civil(2024, 2, 29), Some(19_782));
        assert_eq!(checked_days_from_civil(i64::MAX, 1, 1), None);
        assert_eq!(checked_days_from_civil(i64::MIN, 1, 1), None);
    }

    /// Far outside any date library's range: a date and its day count go both ways,
    /// and consecutive days are consecutive dates.
    #[test]
    fn round_trips_far_from_the_epoch() {
        let limit = 300_000_000_000_000_000_i64;
        for start in [-limit, -1_000_000_000_000, -4_371_588, -1, 0, 2_932_896, 1_000_000_000_000, limit - 800] {
            let mut previous = civil_from_days(start - 1);
            for days in start..start + 800 {
                let (year, month, day) = civil_from_days(days);
                assert_eq!(checked_days_from_civil(year, month, day), Some(days), "{days}");
                let next_day = (previous.0, previous.1, previous.2 + 1);
                let next_month = if previous.1 == 12 { (previous.0 + 1, 1, 1) } else { (previous.0, previous.1 + 1, 1) };
                assert!((year, month, day) == next_day || (day == 1 && (year, month, day) == next_month), "{days}: {previous:?}");
                previous = (year, month, day);
            }
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(-719_528), (0, 1, 1));
        assert_eq!(civil_from_days(2_932_896), (9999, 12, 31));
    }

    #[test]
    fn month_names() {
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(2), Some("February"));
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
        for month in 1..=12 {
            assert_eq!(month_name(month), Some(jiff::civil::date(2000, month as i8, 1).strftime("%B").to_string().as_str()));
        }
    }
}

//! Reading and writing dates, and calendar arithmetic: days, calendar months.
//!
//! The arithmetic saturates: it never goes past 31 December 9999 ([`LATEST`]) and never
//! panics.

use std::fmt;

use time::{Date, Month};

/// The last day any calculation here can reach: 31 December 9999. Arithmetic that would go
/// further stops at this day.
pub const LATEST: Date = match Date::from_calendar_date(9999, Month::December, 31) {
    Ok(d) => d,
    // Cannot happen: the `time` crate always holds the year 9999.
    Err(_) => Date::MAX,
};

/// The earliest year [`parse_iso_date`] accepts.
const FIRST_YEAR: u32 = 1000;

/// Why a string in the wrong form was refused (see [`parse_iso_date`]).
const FORM: &str = "write the date as YYYY-MM-DD: a 4-digit year, a 2-digit month and a \
                    2-digit day joined by dashes, for example 2026-02-03";

/// A date string that is not a real date in the form YYYY-MM-DD.
///
/// Displayed in plain English, for example
/// `"2026-02-30" is not a real date: that month has 28 days`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The string as it was given.
    pub input: String,
    /// What is wrong with it, in plain English, starting with a lower-case letter and with
    /// no full stop at the end.
    pub reason: String,
}

impl DateError {
    /// A date error for `input`, for the reason given.
    pub fn new(input: impl Into<String>, reason: impl Into<String>) -> DateError {
        DateError {
            input: input.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        quoted(f, &self.input)?;
        if self.reason.starts_with("write the date as") {
            write!(
                f,
                " is not written as a date in the form YYYY-MM-DD: {}",
                self.reason
            )
        } else {
            write!(f, " is not a real date: {}", self.reason)
        }
    }
}

/// The input in double quotes, with quotes, backslashes and control characters escaped as Rust
/// writes them. Written out rather than with `{:?}`: Rust's own escaping brings tables of
/// Unicode properties into the widget.
fn quoted(f: &mut fmt::Formatter<'_>, input: &str) -> fmt::Result {
    use fmt::Write;
    f.write_char('"')?;
    for c in input.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

impl std::error::Error for DateError {}

/// Whether a year of the Gregorian calendar is a leap year.
fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a month of a year: 28 to 31.
pub fn days_in_month(year: i32, month: Month) -> u8 {
    match month {
        Month::February if is_leap_year(year) => 29,
        Month::February => 28,
        Month::April | Month::June | Month::September | Month::November => 30,
        _ => 31,
    }
}

/// Reads a date written strictly as `YYYY-MM-DD`: a 4-digit year from 1000 to 9999, a
/// 2-digit month and a 2-digit day, joined by dashes, with nothing before or after (not even
/// a space).
///
/// ```
/// # use send_route_finder::dates::*;
/// assert_eq!(format_iso(parse_iso_date("2028-02-29").unwrap()), "2028-02-29");
/// let err = parse_iso_date("2026-02-30").unwrap_err();
/// assert_eq!(err.to_string(), "\"2026-02-30\" is not a real date: that month has 28 days");
/// assert!(parse_iso_date("2026-2-3").is_err());
/// ```
pub fn parse_iso_date(s: &str) -> Result<Date, DateError> {
    let error = |reason: String| Err(DateError::new(s, reason));
    if s.is_empty() {
        return error(format!("there is nothing there: {FORM}"));
    }
    let Ok([y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]) = <[u8; 10]>::try_from(s.as_bytes())
    else {
        return error(FORM.to_string());
    };
    let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
    if !digits.iter().all(u8::is_ascii_digit) {
        return error(FORM.to_string());
    }
    let number = |ds: &[u8]| {
        ds.iter()
            .fold(0u32, |n, &c| n * 10 + u32::from(c.wrapping_sub(b'0')))
    };
    let year = number(&[y0, y1, y2, y3]);
    let month = number(&[m0, m1]);
    let day = number(&[d0, d1]);

    if year < FIRST_YEAR {
        return error(format!(
            "the year must be from {FIRST_YEAR} to 9999, and {year:04} is not"
        ));
    }
    let Some(month) = u8::try_from(month).ok().and_then(month_from_number) else {
        return error(format!(
            "there is no month {month:02}: the month must be from 01 to 12"
        ));
    };
    // At most 9999: always fits.
    let year = i32::try_from(year).unwrap_or(i32::MAX);
    let length = days_in_month(year, month);
    if day == 0 {
        return error("there is no day 00: the day of the month starts at 01".to_string());
    }
    let day = match u8::try_from(day) {
        Ok(day) if day <= length => day,
        _ => return error(format!("that month has {length} days")),
    };
    match Date::from_calendar_date(year, month, day) {
        Ok(date) => Ok(date),
        // Cannot happen after the checks above; kept so that nothing here can panic.
        Err(e) => error(e.to_string()),
    }
}

/// Writes a date as `YYYY-MM-DD`, for example `2026-12-14`.
///
/// A year outside 0 to 9999 (which [`parse_iso_date`] never gives) is written with a sign or
/// with more digits, so the text is still unambiguous.
pub fn format_iso(d: Date) -> String {
    let (year, month, day) = (d.year(), month_number(d.month()), d.day());
    if year < 0 {
        format!("-{:04}-{month:02}-{day:02}", year.unsigned_abs())
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    }
}

/// A whole number in digits, as `{}` writes it, at the end of `out`.
#[inline(never)]
pub fn push_number(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut n = n.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in digits.iter().skip(i) {
        out.push(char::from(b));
    }
}

/// The date a number of days after (or, when `days` is negative, before) a date.
///
/// Stops at 31 December 9999 ([`LATEST`]) going forward and at the earliest date the `time`
/// crate holds going back.
pub fn add_days(d: Date, days: i64) -> Date {
    let target = i64::from(d.to_julian_day()).saturating_add(days);
    let earliest = i64::from(Date::MIN.to_julian_day());
    let latest = i64::from(LATEST.to_julian_day());
    if target > latest {
        return LATEST;
    }
    if target < earliest {
        return Date::MIN;
    }
    match i32::try_from(target).map(Date::from_julian_day) {
        Ok(Ok(date)) => date,
        // Cannot happen: the target lies between two dates the crate holds.
        _ if days < 0 => Date::MIN,
        _ => LATEST,
    }
}

/// The date a number of calendar months after a date: the same day of the month, or the last
/// day of the month when that day does not exist there.
///
/// 31 December plus 2 months is 28 February (29 February in a leap year); 29 February plus
/// 12 months is 28 February. Stops at 31 December 9999 ([`LATEST`]).
///
/// ```
/// # use send_route_finder::dates::*;
/// let d = parse_iso_date("2027-12-31").unwrap();
/// assert_eq!(format_iso(add_months(d, 2)), "2028-02-29");
/// ```
pub fn add_months(d: Date, months: u32) -> Date {
    let index =
        i64::from(d.year()) * 12 + i64::from(month_number(d.month())) - 1 + i64::from(months);
    let year = index.div_euclid(12);
    if year > i64::from(LATEST.year()) {
        return LATEST;
    }
    let month = u8::try_from(index.rem_euclid(12) + 1)
        .ok()
        .and_then(month_from_number);
    let (Ok(year), Some(month)) = (i32::try_from(year), month) else {
        // Cannot happen: the year is at most 9999 and the month from 1 to 12.
        return LATEST;
    };
    let day = d.day().min(days_in_month(year, month));
    Date::from_calendar_date(year, month, day).unwrap_or(LATEST)
}

/// The number of days from one date to another: `to - from`, negative when `to` is earlier.
pub fn days_from_to(from: Date, to: Date) -> i64 {
    i64::from(to.to_julian_day()) - i64::from(from.to_julian_day())
}

/// The number of a month: 1 for January to 12 for December.
pub fn month_number(month: Month) -> u8 {
    match month {
        Month::January => 1,
        Month::February => 2,
        Month::March => 3,
        Month::April => 4,
        Month::May => 5,
        Month::June => 6,
        Month::July => 7,
        Month::August => 8,
        Month::September => 9,
        Month::October => 10,
        Month::November => 11,
        Month::December => 12,
    }
}

/// The month with a number from 1 (January) to 12 (December); `None` for any other number.
pub fn month_from_number(number: u8) -> Option<Month> {
    Some(match number {
        1 => Month::January,
        2 => Month::February,
        3 => Month::March,
        4 => Month::April,
        5 => Month::May,
        6 => Month::June,
        7 => Month::July,
        8 => Month::August,
        9 => Month::September,
        10 => Month::October,
        11 => Month::November,
        12 => Month::December,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_numbers_round_trip() {
        for n in 1..=12u8 {
            let m = month_from_number(n);
            assert_eq!(m.map(month_number), Some(n));
        }
        assert_eq!(month_from_number(0), None);
        assert_eq!(month_from_number(13), None);
        assert_eq!(month_from_number(255), None);
    }

    /// A date for tests, from a string known to be good.
    pub(crate) fn d(s: &str) -> Date {
        match parse_iso_date(s) {
            Ok(date) => date,
            Err(e) => panic!("bad test date: {e}"),
        }
    }

    #[test]
    fn parses_good_dates() {
        assert_eq!(
            parse_iso_date("2026-12-14"),
            Ok(Date::from_calendar_date(2026, Month::December, 14).expect("real date"))
        );
        assert_eq!(format_iso(d("2028-02-29")), "2028-02-29");
        assert_eq!(format_iso(d("2000-02-29")), "2000-02-29");
        assert_eq!(format_iso(d("1000-01-01")), "1000-01-01");
        assert_eq!(format_iso(d("9999-12-31")), "9999-12-31");
        assert_eq!(format_iso(d("2026-01-31")), "2026-01-31");
        assert_eq!(format_iso(d("2026-04-30")), "2026-04-30");
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "2026-2-3",
            "2026-02-30",
            "26-02-03",
            " 2026-02-03",
            "2026-02-03 ",
            "2026-02-03\n",
            "2026-13-01",
            "2026-00-01",
            "2026-01-00",
            "2026-04-31",
            "abcd-ef-gh",
            "",
            "2027-02-29",
            "1900-02-29",
            "2100-02-29",
            "0999-12-31",
            "0000-01-01",
            "2026/02/03",
            "2026-02-03T00:00",
            "+2026-02-03",
            "-026-02-03",
            "2026-+2-03",
            "2026-02--3",
            "１２３４-02-03",
            "2026-02-3é",
            "20260203",
            "10000-01-01",
        ] {
            let result = parse_iso_date(bad);
            assert!(result.is_err(), "{bad:?} was accepted: {result:?}");
            if let Err(e) = result {
                assert_eq!(e.input, bad);
                assert!(!e.reason.is_empty());
            }
        }
    }

    #[test]
    fn error_messages_are_plain_english() {
        let e = parse_iso_date("2026-02-30").expect_err("not a real date");
        assert_eq!(
            e.to_string(),
            "\"2026-02-30\" is not a real date: that month has 28 days"
        );
        let e = parse_iso_date("2027-02-29").expect_err("not a leap year");
        assert_eq!(e.reason, "that month has 28 days");
        let e = parse_iso_date("2026-04-31").expect_err("April has 30 days");
        assert_eq!(e.reason, "that month has 30 days");
        let e = parse_iso_date("2026-13-01").expect_err("no month 13");
        assert_eq!(
            e.reason,
            "there is no month 13: the month must be from 01 to 12"
        );
        let e = parse_iso_date("0999-01-01").expect_err("year too early");
        assert_eq!(
            e.reason,
            "the year must be from 1000 to 9999, and 0999 is not"
        );
        let e = parse_iso_date("2026-2-3").expect_err("wrong form");
        assert!(e
            .to_string()
            .starts_with("\"2026-2-3\" is not written as a date in the form YYYY-MM-DD: write the date as YYYY-MM-DD"));
        let e = parse_iso_date("").expect_err("empty");
        assert!(e
            .to_string()
            .starts_with("\"\" is not a real date: there is nothing there"));
        let e = parse_iso_date("a\nb").expect_err("control character");
        assert!(e.to_string().starts_with("\"a\\nb\""));
        // It is a std error.
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert!(!boxed.to_string().is_empty());
    }

    #[test]
    fn formats() {
        assert_eq!(format_iso(d("2026-12-14")), "2026-12-14");
        let early = Date::from_calendar_date(-44, Month::March, 15).expect("in range");
        assert_eq!(format_iso(early), "-0044-03-15");
        let small = Date::from_calendar_date(33, Month::April, 3).expect("in range");
        assert_eq!(format_iso(small), "0033-04-03");
    }

    #[test]
    fn days_in_months() {
        assert_eq!(days_in_month(2026, Month::February), 28);
        assert_eq!(days_in_month(2028, Month::February), 29);
        assert_eq!(days_in_month(2000, Month::February), 29);
        assert_eq!(days_in_month(1900, Month::February), 28);
        assert_eq!(days_in_month(2100, Month::February), 28);
        assert_eq!(days_in_month(2026, Month::April), 30);
        assert_eq!(days_in_month(2026, Month::December), 31);
    }

    #[test]
    fn adds_months() {
        let cases = [
            ("2026-10-14", 2, "2026-12-14"),
            ("2026-12-31", 2, "2027-02-28"),
            ("2027-12-31", 2, "2028-02-29"),
            ("2028-02-29", 12, "2029-02-28"),
            ("2028-02-29", 48, "2032-02-29"),
            ("2028-02-29", 1, "2028-03-29"),
            ("2026-01-31", 1, "2026-02-28"),
            ("2026-01-31", 3, "2026-04-30"),
            ("2026-03-31", 1, "2026-04-30"),
            ("2026-08-31", 6, "2027-02-28"),
            ("2026-03-15", 6, "2026-09-15"),
            ("2026-11-30", 3, "2027-02-28"),
            ("2026-05-17", 0, "2026-05-17"),
            ("2026-05-17", 12, "2027-05-17"),
            ("2026-05-17", 120, "2036-05-17"),
            ("2099-12-31", 2, "2100-02-28"),
            ("1999-12-31", 2, "2000-02-29"),
            ("9999-10-31", 2, "9999-12-31"),
        ];
        for (from, months, to) in cases {
            assert_eq!(
                format_iso(add_months(d(from), months)),
                to,
                "{from} + {months}"
            );
        }
    }

    #[test]
    fn add_months_saturates() {
        assert_eq!(add_months(d("9999-11-01"), 2), LATEST);
        assert_eq!(add_months(d("9999-12-31"), 1), LATEST);
        assert_eq!(add_months(d("2026-01-01"), u32::MAX), LATEST);
        assert_eq!(add_months(Date::MIN, u32::MAX), LATEST);
        assert_eq!(add_months(Date::MAX, u32::MAX), LATEST);
        assert_eq!(format_iso(LATEST), "9999-12-31");
    }

    #[test]
    fn add_months_before_year_one() {
        let d0 = Date::from_calendar_date(-1, Month::December, 31).expect("in range");
        let got = add_months(d0, 2);
        assert_eq!(got.year(), 0);
        assert_eq!(got.month(), Month::February);
        assert_eq!(got.day(), 29); // the year 0 is a leap year in the proleptic calendar
    }

    #[test]
    fn adds_days_and_counts_days() {
        assert_eq!(add_days(d("2026-12-31"), 1), d("2027-01-01"));
        assert_eq!(add_days(d("2028-02-28"), 1), d("2028-02-29"));
        assert_eq!(add_days(d("2027-02-28"), 1), d("2027-03-01"));
        assert_eq!(add_days(d("2026-03-01"), -1), d("2026-02-28"));
        assert_eq!(add_days(d("2026-03-01"), 0), d("2026-03-01"));
        assert_eq!(add_days(d("9999-12-30"), 5), LATEST);
        assert_eq!(add_days(d("2026-01-01"), i64::MAX), LATEST);
        assert_eq!(add_days(d("2026-01-01"), i64::MIN), Date::MIN);
        assert_eq!(add_days(Date::MIN, -1), Date::MIN);
        assert_eq!(days_from_to(d("2026-01-01"), d("2027-01-01")), 365);
        assert_eq!(days_from_to(d("2028-01-01"), d("2029-01-01")), 366);
        assert_eq!(days_from_to(d("2027-01-01"), d("2026-01-01")), -365);
        assert_eq!(days_from_to(d("2026-10-14"), d("2026-12-14")), 61);
        assert_eq!(days_from_to(d("2026-10-14"), d("2026-10-14")), 0);
        assert_eq!(days_from_to(d("1000-01-01"), d("9999-12-31")), 3_287_181);
    }
}

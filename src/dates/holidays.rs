//! England and Wales bank holidays, computed for any year, plus one-off changes kept as data.
//!
//! The regular bank holidays follow fixed rules ([`Holidays::regular`]). Anything else, a
//! holiday that happens only once (a jubilee, a coronation, a state funeral) or a regular one
//! moved in one year (the early May bank holiday moved to VE Day in 2020), is a [`OneOff`]
//! given to [`Holidays::new`], so that it can live in the ruleset and a new one needs no
//! rebuild.

use time::{Date, Month, Weekday};

use super::calendar::{add_days, days_in_month, LATEST};

/// A bank holiday that exists only once (a jubilee, a state funeral) or a regular one moved
/// in one year: kept as data in the ruleset so a new one needs no rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOff {
    /// The day.
    pub date: Date,
    /// Its name, for example "Bank holiday for the coronation of King Charles III".
    pub name: String,
}

/// One of the regular bank holidays, which follow fixed rules ([`Holidays::regular`]); a
/// `...Substitute` is the day off in its place when it falls on a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Regular {
    NewYear,
    NewYearSubstitute,
    GoodFriday,
    EasterMonday,
    EarlyMay,
    Spring,
    Summer,
    Christmas,
    ChristmasSubstitute,
    Boxing,
    BoxingSubstitute,
}

/// Which bank holiday a day is. The words for a regular one are the interface's (a translation
/// gives them); a one-off keeps the name the ruleset gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HolidayName {
    Regular(Regular),
    /// A one-off's name, as the ruleset writes it.
    OneOff(String),
}

/// England and Wales bank holidays for any year, computed, plus one-off changes.
///
/// ```
/// # use send_route_finder::dates::*;
/// let h = Holidays::default();
/// assert!(h.is_bank_holiday(parse_iso_date("2026-12-28").unwrap())); // Boxing Day (substitute day)
/// assert!(!h.is_working_day(parse_iso_date("2026-12-26").unwrap())); // a Saturday
/// assert!(h.is_working_day(parse_iso_date("2026-12-29").unwrap()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holidays {
    /// Bank holidays besides the regular ones.
    extra: Vec<OneOff>,
    /// Regular bank holidays that did not happen (they were moved), matched by date.
    cancelled: Vec<OneOff>,
}

/// The number of regular bank holidays in every year.
const REGULAR_COUNT: usize = 8;

/// The Gregorian date of Easter Sunday in a year, by the anonymous Gregorian algorithm
/// (Meeus, Jones and Butcher).
///
/// The rule is applied to any year, also to years before the Gregorian calendar began
/// (1582, or 1752 in Great Britain), as the rest of this module uses the proleptic Gregorian
/// calendar. `None` only for a year the `time` crate cannot hold (outside -9999 to 9999).
///
/// ```
/// # use send_route_finder::dates::*;
/// assert_eq!(easter_sunday(2026).map(format_iso), Some("2026-04-05".to_string()));
/// ```
pub fn easter_sunday(year: i32) -> Option<Date> {
    if year < Date::MIN.year() || year > LATEST.year() {
        return None;
    }
    // All values are small (|year| <= 9999), so none of this can overflow.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = match n.div_euclid(31) {
        3 => Month::March,
        4 => Month::April,
        _ => return None, // cannot happen: the algorithm gives March or April
    };
    let day = u8::try_from(n.rem_euclid(31) + 1).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// A date in a year, or `None` when the year cannot be held.
fn ymd(year: i32, month: Month, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, month, day).ok()
}

/// The first given weekday on or after a date (stops at 31 December 9999).
fn on_or_after(d: Date, weekday: Weekday) -> Date {
    let ahead = i64::from(weekday.number_days_from_monday())
        - i64::from(d.weekday().number_days_from_monday());
    add_days(d, ahead.rem_euclid(7))
}

/// The last Monday of a month (found from the last day of the month; every month has at
/// least 28 days, so the last Monday lies from the 25th onwards at the earliest).
fn last_monday(year: i32, month: Month) -> Option<Date> {
    let last = ymd(year, month, days_in_month(year, month))?;
    let first_of_last_week = ymd(year, month, last.day().saturating_sub(6))?;
    Some(on_or_after(first_of_last_week, Weekday::Monday))
}

/// The regular bank holidays of a year, in a fixed order that is date order except that the
/// Christmas substitute day may come after Boxing Day. `None` when the year cannot be held.
fn regular_array(year: i32) -> Option<[(Date, Regular); REGULAR_COUNT]> {
    use Regular::*;
    let new_year = ymd(year, Month::January, 1)?;
    let new_year = match new_year.weekday() {
        Weekday::Saturday | Weekday::Sunday => {
            (on_or_after(new_year, Weekday::Monday), NewYearSubstitute)
        }
        _ => (new_year, NewYear),
    };
    let easter = easter_sunday(year)?;
    let good_friday = add_days(easter, -2);
    let easter_monday = add_days(easter, 1);
    let early_may = on_or_after(ymd(year, Month::May, 1)?, Weekday::Monday);
    let spring = last_monday(year, Month::May)?;
    let summer = last_monday(year, Month::August)?;

    const CHRISTMAS: Regular = Christmas;
    const CHRISTMAS_SUB: Regular = ChristmasSubstitute;
    const BOXING: Regular = Boxing;
    const BOXING_SUB: Regular = BoxingSubstitute;
    let christmas = ymd(year, Month::December, 25)?;
    let dec = |day: u8| ymd(year, Month::December, day);
    let (christmas, boxing) = match christmas.weekday() {
        // 25 Saturday, 26 Sunday: Monday 27 and Tuesday 28.
        Weekday::Saturday => ((dec(27)?, CHRISTMAS_SUB), (dec(28)?, BOXING_SUB)),
        // 25 Sunday: Boxing Day on Monday 26, Christmas substitute on Tuesday 27.
        Weekday::Sunday => ((dec(27)?, CHRISTMAS_SUB), (dec(26)?, BOXING)),
        // 25 Friday, 26 Saturday: Boxing Day substitute on Monday 28.
        Weekday::Friday => ((christmas, CHRISTMAS), (dec(28)?, BOXING_SUB)),
        _ => ((christmas, CHRISTMAS), (dec(26)?, BOXING)),
    };

    Some([
        new_year,
        (good_friday, GoodFriday),
        (easter_monday, EasterMonday),
        (early_may, EarlyMay),
        (spring, Spring),
        (summer, Summer),
        christmas,
        boxing,
    ])
}

impl Holidays {
    /// Bank holidays with one-off changes: `extra` are bank holidays besides the regular
    /// ones; `cancelled` are regular bank holidays that did not happen in their year
    /// (because they were moved; the day they moved to goes in `extra`).
    ///
    /// A cancelled day is matched by its date only; its name is for people reading the
    /// ruleset. A day that is both extra and cancelled is a bank holiday.
    pub fn new(extra: Vec<OneOff>, cancelled: Vec<OneOff>) -> Holidays {
        Holidays { extra, cancelled }
    }

    /// The one-off bank holidays besides the regular ones, as given.
    pub fn extra(&self) -> &[OneOff] {
        &self.extra
    }

    /// The regular bank holidays that did not happen, as given.
    pub fn cancelled(&self) -> &[OneOff] {
        &self.cancelled
    }

    /// The regular England and Wales bank holidays of a year, computed, in date order with
    /// their names:
    ///
    /// - New Year's Day, 1 January, or the Monday after when it falls on a weekend;
    /// - Good Friday and Easter Monday;
    /// - the early May bank holiday, the first Monday in May;
    /// - the spring bank holiday, the last Monday in May;
    /// - the summer bank holiday, the last Monday in August;
    /// - Christmas Day and Boxing Day, 25 and 26 December, with substitute days when they fall
    ///   on a weekend (25 Saturday: Monday 27 and Tuesday 28; 25 Sunday: Boxing Day Monday 26
    ///   and Christmas substitute Tuesday 27; 26 Saturday: Monday 28).
    ///
    /// Only the days off are listed: a Christmas Day on a Saturday is not, its substitute is.
    /// Empty for a year the `time` crate cannot hold.
    pub fn regular(year: i32) -> Vec<(Date, HolidayName)> {
        let mut days: Vec<(Date, HolidayName)> = regular_array(year)
            .map(|days| days.map(|(d, r)| (d, HolidayName::Regular(r))).into())
            .unwrap_or_default();
        sort_by_date(&mut days);
        days
    }

    /// Whether a date is one of the regular (computed) bank holidays, before one-off changes.
    fn is_regular(d: Date) -> bool {
        regular_array(d.year()).is_some_and(|days| days.iter().any(|(day, _)| *day == d))
    }

    /// The bank holidays of a year: the regular ones without those cancelled, plus the extra
    /// ones, in date order. A day is listed once, under its first name (a regular holiday's
    /// own name before an extra one's).
    pub fn in_year(&self, year: i32) -> Vec<(Date, HolidayName)> {
        let mut days: Vec<(Date, HolidayName)> = Vec::new();
        let mut push = |date: Date, name: HolidayName| {
            if date.year() == year && !days.iter().any(|(d, _)| *d == date) {
                days.push((date, name));
            }
        };
        for (date, name) in Holidays::regular(year) {
            if !self.cancelled.iter().any(|c| c.date == date) {
                push(date, name);
            }
        }
        for one_off in &self.extra {
            push(one_off.date, HolidayName::OneOff(one_off.name.clone()));
        }
        sort_by_date(&mut days);
        days
    }

    /// Whether a date is a bank holiday in England and Wales, with the one-off changes.
    pub fn is_bank_holiday(&self, d: Date) -> bool {
        if self.extra.iter().any(|e| e.date == d) {
            return true;
        }
        if self.cancelled.iter().any(|c| c.date == d) {
            return false;
        }
        Holidays::is_regular(d)
    }

    /// Whether a date is a working day: Monday to Friday and not a bank holiday.
    pub fn is_working_day(&self, d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.is_bank_holiday(d)
    }

    /// The date itself when it is a working day, or else the next working day.
    ///
    /// Stops at 31 December 9999 if there is no working day before then.
    pub fn next_working_day_on_or_after(&self, d: Date) -> Date {
        let mut day = d;
        loop {
            if self.is_working_day(day) || day >= LATEST {
                return day;
            }
            match day.next_day() {
                Some(next) => day = next,
                None => return day,
            }
        }
    }

    /// The first working day strictly after a date.
    ///
    /// Stops at 31 December 9999 if there is no working day before then.
    pub fn first_working_day_after(&self, d: Date) -> Date {
        if d >= LATEST {
            return LATEST;
        }
        match d.next_day() {
            Some(next) => self.next_working_day_on_or_after(next),
            None => d,
        }
    }
}

/// Put a year's holidays in date order, earliest first, keeping equal dates in their order.
/// An insertion sort: a year has about ten holidays, and the standard library's sort would
/// add kilobytes to the widget for nothing.
fn sort_by_date<T>(days: &mut [(Date, T)]) {
    for i in 1..days.len() {
        let mut j = i;
        while j > 0 && days[j - 1].0 > days[j].0 {
            days.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A holiday's name in the interface's English.
    fn name(n: &HolidayName) -> String {
        crate::engine::date_words::holiday(&crate::model::InterfaceTexts::default(), n)
    }
    use crate::dates::calendar::{format_iso, parse_iso_date};

    fn d(s: &str) -> Date {
        match parse_iso_date(s) {
            Ok(date) => date,
            Err(e) => panic!("bad test date: {e}"),
        }
    }

    fn regular_iso(year: i32) -> Vec<String> {
        Holidays::regular(year)
            .into_iter()
            .map(|(date, _)| format_iso(date))
            .collect()
    }

    #[test]
    fn easter_known_years() {
        for (year, easter) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2022, "2022-04-17"),
            (1818, "1818-03-22"),
            (1943, "1943-04-25"),
        ] {
            assert_eq!(easter_sunday(year).map(format_iso).as_deref(), Some(easter));
        }
    }

    #[test]
    fn easter_always_a_sunday_in_range() {
        for year in 1000..=9999 {
            let Some(e) = easter_sunday(year) else {
                panic!("no Easter in {year}");
            };
            assert_eq!(e.weekday(), Weekday::Sunday, "{year}");
            assert!(e >= d(&format!("{year}-03-22")) && e <= d(&format!("{year}-04-25")));
        }
    }

    #[test]
    fn easter_out_of_range() {
        assert_eq!(easter_sunday(10_000), None);
        assert_eq!(easter_sunday(i32::MAX), None);
        assert_eq!(easter_sunday(i32::MIN), None);
        assert_eq!(easter_sunday(-10_000), None);
        assert!(easter_sunday(-9999).is_some());
        assert!(easter_sunday(0).is_some());
    }

    #[test]
    fn regular_2026() {
        assert_eq!(
            regular_iso(2026),
            [
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28"
            ]
        );
        let names: Vec<String> = Holidays::regular(2026)
            .iter()
            .map(|(_, n)| name(n))
            .collect();
        assert_eq!(
            names,
            [
                "New Year’s Day",
                "Good Friday",
                "Easter Monday",
                "Early May bank holiday",
                "Spring bank holiday",
                "Summer bank holiday",
                "Christmas Day",
                "Boxing Day (substitute day)"
            ]
        );
    }

    #[test]
    fn regular_2027() {
        assert_eq!(
            regular_iso(2027),
            [
                "2027-01-01",
                "2027-03-26",
                "2027-03-29",
                "2027-05-03",
                "2027-05-31",
                "2027-08-30",
                "2027-12-27",
                "2027-12-28"
            ]
        );
        let h = Holidays::regular(2027);
        assert_eq!(name(&h[6].1), "Christmas Day (substitute day)");
        assert_eq!(name(&h[7].1), "Boxing Day (substitute day)");
    }

    #[test]
    fn regular_2022_christmas_on_sunday() {
        assert_eq!(
            regular_iso(2022),
            [
                "2022-01-03",
                "2022-04-15",
                "2022-04-18",
                "2022-05-02",
                "2022-05-30",
                "2022-08-29",
                "2022-12-26",
                "2022-12-27"
            ]
        );
        let h = Holidays::regular(2022);
        assert_eq!(name(&h[0].1), "New Year’s Day (substitute day)");
        assert_eq!(name(&h[6].1), "Boxing Day");
        assert_eq!(name(&h[7].1), "Christmas Day (substitute day)");
    }

    #[test]
    fn regular_other_years() {
        // 2021: 25 December a Saturday.
        let y2021 = regular_iso(2021);
        assert_eq!(y2021[0], "2021-01-01");
        assert_eq!(y2021[6..], ["2021-12-27", "2021-12-28"]);
        // 2023: 1 January a Sunday, 25 December a Monday.
        assert_eq!(
            regular_iso(2023),
            [
                "2023-01-02",
                "2023-04-07",
                "2023-04-10",
                "2023-05-01",
                "2023-05-29",
                "2023-08-28",
                "2023-12-25",
                "2023-12-26"
            ]
        );
        // 2028: 1 January a Saturday, 25 December a Monday.
        assert_eq!(
            regular_iso(2028),
            [
                "2028-01-03",
                "2028-04-14",
                "2028-04-17",
                "2028-05-01",
                "2028-05-29",
                "2028-08-28",
                "2028-12-25",
                "2028-12-26"
            ]
        );
        // 2025 as published by GOV.UK.
        assert_eq!(
            regular_iso(2025),
            [
                "2025-01-01",
                "2025-04-18",
                "2025-04-21",
                "2025-05-05",
                "2025-05-26",
                "2025-08-25",
                "2025-12-25",
                "2025-12-26"
            ]
        );
        // 2024 as published by GOV.UK.
        assert_eq!(
            regular_iso(2024),
            [
                "2024-01-01",
                "2024-03-29",
                "2024-04-01",
                "2024-05-06",
                "2024-05-27",
                "2024-08-26",
                "2024-12-25",
                "2024-12-26"
            ]
        );
        // 2016: 25 December a Sunday, 26 a Monday.
        assert_eq!(regular_iso(2016)[6..], ["2016-12-26", "2016-12-27"]);
        // 2020: 25 December a Friday, 26 a Saturday.
        assert_eq!(regular_iso(2020)[6..], ["2020-12-25", "2020-12-28"]);
    }

    #[test]
    fn regular_always_eight_weekdays_in_order() {
        for year in 1000..=9999 {
            let days = Holidays::regular(year);
            assert_eq!(days.len(), REGULAR_COUNT, "{year}");
            for pair in days.windows(2) {
                assert!(pair[0].0 < pair[1].0, "{year}: {pair:?}");
            }
            for (day, name) in days {
                assert_eq!(day.year(), year);
                assert!(
                    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday),
                    "{year}: {name:?} on a weekend"
                );
            }
        }
        assert!(Holidays::regular(10_000).is_empty());
        assert!(Holidays::regular(i32::MIN).is_empty());
        assert_eq!(Holidays::regular(-9999).len(), REGULAR_COUNT);
    }

    #[test]
    fn working_days() {
        let h = Holidays::default();
        assert!(h.is_working_day(d("2026-12-14"))); // Monday
        assert!(!h.is_working_day(d("2026-12-19"))); // Saturday
        assert!(!h.is_working_day(d("2026-12-20"))); // Sunday
        assert!(!h.is_working_day(d("2026-12-25"))); // Christmas Day, Friday
        assert!(!h.is_working_day(d("2026-12-28"))); // Boxing Day substitute
        assert!(h.is_working_day(d("2026-12-29")));
        assert!(!h.is_working_day(d("2022-01-03"))); // New Year substitute
        assert!(h.is_working_day(d("2022-01-04")));
        assert!(!h.is_bank_holiday(d("2026-12-26"))); // the Saturday itself is not listed
        assert!(!h.is_working_day(d("2026-12-26")));
        assert!(h.is_bank_holiday(d("2026-04-03")));
        assert!(h.is_bank_holiday(d("2026-04-06")));
        assert!(!h.is_bank_holiday(d("2026-04-07")));
    }

    #[test]
    fn next_and_first_working_days() {
        let h = Holidays::default();
        assert_eq!(
            h.next_working_day_on_or_after(d("2026-12-14")),
            d("2026-12-14")
        );
        assert_eq!(
            h.next_working_day_on_or_after(d("2026-12-20")),
            d("2026-12-21")
        );
        assert_eq!(
            h.next_working_day_on_or_after(d("2026-12-25")),
            d("2026-12-29")
        );
        assert_eq!(
            h.next_working_day_on_or_after(d("2026-04-03")),
            d("2026-04-07")
        );
        assert_eq!(h.first_working_day_after(d("2026-12-14")), d("2026-12-15"));
        assert_eq!(h.first_working_day_after(d("2026-12-18")), d("2026-12-21"));
        assert_eq!(h.first_working_day_after(d("2027-01-01")), d("2027-01-04"));
        assert_eq!(h.first_working_day_after(d("2022-01-01")), d("2022-01-04"));
        assert_eq!(h.first_working_day_after(d("2029-08-31")), d("2029-09-03"));
        assert_eq!(h.first_working_day_after(d("2025-08-31")), d("2025-09-01"));
        assert_eq!(h.first_working_day_after(d("2027-12-24")), d("2027-12-29"));
    }

    #[test]
    fn working_days_at_the_end_of_time() {
        let h = Holidays::default();
        // 31 December 9999 is a Friday.
        assert_eq!(LATEST.weekday(), Weekday::Friday);
        assert_eq!(h.next_working_day_on_or_after(LATEST), LATEST);
        assert_eq!(h.first_working_day_after(LATEST), LATEST);
        assert_eq!(h.first_working_day_after(Date::MAX), LATEST);
        // Every day to the end a holiday: stops at the last day.
        let extra: Vec<OneOff> = (24..=31)
            .map(|day| OneOff {
                date: d(&format!("9999-12-{day:02}")),
                name: "End".to_string(),
            })
            .collect();
        let h = Holidays::new(extra, Vec::new());
        assert_eq!(h.next_working_day_on_or_after(d("9999-12-24")), LATEST);
        assert_eq!(h.first_working_day_after(d("9999-12-23")), LATEST);
        assert!(h.is_working_day(d("9999-12-23")));
        assert_eq!(
            h.next_working_day_on_or_after(Date::MIN).year(),
            Date::MIN.year()
        );
    }

    #[test]
    fn one_offs() {
        // 2022: the spring bank holiday moved from 30 May to 2 June, plus the Platinum
        // Jubilee on 3 June.
        let h = Holidays::new(
            vec![
                OneOff {
                    date: d("2022-06-03"),
                    name: "Platinum Jubilee bank holiday".to_string(),
                },
                OneOff {
                    date: d("2022-06-02"),
                    name: "Spring bank holiday".to_string(),
                },
            ],
            vec![OneOff {
                date: d("2022-05-30"),
                name: "Spring bank holiday".to_string(),
            }],
        );
        assert!(!h.is_bank_holiday(d("2022-05-30")));
        assert!(h.is_working_day(d("2022-05-30")));
        assert!(h.is_bank_holiday(d("2022-06-02")));
        assert!(h.is_bank_holiday(d("2022-06-03")));
        assert!(!h.is_working_day(d("2022-06-03")));
        assert_eq!(h.first_working_day_after(d("2022-06-01")), d("2022-06-06"));
        let year: Vec<(String, String)> = h
            .in_year(2022)
            .into_iter()
            .map(|(date, n)| (format_iso(date), name(&n)))
            .collect();
        let dates: Vec<&str> = year.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(
            dates,
            [
                "2022-01-03",
                "2022-04-15",
                "2022-04-18",
                "2022-05-02",
                "2022-06-02",
                "2022-06-03",
                "2022-08-29",
                "2022-12-26",
                "2022-12-27"
            ]
        );
        assert_eq!(year[5].1, "Platinum Jubilee bank holiday");
        // Other years are untouched.
        assert_eq!(h.in_year(2023).len(), REGULAR_COUNT);
        assert!(h.is_bank_holiday(d("2023-05-29")));
        assert_eq!(h.extra().len(), 2);
        assert_eq!(h.cancelled().len(), 1);
    }

    #[test]
    fn in_year_without_changes_matches_regular() {
        let h = Holidays::default();
        for year in [2020, 2021, 2022, 2026, 2027, 2028] {
            assert_eq!(h.in_year(year), Holidays::regular(year));
        }
        assert!(h.in_year(10_000).is_empty());
    }

    #[test]
    fn in_year_duplicates_and_conflicts() {
        let h = Holidays::new(
            vec![
                OneOff {
                    date: d("2026-12-25"),
                    name: "Twice".to_string(),
                },
                OneOff {
                    date: d("2026-07-01"),
                    name: "A".to_string(),
                },
                OneOff {
                    date: d("2026-07-01"),
                    name: "B".to_string(),
                },
                OneOff {
                    date: d("2027-07-01"),
                    name: "Next year".to_string(),
                },
                OneOff {
                    date: d("2026-08-31"),
                    name: "Back again".to_string(),
                },
            ],
            vec![OneOff {
                date: d("2026-08-31"),
                name: "Summer bank holiday".to_string(),
            }],
        );
        let year = h.in_year(2026);
        assert_eq!(year.len(), 9);
        let named = |day: &str, n: &str| year.iter().any(|(x, y)| *x == d(day) && name(y) == n);
        assert!(named("2026-12-25", "Christmas Day"));
        assert!(named("2026-07-01", "A"));
        assert!(named("2026-08-31", "Back again"));
        assert!(h.is_bank_holiday(d("2026-08-31")));
        for pair in year.windows(2) {
            assert!(pair[0].0 < pair[1].0);
        }
    }
}

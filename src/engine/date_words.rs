//! Dates in the interface's words: a date ("Monday 14 December 2026"), a count ("2 months"),
//! a bank holiday's name, and how a last day was worked out, one sentence a step.
//!
//! `dates` works the days out and knows no words; every word here is an interface text
//! (`model::interface`), so a translation changes them as data. They are national texts: an
//! overlay cannot change how a deadline reads.

use crate::dates::{push_number, Date, HolidayName, Month, Regular, Step, Unit, Weekday, Worked};
use crate::model::interface::{InterfaceTexts, Ui};

/// A date in words, GOV.UK style by default: "Monday 14 December 2026" (no comma, no "th",
/// no leading zero).
#[inline(never)]
pub fn long_date(texts: &InterfaceTexts, d: Date) -> String {
    let (mut day, mut year) = (String::new(), String::new());
    push_number(&mut day, i64::from(d.day()));
    push_number(&mut year, i64::from(d.year()));
    texts.fill(
        Ui::DateLong,
        &[
            ("weekday", texts.get(weekday(d.weekday()))),
            ("day", &day),
            ("month", texts.get(month(d.month()))),
            ("year", &year),
        ],
    )
}

/// A date written `YYYY-MM-DD` (as a report holds it) in words; as it is if it is not one.
/// For the interface, which draws a report.
#[cfg(any(feature = "web", test))]
pub(crate) fn iso_in_words(texts: &InterfaceTexts, iso: &str) -> String {
    match crate::dates::parse_iso_date(iso) {
        Ok(d) => long_date(texts, d),
        Err(_) => iso.to_string(),
    }
}

/// The name of a bank holiday: a regular one in the interface's words, a one-off as the
/// ruleset names it.
pub(crate) fn holiday(texts: &InterfaceTexts, name: &HolidayName) -> String {
    let day = match name {
        HolidayName::OneOff(name) => return name.clone(),
        HolidayName::Regular(day) => day,
    };
    let (name, substitute) = match day {
        Regular::NewYear => (Ui::HolidayNewYear, false),
        Regular::NewYearSubstitute => (Ui::HolidayNewYear, true),
        Regular::GoodFriday => (Ui::HolidayGoodFriday, false),
        Regular::EasterMonday => (Ui::HolidayEasterMonday, false),
        Regular::EarlyMay => (Ui::HolidayEarlyMay, false),
        Regular::Spring => (Ui::HolidaySpring, false),
        Regular::Summer => (Ui::HolidaySummer, false),
        Regular::Christmas => (Ui::HolidayChristmas, false),
        Regular::ChristmasSubstitute => (Ui::HolidayChristmas, true),
        Regular::Boxing => (Ui::HolidayBoxing, false),
        Regular::BoxingSubstitute => (Ui::HolidayBoxing, true),
    };
    let name = texts.get(name);
    if substitute {
        texts.fill(Ui::HolidaySubstitute, &[("name", name)])
    } else {
        name.to_string()
    }
}

/// How a last day was worked out: "2 months from Wednesday 14 October 2026 is Monday
/// 14 December 2026. ...", one sentence a step.
pub fn explain(texts: &InterfaceTexts, worked: &Worked) -> String {
    let mut out = String::new();
    for step in &worked.steps {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&sentence(texts, step));
    }
    out
}

/// "2 months", "1 week", "14 days", "5 working days".
#[inline(never)]
fn count(texts: &InterfaceTexts, n: u32, unit: Unit) -> String {
    let (one, many) = match unit {
        Unit::Months => (Ui::MonthOne, Ui::Months),
        Unit::Weeks => (Ui::WeekOne, Ui::Weeks),
        Unit::Days => (Ui::DayOne, Ui::Days),
        Unit::WorkingDays => (Ui::WorkingDayOne, Ui::WorkingDays),
    };
    texts.count(one, many, i64::from(n))
}

/// The sentence for one step.
fn sentence(texts: &InterfaceTexts, step: &Step) -> String {
    let date = |d: &Date| long_date(texts, *d);
    let say = |text: Ui, args: &[(&str, &str)]| texts.fill(text, args);
    match step {
        Step::Count {
            from,
            count: n,
            unit,
            gives,
        } => say(
            Ui::ReasonCount,
            &[
                ("count", &count(texts, *n, *unit)),
                ("from", &date(from)),
                ("day", &date(gives)),
            ],
        ),
        Step::Certificate { from, gives, later } => say(
            if *later {
                Ui::ReasonCertificateLater
            } else {
                Ui::ReasonCertificateNotLater
            },
            &[("from", &date(from)), ("day", &date(gives))],
        ),
        Step::CertificateDateUnknown => texts.get(Ui::ReasonCertificateUnknown).to_string(),
        Step::CertificateOnly { from, gives } => say(
            Ui::ReasonCertificateOnly,
            &[("from", &date(from)), ("day", &date(gives))],
        ),
        Step::SixMonthsStartingWith { from, gives } => say(
            Ui::ReasonSixMonths,
            &[("from", &date(from)), ("day", &date(gives))],
        ),
        Step::WorkingDays {
            from,
            count: n,
            gives,
            holidays,
        } => {
            let mut out = say(
                Ui::ReasonWorkingDays,
                &[
                    ("count", &count(texts, *n, Unit::WorkingDays)),
                    ("from", &date(from)),
                    ("day", &date(gives)),
                ],
            );
            if !holidays.is_empty() {
                let mut list = String::new();
                for (d, name) in holidays {
                    if !list.is_empty() {
                        list.push_str(", ");
                    }
                    list.push_str(&say(
                        Ui::ReasonHoliday,
                        &[("name", &holiday(texts, name)), ("day", &date(d))],
                    ));
                }
                out.push(' ');
                out.push_str(&say(Ui::ReasonHolidays, &[("holidays", &list)]));
            }
            out
        }
        Step::TribunalDays {
            from,
            count: n,
            christmas,
            august,
            gives,
        } => {
            let mut out = say(
                Ui::ReasonCount,
                &[
                    ("count", &count(texts, *n, Unit::Days)),
                    ("from", &date(from)),
                    ("day", &date(gives)),
                ],
            );
            let not_counted = match (*christmas, *august) {
                (0, 0) => None,
                (_, 0) => Some(Ui::ReasonNotCountedChristmas),
                (0, _) => Some(Ui::ReasonNotCountedAugust),
                _ => Some(Ui::ReasonNotCountedBoth),
            };
            if let Some(text) = not_counted {
                out.push(' ');
                out.push_str(&say(
                    text,
                    &[
                        ("christmas", &count(texts, *christmas, Unit::Days)),
                        ("august", &count(texts, *august, Unit::Days)),
                    ],
                ));
            }
            out
        }
        Step::Christmas { day, to } => say(
            Ui::ReasonChristmas,
            &[("day", &date(day)), ("to", &date(to))],
        ),
        Step::August { day, to } => {
            say(Ui::ReasonAugust, &[("day", &date(day)), ("to", &date(to))])
        }
        Step::NotWorkingDay {
            day,
            holiday: Some(name),
            to,
        } => say(
            Ui::ReasonBankHoliday,
            &[
                ("day", &date(day)),
                ("name", &holiday(texts, name)),
                ("to", &date(to)),
            ],
        ),
        Step::NotWorkingDay {
            day,
            holiday: None,
            to,
        } => say(
            Ui::ReasonWeekend,
            &[
                ("day", &date(day)),
                ("weekday", texts.get(weekday(day.weekday()))),
                ("to", &date(to)),
            ],
        ),
        Step::NotMoved => texts.get(Ui::ReasonNotMoved).to_string(),
        Step::DayBefore { limit, gives } => say(
            Ui::ReasonDayBefore,
            &[("limit", &date(limit)), ("day", &date(gives))],
        ),
    }
}

/// The text that names a month.
fn month(m: Month) -> Ui {
    match m {
        Month::January => Ui::MonthJanuary,
        Month::February => Ui::MonthFebruary,
        Month::March => Ui::MonthMarch,
        Month::April => Ui::MonthApril,
        Month::May => Ui::MonthMay,
        Month::June => Ui::MonthJune,
        Month::July => Ui::MonthJuly,
        Month::August => Ui::MonthAugust,
        Month::September => Ui::MonthSeptember,
        Month::October => Ui::MonthOctober,
        Month::November => Ui::MonthNovember,
        Month::December => Ui::MonthDecember,
    }
}

/// The text that names a day of the week.
fn weekday(w: Weekday) -> Ui {
    match w {
        Weekday::Monday => Ui::WeekdayMonday,
        Weekday::Tuesday => Ui::WeekdayTuesday,
        Weekday::Wednesday => Ui::WeekdayWednesday,
        Weekday::Thursday => Ui::WeekdayThursday,
        Weekday::Friday => Ui::WeekdayFriday,
        Weekday::Saturday => Ui::WeekdaySaturday,
        Weekday::Sunday => Ui::WeekdaySunday,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::{
        days_after, parse_iso_date, six_months_worked, tribunal_appeal_worked, tribunal_days_after,
        working_days_after, Holidays,
    };

    fn d(s: &str) -> Date {
        parse_iso_date(s).unwrap_or(Date::MIN)
    }

    fn english(w: &Worked) -> String {
        explain(&InterfaceTexts::default(), w)
    }

    fn tribunal(decision: &str, certificate: Option<&str>) -> String {
        let w = tribunal_appeal_worked(Some(d(decision)), certificate.map(d), &Holidays::default());
        w.map(|w| english(&w)).unwrap_or_default()
    }

    #[test]
    fn dates() {
        let t = InterfaceTexts::default();
        assert_eq!(long_date(&t, d("2026-12-14")), "Monday 14 December 2026");
        assert_eq!(long_date(&t, d("2027-01-04")), "Monday 4 January 2027");
        assert_eq!(long_date(&t, d("2026-09-01")), "Tuesday 1 September 2026");
        assert_eq!(long_date(&t, d("2028-02-29")), "Tuesday 29 February 2028");
        assert_eq!(long_date(&t, d("2026-12-20")), "Sunday 20 December 2026");
        assert_eq!(long_date(&t, d("2027-01-02")), "Saturday 2 January 2027");
        assert_eq!(iso_in_words(&t, "2026-12-14"), "Monday 14 December 2026");
        assert_eq!(iso_in_words(&t, "soon"), "soon");
        // Every month and day of the week has its own text.
        let months: Vec<String> = (1..=12)
            .map(|m| long_date(&t, d(&format!("2026-{m:02}-01"))))
            .collect();
        assert_eq!(months[1], "Sunday 1 February 2026");
        assert_eq!(months[10], "Sunday 1 November 2026");
        let days: Vec<String> = (1..=7)
            .map(|n| long_date(&t, d(&format!("2026-11-{n:02}"))))
            .collect();
        assert!(days[1].starts_with("Monday") && days[4].starts_with("Thursday"));
    }

    #[test]
    fn translated() {
        let mut t = InterfaceTexts::default();
        t.insert("date_long".into(), "{weekday}, {day} {month} {year}".into());
        t.insert("month_december".into(), "Rhagfyr".into());
        t.insert("weekday_monday".into(), "Dydd Llun".into());
        t.insert("months".into(), "{n} mis".into());
        t.insert("reason_count".into(), "{from} + {count} = {day}.".into());
        t.insert("holiday_boxing".into(), "Gŵyl San Steffan".into());
        t.insert(
            "holiday_substitute".into(),
            "{name} (diwrnod yn lle)".into(),
        );
        assert_eq!(long_date(&t, d("2026-12-14")), "Dydd Llun, 14 Rhagfyr 2026");
        let w = crate::dates::months_worked(d("2026-10-14"), 2);
        assert_eq!(
            explain(&t, &w),
            "Wednesday, 14 October 2026 + 2 mis = Dydd Llun, 14 Rhagfyr 2026. \
             This day is not moved for weekends or bank holidays."
        );
        let boxing = HolidayName::Regular(Regular::BoxingSubstitute);
        assert_eq!(holiday(&t, &boxing), "Gŵyl San Steffan (diwrnod yn lle)");
        assert_eq!(
            holiday(&t, &HolidayName::OneOff("Jubilee".into())),
            "Jubilee"
        );
    }

    #[test]
    fn weekend() {
        // 14 October 2024 + 2 months = Saturday 14 December 2024: Monday 16.
        let s = tribunal("2024-10-14", None);
        assert_eq!(
            s,
            "2 months from Monday 14 October 2024 is Saturday 14 December 2024. \
             Saturday 14 December 2024 is a Saturday. So the last day moves to the next working day: Monday 16 December 2024."
        );
    }

    #[test]
    fn christmas() {
        let s = tribunal("2026-10-25", None);
        assert!(
            s.contains("Friday 25 December 2026 falls from 25 December to 1 January."),
            "{s}"
        );
        assert!(
            s.ends_with("first working day after 1 January: Monday 4 January 2027."),
            "{s}"
        );
    }

    #[test]
    fn august() {
        let s = tribunal("2026-06-15", None);
        assert!(s.contains("Saturday 15 August 2026 is in August"), "{s}");
        assert!(
            s.ends_with("after 31 August: Tuesday 1 September 2026."),
            "{s}"
        );
    }

    #[test]
    fn bank_holiday_by_name() {
        // Two months from 4 March 2026 is Monday 4 May 2026, the early May bank holiday.
        let s = tribunal("2026-03-04", None);
        assert!(
            s.contains("Monday 4 May 2026 is a bank holiday (Early May bank holiday)"),
            "{s}"
        );
        assert!(s.ends_with("Tuesday 5 May 2026."), "{s}");
    }

    #[test]
    fn certificate_later_and_only() {
        let s = tribunal("2026-10-14", Some("2026-11-20"));
        assert!(s.contains("1 month from the certificate date, Friday 20 November 2026, is Sunday 20 December 2026. That is later"), "{s}");
        let w = tribunal_appeal_worked(None, Some(d("2026-11-20")), &Holidays::default());
        let s = w.map(|w| english(&w)).unwrap_or_default();
        assert!(s.starts_with("The decision date is not known"), "{s}");
        assert!(s.ends_with("Monday 21 December 2026."), "{s}");
    }

    #[test]
    fn not_moved_and_counts() {
        let s = english(&six_months_worked(d("2026-03-15")));
        assert!(s.contains("end on Monday 14 September 2026"), "{s}");
        assert!(
            s.ends_with("not moved for weekends or bank holidays."),
            "{s}"
        );
        let s = english(&days_after(d("2026-11-20"), 14));
        assert!(
            s.starts_with("14 days from Friday 20 November 2026 is Friday 4 December 2026."),
            "{s}"
        );
        let w = working_days_after(d("2026-12-18"), 5, &Holidays::default());
        let s = english(&w);
        // 21, 22, 23, 24, (25 Friday Christmas, 26 and 27 weekend, 28 Boxing Day substitute), 29.
        assert_eq!(
            s,
            "5 working days after Friday 18 December 2026 is Tuesday 29 December 2026. \
             Weekends and bank holidays are not counted. Bank holidays left out: \
             Christmas Day (Friday 25 December 2026), \
             Boxing Day (substitute day) (Monday 28 December 2026)."
        );
        let s = english(&working_days_after(
            d("2026-12-01"),
            1,
            &Holidays::default(),
        ));
        assert!(s.starts_with("1 working day after"), "{s}");
        let s = english(&tribunal_days_after(
            d("2026-07-20"),
            28,
            true,
            &Holidays::default(),
        ));
        assert!(
            s.contains("That does not count the 31 days in August."),
            "{s}"
        );
        let s = english(&tribunal_days_after(
            d("2026-12-20"),
            28,
            true,
            &Holidays::default(),
        ));
        assert!(
            s.contains("That does not count the 8 days from 25 December to 1 January."),
            "{s}"
        );
    }
}

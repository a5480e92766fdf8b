//! The deadline rules of the law, as the fixed names of this crate (docs/contract.md, sections 3
//! and 7.3) give them.
//!
//! | Route | Rule | Function |
//! |---|---|---|
//! | Appeal to the First-tier Tribunal (SEND) | two months after the decision or one month after the mediation certificate, whichever is later; moved out of 25 December to 1 January, out of August and off non-working days | [`tribunal_appeal_deadline`] |
//! | Disability discrimination claim | six months starting with the date of the act, not moved | [`six_months_starting_with`] |
//! | Contacting the mediation adviser, judicial review, ombudsman | a number of calendar months (the mediation adviser: two after the decision), not moved | [`months_after`] |
//! | A letter's reply-by day | 20 working days, or as many as the letter says | [`reply_by`] |
//!
//! None of these panics, whatever the dates; a deadline that would fall after
//! 31 December 9999 is that day ([`LATEST`]).

use time::{Date, Month};

use super::calendar::{add_days, add_months, month_number, LATEST};
use super::holidays::{HolidayName, Holidays};

/// One step in working out a last day: what was counted, and each move. The words for
/// them are the interface's (`engine::dates_words`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// `count` units after `from` is `gives`.
    Count {
        from: Date,
        count: u32,
        unit: Unit,
        gives: Date,
    },
    /// One month after the mediation certificate is `gives`; `later`: that is later than the
    /// date counted from the decision, so it is the one that counts.
    Certificate {
        from: Date,
        gives: Date,
        later: bool,
    },
    /// The decision date is not known: counted from the certificate alone, the earliest the
    /// last day can be.
    CertificateOnly { from: Date, gives: Date },
    /// There is a certificate but its date is not known: counted from the decision alone,
    /// the earliest the last day can be.
    CertificateDateUnknown,
    /// Six months starting with `from` end on `gives`.
    SixMonthsStartingWith { from: Date, gives: Date },
    /// The `count`th working day after `from` is `gives`; the bank holidays not counted.
    WorkingDays {
        from: Date,
        count: u32,
        gives: Date,
        holidays: Vec<(Date, HolidayName)>,
    },
    /// `count` days after `from`, not counting `christmas` days from 25 December to 1 January
    /// and `august` days in August, is `gives`.
    TribunalDays {
        from: Date,
        count: u32,
        christmas: u32,
        august: u32,
        gives: Date,
    },
    /// `day` is from 25 December to 1 January: moved to the first working day after 1 January.
    Christmas { day: Date, to: Date },
    /// `day` is in August: moved to the first working day after 31 August.
    August { day: Date, to: Date },
    /// `day` is not a working day (a weekend, or the named bank holiday): moved to `to`.
    NotWorkingDay {
        day: Date,
        holiday: Option<HolidayName>,
        to: Date,
    },
    /// The day is not moved, even off a weekend or holiday.
    NotMoved,
    /// The law says "before `limit`", so the last day is the day before it.
    DayBefore { limit: Date, gives: Date },
}

/// What a [`Step::Count`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Months,
    Weeks,
    Days,
    /// Days other than weekends and bank holidays (only in [`Step::WorkingDays`]).
    WorkingDays,
}

/// A last day and how it was worked out.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Worked {
    pub date: Date,
    pub steps: Vec<Step>,
}

impl Worked {
    fn new(date: Date, steps: Vec<Step>) -> Worked {
        Worked { date, steps }
    }
}

/// The appeal deadline of the First-tier Tribunal (SEND).
///
/// 1. Take the later of two calendar months after the decision and, when there is a
///    mediation certificate, one calendar month after the certificate (see [`add_months`]).
/// 2. Then, once, in this order:
///    - if that day is from 25 December to 1 January inclusive, the deadline is the first
///      working day after 1 January (of the following year when the day is in December);
///    - else if it is in August, the deadline is the first working day after 31 August;
///    - else if it is not a working day, the deadline is the next working day;
///    - else the deadline is that day.
///
/// Working days are Monday to Friday except bank holidays in England and Wales, with the
/// one-off changes in `h`.
///
/// ```
/// # use send_route_finder::dates::*;
/// let h = Holidays::default();
/// let decision = parse_iso_date("2026-10-25").unwrap(); // two months: Christmas Day
/// assert_eq!(format_iso(tribunal_appeal_deadline(decision, None, &h)), "2027-01-04");
/// ```
pub fn tribunal_appeal_deadline(decision: Date, certificate: Option<Date>, h: &Holidays) -> Date {
    tribunal_appeal_worked(Some(decision), certificate, h).map_or(LATEST, |w| w.date)
}

/// [`tribunal_appeal_deadline`] with its steps. With no decision date, the last day is
/// counted from the certificate alone: the earliest it can be (the decision's two months may
/// end later). `None` when neither date is known.
pub fn tribunal_appeal_worked(
    decision: Option<Date>,
    certificate: Option<Date>,
    h: &Holidays,
) -> Option<Worked> {
    tribunal_appeal_counted(decision, certificate, false, h)
}

/// [`tribunal_appeal_worked`] for a family that has a certificate but not its date: counted
/// from the decision alone, the earliest the last day can be, and said so.
pub fn tribunal_appeal_without_certificate_date(decision: Date, h: &Holidays) -> Worked {
    match tribunal_appeal_counted(Some(decision), None, true, h) {
        Some(w) => w,
        // Cannot happen: the decision date is known.
        None => Worked::new(decision, Vec::new()),
    }
}

fn tribunal_appeal_counted(
    decision: Option<Date>,
    certificate: Option<Date>,
    certificate_date_unknown: bool,
    h: &Holidays,
) -> Option<Worked> {
    let mut steps = Vec::new();
    let later = match (decision, certificate) {
        (Some(decision), certificate) => {
            let two_months = add_months(decision, 2);
            steps.push(Step::Count {
                from: decision,
                count: 2,
                unit: Unit::Months,
                gives: two_months,
            });
            if certificate_date_unknown {
                steps.push(Step::CertificateDateUnknown);
            }
            match certificate {
                Some(certificate) => {
                    let one_month = add_months(certificate, 1);
                    steps.push(Step::Certificate {
                        from: certificate,
                        gives: one_month,
                        later: one_month > two_months,
                    });
                    two_months.max(one_month)
                }
                None => two_months,
            }
        }
        (None, Some(certificate)) => {
            let one_month = add_months(certificate, 1);
            steps.push(Step::CertificateOnly {
                from: certificate,
                gives: one_month,
            });
            one_month
        }
        (None, None) => return None,
    };
    let (date, moved) = tribunal_move(later, h);
    steps.extend(moved);
    Some(Worked::new(date, steps))
}

/// The Tribunal's moves of a last day, applied once: Christmas, August, a non-working day.
fn tribunal_move(later: Date, h: &Holidays) -> (Date, Option<Step>) {
    let (year, month, day) = (later.year(), later.month(), later.day());
    let to = match (month, day) {
        (Month::December, 25..=31) => {
            match Date::from_calendar_date(year.saturating_add(1), Month::January, 1) {
                Ok(new_year) => h.first_working_day_after(new_year),
                // After 31 December 9999: stop there.
                Err(_) => LATEST,
            }
        }
        (Month::January, 1) => h.first_working_day_after(later),
        (Month::August, _) => match Date::from_calendar_date(year, Month::August, 31) {
            Ok(end_of_august) => h.first_working_day_after(end_of_august),
            // Cannot happen: `later` is a day of that August.
            Err(_) => h.next_working_day_on_or_after(later),
        },
        _ => return next_working_day(later, h),
    };
    let step = match month {
        Month::August => Step::August { day: later, to },
        _ => Step::Christmas { day: later, to },
    };
    (to, Some(step))
}

/// The day itself if it is a working day, else the next working day, with the step that
/// says why it moved.
fn next_working_day(day: Date, h: &Holidays) -> (Date, Option<Step>) {
    let to = h.next_working_day_on_or_after(day);
    if to == day {
        return (day, None);
    }
    (
        to,
        Some(Step::NotWorkingDay {
            day,
            holiday: holiday_name(day, h),
            to,
        }),
    )
}

/// The name of the bank holiday on a day, if it is one.
pub fn holiday_name(day: Date, h: &Holidays) -> Option<HolidayName> {
    if !h.is_bank_holiday(day) {
        return None;
    }
    h.in_year(day.year())
        .into_iter()
        .find(|(d, _)| *d == day)
        .map(|(_, name)| name)
}

/// The nth working day after a date: weekends and bank holidays are not counted
/// (a transport review request: 20 working days). Stops at [`LATEST`].
pub fn working_days_after(from: Date, count: u32, h: &Holidays) -> Worked {
    let mut day = from;
    let mut counted = 0;
    let mut holidays = Vec::new();
    while counted < count && day < LATEST {
        day = add_days(day, 1);
        if h.is_working_day(day) {
            counted += 1;
        } else if let Some(name) = holiday_name(day, h) {
            holidays.push((day, name));
        }
    }
    Worked::new(
        day,
        vec![Step::WorkingDays {
            from,
            count,
            gives: day,
            holidays,
        }],
    )
}

/// The working days a letter gives for a reply when it does not say.
pub const REPLY_DAYS: u32 = 20;

/// The day a letter asks for a reply by (its `{reply_by}`): `reply_days` working days after
/// `today` ([`working_days_after`]), or [`REPLY_DAYS`] when the letter does not say.
pub fn reply_by(today: Date, reply_days: Option<u32>, h: &Holidays) -> Date {
    working_days_after(today, reply_days.unwrap_or(REPLY_DAYS), h).date
}

/// A number of calendar days after a date, not moved (15 days to comment on a draft plan,
/// counting the day it was sent, end 14 days after it).
pub fn days_after(from: Date, count: u32) -> Worked {
    let date = add_days(from, i64::from(count));
    Worked::new(
        date,
        vec![
            Step::Count {
                from,
                count,
                unit: Unit::Days,
                gives: date,
            },
            Step::NotMoved,
        ],
    )
}

/// Whole weeks after a date, not moved (the council's time limits).
pub fn weeks_after(from: Date, weeks: u32) -> Worked {
    let date = add_days(from, i64::from(weeks) * 7);
    Worked::new(
        date,
        vec![Step::Count {
            from,
            count: weeks,
            unit: Unit::Weeks,
            gives: date,
        }],
    )
}

/// The Tribunal's count of days (HESC Rules 2008 r12): `count` days after a date; in a
/// special educational needs case (`skip_holidays`), the days from 25 December to 1 January
/// and every day in August are not counted. A last day that is not a working day moves to
/// the next working day. Stops at [`LATEST`].
pub fn tribunal_days_after(from: Date, count: u32, skip_holidays: bool, h: &Holidays) -> Worked {
    let mut day = from;
    let (mut counted, mut christmas, mut august) = (0, 0, 0);
    while counted < count && day < LATEST {
        day = add_days(day, 1);
        if skip_holidays
            && matches!(
                (day.month(), day.day()),
                (Month::December, 25..=31) | (Month::January, 1)
            )
        {
            christmas += 1;
        } else if skip_holidays && day.month() == Month::August {
            august += 1;
        } else {
            counted += 1;
        }
    }
    let mut steps = vec![Step::TribunalDays {
        from,
        count,
        christmas,
        august,
        gives: day,
    }];
    let (date, moved) = next_working_day(day, h);
    steps.extend(moved);
    Worked::new(date, steps)
}

/// The last day of a period of six months starting with the date of an act (the time limit
/// of a disability discrimination claim): six calendar months after the act, less one day,
/// not moved. An act on 15 March gives 14 September; on 31 August, 27 February (28 in a
/// leap year).
///
/// When six months after the act would be after 31 December 9999, the answer is that day
/// ([`LATEST`]).
pub fn six_months_starting_with(event: Date) -> Date {
    six_months_worked(event).date
}

/// [`six_months_starting_with`] with its steps.
pub fn six_months_worked(event: Date) -> Worked {
    let date = six_months_end(event);
    Worked::new(
        date,
        vec![
            Step::SixMonthsStartingWith {
                from: event,
                gives: date,
            },
            Step::NotMoved,
        ],
    )
}

fn six_months_end(event: Date) -> Date {
    let six_months = add_months(event, 6);
    if six_months >= LATEST {
        // Saturated (or exactly the last day): the true answer is at least this late.
        return LATEST.max(event);
    }
    add_days(six_months, -1)
}

/// The date `n` calendar months after a date, not moved off weekends or holidays (judicial
/// review: three months; the Local Government and Social Care Ombudsman: twelve months).
pub fn months_after(d: Date, n: u32) -> Date {
    add_months(d, n)
}

/// [`months_after`] with its steps.
pub fn months_worked(d: Date, n: u32) -> Worked {
    let date = add_months(d, n);
    Worked::new(
        date,
        vec![
            Step::Count {
                from: d,
                count: n,
                unit: Unit::Months,
                gives: date,
            },
            Step::NotMoved,
        ],
    )
}

/// The day before a day of the year of the coming September: the year of `today` when it
/// is before 1 September, else the next year (a plan for a move in September 2027 must be
/// amended before 15 February 2027). `None` when that day does not exist.
pub fn before_coming_september(today: Date, month: Month, day: u8) -> Option<Worked> {
    let year = if month_number(today.month()) < 9 {
        today.year()
    } else {
        today.year().checked_add(1)?
    };
    let limit = Date::from_calendar_date(year, month, day).ok()?;
    let gives = limit.previous_day()?;
    Some(Worked::new(gives, vec![Step::DayBefore { limit, gives }]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::calendar::{format_iso, parse_iso_date};
    use crate::dates::holidays::OneOff;
    use time::Weekday;

    fn d(s: &str) -> Date {
        match parse_iso_date(s) {
            Ok(date) => date,
            Err(e) => panic!("bad test date: {e}"),
        }
    }

    /// The tribunal deadline with the regular holidays only, as `YYYY-MM-DD`.
    fn tribunal(decision: &str, certificate: Option<&str>) -> String {
        format_iso(tribunal_appeal_deadline(
            d(decision),
            certificate.map(d),
            &Holidays::default(),
        ))
    }

    #[test]
    fn tribunal_examples_from_the_contract() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("2026-10-14", None, "2026-12-14"),
            ("2026-10-14", Some("2026-11-20"), "2026-12-21"), // 20 Dec is a Sunday
            ("2026-09-10", None, "2026-11-10"),
            ("2026-11-02", None, "2027-01-04"), // 2 Jan 2027 is a Saturday
            ("2026-10-25", None, "2027-01-04"), // Christmas Day
            ("2026-06-15", None, "2026-09-01"), // August
            ("2026-12-31", None, "2027-03-01"), // 28 Feb 2027 is a Sunday
            ("2027-12-31", None, "2028-02-29"), // a Tuesday
            ("2026-02-03", None, "2026-04-07"), // Good Friday, then Easter Monday
        ];
        for &(decision, certificate, want) in cases {
            assert_eq!(
                tribunal(decision, certificate),
                want,
                "{decision} {certificate:?}"
            );
        }
    }

    #[test]
    fn tribunal_two_months_before_moving() {
        // The day before moving is add_months: check the month-end cases directly.
        assert_eq!(add_months(d("2026-12-31"), 2), d("2027-02-28"));
        assert_eq!(add_months(d("2027-12-31"), 2), d("2028-02-29"));
        // 2032-02-29 is a Sunday, so a decision of 31 December 2031 moves to 1 March.
        assert_eq!(d("2032-02-29").weekday(), Weekday::Sunday);
        assert_eq!(tribunal("2031-12-31", None), "2032-03-01");
    }

    #[test]
    fn tribunal_certificate() {
        // Certificate earlier than the decision: the two-month date.
        assert_eq!(tribunal("2026-10-14", Some("2026-09-01")), "2026-12-14");
        // Certificate on the decision day: one month is earlier than two.
        assert_eq!(tribunal("2026-10-14", Some("2026-10-14")), "2026-12-14");
        // Certificate giving exactly the same day.
        assert_eq!(tribunal("2026-10-14", Some("2026-11-14")), "2026-12-14");
        // Certificate one month after a 31st: end of the month.
        assert_eq!(tribunal("2026-11-01", Some("2027-01-31")), "2027-03-01"); // 28 Feb is a Sunday
                                                                              // Certificate into Christmas.
        assert_eq!(tribunal("2026-10-01", Some("2026-11-29")), "2027-01-04");
        // Certificate into August.
        assert_eq!(tribunal("2026-05-01", Some("2026-07-10")), "2026-09-01");
        // Certificate deadline on a bank holiday Monday (early May, then Easter Monday).
        assert_eq!(tribunal("2026-02-01", Some("2026-04-04")), "2026-05-05");
        assert_eq!(tribunal("2026-02-01", Some("2026-03-06")), "2026-04-07");
    }

    #[test]
    fn tribunal_christmas_period() {
        // Every day from 25 December to 1 January gives the same answer.
        for decision in [
            "2026-10-25",
            "2026-10-26",
            "2026-10-27",
            "2026-10-28",
            "2026-10-29",
            "2026-10-30",
            "2026-10-31",
            "2026-11-01",
        ] {
            assert_eq!(tribunal(decision, None), "2027-01-04", "{decision}");
        }
        // 24 December 2026 is a Thursday: a working day, not moved.
        assert_eq!(tribunal("2026-10-24", None), "2026-12-24");
        // 24 December 2027 is a Friday.
        assert_eq!(tribunal("2027-10-24", None), "2027-12-24");
        // 24 December 2022 is a Saturday, outside the Christmas period: only the next working
        // day rule applies, and 26 and 27 December 2022 are bank holidays: Wednesday 28.
        assert_eq!(tribunal("2022-10-24", None), "2022-12-28");
        // Saturday 23 December 2023 is before the Christmas period: the rule runs once, so
        // only the next working day rule applies, and that is Wednesday 27 December, inside
        // the period (not moved again into January).
        assert_eq!(tribunal("2023-10-23", None), "2023-12-27");
        // 2 January 2027 is a Saturday: not in the Christmas period, next working day.
        assert_eq!(tribunal("2026-11-02", None), "2027-01-04");
        // 2021-12-28: first working day after 1 January 2022. 1 January 2022 is a Saturday,
        // Monday 3 January the substitute holiday, so Tuesday 4 January.
        assert_eq!(tribunal("2021-10-28", None), "2022-01-04");
        // 1 January itself.
        assert_eq!(tribunal("2026-11-01", None), "2027-01-04");
        // 1 January 2025 is a Wednesday: 2 January.
        assert_eq!(tribunal("2024-10-31", None), "2025-01-02");
        assert_eq!(tribunal("2024-10-25", None), "2025-01-02");
        // 2 January 2028: 1 January a Saturday, 3 January the substitute: Tuesday 4 January.
        assert_eq!(tribunal("2027-11-02", None), "2028-01-04");
        assert_eq!(tribunal("2027-10-31", None), "2028-01-04");
        // 2023: 1 January a Sunday, 2 January the substitute: Tuesday 3 January.
        assert_eq!(tribunal("2022-10-30", None), "2023-01-03");
    }

    #[test]
    fn tribunal_august() {
        // 2026: 31 August is the summer bank holiday; 1 September a Tuesday.
        for decision in ["2026-06-01", "2026-06-15", "2026-06-30"] {
            assert_eq!(tribunal(decision, None), "2026-09-01", "{decision}");
        }
        // 31 August itself (through a certificate).
        assert_eq!(tribunal("2026-06-01", Some("2026-07-31")), "2026-09-01");
        // 2025: 31 August a Sunday, 1 September a Monday.
        assert_eq!(tribunal("2025-06-20", None), "2025-09-01");
        // 2029: 1 September a Saturday: Monday 3 September.
        assert_eq!(d("2029-09-01").weekday(), Weekday::Saturday);
        assert_eq!(tribunal("2029-06-10", None), "2029-09-03");
        // 1 August 2026 from 1 June.
        assert_eq!(tribunal("2026-06-01", None), "2026-09-01");
        // 31 July 2027 is a Saturday: moved to Monday 2 August only (the rule runs once).
        assert_eq!(d("2027-07-31").weekday(), Weekday::Saturday);
        assert_eq!(tribunal("2027-05-31", None), "2027-08-02");
        // 1 September itself is not moved when a working day.
        assert_eq!(tribunal("2026-07-01", None), "2026-09-01");
    }

    #[test]
    fn tribunal_weekends_and_holidays() {
        // Saturday 19 December 2026 → Monday 21.
        assert_eq!(tribunal("2026-10-19", None), "2026-12-21");
        // Early May bank holiday 4 May 2026 → 5 May.
        assert_eq!(tribunal("2026-03-04", None), "2026-05-05");
        // Spring bank holiday 25 May 2026 → 26 May.
        assert_eq!(tribunal("2026-03-25", None), "2026-05-26");
        // Easter Monday 2027 (29 March) → 30 March.
        assert_eq!(tribunal("2027-01-29", None), "2027-03-30");
        // Good Friday 2027 (26 March) → Tuesday 30 March.
        assert_eq!(tribunal("2027-01-26", None), "2027-03-30");
        // Saturday 27 March 2027 → Tuesday 30 March.
        assert_eq!(tribunal("2027-01-27", None), "2027-03-30");
        // A working day is kept.
        assert_eq!(tribunal("2026-03-05", None), "2026-05-05");
    }

    #[test]
    fn tribunal_one_offs() {
        let extra = Holidays::new(
            vec![OneOff {
                date: d("2026-05-05"),
                name: "A one-off".to_string(),
            }],
            Vec::new(),
        );
        let deadline = tribunal_appeal_deadline(d("2026-03-05"), None, &extra);
        assert_eq!(format_iso(deadline), "2026-05-06");
        let deadline = tribunal_appeal_deadline(d("2026-03-04"), None, &extra);
        assert_eq!(format_iso(deadline), "2026-05-06");

        let cancelled = Holidays::new(
            Vec::new(),
            vec![OneOff {
                date: d("2026-05-04"),
                name: "Early May bank holiday".to_string(),
            }],
        );
        let deadline = tribunal_appeal_deadline(d("2026-03-04"), None, &cancelled);
        assert_eq!(format_iso(deadline), "2026-05-04");

        // A one-off on the first working day after 1 January.
        let new_year = Holidays::new(
            vec![OneOff {
                date: d("2027-01-04"),
                name: "A one-off".to_string(),
            }],
            Vec::new(),
        );
        let deadline = tribunal_appeal_deadline(d("2026-10-25"), None, &new_year);
        assert_eq!(format_iso(deadline), "2027-01-05");

        // A one-off on 1 September.
        let september = Holidays::new(
            vec![OneOff {
                date: d("2026-09-01"),
                name: "A one-off".to_string(),
            }],
            Vec::new(),
        );
        let deadline = tribunal_appeal_deadline(d("2026-06-15"), None, &september);
        assert_eq!(format_iso(deadline), "2026-09-02");
    }

    #[test]
    fn tribunal_at_the_end_of_time() {
        let h = Holidays::default();
        assert_eq!(tribunal_appeal_deadline(LATEST, None, &h), LATEST);
        assert_eq!(tribunal_appeal_deadline(d("9999-10-25"), None, &h), LATEST);
        assert_eq!(
            tribunal_appeal_deadline(Date::MIN, Some(LATEST), &h),
            LATEST
        );
        assert_eq!(
            tribunal_appeal_deadline(Date::MAX, Some(Date::MAX), &h),
            LATEST
        );
        let early = tribunal_appeal_deadline(Date::MIN, Some(Date::MIN), &h);
        assert!(early > Date::MIN);
    }

    #[test]
    fn a_letter_s_reply_by_day() {
        let h = Holidays::default();
        // 20 working days when the letter does not say.
        assert_eq!(
            format_iso(reply_by(d("2026-11-02"), None, &h)),
            "2026-11-30"
        );
        assert_eq!(
            format_iso(reply_by(d("2026-11-02"), Some(10), &h)),
            "2026-11-16"
        );
        // Christmas Day and the Boxing Day substitute are not counted.
        assert_eq!(
            format_iso(reply_by(d("2026-12-18"), Some(5), &h)),
            "2026-12-29"
        );
        assert_eq!(reply_by(LATEST, None, &h), LATEST);
    }

    #[test]
    fn six_months() {
        let cases = [
            ("2026-03-15", "2026-09-14"),
            ("2026-01-01", "2026-06-30"),
            ("2026-08-31", "2027-02-27"),
            ("2027-08-31", "2028-02-28"),
            ("2027-08-29", "2028-02-28"),
            ("2027-08-30", "2028-02-28"),
            ("2026-08-28", "2027-02-27"),
            ("2026-08-29", "2027-02-27"),
            ("2026-12-31", "2027-06-29"),
            ("2026-07-01", "2026-12-31"),
            ("2028-02-29", "2028-08-28"),
            ("2026-03-31", "2026-09-29"),
            ("2026-06-25", "2026-12-24"), // not moved off Christmas Eve or anything else
            ("2026-06-26", "2026-12-25"),
        ];
        for (event, want) in cases {
            assert_eq!(
                format_iso(six_months_starting_with(d(event))),
                want,
                "{event}"
            );
        }
        // Saturation at the end of time.
        assert_eq!(six_months_starting_with(d("9999-07-01")), LATEST);
        assert_eq!(six_months_starting_with(LATEST), LATEST);
        assert_eq!(
            format_iso(six_months_starting_with(d("9999-06-30"))),
            "9999-12-29"
        );
        assert_eq!(six_months_starting_with(Date::MAX), Date::MAX.max(LATEST));
    }

    #[test]
    fn months_after_not_moved() {
        // Contacting the mediation adviser: two calendar months after the decision, not moved
        // off a Sunday, Christmas Day or August, and the end of a shorter month.
        let mediation = [
            ("2026-10-14", "2026-12-14"),
            ("2026-10-20", "2026-12-20"),
            ("2026-10-25", "2026-12-25"),
            ("2026-06-15", "2026-08-15"),
            ("2026-12-31", "2027-02-28"),
            ("2027-12-31", "2028-02-29"),
        ];
        for (decision, want) in mediation {
            assert_eq!(format_iso(months_after(d(decision), 2)), want, "{decision}");
        }
        assert_eq!(months_after(LATEST, 2), LATEST);
        assert_eq!(format_iso(months_after(d("2026-09-20"), 3)), "2026-12-20"); // a Sunday
        assert_eq!(format_iso(months_after(d("2026-11-30"), 3)), "2027-02-28");
        assert_eq!(format_iso(months_after(d("2026-02-28"), 12)), "2027-02-28");
        assert_eq!(format_iso(months_after(d("2028-02-29"), 12)), "2029-02-28");
        assert_eq!(format_iso(months_after(d("2026-05-17"), 0)), "2026-05-17");
        assert_eq!(months_after(d("2026-05-17"), u32::MAX), LATEST);
    }
}

//! How a last day was worked out, in words: the start date, what was counted, and each move
//! (a weekend, a bank holiday by name, the Tribunal's Christmas and August rules). Advisers
//! check a date this way, and families can too.

use super::calendar::{push_long_date, push_number};
use super::deadline::{Step, Unit, Worked};
use super::words::weekday_name;
use crate::placeholder::{pieces, Piece};
use time::Date;

/// "2 months from 14 October 2026 is Monday 14 December 2026. ..." for a worked last day.
pub fn explain(worked: &Worked) -> String {
    let mut out = String::new();
    for (i, step) in worked.steps.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        sentence(&mut out, step);
    }
    out
}

/// What fills a `{}` in a sentence.
enum Arg<'a> {
    Date(Date),
    Text(&'a str),
    /// A count with its unit: "1 month", "14 days".
    Count(u32, Unit),
    /// "1st", "2nd", ...
    Ordinal(u32),
}

/// `template` with each `{}` filled in turn from `args`, written at the end of `out`. One
/// function for every sentence, instead of a `format!` for each.
#[inline(never)]
fn say(out: &mut String, template: &str, args: &[Arg<'_>]) {
    let mut args = args.iter();
    for piece in pieces(template) {
        match piece {
            Piece::Name(_) => match args.next() {
                Some(Arg::Date(d)) => push_long_date(out, *d),
                Some(Arg::Text(t)) => out.push_str(t),
                Some(Arg::Count(n, unit)) => count(out, *n, *unit),
                Some(Arg::Ordinal(n)) => ordinal(out, *n),
                None => {}
            },
            Piece::Words(words) | Piece::Unclosed(words) => out.push_str(words),
        }
    }
}

fn count(out: &mut String, n: u32, unit: Unit) {
    let word = match (unit, n) {
        (Unit::Months, 1) => " month",
        (Unit::Months, _) => " months",
        (Unit::Weeks, 1) => " week",
        (Unit::Weeks, _) => " weeks",
        (Unit::Days, 1) => " day",
        (Unit::Days, _) => " days",
    };
    push_number(out, i64::from(n));
    out.push_str(word);
}

fn sentence(out: &mut String, step: &Step) {
    use Arg::{Count, Date as D, Ordinal, Text};
    match step {
        Step::Count { from, count: n, unit, gives } => {
            say(out, "{} from {} is {}.", &[Count(*n, *unit), D(*from), D(*gives)])
        }
        Step::Certificate { from, gives, later: true } => say(
            out,
            "1 month from the certificate date, {}, is {}. That is later, so it is the one that counts.",
            &[D(*from), D(*gives)],
        ),
        Step::Certificate { from, gives, later: false } => say(
            out,
            "1 month from the certificate date, {}, is {}. That is not later, so it does not change the date.",
            &[D(*from), D(*gives)],
        ),
        Step::CertificateDateUnknown => out.push_str(
            "The certificate date is not known. So this counts from the decision alone. \
             The real last day may be later, but never earlier.",
        ),
        Step::CertificateOnly { from, gives } => say(
            out,
            "The decision date is not known. So this counts 1 month from the certificate date, {}: {}. \
             The real last day may be later, but never earlier.",
            &[D(*from), D(*gives)],
        ),
        Step::SixMonthsStartingWith { from, gives } => say(
            out,
            "6 months starting with {} end on {}, the day before the same date 6 months on.",
            &[D(*from), D(*gives)],
        ),
        Step::WorkingDays { from, count: n, gives, holidays } => {
            say(
                out,
                "The {} working day after {} is {}. Weekends and bank holidays are not counted.",
                &[Ordinal(*n), D(*from), D(*gives)],
            );
            for (i, (d, name)) in holidays.iter().enumerate() {
                let template = if i == 0 { " Bank holidays left out: {} ({})" } else { ", {} ({})" };
                say(out, template, &[Text(name), D(*d)]);
            }
            if !holidays.is_empty() {
                out.push('.');
            }
        }
        Step::TribunalDays { from, count: n, christmas, august, gives } => {
            say(out, "{} from {} is {}.", &[Count(*n, Unit::Days), D(*from), D(*gives)]);
            let (c, a) = (Count(*christmas, Unit::Days), Count(*august, Unit::Days));
            match (*christmas, *august) {
                (0, 0) => {}
                (_, 0) => say(out, " That does not count the {} from 25 December to 1 January.", &[c]),
                (0, _) => say(out, " That does not count the {} in August.", &[a]),
                _ => say(
                    out,
                    " That does not count the {} from 25 December to 1 January and the {} in August.",
                    &[c, a],
                ),
            }
        }
        Step::Christmas { day, to } => say(
            out,
            "{} falls from 25 December to 1 January. So the last day moves to the first working day after 1 January: {}.",
            &[D(*day), D(*to)],
        ),
        Step::August { day, to } => say(
            out,
            "{} is in August. So the last day moves to the first working day after 31 August: {}.",
            &[D(*day), D(*to)],
        ),
        Step::NotWorkingDay { day, holiday: Some(name), to } => say(
            out,
            "{} is a bank holiday ({}). So the last day moves to the next working day: {}.",
            &[D(*day), Text(name), D(*to)],
        ),
        Step::NotWorkingDay { day, holiday: None, to } => say(
            out,
            "{} is a {}. So the last day moves to the next working day: {}.",
            &[D(*day), Text(weekday_name(day.weekday())), D(*to)],
        ),
        Step::NotMoved => out.push_str("This day is not moved for weekends or bank holidays."),
        Step::DayBefore { limit, gives } => say(
            out,
            "The law says before {}, so the last day is {}.",
            &[D(*limit), D(*gives)],
        ),
    }
}

/// 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st.
fn ordinal(out: &mut String, n: u32) {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    push_number(out, i64::from(n));
    out.push_str(suffix);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::{
        days_after, parse_iso_date, six_months_worked, tribunal_appeal_worked, tribunal_days_after,
        working_days_after, Date, Holidays,
    };

    fn d(s: &str) -> Date {
        parse_iso_date(s).unwrap_or(Date::MIN)
    }

    fn tribunal(decision: &str, certificate: Option<&str>) -> String {
        let w = tribunal_appeal_worked(Some(d(decision)), certificate.map(d), &Holidays::default());
        w.map(|w| explain(&w)).unwrap_or_default()
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
        let s = w.map(|w| explain(&w)).unwrap_or_default();
        assert!(s.starts_with("The decision date is not known"), "{s}");
        assert!(s.ends_with("Monday 21 December 2026."), "{s}");
    }

    #[test]
    fn not_moved_and_counts() {
        let s = explain(&six_months_worked(d("2026-03-15")));
        assert!(s.contains("end on Monday 14 September 2026"), "{s}");
        assert!(
            s.ends_with("not moved for weekends or bank holidays."),
            "{s}"
        );
        let s = explain(&days_after(d("2026-11-20"), 14));
        assert!(
            s.starts_with("14 days from Friday 20 November 2026 is Friday 4 December 2026."),
            "{s}"
        );
        let w = working_days_after(d("2026-12-18"), 5, &Holidays::default());
        let s = explain(&w);
        // 21, 22, 23, 24, (25, 26 weekend... 25 Friday Christmas, 28 Boxing Day substitute), 29.
        assert!(
            s.contains(
                "The 5th working day after Friday 18 December 2026 is Tuesday 29 December 2026."
            ),
            "{s}"
        );
        assert!(s.contains("Christmas Day (Friday 25 December 2026)"), "{s}");
        let s = explain(&tribunal_days_after(
            d("2026-07-20"),
            28,
            true,
            &Holidays::default(),
        ));
        assert!(
            s.contains("That does not count the 31 days in August."),
            "{s}"
        );
        let s = explain(&tribunal_days_after(
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

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 20, 21, 22, 101, 111]
            .iter()
            .map(|n| {
                let mut s = String::new();
                ordinal(&mut s, *n);
                s
            })
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "20th", "21st", "22nd",
                "101st", "111th"
            ]
        );
    }
}

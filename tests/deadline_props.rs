//! Properties of the deadline rules, over many dates.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use send_route_finder::dates::*;
use send_route_finder::model::InterfaceTexts;

/// A date in the interface's English words.
fn long_date(d: Date) -> String {
    send_route_finder::engine::long_date(&InterfaceTexts::default(), d)
}

/// A date from its Julian day number, known to be in range.
fn from_julian(day: i32) -> Date {
    Date::from_julian_day(day).expect("Julian day in range")
}

fn julian(year: i32, month: Month, day: u8) -> i32 {
    Date::from_calendar_date(year, month, day)
        .expect("real date")
        .to_julian_day()
}

/// Any date from 1 January 2000 to 31 December 2100.
fn date_2000_2100() -> impl Strategy<Value = Date> {
    (julian(2000, Month::January, 1)..=julian(2100, Month::December, 31)).prop_map(from_julian)
}

/// Any date from 1 January 1000 to 31 December 9999.
fn date_1000_9999() -> impl Strategy<Value = Date> {
    (julian(1000, Month::January, 1)..=julian(9999, Month::December, 31)).prop_map(from_julian)
}

/// A few one-off changes in the years 2000 to 2100.
fn one_offs() -> impl Strategy<Value = Vec<OneOff>> {
    proptest::collection::vec(
        date_2000_2100().prop_map(|date| OneOff {
            date,
            name: "One-off".to_string(),
        }),
        0..4,
    )
}

fn is_weekday(d: Date) -> bool {
    !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tribunal_never_early(decision in date_2000_2100(), certificate in proptest::option::of(date_2000_2100())) {
        let h = Holidays::default();
        let deadline = tribunal_appeal_deadline(decision, certificate, &h);
        prop_assert!(deadline >= add_months(decision, 2));
        if let Some(c) = certificate {
            prop_assert!(deadline >= add_months(c, 1));
        }
        prop_assert!(deadline > decision);
    }

    #[test]
    fn tribunal_is_a_working_day(decision in date_2000_2100(), certificate in proptest::option::of(date_2000_2100())) {
        let h = Holidays::default();
        let deadline = tribunal_appeal_deadline(decision, certificate, &h);
        prop_assert!(h.is_working_day(deadline), "{} is not a working day", long_date(deadline));
        prop_assert!(is_weekday(deadline));
        prop_assert!(!h.is_bank_holiday(deadline));
    }

    #[test]
    fn tribunal_in_august_or_christmas_only_when_pushed_there(decision in date_2000_2100(), certificate in proptest::option::of(date_2000_2100())) {
        let h = Holidays::default();
        let deadline = tribunal_appeal_deadline(decision, certificate, &h);
        let unmoved = match certificate {
            Some(c) => add_months(decision, 2).max(add_months(c, 1)),
            None => add_months(decision, 2),
        };
        // Christmas period (25 December to 1 January): only when the unmoved day was a
        // non-working day just before 25 December, moved once to the next working day
        // (a Saturday 23 December 2023 gives Wednesday 27 December).
        let in_christmas = (deadline.month() == Month::December && deadline.day() >= 25)
            || (deadline.month() == Month::January && deadline.day() == 1);
        if in_christmas {
            prop_assert!(unmoved.month() == Month::December && unmoved.day() < 25);
            prop_assert!(!h.is_working_day(unmoved));
        }
        // August: only when the unmoved day was a non-working day at the end of July.
        if deadline.month() == Month::August {
            prop_assert!(unmoved.month() == Month::July);
            prop_assert!(!h.is_working_day(unmoved));
        }
        // The move is at most a few weeks.
        prop_assert!(days_from_to(unmoved, deadline) <= 40);
    }

    #[test]
    fn tribunal_with_one_offs_is_a_working_day(
        decision in date_2000_2100(),
        certificate in proptest::option::of(date_2000_2100()),
        extra in one_offs(),
        cancelled in one_offs(),
    ) {
        let h = Holidays::new(extra.clone(), cancelled);
        let deadline = tribunal_appeal_deadline(decision, certificate, &h);
        prop_assert!(h.is_working_day(deadline));
        prop_assert!(extra.iter().all(|e| e.date != deadline));
        prop_assert!(deadline >= add_months(decision, 2));
    }

    #[test]
    fn tribunal_is_monotonic_in_the_decision(
        a in date_2000_2100(),
        gap in 0i64..120,
        certificate in proptest::option::of(date_2000_2100()),
    ) {
        let h = Holidays::default();
        let b = add_days(a, gap);
        prop_assert!(
            tribunal_appeal_deadline(a, certificate, &h) <= tribunal_appeal_deadline(b, certificate, &h)
        );
    }

    #[test]
    fn tribunal_is_monotonic_day_by_day(a in date_2000_2100(), certificate in proptest::option::of(date_2000_2100())) {
        let h = Holidays::default();
        let mut previous = tribunal_appeal_deadline(a, certificate, &h);
        for step in 1..=40 {
            let next = tribunal_appeal_deadline(add_days(a, step), certificate, &h);
            prop_assert!(previous <= next);
            previous = next;
        }
    }

    #[test]
    fn tribunal_is_monotonic_in_the_certificate(decision in date_2000_2100(), c in date_2000_2100(), gap in 0i64..120) {
        let h = Holidays::default();
        prop_assert!(
            tribunal_appeal_deadline(decision, Some(c), &h)
                <= tribunal_appeal_deadline(decision, Some(add_days(c, gap)), &h)
        );
        prop_assert!(
            tribunal_appeal_deadline(decision, None, &h)
                <= tribunal_appeal_deadline(decision, Some(c), &h)
        );
    }

    #[test]
    fn early_certificate_changes_nothing(decision in date_2000_2100(), before in 0i64..400) {
        let h = Holidays::default();
        let c = add_days(decision, -before);
        prop_assert_eq!(
            tribunal_appeal_deadline(decision, Some(c), &h),
            tribunal_appeal_deadline(decision, None, &h)
        );
    }

    #[test]
    fn six_months_is_add_months_less_a_day(event in date_2000_2100()) {
        let end = six_months_starting_with(event);
        prop_assert_eq!(end, add_days(add_months(event, 6), -1));
        prop_assert_eq!(days_from_to(end, add_months(event, 6)), 1);
        prop_assert!(end > event);
        prop_assert!(days_from_to(event, end) >= 179 && days_from_to(event, end) <= 183);
    }

    #[test]
    fn calendar_months(d in date_2000_2100(), n in 0u32..=36) {
        let later = months_after(d, n);
        prop_assert_eq!(later, add_months(d, n));
        prop_assert!(later >= d);
        // Same day of the month, or the last day of a shorter month.
        if later.day() != d.day() {
            prop_assert!(later.day() < d.day());
            prop_assert_eq!(later.day(), days_in_month(later.year(), later.month()));
        }
        let months_apart = (later.year() - d.year()) * 12
            + i32::from(month_number(later.month())) - i32::from(month_number(d.month()));
        prop_assert_eq!(months_apart, i32::try_from(n).expect("small"));
    }

    #[test]
    fn iso_round_trip(d in date_1000_9999()) {
        let text = format_iso(d);
        prop_assert_eq!(text.len(), 10);
        prop_assert_eq!(parse_iso_date(&text), Ok(d));
        let words = long_date(d);
        prop_assert!(words.ends_with(&d.year().to_string()));
        prop_assert!(!words.contains(','));
    }

    #[test]
    fn parse_never_panics(s in ".{0,14}") {
        let _ = parse_iso_date(&s);
    }

    #[test]
    fn parse_never_panics_near_the_form(s in "[0-9+ -]{4}-[0-9a]{1,3}-[0-9 ]{1,3}") {
        if let Ok(d) = parse_iso_date(&s) {
            prop_assert_eq!(format_iso(d), s);
        }
    }

    #[test]
    fn nothing_panics_from_1000_to_9999(
        a in date_1000_9999(),
        b in proptest::option::of(date_1000_9999()),
        n in any::<u32>(),
        days in any::<i64>(),
    ) {
        let h = Holidays::default();
        let deadline = tribunal_appeal_deadline(a, b, &h);
        prop_assert!(deadline >= add_months(a, 2));
        let _ = six_months_starting_with(a);
        let _ = months_after(a, n);
        let _ = add_months(a, n);
        let _ = add_days(a, days);
        let _ = days_from_to(a, b.unwrap_or(a));
        let _ = long_date(a);
        let _ = format_iso(a);
        let _ = easter_sunday(a.year());
        let _ = h.in_year(a.year());
        let _ = h.first_working_day_after(a);
        let _ = h.next_working_day_on_or_after(a);
        prop_assert!(add_months(a, n) <= LATEST);
    }

    #[test]
    fn nothing_panics_for_any_year(year in any::<i32>()) {
        let _ = easter_sunday(year);
        let _ = Holidays::regular(year);
        let _ = Holidays::default().in_year(year);
    }

    #[test]
    fn nothing_panics_for_any_representable_date(day in Date::MIN.to_julian_day()..=Date::MAX.to_julian_day(), n in any::<u32>()) {
        let d = from_julian(day);
        let h = Holidays::default();
        let _ = tribunal_appeal_deadline(d, Some(d), &h);
        let _ = six_months_starting_with(d);
        let _ = add_months(d, n);
        let _ = format_iso(d);
        let _ = long_date(d);
    }
}

//! The council's clock (docs/contract.md, section 7.4, `timescale`) on the national ruleset: each step the
//! council can be late with, a date not known, a last day today and yesterday, the year of
//! the coming September either side of 1 September, and 29 February.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use send_route_finder::dates::{format_iso, parse_iso_date, Date};
use send_route_finder::engine::{evaluate, report, Answers};
use send_route_finder::model::Ruleset;
use send_route_finder::parse_ruleset as load_ruleset;

fn rules() -> Ruleset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules.json"))
        .expect("read rules.json");
    load_ruleset(&text).expect("rules.json reads")
}

fn d(s: &str) -> Date {
    parse_iso_date(s).expect("a test date")
}

/// The la_handling path with these extra answers, on this day: (step, due, late, words).
fn clock(
    rules: &Ruleset,
    extra: &[(&str, &str)],
    today: &str,
) -> Option<(String, Option<String>, Option<bool>, String)> {
    let mut json = String::from(
        r#"{"role": "parent", "age": "under_16", "ehcp": "yes", "about": "la_handling", "steps_taken": ["none"], "missing_education": "no""#,
    );
    for (k, v) in extra {
        json.push_str(&format!(r#", "{k}": "{v}""#));
    }
    json.push('}');
    let answers = Answers::from_text(&json, rules).expect("answers read");
    let evaluation = evaluate(rules, &answers, d(today)).expect("evaluates");
    let t = report(rules, None, &evaluation).timescale?;
    let words = format!("{} {} {}", t.headline, t.reason, t.advice);
    Some((t.step, t.due, t.late, words))
}

fn due(rules: &Ruleset, extra: &[(&str, &str)], today: &str) -> (Option<String>, Option<bool>) {
    let (_, due, late, _) = clock(rules, extra, today).expect("a clock");
    (due, late)
}

#[test]
fn each_step_has_its_time_limit() {
    let r = rules();
    let today = "2026-11-29";
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[
                ("late_step", "assessment_decision"),
                ("clock_date", "2026-09-01"),
            ],
            "2026-10-13",
        ), // + 6 weeks
        (
            &[
                ("late_step", "plan_after_assessment"),
                ("clock_date", "2026-09-01"),
            ],
            "2027-01-19",
        ), // + 20 weeks
        (
            &[
                ("late_step", "review_decision"),
                ("clock_date", "2026-09-01"),
            ],
            "2026-09-29",
        ), // + 4 weeks
        (
            &[("late_step", "amended_plan"), ("clock_date", "2026-09-01")],
            "2026-11-24",
        ), // + 12 weeks
        (
            &[("late_step", "phase_transfer"), ("transfer_to", "school")],
            "2027-02-14",
        ),
        (
            &[("late_step", "phase_transfer"), ("transfer_to", "post_16")],
            "2027-03-30",
        ),
        (
            &[
                ("late_step", "tribunal_order"),
                ("order_kind", "assess"),
                ("clock_date", "2026-11-02"),
            ],
            "2026-11-16",
        ),
        (
            &[
                ("late_step", "tribunal_order"),
                ("order_kind", "make_plan"),
                ("clock_date", "2026-11-02"),
            ],
            "2027-01-18",
        ),
        (
            &[
                ("late_step", "tribunal_order"),
                ("order_kind", "amend_plan"),
                ("clock_date", "2026-11-02"),
            ],
            "2026-12-07",
        ),
        (
            &[
                ("late_step", "tribunal_order"),
                ("order_kind", "name_school"),
                ("clock_date", "2026-11-02"),
            ],
            "2026-11-16",
        ),
    ];
    for (extra, want) in cases {
        let (step, got, late, words) = clock(&r, extra, today).expect("a clock");
        assert_eq!(step, extra[0].1);
        assert_eq!(got.as_deref(), Some(*want), "{extra:?}");
        assert_eq!(late, Some(*want < today), "{extra:?}");
        assert!(
            words.contains(if *want < today { "late" } else { "still has" }),
            "{words}"
        );
    }
}

#[test]
fn no_clock_for_something_else_or_no_step() {
    let r = rules();
    assert!(clock(&r, &[("late_step", "other")], "2026-11-29").is_none());
    assert!(clock(&r, &[], "2026-11-29").is_none());
}

#[test]
fn a_date_not_known_gives_no_last_day() {
    let r = rules();
    for extra in [
        &[
            ("late_step", "assessment_decision"),
            ("clock_date", "unknown"),
        ][..],
        &[("late_step", "assessment_decision")][..],
        &[("late_step", "phase_transfer")][..],
        &[
            ("late_step", "tribunal_order"),
            ("clock_date", "2026-11-02"),
        ][..],
    ] {
        let (_, due, late, words) = clock(&r, extra, "2026-11-29").expect("a clock");
        assert_eq!((due, late), (None, None), "{extra:?}");
        assert!(words.contains("not known"), "{words}");
    }
}

#[test]
fn the_last_day_itself_is_not_late_and_the_day_after_is() {
    let r = rules();
    let extra = [
        ("late_step", "assessment_decision"),
        ("clock_date", "2026-09-01"),
    ];
    assert_eq!(
        due(&r, &extra, "2026-10-13"),
        (Some("2026-10-13".into()), Some(false))
    );
    assert_eq!(
        due(&r, &extra, "2026-10-14"),
        (Some("2026-10-13".into()), Some(true))
    );
    let (_, _, _, words) = clock(&r, &extra, "2026-10-13").expect("a clock");
    assert!(words.contains("that is today"), "{words}");
    let (_, _, _, words) = clock(&r, &extra, "2026-10-14").expect("a clock");
    assert!(words.contains("It is 1 day late."), "{words}");
    let (_, _, _, words) = clock(&r, &extra, "2026-11-29").expect("a clock");
    assert!(
        words
            .contains("The council had to do this by Tuesday 13 October 2026. It is 47 days late."),
        "{words}"
    );
    assert!(
        words.contains("6 weeks from Tuesday 1 September 2026 is Tuesday 13 October 2026."),
        "{words}"
    );
}

#[test]
fn the_coming_september_turns_on_1_september() {
    let r = rules();
    let school = [("late_step", "phase_transfer"), ("transfer_to", "school")];
    // On 31 August the coming September is this year's: the last day has passed.
    assert_eq!(
        due(&r, &school, "2026-08-31"),
        (Some("2026-02-14".into()), Some(true))
    );
    // From 1 September it is next year's.
    assert_eq!(
        due(&r, &school, "2026-09-01"),
        (Some("2027-02-14".into()), Some(false))
    );
    let post16 = [("late_step", "phase_transfer"), ("transfer_to", "post_16")];
    assert_eq!(
        due(&r, &post16, "2027-01-10"),
        (Some("2027-03-30".into()), Some(false))
    );
    assert_eq!(
        due(&r, &post16, "2027-03-31"),
        (Some("2027-03-30".into()), Some(true))
    );
    // From September to December, a move that happened this September is already late.
    let (_, _, _, words) = clock(&r, &school, "2026-11-29").expect("a clock");
    assert!(words.contains("For a move that happened this September, the time limit was Saturday 14 February 2026."), "{words}");
    let (_, _, _, words) = clock(&r, &school, "2027-01-10").expect("a clock");
    assert!(!words.contains("this September"), "{words}");
}

#[test]
fn twenty_ninth_of_february() {
    let r = rules();
    let extra = [
        ("late_step", "review_decision"),
        ("clock_date", "2028-02-29"),
    ];
    assert_eq!(
        due(&r, &extra, "2028-03-01"),
        (Some("2028-03-28".into()), Some(false))
    );
    let extra = [
        ("late_step", "plan_after_assessment"),
        ("clock_date", "2027-10-12"),
    ];
    // 20 weeks on is 29 February 2028.
    assert_eq!(
        due(&r, &extra, "2028-03-01"),
        (Some("2028-02-29".into()), Some(true))
    );
    assert_eq!(format_iso(d("2028-02-29")), "2028-02-29");
}

#[test]
fn milestones_on_the_way_are_dated_and_told_when_missed() {
    let r = rules();
    // A Tribunal order for a plan on 1 October 2026: the draft by 5 November (5 weeks), the
    // final plan by 17 December (11 weeks). On 29 November the council is not late with the
    // plan, but has missed the draft.
    let json = r#"{"role": "parent", "age": "under_16", "ehcp": "yes", "about": "la_handling", "steps_taken": ["none"], "missing_education": "no", "late_step": "tribunal_order", "order_kind": "make_plan", "clock_date": "2026-10-01"}"#;
    let answers = Answers::from_text(json, &r).expect("answers");
    let evaluation = evaluate(&r, &answers, d("2026-11-29")).expect("evaluates");
    let t = report(&r, None, &evaluation).timescale.expect("a clock");
    assert_eq!(
        (t.due.as_deref(), t.late),
        (Some("2026-12-17"), Some(false))
    );
    assert_eq!(t.milestones, ["The council had to send you the draft plan by Thursday 5 November 2026. That day has passed."]);
    assert!(
        t.headline.ends_with("That day has passed."),
        "{}",
        t.headline
    );
    assert!(t.advice.contains("already missed"), "{}", t.advice);
    // Before 5 November, the draft is still to come.
    let evaluation = evaluate(&r, &answers, d("2026-10-20")).expect("evaluates");
    let t = report(&r, None, &evaluation).timescale.expect("a clock");
    assert_eq!(
        t.milestones,
        ["The council must send you the draft plan by Thursday 5 November 2026."]
    );
    assert!(t.advice.contains("still has time"), "{}", t.advice);
    // A step whose time limit the answers do not name says so, not that a date is missing.
    let (_, _, _, words) =
        clock(&r, &[("late_step", "phase_transfer")], "2026-11-29").expect("a clock");
    assert!(words.contains("your answers do not say"), "{words}");
}

//! The law, checked on every path of the national ruleset (and each council's): no text
//! suggests an appeal where there is none (finding W1), every last day says how it was
//! worked out, and the letters name the duty and the law.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use std::collections::BTreeMap;

use send_route_finder::dates::Date;
use send_route_finder::engine::long_date;
use send_route_finder::engine::paths::{enumerate, PathOptions};
use send_route_finder::engine::{report, Answer, Report};
use send_route_finder::model::{apply_overlay, Ruleset};
use send_route_finder::{parse_overlay as load_overlay, parse_ruleset as load_ruleset};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("read")
}

fn rules() -> Ruleset {
    load_ruleset(&read("rules.json")).expect("rules.json reads")
}

/// The ruleset with each council's overlay, and on its own.
fn every_ruleset() -> Vec<(String, Ruleset)> {
    let mut out = vec![("national".to_string(), rules())];
    let dir = format!("{}/www/councils", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("councils")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        let overlay =
            load_overlay(&std::fs::read_to_string(&f).expect("read")).expect("overlay reads");
        let (merged, problems) = apply_overlay(&rules(), &overlay);
        assert!(problems.is_empty(), "{problems:?}");
        out.push((f.display().to_string(), merged));
    }
    out
}

/// Every text a family reads on the results, one per entry.
fn texts(r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(r.together.clone());
    out.extend(r.rights_note.clone());
    if let Some(t) = &r.timescale {
        out.extend([
            t.headline.clone(),
            t.duty.clone(),
            t.reason.clone(),
            t.advice.clone(),
        ]);
        out.extend(t.exceptions.clone());
        out.extend(t.note.clone());
    }
    for route in &r.routes {
        out.extend([route.title.clone(), route.summary.clone()]);
        out.extend(route.why.iter().cloned());
        out.extend(route.steps.iter().cloned());
        out.extend(route.time_limit.clone());
        out.extend(route.deadline_note.clone());
        out.extend(route.letter.as_ref().map(|l| l.text.clone()));
        for c in &route.contacts {
            out.extend(c.about.clone());
        }
    }
    for c in &r.help {
        out.extend(c.about.clone());
    }
    out
}

/// Sentences that speak of an appeal and are not one of the ways of saying there is none
/// here, or of an appeal that is not the First-tier Tribunal (SEND)'s.
fn suggests_an_appeal(text: &str) -> Vec<String> {
    const NOT_AN_APPEAL_HERE: [&str; 12] = [
        "cannot be appealed",
        "cannot appeal",
        "can't appeal",
        "no right of appeal",
        "not be appealed",
        "no appeal",
        "not appeal",
        "not something you can appeal",
        "upper tribunal",
        "appeal panel",
        "transport appeal",
        "cannot look at",
    ];
    text.split(['.', '!', '?', '\n'])
        .map(str::trim)
        .filter(|s| s.to_lowercase().contains("appeal"))
        .filter(|s| {
            !NOT_AN_APPEAL_HERE
                .iter()
                .any(|p| s.to_lowercase().contains(p))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn no_text_suggests_an_appeal_where_there_is_none() {
    for (name, rules) in every_ruleset() {
        let mut found: BTreeMap<String, String> = BTreeMap::new();
        let mut paths_without_appeal = 0;
        enumerate(&rules, &PathOptions::standard(), |answers, evaluation| {
            if evaluation.routes.iter().any(|r| r.id == "tribunal_appeal") {
                return;
            }
            paths_without_appeal += 1;
            let r = report(&rules, None, evaluation);
            for t in texts(&r) {
                for s in suggests_an_appeal(&t) {
                    found.entry(s).or_insert_with(|| answers.canonical());
                }
            }
        });
        assert!(
            paths_without_appeal > 1000,
            "{name}: {paths_without_appeal}"
        );
        let listed: Vec<String> = found
            .iter()
            .map(|(s, a)| format!("\"{s}\"  (on {a})"))
            .collect();
        assert!(
            listed.is_empty(),
            "{name}: {} sentences speak of an appeal on paths with none:\n{}",
            listed.len(),
            listed.join("\n")
        );
    }
}

#[test]
fn the_test_finds_what_it_looks_for() {
    assert_eq!(
        suggests_an_appeal("You can appeal to the Tribunal. It is free."),
        ["You can appeal to the Tribunal"]
    );
    assert_eq!(
        suggests_an_appeal("It does not change your right to appeal"),
        ["It does not change your right to appeal"]
    );
    assert!(suggests_an_appeal("These parts cannot be appealed on their own.").is_empty());
}

#[test]
fn every_last_day_says_how_it_was_worked_out() {
    let rules = rules();
    let mut checked = 0;
    let mut problems = Vec::new();
    enumerate(&rules, &PathOptions::standard(), |answers, evaluation| {
        let r = report(&rules, None, evaluation);
        for route in &r.routes {
            let Some(deadline) = &route.deadline else {
                assert!(
                    route.deadline_reason.is_none(),
                    "{}: a reason with no date",
                    route.id
                );
                continue;
            };
            checked += 1;
            let reason = route.deadline_reason.clone().unwrap_or_default();
            // It names the start date: one of the dates answered.
            let starts: Vec<String> = answers
                .iter()
                .filter_map(|(_, a)| match a {
                    Answer::Date(Some(d)) => Some(long_date(&Default::default(), *d)),
                    _ => None,
                })
                .collect();
            let names_start = starts.iter().any(|s| reason.contains(s.as_str()));
            let in_words = route.deadline_in_words.clone().unwrap_or_default();
            long_sentences(&reason, &mut problems);
            if !names_start || !reason.contains(&in_words) {
                problems.push(format!("{} {deadline}: {reason}", route.id));
            }
        }
        if let Some(t) = &r.timescale {
            long_sentences(&t.headline, &mut problems);
            long_sentences(&t.reason, &mut problems);
            if let Some(due) = &t.due_in_words {
                assert!(t.reason.contains(due.as_str()), "{}", t.reason);
            }
        }
    });
    assert!(checked > 1000, "{checked}");
    problems.truncate(5);
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The words the engine writes itself follow the ruleset's rule: no sentence over 25 words.
fn long_sentences(text: &str, problems: &mut Vec<String>) {
    for s in text.split(". ") {
        if s.split_whitespace().count() > 25 {
            problems.push(format!("over 25 words: {s}"));
        }
    }
}

/// One path's report, from answers as JSON, on a day.
fn results(rules: &Ruleset, json: &str, today: &str) -> Report {
    let answers = send_route_finder::engine::Answers::from_text(json, rules).expect("answers");
    let today: Date = send_route_finder::dates::parse_iso_date(today).expect("date");
    let evaluation =
        send_route_finder::engine::evaluate(rules, &answers, today).expect("evaluates");
    report(rules, Some("Testshire Council"), &evaluation)
}

#[test]
fn moves_are_explained_by_name() {
    let rules = rules();
    let appeal = |date: &str| {
        let r = results(
            &rules,
            &format!(
                r#"{{"role": "parent", "age": "under_16", "ehcp": "no", "about": "la_decision", "decision": "refuse_assessment", "decision_date": "{date}", "certificate": "no"}}"#
            ),
            "2026-01-05",
        );
        r.routes
            .iter()
            .find(|x| x.id == "tribunal_appeal")
            .and_then(|x| x.deadline_reason.clone())
            .unwrap_or_default()
    };
    assert!(appeal("2024-10-14").contains("Saturday 14 December 2024 is a Saturday. So the last day moves to the next working day: Monday 16 December 2024."));
    assert!(appeal("2026-10-25").contains("falls from 25 December to 1 January"));
    assert!(appeal("2026-06-15").contains("is in August"));
    assert!(appeal("2026-03-04").contains("bank holiday (Early May bank holiday)"));
}

#[test]
fn letters_name_the_duty_and_the_law() {
    let rules = rules();
    // For each letter: answers that show it, and what it must name.
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "request_assessment",
            r#"{"role": "parent", "age": "under_16", "ehcp": "no", "about": "setting_support", "setting": "maintained_school", "steps_taken": ["spoke_to_setting"]}"#,
            &["section 36 of the Children and Families Act 2014", "within 6 weeks", "regulation 5 of the SEND Regulations 2014", "Testshire Council"],
        ),
        (
            "mediation_advice",
            r#"{"role": "parent", "age": "under_16", "ehcp": "no", "about": "la_decision", "decision": "refuse_assessment", "decision_date": "2026-11-02", "certificate": "no"}"#,
            &["within 3 working days", "section 55 of the Children and Families Act 2014", "Testshire Council"],
        ),
        (
            "draft_plan_response",
            r#"{"role": "parent", "age": "under_16", "ehcp": "in_progress", "about": "la_decision", "decision": "draft_plan", "decision_date": "2026-11-20"}"#,
            &["at least 15 days", "regulation 13 of the SEND Regulations 2014"],
        ),
        (
            "transport_review",
            r#"{"role": "parent", "age": "under_16", "ehcp": "yes", "about": "la_decision", "decision": "transport", "decision_date": "2026-11-02"}"#,
            &["stage 1 review", "guidance on travel to school", "20 working days"],
        ),
        (
            "la_complaint",
            r#"{"role": "parent", "age": "under_16", "ehcp": "yes", "about": "plan_not_delivered", "not_delivered": ["education"], "setting": "maintained_school", "steps_taken": ["spoke_to_setting"]}"#,
            &["section 42(2)", "regulation 5", "Complaint Handling Code"],
        ),
        (
            "nhs_complaint",
            r#"{"role": "parent", "age": "under_16", "ehcp": "yes", "about": "plan_not_delivered", "not_delivered": ["health"], "health_section": "section_g", "setting": "maintained_school", "steps_taken": ["spoke_to_setting"]}"#,
            &["NHS complaints procedure", "section 42(3) of the Children and Families Act 2014", "3 working days"],
        ),
        (
            "children_social_care_complaint",
            r#"{"role": "parent", "age": "under_16", "ehcp": "no", "about": "social_care"}"#,
            &["stage 1 complaint", "10 working days"],
        ),
        (
            "pre_action_letter",
            r#"{"role": "parent", "age": "under_16", "ehcp": "in_progress", "about": "la_handling", "steps_taken": ["none"], "missing_education": "no", "late_step": "assessment_decision", "clock_date": "2026-09-01"}"#,
            &[
                "Pre-Action Protocol for Judicial Review",
                "the council had to decide whether to carry out an EHC needs assessment by Tuesday 13 October 2026",
                "This duty is in the SEND Regulations 2014, regulation 5(1)",
                "Testshire Council",
            ],
        ),
    ];
    for (route, answers, names) in cases {
        let r = results(&rules, answers, "2026-11-29");
        let letter = r
            .routes
            .iter()
            .find(|x| x.id == *route)
            .and_then(|x| x.letter.clone())
            .unwrap_or_else(|| panic!("{route}: no letter on these answers"));
        for name in *names {
            assert!(
                letter.text.contains(name),
                "{route}: the letter does not name \"{name}\":\n{}",
                letter.text
            );
        }
        assert!(
            !letter.text.contains('{'),
            "{route}: a placeholder left:\n{}",
            letter.text
        );
    }
    // The pre-action letter's due date is the clock's, in words.
    let r = results(&rules, cases[7].1, "2026-11-29");
    let due = r
        .timescale
        .as_ref()
        .and_then(|t| t.due_in_words.clone())
        .expect("a due date");
    let letter = r
        .routes
        .iter()
        .find(|x| x.id == "pre_action_letter")
        .and_then(|x| x.letter.clone())
        .expect("letter");
    assert!(letter.text.contains(&due), "{}", letter.text);
    // Each letter's reply period: 10 working days for a pre-action letter and a children's
    // social care complaint (stage 1), 15 for a council complaint (5 to acknowledge and 10 to
    // reply under the Ombudsman's code), 20 for a transport review.
    for (route, answers, days) in [
        ("pre_action_letter", cases[7].1, "2026-12-11"),
        ("children_social_care_complaint", cases[6].1, "2026-12-11"),
        ("la_complaint", cases[4].1, "2026-12-18"),
        // Christmas Day and the Boxing Day substitute (28 December) are not counted.
        ("transport_review", cases[3].1, "2026-12-29"),
    ] {
        let r = results(&rules, answers, "2026-11-29");
        let reply_by = r
            .routes
            .iter()
            .find(|x| x.id == route)
            .and_then(|x| x.letter.clone())
            .map(|l| l.reply_by);
        assert_eq!(reply_by.as_deref(), Some(days), "{route}");
    }
}

#[test]
fn a_parent_is_told_the_right_is_the_young_person_s_and_the_letter_is_theirs() {
    let rules = rules();
    let r = results(
        &rules,
        r#"{"role": "parent", "age": "16_to_17", "finished_year_11": "yes", "ehcp": "yes", "about": "la_decision", "decision": "cease_plan", "decision_date": "2026-11-02", "certificate": "no"}"#,
        "2026-11-29",
    );
    assert_eq!(r.rights_holder, "young_person");
    let note = r.rights_note.clone().unwrap_or_default();
    assert!(note.contains("own name") && note.contains("help"), "{note}");
    let letter = r
        .routes
        .iter()
        .find(|x| x.id == "mediation_advice")
        .and_then(|x| x.letter.clone())
        .expect("letter");
    assert!(
        letter
            .text
            .contains("a decision Testshire Council made about me"),
        "{}",
        letter.text
    );
    // The same answers with Year 11 not finished: the parent's right, no note.
    let r = results(
        &rules,
        r#"{"role": "parent", "age": "16_to_17", "finished_year_11": "no", "ehcp": "yes", "about": "la_decision", "decision": "cease_plan", "decision_date": "2026-11-02", "certificate": "no"}"#,
        "2026-11-29",
    );
    assert_eq!((r.rights_holder, r.rights_note.is_none()), ("parent", true));
}

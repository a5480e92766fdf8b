//! The law, checked on every path of the national ruleset (and each council's): no text
//! suggests an appeal where there is none (finding W1), every last day says how it was
//! worked out, and the letters name the duty and the law.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use std::collections::BTreeMap;

use send_route_finder::dates::{long_date, Date};
use send_route_finder::engine::paths::{enumerate, PathOptions};
use send_route_finder::engine::{report, Answer, Report};
use send_route_finder::model::{apply_overlay, load_overlay, load_ruleset, Ruleset};

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
                    Answer::Date(Some(d)) => Some(long_date(*d)),
                    _ => None,
                })
                .collect();
            let names_start = starts.iter().any(|s| reason.contains(s.as_str()));
            let in_words = route.deadline_in_words.clone().unwrap_or_default();
            if !names_start || !reason.contains(&in_words) {
                problems.push(format!("{} {deadline}: {reason}", route.id));
            }
        }
        if let Some(t) = &r.timescale {
            if let Some(due) = &t.due_in_words {
                assert!(t.reason.contains(due.as_str()), "{}", t.reason);
            }
        }
    });
    assert!(checked > 1000, "{checked}");
    problems.truncate(5);
    assert!(problems.is_empty(), "{problems:#?}");
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
    assert!(appeal("2024-10-14").contains("That is a Saturday, so the last day moves to the next working day: Monday 16 December 2024."));
    assert!(appeal("2026-10-25").contains("between 25 December and 1 January"));
    assert!(appeal("2026-06-15").contains("is in August"));
    assert!(appeal("2026-03-04").contains("bank holiday (Early May bank holiday)"));
}

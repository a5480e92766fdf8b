//! The outcomes of every path through the national ruleset, pinned by a checksum, so that a
//! change to what families are told shows here and is reviewed. Also: the committed JSON
//! Schemas match the types, and the flow charts name every question.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use send_route_finder::engine::paths::{enumerate, PathOptions};
use send_route_finder::parse_ruleset as load_ruleset;

/// Update only after reviewing what changed: `route-finder paths rules.json --list` before and
/// after the change, and diff the two.
const RECORDED_CHECKSUM: &str = "9a59c72b85d061e0";
const RECORDED_PATHS: usize = 121_032;
const RECORDED_OUTCOMES: usize = 713;

fn rules_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules.json"))
        .expect("read rules.json")
}

#[test]
fn every_path_of_the_national_ruleset_is_as_recorded() {
    let rules = load_ruleset(&rules_text()).expect("rules.json loads");
    let started = std::time::Instant::now();
    let summary = enumerate(&rules, &PathOptions::standard(), |_, _| {});
    println!(
        "paths: {}, outcomes: {}, checksum: {:016x}, {:.3} s (debug build)",
        summary.paths,
        summary.outcomes,
        summary.checksum,
        started.elapsed().as_secs_f64()
    );
    assert!(summary.problems.is_empty(), "{:?}", summary.problems);
    assert!(!summary.truncated);
    assert_eq!(
        (format!("{:016x}", summary.checksum), summary.paths, summary.outcomes),
        (RECORDED_CHECKSUM.to_string(), RECORDED_PATHS, RECORDED_OUTCOMES),
        "the outcomes of the ruleset changed: review the change (route-finder paths rules.json --list, before and after), then update the recorded figures"
    );
    // Every question is asked on some path, and every route shown on some path.
    for q in &rules.questions {
        assert!(summary.asked.contains(&q.id), "{} is never asked", q.id);
    }
    for r in &rules.routes {
        assert!(summary.shown.contains(&r.id), "{} is never shown", r.id);
    }
}

#[test]
fn committed_schemas_match_the_types() {
    for (file, rules) in [
        ("schema/rules.schema.json", true),
        ("schema/overlay.schema.json", false),
    ] {
        let committed = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
            .expect("read schema");
        let generated = send_route_finder::schema::schema_json(rules);
        assert_eq!(
            committed.trim_end(),
            generated.trim_end(),
            "{file} is out of date: run `cargo run --release --bin route-finder -- schema {} > {file}`",
            if rules { "rules" } else { "overlay" }
        );
    }
}

#[test]
fn the_committed_reference_for_overlay_authors_is_current() {
    let rules = load_ruleset(&rules_text()).expect("rules.json loads");
    let committed =
        std::fs::read_to_string(format!("{}/docs/reference.md", env!("CARGO_MANIFEST_DIR")))
            .expect("read docs/reference.md");
    let generated = send_route_finder::reference::markdown(&rules);
    assert!(
        committed == generated,
        "docs/reference.md is out of date: run `cargo run --release --bin route-finder -- reference rules.json > docs/reference.md`"
    );
    // Every question, answer value, route and local contact is in it, by id.
    for q in &rules.questions {
        assert!(generated.contains(&format!("### `{}`", q.id)), "{}", q.id);
        for o in &q.options {
            assert!(
                generated.contains(&format!("| `{}` |", o.value)),
                "{}",
                o.value
            );
        }
    }
    for r in &rules.routes {
        assert!(
            generated.contains(&format!("| `{}` | `{}` |", r.id, r.group)),
            "{}",
            r.id
        );
    }
    for c in rules.contacts.iter().filter(|c| c.local) {
        assert!(generated.contains(&format!("| `{}` |", c.id)), "{}", c.id);
    }
}

#[test]
fn flow_charts_name_every_question_and_every_step() {
    let rules = load_ruleset(&rules_text()).expect("rules.json loads");
    let mermaid = send_route_finder::graph::mermaid(&rules);
    let dot = send_route_finder::graph::dot(&rules);
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(dot.starts_with("digraph questionnaire {") && dot.trim_end().ends_with('}'));
    let steps: usize = rules.questions.iter().map(|q| q.next.len()).sum();
    assert_eq!(
        mermaid.matches(" --> ").count() + mermaid.matches(" -->|").count(),
        steps + 1
    );
    assert_eq!(dot.matches(" -> ").count(), steps + 1);
    for q in &rules.questions {
        assert!(mermaid.contains(&format!("q_{}[", q.id)), "{}", q.id);
        assert!(dot.contains(&format!("q_{} [label", q.id)), "{}", q.id);
    }
}

#[test]
fn one_off_bank_holidays_come_from_the_ruleset() {
    use send_route_finder::dates::parse_iso_date;
    let rules = load_ruleset(&rules_text()).expect("rules.json loads");
    let calendar = rules.holidays.calendar();
    let day = |s| parse_iso_date(s).expect("date");
    // 2022: the spring bank holiday moved from 30 May to 2 June, and 3 June was the Platinum Jubilee.
    assert!(!calendar.is_bank_holiday(day("2022-05-30")));
    assert!(calendar.is_bank_holiday(day("2022-06-02")));
    assert!(calendar.is_bank_holiday(day("2022-06-03")));
    assert!(calendar.is_bank_holiday(day("2022-09-19")));
    assert!(calendar.is_bank_holiday(day("2023-05-08")));
    // A Tribunal deadline landing on the Coronation bank holiday moves on a day.
    let deadline =
        send_route_finder::dates::tribunal_appeal_deadline(day("2023-03-08"), None, &calendar);
    assert_eq!(deadline, day("2023-05-09"));
}

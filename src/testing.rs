//! What more than one unit test needs: the scenarios of `tests/scenarios/*.json` and the
//! shipped council overlays, both found on disk (never listed by hand: adding a council or a
//! scenario file is adding the file). The overlays are found by the same code as the
//! integration tests' (`tests/common/mod.rs`, included here).

use std::path::PathBuf;

use crate::dates::{self, Date};
use crate::engine::{evaluate, report, Answers, Evaluation, Report};
use crate::model::{apply_overlay, Ruleset};
use crate::read::{parse_overlay, parse_ruleset};

// Written for the integration tests, where `pub` is how a test file reaches it.
#[allow(unreachable_pub)]
#[path = "../tests/common/mod.rs"]
mod common;

/// One scenario of a scenario file: its answers (JSON text), its today and its council.
pub(crate) struct Scenario {
    pub id: String,
    pub answers: String,
    pub today: Date,
    pub council: Option<String>,
}

/// Every scenario of the files in `tests/scenarios/` whose names start with one of
/// `prefixes` ("public" for the shared ones), in file-name order.
pub(crate) fn scenarios(prefixes: &[&str]) -> Vec<Scenario> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/scenarios can be read")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".json") && prefixes.iter().any(|x| name.starts_with(x))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a scenario file");
        let doc: serde_json::Value = serde_json::from_str(&text).expect("scenarios");
        for s in doc["scenarios"].as_array().expect("a list") {
            out.push(Scenario {
                id: s["id"].as_str().unwrap_or_default().to_string(),
                answers: s["answers"].to_string(),
                today: dates::parse_iso_date(s["today"].as_str().unwrap_or("2026-11-23"))
                    .expect("today"),
                council: s["council"].as_str().map(str::to_string),
            });
        }
    }
    assert!(!out.is_empty(), "no scenarios for {prefixes:?}");
    out
}

/// The national ruleset.
pub(crate) fn national() -> Ruleset {
    parse_ruleset(include_str!("../rules.json")).expect("rules.json")
}

/// The national ruleset with a shipped council's overlay laid over it, and the council's name.
pub(crate) fn with_council(national: &Ruleset, council: &str) -> (Ruleset, String) {
    let (_, path) = common::councils()
        .into_iter()
        .find(|(name, _)| name == council)
        .unwrap_or_else(|| panic!("no www/councils/{council}.json"));
    let overlay = parse_overlay(&std::fs::read_to_string(path).expect("overlay")).expect(council);
    (
        apply_overlay(national, &overlay).0,
        overlay.council.name.clone(),
    )
}

/// A scenario's evaluation and report on these rules, or `None` for answers the rules refuse.
pub(crate) fn run(
    rules: &Ruleset,
    s: &Scenario,
    council: Option<&str>,
) -> Option<(Evaluation, Report)> {
    let answers = Answers::from_text(&s.answers, rules).ok()?;
    let evaluation = evaluate(rules, &answers, s.today).ok()?;
    let r = report(rules, council, &evaluation);
    Some((evaluation, r))
}

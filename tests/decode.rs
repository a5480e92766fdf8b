//! The one reader (`read`) against the model's own JSON form: every shipped file reads, and
//! the model written back out as JSON (the serde `Serialize` derives, which name every field)
//! reads again to the same model. A field the reader forgot, or read into the wrong place,
//! fails here.
#![cfg(not(target_arch = "wasm32"))]

use send_route_finder::{parse_overlay, parse_ruleset};

mod common;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("read")
}

#[test]
fn shipped_files_read_and_round_trip() {
    let rules = parse_ruleset(&read("rules.json")).expect("rules.json reads");
    let written = serde_json::to_string_pretty(&rules).expect("writes");
    assert_eq!(parse_ruleset(&written).expect("reads again"), rules);
    for (c, path) in common::councils() {
        let overlay = parse_overlay(&std::fs::read_to_string(path).expect("read"))
            .unwrap_or_else(|e| panic!("{c}: {e}"));
        let written = serde_json::to_string_pretty(&overlay).expect("writes");
        assert_eq!(
            parse_overlay(&written).expect("reads again"),
            overlay,
            "{c}"
        );
    }
}

#[test]
fn every_problem_of_a_file_is_listed() {
    let text = r#"{"council": {"id": "x", "name": 5}, "last_reviewed": "2026-13-01",
        "contacts": [{"id": "a"}, {"id": "b", "name": "B", "fax": "1"}], "colour": "red",
        "texts": {"r": {"note": 1}}}"#;
    let Err(send_route_finder::read::ReadError::Fields(problems)) = parse_overlay(text) else {
        panic!("the overlay must be refused field by field");
    };
    let listed: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {}", p.path, p.message))
        .collect();
    for part in [
        "colour \"colour\" is not a field that belongs here",
        "council.name this is the number 5, but it must be a text in double quotes",
        "last_reviewed ",
        "contacts[0] the field \"name\" is missing: it is required here",
        "contacts[1].fax \"fax\" is not a field that belongs here",
        "texts.r.note this must be a text in quotes",
    ] {
        assert!(
            listed.iter().any(|l| l.starts_with(part)),
            "{part:?} not in {listed:#?}"
        );
    }
    assert_eq!(problems.len(), 6, "{listed:#?}");
}

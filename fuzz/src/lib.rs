//! What each fuzz target checks, in one place: the targets in `fuzz_targets/` call these, and
//! `tests/fuzz_regressions.rs` (stable Rust, no libFuzzer) includes this file by path to run the
//! saved crashes and the seed corpus through exactly the same calls.
//!
//! Every function here must never panic for any input; the assertions are the properties:
//! - the one JSON reader (`read::json::parse`) accepts exactly what serde_json accepts;
//! - a ruleset or overlay the one reader (`parse_ruleset` / `parse_overlay`) reads, written
//!   back as JSON with the model's serde `Serialize`, reads again to the same value (as
//!   `tests/decode.rs` checks on the shipped files);
//! - a file `route-finder check` passes is one the widget (`check::usable`) can use, giving the
//!   same merged ruleset (and the widget refuses a ruleset whose steps go round in a circle);
//! - the widget's reading of saved answers (`Answers::restore`) accepts exactly what the
//!   command line's (`Answers::from_text`) accepts, with the same answers.

use std::sync::OnceLock;

use send_route_finder::check::{self, NoPlaces, Reporter, Severity, Source};
use send_route_finder::dates::{self, Date};
use send_route_finder::engine::paths::{self, PathOptions};
use send_route_finder::engine::{self, Answers};
use send_route_finder::model::{Kind, Ruleset};
use send_route_finder::read::json;
use send_route_finder::{parse_overlay, parse_ruleset};
use serde_json::Value;

/// The national ruleset.
pub const RULES: &str = include_str!("../../rules.json");

/// The shipped council overlays, every file in `www/councils/` (name, text), read once: adding
/// a council is adding its file. This file is also compiled into the main crate's tests
/// (`tests/fuzz_regressions.rs`), so the folder is looked for from either crate's root.
pub fn councils() -> &'static [(String, String)] {
    static COUNCILS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    COUNCILS.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = [root.join("www/councils"), root.join("../www/councils")]
            .into_iter()
            .find(|d| d.is_dir())
            .expect("www/councils is next to the crate");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("www/councils can be read")
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        assert!(
            !files.is_empty(),
            "no council overlays in {}",
            dir.display()
        );
        files
            .iter()
            .map(|path| {
                let name = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let text = std::fs::read_to_string(path).expect("a council overlay can be read");
                (name, text)
            })
            .collect()
    })
}

/// The day the full check counts the age of "last reviewed" from.
fn check_day() -> Date {
    dates::parse_iso_date("2026-06-01").expect("a real date")
}

/// `json::parse` accepts exactly what serde_json accepts. `json::parse` skips one byte order
/// mark itself, so serde_json is given the text without it.
pub fn json_agrees(text: &str) {
    let ours = json::parse(text);
    let without_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let theirs = serde_json::from_str::<Value>(without_bom);
    assert_eq!(
        ours.is_ok(),
        theirs.is_ok(),
        "json::parse and serde_json disagree on {text:?}: json::parse {:?} / serde_json {:?}",
        ours.as_ref().err(),
        theirs.as_ref().err().map(ToString::to_string),
    );
}

/// What the reader read, written back as JSON, reads again to the same value.
fn round_trips<T: PartialEq + std::fmt::Debug + serde::Serialize>(
    what: &str,
    read: fn(&str) -> Result<T, send_route_finder::read::ReadError>,
    text: &str,
) {
    let Ok(value) = read(text) else {
        return;
    };
    let written = serde_json::to_string(&value).expect("the model writes as JSON");
    match read(&written) {
        Ok(again) => assert!(
            again == value,
            "the {what} read from {text:?} reads differently when written back: {written}"
        ),
        Err(e) => panic!("the {what} read from {text:?} is refused when written back: {e}"),
    }
}

/// The most paths a ruleset may have for the fuzz targets to give it the full check, with the
/// walk of every path (layer 4). The walk costs about 0.2 ms a path in the fuzzing build, and
/// rules.json has some 29,000 paths (about 6 seconds a run): a ruleset with more paths, and
/// every overlay over rules.json, gets layers 1 to 3 exactly as `route-finder check` runs them
/// and a walk of its first paths only.
pub const FULL_WALK_PATHS: usize = 256;

/// The first paths of a usable ruleset, each evaluated and put into words. Returns whether
/// that was every path.
fn walk_some_paths(rules: &Ruleset, council: Option<&str>, max_paths: usize) -> bool {
    let options = PathOptions {
        max_paths,
        ..PathOptions::standard()
    };
    let summary = paths::enumerate(rules, &options, |_, evaluation| {
        let _ = engine::report(rules, council, evaluation);
    });
    !summary.truncated
}

/// A ruleset: the reader, the widget's check and the full check (`route-finder check`).
pub fn ruleset(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    json_agrees(text);
    round_trips("ruleset", parse_ruleset, text);
    let usable = check::usable(text, None);
    let source = Source {
        name: "rules.json",
        text,
    };
    // Layers 1 to 3, as `route-finder check` runs them.
    let checked = check::check_with(source, None, Some(check_day()), false);
    let Some(checked) = &checked.ruleset else {
        return;
    };
    // The widget also checks the steps between questions (circles, questions no step leads
    // to): the cheap part of layer 4. With those, it must take every ruleset check passes.
    let mut steps = Vec::new();
    check::flow::check_steps(
        checked,
        &mut Reporter::new("rules.json", &NoPlaces, &mut steps),
    );
    let steps_ok = !steps.iter().any(|d| d.severity == Severity::Error);
    match &usable {
        Ok((ruleset, None)) if steps_ok => assert!(ruleset == checked, "check and usable give different rulesets"),
        Err(_) if !steps_ok => return,
        other => panic!(
            "route-finder check (layers 1 to 3, steps ok: {steps_ok}) and the widget disagree: widget {other:?}"
        ),
    }
    // Layer 4, the walk of every path, when there are few enough of them.
    if walk_some_paths(checked, None, FULL_WALK_PATHS) {
        let full = check::check(source, None, Some(check_day()));
        if let Some(full) = &full.ruleset {
            assert!(full == checked, "the full check gives a different ruleset");
        }
    }
}

/// A council overlay over the national ruleset: the reader, the widget's check and the full
/// check without the walk of every path (see [`FULL_WALK_PATHS`]), then the first paths of the
/// merged ruleset, each evaluated and put into words with the council's name.
pub fn overlay(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    json_agrees(text);
    round_trips("overlay", parse_overlay, text);
    let usable = check::usable(RULES, Some(text));
    let checked = check::check_with(
        Source {
            name: "rules.json",
            text: RULES,
        },
        Some(Source {
            name: "council.json",
            text,
        }),
        Some(check_day()),
        false,
    );
    let Some(merged) = &checked.ruleset else {
        return;
    };
    match &usable {
        Ok((ruleset, council)) => {
            assert!(
                ruleset == merged,
                "check and usable give different merged rulesets"
            );
            assert_eq!(council, &checked.council);
        }
        Err(e) => panic!("route-finder check passes an overlay the widget refuses: {e:?}"),
    }
    walk_some_paths(merged, checked.council.as_deref(), 48);
}

/// The national ruleset, and the national ruleset with each shipped council's overlay.
fn setups() -> &'static [(Ruleset, Option<String>)] {
    static SETUPS: OnceLock<Vec<(Ruleset, Option<String>)>> = OnceLock::new();
    SETUPS.get_or_init(|| {
        let mut all = vec![check::usable(RULES, None).expect("rules.json is usable")];
        for (name, text) in councils() {
            all.push(check::usable(RULES, Some(text)).unwrap_or_else(|e| panic!("{name}: {e:?}")));
        }
        all
    })
}

/// The input read as a stream of bytes; zeros once it runs out.
struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }
}

/// A date from the bytes: mostly near now, but any date `time` can hold (years -9999 to 9999).
fn some_date(b: &mut Bytes) -> Date {
    let kind = b.byte();
    let year = match kind % 8 {
        0..=3 => 1990 + i32::from(b.byte() % 80),
        4 => 1000 + i32::from(b.u16() % 9000),
        5 => -9999 + i32::from(b.u16() % 19_999),
        6 => {
            return if b.byte().is_multiple_of(2) {
                Date::MIN
            } else {
                Date::MAX
            }
        }
        _ => 9990 + i32::from(b.byte() % 10),
    };
    let ordinal = 1 + b.u16() % 366;
    Date::from_ordinal_date(year, ordinal)
        .or_else(|_| Date::from_ordinal_date(year, 365))
        .unwrap_or(Date::MIN)
}

/// A date `n` days from `today` (either way), or the nearest end of the calendar.
fn days_from(today: Date, n: i64) -> Date {
    let day = i64::from(today.to_julian_day()) + n;
    let day = day.clamp(
        i64::from(Date::MIN.to_julian_day()),
        i64::from(Date::MAX.to_julian_day()),
    );
    i32::try_from(day)
        .ok()
        .and_then(|d| Date::from_julian_day(d).ok())
        .unwrap_or(today)
}

/// Answers built from the bytes: for each question of the ruleset, in order, one of its
/// choices, several, a date, "unknown", something wrong, or nothing, so that most inputs walk
/// far into the questions.
fn structured_answers(rules: &Ruleset, b: &mut Bytes, today: Date) -> Value {
    let mut object = serde_json::Map::new();
    for question in &rules.questions {
        let pick = b.byte();
        if pick >= 248 {
            continue; // no answer
        }
        let values: Vec<&str> = question.options.iter().map(|o| o.value.as_str()).collect();
        let value = match question.kind {
            _ if pick == 247 => Value::String(format!("not-{}", b.byte())),
            _ if pick == 246 => Value::Bool(true),
            Kind::One if values.is_empty() => Value::String(String::new()),
            Kind::One => Value::String(values[usize::from(pick) % values.len()].to_string()),
            Kind::Many => {
                let mask = b.u16();
                let mut chosen: Vec<Value> = Vec::new();
                for (i, option) in question.options.iter().enumerate() {
                    if mask & (1 << (i % 16)) != 0 {
                        chosen.push(Value::String(option.value.clone()));
                    }
                }
                // Mostly keep an exclusive choice on its own, as the widget does.
                if !pick.is_multiple_of(8) {
                    if let Some(only) = question.options.iter().find(|o| {
                        o.exclusive && chosen.iter().any(|c| c.as_str() == Some(o.value.as_str()))
                    }) {
                        chosen = vec![Value::String(only.value.clone())];
                    }
                }
                if chosen.is_empty() && !values.is_empty() && !pick.is_multiple_of(16) {
                    chosen.push(Value::String(
                        values[usize::from(pick) % values.len()].to_string(),
                    ));
                }
                Value::Array(chosen)
            }
            Kind::Date => match pick % 8 {
                0 => Value::String("unknown".into()),
                1..=4 => Value::String(dates::format_iso(days_from(
                    today,
                    -i64::from(b.u16() % 1500),
                ))),
                5 => Value::String(dates::format_iso(days_from(today, i64::from(b.u16())))),
                6 => Value::String(dates::format_iso(some_date(b))),
                _ => Value::String(format!(
                    "{:04}-{:02}-{:02}",
                    b.u16() % 10_000,
                    b.byte() % 14,
                    b.byte() % 33
                )),
            },
        };
        object.insert(question.id.clone(), value);
    }
    Value::Object(object)
}

/// Read answers against a ruleset and, when they are good, evaluate them and put the results
/// into words.
fn run_answers(rules: &Ruleset, council: Option<&str>, value: &Value, today: Date) {
    let text = value.to_string();
    let read = Answers::from_text(&text, rules);
    // The widget's quiet reading of saved answers accepts exactly what this one accepts.
    assert_eq!(Answers::restore(&text, rules).as_ref(), read.as_ref().ok());
    let Ok(answers) = read else {
        return;
    };
    // The answers write out and read back the same.
    assert_eq!(answers.canonical(), answers.to_json().to_string());
    assert_eq!(
        Answers::from_text(&answers.canonical(), rules).as_ref(),
        Ok(&answers)
    );
    if let Ok(evaluation) = engine::evaluate(rules, &answers, today) {
        let report = engine::report(rules, council, &evaluation);
        let _ = serde_json::to_string(&report);
    }
}

/// Answers from the bytes, evaluated over the national ruleset or a council's, on a `today`
/// from the bytes; and the bytes as a JSON answers object, if they are one.
pub fn evaluate(data: &[u8]) {
    let setups = setups();
    let mut b = Bytes { data, at: 0 };
    let (rules, council) = &setups[usize::from(b.byte()) % setups.len()];
    let today = some_date(&mut b);
    let value = structured_answers(rules, &mut b, today);
    run_answers(rules, council.as_deref(), &value, today);

    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            for (rules, council) in setups {
                run_answers(rules, council.as_deref(), &value, today);
            }
        }
    }
}

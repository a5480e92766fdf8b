//! What the widget checks before it starts, so that it never runs on a file `check` would
//! refuse for a reason a family could meet: the same reading and sense checks, empty texts,
//! keys written twice, and steps that go round in a circle or lead nowhere.
//!
//! Left to `route-finder check`, which councils run before they publish: line and column
//! places, warnings (links, reading age, review dates), and the walk of every path (dead ends,
//! answers that show no route), which takes too long for a phone. The widget meets those,
//! if ever, where they happen, with a message (see `ui::journey`).

use super::texts::{each_text, is_empty_text, EMPTY_TEXT};
use super::{flow, overlay, rules, NoPlaces, Reporter, Severity};
use crate::model::Ruleset;
use crate::read::json::{self, Document};
use crate::read::path::At;
use crate::read::{decode, Problem};

/// The largest ruleset or overlay the widget reads: rules.json is about 75 KB.
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// Whether a ruleset (and an overlay over it) can be used. Returns the merged ruleset and the
/// council's name, or the problems, each a sentence naming the file and the place.
pub fn usable(
    rules: &str,
    overlay: Option<&str>,
) -> Result<(Ruleset, Option<String>), Vec<String>> {
    let national = read(rules, "the ruleset", decode::ruleset)?;
    let mut diagnostics = Vec::new();
    let mut report = Reporter::new("the ruleset", &NoPlaces, &mut diagnostics);
    rules::check_ruleset(&national, &mut report);
    flow::check_steps(&national, &mut report);
    let mut council = None;
    let mut merged = national;
    if let Some(text) = overlay {
        let parsed = read(text, "the council overlay", decode::overlay)?;
        council = Some(parsed.council.name.clone());
        merged = overlay::check_overlay(
            parsed,
            merged,
            &mut Reporter::new("the council overlay", &NoPlaces, &mut diagnostics),
        );
    }
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: at {}: {}", d.file, d.path, d.message))
        .collect();
    if errors.is_empty() {
        Ok((merged, council))
    } else {
        Err(errors)
    }
}

/// Size, JSON, plain problems of the tree, then the typed reading.
fn read<T>(
    text: &str,
    what: &str,
    decode: fn(&Document) -> Result<T, Vec<Problem>>,
) -> Result<T, Vec<String>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![format!(
            "{what} is larger than 1 MB, so it cannot be a real one: check its address"
        )]);
    }
    let doc = json::parse(text).map_err(|e| {
        let at = crate::read::Lines::new(text).pos(e.at);
        vec![format!(
            "{what}: the file is not valid JSON: look at line {}, column {}",
            at.line, at.column
        )]
    })?;
    let mut problems: Vec<String> = json::duplicate_keys(&doc.value)
        .iter()
        .map(|d| format!("{what}: at {}: {TWICE}", d.path))
        .collect();
    each_text(&doc.value, &At::Root, None, &mut |s, at, _| {
        if is_empty_text(s) {
            problems.push(format!("{what}: at {}: {EMPTY_TEXT}", at.path()));
        }
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    decode(&doc).map_err(|problems| {
        problems
            .iter()
            .map(|p| format!("{what}: at {}: {}", p.path, p.message))
            .collect()
    })
}

const TWICE: &str = "this key is written twice; only one can count";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_empty_texts_and_keys_written_twice() {
        let e = usable(r#"{"a": [" ", "x"], "d": ""}"#, None).expect_err("empty");
        assert_eq!(
            e,
            [
                format!("the ruleset: at a[0]: {EMPTY_TEXT}"),
                format!("the ruleset: at d: {EMPTY_TEXT}"),
            ]
        );
        let e = usable(r#"{"b": {"c": 1, "c": 2}}"#, None).expect_err("refused");
        assert_eq!(
            e,
            ["the ruleset: at b.c: this key is written twice; only one can count"]
        );
    }

    #[test]
    fn refuses_a_file_over_the_limit() {
        let big = format!("{{\"x\": \"{}\"}}", "a".repeat(MAX_FILE_BYTES));
        let e = usable(&big, None).expect_err("too big");
        assert!(e[0].contains("larger than 1 MB"), "{e:?}");
    }
}

//! Wording follows the person: a young person is spoken to ("you"), never about ("your
//! child"). Any text a young person can see (a plain text, or the young_person version) must
//! not speak of "your child"; the parent version may.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;

mod common;

fn offending(v: &Value, under_parent: bool, path: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                offending(x, k == "parent", format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                offending(x, under_parent, format!("{path}[{i}]"), out);
            }
        }
        Value::String(s) if !under_parent => {
            let lower = s.to_lowercase();
            for phrase in ["your child", "your son", "your daughter"] {
                if lower.contains(phrase) {
                    out.push(format!("{path}: \"{s}\""));
                }
            }
        }
        _ => {}
    }
}

#[test]
fn young_people_are_spoken_to_not_about() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = vec![format!("{root}/rules.json")];
    for (_, path) in common::councils() {
        files.push(path.display().to_string());
    }
    let mut found = Vec::new();
    for f in &files {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(f).expect("read")).expect("json");
        offending(
            &v,
            false,
            f.rsplit('/').next().unwrap_or(f).to_string(),
            &mut found,
        );
    }
    assert!(
        found.is_empty(),
        "texts a young person would see that speak of them as a child:\n{}",
        found.join("\n")
    );
}

#[test]
fn texts_that_differ_by_person_really_differ() {
    // A {"parent", "young_person"} pair with the same words twice is a slip: one should change.
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules.json")).expect("read"),
    )
    .expect("json");
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let (Some(p), Some(y)) = (map.get("parent"), map.get("young_person")) {
                    if p == y {
                        out.push(p.to_string());
                    }
                }
                map.values().for_each(|x| walk(x, out));
            }
            Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut same = Vec::new();
    walk(&v, &mut same);
    assert!(same.is_empty(), "{same:?}");
}

/// A hint says only what a family needs to choose: at most two sentences (issue 15). More
/// goes in the question's `help`, folded away under "Help with this question".
#[test]
fn hints_are_at_most_two_sentences() {
    let root = env!("CARGO_MANIFEST_DIR");
    let rules: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/rules.json")).expect("read"))
            .expect("rules.json");
    let texts = |v: &Value| -> Vec<String> {
        match v {
            Value::String(s) => vec![s.clone()],
            Value::Object(m) => m
                .values()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect(),
            _ => Vec::new(),
        }
    };
    let sentences = |s: &str| {
        s.split_inclusive(['.', '!', '?'])
            .filter(|part| part.chars().any(char::is_alphanumeric))
            .count()
    };
    let mut long = Vec::new();
    let mut hints = 0;
    for q in rules["questions"].as_array().expect("questions") {
        let id = q["id"].as_str().unwrap_or("?");
        let mut all = vec![(id.to_string(), &q["hint"])];
        for o in q["options"].as_array().into_iter().flatten() {
            all.push((
                format!("{id}.{}", o["value"].as_str().unwrap_or("?")),
                &o["hint"],
            ));
        }
        for (at, hint) in all {
            for text in texts(hint) {
                hints += 1;
                if sentences(&text) > 2 {
                    long.push(format!("{at}: \"{text}\""));
                }
            }
        }
    }
    assert!(hints > 20, "only {hints} hints found");
    assert!(
        long.is_empty(),
        "hints of more than two sentences:\n{}",
        long.join("\n")
    );
}

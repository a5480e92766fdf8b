//! Property tests: random answers walked through the real questionnaire.
//!
//! - With every question answered, the walk always ends at results, with at least one route.
//! - With answers missing, evaluation stops at a question on the path that has no answer.
//! - It never panics.
//! - The result is the same as evaluating the pruned answers again.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use send_route_finder::dates::{self, Date};
use send_route_finder::engine::{evaluate, walk, Answer, Answers, EvalError, Stop};
use send_route_finder::model::{apply_overlay, Kind, Ruleset};
use send_route_finder::{parse_overlay as load_overlay, parse_ruleset as load_ruleset};

fn national() -> Ruleset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules.json"))
        .expect("read rules.json");
    load_ruleset(&text).expect("rules.json loads")
}

fn with_council(id: &str) -> Ruleset {
    let text = std::fs::read_to_string(format!(
        "{}/www/councils/{id}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("read overlay");
    let overlay = load_overlay(&text).expect("overlay loads");
    let (merged, problems) = apply_overlay(&national(), &overlay);
    assert!(problems.is_empty(), "{problems:?}");
    merged
}

/// Raw random choices, turned into answers for a ruleset: for each question a number that
/// picks a choice (or a set of choices, or a date), and whether to leave it out.
#[derive(Debug, Clone)]
struct Raw {
    picks: Vec<(u32, u32, bool)>,
    today: i64,
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        prop::collection::vec((any::<u32>(), any::<u32>(), prop::bool::weighted(0.08)), 32),
        -4000i64..4000,
    )
        .prop_map(|(picks, today)| Raw { picks, today })
}

fn base_day() -> Date {
    dates::parse_iso_date("2026-06-15").unwrap_or(Date::MIN)
}

fn answers_for(rules: &Ruleset, raw: &Raw, leave_out: bool) -> Answers {
    let mut answers = Answers::new();
    for (i, q) in rules.questions.iter().enumerate() {
        let (a, b, drop) = raw.picks[i % raw.picks.len()];
        if leave_out && drop {
            continue;
        }
        let answer = match q.kind {
            Kind::One => Answer::One(q.options[a as usize % q.options.len()].value.clone()),
            Kind::Date if a % 5 == 0 => Answer::Date(None),
            Kind::Date => Answer::Date(Some(dates::add_days(
                base_day(),
                i64::from(b % 3000) - 1500,
            ))),
            Kind::Many => {
                let exclusive: Vec<_> = q.options.iter().filter(|o| o.exclusive).collect();
                if !exclusive.is_empty() && a % 4 == 0 {
                    Answer::Many(vec![exclusive[b as usize % exclusive.len()].value.clone()])
                } else {
                    let plain: Vec<_> = q.options.iter().filter(|o| !o.exclusive).collect();
                    let mut set: Vec<String> = plain
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| b & (1 << j) != 0)
                        .map(|(_, o)| o.value.clone())
                        .collect();
                    if set.is_empty() {
                        set.push(plain[a as usize % plain.len()].value.clone());
                    }
                    Answer::Many(set)
                }
            }
        };
        answers.set(&q.id, answer);
    }
    answers
}

fn check_one(rules: &Ruleset, raw: &Raw) -> Result<(), TestCaseError> {
    let today = dates::add_days(base_day(), raw.today);
    // Every question answered: results, with at least one route.
    let full = answers_for(rules, raw, false);
    let walked = walk(rules, &full);
    prop_assert_eq!(&walked.stop, &Stop::Results);
    let evaluation = match evaluate(rules, &full, today) {
        // A choice offered only after some answers (a young person is 16 to 25) was chosen
        // after others: refused, and only such a choice is.
        Err(EvalError::NotOffered {
            question, value, ..
        }) => {
            let offered_if = rules
                .question(&question)
                .and_then(|q| q.options.iter().find(|o| o.value == value))
                .and_then(|o| o.condition.as_ref());
            prop_assert!(
                offered_if.is_some(),
                "{question} = {value} refused, but it has no condition"
            );
            prop_assert_eq!(full.one(&question), Some(value.as_str()));
            return Ok(());
        }
        other => other.map_err(|e| TestCaseError::fail(format!("{e}")))?,
    };
    prop_assert!(!evaluation.routes.is_empty(), "no routes for {:?}", full);
    // Evaluating the pruned answers again gives the same result.
    let again = evaluate(rules, &evaluation.answers, today)
        .map_err(|e| TestCaseError::fail(format!("{e}")))?;
    prop_assert_eq!(&again, &evaluation);
    // Pruned answers are exactly those on the path.
    for (q, _) in evaluation.answers.iter() {
        prop_assert!(evaluation.path.iter().any(|p| p == q));
    }
    // Some answers left out: either results as before, or stops at an unanswered question on the path.
    let partial = answers_for(rules, raw, true);
    match evaluate(rules, &partial, today) {
        Ok(e) => {
            let again = evaluate(rules, &e.answers, today)
                .map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert_eq!(again, e);
        }
        Err(EvalError::Incomplete(q)) => {
            let walked = walk(rules, &partial);
            prop_assert_eq!(walked.path.last(), Some(&q));
            prop_assert!(partial.get(&q).is_none());
        }
        Err(EvalError::NotOffered { .. }) => {}
        Err(other) => prop_assert!(false, "unexpected {other}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_answers_national(raw in raw()) {
        check_one(&national(), &raw)?;
    }

    #[test]
    fn random_answers_bedford(raw in raw()) {
        check_one(&with_council("bedford"), &raw)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Answers from JSON of any shape never panic: they are read, or refused with a message.
    #[test]
    fn any_json_answers_never_panic(keys in prop::collection::vec("[a-z_]{1,12}", 0..6), vals in prop::collection::vec(any::<u8>(), 6)) {
        let rules = national();
        let mut map = serde_json::Map::new();
        for (k, v) in keys.iter().zip(vals.iter()) {
            let value = match v % 5 {
                0 => serde_json::json!("parent"),
                1 => serde_json::json!(["none"]),
                2 => serde_json::json!("2026-02-30"),
                3 => serde_json::json!(*v),
                _ => serde_json::json!(null),
            };
            map.insert(k.clone(), value);
        }
        if let Ok(answers) = Answers::from_text(&serde_json::Value::Object(map).to_string(), &rules) {
            let _ = evaluate(&rules, &answers, base_day());
        }
    }
}

//! What a change to the rules does to families: every path through the old rules and the new,
//! compared answer for answer (`route-finder diff`).
//!
//! A path is named by its answers. A path in both whose routes, groups or last days differ is
//! a change a reviewer must look at; a path in only one means the questions themselves changed
//! (a new question, a new choice, a step moved).

use std::collections::BTreeMap;

use super::paths::{enumerate, outcome_line, PathOptions};
use crate::model::Ruleset;

/// One path that gives something different.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Changed {
    /// The answers, as compact JSON.
    pub answers: String,
    /// The outcome before and after: `route:group@last-day`, comma-separated.
    pub before: String,
    pub after: String,
}

/// The comparison.
#[derive(Debug, Clone, Default)]
pub(crate) struct RulesDiff {
    pub paths_before: usize,
    pub paths_after: usize,
    /// Paths in both with the same outcome.
    pub same: usize,
    /// Paths in both with a different outcome, in answer order.
    pub changed: Vec<Changed>,
    /// Answers that reach the results only before, or only after (with their outcome).
    pub only_before: Vec<(String, String)>,
    pub only_after: Vec<(String, String)>,
}

/// Compare every path of two rulesets, with the same sample date and today.
pub(crate) fn diff(before: &Ruleset, after: &Ruleset, options: &PathOptions) -> RulesDiff {
    let outcomes = |rules: &Ruleset| {
        let mut map = BTreeMap::new();
        let summary = enumerate(rules, options, |answers, evaluation| {
            map.insert(answers.canonical(), outcome_line(evaluation));
        });
        (summary.paths, map)
    };
    let (paths_before, old) = outcomes(before);
    let (paths_after, mut new) = outcomes(after);
    let mut out = RulesDiff {
        paths_before,
        paths_after,
        ..RulesDiff::default()
    };
    for (answers, was) in old {
        match new.remove(&answers) {
            Some(now) if now == was => out.same += 1,
            Some(now) => out.changed.push(Changed {
                answers,
                before: was,
                after: now,
            }),
            None => out.only_before.push((answers, was)),
        }
    }
    out.only_after = new.into_iter().collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Condition;
    use crate::read::parse_ruleset;

    fn rules() -> Ruleset {
        parse_ruleset(include_str!("../../rules.json")).expect("rules")
    }

    #[test]
    fn the_same_rules_differ_nowhere() {
        let r = rules();
        let d = diff(&r, &r, &PathOptions::standard());
        assert!(d.paths_before > 1000);
        assert_eq!(
            (
                d.same,
                d.changed.len(),
                d.only_before.len(),
                d.only_after.len()
            ),
            (d.paths_before, 0, 0, 0)
        );
    }

    #[test]
    fn a_route_shown_less_often_shows_as_changed_paths() {
        let before = rules();
        let mut after = before.clone();
        // SENDIASS only for parents: every young person's path loses it.
        let iass = after
            .routes
            .iter_mut()
            .find(|r| r.id == "iass")
            .expect("iass");
        let condition = Condition::Test(crate::model::AnswerTest::Is {
            answer: "role".into(),
            value: "parent".into(),
        });
        for w in &mut iass.when {
            w.condition = Condition::All(vec![w.condition.clone(), condition.clone()]);
        }
        let d = diff(&before, &after, &PathOptions::standard());
        assert!(!d.changed.is_empty());
        assert!(
            d.changed
                .iter()
                .all(|c| c.answers.contains("\"role\":\"young_person\"")),
            "only young people's paths change"
        );
        assert!(d
            .changed
            .iter()
            .all(|c| c.before.contains("iass:") && !c.after.contains("iass:")));
        assert_eq!(d.same + d.changed.len(), d.paths_before);
    }
}

//! Walking the questions with the answers given: which questions are on the path, and
//! where the walk stops.

use super::condition::{holds, Asked};
use super::Answers;
use crate::model::{Ruleset, RESULTS};

/// Where a walk stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Every question on the path is answered: the results can be shown.
    Results,
    /// This question is on the path and has no answer yet.
    Unanswered(String),
    /// No step out of this question holds for these answers (a fault in the ruleset).
    DeadEnd(String),
    /// The path came back to this question (a fault in the ruleset).
    Loop(String),
    /// A step leads to a question that does not exist (a fault in the ruleset).
    Missing(String),
}

/// The questions on the path, in the order asked, and where the walk stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    /// The questions asked, up to and including the one it stopped at when unanswered.
    /// Optional questions with no answer are on the path too.
    pub path: Vec<String>,
    /// Why the walk ended.
    pub stop: Stop,
}

/// Walk from the first question, following for each question the first step whose
/// condition holds. Answers to questions not on the path are never read, so an answer
/// that no longer applies cannot change the result.
pub fn walk(rules: &Ruleset, answers: &Answers) -> Walk {
    let mut path: Vec<String> = Vec::new();
    let mut at = rules.start.clone();
    loop {
        if at == RESULTS {
            return Walk {
                path,
                stop: Stop::Results,
            };
        }
        let Some(question) = rules.question(&at) else {
            return Walk {
                path,
                stop: Stop::Missing(at),
            };
        };
        if path.contains(&at) {
            return Walk {
                path,
                stop: Stop::Loop(at),
            };
        }
        path.push(at.clone());
        if answers.get(&at).is_none() && !question.optional {
            return Walk {
                path,
                stop: Stop::Unanswered(at),
            };
        }
        // Conditions may only see the answers on the path so far.
        let seen = Asked {
            answers,
            path: &path,
        };
        match question
            .next
            .iter()
            .find(|n| n.condition.as_ref().is_none_or(|c| holds(c, &seen)))
        {
            Some(next) => at = next.to.clone(),
            None => {
                return Walk {
                    path,
                    stop: Stop::DeadEnd(at),
                }
            }
        }
    }
}

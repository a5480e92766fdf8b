//! Whether a condition holds for some answers.

use super::{Answer, Answers};
use crate::model::{AnswerTest, Condition};

/// Something answers can be looked up in.
pub trait Lookup {
    /// The answer to a question, if any.
    fn answer(&self, question: &str) -> Option<&Answer>;
}

impl Lookup for Answers {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question)
    }
}

/// The answers to the questions asked so far, without copying them.
pub struct Asked<'a> {
    pub answers: &'a Answers,
    pub path: &'a [String],
}

impl Lookup for Asked<'_> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        if self.path.iter().any(|q| q == question) {
            self.answers.get(question)
        } else {
            None
        }
    }
}

/// Whether the condition holds. A test of a question with no answer is false.
pub fn holds(condition: &Condition, answers: &impl Lookup) -> bool {
    match condition {
        Condition::All(cs) => cs.iter().all(|c| holds(c, answers)),
        Condition::Any(cs) => cs.iter().any(|c| holds(c, answers)),
        Condition::Not(c) => !holds(c, answers),
        Condition::Test(t) => test_holds(t, answers),
    }
}

fn test_holds(test: &AnswerTest, answers: &impl Lookup) -> bool {
    let answer = answers.answer(test.question());
    match (test, answer) {
        (AnswerTest::Is { value, .. }, Some(Answer::One(v))) => v == value,
        (AnswerTest::In { values, .. }, Some(Answer::One(v))) => values.contains(v),
        (AnswerTest::Has { value, .. }, Some(Answer::Many(vs))) => vs.contains(value),
        (AnswerTest::HasAny { values, .. }, Some(Answer::Many(vs))) => {
            vs.iter().any(|v| values.contains(v))
        }
        (AnswerTest::Only { values, .. }, Some(Answer::Many(vs))) => {
            !vs.is_empty() && vs.iter().all(|v| values.contains(v))
        }
        (AnswerTest::Known { known, .. }, Some(Answer::Date(d))) => d.is_some() == *known,
        _ => false,
    }
}

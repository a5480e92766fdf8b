//! Whether a condition holds for some answers.

use super::{Answer, Answers};
use crate::model::{AnswerTest, Condition, Question};

/// Something answers can be looked up in.
pub(crate) trait Lookup {
    /// The answer to a question, if any.
    fn answer(&self, question: &str) -> Option<&Answer>;

    /// The state of the council's clock ("late", "not_late", "unknown"), when one applies and
    /// is known here.
    fn clock(&self) -> Option<&str> {
        None
    }

    /// Whose right it is ("parent", "young_person"), when known here.
    fn rights_holder(&self) -> Option<&str> {
        None
    }
}

/// The answers with what the engine worked out from them: the conditions of routes see both.
pub(crate) struct Outcomes<'a> {
    pub answers: &'a Answers,
    pub clock: Option<&'static str>,
    pub rights_holder: &'static str,
}

impl Lookup for Outcomes<'_> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.get(question)
    }

    fn clock(&self) -> Option<&str> {
        self.clock
    }

    fn rights_holder(&self) -> Option<&str> {
        Some(self.rights_holder)
    }
}

impl Lookup for Answers {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question)
    }
}

/// The answers to the questions asked so far, without copying them.
pub(crate) struct Asked<'a> {
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
pub(crate) fn holds(condition: &Condition, answers: &dyn Lookup) -> bool {
    match condition {
        Condition::All(cs) => cs.iter().all(|c| holds(c, answers)),
        Condition::Any(cs) => cs.iter().any(|c| holds(c, answers)),
        Condition::Not(c) => !holds(c, answers),
        Condition::Test(t) => test_holds(t, answers),
        Condition::Clock(state) => answers.clock() == Some(state.as_str()),
        Condition::RightsHolder(holder) => answers.rights_holder() == Some(holder.as_str()),
    }
}

fn test_holds(test: &AnswerTest, answers: &dyn Lookup) -> bool {
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

/// Whether every choice of an answer is offered after the earlier answers (a choice with an
/// `if` is offered only when it holds).
pub(crate) fn offers(question: &Question, answer: &Answer, before: &dyn Lookup) -> bool {
    let chosen: Vec<&str> = match answer {
        Answer::One(v) => vec![v.as_str()],
        Answer::Many(vs) => vs.iter().map(String::as_str).collect(),
        Answer::Date(_) => return true,
    };
    question
        .options
        .iter()
        .filter(|o| chosen.contains(&o.value.as_str()))
        .all(|o| o.condition.as_ref().is_none_or(|c| holds(c, before)))
}

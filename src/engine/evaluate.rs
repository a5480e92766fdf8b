//! From answers to routes: which are shown, in what order, why, and by when.

use super::condition::holds;
use super::walk::{walk, Stop};
use super::{Answer, Answers};
use crate::dates::{self, Date, Holidays};
use crate::model::{DeadlineRule, Role, Route, Ruleset};

/// Why an evaluation could not give results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalError {
    /// A question on the path has no answer yet.
    Incomplete(String),
    /// The ruleset is faulty at this question (a dead end, a loop or a missing question).
    Ruleset(Stop),
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvalError::Incomplete(q) => write!(f, "the question \"{q}\" has no answer"),
            EvalError::Ruleset(Stop::DeadEnd(q)) => {
                write!(
                    f,
                    "the ruleset has no step out of \"{q}\" for these answers"
                )
            }
            EvalError::Ruleset(Stop::Loop(q)) => {
                write!(f, "the ruleset goes round in a loop at \"{q}\"")
            }
            EvalError::Ruleset(Stop::Missing(q)) => {
                write!(
                    f,
                    "the ruleset leads to a question \"{q}\" that does not exist"
                )
            }
            EvalError::Ruleset(Stop::Unanswered(q)) => write!(f, "the question \"{q}\" has no answer"),
            EvalError::Ruleset(Stop::Results) => write!(f, "the ruleset stopped at the results"),
        }
    }
}

impl std::error::Error for EvalError {}

/// The last day of a route, as far as the answers tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeadlineOutcome {
    /// The route has no time limit the tool computes.
    None,
    /// A date it needs is not known ("I do not know").
    Unknown,
    /// The last day, and how many days from today (negative once passed).
    Date { date: Date, days_left: i64 },
}

impl DeadlineOutcome {
    /// Whether the last day is before today.
    pub fn passed(&self) -> bool {
        matches!(self, DeadlineOutcome::Date { days_left, .. } if *days_left < 0)
    }

    /// The last day, if known.
    pub fn date(&self) -> Option<Date> {
        match self {
            DeadlineOutcome::Date { date, .. } => Some(*date),
            _ => None,
        }
    }
}

/// One route on the results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The route's id.
    pub id: String,
    /// The group it is shown in.
    pub group: String,
    /// Which of the route's `when` entries hold: the reasons it applies.
    pub reasons: Vec<usize>,
    /// Its last day.
    pub deadline: DeadlineOutcome,
}

/// The results for a set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The questions on the path, in the order asked.
    pub path: Vec<String>,
    /// The answers on the path; answers off it are dropped.
    pub answers: Answers,
    /// Who is asking.
    pub role: Role,
    /// The routes, in the order the results page shows them.
    pub routes: Vec<Shown>,
    /// The day the deadlines were counted from.
    pub today: Date,
}

/// Walk the questions with these answers and work out the results.
pub fn evaluate(rules: &Ruleset, answers: &Answers, today: Date) -> Result<Evaluation, EvalError> {
    evaluate_with(rules, &rules.holidays.calendar(), answers, today)
}

/// [`evaluate`] with the bank holiday calendar already made, for callers that evaluate many
/// answers with one ruleset.
pub fn evaluate_with(
    rules: &Ruleset,
    holidays: &Holidays,
    answers: &Answers,
    today: Date,
) -> Result<Evaluation, EvalError> {
    let walked = walk(rules, answers);
    match walked.stop {
        Stop::Results => {}
        Stop::Unanswered(q) => return Err(EvalError::Incomplete(q)),
        other => return Err(EvalError::Ruleset(other)),
    }
    let pruned = answers.only(&walked.path);
    let mut shown: Vec<Shown> = Vec::new();
    for route in &rules.routes {
        let reasons: Vec<usize> = route
            .when
            .iter()
            .enumerate()
            .filter(|(_, w)| holds(&w.condition, &pruned))
            .map(|(i, _)| i)
            .collect();
        let Some(first) = reasons.first() else { continue };
        let group = route.when[*first].group.clone().unwrap_or_else(|| route.group.clone());
        let deadline = deadline_of(route, &pruned, holidays, today);
        shown.push(Shown { id: route.id.clone(), group, reasons, deadline });
    }
    // In the order of the groups, then of the routes in the ruleset; a route in a group that
    // does not exist (which `check` refuses) goes last.
    let rank = |s: &Shown| rules.groups.iter().position(|g| g.id == s.group).unwrap_or(rules.groups.len());
    let mut routes = Vec::with_capacity(shown.len());
    for r in 0..=rules.groups.len() {
        routes.extend(shown.iter().filter(|s| rank(s) == r).cloned());
    }
    Ok(Evaluation {
        role: Role::from_answer(pruned.one("role")),
        path: walked.path,
        answers: pruned,
        routes,
        today,
    })
}

/// A route's last day from the answers (contract section 3).
fn deadline_of(
    route: &Route,
    answers: &Answers,
    holidays: &Holidays,
    today: Date,
) -> DeadlineOutcome {
    let Some(rule) = &route.deadline else {
        return DeadlineOutcome::None;
    };
    let known = |q: &str| match answers.get(q) {
        Some(Answer::Date(Some(d))) => Some(*d),
        _ => None,
    };
    let date = match rule {
        DeadlineRule::TribunalAppeal {
            decision,
            has_certificate,
            certificate,
        } => {
            let with_certificate = answers.one(has_certificate) == Some("yes");
            match (known(decision), with_certificate, known(certificate)) {
                (Some(d), false, _) => Some(dates::tribunal_appeal_deadline(d, None, holidays)),
                (Some(d), true, Some(c)) => {
                    Some(dates::tribunal_appeal_deadline(d, Some(c), holidays))
                }
                _ => None,
            }
        }
        DeadlineRule::CalendarMonths { from, months } => {
            known(from).map(|d| dates::months_after(d, *months))
        }
        DeadlineRule::SixMonthsStartingWith { from } => {
            known(from).map(dates::six_months_starting_with)
        }
    };
    match date {
        Some(date) => DeadlineOutcome::Date {
            date,
            days_left: dates::days_from_to(today, date),
        },
        None => DeadlineOutcome::Unknown,
    }
}

//! From answers to routes: which are shown, in what order, why, and by when.

use super::condition::{holds, offers, Asked, Outcomes};
use super::steps::{walk, Stop};
use super::{Answer, Answers};
use crate::dates::{self, Date, Holidays, Worked};
use crate::model::{ClockRule, DeadlineRule, Role, Route, Ruleset};

/// Why an evaluation could not give results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalError {
    /// A question on the path has no answer yet.
    Incomplete(String),
    /// An answer chose a value its question does not offer after the earlier answers (a young
    /// person under 16): the answers are invalid.
    NotOffered {
        question: String,
        value: String,
        /// Why it is not offered, from the ruleset.
        why: Option<String>,
    },
    /// The ruleset is faulty at this question (a dead end, a loop or a missing question).
    Ruleset(Stop),
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvalError::Incomplete(q) => write!(f, "the question \"{q}\" has no answer"),
            EvalError::NotOffered {
                question,
                value,
                why,
            } => {
                write!(
                    f,
                    "the answer \"{value}\" to \"{question}\" does not fit the earlier answers"
                )?;
                match why {
                    Some(why) => write!(f, ": {why}"),
                    None => Ok(()),
                }
            }
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
            EvalError::Ruleset(Stop::Unanswered(q)) => {
                write!(f, "the question \"{q}\" has no answer")
            }
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
    /// How the last day was worked out, when there is one.
    pub worked: Option<Worked>,
    /// When the last day is not known but one date is: the earliest it can be, and how.
    pub earliest: Option<Worked>,
}

/// The council's clock (docs/contract.md, section 7.4, `timescale`): the last day the law gives the council
/// for the step it has not taken, and whether today is after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timescale {
    /// The answer to the clock's question, for example "assessment_decision".
    pub step: String,
    /// The index of the ruleset's clock step that applies.
    pub rule: usize,
    /// The council's last day and how it was worked out; `None` when a date is not known.
    pub due: Option<Worked>,
    /// Days from today to the last day: negative once the council is late.
    pub days_left: Option<i64>,
    /// The step's milestones that have a date: their index in the step, and the date.
    pub milestones: Vec<(usize, Date)>,
}

impl Timescale {
    /// Whether the council is late: `None` when the last day is not known.
    pub fn late(&self) -> Option<bool> {
        self.days_left.map(|d| d < 0)
    }

    /// The state a `clock` condition tests.
    pub fn state(&self) -> &'static str {
        match self.late() {
            Some(true) => "late",
            Some(false) => "not_late",
            None => "unknown",
        }
    }
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
    /// Whose right it is to appeal, to claim and to use mediation.
    pub rights_holder: Role,
    /// The council's clock, on the path that asks about it.
    pub timescale: Option<Timescale>,
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
pub(crate) fn evaluate_with(
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
    offered(rules, &pruned, &walked.path)?;
    let rights_holder = match &rules.rights {
        Some(rights) if holds(&rights.young_person_if, &pruned) => Role::YoungPerson,
        _ => Role::Parent,
    };
    let timescale = timescale(rules, &pruned, today);
    let outcomes = Outcomes {
        answers: &pruned,
        clock: timescale.as_ref().map(Timescale::state),
        rights_holder: rights_holder.id(),
    };
    let mut shown: Vec<Shown> = Vec::new();
    for route in &rules.routes {
        let reasons: Vec<usize> = route
            .when
            .iter()
            .enumerate()
            .filter(|(_, w)| holds(&w.condition, &outcomes))
            .map(|(i, _)| i)
            .collect();
        let Some(first) = reasons.first() else {
            continue;
        };
        let group = route.when[*first]
            .group
            .clone()
            .unwrap_or_else(|| route.group.clone());
        let (worked, earliest) = match worked_deadline(route, &pruned, holidays) {
            Some((w, true)) => (Some(w), None),
            Some((w, false)) => (None, Some(w)),
            None => (None, None),
        };
        let deadline = match (&route.deadline, &worked) {
            (None, _) => DeadlineOutcome::None,
            (Some(_), None) => DeadlineOutcome::Unknown,
            (Some(_), Some(w)) => DeadlineOutcome::Date {
                date: w.date,
                days_left: dates::days_from_to(today, w.date),
            },
        };
        shown.push(Shown {
            id: route.id.clone(),
            group,
            reasons,
            deadline,
            worked,
            earliest,
        });
    }
    // In the order of the groups, then of the routes in the ruleset; a route in a group that
    // does not exist (which `check` refuses) goes last.
    let rank = |s: &Shown| {
        rules
            .groups
            .iter()
            .position(|g| g.id == s.group)
            .unwrap_or(rules.groups.len())
    };
    let mut routes = Vec::with_capacity(shown.len());
    for r in 0..=rules.groups.len() {
        routes.extend(shown.iter().filter(|s| rank(s) == r).cloned());
    }
    Ok(Evaluation {
        role: Role::from_answer(pruned.one("role")),
        rights_holder,
        timescale,
        path: walked.path,
        answers: pruned,
        routes,
        today,
    })
}

/// Every choice made on the path must be offered after the answers before it.
fn offered(rules: &Ruleset, answers: &Answers, path: &[String]) -> Result<(), EvalError> {
    for (i, id) in path.iter().enumerate() {
        let (Some(question), Some(answer)) = (rules.question(id), answers.get(id)) else {
            continue;
        };
        let before = Asked {
            answers,
            path: &path[..i],
        };
        if offers(question, answer, &before) {
            continue;
        }
        let not_offered = question.options.iter().find(|o| {
            let chosen = match answer {
                Answer::One(v) => v == &o.value,
                Answer::Many(vs) => vs.contains(&o.value),
                Answer::Date(_) => false,
            };
            chosen && o.condition.as_ref().is_some_and(|c| !holds(c, &before))
        });
        return Err(EvalError::NotOffered {
            question: id.clone(),
            value: not_offered.map(|o| o.value.clone()).unwrap_or_default(),
            why: not_offered.and_then(|o| o.not_offered.clone()),
        });
    }
    Ok(())
}

/// The council's clock: the first step of the ruleset's clock that fits the answers.
fn timescale(rules: &Ruleset, answers: &Answers, today: Date) -> Option<Timescale> {
    let clock = rules.clock.as_ref()?;
    let step = answers.one(&clock.question)?;
    let (rule, found) =
        clock.steps.iter().enumerate().find(|(_, s)| {
            s.step == step && s.condition.as_ref().is_none_or(|c| holds(c, answers))
        })?;
    let due = match &found.due {
        None => None,
        Some(ClockRule::Weeks { from, weeks }) => {
            known_date(answers, from).map(|d| dates::weeks_after(d, *weeks))
        }
        Some(ClockRule::BeforeComingSeptember { month, day }) => dates::month_from_number(*month)
            .and_then(|m| dates::before_coming_september(today, m, *day)),
    };
    let days_left = due.as_ref().map(|w| dates::days_from_to(today, w.date));
    let milestones = match &found.due {
        Some(ClockRule::Weeks { from, .. }) => match known_date(answers, from) {
            Some(start) => found
                .milestones
                .iter()
                .enumerate()
                .map(|(i, m)| (i, dates::weeks_after(start, m.weeks).date))
                .collect(),
            None => Vec::new(),
        },
        _ => Vec::new(),
    };
    Some(Timescale {
        step: step.to_string(),
        rule,
        due,
        days_left,
        milestones,
    })
}

fn known_date(answers: &Answers, question: &str) -> Option<Date> {
    match answers.get(question) {
        Some(Answer::Date(Some(d))) => Some(*d),
        _ => None,
    }
}

/// A route's last day from the answers, with how it was worked out (docs/contract.md, sections 3
/// and 7.3); `None` when the route has no rule or a date it needs is not known. `Some` with
/// `false`: a date is not known, but the known one gives the earliest the last day can be
/// (an appeal with only the certificate's date, or only the decision's); the contract's
/// `deadline` stays null and the words say the earliest day.
fn worked_deadline(
    route: &Route,
    answers: &Answers,
    holidays: &Holidays,
) -> Option<(Worked, bool)> {
    let known = |q: &str| known_date(answers, q);
    let exact = |w: Option<Worked>| w.map(|w| (w, true));
    match route.deadline.as_ref()? {
        DeadlineRule::TribunalAppeal {
            decision,
            has_certificate,
            certificate,
        } => {
            let with_certificate = answers.one(has_certificate) == Some("yes");
            match (known(decision), with_certificate, known(certificate)) {
                (Some(d), true, None) => Some((
                    dates::tribunal_appeal_without_certificate_date(d, holidays),
                    false,
                )),
                (None, true, Some(c)) => {
                    dates::tribunal_appeal_worked(None, Some(c), holidays).map(|w| (w, false))
                }
                (Some(d), true, Some(c)) => {
                    exact(dates::tribunal_appeal_worked(Some(d), Some(c), holidays))
                }
                (Some(d), false, _) => {
                    exact(dates::tribunal_appeal_worked(Some(d), None, holidays))
                }
                (None, _, _) => None,
            }
        }
        DeadlineRule::CalendarMonths { from, months } => {
            exact(known(from).map(|d| dates::months_worked(d, *months)))
        }
        DeadlineRule::SixMonthsStartingWith { from } => {
            exact(known(from).map(dates::six_months_worked))
        }
        DeadlineRule::WorkingDays { from, days } => {
            exact(known(from).map(|d| dates::working_days_after(d, *days, holidays)))
        }
        DeadlineRule::Days { from, days } => {
            exact(known(from).map(|d| dates::days_after(d, *days)))
        }
        DeadlineRule::TribunalDays {
            from,
            days,
            skip_holidays_if,
        } => {
            let skip = skip_holidays_if.as_ref().is_some_and(|c| holds(c, answers));
            exact(known(from).map(|d| dates::tribunal_days_after(d, *days, skip, holidays)))
        }
    }
}

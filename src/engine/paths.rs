//! Every path through the questionnaire, and a checksum over all their outcomes, so that a
//! change to the rules shows as a change to the checksum.
//!
//! A single-choice question branches on each choice; a multiple-choice question on each
//! allowed set of choices (an exclusive choice, such as "None of these", alone); a date
//! question on a sample date, an earlier date and "I do not know"; an optional question also on
//! no answer.

use crate::join::join;
use std::collections::BTreeSet;

use super::condition::{holds, offers, Asked};
use super::outcome::evaluate_with;
use super::{Answer, Answers, DeadlineOutcome, EvalError, Evaluation, Stop};
use crate::dates::{self, Date};
use crate::model::{Kind, Question, Ruleset, RESULTS};

/// What the enumeration uses for dates.
#[derive(Debug, Clone, Copy)]
pub struct PathOptions {
    /// The date given to every date question on the "known" branch.
    pub sample_date: Date,
    /// A second, earlier date for every date question, so that paths also meet time limits
    /// that have passed and a council that is late.
    pub earlier_date: Date,
    /// The day deadlines are counted from.
    pub today: Date,
    /// Stop after this many paths (the summary then says it is incomplete).
    pub max_paths: usize,
}

/// A fault found on one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProblem {
    /// The answers that lead to it.
    pub answers: Answers,
    /// What went wrong.
    pub kind: PathProblemKind,
}

/// The kinds of fault a path can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathProblemKind {
    /// No step out of this question holds.
    DeadEnd(String),
    /// The path comes back to this question.
    Loop(String),
    /// A step leads to this question, which does not exist.
    Missing(String),
    /// The path reaches the results, but no route is shown.
    NoRoutes,
}

/// What the enumeration found.
#[derive(Debug, Clone, Default)]
pub struct PathsSummary {
    /// How many paths reach the results.
    pub paths: usize,
    /// How many distinct outcomes (routes, groups and deadline states) they give.
    pub outcomes: usize,
    /// FNV-1a 64 over every path and its outcome, in enumeration order.
    pub checksum: u64,
    /// Faults found.
    pub problems: Vec<PathProblem>,
    /// The questions some path asks.
    pub asked: BTreeSet<String>,
    /// The routes some path shows.
    pub shown: BTreeSet<String>,
    /// Whether it stopped at `max_paths`.
    pub truncated: bool,
}

impl PathOptions {
    /// The options the `paths` command and the recorded checksum use.
    pub fn standard() -> PathOptions {
        let date = |s| dates::parse_iso_date(s).unwrap_or(Date::MIN);
        PathOptions {
            sample_date: date("2026-03-02"),
            earlier_date: date("2024-09-02"),
            today: date("2026-03-02"),
            max_paths: 2_000_000,
        }
    }
}

/// Enumerate every path; `visit` sees each one that reaches the results.
pub fn enumerate(
    rules: &Ruleset,
    options: &PathOptions,
    mut visit: impl FnMut(&Answers, &Evaluation),
) -> PathsSummary {
    let mut state = State {
        rules,
        calendar: rules.holidays.calendar(),
        options,
        summary: PathsSummary {
            checksum: FNV_OFFSET,
            ..PathsSummary::default()
        },
        outcomes: BTreeSet::new(),
        visit: &mut visit,
    };
    let mut answers = Answers::new();
    let mut path = Vec::new();
    state.step(&rules.start, &mut answers, &mut path);
    state.summary.outcomes = state.outcomes.len();
    state.summary
}

struct State<'a, F: FnMut(&Answers, &Evaluation)> {
    rules: &'a Ruleset,
    calendar: crate::dates::Holidays,
    options: &'a PathOptions,
    summary: PathsSummary,
    outcomes: BTreeSet<String>,
    visit: &'a mut F,
}

impl<F: FnMut(&Answers, &Evaluation)> State<'_, F> {
    fn step(&mut self, at: &str, answers: &mut Answers, path: &mut Vec<String>) {
        if self.summary.paths >= self.options.max_paths {
            self.summary.truncated = true;
            return;
        }
        if at == RESULTS {
            self.results(answers);
            return;
        }
        let Some(question) = self.rules.question(at) else {
            self.problem(answers, PathProblemKind::Missing(at.to_string()));
            return;
        };
        if path.iter().any(|q| q == at) {
            self.problem(answers, PathProblemKind::Loop(at.to_string()));
            return;
        }
        self.summary.asked.insert(at.to_string());
        path.push(at.to_string());
        for answer in domain(question, self.options) {
            // A choice the earlier answers do not offer is not a path (a young person under 16).
            let before = Asked {
                answers,
                path: &path[..path.len() - 1],
            };
            if !answer.as_ref().is_none_or(|a| offers(question, a, &before)) {
                continue;
            }
            match &answer {
                Some(a) => answers.set(at, a.clone()),
                None => answers.remove(at),
            }
            let seen = Asked { answers, path };
            match question
                .next
                .iter()
                .find(|n| n.condition.as_ref().is_none_or(|c| holds(c, &seen)))
            {
                Some(next) => {
                    let to = next.to.clone();
                    self.step(&to, answers, path);
                }
                None => self.problem(answers, PathProblemKind::DeadEnd(at.to_string())),
            }
        }
        answers.remove(at);
        path.pop();
    }

    fn results(&mut self, answers: &Answers) {
        match evaluate_with(self.rules, &self.calendar, answers, self.options.today) {
            Ok(evaluation) => {
                self.summary.paths += 1;
                if evaluation.routes.is_empty() {
                    self.problem(answers, PathProblemKind::NoRoutes);
                }
                let outcome = outcome_line(&evaluation);
                let line = format!("{} -> {outcome}\n", answers.canonical());
                self.summary.checksum = fnv1a(self.summary.checksum, line.as_bytes());
                for shown in &evaluation.routes {
                    self.summary.shown.insert(shown.id.clone());
                }
                self.outcomes.insert(outcome);
                (self.visit)(answers, &evaluation);
            }
            Err(EvalError::Incomplete(q)) => self.problem(answers, PathProblemKind::DeadEnd(q)),
            // Cannot happen: the enumeration skips choices that are not offered.
            Err(EvalError::NotOffered { question, .. }) => {
                self.problem(answers, PathProblemKind::DeadEnd(question))
            }
            // The walk above stops first at a fault in the ruleset; the question it names.
            Err(EvalError::Ruleset(stop)) => {
                let at = match stop {
                    Stop::Unanswered(q) | Stop::DeadEnd(q) | Stop::Loop(q) | Stop::Missing(q) => q,
                    Stop::Results => String::new(),
                };
                self.problem(answers, PathProblemKind::DeadEnd(at))
            }
        }
    }

    fn problem(&mut self, answers: &Answers, kind: PathProblemKind) {
        // One example of each fault is enough to point at it.
        if !self.summary.problems.iter().any(|p| p.kind == kind) {
            self.summary.problems.push(PathProblem {
                answers: answers.clone(),
                kind,
            });
        }
    }
}

/// The routes, their groups and their deadline states, as one line.
pub fn outcome_line(evaluation: &Evaluation) -> String {
    let routes: Vec<String> = evaluation
        .routes
        .iter()
        .map(|s| {
            let deadline = match s.deadline {
                DeadlineOutcome::None => String::new(),
                DeadlineOutcome::Unknown => "@unknown".into(),
                DeadlineOutcome::Date { date, .. } => format!("@{}", dates::format_iso(date)),
            };
            format!("{}:{}{deadline}", s.id, s.group)
        })
        .collect();
    join(&routes, ",") + &outcome_extras(evaluation)
}

/// Whose right it is (when the young person's) and the council's clock, after the routes.
fn outcome_extras(evaluation: &Evaluation) -> String {
    let mut out = String::new();
    if evaluation.rights_holder == crate::model::Role::YoungPerson {
        out.push_str(" rights:young_person");
    }
    if let Some(t) = &evaluation.timescale {
        out.push_str(&format!(" clock:{}:{}", t.step, t.state()));
        if let Some(w) = &t.due {
            out.push_str(&format!("@{}", dates::format_iso(w.date)));
        }
    }
    out
}

/// Every answer a question can take on a path (`None`: left unanswered, for optional questions).
fn domain(question: &Question, options: &PathOptions) -> Vec<Option<Answer>> {
    let mut out: Vec<Option<Answer>> = match question.kind {
        Kind::One => question
            .options
            .iter()
            .map(|o| Some(Answer::One(o.value.clone())))
            .collect(),
        // The sample date, an earlier one (time limits passed, the council late), and "I do
        // not know".
        Kind::Date => vec![
            Some(Answer::Date(Some(options.sample_date))),
            Some(Answer::Date(Some(options.earlier_date))),
            Some(Answer::Date(None)),
        ],
        Kind::Many => {
            let plain: Vec<&str> = question
                .options
                .iter()
                .filter(|o| !o.exclusive)
                .map(|o| o.value.as_str())
                .collect();
            let mut sets = Vec::new();
            // Up to 16 plain choices (65,535 sets); beyond that only single choices.
            if plain.len() <= 16 {
                for mask in 1u32..(1u32 << plain.len()) {
                    let set: Vec<&str> = plain
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, v)| *v)
                        .collect();
                    sets.push(set);
                }
            } else {
                sets.extend(plain.iter().map(|v| vec![*v]));
            }
            sets.extend(
                question
                    .options
                    .iter()
                    .filter(|o| o.exclusive)
                    .map(|o| vec![o.value.as_str()]),
            );
            sets.into_iter()
                .map(|set| {
                    // In the question's own order, as answers are read.
                    let ordered = question
                        .options
                        .iter()
                        .filter(|o| set.contains(&o.value.as_str()))
                        .map(|o| o.value.clone())
                        .collect();
                    Some(Answer::Many(ordered))
                })
                .collect()
        }
    };
    if question.optional {
        out.push(None);
    }
    out
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

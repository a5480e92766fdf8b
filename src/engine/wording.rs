//! The evaluation in words, for the person using the tool: what the results page shows and
//! what `route-finder evaluate` prints.

use crate::join::join;
use serde::Serialize;

use super::date_words::{explain, long_date};
use super::{Answer, Answers, DeadlineOutcome, Evaluation};
use crate::dates;
use crate::model::{Contact, InterfaceTexts, Letter, Question, Role, Ruleset, Text, Ui};
use crate::placeholder::{self, Piece, Placeholder};

/// The results, ready to show or print as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The ruleset's version and review date.
    pub ruleset: RulesetInfo,
    /// The council whose overlay was used, if any.
    pub council: Option<String>,
    /// The day deadlines were counted from.
    pub today: String,
    /// "parent" or "young_person".
    pub role: &'static str,
    /// Whose right it is to appeal to the Tribunal, to make a disability discrimination claim
    /// and to use mediation: "parent" or "young_person" (docs/contract.md, section 7.4).
    pub rights_holder: &'static str,
    /// What the person using the tool needs to know about that, when the right is not
    /// theirs; otherwise null.
    pub rights_note: Option<String>,
    /// The council's clock (docs/contract.md, section 7.4), or null.
    pub timescale: Option<TimescaleReport>,
    /// The questions asked, in order.
    pub path: Vec<String>,
    /// The answers on the path (printed as the JSON of docs/contract.md, section 1).
    pub answers: Answers,
    /// The same answers in words, in the order asked: for "Your answers" and the summary.
    pub answered: Vec<AnswerReport>,
    /// Said when more than one route can be used at the same time; otherwise null.
    pub together: Option<String>,
    /// The routes, in the order shown.
    pub routes: Vec<RouteReport>,
    /// Free, independent help.
    pub help: Vec<ContactReport>,
}

/// The council's clock, in words.
#[derive(Debug, Clone, Serialize)]
pub struct TimescaleReport {
    /// The step the council has not taken in time (the `late_step` answer).
    pub step: String,
    /// The council's last day as YYYY-MM-DD, or null when a date it needs is not known.
    pub due: Option<String>,
    /// Whether today is after that day; null when it is not known.
    pub late: Option<bool>,
    /// How the last day was worked out, in words.
    pub reason: String,
    /// The last day in words, for example "Tuesday 13 October 2026".
    pub due_in_words: Option<String>,
    /// Days from today to the last day (negative once the council is late).
    pub days_left: Option<i64>,
    /// The first line shown: "The council had to do this by ... That was 47 days ago."
    pub headline: String,
    /// What the council had to do.
    pub duty: String,
    /// When the law allows it more time.
    pub exceptions: Option<String>,
    /// Anything else to know about this step.
    pub note: Option<String>,
    /// The earlier steps with their own time limits, one sentence each: "The council had to
    /// send you the draft plan by Thursday 5 November 2026. That day has passed."
    pub milestones: Vec<String>,
    /// What the family can do now.
    pub advice: String,
    /// The law that sets the time limit.
    pub source: String,
}

/// The ruleset's version and review date.
#[derive(Debug, Clone, Serialize)]
pub struct RulesetInfo {
    pub version: String,
    pub last_reviewed: String,
}

/// One route on the results.
#[derive(Debug, Clone, Serialize)]
pub struct RouteReport {
    pub id: String,
    /// The group id ("first", "alongside", "next").
    pub group: String,
    /// The group's heading, for example "Start here".
    pub group_heading: String,
    pub title: String,
    pub summary: String,
    /// Why it applies to this family.
    pub why: Vec<String>,
    pub steps: Vec<String>,
    pub time_limit: Option<String>,
    /// The last day as YYYY-MM-DD, or null when not known or none.
    pub deadline: Option<String>,
    /// The last day in words, for example "Monday 14 December 2026".
    pub deadline_in_words: Option<String>,
    /// How the last day was worked out, in words: the start date, the period and each move
    /// (docs/contract.md, section 7.4); null when there is no last day.
    pub deadline_reason: Option<String>,
    /// Days from today to the last day (negative once passed).
    pub days_left: Option<i64>,
    /// Whether the last day has passed.
    pub passed: bool,
    /// What to know about the last day: the note beside it, how it is counted when a date is
    /// not known, or what to do now it has passed.
    pub deadline_note: Option<String>,
    pub contacts: Vec<ContactReport>,
    /// The law behind it.
    pub source: String,
    /// A first letter, filled in from the answers, when the route has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letter: Option<LetterReport>,
}

/// The routes of one group, as the results show them: the group's id and heading, and its
/// routes' places in [`Report::routes`], in the order shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteGroup<'a> {
    pub id: &'a str,
    pub heading: &'a str,
    pub routes: Vec<usize>,
}

impl Report {
    /// The routes grouped as the results page and the summary file show them: groups in the
    /// order their first route comes, routes in their own order within a group.
    pub fn groups(&self) -> Vec<RouteGroup<'_>> {
        let mut groups: Vec<RouteGroup<'_>> = Vec::new();
        for (i, route) in self.routes.iter().enumerate() {
            match groups.iter_mut().find(|g| g.id == route.group) {
                Some(g) => g.routes.push(i),
                None => groups.push(RouteGroup {
                    id: &route.group,
                    heading: &route.group_heading,
                    routes: vec![i],
                }),
            }
        }
        groups
    }
}

impl RouteReport {
    /// The last day in one short phrase, for the summary at the top of the results: "By
    /// Monday 14 December 2026", "The last day was Monday 14 December 2026", or "Last day not
    /// known: see below" when the route has a time limit but a date it counts from is not
    /// known. `None` when the route has no time limit to show.
    pub fn by_when(&self, texts: &InterfaceTexts) -> Option<String> {
        match (&self.deadline_in_words, self.passed) {
            (Some(day), false) => Some(texts.fill(Ui::ByDay, &[("day", day)])),
            (Some(day), true) => Some(texts.fill(Ui::LastDayWas, &[("day", day)])),
            (None, _) if self.deadline_note.is_some() => {
                Some(texts.get(Ui::LastDayUnknown).to_string())
            }
            (None, _) => None,
        }
    }

    /// The one thing to do first: the route's first step.
    pub fn first_step(&self) -> Option<&str> {
        self.steps.first().map(String::as_str)
    }

    /// The id of the route's part of the results page, which the summary links to.
    pub fn anchor(&self) -> String {
        format!("srf-route-{}", self.id.replace(':', "-"))
    }
}

/// A first letter, ready to change and send.
#[derive(Debug, Clone, Serialize)]
pub struct LetterReport {
    pub subject: String,
    /// The day a reply is asked for by ({reply_by}), as YYYY-MM-DD.
    pub reply_by: String,
    /// The whole letter: the subject line, then the paragraphs, a blank line between each.
    pub text: String,
}

/// One answer in words.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerReport {
    /// The question id.
    pub question: String,
    /// The question's short label, for example "Decision date".
    pub label: String,
    /// The answer: one line, or one per choice.
    pub value: Vec<String>,
}

/// A contact, in words.
#[derive(Debug, Clone, Serialize)]
pub struct ContactReport {
    pub id: String,
    pub name: String,
    pub about: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub web: Option<String>,
    pub address: Option<String>,
    pub not_known: Option<String>,
}

/// Put an evaluation into words for the person it is for.
pub fn report(rules: &Ruleset, council: Option<&str>, evaluation: &Evaluation) -> Report {
    let role = evaluation.role;
    let texts = &rules.interface_texts;
    let say = |t: &Text| t.for_role(role).to_string();
    let say_opt = |t: &Option<Text>| t.as_ref().map(say);
    let routes: Vec<RouteReport> = evaluation
        .routes
        .iter()
        .filter_map(|shown| {
            let route = rules.route(&shown.id)?;
            let group = rules.group(&shown.group);
            let (deadline, in_words, days_left) = match shown.deadline {
                DeadlineOutcome::Date { date, days_left } => (
                    Some(dates::format_iso(date)),
                    Some(long_date(texts, date)),
                    Some(days_left),
                ),
                _ => (None, None, None),
            };
            let deadline_note = match shown.deadline {
                DeadlineOutcome::None => None,
                // A date is not known: how the time limit is counted, and the earliest the
                // last day can be when the other date is known.
                DeadlineOutcome::Unknown => {
                    match (say_opt(&route.deadline_unknown), &shown.earliest) {
                        (Some(text), Some(w)) => Some(format!(
                            "{text} {}",
                            texts.fill(Ui::CountingFromKnown, &[("how", &explain(texts, w))])
                        )),
                        (None, Some(w)) => Some(explain(texts, w)),
                        (text, None) => text,
                    }
                }
                DeadlineOutcome::Date { days_left, .. } if days_left < 0 => {
                    say_opt(&route.deadline_passed)
                }
                DeadlineOutcome::Date { .. } => say_opt(&route.deadline_note),
            };
            Some(RouteReport {
                id: route.id.clone(),
                group: shown.group.clone(),
                group_heading: group.map(|g| g.heading.clone()).unwrap_or_default(),
                title: say(&route.title),
                summary: say(&route.summary),
                why: shown
                    .reasons
                    .iter()
                    .filter_map(|i| route.when.get(*i))
                    .map(|w| say(&w.why))
                    .collect(),
                steps: route.steps.iter().map(say).collect(),
                time_limit: say_opt(&route.time_limit),
                deadline,
                deadline_in_words: in_words,
                deadline_reason: shown
                    .worked
                    .as_ref()
                    .filter(|_| shown.deadline.date().is_some())
                    .map(|w| explain(texts, w)),
                days_left,
                passed: shown.deadline.passed(),
                deadline_note,
                contacts: route
                    .contacts
                    .iter()
                    .filter_map(|id| rules.contact(id))
                    .map(|c| contact(c, role))
                    .collect(),
                source: route.source.clone(),
                letter: route
                    .letter
                    .as_ref()
                    .map(|l| letter(l, rules, council, evaluation)),
            })
        })
        .collect();
    Report {
        ruleset: RulesetInfo {
            version: rules.version.clone(),
            last_reviewed: dates::format_iso(rules.last_reviewed.0),
        },
        council: council.map(str::to_string),
        today: dates::format_iso(evaluation.today),
        role: role.id(),
        rights_holder: evaluation.rights_holder.id(),
        rights_note: rules.rights.as_ref().and_then(|rights| {
            match (role, evaluation.rights_holder) {
                (Role::Parent, Role::YoungPerson) => Some(say(&rights.parent_using)),
                (Role::YoungPerson, Role::Parent) => Some(say(&rights.young_person_using)),
                _ => None,
            }
        }),
        timescale: timescale(rules, evaluation),
        path: evaluation.path.clone(),
        answers: evaluation.answers.clone(),
        answered: evaluation
            .path
            .iter()
            .filter_map(|id| Some((rules.question(id)?, evaluation.answers.get(id)?)))
            .map(|(q, a)| answer_in_words(q, a, role, texts))
            .collect(),
        together: (routes.len() > 1).then(|| say(&rules.together)),
        routes,
        help: rules
            .help
            .iter()
            .filter_map(|id| rules.contact(id))
            .map(|c| contact(c, role))
            .collect(),
    }
}

/// The council's clock in words.
fn timescale(rules: &Ruleset, evaluation: &Evaluation) -> Option<TimescaleReport> {
    let t = evaluation.timescale.as_ref()?;
    let clock = rules.clock.as_ref()?;
    let step = clock.steps.get(t.rule)?;
    let role = evaluation.role;
    let texts = &rules.interface_texts;
    let say = |t: &Text| t.for_role(role).to_string();
    let due = t.due.as_ref().map(|w| w.date);
    let headline = match (due, t.days_left) {
        (Some(due), Some(days)) if days < 0 => texts.fill(
            Ui::ClockLate,
            &[
                ("day", &long_date(texts, due)),
                ("days", &texts.days(-days)),
            ],
        ),
        (Some(due), Some(0)) => texts.fill(Ui::ClockToday, &[("day", &long_date(texts, due))]),
        (Some(due), Some(days)) => texts.fill(
            Ui::ClockStill,
            &[("day", &long_date(texts, due)), ("days", &texts.days(days))],
        ),
        _ if step.due.is_none() => texts.get(Ui::ClockWhich).to_string(),
        _ => texts.get(Ui::ClockNoStart).to_string(),
    };
    let milestones: Vec<(String, bool)> = t
        .milestones
        .iter()
        .filter_map(|(i, date)| {
            let what = step.milestones.get(*i)?.what.for_role(role);
            let passed = *date < evaluation.today;
            let day = long_date(texts, *date);
            let args = [("what", what), ("day", day.as_str())];
            Some(if passed {
                (texts.fill(Ui::MilestonePassed, &args), true)
            } else {
                (texts.fill(Ui::MilestoneDue, &args), false)
            })
        })
        .collect();
    let headline = match milestones.iter().find(|(_, passed)| *passed) {
        Some((missed, _)) if t.late() == Some(false) => format!("{headline} {missed}"),
        _ => headline,
    };
    let mut reason = match &t.due {
        Some(worked) => explain(texts, worked),
        None if step.due.is_none() => texts.get(Ui::ClockReasonWhich).to_string(),
        None => texts.get(Ui::ClockReasonNoStart).to_string(),
    };
    if let (Some(worked), true) = (&t.due, dates::month_number(evaluation.today.month()) >= 9) {
        if let Some(dates::Step::DayBefore { limit, .. }) = worked.steps.first() {
            let last_year = limit.replace_year(limit.year() - 1).ok();
            if let Some(earlier) = last_year.and_then(|d| d.previous_day()) {
                reason.push(' ');
                reason.push_str(
                    &texts.fill(Ui::ClockSeptember, &[("day", &long_date(texts, earlier))]),
                );
            }
        }
    }
    let missed = milestones.iter().any(|(_, passed)| *passed);
    let advice = match (t.late(), &clock.missed) {
        (Some(true), _) => say(&clock.late),
        (Some(false), Some(text)) if missed => say(text),
        (Some(false), _) => say(&clock.not_late),
        (None, _) => say(&clock.unknown),
    };
    Some(TimescaleReport {
        step: t.step.clone(),
        due: due.map(dates::format_iso),
        late: t.late(),
        reason,
        due_in_words: due.map(|d| long_date(texts, d)),
        days_left: t.days_left,
        headline,
        duty: say(&step.duty),
        exceptions: step.exceptions.as_ref().map(say),
        note: step.note.as_ref().map(say),
        milestones: milestones.into_iter().map(|(s, _)| s).collect(),
        advice,
        source: step.source.clone(),
    })
}

/// Fill in a letter's placeholders: `{today}`, `{reply_by}` (`reply_days` working days on),
/// `{council}`, `{clock_due}`, `{clock_duty}`, `{clock_source}` and `{answer:<question id>}`;
/// a value not known becomes a bracket to fill in. A letter for the rights holder is in the
/// young person's words once the right is theirs.
fn letter(
    l: &Letter,
    rules: &Ruleset,
    council: Option<&str>,
    evaluation: &Evaluation,
) -> LetterReport {
    let role = match l.writer.as_deref() {
        Some("rights_holder") => evaluation.rights_holder,
        _ => evaluation.role,
    };
    let today = evaluation.today;
    let reply_by = dates::reply_by(today, l.reply_days, &rules.holidays.calendar());
    let clock = evaluation.timescale.as_ref();
    let clock_step = clock.and_then(|t| rules.clock.as_ref()?.steps.get(t.rule));
    let texts = &rules.interface_texts;
    let fill = |t: &Text| -> String {
        let mut out = String::new();
        for piece in placeholder::pieces(t.for_role(role)) {
            let p = match piece {
                Piece::Name(name) => Placeholder::named(name),
                // Words, and a `{` left open (the check refuses it), as written.
                Piece::Words(words) | Piece::Unclosed(words) => {
                    out.push_str(words);
                    continue;
                }
            };
            match p {
                Placeholder::Today => out.push_str(&long_date(texts, today)),
                Placeholder::ReplyBy => out.push_str(&long_date(texts, reply_by)),
                Placeholder::Council => {
                    out.push_str(council.unwrap_or(texts.get(Ui::LetterCouncil)))
                }
                Placeholder::ClockDue => match clock.and_then(|t| t.due.as_ref()) {
                    Some(w) => out.push_str(&long_date(texts, w.date)),
                    None => out.push_str(texts.get(Ui::LetterClockDue)),
                },
                Placeholder::ClockDuty => match clock_step {
                    Some(step) => out.push_str(step.duty.for_role(role)),
                    None => out.push_str(texts.get(Ui::LetterClockDuty)),
                },
                Placeholder::ClockSource => match clock_step {
                    Some(step) => out.push_str(&step.source),
                    None => out.push_str(texts.get(Ui::LetterClockSource)),
                },
                Placeholder::Answer(q) => match (rules.question(q), evaluation.answers.get(q)) {
                    (Some(question), Some(a)) => out.push_str(&join(
                        &answer_in_words(question, a, role, texts).value,
                        ", ",
                    )),
                    _ => out.push_str(texts.get(Ui::LetterAnswer)),
                },
                // Not a placeholder (the check refuses it): kept as written.
                Placeholder::Unknown(name) => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
        }
        out
    };
    let subject = fill(&l.subject);
    let mut text = texts.fill(Ui::LetterSubject, &[("subject", &subject)]);
    for p in &l.paragraphs {
        text.push_str("\n\n");
        text.push_str(&fill(p));
    }
    LetterReport {
        subject,
        reply_by: dates::format_iso(reply_by),
        text,
    }
}

/// An answer as the person would say it: the choices' labels, a date in words, or the
/// question's "I do not know" label.
pub(crate) fn answer_in_words(
    q: &Question,
    a: &Answer,
    role: Role,
    texts: &InterfaceTexts,
) -> AnswerReport {
    let label = |v: &str| {
        q.options
            .iter()
            .find(|o| o.value == v)
            .map(|o| o.label.for_role(role).to_string())
            .unwrap_or_else(|| v.to_string())
    };
    let value = match a {
        Answer::One(v) => vec![label(v)],
        Answer::Many(vs) => vs.iter().map(|v| label(v)).collect(),
        Answer::Date(Some(d)) => vec![long_date(texts, *d)],
        Answer::Date(None) => vec![q
            .unknown_label
            .as_ref()
            .map(|l| l.for_role(role).to_string())
            .unwrap_or_else(|| texts.get(Ui::NotKnown).to_string())],
    };
    AnswerReport {
        question: q.id.clone(),
        label: q.summary_label.for_role(role).to_string(),
        value,
    }
}

fn contact(c: &Contact, role: Role) -> ContactReport {
    ContactReport {
        id: c.id.clone(),
        name: c.name.clone(),
        about: c.about.as_ref().map(|t| t.for_role(role).to_string()),
        phone: c.phone.clone(),
        email: c.email.clone(),
        web: c.web.clone(),
        address: c.address.clone(),
        not_known: c.not_known.clone(),
    }
}

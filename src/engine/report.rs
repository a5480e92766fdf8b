//! The evaluation in words, for the person using the tool: what the results page shows and
//! what `route-finder evaluate` prints.

use serde::Serialize;

use super::{Answer, Answers, DeadlineOutcome, Evaluation};
use crate::dates;
use crate::model::{Contact, Letter, Question, Role, Ruleset, Text};

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
    /// The questions asked, in order.
    pub path: Vec<String>,
    /// The answers on the path (printed as the JSON of contract section 1).
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

/// A first letter, ready to change and send.
#[derive(Debug, Clone, Serialize)]
pub struct LetterReport {
    pub subject: String,
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
                    Some(dates::long_date(date)),
                    Some(days_left),
                ),
                _ => (None, None, None),
            };
            let deadline_note = match shown.deadline {
                DeadlineOutcome::None => None,
                DeadlineOutcome::Unknown => say_opt(&route.deadline_unknown),
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
                letter: route.letter.as_ref().map(|l| letter(l, rules, evaluation, role)),
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
        role: match role {
            Role::Parent => "parent",
            Role::YoungPerson => "young_person",
        },
        path: evaluation.path.clone(),
        answers: evaluation.answers.clone(),
        answered: evaluation
            .path
            .iter()
            .filter_map(|id| Some((rules.question(id)?, evaluation.answers.get(id)?)))
            .map(|(q, a)| answer_in_words(q, a, role))
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

/// Fill in a letter's placeholders: `{today}`, `{reply_by}` (20 working days on) and
/// `{answer:<question id>}`; an answer not given becomes a bracket to fill in.
fn letter(l: &Letter, rules: &Ruleset, evaluation: &Evaluation, role: Role) -> LetterReport {
    let today = evaluation.today;
    let holidays = rules.holidays.calendar();
    let mut reply_by = today;
    let mut counted = 0;
    while counted < 20 {
        reply_by = dates::add_days(reply_by, 1);
        if holidays.is_working_day(reply_by) {
            counted += 1;
        }
    }
    let fill = |t: &Text| -> String {
        let mut out = String::new();
        let mut rest = t.for_role(role);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else { break };
            let name = &rest[open + 1..open + close];
            match name {
                "today" => out.push_str(&dates::long_date(today)),
                "reply_by" => out.push_str(&dates::long_date(reply_by)),
                _ => match name.strip_prefix("answer:") {
                    Some(q) => match (rules.question(q), evaluation.answers.get(q)) {
                        (Some(question), Some(a)) => out.push_str(&answer_in_words(question, a, role).value.join(", ")),
                        _ => out.push_str("[...]"),
                    },
                    None => out.push_str(&rest[open..open + close + 1]),
                },
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    };
    let subject = fill(&l.subject);
    let mut text = format!("Subject: {subject}");
    for p in &l.paragraphs {
        text.push_str("\n\n");
        text.push_str(&fill(p));
    }
    LetterReport { subject, text }
}

/// An answer as the person would say it: the choices' labels, a date in words, or the
/// question's "I do not know" label.
pub fn answer_in_words(q: &Question, a: &Answer, role: Role) -> AnswerReport {
    let label = |v: &str| q.options.iter().find(|o| o.value == v).map(|o| o.label.for_role(role).to_string()).unwrap_or_else(|| v.to_string());
    let value = match a {
        Answer::One(v) => vec![label(v)],
        Answer::Many(vs) => vs.iter().map(|v| label(v)).collect(),
        Answer::Date(Some(d)) => vec![dates::long_date(*d)],
        Answer::Date(None) => vec![q.unknown_label.as_ref().map(|l| l.for_role(role).to_string()).unwrap_or_else(|| "Not known".into())],
    };
    AnswerReport { question: q.id.clone(), label: q.summary_label.for_role(role).to_string(), value }
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

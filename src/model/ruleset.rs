//! The national ruleset: the questions, the routes, the contacts and the calendar data.

use serde::{Serialize, Serializer};

use super::{Condition, InterfaceTexts, Text};
use crate::dates::{self, Date};

/// The `to` of a question's last step: show the results.
pub const RESULTS: &str = "results";

/// The whole ruleset, as in `rules.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ruleset {
    /// The JSON Schema this file follows, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The version of this ruleset, shown on the results page (for example "1.0.0").
    pub version: String,
    /// The day someone last checked every text against the law, as YYYY-MM-DD.
    pub last_reviewed: IsoDate,
    /// Where this ruleset applies (England).
    pub jurisdiction: String,
    /// The start screen.
    pub start_screen: StartScreen,
    /// The id of the first question.
    pub start: String,
    /// The questions. Each says which question comes next.
    pub questions: Vec<Question>,
    /// The headings the results are grouped under, in the order shown.
    pub groups: Vec<Group>,
    /// Every route the results can show, in the order shown within a group.
    pub routes: Vec<Route>,
    /// The people and services a route can point to.
    pub contacts: Vec<Contact>,
    /// The contacts for free, independent help, shown at the end of every result.
    pub help: Vec<String>,
    /// Shown on the results when more than one route can be used at the same time.
    pub together: Text,
    /// Bank holidays that are not computed: one-off days and moved days.
    pub holidays: HolidayData,
    /// Whose right it is to appeal, claim and use mediation: the parent's, or the young
    /// person's once over compulsory school age, and what to tell each person about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights: Option<Rights>,
    /// The council's own time limits: what it had to do by when, worked out from the family's
    /// dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<Clock>,
    /// The interface's fixed words changed by key (see [`super::interface`]): for a second
    /// language, or plainer words. The English defaults are used for any key left out.
    #[serde(default, skip_serializing_if = "InterfaceTexts::is_empty")]
    pub interface_texts: InterfaceTexts,
}

/// Whose right it is (docs/contract.md, section 7.4, `rights_holder`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// When the rights are the young person's; the parent's otherwise.
    pub young_person_if: Condition,
    /// Shown to a parent when the rights are the young person's.
    pub parent_using: Text,
    /// Shown to a young person when the rights are still their parent's.
    pub young_person_using: Text,
    /// The law behind it.
    pub source: String,
}

/// The council's clock: the time limits the law gives the council, by step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Clock {
    /// The single-choice question that says which step the council has not done on time.
    pub question: String,
    /// What the family can do once the council is late.
    pub late: Text,
    /// What to do while the council still has time, and on the day after it runs out.
    pub not_late: Text,
    /// What to do when the date the time started is not known.
    pub unknown: Text,
    /// What to do when the last day is still to come but the council has missed one of the
    /// step's milestones (not late on the final date); `not_late` when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missed: Option<Text>,
    /// The steps; the first whose `step` is the answer and whose `if` holds applies.
    pub steps: Vec<ClockStep>,
}

/// One step the council must take in time.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClockStep {
    /// The answer to the clock's question this step is for.
    pub step: String,
    /// A further condition on the answers, when the same step has several time limits.
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// How the last day is worked out; none when the answers cannot tell it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<ClockRule>,
    /// What the council had to do, for example "decide whether to assess your child".
    pub duty: Text,
    /// When the law allows the council more time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exceptions: Option<Text>,
    /// Anything else to know about this step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Other steps with time limits of their own, counted from the same date as `due`
    /// (a `weeks` rule): after a Tribunal order for a plan, the draft is due at 5 weeks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// The law that sets the time limit.
    pub source: String,
}

/// A step on the way to the council's last day, with its own time limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Whole weeks after the clock's start date.
    pub weeks: u32,
    /// What the council must do by then, finishing "The council had to ...", for example
    /// "send you the draft plan".
    pub what: Text,
}

/// How the council's last day is worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClockRule {
    /// Whole weeks of calendar days after a date, not moved.
    Weeks {
        /// The date question it counts from.
        from: String,
        /// How many weeks.
        weeks: u32,
    },
    /// The day before a day of the year of the coming September (the year of today if today
    /// is before 1 September, else the next year): 15 February gives 14 February.
    BeforeComingSeptember {
        /// The month, 1 to 12.
        month: u8,
        /// The day of the month.
        day: u8,
    },
}

/// The start screen of the widget.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StartScreen {
    /// The heading.
    pub title: String,
    /// What the tool helps with, in a few short paragraphs.
    pub paragraphs: Vec<String>,
    /// How long it takes.
    pub time_needed: String,
    /// That the answers stay on the device.
    pub privacy: String,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One of the choices (radio buttons). The answer is a string.
    #[default]
    One,
    /// Any of the choices (checkboxes). The answer is an array of strings.
    Many,
    /// A date, or "unknown". The answer is "YYYY-MM-DD" or "unknown".
    Date,
}

/// One question, asked on a page of its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The id: the key of the answer (docs/contract.md, section 1).
    pub id: String,
    /// One, many or date.
    pub kind: Kind,
    /// The question, shown as the page heading.
    pub text: Text,
    /// A short hint under the question: only what a family needs to choose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// More about the question, folded away under "Help with this question" (the GOV.UK
    /// details component), for those who want it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// The choices, for one and many.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// For a date: the label of the "I do not know" choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown_label: Option<Text>,
    /// A question that may stay unanswered (treated as "not known").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// The error shown when Continue is pressed with no answer, GOV.UK style
    /// ("Select who is using this tool"). A general one is used when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Text>,
    /// A short name for the answer in the "Your answers" list.
    pub summary_label: Text,
    /// Where to go next: the first step whose condition holds. The last one should have no condition.
    pub next: Vec<Next>,
}

/// One choice of a question.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The value stored in the answers (docs/contract.md, section 1).
    pub value: String,
    /// What the person sees.
    pub label: Text,
    /// A hint under the choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// For many: choosing this one clears the others ("None of these").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
    /// Offered only when this holds on the earlier answers.
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Why the choice is not offered, said when answers choose it anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_offered: Option<String>,
}

/// A step from one question to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Next {
    /// When this step is taken; always, when missing.
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// The id of the next question, or "results".
    pub to: String,
}

/// A heading the results are grouped under.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The id routes use to name the group.
    pub id: String,
    /// The heading, for example "Start here".
    pub heading: String,
    /// A line under the heading.
    pub intro: Text,
}

/// A route: something the family can do.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// The id (docs/contract.md, section 2; a council's own routes start with "local:").
    pub id: String,
    /// A short title.
    pub title: Text,
    /// What it is, in two or three sentences.
    pub summary: Text,
    /// When the route is shown, and why it applies. The route shows when any of these holds;
    /// every reason that holds is shown.
    pub when: Vec<When>,
    /// The group it is shown in, unless the matching `when` says otherwise.
    pub group: String,
    /// The first steps to take.
    pub steps: Vec<Text>,
    /// The time limit, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit: Option<Text>,
    /// How the last day is worked out from the answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DeadlineRule>,
    /// Shown beside a computed last day (for example "by 5pm").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_note: Option<Text>,
    /// Shown when a date needed for the last day is not known: how the time limit is counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_unknown: Option<Text>,
    /// Shown when the last day has passed: what can still be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_passed: Option<Text>,
    /// Who runs it and how to reach them: ids of contacts.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// The law behind it, for an adviser who wants to check.
    pub source: String,
    /// For a council's own route: the id of the route it is shown after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// A first letter the family can change and send (a complaint, a request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<Letter>,
}

/// A first letter: a subject line and paragraphs. In the paragraphs, `{today}` is today's
/// date, `{reply_by}` the date `reply_days` working days on (when a reply is asked for),
/// `{answer:<question id>}` that answer in words, `{council}` the council's name, and
/// `{clock_due}`, `{clock_duty}`, `{clock_source}` the council's last day, its duty and the
/// law. Square brackets mark what the family fills in themselves, for example
/// `[what happened, with dates]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Letter {
    pub subject: Text,
    pub paragraphs: Vec<Text>,
    /// The working days the reader has to reply, for `{reply_by}` (20 when missing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_days: Option<u32>,
    /// Who the letter is written for: "rights_holder" (the young person's own words once
    /// the right is theirs, whoever uses the tool); the person using the tool when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writer: Option<String>,
}

/// One reason a route is shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct When {
    /// The answers that lead here.
    #[serde(rename = "if")]
    pub condition: Condition,
    /// Why the route applies, in words the family reads.
    pub why: Text,
    /// The group, when it differs from the route's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// How a route's last day is worked out (docs/contract.md, section 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum DeadlineRule {
    /// The later of two months after the decision and one month after the mediation
    /// certificate, then moved for Christmas, August and non-working days.
    TribunalAppeal {
        /// The date question of the decision letter.
        decision: String,
        /// The single-choice question "do you have a mediation certificate" (answer "yes").
        has_certificate: String,
        /// The date question of the certificate.
        certificate: String,
    },
    /// A number of calendar months after a date, not moved.
    CalendarMonths {
        /// The date question it counts from.
        from: String,
        /// How many months.
        months: u32,
    },
    /// Six months starting with a date: six calendar months after it, less one day.
    SixMonthsStartingWith {
        /// The date question it counts from.
        from: String,
    },
    /// The nth working day after a date (weekends and bank holidays not counted).
    WorkingDays {
        /// The date question it counts from.
        from: String,
        /// How many working days.
        days: u32,
    },
    /// A number of calendar days after a date, not moved.
    Days {
        /// The date question it counts from.
        from: String,
        /// How many days.
        days: u32,
    },
    /// The Tribunal's own count of days (HESC Rules r12): when `skip_holidays_if` holds, the
    /// days from 25 December to 1 January and in August are not counted; a last day that is
    /// not a working day moves to the next working day.
    TribunalDays {
        /// The date question it counts from.
        from: String,
        /// How many days.
        days: u32,
        /// When Christmas and August are not counted (a special educational needs case).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        skip_holidays_if: Option<Condition>,
    },
}

impl DeadlineRule {
    /// The date questions the rule reads.
    pub fn date_questions(&self) -> Vec<&str> {
        match self {
            DeadlineRule::TribunalAppeal {
                decision,
                certificate,
                ..
            } => vec![decision, certificate],
            DeadlineRule::CalendarMonths { from, .. }
            | DeadlineRule::SixMonthsStartingWith { from }
            | DeadlineRule::WorkingDays { from, .. }
            | DeadlineRule::Days { from, .. }
            | DeadlineRule::TribunalDays { from, .. } => {
                vec![from]
            }
        }
    }
}

/// A person or service to contact.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The id routes use.
    pub id: String,
    /// The name of the service.
    pub name: String,
    /// What they do for the family, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Text>,
    /// A phone number as people dial it, for example "0300 061 0614".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// An email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A web page (https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    /// A postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// A national placeholder that each council's overlay should fill with its own details.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub local: bool,
    /// Said instead of details that are not known (for example "The council's page gives no phone number.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_known: Option<String>,
}

/// Bank holidays kept as data.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HolidayData {
    /// Where the dates come from.
    pub source: String,
    /// Extra bank holidays in England and Wales that the usual rules do not give.
    #[serde(default)]
    pub extra: Vec<OneOffHoliday>,
    /// Usual bank holidays that were moved away in one year.
    #[serde(default)]
    pub cancelled: Vec<OneOffHoliday>,
}

/// One bank holiday kept as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OneOffHoliday {
    /// The day, as YYYY-MM-DD.
    pub date: IsoDate,
    /// Its name.
    pub name: String,
}

impl HolidayData {
    /// The calendar the deadline rules use.
    pub fn calendar(&self) -> dates::Holidays {
        let one_off = |list: &[OneOffHoliday]| {
            list.iter()
                .map(|h| dates::OneOff {
                    date: h.date.0,
                    name: h.name.clone(),
                })
                .collect()
        };
        dates::Holidays::new(one_off(&self.extra), one_off(&self.cancelled))
    }
}

/// A date written as YYYY-MM-DD in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate(pub Date);

/// The earliest date: only a place holder, as for the widget's reader, which fills in every
/// field of a new value in turn.
impl Default for IsoDate {
    fn default() -> Self {
        IsoDate(Date::MIN)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&dates::format_iso(self.0))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for IsoDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A date as YYYY-MM-DD, for example 2026-11-23."
        })
    }
}

impl Ruleset {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The route with this id.
    pub fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.id == id)
    }

    /// The contact with this id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}

impl Question {
    /// Whether this question offers the value.
    pub fn offers(&self, value: &str) -> bool {
        self.options.iter().any(|o| o.value == value)
    }
}

//! The state of one person's journey through the questions, and every way it can change.
//!
//! Plain Rust with no browser in it, so it is tested natively and fast; the Yew components
//! only show a [`Journey`] and send it [`Action`]s (the reducer pattern of Yew's
//! function_todomvc example). The law stays in the engine: this module only moves between
//! screens and turns what was typed into answers.

use std::rc::Rc;

use crate::dates::{self, Date};
use crate::engine::{self, walk, Answer, Answers, Report, Stop};
use crate::model::{Kind, Question, Role, Ruleset};

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// What the tool does, and a Start button.
    Start,
    /// One question, by id.
    Question(String),
    /// The routes.
    Results,
}

/// What has been typed or chosen on the current question, before Continue.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Draft {
    /// No question on screen.
    #[default]
    Empty,
    /// The chosen value of a single-choice question.
    One(Option<String>),
    /// The chosen values of a multiple-choice question.
    Many(Vec<String>),
    /// The three boxes of a date, and the "I do not know" box.
    Date {
        day: String,
        month: String,
        year: String,
        unknown: bool,
    },
}

/// A part of a date input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

/// A problem with what was entered, shown in the error summary and beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the input the summary links to.
    pub target: String,
    /// What to do, in GOV.UK style ("Select ...", "Enter ...").
    pub message: String,
    /// Which date boxes are wrong, to mark them.
    pub parts: Vec<DatePart>,
}

/// Where focus goes after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The new screen's heading.
    Heading,
    /// The error summary.
    Errors,
}

/// Everything a person can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Press Start on the start screen.
    Start,
    /// Choose a value of a single-choice question.
    Choose(String),
    /// Tick or untick a value of a multiple-choice question.
    Toggle(String),
    /// Type into a date box.
    Type(DatePart, String),
    /// Tick or untick "I do not know" under a date.
    Unknown(bool),
    /// Press Continue.
    Continue,
    /// Follow the Back link.
    Back,
    /// Follow a Change link on the results.
    Change(String),
    /// Start again: all answers are forgotten.
    StartAgain,
    /// Open with answers kept earlier (on this device, or in a link): the results when they
    /// answer every question on the path, otherwise the first question they leave open.
    /// Answers that do not fit the ruleset are ignored: the journey starts afresh.
    Restore(Answers),
    /// The answers were saved on this device (true) or the saved copy was deleted (false).
    Saved(bool),
}

/// One person's journey.
#[derive(Debug, Clone)]
pub struct Journey {
    pub rules: Rc<Ruleset>,
    /// The council's name, when an overlay is used.
    pub council: Option<String>,
    /// The day deadlines count from.
    pub today: Date,
    pub answers: Answers,
    pub screen: Screen,
    pub draft: Draft,
    pub errors: Vec<FieldError>,
    /// After a Change link: go back to the results as soon as every question is answered.
    pub changing: bool,
    /// Counts every move between screens (and every failed Continue), so the view knows when
    /// to move focus and announce the change.
    pub moves: u32,
    pub focus: Focus,
    /// Whether the person chose to keep their answers on this device.
    pub saved: bool,
}

impl Journey {
    /// A new journey at the start screen.
    pub fn new(rules: Rc<Ruleset>, council: Option<String>, today: Date) -> Journey {
        Journey {
            rules,
            council,
            today,
            answers: Answers::new(),
            screen: Screen::Start,
            draft: Draft::Empty,
            errors: Vec::new(),
            changing: false,
            moves: 0,
            focus: Focus::Heading,
            saved: false,
        }
    }

    /// Who is asking, from the answers so far.
    pub fn role(&self) -> Role {
        Role::from_answer(self.answers.one("role"))
    }

    /// The question on screen, if any.
    pub fn question(&self) -> Option<&Question> {
        match &self.screen {
            Screen::Question(id) => self.rules.question(id),
            _ => None,
        }
    }

    /// The questions on the path, in order, up to the first without an answer.
    pub fn path(&self) -> Vec<String> {
        walk(&self.rules, &self.answers).path
    }

    /// The results, when every question on the path is answered.
    pub fn report(&self) -> Option<Report> {
        let evaluation = engine::evaluate(&self.rules, &self.answers, self.today).ok()?;
        Some(engine::report(
            &self.rules,
            self.council.as_deref(),
            &evaluation,
        ))
    }

    /// The answers on the path, for "Your answers", in the order asked.
    pub fn answered(&self) -> Vec<(&Question, &Answer)> {
        self.path()
            .iter()
            .filter_map(|id| Some((self.rules.question(id)?, self.answers.get(id)?)))
            .collect()
    }

    /// Apply an action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Start => {
                let first = self.rules.start.clone();
                self.show_question(first);
            }
            Action::Choose(v) => self.draft = Draft::One(Some(v)),
            Action::Toggle(v) => self.toggle(v),
            Action::Type(part, text) => {
                if let Draft::Date {
                    day, month, year, ..
                } = &mut self.draft
                {
                    match part {
                        DatePart::Day => *day = text,
                        DatePart::Month => *month = text,
                        DatePart::Year => *year = text,
                    }
                }
            }
            Action::Unknown(on) => {
                if let Draft::Date { unknown, .. } = &mut self.draft {
                    *unknown = on;
                }
            }
            Action::Continue => self.continue_on(),
            Action::Back => self.back(),
            Action::Change(id) => {
                self.changing = true;
                self.show_question(id);
            }
            Action::StartAgain => {
                self.answers = Answers::new();
                self.changing = false;
                self.saved = false;
                self.show(Screen::Start);
            }
            Action::Restore(answers) => {
                let walked = walk(&self.rules, &answers);
                self.answers = answers.only(&walked.path);
                match walked.stop {
                    Stop::Results if !self.answers.is_empty() => self.show_results(),
                    Stop::Unanswered(q) if !self.answers.is_empty() => self.show_question(q),
                    _ => {
                        self.answers = Answers::new();
                        self.show(Screen::Start);
                    }
                }
                // Opening the page is not a move: focus stays where the page put it.
                self.moves = 0;
            }
            Action::Saved(saved) => self.saved = saved,
        }
    }

    fn moved(&mut self, focus: Focus) {
        self.moves = self.moves.wrapping_add(1);
        self.focus = focus;
    }

    /// Show the start screen or the results: no inputs, no errors.
    fn show(&mut self, screen: Screen) {
        self.draft = Draft::Empty;
        self.errors.clear();
        self.screen = screen;
        self.moved(Focus::Heading);
    }

    fn show_question(&mut self, id: String) {
        let Some(question) = self.rules.question(&id) else {
            self.show(Screen::Start);
            return;
        };
        self.draft = draft_for(question, self.answers.get(&id));
        self.errors.clear();
        self.screen = Screen::Question(id);
        self.moved(Focus::Heading);
    }

    fn show_results(&mut self) {
        self.changing = false;
        self.show(Screen::Results);
    }

    fn toggle(&mut self, value: String) {
        let Some(question) = self.question() else {
            return;
        };
        let exclusive: Vec<String> = question
            .options
            .iter()
            .filter(|o| o.exclusive)
            .map(|o| o.value.clone())
            .collect();
        let order: Vec<String> = question.options.iter().map(|o| o.value.clone()).collect();
        if let Draft::Many(chosen) = &mut self.draft {
            if let Some(i) = chosen.iter().position(|c| *c == value) {
                chosen.remove(i);
            } else if exclusive.contains(&value) {
                // "None of these" clears the others.
                *chosen = vec![value];
            } else {
                chosen.retain(|c| !exclusive.contains(c));
                chosen.push(value);
                // Keep the question's own order.
                *chosen = order
                    .iter()
                    .filter(|o| chosen.contains(o))
                    .cloned()
                    .collect();
            }
        }
    }

    fn continue_on(&mut self) {
        let Some(question) = self.question().cloned() else {
            return;
        };
        match read_draft(&question, &self.draft, self.today, self.role()) {
            Err(error) => {
                self.errors = vec![error];
                self.moved(Focus::Errors);
            }
            Ok(answer) => {
                self.answers.set(&question.id, answer);
                self.errors.clear();
                let walked = walk(&self.rules, &self.answers);
                let next = if self.changing {
                    None
                } else {
                    walked
                        .path
                        .iter()
                        .position(|q| *q == question.id)
                        .and_then(|i| walked.path.get(i + 1))
                        .cloned()
                };
                match (next, walked.stop) {
                    (Some(q), _) => self.show_question(q),
                    (None, Stop::Unanswered(q)) => self.show_question(q),
                    (None, Stop::Results) => self.show_results(),
                    // A faulty ruleset: stay, and say so rather than break.
                    (None, _) => {
                        self.errors = vec![FieldError {
                            target: input_id(&question.id, None),
                            message: "Sorry, this tool cannot go on from here. Ask your local SENDIASS for help.".into(),
                            parts: vec![],
                        }];
                        self.moved(Focus::Errors);
                    }
                }
            }
        }
    }

    fn back(&mut self) {
        let path = self.path();
        match &self.screen {
            Screen::Start => {}
            Screen::Question(id) => {
                match path
                    .iter()
                    .position(|q| q == id)
                    .and_then(|i| i.checked_sub(1))
                    .and_then(|i| path.get(i))
                {
                    Some(previous) => {
                        let previous = previous.clone();
                        self.show_question(previous)
                    }
                    None => self.show(Screen::Start),
                }
            }
            Screen::Results => {
                if let Some(last) = path.last() {
                    let last = last.clone();
                    self.show_question(last);
                }
            }
        }
    }
}

/// The id of an input: the first choice of a question, or a date's day box, unless a value is given.
pub fn input_id(question: &str, value: Option<&str>) -> String {
    match value {
        Some(v) => format!("srf-{question}-{v}"),
        None => format!("srf-{question}"),
    }
}

/// The inputs of a question, filled from its answer when it has one.
fn draft_for(question: &Question, answer: Option<&Answer>) -> Draft {
    match (question.kind, answer) {
        (Kind::One, Some(Answer::One(v))) => Draft::One(Some(v.clone())),
        (Kind::One, _) => Draft::One(None),
        (Kind::Many, Some(Answer::Many(vs))) => Draft::Many(vs.clone()),
        (Kind::Many, _) => Draft::Many(Vec::new()),
        (Kind::Date, Some(Answer::Date(Some(d)))) => Draft::Date {
            day: d.day().to_string(),
            month: u8::from(d.month()).to_string(),
            year: d.year().to_string(),
            unknown: false,
        },
        (Kind::Date, Some(Answer::Date(None))) => Draft::Date {
            day: String::new(),
            month: String::new(),
            year: String::new(),
            unknown: true,
        },
        (Kind::Date, _) => Draft::Date {
            day: String::new(),
            month: String::new(),
            year: String::new(),
            unknown: false,
        },
    }
}

/// Turn what was entered into an answer, or say what is wrong (GOV.UK error messages).
pub fn read_draft(
    question: &Question,
    draft: &Draft,
    today: Date,
    role: Role,
) -> Result<Answer, FieldError> {
    let own = question
        .error
        .as_ref()
        .map(|t| t.for_role(role).to_string());
    let first = question.options.first().map(|o| o.value.as_str());
    let error = |message: &str, parts: Vec<DatePart>| FieldError {
        target: match question.kind {
            Kind::Date => format!("srf-{}-day", question.id),
            _ => input_id(&question.id, first),
        },
        message: message.to_string(),
        parts,
    };
    match draft {
        Draft::One(Some(v)) if question.offers(v) => Ok(Answer::One(v.clone())),
        Draft::One(_) => Err(error(own.as_deref().unwrap_or("Select one answer"), vec![])),
        Draft::Many(vs) if !vs.is_empty() && vs.iter().all(|v| question.offers(v)) => {
            Ok(Answer::Many(vs.clone()))
        }
        Draft::Many(_) => Err(error(
            own.as_deref().unwrap_or("Select at least one answer"),
            vec![],
        )),
        Draft::Date {
            unknown: true,
            day,
            month,
            year,
        } => {
            if [day, month, year].iter().any(|s| !s.trim().is_empty()) {
                Err(error(
                    "Enter a date, or tick the box if you do not know it – not both",
                    vec![],
                ))
            } else {
                Ok(Answer::Date(None))
            }
        }
        Draft::Date {
            day, month, year, ..
        } => read_date(day, month, year, today, own.as_deref())
            .map(|d| Answer::Date(Some(d)))
            .map_err(|(m, parts)| {
                let target = match parts.first() {
                    Some(DatePart::Month) => format!("srf-{}-month", question.id),
                    Some(DatePart::Year) => format!("srf-{}-year", question.id),
                    _ => format!("srf-{}-day", question.id),
                };
                FieldError {
                    target,
                    message: m,
                    parts,
                }
            }),
        Draft::Empty => Err(error("Select one answer", vec![])),
    }
}

fn read_date(
    day: &str,
    month: &str,
    year: &str,
    today: Date,
    empty: Option<&str>,
) -> Result<Date, (String, Vec<DatePart>)> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    let missing: Vec<DatePart> = [
        (DatePart::Day, day),
        (DatePart::Month, month),
        (DatePart::Year, year),
    ]
    .iter()
    .filter(|(_, s)| s.is_empty())
    .map(|(p, _)| *p)
    .collect();
    if missing.len() == 3 {
        return Err((
            empty
                .unwrap_or("Enter the date, or tick the box if you do not know it")
                .into(),
            missing,
        ));
    }
    if !missing.is_empty() {
        let names: Vec<&str> = missing
            .iter()
            .map(|p| match p {
                DatePart::Day => "a day",
                DatePart::Month => "a month",
                DatePart::Year => "a year",
            })
            .collect();
        return Err((
            format!("The date must include {}", names.join(" and ")),
            missing,
        ));
    }
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.chars().all(|c| c.is_ascii_digit()))
    };
    if year.len() != 4 || number(year).is_none() {
        return Err((
            "The year must include 4 numbers, for example 2026".into(),
            vec![DatePart::Year],
        ));
    }
    let (Some(d), Some(m), Some(y)) = (number(day), number(month), number(year)) else {
        return Err((
            "The date must be a real date".into(),
            vec![DatePart::Day, DatePart::Month, DatePart::Year],
        ));
    };
    let iso = format!("{y:04}-{m:02}-{d:02}");
    let date = dates::parse_iso_date(&iso).map_err(|_| {
        (
            "The date must be a real date".to_string(),
            vec![DatePart::Day, DatePart::Month, DatePart::Year],
        )
    })?;
    if date > today {
        return Err((
            "The date must be today or in the past".into(),
            vec![DatePart::Day, DatePart::Month, DatePart::Year],
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journey() -> Journey {
        let text = include_str!("../../rules.json");
        let rules = crate::model::load_ruleset(text).expect("rules.json loads");
        Journey::new(
            Rc::new(rules),
            None,
            dates::parse_iso_date("2026-11-23").expect("date"),
        )
    }

    fn answer_one(j: &mut Journey, v: &str) {
        j.apply(Action::Choose(v.into()));
        j.apply(Action::Continue);
    }

    #[test]
    fn a_whole_journey_reaches_the_results() {
        let mut j = journey();
        j.apply(Action::Start);
        assert_eq!(j.screen, Screen::Question("role".into()));
        for v in [
            "parent",
            "under_16",
            "in_progress",
            "la_decision",
            "refuse_plan",
        ] {
            answer_one(&mut j, v);
        }
        assert_eq!(j.screen, Screen::Question("decision_date".into()));
        j.apply(Action::Type(DatePart::Day, "14".into()));
        j.apply(Action::Type(DatePart::Month, "10".into()));
        j.apply(Action::Type(DatePart::Year, "2026".into()));
        j.apply(Action::Continue);
        answer_one(&mut j, "no");
        assert_eq!(j.screen, Screen::Results);
        let report = j.report().expect("results");
        let appeal = report
            .routes
            .iter()
            .find(|r| r.id == "tribunal_appeal")
            .expect("appeal");
        assert_eq!(appeal.deadline.as_deref(), Some("2026-12-14"));
    }

    #[test]
    fn missing_answers_and_impossible_dates_give_errors_and_stay() {
        let mut j = journey();
        j.apply(Action::Start);
        let moves = j.moves;
        j.apply(Action::Continue);
        assert_eq!(j.screen, Screen::Question("role".into()));
        assert_eq!(j.errors.len(), 1);
        assert_eq!(j.errors[0].target, "srf-role-parent");
        assert_eq!(j.focus, Focus::Errors);
        assert!(j.moves > moves);
        for v in ["parent", "under_16", "yes", "discrimination", "academy"] {
            answer_one(&mut j, v);
        }
        assert_eq!(j.screen, Screen::Question("event_date".into()));
        for (d, m, y, message) in [
            ("30", "2", "2026", "real date"),
            ("", "", "", "Enter the date it happened"),
            ("3", "", "2026", "include a month"),
            ("3", "4", "26", "4 numbers"),
            ("3", "4", "2027", "today or in the past"),
            ("x", "4", "2026", "real date"),
        ] {
            j.apply(Action::Type(DatePart::Day, d.into()));
            j.apply(Action::Type(DatePart::Month, m.into()));
            j.apply(Action::Type(DatePart::Year, y.into()));
            j.apply(Action::Continue);
            assert_eq!(j.screen, Screen::Question("event_date".into()));
            assert!(
                j.errors[0].message.contains(message),
                "{d}/{m}/{y}: {:?}",
                j.errors
            );
        }
        j.apply(Action::Type(DatePart::Day, String::new()));
        j.apply(Action::Type(DatePart::Month, String::new()));
        j.apply(Action::Type(DatePart::Year, String::new()));
        j.apply(Action::Unknown(true));
        j.apply(Action::Continue);
        assert_eq!(j.screen, Screen::Results);
    }

    #[test]
    fn back_keeps_answers_and_change_returns_to_the_results() {
        let mut j = journey();
        j.apply(Action::Start);
        for v in ["parent", "under_16", "yes", "health"] {
            answer_one(&mut j, v);
        }
        assert_eq!(j.screen, Screen::Results);
        j.apply(Action::Back);
        assert_eq!(j.screen, Screen::Question("about".into()));
        assert_eq!(j.draft, Draft::One(Some("health".into())));
        j.apply(Action::Back);
        j.apply(Action::Back);
        j.apply(Action::Back);
        assert_eq!(j.screen, Screen::Question("role".into()));
        j.apply(Action::Back);
        assert_eq!(j.screen, Screen::Start);
        // Continue from an earlier question goes to the next one, not to the end.
        j.apply(Action::Start);
        j.apply(Action::Continue);
        assert_eq!(j.screen, Screen::Question("age".into()));
        // Change "about" on the results: new questions are asked, then the results again.
        j.apply(Action::Change("about".into()));
        answer_one(&mut j, "exclusion");
        assert_eq!(j.screen, Screen::Question("exclusion_type".into()));
        answer_one(&mut j, "permanent");
        answer_one(&mut j, "academy");
        assert_eq!(j.screen, Screen::Results);
        let ids: Vec<String> = j
            .report()
            .expect("results")
            .routes
            .iter()
            .map(|r| r.id.clone())
            .collect();
        assert!(ids.contains(&"exclusion_irp".to_string()));
        assert!(!ids.contains(&"nhs_complaint".to_string()));
        // Questions no longer on the path drop out of "Your answers".
        let asked: Vec<&str> = j.answered().iter().map(|(q, _)| q.id.as_str()).collect();
        assert_eq!(
            asked,
            ["role", "age", "ehcp", "about", "exclusion_type", "setting"]
        );
        // Change an answer that keeps the same path: straight back to the results.
        j.apply(Action::Change("age".into()));
        answer_one(&mut j, "16_to_17");
        assert_eq!(j.screen, Screen::Results);
        j.apply(Action::StartAgain);
        assert_eq!(j.screen, Screen::Start);
        assert!(j.answers.is_empty());
    }

    #[test]
    fn none_of_these_clears_the_other_choices() {
        let mut j = journey();
        j.apply(Action::Start);
        for v in ["parent", "under_16", "no", "setting_support", "academy"] {
            answer_one(&mut j, v);
        }
        assert_eq!(j.screen, Screen::Question("steps_taken".into()));
        j.apply(Action::Toggle("la_complaint".into()));
        j.apply(Action::Toggle("spoke_to_setting".into()));
        assert_eq!(
            j.draft,
            Draft::Many(vec!["spoke_to_setting".into(), "la_complaint".into()])
        );
        j.apply(Action::Toggle("none".into()));
        assert_eq!(j.draft, Draft::Many(vec!["none".into()]));
        j.apply(Action::Toggle("spoke_to_setting".into()));
        assert_eq!(j.draft, Draft::Many(vec!["spoke_to_setting".into()]));
        j.apply(Action::Toggle("spoke_to_setting".into()));
        j.apply(Action::Continue);
        assert!(
            j.errors[0].message.contains("what you have tried"),
            "{:?}",
            j.errors
        );
    }

    #[test]
    fn restored_answers_open_the_results_or_the_first_open_question() {
        let mut j = journey();
        let all = r#"{"role": "parent", "age": "under_16", "ehcp": "no", "about": "health", "unused": 1}"#;
        // A key the ruleset does not have makes the whole set unreadable: start afresh.
        assert!(Answers::from_text(all, &j.rules).is_err());
        let all = r#"{"role": "parent", "age": "under_16", "ehcp": "no", "about": "health"}"#;
        j.apply(Action::Restore(
            Answers::from_text(all, &j.rules).expect("answers"),
        ));
        assert_eq!(j.screen, Screen::Results);
        assert!(j
            .report()
            .is_some_and(|r| r.routes.iter().any(|x| x.id == "nhs_complaint")));
        let mut j = journey();
        let some = r#"{"role": "parent", "age": "under_16"}"#;
        j.apply(Action::Restore(
            Answers::from_text(some, &j.rules).expect("answers"),
        ));
        assert_eq!(j.screen, Screen::Question("ehcp".into()));
        let moves = j.moves;
        let mut j2 = journey();
        j2.apply(Action::Restore(Answers::new()));
        assert_eq!(j2.screen, Screen::Start);
        assert_eq!(
            moves, 0,
            "opening the page with answers does not move focus"
        );
    }

    #[test]
    fn start_again_forgets_that_answers_were_saved() {
        let mut j = journey();
        j.apply(Action::Saved(true));
        assert!(j.saved);
        j.apply(Action::StartAgain);
        assert!(!j.saved);
    }
}

//! The state of one person's journey through the questions, and every way it can change.
//!
//! Plain Rust with no browser in it, so it is tested natively and fast; the Yew components
//! only show a [`Journey`] and send it [`Action`]s (the reducer pattern of Yew's
//! function_todomvc example). The law stays in the engine: this module only moves between
//! screens and turns what was typed into answers.

use std::rc::Rc;

use crate::dates::{self, Date};
use crate::engine::condition::{holds, Asked, Lookup};
use crate::engine::{self, walk, Answer, Answers, Report, Stop};
use crate::model::{Choice, InterfaceTexts, Kind, Question, Role, Ruleset, Ui};

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Screen {
    /// What the tool does, and a Start button.
    Start,
    /// One question, by id.
    Question(String),
    /// The routes.
    Results,
}

/// What has been typed or chosen on the current question, before Continue.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Draft {
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
pub(crate) enum DatePart {
    Day,
    Month,
    Year,
}

/// A problem with what was entered, shown in the error summary and beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldError {
    /// The id of the input the summary links to.
    pub target: String,
    /// What to do, in GOV.UK style ("Select ...", "Enter ...").
    pub message: String,
    /// Which date boxes are wrong, to mark them.
    pub parts: Vec<DatePart>,
}

/// Where focus goes after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Focus {
    /// The new screen's heading.
    Heading,
    /// The error summary.
    Errors,
}

/// Everything a person can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
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
pub(crate) struct Journey {
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
    /// The results on screen, worked out once when the journey reached them (the results
    /// screen draws them, and the event to the page names their routes, on every render).
    pub results: Option<Rc<Report>>,
}

impl Journey {
    /// A new journey at the start screen.
    pub(crate) fn new(rules: Rc<Ruleset>, council: Option<String>, today: Date) -> Journey {
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
            results: None,
        }
    }

    /// Who is asking, from the answers so far.
    pub(crate) fn role(&self) -> Role {
        Role::from_answer(self.answers.one("role"))
    }

    /// The question on screen, if any.
    pub(crate) fn question(&self) -> Option<&Question> {
        match &self.screen {
            Screen::Question(id) => self.rules.question(id),
            _ => None,
        }
    }

    /// The questions on the path, in order, up to the first without an answer.
    pub(crate) fn path(&self) -> Vec<String> {
        walk(&self.rules, &self.answers).path
    }

    /// The results, when every question on the path is answered.
    pub(crate) fn report(&self) -> Option<Report> {
        let evaluation = engine::evaluate(&self.rules, &self.answers, self.today).ok()?;
        Some(engine::report(
            &self.rules,
            self.council.as_deref(),
            &evaluation,
        ))
    }

    /// The answers on the path, in the order asked (the tests' view of the path).
    #[cfg(test)]
    pub(crate) fn answered(&self) -> Vec<(&Question, &Answer)> {
        self.path()
            .iter()
            .filter_map(|id| Some((self.rules.question(id)?, self.answers.get(id)?)))
            .collect()
    }

    /// The choices of a question that are offered after the answers to the questions before
    /// it on the path (a choice with an `if` is offered only when it holds).
    pub(crate) fn offered<'q>(&self, question: &'q Question) -> Vec<&'q Choice> {
        let path = self.path();
        let before = &path[..path
            .iter()
            .position(|q| *q == question.id)
            .unwrap_or(path.len())];
        let asked = Asked {
            answers: &self.answers,
            path: before,
        };
        question
            .options
            .iter()
            .filter(|o| offered(o, &asked))
            .collect()
    }

    /// Where the journey goes when nothing more is asked of this screen: the first question
    /// on the path with no answer (optional ones too: the widget asks every question) or with
    /// a choice no longer offered after the answers before it; otherwise the results.
    /// `Err` for a faulty ruleset.
    fn first_open(&self) -> Result<Option<String>, ()> {
        let walked = walk(&self.rules, &self.answers);
        for (i, id) in walked.path.iter().enumerate() {
            let Some(question) = self.rules.question(id) else {
                continue;
            };
            let before = Asked {
                answers: &self.answers,
                path: &walked.path[..i],
            };
            match self.answers.get(id) {
                None => return Ok(Some(id.clone())),
                Some(a) if !engine::condition::offers(question, a, &before) => {
                    return Ok(Some(id.clone()))
                }
                Some(_) => {}
            }
        }
        match walked.stop {
            Stop::Results => Ok(None),
            Stop::Unanswered(q) => Ok(Some(q)),
            _ => Err(()),
        }
    }

    /// Apply an action.
    pub(crate) fn apply(&mut self, action: Action) {
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
                match self.first_open() {
                    Ok(None) if !self.answers.is_empty() => self.show_results(),
                    Ok(Some(q)) if !self.answers.is_empty() => self.show_question(q),
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
        self.results = None;
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
        let offered: Vec<&str> = self
            .offered(question)
            .iter()
            .map(|o| o.value.as_str())
            .collect();
        self.draft = draft_for(question, self.answers.get(&id), &offered);
        self.results = None;
        self.errors.clear();
        self.screen = Screen::Question(id);
        self.moved(Focus::Heading);
    }

    fn show_results(&mut self) {
        self.changing = false;
        self.show(Screen::Results);
        self.results = self.report().map(Rc::new);
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
        // The question from a handle of its own on the ruleset, not a copy of it.
        let rules = Rc::clone(&self.rules);
        let Screen::Question(id) = &self.screen else {
            return;
        };
        let Some(question) = rules.question(id) else {
            return;
        };
        let path = self.path();
        let before = Asked {
            answers: &self.answers,
            path: &path[..path
                .iter()
                .position(|q| *q == question.id)
                .unwrap_or(path.len())],
        };
        match read_draft(
            question,
            &self.draft,
            (self.today, self.role()),
            &before,
            &self.rules.interface_texts,
        ) {
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
                match (next, self.first_open()) {
                    (Some(q), _) | (None, Ok(Some(q))) => self.show_question(q),
                    (None, Ok(None)) => self.show_results(),
                    // A faulty ruleset: stay, and say so rather than break.
                    (None, Err(())) => {
                        self.errors = vec![FieldError {
                            target: input_id(&question.id, None),
                            message: self.rules.interface_texts.get(Ui::CannotGoOn).into(),
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
pub(crate) fn input_id(question: &str, value: Option<&str>) -> String {
    match value {
        Some(v) => field_id(question, v),
        None => {
            let mut id = String::from("srf-");
            id.push_str(question);
            id
        }
    }
}

/// The id of a part of a question: `srf-<question>-<part>`, where the part is a choice's
/// value, "day", "month", "year", "unknown", "hint" or "error". Written out rather than with
/// `format!`, which costs the widget more for each.
#[inline(never)]
pub(crate) fn field_id(question: &str, part: &str) -> String {
    let mut id = String::with_capacity(question.len() + part.len() + 5);
    id.push_str("srf-");
    id.push_str(question);
    id.push('-');
    id.push_str(part);
    id
}

/// Whether a choice is offered after the answers before its question.
fn offered(choice: &Choice, before: &dyn Lookup) -> bool {
    choice.condition.as_ref().is_none_or(|c| holds(c, before))
}

/// The inputs of a question, filled from its answer when it has one (only with the choices
/// still offered).
fn draft_for(question: &Question, answer: Option<&Answer>, offered: &[&str]) -> Draft {
    match (question.kind, answer) {
        (Kind::One, Some(Answer::One(v))) => {
            Draft::One(offered.contains(&v.as_str()).then(|| v.clone()))
        }
        (Kind::One, _) => Draft::One(None),
        (Kind::Many, Some(Answer::Many(vs))) => Draft::Many(
            vs.iter()
                .filter(|v| offered.contains(&v.as_str()))
                .cloned()
                .collect(),
        ),
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

/// Turn what was entered into an answer, or say what is wrong (GOV.UK error messages). A
/// choice not offered after the answers before the question (`before`) is refused, as no
/// choice.
pub(crate) fn read_draft(
    question: &Question,
    draft: &Draft,
    (today, role): (Date, Role),
    before: &dyn Lookup,
    texts: &InterfaceTexts,
) -> Result<Answer, FieldError> {
    let own = question
        .error
        .as_ref()
        .map(|t| t.for_role(role).to_string());
    let offers = |v: &str| {
        question
            .options
            .iter()
            .any(|o| o.value == v && offered(o, before))
    };
    let first = question
        .options
        .iter()
        .find(|o| offered(o, before))
        .map(|o| o.value.as_str());
    let error = |message: &str, parts: Vec<DatePart>| FieldError {
        target: match question.kind {
            Kind::Date => field_id(&question.id, "day"),
            _ => input_id(&question.id, first),
        },
        message: message.to_string(),
        parts,
    };
    match draft {
        Draft::One(Some(v)) if offers(v) => Ok(Answer::One(v.clone())),
        Draft::One(_) => Err(error(
            own.as_deref().unwrap_or(texts.get(Ui::SelectOne)),
            vec![],
        )),
        Draft::Many(vs) if !vs.is_empty() && vs.iter().all(|v| offers(v)) => {
            Ok(Answer::Many(vs.clone()))
        }
        Draft::Many(_) => Err(error(
            own.as_deref().unwrap_or(texts.get(Ui::SelectMany)),
            vec![],
        )),
        Draft::Date {
            unknown: true,
            day,
            month,
            year,
        } => {
            if [day, month, year].iter().any(|s| !s.trim().is_empty()) {
                Err(error(texts.get(Ui::DateAndUnknown), vec![]))
            } else {
                Ok(Answer::Date(None))
            }
        }
        Draft::Date {
            day, month, year, ..
        } => read_date([day, month, year], today, own.as_deref(), texts)
            .map(|d| Answer::Date(Some(d)))
            .map_err(|(m, parts)| {
                let target = match parts.first() {
                    Some(DatePart::Month) => field_id(&question.id, "month"),
                    Some(DatePart::Year) => field_id(&question.id, "year"),
                    _ => field_id(&question.id, "day"),
                };
                FieldError {
                    target,
                    message: m,
                    parts,
                }
            }),
        Draft::Empty => Err(error(texts.get(Ui::SelectOne), vec![])),
    }
}

fn read_date(
    [day, month, year]: [&str; 3],
    today: Date,
    empty: Option<&str>,
    texts: &InterfaceTexts,
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
        return Err((empty.unwrap_or(texts.get(Ui::DateEmpty)).into(), missing));
    }
    if !missing.is_empty() {
        let mut parts = String::new();
        for (i, p) in missing.iter().enumerate() {
            if i > 0 {
                parts.push(' ');
                parts.push_str(texts.get(Ui::And));
                parts.push(' ');
            }
            parts.push_str(texts.get(match p {
                DatePart::Day => Ui::PartDay,
                DatePart::Month => Ui::PartMonth,
                DatePart::Year => Ui::PartYear,
            }));
        }
        return Err((texts.fill(Ui::DateMissing, &[("parts", &parts)]), missing));
    }
    let number = |s: &str| {
        s.parse::<u32>()
            .ok()
            .filter(|_| s.chars().all(|c| c.is_ascii_digit()))
    };
    if year.len() != 4 || number(year).is_none() {
        return Err((texts.get(Ui::YearDigits).into(), vec![DatePart::Year]));
    }
    let (Some(d), Some(m), Some(y)) = (number(day), number(month), number(year)) else {
        return Err((
            texts.get(Ui::DateReal).into(),
            vec![DatePart::Day, DatePart::Month, DatePart::Year],
        ));
    };
    let iso = format!("{y:04}-{m:02}-{d:02}");
    let date = dates::parse_iso_date(&iso).map_err(|_| {
        (
            texts.get(Ui::DateReal).to_string(),
            vec![DatePart::Day, DatePart::Month, DatePart::Year],
        )
    })?;
    if date > today {
        return Err((
            texts.get(Ui::DateFuture).into(),
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
        let rules = crate::read::parse_ruleset(text).expect("rules.json loads");
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
        answer_one(&mut j, "18_to_25");
        assert_eq!(j.screen, Screen::Results);
        // One that adds a question to the path: it is asked (optional or not), then the results.
        j.apply(Action::Change("age".into()));
        answer_one(&mut j, "16_to_17");
        assert_eq!(j.screen, Screen::Question("finished_year_11".into()));
        answer_one(&mut j, "no");
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

    #[test]
    fn the_results_are_worked_out_once_when_reached_and_dropped_when_left() {
        let mut j = journey();
        j.apply(Action::Start);
        assert!(j.results.is_none());
        for v in ["parent", "under_16", "yes", "health"] {
            answer_one(&mut j, v);
        }
        assert_eq!(j.screen, Screen::Results);
        let first = j.results.clone().expect("results");
        let ids = |r: &Report| r.routes.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&first), ids(&j.report().expect("report")));
        // Saving the answers draws the results again, from the same report.
        j.apply(Action::Saved(true));
        assert!(j.results.as_ref().is_some_and(|r| Rc::ptr_eq(r, &first)));
        j.apply(Action::Back);
        assert!(j.results.is_none());
        j.apply(Action::Continue);
        assert_eq!(j.screen, Screen::Results);
        assert!(j.results.is_some());
        j.apply(Action::StartAgain);
        assert!(j.results.is_none());
    }

    fn shown(j: &Journey) -> Vec<String> {
        let q = j.question().expect("a question");
        j.offered(q).iter().map(|o| o.value.clone()).collect()
    }

    fn type_date(j: &mut Journey, d: &str, m: &str, y: &str) {
        j.apply(Action::Type(DatePart::Day, d.into()));
        j.apply(Action::Type(DatePart::Month, m.into()));
        j.apply(Action::Type(DatePart::Year, y.into()));
        j.apply(Action::Continue);
    }

    #[test]
    fn a_young_person_is_not_offered_under_16_and_cannot_choose_it() {
        let mut j = journey();
        j.apply(Action::Start);
        answer_one(&mut j, "young_person");
        assert_eq!(j.screen, Screen::Question("age".into()));
        assert_eq!(shown(&j), ["16_to_17", "18_to_25"]);
        // A value that is not offered (sent by a stale page or by hand) is refused.
        answer_one(&mut j, "under_16");
        assert_eq!(j.screen, Screen::Question("age".into()));
        assert_eq!(j.errors.len(), 1);
        assert_eq!(
            j.errors[0].target, "srf-age-16_to_17",
            "links to an offered choice"
        );
        assert!(j.answers.get("age").is_none());
        answer_one(&mut j, "18_to_25");
        assert_eq!(j.screen, Screen::Question("ehcp".into()));
        // A parent is offered all three.
        let mut j = journey();
        j.apply(Action::Start);
        answer_one(&mut j, "parent");
        assert_eq!(shown(&j), ["under_16", "16_to_17", "18_to_25"]);
        let q = j.question().cloned().expect("age");
        let none = Answers::new();
        let before = Asked {
            answers: &none,
            path: &[],
        };
        // Without an answer to "role", the choice with a condition is not offered.
        assert!(read_draft(
            &q,
            &Draft::One(Some("under_16".into())),
            (j.today, Role::Parent),
            &before,
            &InterfaceTexts::default()
        )
        .is_err());
        assert!(read_draft(
            &q,
            &Draft::One(Some("16_to_17".into())),
            (j.today, Role::Parent),
            &before,
            &InterfaceTexts::default()
        )
        .is_ok());
    }

    #[test]
    fn changing_the_role_asks_again_an_answer_no_longer_offered() {
        let mut j = journey();
        j.apply(Action::Start);
        for v in ["parent", "under_16", "yes", "health"] {
            answer_one(&mut j, v);
        }
        assert_eq!(j.screen, Screen::Results);
        j.apply(Action::Change("role".into()));
        answer_one(&mut j, "young_person");
        // "Under 16" is not offered to a young person: the age is asked again, with nothing chosen.
        assert_eq!(j.screen, Screen::Question("age".into()));
        assert_eq!(j.draft, Draft::One(None));
        answer_one(&mut j, "16_to_17");
        // 16 or 17: the new optional question is asked, and needs an answer.
        assert_eq!(j.screen, Screen::Question("finished_year_11".into()));
        j.apply(Action::Continue);
        assert_eq!(j.screen, Screen::Question("finished_year_11".into()));
        assert_eq!(j.errors.len(), 1);
        answer_one(&mut j, "yes");
        assert_eq!(j.screen, Screen::Results);
        let report = j.report().expect("results");
        assert_eq!(report.rights_holder, "young_person");
        assert!(j.answered().iter().any(|(q, _)| q.id == "finished_year_11"));
        // Restored answers that choose what is not offered open that question.
        let mut j = journey();
        let text =
            r#"{"role": "young_person", "age": "under_16", "ehcp": "no", "about": "health"}"#;
        j.apply(Action::Restore(
            Answers::from_text(text, &j.rules).expect("answers"),
        ));
        assert_eq!(j.screen, Screen::Question("age".into()));
        assert_eq!(j.draft, Draft::One(None));
        // Restored answers without an optional question's answer open it.
        let mut j = journey();
        let text = r#"{"role": "parent", "age": "16_to_17", "ehcp": "no", "about": "health"}"#;
        j.apply(Action::Restore(
            Answers::from_text(text, &j.rules).expect("answers"),
        ));
        assert_eq!(j.screen, Screen::Question("finished_year_11".into()));
    }

    #[test]
    fn the_late_council_path_asks_each_new_question_and_shows_the_clock() {
        let mut j = journey();
        j.apply(Action::Start);
        for v in ["parent", "under_16", "in_progress", "la_handling"] {
            answer_one(&mut j, v);
        }
        assert_eq!(j.screen, Screen::Question("steps_taken".into()));
        j.apply(Action::Toggle("none".into()));
        j.apply(Action::Continue);
        answer_one(&mut j, "no");
        assert_eq!(j.screen, Screen::Question("late_step".into()));
        // Optional, but the widget needs an answer.
        j.apply(Action::Continue);
        assert_eq!(j.screen, Screen::Question("late_step".into()));
        assert_eq!(j.errors.len(), 1);
        answer_one(&mut j, "assessment_decision");
        assert_eq!(j.screen, Screen::Question("clock_date".into()));
        j.apply(Action::Continue);
        assert_eq!(
            j.screen,
            Screen::Question("clock_date".into()),
            "a date is needed"
        );
        type_date(&mut j, "1", "9", "2026");
        assert_eq!(j.screen, Screen::Results);
        let report = j.report().expect("results");
        let clock = report.timescale.expect("the council's clock");
        // 6 weeks after Tuesday 1 September 2026.
        assert_eq!(clock.due.as_deref(), Some("2026-10-13"));
        assert_eq!(clock.late, Some(true));
        assert!(clock.headline.contains("The council had to do this by"));
        // Back from the results is the clock date; Change late_step to a Tribunal order asks
        // what the order was, then keeps the date.
        j.apply(Action::Change("late_step".into()));
        answer_one(&mut j, "tribunal_order");
        assert_eq!(j.screen, Screen::Question("order_kind".into()));
        answer_one(&mut j, "make_plan");
        assert_eq!(j.screen, Screen::Results);
        j.apply(Action::Change("late_step".into()));
        answer_one(&mut j, "phase_transfer");
        assert_eq!(j.screen, Screen::Question("transfer_to".into()));
        answer_one(&mut j, "school");
        assert_eq!(j.screen, Screen::Results);
        assert!(j.report().and_then(|r| r.timescale).is_some());
    }

    #[test]
    fn every_question_on_a_path_is_asked_even_when_optional() {
        // The transport decision, a Tribunal decision and therapy not given.
        for (steps, dates_at) in [
            (
                vec!["parent", "under_16", "yes", "la_decision", "transport"],
                vec!["decision_date"],
            ),
            (
                vec!["parent", "under_16", "yes", "tribunal_decision"],
                vec!["tribunal_decision_date"],
            ),
        ] {
            let mut j = journey();
            j.apply(Action::Start);
            for v in &steps {
                answer_one(&mut j, v);
            }
            for q in dates_at {
                assert_eq!(j.screen, Screen::Question(q.into()));
                type_date(&mut j, "2", "11", "2026");
            }
            if j.screen == Screen::Question("tribunal_case".into()) {
                answer_one(&mut j, "send_appeal");
            }
            if j.screen == Screen::Question("certificate".into()) {
                answer_one(&mut j, "no");
            }
            assert_eq!(j.screen, Screen::Results, "{steps:?}");
            assert!(j.report().is_some());
        }
        let mut j = journey();
        j.apply(Action::Start);
        for v in ["parent", "under_16", "yes", "plan_not_delivered"] {
            answer_one(&mut j, v);
        }
        j.apply(Action::Toggle("health".into()));
        j.apply(Action::Continue);
        assert_eq!(j.screen, Screen::Question("health_section".into()));
        answer_one(&mut j, "section_f");
        assert_eq!(j.screen, Screen::Question("setting".into()));
    }
}

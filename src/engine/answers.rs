//! Typed answers, keyed by question id (docs/contract.md, section 1).

use crate::join::join;
use serde_json::{Map, Value};

use crate::read::json::{self, Json, Member};
use crate::read::Lines;

use crate::dates::{self, Date};
use crate::model::{Kind, Question, Ruleset};

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    /// A single choice: the value of the option.
    One(String),
    /// Several choices, in the order the question lists them.
    Many(Vec<String>),
    /// A date, or `None` for "I do not know".
    Date(Option<Date>),
}

/// Answers print as the JSON object of docs/contract.md, section 1, keys sorted.
impl serde::Serialize for Answers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

/// What is wrong with one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    /// The key of the answer.
    pub question: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "answer \"{}\": {}", self.question, self.message)
    }
}

impl std::error::Error for AnswerError {}

/// Answers by question id.
///
/// Kept as a list sorted by question id rather than a map: a ruleset has a handful of
/// questions, a search of a short sorted list is as fast, and the widget does not carry a
/// tree map's code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Answers {
    sorted: Vec<(String, Answer)>,
}

impl Answers {
    /// No answers.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Where the answer to a question is, or where it would go.
    fn find(&self, question: &str) -> Result<usize, usize> {
        self.sorted
            .binary_search_by(|(k, _)| k.as_str().cmp(question))
    }

    /// The answer to a question, if any.
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.find(question).ok().map(|i| &self.sorted[i].1)
    }

    /// A single-choice answer.
    pub fn one(&self, question: &str) -> Option<&str> {
        match self.get(question) {
            Some(Answer::One(v)) => Some(v),
            _ => None,
        }
    }

    /// A multiple-choice answer.
    pub fn many(&self, question: &str) -> Option<&[String]> {
        match self.get(question) {
            Some(Answer::Many(v)) => Some(v),
            _ => None,
        }
    }

    /// A date answer: `Some(Some(date))`, `Some(None)` for "I do not know", `None` when not answered.
    pub fn date(&self, question: &str) -> Option<Option<Date>> {
        match self.get(question) {
            Some(Answer::Date(d)) => Some(*d),
            _ => None,
        }
    }

    /// Set an answer, replacing any earlier one.
    pub fn set(&mut self, question: &str, answer: Answer) {
        match self.find(question) {
            Ok(i) => self.sorted[i].1 = answer,
            Err(i) => self.sorted.insert(i, (question.to_string(), answer)),
        }
    }

    /// Remove an answer.
    pub fn remove(&mut self, question: &str) {
        if let Ok(i) = self.find(question) {
            self.sorted.remove(i);
        }
    }

    /// Whether there are no answers.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// The answers, by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.sorted.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Only the answers to these questions: what is left when answers off the path are pruned.
    pub fn only(&self, questions: &[String]) -> Answers {
        // Filtering a sorted list keeps it sorted.
        Answers {
            sorted: self
                .sorted
                .iter()
                .filter(|(k, _)| questions.iter().any(|q| q == k))
                .cloned()
                .collect(),
        }
    }

    /// Read answers from JSON (docs/contract.md, section 1) and check each against its question:
    /// a question that does not exist, a value a question does not offer, or a date that is
    /// not real is an error. Every error is returned.
    pub fn from_json(value: &Json, rules: &Ruleset) -> Result<Answers, Vec<AnswerError>> {
        let Json::Object(members) = value else {
            return Err(vec![AnswerError {
                question: String::new(),
                message: "the answers must be a JSON object, such as {\"role\": \"parent\"}".into(),
            }]);
        };
        let mut errors = Vec::new();
        let answers = read_object(members, rules, &mut |question, problem| {
            errors.push(AnswerError {
                question: question.to_string(),
                message: problem.message(rules.question(question)),
            })
        });
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(errors)
        }
    }

    /// Read answers from the text of a JSON object (see [`Answers::from_json`]).
    pub fn from_text(text: &str, rules: &Ruleset) -> Result<Answers, Vec<AnswerError>> {
        let doc = json::parse(text).map_err(|e| {
            let at = Lines::new(text).pos(e.at);
            vec![AnswerError {
                question: String::new(),
                message: format!(
                    "the answers are not valid JSON: look at line {}, column {}",
                    at.line, at.column
                ),
            }]
        })?;
        Answers::from_json(&doc.value, rules)
    }

    /// The answers of a text, if every one still fits the ruleset: what [`Answers::from_text`]
    /// accepts, without words for what it refuses (the widget, restoring saved answers, only
    /// needs to know, and so does not carry the words).
    pub fn restore(text: &str, rules: &Ruleset) -> Option<Answers> {
        let doc = json::parse(text).ok()?;
        let Json::Object(members) = &doc.value else {
            return None;
        };
        let mut fits = true;
        let answers = read_object(members, rules, &mut |_, _| fits = false);
        fits.then_some(answers)
    }

    /// The answers as one line of compact JSON with sorted keys, written directly (the
    /// same text as `to_json().to_string()`, faster).
    pub fn canonical(&self) -> String {
        let mut out = String::from("{");
        for (i, (k, v)) in self.sorted.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_string(&mut out, k);
            out.push(':');
            match v {
                Answer::One(s) => push_json_string(&mut out, s),
                Answer::Many(vs) => {
                    out.push('[');
                    for (j, s) in vs.iter().enumerate() {
                        if j > 0 {
                            out.push(',');
                        }
                        push_json_string(&mut out, s);
                    }
                    out.push(']');
                }
                Answer::Date(Some(d)) => push_json_string(&mut out, &dates::format_iso(*d)),
                Answer::Date(None) => out.push_str("\"unknown\""),
            }
        }
        out.push('}');
        out
    }

    /// The answers as JSON (docs/contract.md, section 1).
    pub fn to_json(&self) -> Value {
        let map: Map<String, Value> = self
            .sorted
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Answer::One(s) => Value::String(s.clone()),
                    Answer::Many(vs) => {
                        Value::Array(vs.iter().cloned().map(Value::String).collect())
                    }
                    Answer::Date(Some(d)) => Value::String(dates::format_iso(*d)),
                    Answer::Date(None) => Value::String("unknown".into()),
                };
                (k.clone(), v)
            })
            .collect();
        Value::Object(map)
    }
}

/// The answers of a JSON object; each one that does not fit its question goes to `refused`
/// (the answer's key, and why).
fn read_object(
    object: &[Member],
    rules: &Ruleset,
    refused: &mut dyn FnMut(&str, Why<'_>),
) -> Answers {
    let mut answers = Answers::new();
    for Member { key, value, .. } in object {
        let Some(question) = rules.question(key) else {
            refused(key, Why::NoQuestion);
            continue;
        };
        match read_answer(question, value) {
            Ok(answer) => answers.set(key, answer),
            Err(why) => refused(key, why),
        }
    }
    answers
}

/// Why an answer does not fit its question.
#[derive(Debug)]
pub(crate) enum Why<'a> {
    /// No question has this id.
    NoQuestion,
    /// A single choice that is not text.
    NotText,
    /// A choice the question does not offer.
    NotOffered(&'a str),
    /// A multiple choice that is not a list of texts.
    NotTexts,
    /// A multiple choice that is not a list.
    NotList,
    /// A choice given twice.
    Twice(&'a str),
    /// An empty list.
    NoneChosen,
    /// A choice that cannot go with others, with others.
    NotAlone(&'a str),
    /// A date that is not a real one, or not written as one.
    Date(dates::DateError),
    /// A date that is not text.
    NotDate,
}

impl Why<'_> {
    /// What is wrong, in plain words (the question, when there is one, names the choices).
    pub(crate) fn message(&self, question: Option<&Question>) -> String {
        let offered = || {
            question
                .map(|q| {
                    let values: Vec<String> = q
                        .options
                        .iter()
                        .map(|o| format!("\"{}\"", o.value))
                        .collect();
                    join(&values, ", ")
                })
                .unwrap_or_default()
        };
        match self {
            Why::NoQuestion => "there is no question with this id".into(),
            Why::NotText => format!("must be one of {} in quotes", offered()),
            Why::NotOffered(s) => format!("\"{s}\" is not one of the choices: {}", offered()),
            Why::NotTexts => format!("must be a list of choices in quotes, from {}", offered()),
            Why::NotList => format!(
                "must be a list such as [\"{}\"]",
                question
                    .and_then(|q| q.options.first())
                    .map(|o| o.value.as_str())
                    .unwrap_or("value")
            ),
            Why::Twice(s) => format!("\"{s}\" is chosen twice"),
            Why::NoneChosen => "choose at least one".into(),
            Why::NotAlone(s) => format!("\"{s}\" cannot be chosen with other choices"),
            Why::Date(e) => e.to_string(),
            Why::NotDate => "must be a date as \"YYYY-MM-DD\", or \"unknown\"".into(),
        }
    }
}

/// Read and check one answer against its question.
pub(crate) fn read_answer<'a>(question: &'a Question, value: &'a Json) -> Result<Answer, Why<'a>> {
    match (question.kind, value) {
        (Kind::One, Json::String(s)) => {
            if question.offers(s) {
                Ok(Answer::One(s.clone()))
            } else {
                Err(Why::NotOffered(s))
            }
        }
        (Kind::One, _) => Err(Why::NotText),
        (Kind::Many, Json::Array(items)) => {
            let mut chosen: Vec<String> = Vec::new();
            for item in items {
                let Json::String(s) = &item.value else {
                    return Err(Why::NotTexts);
                };
                if !question.offers(s) {
                    return Err(Why::NotOffered(s));
                }
                if chosen.contains(s) {
                    return Err(Why::Twice(s));
                }
                chosen.push(s.clone());
            }
            if chosen.is_empty() {
                return Err(Why::NoneChosen);
            }
            if let Some(only) = question
                .options
                .iter()
                .find(|o| o.exclusive && chosen.contains(&o.value))
            {
                if chosen.len() > 1 {
                    return Err(Why::NotAlone(&only.value));
                }
            }
            // Keep the question's own order, so equal answers compare equal.
            let ordered = question
                .options
                .iter()
                .filter(|o| chosen.contains(&o.value))
                .map(|o| o.value.clone())
                .collect();
            Ok(Answer::Many(ordered))
        }
        (Kind::Many, _) => Err(Why::NotList),
        (Kind::Date, Json::String(s)) if s == "unknown" => Ok(Answer::Date(None)),
        (Kind::Date, Json::String(s)) => dates::parse_iso_date(s)
            .map(|d| Answer::Date(Some(d)))
            .map_err(Why::Date),
        (Kind::Date, _) => Err(Why::NotDate),
    }
}

/// A JSON string literal, escaped as serde_json writes it.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The widget's quiet reading of saved answers accepts exactly what the command line's
    /// reading accepts, and gives the same answers.
    #[test]
    fn restore_accepts_what_from_text_accepts() {
        let rules = crate::read::parse_ruleset(include_str!("../../rules.json")).expect("rules");
        for text in [
            "{}",
            r#"{"role": "parent", "age": "under_16"}"#,
            r#"{"decision_date": "2026-10-14", "role": "young_person"}"#,
            r#"{"decision_date": "unknown"}"#,
            r#"{"role": "nobody"}"#,
            r#"{"role": 3}"#,
            r#"{"nope": "x"}"#,
            r#"{"decision_date": "2026-02-30"}"#,
            r#"{"decision_date": 2026}"#,
            r#"["role"]"#,
            "{",
        ] {
            assert_eq!(
                Answers::restore(text, &rules),
                Answers::from_text(text, &rules).ok(),
                "{text}"
            );
        }
        let refused =
            Answers::from_text(r#"{"role": "nobody", "nope": 1}"#, &rules).expect_err("refused");
        assert_eq!(refused.len(), 2);
        assert!(
            refused[0]
                .message
                .starts_with("\"nobody\" is not one of the choices: \"parent\", "),
            "{}",
            refused[0].message
        );
        assert_eq!(refused[1].message, "there is no question with this id");
    }
}

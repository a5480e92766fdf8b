//! Conditions as data: which answers lead to a question or a route.
//!
//! No expression strings: a condition is a small JSON object, so there is nothing to
//! mis-parse or inject, and every answer it names can be checked and drawn.
//!
//! ```json
//! {"answer": "about", "is": "la_decision"}
//! {"answer": "decision", "in": ["refuse_assessment", "refuse_reassessment"]}
//! {"answer": "plan_parts", "has": "placement"}
//! {"answer": "plan_parts", "has_any": ["needs", "provision"]}
//! {"answer": "plan_parts", "only": ["placement", "no_placement"]}
//! {"answer": "decision_date", "known": true}
//! {"all": [ ... ]}   {"any": [ ... ]}   {"not": { ... }}
//! {"clock": "late"}              the council's clock: "late", "not_late" or "unknown"
//! {"rights_holder": "young_person"}   whose right it is: "parent" or "young_person"
//! ```
//!
//! The last two test what the engine works out from the answers (the council's time limit,
//! whose right it is to appeal), so that routes can follow them; a question's next step
//! cannot use them.
//!
//! An answer that was not given (or is not on the path) makes every test on it false.

use serde::Serialize;

/// A condition on the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "RawCondition")]
pub enum Condition {
    /// Every one of these holds.
    All(Vec<Condition>),
    /// At least one of these holds.
    Any(Vec<Condition>),
    /// This does not hold.
    Not(Box<Condition>),
    /// A test of one answer.
    Test(AnswerTest),
    /// The state of the council's clock: "late", "not_late" or "unknown" (a time limit
    /// applies but its date is not known). False when no clock applies.
    Clock(String),
    /// Whose right it is to appeal: "parent" or "young_person".
    RightsHolder(String),
}

/// The values a `clock` test may name.
pub const CLOCK_STATES: [&str; 3] = ["late", "not_late", "unknown"];

/// The values a `rights_holder` test may name.
pub const RIGHTS_HOLDERS: [&str; 2] = ["parent", "young_person"];

/// A test of one question's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerTest {
    /// A single-choice answer is this value.
    Is { answer: String, value: String },
    /// A single-choice answer is one of these values.
    In { answer: String, values: Vec<String> },
    /// A multiple-choice answer includes this value.
    Has { answer: String, value: String },
    /// A multiple-choice answer includes at least one of these values.
    HasAny { answer: String, values: Vec<String> },
    /// A multiple-choice answer is not empty and includes nothing but these values.
    Only { answer: String, values: Vec<String> },
    /// A date answer is a date (`true`) or "I do not know" (`false`).
    Known { answer: String, known: bool },
}

impl AnswerTest {
    /// The question whose answer is tested.
    pub fn question(&self) -> &str {
        match self {
            AnswerTest::Is { answer, .. }
            | AnswerTest::In { answer, .. }
            | AnswerTest::Has { answer, .. }
            | AnswerTest::HasAny { answer, .. }
            | AnswerTest::Only { answer, .. }
            | AnswerTest::Known { answer, .. } => answer,
        }
    }

    /// The answer values the test names (none for `known`).
    pub fn values(&self) -> Vec<&str> {
        match self {
            AnswerTest::Is { value, .. } | AnswerTest::Has { value, .. } => vec![value],
            AnswerTest::In { values, .. }
            | AnswerTest::HasAny { values, .. }
            | AnswerTest::Only { values, .. } => values.iter().map(String::as_str).collect(),
            AnswerTest::Known { .. } => vec![],
        }
    }

    /// The name of the test, as written in the file.
    pub fn operator(&self) -> &'static str {
        match self {
            AnswerTest::Is { .. } => "is",
            AnswerTest::In { .. } => "in",
            AnswerTest::Has { .. } => "has",
            AnswerTest::HasAny { .. } => "has_any",
            AnswerTest::Only { .. } => "only",
            AnswerTest::Known { .. } => "known",
        }
    }
}

impl Condition {
    /// Every answer test inside this condition, depth first.
    pub fn tests(&self) -> Vec<&AnswerTest> {
        let mut out = Vec::new();
        self.collect_tests(&mut out);
        out
    }

    fn collect_tests<'a>(&'a self, out: &mut Vec<&'a AnswerTest>) {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.collect_tests(out)),
            Condition::Not(c) => c.collect_tests(out),
            Condition::Test(t) => out.push(t),
            Condition::Clock(_) | Condition::RightsHolder(_) => {}
        }
    }

    /// Whether the condition tests what the engine works out (the clock, whose right it is)
    /// rather than answers alone.
    pub fn uses_outcomes(&self) -> bool {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(Condition::uses_outcomes),
            Condition::Not(c) => c.uses_outcomes(),
            Condition::Test(_) => false,
            Condition::Clock(_) | Condition::RightsHolder(_) => true,
        }
    }
}

// The form a `Condition` is written in, and the JSON Schema's; `read::decode` reads conditions
// and holds the rule on their shape. (The doc comment below is the schema's description.)
/// A condition as written in the file: exactly one of `all`, `any`, `not`, or `answer`
/// with exactly one test.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Condition"))]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    /// Every one of these conditions holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// At least one of these conditions holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// This condition does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
    /// The id of the question whose answer is tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// The single-choice answer is this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<String>,
    /// The single-choice answer is one of these values.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_: Option<Vec<String>>,
    /// The multiple-choice answer includes this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has: Option<String>,
    /// The multiple-choice answer includes at least one of these values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_any: Option<Vec<String>>,
    /// The multiple-choice answer is not empty and has nothing but these values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<String>>,
    /// The date answer is a date (true) or "I do not know" (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known: Option<bool>,
    /// The council's clock is "late", "not_late" or "unknown".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<String>,
    /// The right to appeal is the "parent"'s or the "young_person"'s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights_holder: Option<String>,
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Condition {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Condition".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RawCondition::json_schema(generator)
    }
}

impl From<Condition> for RawCondition {
    fn from(c: Condition) -> RawCondition {
        let mut raw = RawCondition::default();
        match c {
            Condition::All(cs) => raw.all = Some(cs),
            Condition::Any(cs) => raw.any = Some(cs),
            Condition::Not(c) => raw.not = Some(c),
            Condition::Clock(s) => raw.clock = Some(s),
            Condition::RightsHolder(h) => raw.rights_holder = Some(h),
            Condition::Test(t) => match t {
                AnswerTest::Is { answer, value } => {
                    (raw.answer, raw.is) = (Some(answer), Some(value))
                }
                AnswerTest::In { answer, values } => {
                    (raw.answer, raw.in_) = (Some(answer), Some(values))
                }
                AnswerTest::Has { answer, value } => {
                    (raw.answer, raw.has) = (Some(answer), Some(value))
                }
                AnswerTest::HasAny { answer, values } => {
                    (raw.answer, raw.has_any) = (Some(answer), Some(values))
                }
                AnswerTest::Only { answer, values } => {
                    (raw.answer, raw.only) = (Some(answer), Some(values))
                }
                AnswerTest::Known { answer, known } => {
                    (raw.answer, raw.known) = (Some(answer), Some(known))
                }
            },
        }
        raw
    }
}

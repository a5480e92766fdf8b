//! The engine: answers in; the path through the questions, the routes, their reasons and
//! deadlines out. Pure Rust: no browser, no files, no clock (today is passed in).
//!
//! - [`answers`]: typed answers, read from JSON and checked against the questions.
//! - [`condition`]: whether a condition holds for some answers.
//! - [`steps`]: which questions are on the path, and which is next.
//! - [`outcome`]: which routes are shown, in what order, why, and by when.
//! - [`date_words`]: a date, and how a last day was worked out, in the interface's words.
//! - [`wording`]: the evaluation in words for one person, as the results page and the CLI show it.
//! - [`paths`]: every path through the questionnaire, with a checksum of all outcomes.

pub(crate) mod answers;
pub(crate) mod condition;
pub(crate) mod date_words;
#[cfg(feature = "cli")]
pub(crate) mod diff;
pub(crate) mod outcome;
pub mod paths;
pub(crate) mod steps;
pub(crate) mod wording;

pub use answers::{Answer, AnswerError, Answers};
pub use date_words::{explain, long_date};
pub use outcome::{evaluate, DeadlineOutcome, EvalError, Evaluation, Shown};
pub use steps::{walk, Stop, Walk};
pub use wording::{report, Report};

//! The engine: answers in; the path through the questions, the routes, their reasons and
//! deadlines out. Pure Rust: no browser, no files, no clock (today is passed in).
//!
//! - [`answers`]: typed answers, read from JSON and checked against the questions.
//! - [`condition`]: whether a condition holds for some answers.
//! - [`mod@walk`]: which questions are on the path, and which is next.
//! - [`mod@evaluate`]: which routes are shown, in what order, why, and by when.
//! - [`mod@report`]: the evaluation in words for one person, as the results page and the CLI show it.
//! - [`paths`]: every path through the questionnaire, with a checksum of all outcomes.

pub mod answers;
pub mod condition;
pub mod diff;
pub mod evaluate;
pub mod paths;
pub mod report;
pub mod walk;

pub use answers::{Answer, AnswerError, Answers};
pub use evaluate::{evaluate, DeadlineOutcome, EvalError, Evaluation, Shown};
pub use report::{report, Report};
pub use walk::{walk, Stop, Walk};

//! Reading rulesets, overlays and answers: the one reader, used by the widget, the demo
//! page's preview and the command line alike.
//!
//! - [`json`]: text to a tree of values, each with its byte offset; syntax errors as kinds;
//! - [`decode`]: the tree to the model's types, with every problem and its path;
//! - [`path`]: JSON paths such as `routes[3].title`;
//! - [`place`]: byte offsets to lines and columns, only when a problem is shown;
//! - `syntax`: the words for each syntax error (the widget never shows them, so never
//!   carries them).
//!
//! Between `model` (the types) and `check` (whether what a file says makes sense).

pub mod decode;
pub mod json;
pub mod path;
pub mod place;
mod syntax;

use std::fmt;

pub use decode::Problem;
pub use json::{Document, Json, SyntaxError};
pub use path::JsonPath;
pub use place::{Lines, Pos};

use crate::model::{Overlay, Ruleset};

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// It is not JSON.
    Syntax(SyntaxError),
    /// It is JSON, but fields are missing, unknown or of the wrong kind.
    Fields(Vec<Problem>),
}

impl fmt::Display for ReadError {
    /// The first problem, in short: enough for a test or a console line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Syntax(e) => write!(f, "the file is not valid JSON (at byte {})", e.at),
            ReadError::Fields(problems) => match problems.first() {
                Some(p) => write!(f, "at {}: {}", p.path, p.message),
                None => f.write_str("the file cannot be read"),
            },
        }
    }
}

impl std::error::Error for ReadError {}

/// Read a ruleset from its text.
pub fn parse_ruleset(text: &str) -> Result<Ruleset, ReadError> {
    let doc = json::parse(text).map_err(ReadError::Syntax)?;
    decode::ruleset(&doc).map_err(ReadError::Fields)
}

/// Read a council overlay from its text.
pub fn parse_overlay(text: &str) -> Result<Overlay, ReadError> {
    let doc = json::parse(text).map_err(ReadError::Syntax)?;
    decode::overlay(&doc).map_err(ReadError::Fields)
}

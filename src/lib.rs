//! SEND Route Finder.
//!
//! The layers, each using only those above it (the one exception: `check` walks every path
//! with the engine's path walker):
//!
//! - [`placeholder`]: the one reader of `{name}` placeholders in a text.
//! - [`dates`]: calendar months, working days, England and Wales bank holidays and the
//!   deadline rules of the law.
//! - [`model`]: the ruleset and council overlay types.
//! - [`read`]: the one reader: JSON text to those types, every problem with its place.
//! - [`check`]: every problem in a ruleset or overlay, with its file, line, column and JSON path.
//! - [`engine`]: answers in, the path through the questions and the routes with deadlines out.
//! - [`ui`]: the journey as a state machine and the files a family can save from the results
//!   (plain Rust) and, with the `web` feature, the Yew views and what they ask of the browser;
//!   `embed` is the browser entry, `cli` the command line, `preview` the demo page's
//!   checker (`route-finder check` in wasm, a bundle of its own).
//!
//! The engine knows nothing of the browser or the command line.

//! Inside the crate, items are `pub(crate)` unless another layer, the command line, the tests
//! or the fuzz targets use them (`unreachable_pub` is a warning, and warnings fail the build).
//! What most callers need is re-exported here.

#![warn(unreachable_pub)]
// The docs are written for the people who maintain the crate and built with
// `--document-private-items` (as the test command does), so they link private items freely.
#![allow(rustdoc::private_intra_doc_links)]

pub use check::{Checked, Diagnostic, Severity, Source};
pub use dates::Date;
pub use engine::{evaluate, report, walk, Answer, Answers, Evaluation, Report, Walk};
pub use model::{apply_overlay, Overlay, Ruleset};
pub use read::{parse_overlay, parse_ruleset};

pub mod check;
pub mod dates;
pub mod engine;
pub mod graph;
pub(crate) mod join;
pub mod model;
pub(crate) mod placeholder;
pub mod read;
#[cfg(test)]
mod testing;
pub mod ui;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(all(feature = "web", target_arch = "wasm32"))]
pub mod embed;
#[cfg(all(
    feature = "web",
    target_arch = "wasm32",
    not(target_feature = "atomics")
))]
mod heap;
#[cfg(all(feature = "preview", target_arch = "wasm32"))]
pub mod preview;
#[cfg(feature = "cli")]
pub mod reference;
#[cfg(feature = "schema")]
pub mod schema;

//! SEND Route Finder.
//!
//! The layers, each using only those above it (the one exception: `check` walks every path
//! with the engine's path walker):
//!
//! - [`dates`]: calendar months, working days, England and Wales bank holidays and the
//!   deadline rules of the law.
//! - [`model`]: the ruleset and council overlay types, read from JSON.
//! - [`check`]: every problem in a ruleset or overlay, with its file, line, column and JSON path.
//! - [`engine`]: answers in, the path through the questions and the routes with deadlines out.
//! - [`ui`]: the journey as a state machine and the files a family can save from the results
//!   (plain Rust) and, with the `web` feature, the Yew views and what they ask of the browser;
//!   `embed` is the browser entry, `cli` the command line, `preview` the demo page's
//!   checker (`route-finder check` in wasm, a bundle of its own).
//!
//! The engine knows nothing of the browser or the command line.

pub mod check;
pub mod dates;
pub mod engine;
pub mod graph;
pub mod model;
pub mod ui;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(all(feature = "web", target_arch = "wasm32"))]
pub mod embed;
#[cfg(all(feature = "preview", target_arch = "wasm32"))]
pub mod preview;
#[cfg(feature = "cli")]
pub mod reference;
#[cfg(feature = "schema")]
pub mod schema;

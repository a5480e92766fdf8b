//! The `route-finder` command line: check a ruleset, evaluate answers, list every path,
//! draw the flow. Native only.

mod args;
mod commands;

pub use commands::run;

//! The user interface.
//!
//! [`journey`] is the state machine (plain Rust, tested natively). With the `web` feature, the
//! Yew components show it: one screen at a time, GOV.UK patterns, focus moved to the new
//! heading on every step.

pub mod journey;
#[cfg(feature = "web")]
pub mod view;

//! The ruleset and council overlay types, as written in `rules.json` and `www/councils/*.json`.
//!
//! Everything here is plain data, read two ways: with the serde derives by the command line
//! ([`load_ruleset`], every problem with its path), and by the widget with the small
//! [`json`] reader and the hand-written [`decode`] (no serde code in the wasm). The types say
//! what a file may hold; the [`crate::check`] layer says whether what it holds makes sense
//! (references, reachability, cycles), and the [`crate::engine`] layer uses it.
//!
//! Two small rules about what the files hold are here too, so that every layer reads them the
//! same way: `links` (which contact details the widget shows as links, and the check warns
//! about) and `placeholder` (the `{…}` placeholders of a letter, checked by the check and
//! filled in by the engine).

mod condition;
pub(crate) mod decode;
pub mod json;
pub(crate) mod links;
mod load;
mod overlay;
pub(crate) mod placeholder;
mod ruleset;
pub(crate) mod text;

pub use condition::{AnswerTest, Condition, RawCondition, CLOCK_STATES, RIGHTS_HOLDERS};
pub use decode::{parse_overlay, parse_ruleset};
pub use load::{load_overlay, load_ruleset, LoadError};
pub use overlay::{
    add_texts, apply_overlay, lay_over, Council, Laid, Overlay, OverlayProblem, RouteTexts,
    TextsById,
};
pub use ruleset::{
    Choice, Clock, ClockRule, ClockStep, Contact, DeadlineRule, Group, HolidayData, IsoDate, Kind,
    Letter, Milestone, Next, OneOffHoliday, Question, Rights, Route, Ruleset, StartScreen, When,
    RESULTS,
};
pub use text::{Role, Text};

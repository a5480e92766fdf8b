//! The ruleset and council overlay types, as written in `rules.json` and `www/councils/*.json`.
//!
//! Everything here is plain data, read by [`crate::read`] (the one reader, for the widget and
//! the command line alike) and written as JSON with the serde derives. The types say
//! what a file may hold; the [`crate::check`] layer says whether what it holds makes sense
//! (references, reachability, cycles), and the [`crate::engine`] layer uses it.
//!
//! A small rule about what the files hold is here too, so that every layer reads it the same
//! way: `links` (which contact details the widget shows as links, and the check warns about).
//! The `{…}` placeholders of a text are read by [`crate::placeholder`].

mod condition;
pub mod interface;
pub(crate) mod links;
mod overlay;
mod ruleset;
pub(crate) mod text;

pub use condition::{AnswerTest, Condition, RawCondition, CLOCK_STATES, RIGHTS_HOLDERS};
pub use interface::{InterfaceTexts, Ui};
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

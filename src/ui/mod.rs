//! The user interface.
//!
//! `journey` is the state machine, `markup` the results page as one string of HTML and
//! `takeaway` the files a family can save from the results (all plain Rust, tested
//! natively). With the `web` feature, the Yew components show the journey (`view`: one screen
//! at a time, GOV.UK patterns, focus moved to the new heading on every step), and `browser`
//! holds what they ask of the browser itself: the device's storage, downloads, the clipboard,
//! focus, the page's address, and the parsing of the results' markup.

#[cfg(feature = "web")]
mod browser;
#[cfg(any(feature = "web", test))]
pub(crate) mod journey;
#[cfg(any(feature = "web", test))]
pub(crate) mod markup;
#[cfg(any(feature = "web", test))]
pub(crate) mod takeaway;
#[cfg(feature = "web")]
pub(crate) mod view;

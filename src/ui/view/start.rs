//! The start screen.

use yew::prelude::*;

use super::parts::heading;
use super::Levels;
use crate::model::{Ruleset, Ui};

/// What the start screen needs from the app.
pub(crate) struct StartProps<'a> {
    pub rules: &'a Ruleset,
    pub levels: Levels,
    pub heading: NodeRef,
    pub on_start: Callback<()>,
}

/// The start screen. A plain function, not a component: each component costs the widget its own
/// copy of Yew's lifecycle code, and the app redraws the screen on every move anyway.
pub(crate) fn start_screen(props: &StartProps<'_>) -> Html {
    let screen = &props.rules.start_screen;
    let on_start = props.on_start.clone();
    html! {
        <div class="srf-screen">
            { heading(props.levels, 0, "srf-heading-l", Some(props.heading.clone()), html! { {&screen.title} }) }
            { for screen.paragraphs.iter().map(|p| html! { <p class="srf-body">{p}</p> }) }
            <p class="srf-body">{&screen.time_needed}</p>
            <p class="srf-body srf-inset">{&screen.privacy}</p>
            <button type="button" class="srf-button srf-button--start" onclick={move |_| on_start.emit(())}>
                {props.rules.interface_texts.get(Ui::StartNow)}
                <svg class="srf-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                </svg>
            </button>
        </div>
    }
}

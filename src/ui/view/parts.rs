//! Small parts shared by the screens: the heading, the back link, the error summary.
//! Markup only: what they ask of the browser is in [`browser`].

use yew::prelude::*;

use super::Levels;
use crate::model::{InterfaceTexts, Ui};
use crate::ui::browser;
use crate::ui::journey::FieldError;

/// A heading at a level below the embedding's first heading; with a node, focus is allowed by
/// script (each screen's main heading). One `html!` site for every heading of the screens: each
/// element with a tag chosen at run time costs the widget its own code.
#[inline(never)]
pub(crate) fn heading(
    levels: Levels,
    below: u8,
    class: &'static str,
    node: Option<NodeRef>,
    text: Html,
) -> Html {
    let tabindex = node.is_some().then_some("-1");
    let node = node.unwrap_or_default();
    html! { <@{levels.tag(below)} class={class} {tabindex} ref={node}>{text}</@> }
}

/// A paragraph of body text. One function for every such paragraph: each `html!` element costs
/// the widget its own code.
#[inline(never)]
pub(crate) fn body(text: &str) -> Html {
    html! { <p class="srf-body">{text}</p> }
}

/// "Back", as a button that looks like the GOV.UK back link.
pub(crate) fn back_link(on_back: Callback<()>, texts: &InterfaceTexts) -> Html {
    html! {
        <button type="button" class="srf-back-link" onclick={move |_| on_back.emit(())}>{texts.get(Ui::Back)}</button>
    }
}

/// The error summary: a list of the problems, each a link to its field. It takes focus.
pub(crate) fn error_summary(
    errors: &[FieldError],
    node: &NodeRef,
    levels: Levels,
    texts: &InterfaceTexts,
) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="srf-error-summary" role="group" tabindex="-1" ref={node.clone()} aria-labelledby="srf-error-summary-title">
            { heading(levels, 0, "srf-error-summary__title", None, html! { <span id="srf-error-summary-title">{texts.get(Ui::Problem)}</span> }) }
            <ul class="srf-list srf-error-summary__list">
                { for errors.iter().map(|e| {
                    let target = e.target.clone();
                    let onclick = Callback::from(move |ev: MouseEvent| {
                        ev.prevent_default();
                        browser::focus_in_same_root(&ev, &target);
                    });
                    html! { <li><a href={format!("#{}", e.target)} {onclick}>{&e.message}</a></li> }
                }) }
            </ul>
        </div>
    }
}

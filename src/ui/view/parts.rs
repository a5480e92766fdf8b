//! Small parts shared by the screens: the heading, the back link, the error summary, links.
//! Markup only: what they ask of the browser is in [`browser`].

use yew::prelude::*;

use super::Levels;
use crate::model::links;
use crate::ui::browser;
use crate::ui::journey::FieldError;

/// A heading at a level below the embedding's first heading; with a node, focus is allowed by
/// script (each screen's main heading).
pub(crate) fn heading(
    levels: Levels,
    below: u8,
    class: &'static str,
    node: Option<NodeRef>,
    text: Html,
) -> Html {
    let focusable = node.is_some();
    any_heading(
        levels,
        below,
        class,
        node.unwrap_or_default(),
        None,
        focusable,
        text,
    )
}

/// A heading with an id, that a link in the results moves focus to (so it can take focus by
/// script).
pub(crate) fn heading_with_id(
    levels: Levels,
    below: u8,
    class: &'static str,
    id: String,
    text: &str,
) -> Html {
    let text = html! { {text} };
    any_heading(
        levels,
        below,
        class,
        NodeRef::default(),
        Some(id),
        true,
        text,
    )
}

/// Every heading of the widget. One `html!` site for them all: each element with a tag chosen
/// at run time costs the widget its own code.
#[inline(never)]
fn any_heading(
    levels: Levels,
    below: u8,
    class: &'static str,
    node: NodeRef,
    id: Option<String>,
    focusable: bool,
    text: Html,
) -> Html {
    let tabindex = focusable.then_some("-1");
    html! { <@{levels.tag(below)} class={class} {id} {tabindex} ref={node}>{text}</@> }
}

/// A heading with plain text and no focus, at a level below the embedding's first heading.
#[inline(never)]
pub(crate) fn heading_text(levels: Levels, below: u8, class: &'static str, text: &str) -> Html {
    let text = html! { {text} };
    any_heading(levels, below, class, NodeRef::default(), None, false, text)
}

/// A button (`class` from srf-button's) that runs `onclick`. One function for the buttons
/// of the results.
#[inline(never)]
pub(crate) fn button(
    class: &'static str,
    text: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! { <button type="button" {class} {onclick}>{text}</button> }
}

/// A paragraph of body text. One function for every such paragraph: each `html!` element costs
/// the widget its own code.
#[inline(never)]
pub(crate) fn body(text: &str) -> Html {
    html! { <p class="srf-body">{text}</p> }
}

/// A paragraph of body text after a label in bold: "Time limit: ...".
#[inline(never)]
pub(crate) fn labelled(label: &'static str, text: &str) -> Html {
    html! { <p class="srf-body"><strong>{label}</strong>{text}</p> }
}

/// "Back", as a button that looks like the GOV.UK back link.
pub(crate) fn back_link(on_back: Callback<()>) -> Html {
    html! {
        <button type="button" class="srf-back-link" onclick={move |_| on_back.emit(())}>{"Back"}</button>
    }
}

/// The error summary: a list of the problems, each a link to its field. It takes focus.
pub(crate) fn error_summary(errors: &[FieldError], node: &NodeRef, levels: Levels) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="srf-error-summary" role="group" tabindex="-1" ref={node.clone()} aria-labelledby="srf-error-summary-title">
            { heading(levels, 0, "srf-error-summary__title", None, html! { <span id="srf-error-summary-title">{"There is a problem"}</span> }) }
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

/// A phone number as a link that dials. Contact details carry `translate="no"`: a browser's
/// page translation must not change a number, an address or a web address a family copies.
pub(crate) fn phone_link(phone: &str) -> Html {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if links::is_phone(phone) {
        html! { <a href={format!("tel:{digits}")} translate="no">{phone}</a> }
    } else {
        exact(phone)
    }
}

/// A web address as a link, only when it is https; otherwise plain text.
pub(crate) fn web_link(url: &str, text: &str) -> Html {
    if links::is_https_link(url) {
        html! { <a href={url.to_string()} target="_blank" rel="noopener noreferrer"><span translate="no">{text}</span><span class="srf-visually-hidden">{" (opens in a new tab)"}</span></a> }
    } else {
        exact(url)
    }
}

/// An email address as a link, only when it looks like one.
pub(crate) fn email_link(email: &str) -> Html {
    if links::is_email(email) {
        html! { <a href={format!("mailto:{email}")} translate="no">{email}</a> }
    } else {
        exact(email)
    }
}

/// Text to be copied exactly as it is, which page translation must leave alone: a contact's
/// address, or a phone number, email or web address that cannot be a link.
#[inline(never)]
pub(crate) fn exact(text: &str) -> Html {
    html! { <span translate="no">{text}</span> }
}

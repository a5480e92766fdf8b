//! Small parts shared by the screens: the heading, the back link, the error summary, links.

use yew::prelude::*;

use super::Levels;
use crate::ui::journey::FieldError;

/// A heading at a level below the embedding's first heading; with a node, focus is allowed by
/// script (each screen's main heading).
pub fn heading(
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
pub fn heading_with_id(
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
pub fn heading_text(levels: Levels, below: u8, class: &'static str, text: &str) -> Html {
    let text = html! { {text} };
    any_heading(levels, below, class, NodeRef::default(), None, false, text)
}

/// A button (`class` from srf-button's) that runs `onclick`. One function for the buttons
/// of the results.
#[inline(never)]
pub fn button(class: &'static str, text: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" {class} {onclick}>{text}</button> }
}

/// A paragraph of body text. One function for every such paragraph: each `html!` element costs
/// the widget its own code.
#[inline(never)]
pub fn body(text: &str) -> Html {
    html! { <p class="srf-body">{text}</p> }
}

/// A paragraph of body text after a label in bold: "Time limit: ...".
#[inline(never)]
pub fn labelled(label: &'static str, text: &str) -> Html {
    html! { <p class="srf-body"><strong>{label}</strong>{text}</p> }
}

/// "Back", as a button that looks like the GOV.UK back link.
pub fn back_link(on_back: Callback<()>) -> Html {
    html! {
        <button type="button" class="srf-back-link" onclick={move |_| on_back.emit(())}>{"Back"}</button>
    }
}

/// The error summary: a list of the problems, each a link to its field. It takes focus.
pub fn error_summary(errors: &[FieldError], node: &NodeRef, levels: Levels) -> Html {
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
                        focus_in_same_root(&ev, &target);
                    });
                    html! { <li><a href={format!("#{}", e.target)} {onclick}>{&e.message}</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// Focus the element with this id in the same document or shadow root as the event's target.
pub fn focus_in_same_root(ev: &MouseEvent, id: &str) {
    use wasm_bindgen::JsCast;
    let Some(node) = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
        return;
    };
    let root = node.get_root_node();
    let found = if let Some(shadow) = root.dyn_ref::<web_sys::ShadowRoot>() {
        shadow.get_element_by_id(id)
    } else {
        root.dyn_ref::<web_sys::Document>()
            .and_then(|d| d.get_element_by_id(id))
    };
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// A phone number as a link that dials. Contact details carry `translate="no"`: a browser's
/// page translation must not change a number, an address or a web address a family copies.
pub fn phone_link(phone: &str) -> Html {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    if crate::check::texts::is_phone(phone) {
        html! { <a href={format!("tel:{digits}")} translate="no">{phone}</a> }
    } else {
        exact(phone)
    }
}

/// A web address as a link, only when it is https; otherwise plain text.
pub fn web_link(url: &str, text: &str) -> Html {
    if crate::check::texts::is_https_link(url) {
        html! { <a href={url.to_string()} target="_blank" rel="noopener noreferrer"><span translate="no">{text}</span><span class="srf-visually-hidden">{" (opens in a new tab)"}</span></a> }
    } else {
        exact(url)
    }
}

/// An email address as a link, only when it looks like one.
pub fn email_link(email: &str) -> Html {
    if crate::check::texts::is_email(email) {
        html! { <a href={format!("mailto:{email}")} translate="no">{email}</a> }
    } else {
        exact(email)
    }
}

/// Text to be copied exactly as it is, which page translation must leave alone: a contact's
/// address, or a phone number, email or web address that cannot be a link.
#[inline(never)]
pub fn exact(text: &str) -> Html {
    html! { <span translate="no">{text}</span> }
}

/// Offer a file made in the browser as a download: nothing leaves the device.
pub fn download(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Let the download start before the address goes.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
}

/// Now in UTC as `YYYYMMDDTHHMMSSZ`, for a calendar file's time stamp.
pub fn utc_stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds()
    )
}

/// The device's storage for this page, when the browser allows it.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Keep a text on this device under a key (only ever on the person's request). False when
/// the browser refuses (private browsing, storage off).
pub fn store(key: &str, text: &str) -> bool {
    !key.is_empty() && storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// Forget a text kept on this device.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The address of this page with the answers in the fragment only (`#<name>=<answers>`),
/// never in the query string, so they are not sent to the server when the link is opened.
pub fn link_to(name: &str, answers: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let here = location.href().unwrap_or_default();
    let base = here.split('#').next().unwrap_or_default();
    let encoded = String::from(js_sys::encode_uri_component(answers));
    format!("{base}#{name}={encoded}")
}

/// Put a text on the clipboard; the promise's outcome is not awaited (the text stays on
/// screen to copy by hand).
pub fn copy_text(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return false;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else {
        return false;
    };
    write.dyn_ref::<js_sys::Function>().is_some_and(|f| {
        f.call1(&clipboard, &wasm_bindgen::JsValue::from_str(text))
            .is_ok()
    })
}

/// Copy what is now in a text field (as the person has changed it) of the same shadow root
/// as the event's target.
pub fn copy_field(ev: &MouseEvent, id: &str) {
    use wasm_bindgen::JsCast;
    let Some(node) = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
        return;
    };
    let root = node.get_root_node();
    let found = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.get_element_by_id(id),
        None => root
            .dyn_ref::<web_sys::Document>()
            .and_then(|d| d.get_element_by_id(id)),
    };
    if let Some(field) = found.and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        copy_text(&field.value());
    }
}

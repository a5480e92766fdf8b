//! What the screens ask of the browser itself: the device's storage, a file to download, the
//! clipboard, the page's address, focus, what was typed in a field, and the results' markup
//! made into elements.
//!
//! It exists so that the views (`view/`) hold markup only: every call to `web_sys` and
//! `js_sys` a screen needs is here, each one failing quietly when the browser refuses (private
//! browsing, storage off, no clipboard), since the widget must go on without it.

use wasm_bindgen::JsCast;
use yew::NodeRef;

use super::markup::{tokens, Token};

/// Focus the element a `NodeRef` holds (a screen's heading or the error summary).
pub(crate) fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// The element with this id in the same document or shadow root as the event's target.
fn in_same_root(ev: &web_sys::Event, id: &str) -> Option<web_sys::Element> {
    let node = ev.target()?.dyn_into::<web_sys::Node>().ok()?;
    let root = node.get_root_node();
    match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.get_element_by_id(id),
        None => root
            .dyn_ref::<web_sys::Document>()
            .and_then(|d| d.get_element_by_id(id)),
    }
}

/// Focus the element with this id in the same document or shadow root as the event's target.
pub(crate) fn focus_in_same_root(ev: &web_sys::Event, id: &str) {
    if let Some(el) = in_same_root(ev, id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The input element an event came from.
fn input(ev: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// What is now in the text field an event came from.
pub(crate) fn input_value(ev: &web_sys::Event) -> Option<String> {
    input(ev).map(|i| i.value())
}

/// Whether the checkbox an event came from is now ticked.
pub(crate) fn input_checked(ev: &web_sys::Event) -> Option<bool> {
    input(ev).map(|i| i.checked())
}

/// Offer a file made in the browser as a download: nothing leaves the device.
pub(crate) fn download(name: &str, mime: &str, text: &str) {
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
pub(crate) fn utc_stamp() -> String {
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
pub(crate) fn store(key: &str, text: &str) -> bool {
    !key.is_empty() && storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// Forget a text kept on this device.
pub(crate) fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The address of this page with the answers in the fragment only (`#<name>=<answers>`),
/// never in the query string, so they are not sent to the server when the link is opened.
pub(crate) fn link_to(name: &str, answers: &str) -> String {
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
pub(crate) fn copy_text(text: &str) -> bool {
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
pub(crate) fn copy_field(ev: &web_sys::Event, id: &str) {
    if let Some(field) =
        in_same_root(ev, id).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        copy_text(&field.value());
    }
}

thread_local! {
    /// The page refused a string of HTML (it enforces Trusted Types): make elements one by one.
    static NO_HTML: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The nodes of the widget's own markup (`ui::markup`, every text and attribute in it
/// escaped), parsed by the browser in one go, not yet in the page. A page that enforces Trusted
/// Types refuses a string of HTML (the browser says so once in the console): there the markup
/// is read back and each element made on its own, the same elements, more slowly.
pub(crate) fn parse_markup(markup: &str) -> Vec<web_sys::Node> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Ok(holder) = document.create_element("div") else {
        return Vec::new();
    };
    let refused = NO_HTML.get()
        || js_sys::Reflect::set(
            &holder,
            &"innerHTML".into(),
            &wasm_bindgen::JsValue::from_str(markup),
        )
        .is_err();
    if refused {
        NO_HTML.set(true);
        let mut open = vec![holder.clone()];
        for token in tokens(markup).unwrap_or_default() {
            let Some(parent) = open.last() else {
                break;
            };
            match token {
                Token::Open(tag, attributes) => {
                    let Ok(element) = document.create_element(tag) else {
                        break;
                    };
                    for (name, value) in attributes {
                        let _ = element.set_attribute(name, &value);
                    }
                    let _ = parent.append_child(&element);
                    open.push(element);
                }
                Token::Text(text) => {
                    let _ = parent.append_with_str_1(&text);
                }
                Token::Close => {
                    if open.len() > 1 {
                        open.pop();
                    }
                }
            }
        }
    }
    let mut nodes = Vec::new();
    let mut next = holder.first_child();
    while let Some(node) = next {
        next = node.next_sibling();
        nodes.push(node);
    }
    nodes
}

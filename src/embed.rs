//! The browser entry: what `send-route-finder.js` calls for each `<send-route-finder>`
//! element (contract section 6).
//!
//! [`start`] gives the element an open shadow root holding the widget's stylesheet, a slot that
//! keeps showing the element's fallback content, and an empty box. It fetches the ruleset and
//! the overlay, checks them, and only then hides the fallback and starts the app in the box.
//! If anything fails, the fallback stays (it carries the council's own link) with a short
//! message above it, and one line goes to the console. Nothing here panics on bad input.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, ShadowRoot};

use crate::check;
use crate::dates::{self, Date};
use crate::ui::view::{App, AppProps, WidgetEvent};

thread_local! {
    /// The running apps, kept so they live as long as the page.
    static APPS: RefCell<Vec<yew::AppHandle<App>>> = const { RefCell::new(Vec::new()) };
}

/// Start the widget in a `<send-route-finder>` element, fetching the ruleset and the overlay
/// from these absolute URLs. `css_url` is the widget's stylesheet, next to the script.
#[wasm_bindgen]
pub async fn start(host: HtmlElement, rules_url: Option<String>, council_url: Option<String>, heading_level: u8, css_url: String) {
    let Some(parts) = prepare(&host, &css_url) else { return };
    let texts = async {
        let rules_url = rules_url.filter(|u| !u.is_empty()).ok_or("the element has no \"rules\" attribute")?;
        let rules = fetch_text(&rules_url).await?;
        let council = match council_url.filter(|u| !u.is_empty()) {
            Some(url) => Some(fetch_text(&url).await?),
            None => None,
        };
        Ok::<_, String>((rules, council))
    };
    finish(host, parts, texts.await, heading_level);
}

/// Start the widget with the ruleset and overlay already being fetched by the page's script,
/// which starts both requests before the wasm has arrived, so they load side by side. Each
/// promise resolves to the file's text, or rejects with a message.
#[wasm_bindgen]
pub async fn start_fetched(host: HtmlElement, rules: js_sys::Promise, council: Option<js_sys::Promise>, heading_level: u8, css_url: String) {
    let Some(parts) = prepare(&host, &css_url) else { return };
    let text = |p: js_sys::Promise| async move {
        match JsFuture::from(p).await {
            Ok(v) => v.as_string().ok_or_else(|| "a file is not text".to_string()),
            Err(e) => Err(e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "a file could not be fetched".into())),
        }
    };
    let texts = async {
        let rules = text(rules).await?;
        let council = match council {
            Some(p) => Some(text(p).await?),
            None => None,
        };
        Ok::<_, String>((rules, council))
    };
    finish(host, parts, texts.await, heading_level);
}

/// Check the files and start the app, or keep the fallback with a message.
fn finish(host: HtmlElement, parts: Parts, texts: Result<(String, Option<String>), String>, heading_level: u8) {
    let loaded = texts.and_then(|(rules, council)| {
        check::usable(&rules, council.as_deref()).map_err(|problems| {
            format!(
                "the rules cannot be used ({} problem{}; the first: {}). Run route-finder check on them.",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                problems.first().map(String::as_str).unwrap_or("")
            )
        })
    });
    match loaded {
        Ok((rules, council)) => {
            parts.slot.remove();
            parts.message.remove();
            let props = AppProps {
                rules: Rc::new(rules),
                council: council.map(Into::into),
                today: today(),
                heading_level: heading_level.clamp(1, 6),
                on_event: events_to(host.clone()),
            };
            // One plain line instead of Yew's default hook, which formats the whole panic
            // (and carries the code to do it). The code is written not to panic.
            yew::set_custom_panic_hook(Box::new(|_| {
                web_sys::console::error_1(&"send-route-finder: internal error".into());
            }));
            let app = yew::Renderer::<App>::with_root_and_props(parts.container, props).render();
            APPS.with(|apps| apps.borrow_mut().push(app));
        }
        Err(problem) => {
            web_sys::console::error_1(&format!("send-route-finder: {problem}").into());
            parts.message.set_text_content(Some(
                "Sorry, the route finder could not start. The information below still applies.",
            ));
            let _ = parts.message.set_attribute("role", "alert");
            let _ = parts.message.set_attribute("class", "srf-load-error");
        }
    }
}

/// The shadow root's contents.
struct Parts {
    message: Element,
    slot: Element,
    container: Element,
}

/// Set up the shadow root: stylesheet, a place for a message, the fallback slot, the app box.
fn prepare(host: &HtmlElement, css_url: &str) -> Option<Parts> {
    let root: ShadowRoot = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?,
    };
    let document = host.owner_document()?;
    root.set_inner_html("");
    let link = document.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", css_url).ok()?;
    let message = document.create_element("p").ok()?;
    let slot = document.create_element("slot").ok()?;
    let container = document.create_element("div").ok()?;
    container.set_attribute("class", "srf-root").ok()?;
    for node in [&link, &message, &slot, &container] {
        root.append_child(node).ok()?;
    }
    Some(Parts { message, slot, container })
}

/// GET a URL as text; an HTTP error is an error. Never cached stale by the browser's
/// heuristics: the ruleset must be current.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| format!("{url} could not be fetched"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{url} answered {} {}", response.status(), response.status_text()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body")?)
        .await
        .map_err(|_| format!("{url} could not be read"))?;
    text.as_string().ok_or_else(|| format!("{url} is not text"))
}

/// Today, on the person's own clock.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let iso = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    dates::parse_iso_date(&iso).unwrap_or(Date::MIN)
}

/// Tell the page what happens, with DOM events that bubble out of the shadow root. Only
/// question and route ids: never an answer.
fn events_to(host: HtmlElement) -> yew::Callback<WidgetEvent> {
    yew::Callback::from(move |event: WidgetEvent| {
        let (name, detail): (&str, JsValue) = match event {
            WidgetEvent::Start => ("srf-start", JsValue::NULL),
            WidgetEvent::Step(q) => ("srf-step", JsValue::from_str(&q)),
            WidgetEvent::Results(ids) => {
                ("srf-results", ids.iter().map(|id| JsValue::from_str(id)).collect::<js_sys::Array>().into())
            }
        };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&e);
        }
    })
}

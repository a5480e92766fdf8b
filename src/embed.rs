//! The browser entry: what `send-route-finder.js` calls for each `<send-route-finder>`
//! element (docs/contract.md, section 6), once the wasm, the ruleset and the overlay have arrived.
//!
//! The script does everything that must happen before the wasm arrives: the shadow root,
//! the stylesheet, the requests, a start screen that works at once, and the message when
//! something fails. [`start`] checks the files and starts the app in the box the script
//! gives it, or says why it cannot; it never panics on bad input.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

use crate::check;
use crate::dates::{self, Date};
use crate::ui::view::{App, AppProps, Keep, WidgetEvent};

thread_local! {
    /// The running apps, each with its element, kept until the element leaves the page.
    static APPS: RefCell<Vec<(HtmlElement, yew::AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
}

/// What the script gives [`start`] for one element: the fields of a JavaScript object,
/// `{host, container, rules, council, headingLevel, begun, answers, saved, storeKey,
/// linkName}`.
struct Options {
    /// `host`: the `<send-route-finder>` element; the DOM events go to it.
    host: HtmlElement,
    /// `container`: the box in the element's shadow root that the app is drawn in.
    container: Element,
    /// `rules`: the text of the ruleset.
    rules: String,
    /// `council`: the text of the council overlay, when there is one.
    council: Option<String>,
    /// `headingLevel`: the level of the widget's first heading (2 when not given).
    heading_level: u8,
    /// `begun`: the person already pressed Start on the script's start screen, so the app
    /// opens at the first question.
    begun: bool,
    /// `answers`: answers kept earlier (JSON, docs/contract.md, section 1).
    answers: Option<String>,
    /// `saved`: the answers came from this device's storage.
    saved: bool,
    /// `storeKey`: where this widget keeps answers on the device.
    store_key: String,
    /// `linkName`: this widget's name in a link's fragment.
    link_name: String,
}

impl Options {
    /// Read the fields of the script's object. A text or flag that is missing or of another
    /// type counts as not given; without the two elements and the ruleset's text, there is
    /// nothing to start.
    fn read(object: &JsValue) -> Result<Self, String> {
        let field = |name: &str| {
            js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
        };
        let text = |name: &str| field(name).as_string();
        let flag = |name: &str| field(name).as_bool().unwrap_or(false);
        let (Ok(host), Ok(container), Some(rules)) = (
            field("host").dyn_into::<HtmlElement>(),
            field("container").dyn_into::<Element>(),
            text("rules"),
        ) else {
            return Err(OPTIONS_UNUSABLE.to_string());
        };
        // `as` saturates (and makes NaN 0); the level is kept to 1 to 6 when the app starts.
        let heading_level = field("headingLevel").as_f64().map_or(2, |n| n as u8);
        Ok(Self {
            host,
            container,
            rules,
            council: text("council"),
            heading_level,
            begun: flag("begun"),
            answers: text("answers"),
            saved: flag("saved"),
            store_key: text("storeKey").unwrap_or_default(),
            link_name: text("linkName").unwrap_or_default(),
        })
    }
}

/// Start the widget of an element. `options` is the script's object, `{host, container, rules,
/// council, headingLevel, begun, answers, saved, storeKey, linkName}` (each field is described
/// on `Options`): the app is drawn in `container` with the ruleset and the council overlay, and
/// opens with `answers` when they still fit the ruleset.
///
/// A family never loses the national routes to a council's mistake: when the overlay cannot
/// be used, the widget starts with the national ruleset alone and returns why, for the script
/// to tell the family in one line and the council in the console. Only a ruleset that cannot
/// be used (or an object without the elements and the ruleset) stops it: then the error is the
/// message for the console.
#[wasm_bindgen]
pub fn start(options: JsValue) -> Result<Option<String>, String> {
    let Options {
        host,
        container,
        rules,
        council,
        heading_level,
        begun,
        answers,
        saved,
        store_key,
        link_name,
    } = Options::read(&options)?;
    let (rules, council, without_council) = match check::usable(&rules, council.as_deref()) {
        Ok((rules, council)) => (rules, council, None),
        Err(problems) if council.is_some() => {
            // Is it the overlay? The ruleset alone decides.
            let (rules, _) = check::usable(&rules, None)
                .map_err(|national| problems_message(RULES_UNUSABLE, &national))?;
            (
                rules,
                None,
                Some(problems_message(COUNCIL_UNUSABLE, &problems)),
            )
        }
        Err(problems) => return Err(problems_message(RULES_UNUSABLE, &problems)),
    };
    // Answers that no longer fit the ruleset (it changed since) are dropped: start afresh.
    let restore = answers.and_then(|text| crate::engine::Answers::restore(&text, &rules));
    let props = AppProps {
        restore,
        saved,
        keep: Keep {
            store: store_key.into(),
            link: link_name.into(),
        },
        rules: Rc::new(rules),
        council: council.map(Into::into),
        today: today(),
        heading_level: heading_level.clamp(1, 6),
        begun,
        on_event: events_to(host.clone()),
    };
    // One plain line instead of Yew's default hook, which formats the whole panic (and
    // carries the code to do it). The code is written not to panic.
    yew::set_custom_panic_hook(Box::new(|_| {
        web_sys::console::error_1(&"send-route-finder: internal error".into());
    }));
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    APPS.with(|apps| apps.borrow_mut().push((host, app)));
    Ok(without_council)
}

const OPTIONS_UNUSABLE: &str =
    "start needs an object with the host element, the container element and the rules as text";
const RULES_UNUSABLE: &str =
    "the rules cannot be used. Run route-finder check on them. The problems:";
const COUNCIL_UNUSABLE: &str = "the council's file cannot be used, so the widget shows national contacts only. Run route-finder check on it (with --council). The problems:";

/// A message for the console: what cannot be used, then the problems, one a line.
fn problems_message(what: &str, problems: &[String]) -> String {
    let mut message = what.to_string();
    for p in problems {
        message.push_str("\n- ");
        message.push_str(p);
    }
    message
}

/// Stop the widget of an element that has left the page, and free what it held.
#[wasm_bindgen]
pub fn stop(host: HtmlElement) {
    let stopped: Vec<_> = APPS.with(|apps| {
        let mut apps = apps.borrow_mut();
        let (gone, kept) = apps.drain(..).partition(|(h, _)| *h == host);
        *apps = kept;
        gone
    });
    for (_, app) in stopped {
        app.destroy();
    }
}

/// Today, on the person's own clock.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    let month = dates::month_from_number(now.get_month() as u8 + 1);
    month
        .and_then(|m| {
            Date::from_calendar_date(now.get_full_year() as i32, m, now.get_date() as u8).ok()
        })
        .unwrap_or(Date::MIN)
}

/// Tell the page what happens, with DOM events that bubble out of the shadow root. Only
/// question and route ids: never an answer.
fn events_to(host: HtmlElement) -> yew::Callback<WidgetEvent> {
    yew::Callback::from(move |event: WidgetEvent| {
        let (name, detail): (&str, JsValue) = match event {
            WidgetEvent::Start => ("srf-start", JsValue::NULL),
            WidgetEvent::Step(q) => ("srf-step", JsValue::from_str(&q)),
            WidgetEvent::Results(ids) => (
                "srf-results",
                ids.iter()
                    .map(|id| JsValue::from_str(id))
                    .collect::<js_sys::Array>()
                    .into(),
            ),
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

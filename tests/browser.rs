//! Browser tests: the real widget in headless Chromium (wasm-bindgen-test), driven as a person
//! would, by clicking and typing into it, through the public scenarios and the error, back,
//! change, start again, failure and two-widget cases.
//!
//! Run by scripts/test.sh: `cargo test --target wasm32-unknown-unknown --no-default-features
//! --features web --test browser`. The test runner serves the crate's own files, so the tests
//! fetch /rules.json and /www/councils/*.json as a page would.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::time::Duration;

use send_route_finder::dates;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const PUBLIC: &str = include_str!("scenarios/public.json");

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

async fn sleep(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

/// GET a file the test runner serves, as text.
async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().expect("window");
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: no response"))?
        .dyn_into()
        .expect("a response");
    if !response.ok() {
        return Err(format!("{url} answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().expect("a body"))
        .await
        .map_err(|_| format!("{url}: no body"))?;
    Ok(text.as_string().unwrap_or_default())
}

/// A host element on the page, with fallback content and an open shadow root holding the
/// box the widget starts in, as send-route-finder.js makes them.
fn host_and_box() -> (HtmlElement, ShadowRoot, Element) {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    host.set_inner_html("<p class=\"fallback\">Fallback: <a href=\"https://example.org/council\">council page</a></p>");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .expect("shadow root");
    let container = document().create_element("div").expect("div");
    root.append_child(&container).expect("append");
    (host, root, container)
}

/// Fetch the files and call the wasm entry as send-route-finder.js does.
async fn try_mount(
    rules: &str,
    council: Option<&str>,
    level: u8,
    begun: bool,
) -> Result<(HtmlElement, ShadowRoot), String> {
    let (host, root, container) = host_and_box();
    let rules = fetch_text(rules).await;
    let council = match council {
        Some(url) => Some(fetch_text(url).await),
        None => None,
    };
    let started = rules
        .and_then(|r| Ok((r, council.transpose()?)))
        .and_then(|(rules, council)| {
            let options = js_sys::Object::new();
            let fields: [(&str, wasm_bindgen::JsValue); 8] = [
                ("host", host.clone().into()),
                ("container", container.into()),
                ("rules", rules.into()),
                ("council", council.into()),
                ("headingLevel", level.into()),
                ("begun", begun.into()),
                ("saved", false.into()),
                ("linkName", "srf-test".into()),
            ];
            for (name, value) in fields {
                js_sys::Reflect::set(&options, &name.into(), &value).expect("set a field");
            }
            send_route_finder::embed::start(options.into())
        });
    match started {
        Ok(_) => Ok((host, root)),
        Err(e) => {
            cleanup(&host);
            Err(e)
        }
    }
}

/// The widget started in a new host element.
async fn mount(rules: &str, council: Option<&str>) -> (HtmlElement, ShadowRoot) {
    try_mount(rules, council, 2, false)
        .await
        .expect("the widget starts")
}

/// Wait until an element matches, for up to five seconds.
async fn find(root: &ShadowRoot, selector: &str) -> Element {
    for _ in 0..250 {
        if let Ok(Some(e)) = root.query_selector(selector) {
            return e;
        }
        sleep(20).await;
    }
    panic!(
        "nothing matches {selector}; the widget shows: {}",
        root.inner_html().chars().take(2000).collect::<String>()
    );
}

fn maybe(root: &ShadowRoot, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn click(e: &Element) {
    e.dyn_ref::<HtmlElement>().expect("html element").click();
}

fn heading_text(root: &ShadowRoot) -> String {
    maybe(root, "[tabindex=\"-1\"].srf-heading-l")
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

/// Wait for the screen to change after an action (the main heading's text changes).
async fn after(root: &ShadowRoot, before: &str) {
    for _ in 0..250 {
        if heading_text(root) != before {
            // Let the effects after the render run (focus, events).
            sleep(60).await;
            return;
        }
        sleep(20).await;
    }
    panic!("the screen did not change from {before:?}");
}

fn current_question(root: &ShadowRoot) -> Option<String> {
    let input = maybe(root, "form input")?;
    let name = input.get_attribute("name")?;
    Some(name.trim_end_matches("-day").to_string())
}

/// Answer the question on screen and press Continue.
async fn answer(root: &ShadowRoot, question: &str, value: &Value) {
    let before = heading_text(root);
    match value {
        Value::String(s) if maybe(root, &format!("#srf-{question}-day")).is_some() => {
            if s == "unknown" {
                click(&find(root, &format!("#srf-{question}-unknown")).await);
            } else {
                let d = dates::parse_iso_date(s).expect("a scenario date");
                for (part, v) in [
                    ("day", d.day().to_string()),
                    ("month", u8::from(d.month()).to_string()),
                    ("year", d.year().to_string()),
                ] {
                    type_into(root, &format!("#srf-{question}-{part}"), &v).await;
                }
            }
        }
        Value::String(s) => click(&find(root, &format!("#srf-{question}-{s}")).await),
        Value::Array(items) => {
            for v in items.iter().filter_map(Value::as_str) {
                click(&find(root, &format!("#srf-{question}-{v}")).await);
            }
        }
        other => panic!("answer {other}"),
    }
    sleep(10).await;
    click(&find(root, "button[type=submit]").await);
    after(root, &before).await;
}

/// Type into a text box, firing the input event a keyboard would.
async fn type_into(root: &ShadowRoot, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).await.dyn_into().expect("an input");
    input.set_value(text);
    let event = web_sys::InputEvent::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
    sleep(5).await;
}

/// Press Start and answer every question the widget asks from the answers given.
async fn journey(root: &ShadowRoot, answers: &Value) {
    let before = heading_text(root);
    click(&find(root, ".srf-button--start").await);
    after(root, &before).await;
    for _ in 0..20 {
        if maybe(root, ".srf-results").is_some() {
            return;
        }
        let q = current_question(root).expect("a question or the results");
        let value = match answers.get(&q) {
            Some(v) => v.clone(),
            None => not_known(&q, answers).unwrap_or_else(|| {
                panic!("the widget asked {q}, which the scenario does not answer")
            }),
        };
        answer(root, &q, &value).await;
    }
    find(root, ".srf-results").await;
}

/// The widget's answer that means what leaving a question of the second round unanswered
/// means to `evaluate` (docs/contract.md, section 7.1): the widget asks them, scenario files may not answer.
fn not_known(question: &str, answers: &Value) -> Option<Value> {
    let value = match question {
        // Unanswered: the young person's right only when they use the tool themselves.
        "finished_year_11" if answers["role"] == "young_person" => "yes",
        "finished_year_11" => "no",
        "health_section" => "not_sure",
        // Unanswered: no clock; "something else" gives none either.
        "late_step" => "other",
        "tribunal_case" => "discrimination_claim",
        "clock_date" | "tribunal_decision_date" => "unknown",
        _ => return None,
    };
    Some(Value::String(value.to_string()))
}

fn shown_routes(root: &ShadowRoot) -> Vec<String> {
    let list = root.query_selector_all("article.srf-route").expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .map(|e| {
            e.id()
                .trim_start_matches("srf-route-")
                .replacen("local-", "local:", 1)
        })
        .collect()
}

fn cleanup(host: &HtmlElement) {
    host.remove();
}

#[wasm_bindgen_test]
async fn public_scenarios_through_the_widget() {
    let file: Value = serde_json::from_str(PUBLIC).expect("scenarios");
    let scenarios = file["scenarios"].as_array().expect("list");
    assert!(scenarios.len() >= 8);
    let mut ran = 0;
    for s in scenarios {
        let council = s["council"]
            .as_str()
            .map(|c| format!("/www/councils/{c}.json"));
        let (host, root) = mount("/rules.json", council.as_deref()).await;
        journey(&root, &s["answers"]).await;
        let shown = shown_routes(&root);
        let id = s["id"].as_str().unwrap_or("?");
        for r in s["expect"]["include"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            assert!(
                shown.iter().any(|x| x == r),
                "{id}: {r} is not shown; shown: {shown:?}"
            );
        }
        for r in s["expect"]["exclude"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            assert!(!shown.iter().any(|x| x == r), "{id}: {r} is shown");
        }
        for (r, want) in s["expect"]["deadlines"].as_object().into_iter().flatten() {
            let article = find(&root, &format!("#srf-route-{r}")).await;
            let text = article.text_content().unwrap_or_default();
            match want.as_str() {
                Some(date) => {
                    let words = send_route_finder::engine::long_date(
                        &Default::default(),
                        dates::parse_iso_date(date).expect("date"),
                    );
                    assert!(
                        text.contains(&words),
                        "{id}: {r} should show {words}: {text}"
                    );
                }
                None => assert!(!text.contains("Last day:"), "{id}: {r} should have no date"),
            }
        }
        // The results say routes can run side by side, and show the ruleset's version.
        assert!(find(&root, ".srf-together")
            .await
            .text_content()
            .unwrap_or_default()
            .contains("same time"));
        assert!(find(&root, ".srf-version")
            .await
            .text_content()
            .unwrap_or_default()
            .contains("version 1.1.0"));
        // Phone numbers are links that dial.
        if let Some(tel) = maybe(&root, "a[href^=\"tel:\"]") {
            assert!(tel
                .get_attribute("href")
                .unwrap_or_default()
                .chars()
                .skip(4)
                .all(|c| c.is_ascii_digit() || c == '+'));
        }
        cleanup(&host);
        ran += 1;
    }
    assert_eq!(ran, scenarios.len());
}

#[wasm_bindgen_test]
async fn error_summary_takes_focus_and_links_to_the_field() {
    let (host, root) = mount("/rules.json", None).await;
    let before = heading_text(&root);
    click(&find(&root, ".srf-button--start").await);
    after(&root, &before).await;
    // The new heading has focus, and the polite live region says what changed.
    let active = root.active_element().expect("focus inside the widget");
    assert_eq!(
        active.text_content().unwrap_or_default(),
        "Who is using this tool?"
    );
    let live = find(&root, "[aria-live=polite]").await;
    assert_eq!(
        live.text_content().unwrap_or_default(),
        "Question: Who is using this tool?"
    );
    click(&find(&root, "button[type=submit]").await);
    let summary = find(&root, ".srf-error-summary").await;
    sleep(50).await;
    assert!(live
        .text_content()
        .unwrap_or_default()
        .contains("There is a problem"));
    assert_eq!(
        root.active_element().map(|e| e.class_name()),
        Some("srf-error-summary".to_string())
    );
    assert!(summary
        .text_content()
        .unwrap_or_default()
        .contains("Select who is using this tool"));
    assert!(find(&root, ".srf-error-message")
        .await
        .text_content()
        .unwrap_or_default()
        .contains("Select who is using this tool"));
    // The summary's link moves focus to the first choice.
    click(&find(&root, ".srf-error-summary a").await);
    sleep(20).await;
    assert_eq!(
        root.active_element().map(|e| e.id()),
        Some("srf-role-parent".to_string())
    );
    // An impossible date is an error too.
    answer(&root, "role", &Value::from("parent")).await;
    answer(&root, "age", &Value::from("under_16")).await;
    answer(&root, "ehcp", &Value::from("yes")).await;
    answer(&root, "about", &Value::from("discrimination")).await;
    answer(&root, "setting", &Value::from("academy")).await;
    type_into(&root, "#srf-event_date-day", "30").await;
    type_into(&root, "#srf-event_date-month", "2").await;
    type_into(&root, "#srf-event_date-year", "2026").await;
    click(&find(&root, "button[type=submit]").await);
    let summary = find(&root, ".srf-error-summary").await;
    assert!(summary
        .text_content()
        .unwrap_or_default()
        .contains("real date"));
    assert!(maybe(&root, "#srf-event_date-day.srf-input--error").is_some());
    cleanup(&host);
}

#[wasm_bindgen_test]
async fn back_keeps_answers_and_change_asks_new_questions() {
    let (host, root) = mount("/rules.json", None).await;
    let answers: Value =
        serde_json::json!({"role": "parent", "age": "under_16", "ehcp": "yes", "about": "health"});
    journey(&root, &answers).await;
    assert!(shown_routes(&root).contains(&"nhs_complaint".to_string()));
    // Back from the results: the last question, with its answer kept.
    let before = heading_text(&root);
    click(&find(&root, ".srf-back-link").await);
    after(&root, &before).await;
    let health: HtmlInputElement = find(&root, "#srf-about-health")
        .await
        .dyn_into()
        .expect("input");
    assert!(health.checked(), "the answer is kept");
    // Continue returns to the results.
    let before = heading_text(&root);
    click(&find(&root, "button[type=submit]").await);
    after(&root, &before).await;
    find(&root, ".srf-results").await;
    // Change "what it is about": the new questions are asked, then the results again.
    let before = heading_text(&root);
    let change = find(
        &root,
        ".srf-summary-list__row:nth-child(4) .srf-link-button",
    )
    .await;
    assert!(change
        .text_content()
        .unwrap_or_default()
        .contains("what it is about"));
    click(&change);
    after(&root, &before).await;
    answer(&root, "about", &Value::from("exclusion")).await;
    answer(&root, "exclusion_type", &Value::from("permanent")).await;
    answer(&root, "setting", &Value::from("maintained_school")).await;
    find(&root, ".srf-results").await;
    let shown = shown_routes(&root);
    assert!(shown.contains(&"exclusion_irp".to_string()), "{shown:?}");
    assert!(!shown.contains(&"nhs_complaint".to_string()), "{shown:?}");
    // Start again forgets everything.
    let before = heading_text(&root);
    click(&find(&root, ".srf-start-again").await);
    after(&root, &before).await;
    find(&root, ".srf-button--start").await;
    let before = heading_text(&root);
    click(&find(&root, ".srf-button--start").await);
    after(&root, &before).await;
    let parent: HtmlInputElement = find(&root, "#srf-role-parent")
        .await
        .dyn_into()
        .expect("input");
    assert!(!parent.checked(), "nothing is kept after Start again");
    cleanup(&host);
}

#[wasm_bindgen_test]
async fn invalid_rulesets_are_refused_with_a_reason_even_with_a_good_overlay() {
    for (rules, council, reason) in [
        (
            "/tests/broken/rules-syntax-trailing-comma.json",
            None,
            "not valid JSON",
        ),
        (
            "/tests/broken/rules-ref-next-missing-question.json",
            None,
            "cannot be used",
        ),
        // A broken ruleset stops the widget even with a good overlay.
        (
            "/tests/broken/rules-ref-next-missing-question.json",
            Some("/www/councils/luton.json"),
            "cannot be used",
        ),
        ("/README.md", None, "not valid JSON"),
    ] {
        let hosts_before = document()
            .query_selector_all("div")
            .map(|l| l.length())
            .unwrap_or(0);
        let error = try_mount(rules, council, 2, false)
            .await
            .err()
            .unwrap_or_else(|| panic!("{rules} was accepted"));
        assert!(error.contains(reason), "{rules}: {error}");
        assert!(
            error.contains("route-finder check") || reason == "not valid JSON",
            "{rules}: {error}"
        );
        let hosts_after = document()
            .query_selector_all("div")
            .map(|l| l.length())
            .unwrap_or(0);
        assert_eq!(
            hosts_before, hosts_after,
            "{rules}: nothing is left half-started"
        );
    }
}

#[wasm_bindgen_test]
async fn start_pressed_before_the_widget_arrived_opens_the_first_question() {
    let (host, root) = try_mount("/rules.json", None, 2, true)
        .await
        .expect("starts");
    let heading = find(&root, "legend [tabindex=\"-1\"]").await;
    assert!(
        heading
            .text_content()
            .unwrap_or_default()
            .contains("Who is using"),
        "{:?}",
        heading.text_content()
    );
    sleep(60).await;
    let focused = root.active_element().expect("something has focus");
    assert!(
        focused.is_same_node(Some(&heading)),
        "focus is on the question's heading"
    );
    cleanup(&host);
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_work_independently() {
    let (host_a, a) = mount("/rules.json", None).await;
    let (host_b, b) = mount("/rules.json", Some("/www/councils/bedford.json")).await;
    journey(&a, &serde_json::json!({"role": "parent", "age": "under_16", "ehcp": "no", "about": "social_care"})).await;
    // The second is still on its start screen.
    assert!(maybe(&b, ".srf-button--start").is_some());
    journey(
        &b,
        &serde_json::json!({"role": "parent", "age": "under_16", "ehcp": "in_progress", "about": "la_decision",
            "decision": "refuse_assessment", "decision_date": "2026-11-02", "certificate": "no"}),
    )
    .await;
    let in_a = shown_routes(&a);
    let in_b = shown_routes(&b);
    assert!(in_a.contains(&"children_social_care_complaint".to_string()));
    assert!(!in_a.contains(&"tribunal_appeal".to_string()));
    assert!(
        in_b.contains(&"local:way_forward_meeting".to_string()),
        "{in_b:?}"
    );
    assert!(!in_b.contains(&"children_social_care_complaint".to_string()));
    cleanup(&host_a);
    cleanup(&host_b);
}

#[wasm_bindgen_test]
async fn events_tell_the_page_route_ids_but_never_answers() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let body = document().body().expect("body");
    let mut listeners = Vec::new();
    for name in ["srf-start", "srf-step", "srf-results"] {
        let seen = seen.clone();
        let listener =
            Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
                seen.borrow_mut().push(format!(
                    "{}:{}",
                    e.type_(),
                    js_sys::JSON::stringify(&e.detail())
                        .map(String::from)
                        .unwrap_or_default()
                ));
            });
        body.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
            .expect("listen");
        listeners.push((name, listener));
    }
    let (host, root) = mount("/rules.json", None).await;
    journey(
        &root,
        &serde_json::json!({"role": "parent", "age": "under_16", "ehcp": "no", "about": "health"}),
    )
    .await;
    let seen = seen.borrow().clone();
    assert_eq!(seen.first().map(String::as_str), Some("srf-start:null"));
    assert!(seen.contains(&"srf-step:\"about\"".to_string()), "{seen:?}");
    let results = seen
        .iter()
        .find(|s| s.starts_with("srf-results:"))
        .expect("a results event");
    assert!(results.contains("nhs_complaint"));
    // No event carries an answer's value.
    assert!(
        !seen
            .iter()
            .any(|s| s.contains("parent") || s.contains("under_16") || s.contains("\"health\"")),
        "{seen:?}"
    );
    for (name, listener) in listeners {
        let _ = body.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    }
    cleanup(&host);
}

#[wasm_bindgen_test]
async fn the_page_sets_the_first_heading_level() {
    let (host, root) = try_mount("/rules.json", None, 4, false)
        .await
        .expect("starts");
    let start = find(&root, "h4.srf-heading-l").await;
    assert!(start
        .text_content()
        .unwrap_or_default()
        .contains("Find your options"));
    journey(
        &root,
        &serde_json::json!({"role": "parent", "age": "under_16", "ehcp": "yes", "about": "health"}),
    )
    .await;
    find(&root, "h4.srf-heading-l").await;
    find(&root, "h5.srf-heading-m").await; // "Start here" and the other groups
    find(&root, "h6.srf-heading-s").await; // each route
    assert!(
        maybe(&root, "h1, h2, h3").is_none(),
        "no heading above the level the page asked for"
    );
    cleanup(&host);
}

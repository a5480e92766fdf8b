//! The results: the short answer first, then the detail. At the top, whose right it is when it
//! is not the user's, and "In short": the council's time limit in one line when there is one,
//! then every route in one line (its name, a link to its detail, its last day and the one thing
//! to do first), grouped as the page is. Then the council's time limit in full, and the routes
//! under "Start here", "You can also" and "If that does not work", each with why it applies,
//! the first steps, the deadline in words with how it was worked out, and the local contacts;
//! then free help, "Your answers" with Change links, and Start again.
//!
//! Below its Back link and title, the screen is one string of markup (`ui::markup`), parsed by
//! the browser in one go, and its buttons and links are answered by one listener on the screen
//! (`clicked`): the results are the longest screen, and drawing them element by element was
//! most of the time between Continue and the results painted on a slow phone.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::parts::{back_link, heading};
use super::{Keep, Levels};
use crate::engine::wording::Report;
use crate::model::{Ruleset, Ui};
use crate::ui::browser::{
    copy_field, copy_text, download, focus_in_same_root, forget, link_to, parse_markup, store,
    utc_stamp,
};
use crate::ui::journey::{Action, Journey};
use crate::ui::markup::{self, letter_id, ResultsPage};
use crate::ui::takeaway;

/// What the results screen needs from the app.
pub(crate) struct ResultsProps<'a> {
    pub journey: &'a Journey,
    /// The journey's report, worked out once when the journey reached the results.
    pub report: Option<Rc<Report>>,
    pub levels: Levels,
    pub heading: NodeRef,
    pub dispatch: Callback<Action>,
    pub keep: Keep,
}

/// The results screen. A plain function, not a component: each component costs the widget its own
/// copy of Yew's lifecycle code, and the app redraws the screen on every move anyway.
pub(crate) fn results_screen(props: &ResultsProps<'_>) -> Html {
    let journey = &props.journey;
    let Some(report) = props.report.clone() else {
        return html! {};
    };
    let answers = report.answers.canonical();
    let link = link_to(&props.keep.link, &answers);
    let nodes = parse_markup(&markup::results_page(&ResultsPage {
        report: &report,
        rules: &journey.rules,
        role: journey.role(),
        level: props.levels.0,
        saved: journey.saved,
        link: &link,
    }));
    let back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Back))
    };
    let texts = &journey.rules.interface_texts;
    let title = match &report.council {
        Some(c) => texts.fill(Ui::ResultsTitleCouncil, &[("council", c)]),
        None => texts.get(Ui::ResultsTitle).to_string(),
    };
    let onclick = {
        let on = On {
            report,
            rules: journey.rules.clone(),
            dispatch: props.dispatch.clone(),
            store: props.keep.store.clone(),
            answers,
            link,
        };
        Callback::from(move |ev: MouseEvent| on.clicked(&ev))
    };
    html! {
        <div class="srf-screen srf-results" {onclick}>
            { back_link(back, texts) }
            { heading(props.levels, 0, "srf-heading-l", Some(props.heading.clone()), html! { {title} }) }
            { for nodes.into_iter().map(Html::VRef) }
        </div>
    }
}

/// What the results' buttons and links act on.
struct On {
    report: Rc<Report>,
    /// The ruleset, for its interface texts.
    rules: Rc<Ruleset>,
    dispatch: Callback<Action>,
    /// Where the answers are kept on this device.
    store: Rc<str>,
    /// The answers, as kept on the device and in the link.
    answers: String,
    link: String,
}

impl On {
    /// A click anywhere on the results: a link to a part of the page moves focus to that part's
    /// heading (a link to a fragment cannot reach into a shadow root); a button is known by its
    /// class, a route's buttons by the route's article, a Change button by its row of "Your
    /// answers". Clicks on anything else (text, contact links, the Back link) are left alone.
    fn clicked(&self, ev: &MouseEvent) {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if let Some(a) = target.closest("a[href^='#']").ok().flatten() {
            ev.prevent_default();
            let part = a.get_attribute("href").unwrap_or_default();
            focus_in_same_root(ev, &format!("{}-title", part.trim_start_matches('#')));
            return;
        }
        let Some(button) = target.closest("button").ok().flatten() else {
            return;
        };
        let is = |class: &str| button.matches(class).unwrap_or(false);
        let report = &self.report;
        let with = (&**report, &self.rules.interface_texts);
        let route = || {
            let article = button.closest("article").ok().flatten()?;
            let id = article.id();
            report.routes.iter().find(|r| r.anchor() == id)
        };
        if is(".srf-calendar") {
            if let Some(r) = route() {
                if let Some(ics) = takeaway::calendar_file(with, r, &utc_stamp()) {
                    download(
                        &takeaway::calendar_file_name(r, with.1),
                        "text/calendar",
                        &ics,
                    );
                }
            }
        } else if is(".srf-calendar-reply") {
            if let Some(r) = route() {
                if let Some(ics) = takeaway::reply_calendar_file(with, r, &utc_stamp()) {
                    download(&takeaway::reply_file_name(r, with.1), "text/calendar", &ics);
                }
            }
        } else if is(".srf-copy-letter") {
            if let Some(r) = route() {
                copy_field(ev, &letter_id(r));
            }
        } else if is(".srf-calendar-clock") {
            if let Some(ics) = takeaway::clock_calendar_file(with, &utc_stamp()) {
                download(&takeaway::clock_file_name(with.1), "text/calendar", &ics);
            }
        } else if is(".srf-save") {
            download(
                &takeaway::summary_file_name(report, with.1),
                "text/html",
                &takeaway::summary_html(report, &self.rules.interface_texts),
            );
        } else if is(".srf-keep-answers") {
            let saved = store(&self.store, &self.answers);
            self.dispatch.emit(Action::Saved(saved));
        } else if is(".srf-delete-saved") {
            forget(&self.store);
            self.dispatch.emit(Action::Saved(false));
        } else if is(".srf-copy-link") {
            copy_text(&self.link);
        } else if is(".srf-start-again") {
            self.dispatch.emit(Action::StartAgain);
        } else if let Some(row) = button.closest(".srf-summary-list__row").ok().flatten() {
            // The rows are report.answered, in order.
            let mut i = 0;
            let mut before = row.previous_element_sibling();
            while let Some(r) = before {
                i += 1;
                before = r.previous_element_sibling();
            }
            if let Some(a) = report.answered.get(i) {
                self.dispatch.emit(Action::Change(a.question.clone()));
            }
        }
    }
}

//! The results: the short answer first, then the detail. At the top, whose right it is when it
//! is not the user's, and "In short": the council's time limit in one line when there is one,
//! then every route in one line (its name, a link to its detail, its last day and the one thing
//! to do first), grouped as the page is. Then the council's time limit in full, and the routes
//! under "Start here", "You can also" and "If that does not work", each with why it applies,
//! the first steps, the deadline in words with how it was worked out, and the local contacts;
//! then free help, "Your answers" with Change links, and Start again.

use yew::prelude::*;

use std::rc::Rc;

use super::parts::{
    back_link, body, button, email_link, exact, heading, heading_text, heading_with_id, labelled,
    phone_link, web_link,
};
use super::{Keep, Levels};
use crate::dates;
use crate::engine::wording::{
    AnswerReport, ContactReport, Report, RouteGroup, RouteReport, TimescaleReport,
};
use crate::ui::browser::{
    copy_field, copy_text, download, focus_in_same_root, forget, link_to, store, utc_stamp,
};
use crate::ui::journey::{Action, Journey};
use crate::ui::takeaway;

/// What the results screen needs from the app.
pub(crate) struct ResultsProps<'a> {
    pub journey: &'a Journey,
    /// The journey's report, worked out once by the app for this render.
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
    let levels = props.levels;
    let role = journey.role();
    let save = {
        let report = report.clone();
        Callback::from(move |_| {
            download(
                &takeaway::summary_file_name(&report),
                "text/html",
                &takeaway::summary_html(&report),
            )
        })
    };
    let answers = report.answers.canonical();
    let keep_on_device = {
        let (dispatch, key, answers) = (
            props.dispatch.clone(),
            props.keep.store.clone(),
            answers.clone(),
        );
        Callback::from(move |_| dispatch.emit(Action::Saved(store(&key, &answers))))
    };
    let delete_saved = {
        let (dispatch, key) = (props.dispatch.clone(), props.keep.store.clone());
        Callback::from(move |_| {
            forget(&key);
            dispatch.emit(Action::Saved(false))
        })
    };
    let link = link_to(&props.keep.link, &answers);
    let copy = {
        let link = link.clone();
        Callback::from(move |_| {
            copy_text(&link);
        })
    };
    let back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Back))
    };
    let start_again = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::StartAgain))
    };
    let groups = report.groups();
    let intro = |id: &str| {
        journey
            .rules
            .group(id)
            .map(|g| g.intro.for_role(role).to_string())
            .unwrap_or_default()
    };
    let title = match &report.council {
        Some(c) => format!("Your options, with contacts from {c}"),
        None => "Your options".to_string(),
    };
    html! {
        <div class="srf-screen srf-results">
            { back_link(back) }
            { heading(levels, 0, "srf-heading-l", Some(props.heading.clone()), html! { {title} }) }
            if report.routes.is_empty() {
                // Only a faulty ruleset gets here (`route-finder check` finds it).
                <div class="srf-error-summary" role="alert">
                    { body("Sorry, this tool found no route for these answers. That is a fault in the tool, not in your answers. Ask your local SENDIASS for help.") }
                </div>
            } else {
                <p class="srf-body">{ format!("{} {} open to you, based on your answers.", report.routes.len(), if report.routes.len() == 1 { "route is" } else { "routes are" }) }</p>
            }
            if let Some(note) = &report.rights_note {
                <div class="srf-inset srf-rights">{ body(note) }</div>
            }
            if !report.routes.is_empty() {
                { glance(&report, &groups, levels) }
            }
            if let Some(t) = &report.timescale {
                { clock(&report, t, levels) }
            }
            if let Some(together) = &report.together {
                <div class="srf-inset srf-together">{ body(together) }</div>
            }
            { for groups.iter().map(|g| html! {
                <section class="srf-group" aria-label={g.heading.to_string()}>
                    { heading_text(levels, 1, "srf-heading-m", g.heading) }
                    <p class="srf-body srf-group__intro">{intro(g.id)}</p>
                    { for g.routes.iter().map(|i| route(&report, *i, levels)) }
                </section>
            }) }
            <section class="srf-help" aria-label="Free, independent help">
                { heading_text(levels, 1, "srf-heading-m", "Free, independent help") }
                <ul class="srf-list srf-contacts">
                    { for report.help.iter().map(contact) }
                </ul>
            </section>
            <section class="srf-answers" aria-label="Your answers">
                { heading_text(levels, 1, "srf-heading-m", "Your answers") }
                <dl class="srf-summary-list">
                    { for report.answered.iter().map(|a| answer_row(a, &props.dispatch)) }
                </dl>
            </section>
            <section class="srf-keep" aria-label="Keep your results">
                { heading_text(levels, 1, "srf-heading-m", "Keep your results") }
                { body("Save a page with your answers, your options, the last days and who to contact. It stays on your device. You can print it or show it to an adviser.") }
                { button("srf-button srf-button--secondary srf-save", "Save your results (HTML file)", save) }
                { heading_text(levels, 2, "srf-heading-s", "Come back later") }
                if journey.saved {
                    <p class="srf-body srf-saved" role="status">{"Your answers are saved in this browser on this device. They open here next time. Start again or Delete saved answers removes them."}</p>
                    { button("srf-button srf-button--secondary srf-delete-saved", "Delete saved answers", delete_saved) }
                } else {
                    { body("You can keep your answers in this browser on this device, to come back to them. Anyone who uses this device could see them.") }
                    { button("srf-button srf-button--secondary srf-keep-answers", "Save my answers on this device", keep_on_device) }
                }
                { heading_text(levels, 2, "srf-heading-s", "Send these results to an adviser") }
                { body("This link opens these results. It holds your answers, so anyone with it can see them. Send it only to someone you trust, such as your SENDIASS adviser.") }
                <label class="srf-label" for="srf-link">{"Link to these results"}</label>
                <input class="srf-input srf-link" id="srf-link" type="text" readonly=true value={link} />
                { button("srf-button srf-button--secondary srf-copy-link", "Copy the link", copy) }
                <p class="srf-body">
                    { button("srf-button srf-start-again", "Start again", start_again) }
                </p>
            </section>
            <p class="srf-body srf-small srf-version">
                { format!("Rules version {}, last checked {}. This is not legal advice.", report.ruleset.version,
                    dates::parse_iso_date(&report.ruleset.last_reviewed).map(dates::long_date).unwrap_or_else(|_| report.ruleset.last_reviewed.clone())) }
            </p>
        </div>
    }
}

/// "In short": the council's time limit in one line, then one line a route, grouped as the
/// page is. Each route's name is a link that moves focus to the route's heading below.
fn glance(report: &Report, groups: &[RouteGroup<'_>], levels: Levels) -> Html {
    html! {
        <section class="srf-glance" aria-labelledby="srf-glance-title">
            { heading_with_id(levels, 1, "srf-heading-m", "srf-glance-title".into(), "In short") }
            if let Some(t) = &report.timescale {
                <p class="srf-body srf-glance__clock">
                    { jump_link("srf-clock", "The council's time limit") }{": "}{&t.headline}
                </p>
            }
            { for groups.iter().map(|g| {
                let label = format!("srf-glance-{}", g.id);
                html! {
                    <div class="srf-glance__group">
                        <p class="srf-body" id={label.clone()}><strong>{g.heading}</strong></p>
                        <ul class="srf-list" aria-labelledby={label}>
                            { for g.routes.iter().filter_map(|i| report.routes.get(*i)).map(glance_line) }
                        </ul>
                    </div>
                }
            }) }
        </section>
    }
}

/// One route in "In short": its name as a link to its detail, its last day, its first step.
#[inline(never)]
fn glance_line(r: &RouteReport) -> Html {
    let when = r.by_when().map(|when| {
        let class = if r.passed {
            "srf-body srf-glance__passed"
        } else {
            "srf-body"
        };
        html! { <p {class}><strong>{when}</strong></p> }
    });
    html! {
        <li class="srf-glance__item">
            { jump_link(&r.anchor(), &r.title) }
            { for when }
            { for r.first_step().map(body) }
        </li>
    }
}

/// A link to a part of the results (`id`) that moves focus to that part's heading
/// (`{id}-title`), which scrolls it into view. A link to a fragment cannot reach into a shadow
/// root, so the link does it by script.
#[inline(never)]
fn jump_link(id: &str, text: &str) -> Html {
    let heading = format!("{id}-title");
    let onclick = Callback::from(move |ev: MouseEvent| {
        ev.prevent_default();
        focus_in_same_root(&ev, &heading);
    });
    html! { <a href={format!("#{id}")} {onclick}>{text}</a> }
}

/// One route: the `i`th of the report's routes. The calendar and letter buttons keep the
/// report and the index, not a copy of the route.
fn route(report: &Rc<Report>, i: usize, levels: Levels) -> Html {
    let Some(r) = report.routes.get(i) else {
        return html! {};
    };
    let calendar = (r.deadline.is_some() && !r.passed).then(|| {
        let report = report.clone();
        Callback::from(move |_| {
            let Some(r) = report.routes.get(i) else {
                return;
            };
            if let Some(ics) = takeaway::calendar_file(&report, r, &utc_stamp()) {
                download(&takeaway::calendar_file_name(r), "text/calendar", &ics);
            }
        })
    });
    html! {
        <article class={classes!("srf-route", r.passed.then_some("srf-route--passed"))} id={r.anchor()}>
            { heading_with_id(levels, 2, "srf-heading-s srf-route__title", format!("{}-title", r.anchor()), &r.title) }
            { body(&r.summary) }
            if let Some(deadline) = &r.deadline_in_words {
                <div class={classes!("srf-deadline", r.passed.then_some("srf-deadline--passed"))}>
                    <p class="srf-body srf-deadline__date">
                        <strong>{ if r.passed { "The last day was " } else { "Last day: " } }{deadline}</strong>
                        { days_left(r.days_left) }
                    </p>
                    if let Some(reason) = &r.deadline_reason {
                        { worked_out(reason) }
                    }
                    if let Some(note) = &r.deadline_note {
                        { body(note) }
                    }
                    if let Some(onclick) = calendar {
                        <button type="button" class="srf-link-button srf-calendar" {onclick}>
                            {"Add the last day to your calendar"}<span class="srf-visually-hidden">{format!(": {}", r.title)}</span>{" (.ics file, with a reminder a week before)"}
                        </button>
                    }
                </div>
            } else if let Some(note) = &r.deadline_note {
                <div class="srf-deadline srf-deadline--unknown">{ body(note) }</div>
            }
            { heading_text(levels, 3, "srf-heading-xs", "Why this applies") }
            <ul class="srf-list srf-list--bullet">{ for r.why.iter().map(|w| html! { <li>{w}</li> }) }</ul>
            { heading_text(levels, 3, "srf-heading-xs", "What to do first") }
            <ol class="srf-list srf-list--number">{ for r.steps.iter().map(|s| html! { <li>{s}</li> }) }</ol>
            if let Some(limit) = &r.time_limit {
                { labelled("Time limit: ", limit) }
            }
            if !r.contacts.is_empty() {
                { heading_text(levels, 3, "srf-heading-xs", "Who to contact") }
                <ul class="srf-list srf-contacts">{ for r.contacts.iter().map(contact) }</ul>
            }
            if let Some(letter) = &r.letter {
                { letter_box(report, i, &letter.text, &letter.reply_by) }
            }
            <details class="srf-details">
                <summary class="srf-details__summary">{"The law behind this"}</summary>
                <p class="srf-body srf-small">{&r.source}</p>
            </details>
        </article>
    }
}

/// The council's own time limit: the day it had to act by, what it had to do, how the day was
/// worked out, when it may have more time, and what the family can do now.
fn clock(report: &Rc<Report>, t: &TimescaleReport, levels: Levels) -> Html {
    let calendar = t.due.is_some().then(|| {
        let report = report.clone();
        Callback::from(move |_| {
            if let Some(ics) = takeaway::clock_calendar_file(&report, &utc_stamp()) {
                download(takeaway::CLOCK_FILE_NAME, "text/calendar", &ics);
            }
        })
    });
    let late = t.late == Some(true);
    html! {
        <section class="srf-clock" id="srf-clock" aria-label="The council's time limit">
            { heading_with_id(levels, 1, "srf-heading-m", "srf-clock-title".into(), "The council's time limit") }
            <div class={classes!("srf-deadline", if late { "srf-deadline--passed" } else if t.due.is_none() { "srf-deadline--unknown" } else { "" })}>
                <p class="srf-body srf-clock__headline"><strong>{&t.headline}</strong></p>
                { labelled("What the council has to do: ", &t.duty) }
                { worked_out(&t.reason) }
                if let Some(onclick) = calendar {
                    <button type="button" class="srf-link-button srf-calendar-clock" {onclick}>
                        {"Add the council's last day to your calendar (.ics file)"}
                    </button>
                }
            </div>
            if let Some(e) = &t.exceptions {
                { labelled("When the council can have more time: ", e) }
            }
            if let Some(note) = &t.note {
                { body(note) }
            }
            { heading_text(levels, 2, "srf-heading-s", "What you can do now") }
            <p class="srf-body srf-clock__advice">{&t.advice}</p>
            <p class="srf-body srf-small">{"The law: "}{&t.source}</p>
        </section>
    }
}

/// How a last day was worked out, folded away for those who want to check it.
fn worked_out(reason: &str) -> Html {
    html! {
        <details class="srf-details srf-reason">
            <summary class="srf-details__summary">{"How this date was worked out"}</summary>
            { body(reason) }
        </details>
    }
}

fn days_left(days: Option<i64>) -> Html {
    match days {
        Some(0) => html! { {" (today)"} },
        Some(1) => html! { {" (1 day left)"} },
        Some(d) if d > 1 => html! { {format!(" ({d} days left)")} },
        Some(-1) => html! { {" (1 day ago)"} },
        Some(d) => html! { {format!(" ({} days ago)", -d)} },
        None => html! {},
    }
}

fn contact(c: &ContactReport) -> Html {
    html! {
        <li class="srf-contact">
            <p class="srf-body srf-contact__name"><strong>{&c.name}</strong></p>
            if let Some(about) = &c.about { { body(about) } }
            if let Some(phone) = &c.phone { <p class="srf-body">{"Phone: "}{phone_link(phone)}</p> }
            if let Some(email) = &c.email { <p class="srf-body">{"Email: "}{email_link(email)}</p> }
            if let Some(web) = &c.web { <p class="srf-body">{"Website: "}{web_link(web, without_scheme(web))}</p> }
            if let Some(address) = &c.address { <p class="srf-body">{"Address: "}{exact(address)}</p> }
            if let Some(nk) = &c.not_known { <p class="srf-body srf-contact__unknown">{nk}</p> }
        </li>
    }
}

/// A web address as shown: without any leading "https://" and trailing "/".
fn without_scheme(web: &str) -> &str {
    let mut rest = web;
    while let Some(r) = rest.strip_prefix("https://") {
        rest = r;
    }
    rest.trim_end_matches('/')
}

/// A first letter to change and copy, marked as a starting point, with the day it asks for a
/// reply by as a calendar file.
fn letter_box(report: &Rc<Report>, i: usize, text: &str, reply_by: &str) -> Html {
    let Some(r) = report.routes.get(i) else {
        return html! {};
    };
    let id = format!("srf-letter-{}", r.id.replace(':', "-"));
    let copy = {
        let id = id.clone();
        Callback::from(move |ev: MouseEvent| copy_field(&ev, &id))
    };
    let remind = {
        let report = report.clone();
        Callback::from(move |_| {
            let Some(r) = report.routes.get(i) else {
                return;
            };
            if let Some(ics) = takeaway::reply_calendar_file(&report, r, &utc_stamp()) {
                download(&takeaway::reply_file_name(r), "text/calendar", &ics);
            }
        })
    };
    let by = dates::parse_iso_date(reply_by)
        .map(dates::long_date)
        .unwrap_or_default();
    html! {
        <details class="srf-details srf-letter">
            <summary class="srf-details__summary">{"A first letter you can change"}</summary>
            { body("This is a starting point, not legal advice. Put it in your own words, and fill in the parts in [square brackets]. Keep a copy of what you send.") }
            <label class="srf-label" for={id.clone()}>{"Your letter"}</label>
            <textarea class="srf-textarea" id={id} rows="16" spellcheck="true" value={text.to_string()} />
            <button type="button" class="srf-button srf-button--secondary srf-copy-letter" onclick={copy}>{"Copy the letter"}</button>
            <p class="srf-body">
                <button type="button" class="srf-link-button srf-calendar-reply" onclick={remind}>
                    {"Add the reply-by date to your calendar"}<span class="srf-visually-hidden">{format!(": {}", r.title)}</span>{format!(" ({by}, .ics file)")}
                </button>
            </p>
        </details>
    }
}

/// One row of "Your answers", with its Change link.
fn answer_row(a: &AnswerReport, dispatch: &Callback<Action>) -> Html {
    let value = match a.value.as_slice() {
        [one] => html! { {one} },
        many => {
            html! { <ul class="srf-list">{ for many.iter().map(|v| html! { <li>{v}</li> }) }</ul> }
        }
    };
    let id = a.question.clone();
    let dispatch = dispatch.clone();
    html! {
        <div class="srf-summary-list__row">
            <dt class="srf-summary-list__key">{&a.label}</dt>
            <dd class="srf-summary-list__value">{value}</dd>
            <dd class="srf-summary-list__actions">
                <button type="button" class="srf-link-button" onclick={move |_| dispatch.emit(Action::Change(id.clone()))}>
                    {"Change"}<span class="srf-visually-hidden">{format!(" {}", a.label.to_ascii_lowercase())}</span>
                </button>
            </dd>
        </div>
    }
}

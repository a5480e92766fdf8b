//! The results page as markup: one string the browser parses in one go, instead of a tree the
//! widget builds element by element.
//!
//! The results are the widget's longest screen (some 340 elements for a typical family), and
//! building them one element at a time, each a call from the wasm into the browser with its
//! strings copied across, took most of the time between Continue and the results painted on a
//! slow phone (bench/results.md). Here they are written as the same HTML elements, with the
//! same classes, ids and attributes, into one string; `view::results` hands it to the browser
//! and listens for the clicks on its buttons and links in one place.
//!
//! Every text and attribute value is escaped ([`esc`], as the summary file's are). A page that
//! enforces Trusted Types refuses a string of HTML: then [`tokens`] reads the same markup back
//! and the view builds the elements one by one, as before.
//!
//! Plain Rust, tested natively like [`takeaway`](super::takeaway).

use crate::engine::date_words::iso_in_words;
use crate::engine::wording::{ContactReport, Report, RouteReport, TimescaleReport};
use crate::model::{links, InterfaceTexts, Role, Ruleset, Ui};

/// Text made safe inside HTML elements and attribute values.
pub(crate) fn esc(h: &mut String, s: &str) {
    // Runs of text go in whole: a character at a time was much of the time the results took
    // to draw on a slow phone.
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        h.push_str(&s[from..i]);
        h.push_str(entity);
        from = i + 1;
    }
    h.push_str(&s[from..]);
}

/// What the results page shows besides the report: the level of the screen's heading (1 to
/// 6), whether the answers are kept on this device, and the link to these results.
pub(crate) struct ResultsPage<'a> {
    pub report: &'a Report,
    pub rules: &'a Ruleset,
    pub role: Role,
    /// The level of the embedding's first heading (the screen's title, drawn by the view).
    pub level: u8,
    pub saved: bool,
    pub link: &'a str,
}

/// Everything on the results screen after its Back link and title, as the widget drew it
/// element by element before: the routes in short, the council's clock, each route in full,
/// free help, "Your answers", "Keep your results" and the rules' version.
pub(crate) fn results_page(p: &ResultsPage<'_>) -> String {
    let report = p.report;
    let t = &p.rules.interface_texts;
    let mut h = String::with_capacity(32 * 1024);
    let h = &mut h;
    if report.routes.is_empty() {
        // Only a faulty ruleset gets here (`route-finder check` finds it).
        h.push_str("<div class=\"srf-error-summary\" role=\"alert\">");
        body(h, t.get(Ui::NoRoute));
        h.push_str("</div>");
    } else {
        let n = report.routes.len();
        body(
            h,
            &if n == 1 {
                t.get(Ui::RouteOpen).to_string()
            } else {
                t.fill_n(Ui::RoutesOpen, n as i64)
            },
        );
    }
    if let Some(note) = &report.rights_note {
        h.push_str("<div class=\"srf-inset srf-rights\">");
        body(h, note);
        h.push_str("</div>");
    }
    let groups = report.groups();
    if !report.routes.is_empty() {
        // "In short": the council's time limit in one line, then one line a route, grouped as
        // the page is; each route's name links to its heading below.
        h.push_str("<section class=\"srf-glance\" aria-labelledby=\"srf-glance-title\">");
        heading(
            h,
            (p.level, 1),
            "srf-heading-m",
            Some("srf-glance-title"),
            t.get(Ui::InShort),
        );
        if let Some(clock) = &report.timescale {
            h.push_str("<p class=\"srf-body srf-glance__clock\">");
            jump_link(h, "srf-clock", t.get(Ui::ClockTitle));
            h.push_str(": ");
            esc(h, &clock.headline);
            h.push_str("</p>");
        }
        for g in &groups {
            h.push_str("<div class=\"srf-glance__group\"><p class=\"srf-body\" id=\"srf-glance-");
            esc(h, g.id);
            h.push_str("\"><strong>");
            esc(h, g.heading);
            h.push_str("</strong></p><ul class=\"srf-list\" aria-labelledby=\"srf-glance-");
            esc(h, g.id);
            h.push_str("\">");
            for r in g.routes.iter().filter_map(|i| report.routes.get(*i)) {
                glance_line(h, r, t);
            }
            h.push_str("</ul></div>");
        }
        h.push_str("</section>");
    }
    if let Some(clock_report) = &report.timescale {
        clock(h, clock_report, p.level, t);
    }
    if let Some(together) = &report.together {
        h.push_str("<div class=\"srf-inset srf-together\">");
        body(h, together);
        h.push_str("</div>");
    }
    for g in &groups {
        h.push_str("<section class=\"srf-group\" aria-label=\"");
        esc(h, g.heading);
        h.push_str("\">");
        heading(h, (p.level, 1), "srf-heading-m", None, g.heading);
        let intro = p.rules.group(g.id).map(|x| x.intro.for_role(p.role));
        text_p(h, "srf-body srf-group__intro", intro.unwrap_or_default());
        for r in g.routes.iter().filter_map(|i| report.routes.get(*i)) {
            route(h, r, p.level, t);
        }
        h.push_str("</section>");
    }
    section(h, "srf-help", t.get(Ui::HelpTitle), p.level);
    h.push_str("<ul class=\"srf-list srf-contacts\">");
    for c in &report.help {
        contact(h, c, t);
    }
    h.push_str("</ul></section>");
    section(h, "srf-answers", t.get(Ui::AnswersTitle), p.level);
    h.push_str("<dl class=\"srf-summary-list\">");
    for a in &report.answered {
        h.push_str("<div class=\"srf-summary-list__row\"><dt class=\"srf-summary-list__key\">");
        esc(h, &a.label);
        h.push_str("</dt><dd class=\"srf-summary-list__value\">");
        match a.value.as_slice() {
            [one] => esc(h, one),
            many => list(h, "ul", "srf-list", many),
        }
        // The Change buttons: the view knows each by its row (report.answered, in order).
        h.push_str("</dd><dd class=\"srf-summary-list__actions\"><button type=\"button\" class=\"srf-link-button\">");
        say(h, t, Ui::Change);
        h.push_str("<span class=\"srf-visually-hidden\"> ");
        esc(h, &a.label.to_ascii_lowercase());
        h.push_str("</span></button></dd></div>");
    }
    h.push_str("</dl></section>");
    section(h, "srf-keep", t.get(Ui::KeepTitle), p.level);
    body(h, t.get(Ui::KeepBody));
    button(
        h,
        "srf-button srf-button--secondary srf-save",
        t.get(Ui::SaveResults),
    );
    heading(
        h,
        (p.level, 2),
        "srf-heading-s",
        None,
        t.get(Ui::ComeBackTitle),
    );
    if p.saved {
        h.push_str("<p class=\"srf-body srf-saved\" role=\"status\">");
        say(h, t, Ui::SavedNote);
        h.push_str("</p>");
        button(
            h,
            "srf-button srf-button--secondary srf-delete-saved",
            t.get(Ui::DeleteSaved),
        );
    } else {
        body(h, t.get(Ui::KeepAnswersBody));
        button(
            h,
            "srf-button srf-button--secondary srf-keep-answers",
            t.get(Ui::KeepAnswers),
        );
    }
    heading(h, (p.level, 2), "srf-heading-s", None, t.get(Ui::SendTitle));
    body(h, t.get(Ui::SendBody));
    h.push_str("<label class=\"srf-label\" for=\"srf-link\">");
    say(h, t, Ui::LinkLabel);
    h.push_str("</label><input class=\"srf-input srf-link\" id=\"srf-link\" type=\"text\" readonly=\"readonly\" value=\"");
    esc(h, p.link);
    h.push_str("\">");
    button(
        h,
        "srf-button srf-button--secondary srf-copy-link",
        t.get(Ui::CopyLink),
    );
    h.push_str("<p class=\"srf-body\">");
    button(h, "srf-button srf-start-again", t.get(Ui::StartAgain));
    h.push_str("</p></section>");
    let reviewed = iso_in_words(t, &report.ruleset.last_reviewed);
    text_p(
        h,
        "srf-body srf-small srf-version",
        &t.fill(
            Ui::VersionLine,
            &[
                ("version", &report.ruleset.version),
                ("reviewed", &reviewed),
            ],
        ),
    );
    std::mem::take(h)
}

/// `<{tag} class="{class}">` and the escaped text, closed.
fn element(h: &mut String, tag: &str, class: &str, text: &str) {
    h.push('<');
    h.push_str(tag);
    h.push_str(" class=\"");
    h.push_str(class);
    h.push_str("\">");
    esc(h, text);
    h.push_str("</");
    h.push_str(tag);
    h.push('>');
}

/// An interface text, escaped. One function for every such text.
#[inline(never)]
pub(crate) fn say(h: &mut String, texts: &InterfaceTexts, text: Ui) {
    esc(h, texts.get(text));
}

/// A paragraph with its classes.
fn text_p(h: &mut String, class: &str, text: &str) {
    element(h, "p", class, text);
}

/// A paragraph of body text.
fn body(h: &mut String, text: &str) {
    text_p(h, "srf-body", text);
}

/// A paragraph of body text after a label in bold: "Time limit: ...".
fn labelled(h: &mut String, label: &str, text: &str) {
    h.push_str("<p class=\"srf-body\"><strong>");
    esc(h, label);
    h.push_str(" </strong>");
    esc(h, text);
    h.push_str("</p>");
}

/// A button the view listens to, known by its class.
fn button(h: &mut String, class: &str, text: &str) {
    h.push_str("<button type=\"button\" class=\"");
    h.push_str(class);
    h.push_str("\">");
    esc(h, text);
    h.push_str("</button>");
}

/// A list of plain items.
fn list(h: &mut String, tag: &str, class: &str, items: &[String]) {
    h.push('<');
    h.push_str(tag);
    h.push_str(" class=\"");
    h.push_str(class);
    h.push_str("\">");
    for item in items {
        h.push_str("<li>");
        esc(h, item);
        h.push_str("</li>");
    }
    h.push_str("</");
    h.push_str(tag);
    h.push('>');
}

/// A heading `below` the embedding's first heading `level` (kept within 1 to 6); with an id,
/// focus can be moved to it by a link of the results.
fn heading(h: &mut String, (level, below): (u8, u8), class: &str, id: Option<&str>, text: &str) {
    let n = char::from(b'0' + level.saturating_add(below).clamp(1, 6));
    h.push_str("<h");
    h.push(n);
    h.push_str(" class=\"");
    h.push_str(class);
    h.push('"');
    if let Some(id) = id {
        h.push_str(" id=\"");
        esc(h, id);
        h.push_str("\" tabindex=\"-1\"");
    }
    h.push('>');
    esc(h, text);
    h.push_str("</h");
    h.push(n);
    h.push('>');
}

/// A section of the page's end, with its label and heading (left open).
fn section(h: &mut String, class: &str, title: &str, level: u8) {
    h.push_str("<section class=\"");
    h.push_str(class);
    h.push_str("\" aria-label=\"");
    esc(h, title);
    h.push_str("\">");
    heading(h, (level, 1), "srf-heading-m", None, title);
}

/// A link to a part of the results (`id`); the view moves focus to that part's heading
/// (`{id}-title`): a link to a fragment cannot reach into a shadow root.
fn jump_link(h: &mut String, id: &str, text: &str) {
    h.push_str("<a href=\"#");
    esc(h, id);
    h.push_str("\">");
    esc(h, text);
    h.push_str("</a>");
}

/// One route in "In short": its name as a link to its detail, its last day, its first step.
fn glance_line(h: &mut String, r: &RouteReport, t: &InterfaceTexts) {
    h.push_str("<li class=\"srf-glance__item\">");
    jump_link(h, &r.anchor(), &r.title);
    if let Some(when) = r.by_when(t) {
        let class = if r.passed {
            "srf-body srf-glance__passed"
        } else {
            "srf-body"
        };
        h.push_str("<p class=\"");
        h.push_str(class);
        h.push_str("\"><strong>");
        esc(h, &when);
        h.push_str("</strong></p>");
    }
    if let Some(first) = r.first_step() {
        body(h, first);
    }
    h.push_str("</li>");
}

/// One route: why it applies, its last day and how it was worked out, the first steps, who to
/// contact, its first letter, and the law. The view knows its buttons by the route's article.
fn route(h: &mut String, r: &RouteReport, level: u8, t: &InterfaceTexts) {
    let anchor = r.anchor();
    h.push_str("<article class=\"srf-route");
    if r.passed {
        h.push_str(" srf-route--passed");
    }
    h.push_str("\" id=\"");
    esc(h, &anchor);
    h.push_str("\">");
    heading(
        h,
        (level, 2),
        "srf-heading-s srf-route__title",
        Some(&format!("{anchor}-title")),
        &r.title,
    );
    body(h, &r.summary);
    if let Some(deadline) = &r.deadline_in_words {
        h.push_str("<div class=\"srf-deadline");
        if r.passed {
            h.push_str(" srf-deadline--passed");
        }
        h.push_str("\"><p class=\"srf-body srf-deadline__date\"><strong>");
        let said = if r.passed {
            Ui::LastDayWas
        } else {
            Ui::LastDay
        };
        esc(h, &t.fill(said, &[("day", deadline)]));
        h.push_str("</strong>");
        esc(h, &days_left(r.days_left, t));
        h.push_str("</p>");
        if let Some(reason) = &r.deadline_reason {
            worked_out(h, reason, t);
        }
        if let Some(note) = &r.deadline_note {
            body(h, note);
        }
        if r.deadline.is_some() && !r.passed {
            h.push_str("<button type=\"button\" class=\"srf-link-button srf-calendar\">");
            say(h, t, Ui::CalendarButton);
            hidden(h, ": ", &r.title);
            h.push(' ');
            say(h, t, Ui::CalendarButtonEnd);
            h.push_str("</button>");
        }
        h.push_str("</div>");
    } else if let Some(note) = &r.deadline_note {
        h.push_str("<div class=\"srf-deadline srf-deadline--unknown\">");
        body(h, note);
        h.push_str("</div>");
    }
    heading(h, (level, 3), "srf-heading-xs", None, t.get(Ui::WhyTitle));
    list(h, "ul", "srf-list srf-list--bullet", &r.why);
    heading(h, (level, 3), "srf-heading-xs", None, t.get(Ui::FirstTitle));
    list(h, "ol", "srf-list srf-list--number", &r.steps);
    if let Some(limit) = &r.time_limit {
        labelled(h, t.get(Ui::TimeLimit), limit);
    }
    if !r.contacts.is_empty() {
        heading(
            h,
            (level, 3),
            "srf-heading-xs",
            None,
            t.get(Ui::ContactsTitle),
        );
        h.push_str("<ul class=\"srf-list srf-contacts\">");
        for c in &r.contacts {
            contact(h, c, t);
        }
        h.push_str("</ul>");
    }
    if let Some(letter) = &r.letter {
        // A first letter to change and copy, marked as a starting point, with the day it asks
        // for a reply by as a calendar file.
        let id = letter_id(r);
        let by = iso_in_words(t, &letter.reply_by);
        h.push_str(
            "<details class=\"srf-details srf-letter\"><summary class=\"srf-details__summary\">",
        );
        say(h, t, Ui::LetterSummary);
        h.push_str("</summary>");
        body(h, t.get(Ui::LetterBody));
        h.push_str("<label class=\"srf-label\" for=\"");
        esc(h, &id);
        h.push_str("\">");
        say(h, t, Ui::LetterLabel);
        h.push_str("</label><textarea class=\"srf-textarea\" id=\"");
        esc(h, &id);
        // The parser drops one line break straight after <textarea>: this one.
        h.push_str("\" rows=\"16\" spellcheck=\"true\">\n");
        esc(h, &letter.text);
        h.push_str("</textarea>");
        button(
            h,
            "srf-button srf-button--secondary srf-copy-letter",
            t.get(Ui::CopyLetter),
        );
        h.push_str("<p class=\"srf-body\"><button type=\"button\" class=\"srf-link-button srf-calendar-reply\">");
        say(h, t, Ui::ReplyCalendar);
        hidden(h, ": ", &r.title);
        h.push(' ');
        esc(h, &t.fill(Ui::ReplyCalendarEnd, &[("day", &by)]));
        h.push_str("</button></p></details>");
    }
    h.push_str("<details class=\"srf-details\"><summary class=\"srf-details__summary\">");
    say(h, t, Ui::LawBehind);
    h.push_str("</summary>");
    text_p(h, "srf-body srf-small", &r.source);
    h.push_str("</details></article>");
}

/// The id of a route's letter box.
pub(crate) fn letter_id(r: &RouteReport) -> String {
    format!("srf-letter-{}", r.id.replace(':', "-"))
}

/// Words for screen readers only, after a visible label.
fn hidden(h: &mut String, before: &str, text: &str) {
    h.push_str("<span class=\"srf-visually-hidden\">");
    esc(h, before);
    esc(h, text);
    h.push_str("</span>");
}

/// The council's own time limit: the day it had to act by, what it had to do, how the day was
/// worked out, when it may have more time, and what the family can do now.
fn clock(h: &mut String, t: &TimescaleReport, level: u8, words: &InterfaceTexts) {
    h.push_str("<section class=\"srf-clock\" id=\"srf-clock\" aria-label=\"");
    say(h, words, Ui::ClockTitle);
    h.push_str("\">");
    heading(
        h,
        (level, 1),
        "srf-heading-m",
        Some("srf-clock-title"),
        words.get(Ui::ClockTitle),
    );
    h.push_str(if t.late == Some(true) {
        "<div class=\"srf-deadline srf-deadline--passed\">"
    } else if t.due.is_none() {
        "<div class=\"srf-deadline srf-deadline--unknown\">"
    } else {
        "<div class=\"srf-deadline\">"
    });
    h.push_str("<p class=\"srf-body srf-clock__headline\"><strong>");
    esc(h, &t.headline);
    h.push_str("</strong></p>");
    labelled(h, words.get(Ui::ClockDuty), &t.duty);
    worked_out(h, &t.reason, words);
    if t.due.is_some() {
        button(
            h,
            "srf-link-button srf-calendar-clock",
            words.get(Ui::ClockCalendar),
        );
    }
    h.push_str("</div>");
    if let Some(e) = &t.exceptions {
        labelled(h, words.get(Ui::ClockMoreTime), e);
    }
    if let Some(note) = &t.note {
        body(h, note);
    }
    heading(
        h,
        (level, 2),
        "srf-heading-s",
        None,
        words.get(Ui::ClockNow),
    );
    text_p(h, "srf-body srf-clock__advice", &t.advice);
    text_p(
        h,
        "srf-body srf-small",
        &words.fill(Ui::LawIs, &[("law", &t.source)]),
    );
    h.push_str("</section>");
}

/// How a last day was worked out, folded away for those who want to check it.
fn worked_out(h: &mut String, reason: &str, t: &InterfaceTexts) {
    h.push_str(
        "<details class=\"srf-details srf-reason\"><summary class=\"srf-details__summary\">",
    );
    say(h, t, Ui::WorkedOut);
    h.push_str("</summary>");
    body(h, reason);
    h.push_str("</details>");
}

/// " (3 days left)", " (today)" or " (1 day ago)", after a last day; empty when not known.
fn days_left(days: Option<i64>, t: &InterfaceTexts) -> String {
    let words = match days {
        Some(0) => t.get(Ui::Today).to_string(),
        Some(1) => t.get(Ui::DayLeft).to_string(),
        Some(d) if d > 1 => t.fill_n(Ui::DaysLeft, d),
        Some(-1) => t.get(Ui::DayAgo).to_string(),
        Some(d) => t.fill_n(Ui::DaysAgo, -d),
        None => return String::new(),
    };
    let mut out = String::from(" ");
    out.push_str(&words);
    out
}

/// A contact, on the results and in the saved summary file (`takeaway`). Its details carry
/// `translate="no"`: a browser's page translation must not change a number, an address or a
/// web address a family copies. Only an https address, an email address and a phone number
/// that look like one become links.
pub(crate) fn contact(h: &mut String, c: &ContactReport, t: &InterfaceTexts) {
    h.push_str("<li class=\"srf-contact\"><p class=\"srf-body srf-contact__name\"><strong>");
    esc(h, &c.name);
    h.push_str("</strong></p>");
    if let Some(about) = &c.about {
        body(h, about);
    }
    if let Some(phone) = &c.phone {
        label(h, t.get(Ui::Phone));
        if links::is_phone(phone) {
            let digits: String = phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            link(h, "tel:", &digits, phone);
        } else {
            exact(h, phone);
        }
        h.push_str("</p>");
    }
    if let Some(email) = &c.email {
        label(h, t.get(Ui::Email));
        if links::is_email(email) {
            link(h, "mailto:", email, email);
        } else {
            exact(h, email);
        }
        h.push_str("</p>");
    }
    if let Some(web) = &c.web {
        label(h, t.get(Ui::Website));
        if links::is_https_link(web) {
            h.push_str("<a href=\"");
            esc(h, web);
            h.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
            exact(h, without_scheme(web));
            hidden(h, " ", t.get(Ui::NewTab));
            h.push_str("</a>");
        } else {
            exact(h, web);
        }
        h.push_str("</p>");
    }
    if let Some(address) = &c.address {
        label(h, t.get(Ui::Address));
        exact(h, address);
        h.push_str("</p>");
    }
    if let Some(nk) = &c.not_known {
        text_p(h, "srf-body srf-contact__unknown", nk);
    }
    h.push_str("</li>");
}

/// A contact detail's paragraph, opened with its label ("Phone: ").
fn label(h: &mut String, label: &str) {
    h.push_str("<p class=\"srf-body\">");
    esc(h, label);
    h.push(' ');
}

/// A tel: or mailto: link, kept as it is by page translation.
fn link(h: &mut String, scheme: &str, href: &str, text: &str) {
    h.push_str("<a href=\"");
    h.push_str(scheme);
    esc(h, href);
    h.push_str("\" translate=\"no\">");
    esc(h, text);
    h.push_str("</a>");
}

/// Text to be copied exactly as it is, which page translation must leave alone.
fn exact(h: &mut String, text: &str) {
    h.push_str("<span translate=\"no\">");
    esc(h, text);
    h.push_str("</span>");
}

/// A web address as shown: without any leading "https://" and trailing "/".
fn without_scheme(web: &str) -> &str {
    let mut rest = web;
    while let Some(r) = rest.strip_prefix("https://") {
        rest = r;
    }
    rest.trim_end_matches('/')
}

/// A piece of [`results_page`]'s markup, read back for a page that refuses a string of HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// An element opens: its tag and its attributes, values unescaped.
    Open(&'a str, Vec<(&'a str, String)>),
    /// Text, unescaped (a textarea's first line break already dropped, as a parser does).
    Text(String),
    /// The innermost open element closes.
    Close,
}

/// The elements without an end tag in the markup.
const VOID: &[&str] = &["input"];

/// Read back markup made by [`results_page`] (only what it writes: elements, attributes in
/// double quotes, and text with the five escapes of [`esc`]). `None` if it is anything else.
pub(crate) fn tokens(markup: &str) -> Option<Vec<Token<'_>>> {
    let mut out = Vec::new();
    let mut rest = markup;
    let mut in_textarea = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            let (_, tail) = after.split_once('>')?;
            out.push(Token::Close);
            in_textarea = false;
            rest = tail;
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = after.find([' ', '>'])?;
            let tag = &after[..end];
            let mut attrs = Vec::new();
            let mut tail = &after[end..];
            loop {
                tail = tail.trim_start_matches(' ');
                if let Some(t) = tail.strip_prefix('>') {
                    tail = t;
                    break;
                }
                let (name, t) = tail.split_once('=')?;
                let (value, t) = t.strip_prefix('"')?.split_once('"')?;
                attrs.push((name, unescape(value)?));
                tail = t;
            }
            out.push(Token::Open(tag, attrs));
            if VOID.contains(&tag) {
                out.push(Token::Close);
            }
            in_textarea = tag == "textarea";
            rest = tail;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let mut text = &rest[..end];
            if in_textarea {
                text = text.strip_prefix('\n').unwrap_or(text);
                in_textarea = false;
            }
            out.push(Token::Text(unescape(text)?));
            rest = &rest[end..];
        }
    }
    Some(out)
}

/// The text [`esc`] escaped.
fn unescape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let (name, tail) = rest[i + 1..].split_once(';')?;
        out.push(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "#39" => '\'',
            _ => return None,
        });
        rest = tail;
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    /// Every scenario of tests/scenarios/*.json, with its council's overlay: its report, rules
    /// and role.
    fn reports() -> Vec<(Report, Ruleset, Role)> {
        let national = testing::national();
        let mut out = Vec::new();
        for s in testing::scenarios(&[""]) {
            let (rules, name) = match &s.council {
                Some(c) => {
                    let (rules, name) = testing::with_council(&national, c);
                    (rules, Some(name))
                }
                None => (national.clone(), None),
            };
            if let Some((evaluation, r)) = testing::run(&rules, &s, name.as_deref()) {
                out.push((r, rules, evaluation.role));
            }
        }
        assert!(out.len() > 50, "{} scenarios", out.len());
        out
    }

    fn page(r: &Report, rules: &Ruleset, role: Role, saved: bool) -> String {
        results_page(&ResultsPage {
            report: r,
            rules,
            role,
            level: 2,
            saved,
            link: "https://example.org/page#srf-0=%7B%22a%22%3A1%7D&x='y'",
        })
    }

    /// The markup again from its tokens, and the tags as they close.
    fn written(tokens: &[Token<'_>]) -> String {
        let mut h = String::new();
        let mut open: Vec<&str> = Vec::new();
        for t in tokens {
            match t {
                Token::Open(tag, attributes) => {
                    h.push('<');
                    h.push_str(tag);
                    for (name, value) in attributes {
                        h.push_str(&format!(" {name}=\""));
                        esc(&mut h, value);
                        h.push('"');
                    }
                    h.push('>');
                    if *tag == "textarea" {
                        h.push('\n');
                    }
                    open.push(tag);
                }
                Token::Text(text) => esc(&mut h, text),
                Token::Close => {
                    let tag = open.pop().expect("an element to close");
                    if !VOID.contains(&tag) {
                        h.push_str(&format!("</{tag}>"));
                    }
                }
            }
        }
        assert!(open.is_empty(), "left open: {open:?}");
        h
    }

    fn text(tokens: &[Token<'_>]) -> String {
        let mut out = String::new();
        for t in tokens {
            if let Token::Text(s) = t {
                out.push_str(s);
                out.push(' ');
            }
        }
        out
    }

    #[test]
    fn every_scenario_s_results_read_back_to_the_same_markup_with_every_part_shown() {
        for (r, rules, role) in reports() {
            for saved in [false, true] {
                let markup = page(&r, &rules, role, saved);
                let tokens = tokens(&markup).expect("markup reads back");
                assert_eq!(written(&tokens), markup);
                // Every closing tag closes the element it should.
                let mut open = Vec::new();
                let mut rest = markup.as_str();
                while let Some(i) = rest.find('<') {
                    rest = &rest[i + 1..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                        .collect();
                    if let Some(closed) = name.strip_prefix('/') {
                        assert_eq!(open.pop().as_deref(), Some(closed), "{markup}");
                    } else if !VOID.contains(&name.as_str()) {
                        open.push(name);
                    }
                }
                assert!(open.is_empty());
                let words = text(&tokens);
                assert_eq!(markup.matches("<article ").count(), r.routes.len());
                for route in &r.routes {
                    assert!(markup.contains(&format!("id=\"{}\"", route.anchor())));
                    assert!(markup.contains(&format!("id=\"{}-title\"", route.anchor())));
                    for part in [&route.title, &route.summary, &route.source]
                        .into_iter()
                        .chain(&route.why)
                        .chain(&route.steps)
                    {
                        assert!(words.contains(part.as_str()), "{part}");
                    }
                    for c in &route.contacts {
                        assert!(words.contains(c.name.as_str()), "{}", c.name);
                    }
                    if let Some(letter) = &route.letter {
                        assert!(words.contains(letter.text.as_str()));
                        assert!(markup.contains(&format!("id=\"{}\"", letter_id(route))));
                    }
                }
                for a in &r.answered {
                    assert!(words.contains(a.label.as_str()), "{}", a.label);
                }
                if let Some(t) = &r.timescale {
                    assert!(words.contains(t.headline.as_str()));
                }
                assert_eq!(markup.contains("srf-delete-saved"), saved);
                assert_eq!(markup.contains("srf-keep-answers"), !saved);
            }
        }
    }

    #[test]
    fn headings_follow_the_embedding_s_level_and_stop_at_six() {
        let (r, rules, role) = reports().swap_remove(0);
        let at = |level| {
            results_page(&ResultsPage {
                report: &r,
                rules: &rules,
                role,
                level,
                saved: false,
                link: "",
            })
        };
        let two = at(2);
        assert!(two.contains("<h3 class=\"srf-heading-m\" id=\"srf-glance-title\""));
        assert!(two.contains("<h4 class=\"srf-heading-s srf-route__title\""));
        assert!(two.contains("<h5 class=\"srf-heading-xs\">Why this applies</h5>"));
        let five = at(5);
        assert!(five.contains("<h6 class=\"srf-heading-s srf-route__title\""));
        assert!(five.contains("<h6 class=\"srf-heading-xs\">Why this applies</h6>"));
        assert!(!five.contains("<h7"));
    }

    #[test]
    fn a_council_s_words_cannot_add_markup() {
        let (mut r, rules, role) = reports().swap_remove(0);
        let nasty = "<img src=x onerror=alert(1)> \"quoted\" & 'single' </p>";
        r.council = Some(nasty.into());
        r.routes[0].title = nasty.into();
        r.routes[0].why.push(nasty.into());
        r.routes[0].contacts.push(ContactReport {
            id: nasty.into(),
            name: nasty.into(),
            about: Some(nasty.into()),
            phone: Some(format!("0123 456789{nasty}")),
            email: Some(format!("a@b.org\"{nasty}")),
            web: Some(format!(
                "https://example.org/\"onmouseover=\"alert(1){nasty}"
            )),
            address: Some(nasty.into()),
            not_known: Some(nasty.into()),
        });
        r.answered[0].label = nasty.into();
        let markup = page(&r, &rules, role, false);
        let tokens = tokens(&markup).expect("reads back");
        assert_eq!(written(&tokens), markup);
        assert!(!markup.contains("<img") && !markup.contains("\"quoted\""));
        let words = text(&tokens);
        assert!(words.matches(nasty).count() >= 6, "{words}");
        const TAGS: &[&str] = &[
            "a", "article", "button", "dd", "details", "div", "dl", "dt", "h1", "h2", "h3", "h4",
            "h5", "h6", "input", "label", "li", "ol", "p", "section", "span", "strong", "summary",
            "textarea", "ul",
        ];
        const ATTRIBUTES: &[&str] = &[
            "aria-label",
            "aria-labelledby",
            "class",
            "for",
            "href",
            "id",
            "readonly",
            "rel",
            "role",
            "rows",
            "spellcheck",
            "tabindex",
            "target",
            "translate",
            "type",
            "value",
        ];
        for t in &tokens {
            if let Token::Open(tag, attributes) = t {
                assert!(TAGS.contains(tag), "{tag}");
                for (name, value) in attributes {
                    assert!(ATTRIBUTES.contains(name), "{name}");
                    if *name == "href" {
                        assert!(
                            value.starts_with('#')
                                || value.starts_with("tel:")
                                || value.starts_with("mailto:")
                                || value.starts_with("https://"),
                            "{value}"
                        );
                        assert!(!value.contains('"') && !value.contains('<'), "{value}");
                    }
                }
            }
        }
    }

    #[test]
    fn only_the_widget_s_own_markup_reads_back() {
        assert_eq!(
            tokens("<p class=\"a\">x &amp; y</p><input id=\"i\">"),
            Some(vec![
                Token::Open("p", vec![("class", "a".into())]),
                Token::Text("x & y".into()),
                Token::Close,
                Token::Open("input", vec![("id", "i".into())]),
                Token::Close,
            ])
        );
        assert_eq!(tokens("<p class=a>"), None);
        assert_eq!(tokens("a &nbsp; b"), None);
        assert_eq!(tokens("<p"), None);
    }
}

//! What a family takes away from the results: a one-page summary as a standalone HTML file,
//! and calendar files (RFC 5545): a route's last day, with a reminder a week before; the
//! council's own last day (its clock); the day a letter asks for a reply by.
//!
//! Both are made from the [`Report`] alone, in the browser, and are only ever downloaded by
//! the person: nothing is sent anywhere.
//!
//! It is part of the user interface, not the engine: only the results screen offers these
//! files, and what they say and how they look is presentation, like the screens. It holds no
//! browser code (the results screen hands the text to `browser::download`), so, like
//! [`journey`](super::journey), it is built without the `web` feature too and its tests run
//! natively.

use super::markup::esc;
use crate::dates;
use crate::engine::wording::{ContactReport, Report, RouteReport};

/// The file name of the summary, for example `send-options-2026-11-24.html`.
pub(crate) fn summary_file_name(report: &Report) -> String {
    format!("send-options-{}.html", report.today)
}

/// The file name of a route's calendar file, for example `last-day-tribunal_appeal.ics`.
pub(crate) fn calendar_file_name(route: &RouteReport) -> String {
    file_name("last-day-", route)
}

/// The file name of the council's last day, `council-last-day.ics`.
pub(crate) const CLOCK_FILE_NAME: &str = "council-last-day.ics";

/// The file name of a letter's reply-by day, for example `reply-by-la_complaint.ics`.
pub(crate) fn reply_file_name(route: &RouteReport) -> String {
    file_name("reply-by-", route)
}

/// `prefix`, the route's id with any character other than a letter, a digit, `_` or `-` made
/// a `-`, and `.ics`.
fn file_name(prefix: &str, route: &RouteReport) -> String {
    let mut name = prefix.to_string();
    for c in route.id.chars() {
        name.push(if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            c
        } else {
            '-'
        });
    }
    name.push_str(".ics");
    name
}

/// The results as one printable page: the answers, each route with why it applies, its first
/// steps, its last day and its contacts, free help, and the ruleset's version and date. A
/// whole HTML document with its own small stylesheet, so it reads the same offline, years on.
pub(crate) fn summary_html(report: &Report) -> String {
    let mut h = String::with_capacity(16 * 1024);
    let title = match &report.council {
        Some(c) => format!("Your options if you disagree about SEND help, with contacts from {c}"),
        None => "Your options if you disagree about SEND help".to_string(),
    };
    h.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    esc(&mut h, &title);
    h.push_str("</title>\n<style>\n");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    esc(&mut h, &title);
    h.push_str("</h1>\n<p class=\"meta\">Made on ");
    esc(&mut h, &in_words(&report.today));
    h.push_str(" by SEND Route Finder. It is a guide, not legal advice. Check each time limit with SENDIASS or the contacts below.</p>\n");
    if let Some(note) = &report.rights_note {
        h.push_str("<p class=\"note\">");
        esc(&mut h, note);
        h.push_str("</p>\n");
    }
    glance_html(&mut h, report);
    if let Some(t) = &report.timescale {
        h.push_str("<h2>The council's time limit</h2>\n<p class=\"deadline\"><strong>");
        esc(&mut h, &t.headline);
        h.push_str("</strong></p>\n");
        for (label, text) in [
            ("What the council has to do: ", Some(&t.duty)),
            ("How this date was worked out: ", Some(&t.reason)),
            (
                "When the council can have more time: ",
                t.exceptions.as_ref(),
            ),
            ("", t.note.as_ref()),
            ("What you can do now: ", Some(&t.advice)),
        ] {
            if let Some(text) = text {
                h.push_str("<p><strong>");
                esc(&mut h, label);
                h.push_str("</strong>");
                esc(&mut h, text);
                h.push_str("</p>\n");
            }
        }
        h.push_str("<p class=\"meta\">The law: ");
        esc(&mut h, &t.source);
        h.push_str("</p>\n");
    }

    h.push_str("<h2>Your answers</h2>\n<dl>\n");
    for a in &report.answered {
        h.push_str("<dt>");
        esc(&mut h, &a.label);
        h.push_str("</dt><dd>");
        esc(&mut h, &a.value.join(", "));
        h.push_str("</dd>\n");
    }
    h.push_str("</dl>\n");

    if let Some(together) = &report.together {
        h.push_str("<p>");
        esc(&mut h, together);
        h.push_str("</p>\n");
    }
    for g in report.groups() {
        h.push_str("<h2>");
        esc(&mut h, g.heading);
        h.push_str("</h2>\n");
        for r in g.routes.iter().filter_map(|i| report.routes.get(*i)) {
            route_html(&mut h, r);
        }
    }
    if !report.help.is_empty() {
        h.push_str("<h2>Free, independent help</h2>\n<ul class=\"contacts\">\n");
        for c in &report.help {
            contact_html(&mut h, c);
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<p class=\"meta\">Ruleset version ");
    esc(&mut h, &report.ruleset.version);
    h.push_str(", last reviewed ");
    esc(&mut h, &in_words(&report.ruleset.last_reviewed));
    h.push_str(".</p>\n</main>\n</body>\n</html>\n");
    h
}

/// "In short", as the results page opens: the council's time limit in one line, then one line
/// a route under its group (its name, its last day, the one thing to do first).
fn glance_html(h: &mut String, report: &Report) {
    if report.routes.is_empty() {
        return;
    }
    h.push_str("<section class=\"glance\">\n<h2>In short</h2>\n");
    if let Some(t) = &report.timescale {
        h.push_str("<p><strong>The council's time limit:</strong> ");
        esc(h, &t.headline);
        h.push_str("</p>\n");
    }
    for g in report.groups() {
        h.push_str("<p><strong>");
        esc(h, g.heading);
        h.push_str("</strong></p>\n<ul>\n");
        for r in g.routes.iter().filter_map(|i| report.routes.get(*i)) {
            h.push_str("<li><a href=\"#");
            esc(h, &r.anchor());
            h.push_str("\">");
            esc(h, &r.title);
            h.push_str("</a>");
            if let Some(when) = r.by_when() {
                h.push_str("<br><strong>");
                esc(h, &when);
                h.push_str("</strong>");
            }
            if let Some(first) = r.first_step() {
                h.push_str("<br>");
                esc(h, first);
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

fn route_html(h: &mut String, r: &RouteReport) {
    h.push_str("<section class=\"route\" id=\"");
    esc(h, &r.anchor());
    h.push_str("\">\n<h3>");
    esc(h, &r.title);
    h.push_str("</h3>\n<p>");
    esc(h, &r.summary);
    h.push_str("</p>\n");
    for why in &r.why {
        h.push_str("<p><strong>Why this applies:</strong> ");
        esc(h, why);
        h.push_str("</p>\n");
    }
    match (&r.deadline_in_words, r.passed) {
        (Some(day), false) => {
            h.push_str("<p class=\"deadline\"><strong>Last day: ");
            esc(h, day);
            h.push_str("</strong></p>\n");
        }
        (Some(day), true) => {
            h.push_str("<p class=\"deadline\"><strong>The last day was ");
            esc(h, day);
            h.push_str("</strong></p>\n");
        }
        (None, _) => {
            if let Some(limit) = &r.time_limit {
                h.push_str("<p><strong>Time limit:</strong> ");
                esc(h, limit);
                h.push_str("</p>\n");
            }
        }
    }
    if let Some(reason) = &r.deadline_reason {
        h.push_str("<p><strong>How this date was worked out:</strong> ");
        esc(h, reason);
        h.push_str("</p>\n");
    }
    if let Some(note) = &r.deadline_note {
        h.push_str("<p>");
        esc(h, note);
        h.push_str("</p>\n");
    }
    h.push_str("<p><strong>What to do first</strong></p>\n<ol>\n");
    for s in &r.steps {
        h.push_str("<li>");
        esc(h, s);
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
    if !r.contacts.is_empty() {
        h.push_str("<p><strong>Who to contact</strong></p>\n<ul class=\"contacts\">\n");
        for c in &r.contacts {
            contact_html(h, c);
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<p class=\"meta\">The law: ");
    esc(h, &r.source);
    h.push_str("</p>\n</section>\n");
}

fn contact_html(h: &mut String, c: &ContactReport) {
    h.push_str("<li><strong>");
    esc(h, &c.name);
    h.push_str("</strong>");
    for (label, value) in [
        ("", &c.about),
        ("Phone: ", &c.phone),
        ("Email: ", &c.email),
        ("Website: ", &c.web),
        ("Address: ", &c.address),
        ("", &c.not_known),
    ] {
        if let Some(v) = value {
            h.push_str("<br>");
            esc(h, label);
            // Contact details are copied exactly: page translation must leave them alone.
            if label.is_empty() {
                esc(h, v);
            } else {
                h.push_str("<span translate=\"no\">");
                esc(h, v);
                h.push_str("</span>");
            }
        }
    }
    h.push_str("</li>\n");
}

/// An ISO date in words, or as it is if it is not one.
fn in_words(iso: &str) -> String {
    dates::parse_iso_date(iso)
        .map(dates::long_date)
        .unwrap_or_else(|_| iso.to_string())
}

const STYLE: &str = "body{margin:0;font-family:arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c}\n\
main{max-width:760px;margin:0 auto;padding:20px}\n\
h1{font-size:28px}h2{font-size:22px;margin-top:32px;border-top:2px solid #0b0c0c;padding-top:12px}h3{font-size:19px;margin-bottom:4px}\n\
dt{font-weight:bold}dd{margin:0 0 8px}section{break-inside:avoid;margin-bottom:20px}\n\
.deadline{border-left:6px solid #d4351c;padding-left:12px}.meta{color:#505a5f;font-size:14px}\n\
.contacts{padding-left:20px}.note{border-left:6px solid #b1b4b6;padding-left:12px}\n\
@media print{body{font-size:12pt}h2{break-after:avoid}}\n";

/// A route's last day as an all-day calendar event with a reminder a week before, or `None`
/// when the route has no date or the date has passed. `stamp` is when the file is made, as
/// `YYYYMMDDTHHMMSSZ` (UTC).
pub(crate) fn calendar_file(report: &Report, route: &RouteReport, stamp: &str) -> Option<String> {
    let day = dates::parse_iso_date(route.deadline.as_deref()?).ok()?;
    if route.passed {
        return None;
    }
    let mut description = format!("The last day for: {}. ", route.title);
    if let Some(first) = route.steps.first() {
        description.push_str("What to do first: ");
        description.push_str(first);
        description.push(' ');
    }
    if let Some(note) = &route.deadline_note {
        description.push_str(note);
        description.push(' ');
    }
    Some(event(
        report,
        stamp,
        &route.id,
        day,
        &format!("Last day: {}", route.title),
        description,
        ("-P7D", &format!("One week left: {}", route.title)),
    ))
}

/// The council's last day (its clock) as an all-day calendar event, or `None` when it is not
/// known. While the council still has time, a reminder comes at 9 am the day after, when it
/// is late if nothing has come; once it is late, there is no reminder.
pub(crate) fn clock_calendar_file(report: &Report, stamp: &str) -> Option<String> {
    let t = report.timescale.as_ref()?;
    let day = dates::parse_iso_date(t.due.as_deref()?).ok()?;
    let description = format!(
        "{} What the council has to do: {}. {} The law: {}. ",
        t.headline, t.duty, t.advice, t.source
    );
    let alarm = if t.late == Some(false) { "P1DT9H" } else { "" };
    Some(event(
        report,
        stamp,
        &format!("clock-{}", t.step),
        day,
        &format!("The council's last day: {}", t.duty),
        description,
        (alarm, "If the council has not done it, it is now late. See your saved results for what to do."),
    ))
}

/// The day a route's letter asks for a reply by, as an all-day calendar event with a
/// reminder at 9 am that day, or `None` when the route has no letter.
pub(crate) fn reply_calendar_file(
    report: &Report,
    route: &RouteReport,
    stamp: &str,
) -> Option<String> {
    let letter = route.letter.as_ref()?;
    let day = dates::parse_iso_date(&letter.reply_by).ok()?;
    let description = format!(
        "Your letter asked for a reply by today: {}. If no reply has come, see your saved results for what to do next ({}). ",
        letter.subject, route.title
    );
    Some(event(
        report,
        stamp,
        &format!("reply-{}", route.id),
        day,
        &format!("Reply due: {}", letter.subject),
        description,
        ("PT9H", &format!("Reply due today: {}", letter.subject)),
    ))
}

/// One all-day event on `day`, with a display alarm at `trigger` (none when empty).
fn event(
    report: &Report,
    stamp: &str,
    uid: &str,
    day: dates::Date,
    summary: &str,
    mut description: String,
    (trigger, alarm): (&str, &str),
) -> String {
    let compact = |d: dates::Date| dates::format_iso(d).replace('-', "");
    description.push_str("Worked out by SEND Route Finder on ");
    description.push_str(&in_words(&report.today));
    description
        .push_str(" from your answers. It is a guide, not legal advice: check it with SENDIASS.");
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//SEND Route Finder//Last days//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
    ] {
        fold(&mut out, l, "");
    }
    let mut id = uid.to_string();
    id.push('-');
    id.push_str(&compact(day));
    id.push_str("@send-route-finder");
    fold(&mut out, "UID:", &id);
    fold(&mut out, "DTSTAMP:", stamp);
    fold(&mut out, "DTSTART;VALUE=DATE:", &compact(day));
    fold(
        &mut out,
        "DTEND;VALUE=DATE:",
        &compact(dates::add_days(day, 1)),
    );
    fold(&mut out, "SUMMARY:", &ics_text(summary));
    fold(&mut out, "DESCRIPTION:", &ics_text(&description));
    fold(&mut out, "TRANSP:TRANSPARENT", "");
    if !trigger.is_empty() {
        fold(&mut out, "BEGIN:VALARM", "");
        fold(&mut out, "ACTION:DISPLAY", "");
        fold(&mut out, "DESCRIPTION:", &ics_text(alarm));
        fold(&mut out, "TRIGGER:", trigger);
        fold(&mut out, "END:VALARM", "");
    }
    fold(&mut out, "END:VEVENT", "");
    fold(&mut out, "END:VCALENDAR", "");
    out
}

/// TEXT escaping of RFC 5545 section 3.3.11.
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line, `name` then `value`, folded at 75 octets (RFC 5545 section 3.1), never
/// inside a character, ended with CRLF.
fn fold(out: &mut String, name: &str, value: &str) {
    let mut width = 0;
    for c in name.chars().chain(value.chars()) {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{evaluate, report, Answers};
    use crate::read::parse_ruleset;

    fn decision_report() -> Report {
        let rules = parse_ruleset(include_str!("../../rules.json")).expect("rules");
        let mut answers = Answers::new();
        let json = serde_json::json!({"role": "parent", "age": "under_16", "ehcp": "in_progress", "about": "la_decision",
            "decision": "refuse_plan", "decision_date": "2026-10-14", "certificate": "no"});
        answers = Answers::from_text(&json.to_string(), &rules).unwrap_or(answers);
        let today = dates::parse_iso_date("2026-11-24").expect("date");
        let evaluation = evaluate(&rules, &answers, today).expect("evaluates");
        report(&rules, Some("Luton <Council> & \"friends\""), &evaluation)
    }

    #[test]
    fn the_summary_file_opens_with_one_line_a_route_before_any_detail() {
        let r = decision_report();
        let html = summary_html(&r);
        let glance = html.find("<section class=\"glance\">").expect("a summary");
        let first_route = html.find("<section class=\"route\"").expect("routes");
        let answers = html.find("<h2>Your answers</h2>").expect("answers");
        assert!(glance < first_route && glance < answers);
        let part = &html[glance..first_route];
        assert_eq!(part.matches("<li>").count(), r.routes.len());
        for route in &r.routes {
            let mut title = String::new();
            esc(&mut title, &route.title);
            assert!(part.contains(&title), "{}", route.title);
            assert!(part.contains(&format!("href=\"#{}\"", route.anchor())));
            assert!(html.contains(&format!("id=\"{}\"", route.anchor())));
            if let Some(day) = &route.deadline_in_words {
                assert!(part.contains(&format!("By {day}")), "{day}");
            }
            let mut first = String::new();
            esc(&mut first, route.first_step().expect("a first step"));
            assert!(part.contains(&first), "{first}");
        }
        // The groups in the page's order, each route in one of them, once.
        let groups = r.groups();
        let mut seen: Vec<usize> = groups.iter().flat_map(|g| g.routes.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..r.routes.len()).collect::<Vec<_>>());
        let mut at = 0;
        for g in &groups {
            let found = part[at..].find(&format!("<p><strong>{}</strong></p>", g.heading));
            at += found.expect("groups in order");
        }
    }

    #[test]
    fn a_route_s_last_day_in_one_phrase() {
        let r = decision_report();
        let appeal = r
            .routes
            .iter()
            .find(|x| x.id == "tribunal_appeal")
            .expect("appeal");
        assert_eq!(
            appeal.by_when().as_deref(),
            Some("By Monday 14 December 2026")
        );
        let mut passed = appeal.clone();
        passed.passed = true;
        assert_eq!(
            passed.by_when().as_deref(),
            Some("The last day was Monday 14 December 2026")
        );
        let mut unknown = appeal.clone();
        unknown.deadline_in_words = None;
        unknown.deadline = None;
        assert_eq!(
            unknown.by_when().as_deref(),
            Some("Last day not known: see below")
        );
        unknown.deadline_note = None;
        assert_eq!(unknown.by_when(), None);
        let iass = r.routes.iter().find(|x| x.id == "iass").expect("iass");
        assert_eq!(iass.by_when(), None);
        assert_eq!(iass.anchor(), "srf-route-iass");
    }

    #[test]
    fn the_summary_holds_answers_routes_deadlines_contacts_and_version() {
        let r = decision_report();
        let html = summary_html(&r);
        assert!(html.starts_with("<!doctype html>"));
        assert!(
            html.contains("Luton &lt;Council&gt; &amp; &quot;friends&quot;"),
            "escaped"
        );
        assert!(!html.contains("<Council>"));
        assert!(r.answered.len() >= 7);
        for a in &r.answered {
            let mut label = String::new();
            esc(&mut label, &a.label);
            assert!(html.contains(&label), "{}", a.label);
        }
        for c in &r.help {
            let mut name = String::new();
            esc(&mut name, &c.name);
            assert!(html.contains(&name), "{}", c.name);
        }
        let appeal = r
            .routes
            .iter()
            .find(|x| x.id == "tribunal_appeal")
            .expect("appeal shown");
        assert!(html.contains(&format!(
            "Last day: {}",
            appeal.deadline_in_words.as_deref().unwrap_or("?")
        )));
        assert!(html.contains(&r.ruleset.version));
        assert_eq!(summary_file_name(&r), "send-options-2026-11-24.html");
    }

    #[test]
    fn a_deadline_becomes_an_all_day_event_with_a_reminder_a_week_before() {
        let r = decision_report();
        let appeal = r
            .routes
            .iter()
            .find(|x| x.id == "tribunal_appeal")
            .expect("appeal shown");
        let ics = calendar_file(&r, appeal, "20261124T090000Z").expect("a file");
        let day = appeal.deadline.as_deref().expect("a date").replace('-', "");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")));
        assert!(ics.contains("TRIGGER:-P7D\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(calendar_file_name(appeal), "last-day-tribunal_appeal.ics");
    }

    #[test]
    fn no_calendar_file_without_a_date_or_after_it() {
        let r = decision_report();
        let without = r
            .routes
            .iter()
            .find(|x| x.deadline.is_none())
            .expect("a route with no date");
        assert!(calendar_file(&r, without, "20261124T090000Z").is_none());
        let mut passed = r
            .routes
            .iter()
            .find(|x| x.deadline.is_some())
            .expect("dated")
            .clone();
        passed.passed = true;
        assert!(calendar_file(&r, &passed, "20261124T090000Z").is_none());
    }

    #[test]
    fn ics_text_is_escaped_and_folded() {
        assert_eq!(ics_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        fold(&mut out, &"é".repeat(50), "");
        assert!(out.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(out.replace("\r\n ", "").trim_end(), "é".repeat(50));
    }

    #[test]
    fn letters_name_the_complaint_the_problem_the_wish_and_the_reply_date() {
        let rules = parse_ruleset(include_str!("../../rules.json")).expect("rules");
        let today = dates::parse_iso_date("2026-11-24").expect("date");
        let mut seen = Vec::new();
        for about in ["la_decision", "setting_support", "health", "social_care"] {
            let json = serde_json::json!({"role": "parent", "age": "under_16", "ehcp": "yes", "about": about,
                "decision": "refuse_plan", "decision_date": "2026-10-14", "certificate": "no", "setting": "academy",
                "steps_taken": ["spoke_to_setting"]});
            let Ok(answers) = Answers::from_text(&json.to_string(), &rules) else {
                continue;
            };
            let Ok(evaluation) = evaluate(&rules, &answers, today) else {
                continue;
            };
            for route in report(&rules, None, &evaluation).routes {
                let Some(letter) = route.letter else { continue };
                let t = &letter.text;
                assert!(t.starts_with("Subject: "), "{t}");
                assert!(t.contains("Tuesday 24 November 2026"), "today's date: {t}");
                assert!(!t.contains('{'), "a placeholder left: {t}");
                if route.id.ends_with("complaint") {
                    assert!(t.contains("This is a formal complaint"), "{t}");
                    assert!(t.contains("What the problem is"), "{t}");
                    assert!(t.contains("What I would like to happen"), "{t}");
                    // The route's own reply period, counted from today: the day in words.
                    let by = dates::parse_iso_date(&letter.reply_by).expect("reply_by");
                    assert!(by > today, "{t}");
                    assert!(
                        t.contains(&format!("reply by {}", dates::long_date(by))),
                        "{t}"
                    );
                } else if route.id == "mediation_advice" {
                    assert!(
                        t.contains("mediation certificate")
                            && t.contains("Wednesday 14 October 2026"),
                        "{t}"
                    );
                }
                seen.push(route.id);
            }
        }
        seen.sort();
        seen.dedup();
        assert!(seen.len() >= 4, "letters seen: {seen:?}");
    }

    fn report_for(json: serde_json::Value) -> Report {
        let rules = parse_ruleset(include_str!("../../rules.json")).expect("rules");
        let answers = Answers::from_text(&json.to_string(), &rules).expect("answers");
        let today = dates::parse_iso_date("2026-11-24").expect("date");
        let evaluation = evaluate(&rules, &answers, today).expect("evaluates");
        report(&rules, None, &evaluation)
    }

    fn late_council(clock_date: &str) -> Report {
        report_for(
            serde_json::json!({"role": "parent", "age": "under_16", "ehcp": "in_progress",
            "about": "la_handling", "steps_taken": ["none"], "missing_education": "no",
            "late_step": "assessment_decision", "clock_date": clock_date}),
        )
    }

    fn unescaped(html: &str) -> String {
        html.replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    #[test]
    fn the_summary_carries_the_clock_the_rights_note_and_how_each_date_was_worked_out() {
        let r = late_council("2026-09-01");
        let t = r.timescale.as_ref().expect("a clock");
        let html = unescaped(&summary_html(&r));
        assert!(html.contains("The council's time limit"));
        for part in [&t.headline, &t.duty, &t.reason, &t.advice, &t.source] {
            assert!(html.contains(part.as_str()), "{part}");
        }
        if let Some(e) = &t.exceptions {
            assert!(html.contains(e.as_str()), "{e}");
        }
        assert!(r.rights_note.is_none());
        let decision = decision_report();
        let html = unescaped(&summary_html(&decision));
        let reasons: Vec<&String> = decision
            .routes
            .iter()
            .filter_map(|x| x.deadline_reason.as_ref())
            .collect();
        assert!(!reasons.is_empty());
        for reason in reasons {
            assert!(html.contains(&format!("How this date was worked out:</strong> {reason}")));
        }
        assert!(
            !html.contains("The council's time limit"),
            "no clock, no section"
        );
        let parent_of_adult = report_for(serde_json::json!({"role": "parent", "age": "18_to_25",
            "ehcp": "yes", "about": "health"}));
        let note = parent_of_adult.rights_note.as_ref().expect("a rights note");
        assert!(unescaped(&summary_html(&parent_of_adult)).contains(note.as_str()));
    }

    #[test]
    fn the_council_s_last_day_is_a_calendar_file_with_a_reminder_only_while_it_has_time() {
        let late = late_council("2026-09-01");
        let ics = clock_calendar_file(&late, "20261124T090000Z").expect("a file");
        assert!(ics.contains("DTSTART;VALUE=DATE:20261013\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20261014\r\n"));
        assert!(ics.contains("SUMMARY:The council's last day: decide whether"));
        assert!(!ics.contains("VALARM"), "no reminder of a day gone");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let early = late_council("2026-11-02");
        let t = early.timescale.as_ref().expect("a clock");
        assert_eq!(t.late, Some(false));
        let ics = clock_calendar_file(&early, "20261124T090000Z").expect("a file");
        let day = t.due.as_deref().expect("due").replace('-', "");
        assert!(ics.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")));
        assert!(
            ics.contains("TRIGGER:P1DT9H\r\n"),
            "a reminder the day after"
        );
        assert_eq!(CLOCK_FILE_NAME, "council-last-day.ics");
        // No clock, or no known date: no file.
        assert!(clock_calendar_file(&decision_report(), "20261124T090000Z").is_none());
        let unknown = report_for(serde_json::json!({"role": "parent", "age": "under_16",
            "ehcp": "in_progress", "about": "la_handling", "steps_taken": ["none"],
            "missing_education": "no", "late_step": "assessment_decision", "clock_date": "unknown"}));
        assert!(unknown.timescale.is_some());
        assert!(clock_calendar_file(&unknown, "20261124T090000Z").is_none());
    }

    #[test]
    fn a_letter_s_reply_by_day_is_a_calendar_file_with_a_reminder_that_morning() {
        let r = late_council("2026-09-01");
        let route = r
            .routes
            .iter()
            .find(|x| x.letter.is_some())
            .expect("a route with a letter");
        let letter = route.letter.as_ref().expect("letter");
        let ics = reply_calendar_file(&r, route, "20261124T090000Z").expect("a file");
        let day = letter.reply_by.replace('-', "");
        assert!(
            ics.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")),
            "{ics}"
        );
        assert!(ics.contains("SUMMARY:Reply due: "));
        assert!(ics.contains("TRIGGER:PT9H\r\n"));
        assert!(reply_file_name(route).starts_with("reply-by-"));
        assert!(reply_file_name(route).ends_with(".ics"));
        let without = r
            .routes
            .iter()
            .find(|x| x.letter.is_none())
            .expect("a route without a letter");
        assert!(reply_calendar_file(&r, without, "20261124T090000Z").is_none());
    }
}

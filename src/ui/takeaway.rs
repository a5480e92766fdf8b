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

use super::markup::{contact, esc, say};
use crate::dates;
use crate::engine::date_words::iso_in_words;
use crate::engine::wording::{Report, RouteReport};
use crate::join::join;
use crate::model::{InterfaceTexts, Ui};

/// The file name of the summary, for example `send-options-2026-11-24.html`.
pub(crate) fn summary_file_name(report: &Report, words: &InterfaceTexts) -> String {
    words.fill(Ui::FileSummary, &[("today", &report.today)])
}

/// The file name of a route's calendar file, for example `last-day-tribunal_appeal.ics`.
pub(crate) fn calendar_file_name(route: &RouteReport, words: &InterfaceTexts) -> String {
    words.fill(Ui::FileCalendar, &[("route", &safe_id(route))])
}

/// The file name of the council's last day, `council-last-day.ics`.
pub(crate) fn clock_file_name(words: &InterfaceTexts) -> String {
    words.get(Ui::FileClock).to_string()
}

/// The file name of a letter's reply-by day, for example `reply-by-la_complaint.ics`.
pub(crate) fn reply_file_name(route: &RouteReport, words: &InterfaceTexts) -> String {
    words.fill(Ui::FileReply, &[("route", &safe_id(route))])
}

/// The route's id with any character other than a letter, a digit, `_` or `-` made a `-`, for
/// a file name. (The name's own words are the interface text's: the browser keeps a download's
/// name to one file, whatever it holds.)
fn safe_id(route: &RouteReport) -> String {
    let mut id = String::new();
    for c in route.id.chars() {
        id.push(if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            c
        } else {
            '-'
        });
    }
    id
}

/// The results as one printable page: the answers, each route with why it applies, its first
/// steps, its last day and its contacts, free help, and the ruleset's version and date. A
/// whole HTML document with its own small stylesheet, so it reads the same offline, years on.
pub(crate) fn summary_html(report: &Report, words: &InterfaceTexts) -> String {
    let mut h = String::with_capacity(16 * 1024);
    let title = match &report.council {
        Some(c) => words.fill(Ui::SummaryTitleCouncil, &[("council", c)]),
        None => words.get(Ui::SummaryTitle).to_string(),
    };
    h.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    esc(&mut h, &title);
    h.push_str("</title>\n<style>\n");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
    esc(&mut h, &title);
    h.push_str("</h1>\n<p class=\"meta\">");
    esc(
        &mut h,
        &words.fill(
            Ui::SummaryMade,
            &[("day", &iso_in_words(words, &report.today))],
        ),
    );
    h.push_str("</p>\n");
    if let Some(note) = &report.rights_note {
        h.push_str("<p class=\"note\">");
        esc(&mut h, note);
        h.push_str("</p>\n");
    }
    glance_html(&mut h, report, words);
    if let Some(t) = &report.timescale {
        h.push_str("<h2>");
        say(&mut h, words, Ui::ClockTitle);
        h.push_str("</h2>\n<p class=\"deadline\"><strong>");
        esc(&mut h, &t.headline);
        h.push_str("</strong></p>\n");
        for (label, text) in [
            (words.get(Ui::ClockDuty), Some(&t.duty)),
            (words.get(Ui::WorkedOutLabel), Some(&t.reason)),
            (words.get(Ui::ClockMoreTime), t.exceptions.as_ref()),
            ("", t.note.as_ref()),
            (words.get(Ui::ClockNowLabel), Some(&t.advice)),
        ] {
            if let Some(text) = text {
                h.push_str("<p><strong>");
                if !label.is_empty() {
                    esc(&mut h, label);
                    h.push(' ');
                }
                h.push_str("</strong>");
                esc(&mut h, text);
                h.push_str("</p>\n");
            }
        }
        h.push_str("<p class=\"meta\">");
        esc(&mut h, &words.fill(Ui::LawIs, &[("law", &t.source)]));
        h.push_str("</p>\n");
    }

    h.push_str("<h2>");
    say(&mut h, words, Ui::AnswersTitle);
    h.push_str("</h2>\n<dl>\n");
    for a in &report.answered {
        h.push_str("<dt>");
        esc(&mut h, &a.label);
        h.push_str("</dt><dd>");
        esc(&mut h, &join(&a.value, ", "));
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
            route_html(&mut h, r, words);
        }
    }
    if !report.help.is_empty() {
        h.push_str("<h2>");
        say(&mut h, words, Ui::HelpTitle);
        h.push_str("</h2>\n<ul class=\"contacts\">\n");
        for c in &report.help {
            contact(&mut h, c, words);
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<p class=\"meta\">");
    esc(
        &mut h,
        &words.fill(
            Ui::SummaryVersion,
            &[
                ("version", &report.ruleset.version),
                (
                    "reviewed",
                    &iso_in_words(words, &report.ruleset.last_reviewed),
                ),
            ],
        ),
    );
    h.push_str("</p>\n</main>\n</body>\n</html>\n");
    h
}

/// "In short", as the results page opens: the council's time limit in one line, then one line
/// a route under its group (its name, its last day, the one thing to do first).
fn glance_html(h: &mut String, report: &Report, words: &InterfaceTexts) {
    if report.routes.is_empty() {
        return;
    }
    h.push_str("<section class=\"glance\">\n<h2>");
    say(h, words, Ui::InShort);
    h.push_str("</h2>\n");
    if let Some(t) = &report.timescale {
        h.push_str("<p><strong>");
        say(h, words, Ui::ClockTitle);
        h.push_str(":</strong> ");
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
            if let Some(when) = r.by_when(words) {
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

/// `<p><strong>{label}</strong> {text}</p>`.
fn labelled(h: &mut String, label: &str, text: &str) {
    h.push_str("<p><strong>");
    esc(h, label);
    h.push_str("</strong> ");
    esc(h, text);
    h.push_str("</p>\n");
}

fn route_html(h: &mut String, r: &RouteReport, words: &InterfaceTexts) {
    h.push_str("<section class=\"route\" id=\"");
    esc(h, &r.anchor());
    h.push_str("\">\n<h3>");
    esc(h, &r.title);
    h.push_str("</h3>\n<p>");
    esc(h, &r.summary);
    h.push_str("</p>\n");
    for why in &r.why {
        labelled(h, words.get(Ui::WhyLabel), why);
    }
    match (&r.deadline_in_words, r.passed) {
        (Some(day), passed) => {
            let said = if passed { Ui::LastDayWas } else { Ui::LastDay };
            h.push_str("<p class=\"deadline\"><strong>");
            esc(h, &words.fill(said, &[("day", day)]));
            h.push_str("</strong></p>\n");
        }
        (None, _) => {
            if let Some(limit) = &r.time_limit {
                labelled(h, words.get(Ui::TimeLimit), limit);
            }
        }
    }
    if let Some(reason) = &r.deadline_reason {
        labelled(h, words.get(Ui::WorkedOutLabel), reason);
    }
    if let Some(note) = &r.deadline_note {
        h.push_str("<p>");
        esc(h, note);
        h.push_str("</p>\n");
    }
    h.push_str("<p><strong>");
    say(h, words, Ui::FirstTitle);
    h.push_str("</strong></p>\n<ol>\n");
    for s in &r.steps {
        h.push_str("<li>");
        esc(h, s);
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
    if !r.contacts.is_empty() {
        h.push_str("<p><strong>");
        say(h, words, Ui::ContactsTitle);
        h.push_str("</strong></p>\n<ul class=\"contacts\">\n");
        for c in &r.contacts {
            contact(h, c, words);
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<p class=\"meta\">");
    esc(h, &words.fill(Ui::LawIs, &[("law", &r.source)]));
    h.push_str("</p>\n</section>\n");
}

const STYLE: &str = "body{margin:0;font-family:arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c}\n\
main{max-width:760px;margin:0 auto;padding:20px}\n\
h1{font-size:28px}h2{font-size:22px;margin-top:32px;border-top:2px solid #0b0c0c;padding-top:12px}h3{font-size:19px;margin-bottom:4px}\n\
dt{font-weight:bold}dd{margin:0 0 8px}section{break-inside:avoid;margin-bottom:20px}\n\
.deadline{border-left:6px solid #d4351c;padding-left:12px}.meta{color:#505a5f;font-size:14px}\n\
.contacts{padding-left:20px}.contacts p{margin:0}.srf-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}.note{border-left:6px solid #b1b4b6;padding-left:12px}\n\
@media print{body{font-size:12pt}h2{break-after:avoid}}\n";

/// A route's last day as an all-day calendar event with a reminder a week before, or `None`
/// when the route has no date or the date has passed. `stamp` is when the file is made, as
/// `YYYYMMDDTHHMMSSZ` (UTC).
pub(crate) fn calendar_file(
    (report, words): (&Report, &InterfaceTexts),
    route: &RouteReport,
    stamp: &str,
) -> Option<String> {
    let day = dates::parse_iso_date(route.deadline.as_deref()?).ok()?;
    if route.passed {
        return None;
    }
    let mut description = words.fill(Ui::CalLastDayFor, &[("title", &route.title)]);
    description.push(' ');
    if let Some(first) = route.steps.first() {
        description.push_str(&words.fill(Ui::CalFirst, &[("step", first)]));
        description.push(' ');
    }
    if let Some(note) = &route.deadline_note {
        description.push_str(note);
        description.push(' ');
    }
    Some(event(
        (report, words),
        stamp,
        &route.id,
        day,
        &words.fill(Ui::CalSummary, &[("title", &route.title)]),
        description,
        (
            "-P7D",
            &words.fill(Ui::CalWeekLeft, &[("title", &route.title)]),
        ),
    ))
}

/// The council's last day (its clock) as an all-day calendar event, or `None` when it is not
/// known. While the council still has time, a reminder comes at 9 am the day after, when it
/// is late if nothing has come; once it is late, there is no reminder.
pub(crate) fn clock_calendar_file(
    (report, words): (&Report, &InterfaceTexts),
    stamp: &str,
) -> Option<String> {
    let t = report.timescale.as_ref()?;
    let day = dates::parse_iso_date(t.due.as_deref()?).ok()?;
    let description = format!(
        "{} {} {}. {} {}. ",
        t.headline,
        words.get(Ui::ClockDuty),
        t.duty,
        t.advice,
        words.fill(Ui::LawIs, &[("law", &t.source)])
    );
    let alarm = if t.late == Some(false) { "P1DT9H" } else { "" };
    Some(event(
        (report, words),
        stamp,
        &format!("clock-{}", t.step),
        day,
        &words.fill(Ui::CalClockSummary, &[("duty", &t.duty)]),
        description,
        (alarm, words.get(Ui::CalClockAlarm)),
    ))
}

/// The day a route's letter asks for a reply by, as an all-day calendar event with a
/// reminder at 9 am that day, or `None` when the route has no letter.
pub(crate) fn reply_calendar_file(
    (report, words): (&Report, &InterfaceTexts),
    route: &RouteReport,
    stamp: &str,
) -> Option<String> {
    let letter = route.letter.as_ref()?;
    let day = dates::parse_iso_date(&letter.reply_by).ok()?;
    let mut description = words.fill(
        Ui::CalReply,
        &[("subject", &letter.subject), ("title", &route.title)],
    );
    description.push(' ');
    Some(event(
        (report, words),
        stamp,
        &format!("reply-{}", route.id),
        day,
        &words.fill(Ui::CalReplySummary, &[("subject", &letter.subject)]),
        description,
        (
            "PT9H",
            &words.fill(Ui::CalReplyAlarm, &[("subject", &letter.subject)]),
        ),
    ))
}

/// One all-day event on `day`, with a display alarm at `trigger` (none when empty).
fn event(
    (report, words): (&Report, &InterfaceTexts),
    stamp: &str,
    uid: &str,
    day: dates::Date,
    summary: &str,
    mut description: String,
    (trigger, alarm): (&str, &str),
) -> String {
    let compact = |d: dates::Date| dates::format_iso(d).replace('-', "");
    description.push_str(&words.fill(
        Ui::CalWorked,
        &[("day", &iso_in_words(words, &report.today))],
    ));
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

    /// No interface texts overridden: the English defaults.
    fn en() -> InterfaceTexts {
        InterfaceTexts::default()
    }

    /// The appeal to the Tribunal, shown in [`decision_report`].
    fn appeal(r: &Report) -> &RouteReport {
        r.routes
            .iter()
            .find(|x| x.id == "tribunal_appeal")
            .expect("the appeal is shown")
    }

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
        let html = summary_html(&r, &en());
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

    /// Every interface text overridden by a marker, `⟪key⟫`, followed by its placeholders.
    fn marked() -> crate::model::InterfaceTexts {
        let mut texts = crate::model::InterfaceTexts::default();
        for e in crate::model::interface::texts() {
            let mut text = format!("⟪{}⟫", e.key);
            for p in crate::model::interface::placeholders(e.default) {
                text.push_str(&format!(" {{{p}}}"));
            }
            texts.insert(e.key.to_string(), text);
        }
        texts
    }

    /// The English words of every interface text: its default without its placeholders, in
    /// pieces of two words or more.
    fn english() -> Vec<String> {
        let mut out = Vec::new();
        for e in crate::model::interface::texts() {
            let mut rest = e.default;
            loop {
                let (piece, next) = match rest.find('{') {
                    Some(i) => (&rest[..i], rest[i..].find('}').map(|j| &rest[i + j + 1..])),
                    None => (rest, None),
                };
                let piece = piece.trim_matches(|c: char| c == ' ' || c == '.' || c == ':');
                // Pieces the ruleset's own content also says ("The council must") prove
                // nothing either way.
                let content = include_str!("../../rules.json");
                if piece.contains(' ') && piece.len() > 8 && !content.contains(piece) {
                    out.push(piece.to_string());
                }
                match next {
                    Some(n) => rest = n,
                    None => break,
                }
            }
        }
        out
    }

    #[test]
    fn every_interface_text_on_the_results_and_in_the_files_comes_from_the_table() {
        let mut rules = parse_ruleset(include_str!("../../rules.json")).expect("rules");
        rules.interface_texts = marked();
        let english = english();
        let mut seen = std::collections::BTreeSet::new();
        for s in crate::testing::scenarios(&["public"]) {
            let Some((evaluation, _)) = crate::testing::run(&rules, &s, None) else {
                continue;
            };
            for council in [None, Some("Testshire")] {
                let r = report(&rules, council, &evaluation);
                let mut all = crate::ui::markup::results_page(&crate::ui::markup::ResultsPage {
                    report: &r,
                    rules: &rules,
                    role: evaluation.role,
                    level: 2,
                    saved: council.is_some(),
                    link: "https://example.org/#a",
                });
                all.push_str(&summary_html(&r, &rules.interface_texts));
                for route in &r.routes {
                    all.push_str(
                        &calendar_file((&r, &rules.interface_texts), route, "20261124T090000Z")
                            .unwrap_or_default(),
                    );
                    all.push_str(
                        &reply_calendar_file(
                            (&r, &rules.interface_texts),
                            route,
                            "20261124T090000Z",
                        )
                        .unwrap_or_default(),
                    );
                    all.push_str(&serde_json::to_string(route).unwrap_or_default());
                }
                all.push_str(
                    &clock_calendar_file((&r, &rules.interface_texts), "20261124T090000Z")
                        .unwrap_or_default(),
                );
                all.push_str(&serde_json::to_string(&r.timescale).unwrap_or_default());
                // Calendar files fold long lines and escape commas.
                let all = all.replace("\r\n ", "").replace("\\,", ",");
                for words in &english {
                    let mut escaped = String::new();
                    esc(&mut escaped, words);
                    assert!(
                        !all.contains(words.as_str()) && !all.contains(&escaped),
                        "{}: \"{words}\" is still in English",
                        s.id
                    );
                }
                for e in crate::model::interface::texts() {
                    if all.contains(&format!("⟪{}⟫", e.key)) {
                        seen.insert(e.key);
                    }
                }
            }
        }
        for key in [
            "in_short",
            "by_day",
            "version_line",
            "summary_made",
            "cal_worked",
            "clock_late",
            "letter_subject",
        ] {
            assert!(seen.contains(key), "{key} is never shown");
        }
    }

    #[test]
    fn a_route_s_last_day_in_one_phrase() {
        let r = decision_report();
        let appeal = appeal(&r);
        assert_eq!(
            appeal.by_when(&en()).as_deref(),
            Some("By Monday 14 December 2026")
        );
        let mut passed = appeal.clone();
        passed.passed = true;
        assert_eq!(
            passed.by_when(&en()).as_deref(),
            Some("The last day was Monday 14 December 2026")
        );
        let mut unknown = appeal.clone();
        unknown.deadline_in_words = None;
        unknown.deadline = None;
        assert_eq!(
            unknown.by_when(&en()).as_deref(),
            Some("Last day not known: see below")
        );
        unknown.deadline_note = None;
        assert_eq!(unknown.by_when(&en()), None);
        let iass = r.routes.iter().find(|x| x.id == "iass").expect("iass");
        assert_eq!(iass.by_when(&en()), None);
        assert_eq!(iass.anchor(), "srf-route-iass");
    }

    #[test]
    fn the_summary_holds_answers_routes_deadlines_contacts_and_version() {
        let r = decision_report();
        let html = summary_html(&r, &en());
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
        let appeal = appeal(&r);
        assert!(html.contains(&format!(
            "Last day: {}",
            appeal.deadline_in_words.as_deref().unwrap_or("?")
        )));
        assert!(html.contains(&r.ruleset.version));
        assert_eq!(summary_file_name(&r, &en()), "send-options-2026-11-24.html");
    }

    #[test]
    fn a_deadline_becomes_an_all_day_event_with_a_reminder_a_week_before() {
        let r = decision_report();
        let appeal = appeal(&r);
        let ics = calendar_file((&r, &en()), appeal, "20261124T090000Z").expect("a file");
        let day = appeal.deadline.as_deref().expect("a date").replace('-', "");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")));
        assert!(ics.contains("TRIGGER:-P7D\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            calendar_file_name(appeal, &en()),
            "last-day-tribunal_appeal.ics"
        );
    }

    #[test]
    fn file_names_come_from_the_interface_texts() {
        let r = decision_report();
        let appeal = appeal(&r);
        let mut cy = en();
        cy.insert("file_calendar".into(), "diwrnod-olaf-{route}.ics".into());
        cy.insert("file_clock".into(), "cyngor-diwrnod-olaf.ics".into());
        cy.insert("file_summary".into(), "dewisiadau-{today}.html".into());
        assert_eq!(
            calendar_file_name(appeal, &cy),
            "diwrnod-olaf-tribunal_appeal.ics"
        );
        assert_eq!(clock_file_name(&cy), "cyngor-diwrnod-olaf.ics");
        assert_eq!(summary_file_name(&r, &cy), "dewisiadau-2026-11-24.html");
        assert!(reply_file_name(appeal, &cy).starts_with("reply-by-"));
    }

    #[test]
    fn no_calendar_file_without_a_date_or_after_it() {
        let r = decision_report();
        let without = r
            .routes
            .iter()
            .find(|x| x.deadline.is_none())
            .expect("a route with no date");
        assert!(calendar_file((&r, &en()), without, "20261124T090000Z").is_none());
        let mut passed = r
            .routes
            .iter()
            .find(|x| x.deadline.is_some())
            .expect("dated")
            .clone();
        passed.passed = true;
        assert!(calendar_file((&r, &en()), &passed, "20261124T090000Z").is_none());
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
                        t.contains(&format!(
                            "reply by {}",
                            crate::engine::date_words::long_date(&rules.interface_texts, by)
                        )),
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
        let html = unescaped(&summary_html(&r, &en()));
        assert!(html.contains("The council's time limit"));
        for part in [&t.headline, &t.duty, &t.reason, &t.advice, &t.source] {
            assert!(html.contains(part.as_str()), "{part}");
        }
        if let Some(e) = &t.exceptions {
            assert!(html.contains(e.as_str()), "{e}");
        }
        assert!(r.rights_note.is_none());
        let decision = decision_report();
        let html = unescaped(&summary_html(&decision, &en()));
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
        assert!(unescaped(&summary_html(&parent_of_adult, &en())).contains(note.as_str()));
    }

    #[test]
    fn the_council_s_last_day_is_a_calendar_file_with_a_reminder_only_while_it_has_time() {
        let late = late_council("2026-09-01");
        let ics = clock_calendar_file((&late, &en()), "20261124T090000Z").expect("a file");
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
        let ics = clock_calendar_file((&early, &en()), "20261124T090000Z").expect("a file");
        let day = t.due.as_deref().expect("due").replace('-', "");
        assert!(ics.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")));
        assert!(
            ics.contains("TRIGGER:P1DT9H\r\n"),
            "a reminder the day after"
        );
        assert_eq!(clock_file_name(&en()), "council-last-day.ics");
        // No clock, or no known date: no file.
        assert!(clock_calendar_file((&decision_report(), &en()), "20261124T090000Z").is_none());
        let unknown = report_for(serde_json::json!({"role": "parent", "age": "under_16",
            "ehcp": "in_progress", "about": "la_handling", "steps_taken": ["none"],
            "missing_education": "no", "late_step": "assessment_decision", "clock_date": "unknown"}));
        assert!(unknown.timescale.is_some());
        assert!(clock_calendar_file((&unknown, &en()), "20261124T090000Z").is_none());
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
        let ics = reply_calendar_file((&r, &en()), route, "20261124T090000Z").expect("a file");
        let day = letter.reply_by.replace('-', "");
        assert!(
            ics.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")),
            "{ics}"
        );
        assert!(ics.contains("SUMMARY:Reply due: "));
        assert!(ics.contains("TRIGGER:PT9H\r\n"));
        assert!(reply_file_name(route, &en()).starts_with("reply-by-"));
        assert!(reply_file_name(route, &en()).ends_with(".ics"));
        let without = r
            .routes
            .iter()
            .find(|x| x.letter.is_none())
            .expect("a route without a letter");
        assert!(reply_calendar_file((&r, &en()), without, "20261124T090000Z").is_none());
    }
}

//! Sense checks on a national ruleset: duplicate ids, references that lead nowhere,
//! conditions that test what a question cannot answer.

use super::spelling::{closest, did_you_mean};
use super::Reporter;
use crate::join::join;
use crate::model::{
    AnswerTest, ClockRule, Condition, DeadlineRule, Kind, Letter, Question, Route, Ruleset,
    CLOCK_STATES, RESULTS, RIGHTS_HOLDERS,
};
use crate::placeholder::{self, Piece, Placeholder};
use crate::read::JsonPath;

/// Check the national ruleset.
pub(crate) fn check_ruleset(rules: &Ruleset, report: &mut Reporter) {
    let root = JsonPath::root();
    duplicates(
        rules.questions.iter().map(|q| q.id.as_str()),
        &root.key("questions"),
        "question",
        report,
    );
    duplicates(
        rules.routes.iter().map(|r| r.id.as_str()),
        &root.key("routes"),
        "route",
        report,
    );
    duplicates(
        rules.contacts.iter().map(|c| c.id.as_str()),
        &root.key("contacts"),
        "contact",
        report,
    );
    duplicates(
        rules.groups.iter().map(|g| g.id.as_str()),
        &root.key("groups"),
        "group",
        report,
    );
    if rules.question(&rules.start).is_none() {
        report.error(
            &root.key("start"),
            format!("the first question \"{}\" does not exist", rules.start),
        );
    }
    for (i, q) in rules.questions.iter().enumerate() {
        let at = root.key("questions").index(i);
        duplicates(
            q.options.iter().map(|o| o.value.as_str()),
            &at.key("options"),
            "choice",
            report,
        );
        match q.kind {
            Kind::One | Kind::Many if q.options.len() < 2 => report.error(
                &at.key("options"),
                format!("the question \"{}\" needs at least two choices", q.id),
            ),
            Kind::Date if !q.options.is_empty() => {
                report.error(&at.key("options"), "a date question has no choices: remove \"options\"")
            }
            Kind::Date if q.unknown_label.is_none() => report.error(
                &at,
                format!("the date question \"{}\" needs an \"unknown_label\", such as \"I do not know\"", q.id),
            ),
            _ => {}
        }
        for (j, choice) in q.options.iter().enumerate() {
            if let Some(c) = &choice.condition {
                let at = at.key("options").index(j).key("if");
                check_condition(rules, c, &at, report);
                answers_only(c, &at, report);
            }
        }
        if q.kind != Kind::Many {
            if let Some(j) = q.options.iter().position(|o| o.exclusive) {
                report.error(
                    &at.key("options").index(j).key("exclusive"),
                    "only a question with many answers can have an exclusive choice",
                );
            }
        }
        if q.next.is_empty() {
            report.error(
                &at.key("next"),
                format!(
                    "the question \"{}\" has no next step: add {{\"to\": \"results\"}}",
                    q.id
                ),
            );
        }
        for (j, next) in q.next.iter().enumerate() {
            let at = at.key("next").index(j);
            if next.to != RESULTS && rules.question(&next.to).is_none() {
                report.error(
                    &at.key("to"),
                    format!(
                        "\"{}\" is not a question: write the id of a question, or \"results\"",
                        next.to
                    ),
                );
            }
            if next.condition.is_none() && j + 1 < q.next.len() {
                report.error(
                    &at,
                    "this step has no \"if\", so it is always taken, and the steps after it can never be reached",
                );
            }
            if let Some(c) = &next.condition {
                check_condition(rules, c, &at.key("if"), report);
                answers_only(c, &at.key("if"), report);
            }
        }
    }
    for (i, route) in rules.routes.iter().enumerate() {
        check_route(rules, route, &root.key("routes").index(i), report);
    }
    check_rights_and_clock(rules, &root, report);
    for (i, id) in rules.help.iter().enumerate() {
        if rules.contact(id).is_none() {
            report.error(
                &root.key("help").index(i),
                format!(
                    "there is no contact \"{id}\"{}",
                    did_you_mean(id, rules.contacts.iter().map(|c| c.id.as_str()))
                ),
            );
        }
    }
    for (i, h) in rules.holidays.cancelled.iter().enumerate() {
        let regular = crate::dates::Holidays::regular(h.date.0.year());
        if !regular.iter().any(|(d, _)| *d == h.date.0) {
            report.warning(
                &root.key("holidays").key("cancelled").index(i).key("date"),
                format!(
                    "{} is not a usual bank holiday, so cancelling it changes nothing",
                    crate::dates::format_iso(h.date.0)
                ),
            );
        }
    }
}

/// A condition that decides which question comes next, whether a choice is offered, or
/// whose right it is, can only test answers: the clock and the rights holder are worked out
/// after the questions.
fn answers_only(condition: &Condition, at: &JsonPath, report: &mut Reporter) {
    if condition.uses_outcomes() {
        report.error(
            at,
            "this condition can only test answers: \"clock\" and \"rights_holder\" are worked out after the questions, so use them in a route's \"when\"",
        );
    }
}

/// Whose right it is, and the council's clock.
fn check_rights_and_clock(rules: &Ruleset, root: &JsonPath, report: &mut Reporter) {
    if let Some(rights) = &rules.rights {
        let at = root.key("rights").key("young_person_if");
        check_condition(rules, &rights.young_person_if, &at, report);
        answers_only(&rights.young_person_if, &at, report);
    }
    let Some(clock) = &rules.clock else { return };
    let at = root.key("clock");
    let question = match rules.question(&clock.question) {
        None => {
            report.error(
                &at.key("question"),
                format!(
                    "there is no question \"{}\"{}",
                    clock.question,
                    did_you_mean(
                        &clock.question,
                        rules.questions.iter().map(|q| q.id.as_str())
                    )
                ),
            );
            None
        }
        Some(q) if q.kind != Kind::One => {
            report.error(
                &at.key("question"),
                format!("\"{}\" must be a single-choice question", clock.question),
            );
            None
        }
        Some(q) => Some(q),
    };
    for (i, step) in clock.steps.iter().enumerate() {
        let at = at.key("steps").index(i);
        if let Some(q) = question {
            if !q.offers(&step.step) {
                report.error(
                    &at.key("step"),
                    format!(
                        "\"{}\" is not a choice of the question \"{}\"; {}",
                        step.step,
                        q.id,
                        choices(&step.step, q)
                    ),
                );
            }
        }
        if let Some(c) = &step.condition {
            check_condition(rules, c, &at.key("if"), report);
            answers_only(c, &at.key("if"), report);
        }
        match &step.due {
            Some(ClockRule::Weeks { from, weeks }) => {
                date_question(rules, from, &at.key("due").key("from"), report);
                if *weeks == 0 {
                    report.error(
                        &at.key("due").key("weeks"),
                        "the number of weeks must be 1 or more",
                    );
                }
            }
            Some(ClockRule::BeforeComingSeptember { month, day }) => {
                let real = crate::dates::month_from_number(*month)
                    .is_some_and(|m| *day >= 1 && *day <= crate::dates::days_in_month(2027, m));
                if !real {
                    report.error(
                        &at.key("due"),
                        format!("day {day} of month {month} is not a day of every year"),
                    );
                }
            }
            None => {}
        }
        if !step.milestones.is_empty() && !matches!(step.due, Some(ClockRule::Weeks { .. })) {
            report.error(
                &at.key("milestones"),
                "milestones are counted from the same date as \"due\", so they need a \"weeks\" rule in \"due\"",
            );
        }
        for (j, m) in step.milestones.iter().enumerate() {
            if m.weeks == 0 {
                report.error(
                    &at.key("milestones").index(j).key("weeks"),
                    "the number of weeks must be 1 or more",
                );
            }
        }
    }
}

/// A field that names a date question.
fn date_question(rules: &Ruleset, id: &str, at: &JsonPath, report: &mut Reporter) {
    match rules.question(id) {
        None => report.error(
            at,
            format!(
                "there is no question \"{id}\"{}",
                did_you_mean(id, rules.questions.iter().map(|q| q.id.as_str()))
            ),
        ),
        Some(question) if question.kind != Kind::Date => {
            report.error(at, format!("\"{id}\" is not a date question"))
        }
        _ => {}
    }
}

/// Check one route (national, or a council's own against the merged ruleset).
pub(crate) fn check_route(rules: &Ruleset, route: &Route, at: &JsonPath, report: &mut Reporter) {
    if let Some(letter) = &route.letter {
        check_letter(rules, letter, &at.key("letter"), report);
    }
    if rules.group(&route.group).is_none() {
        report.error(
            &at.key("group"),
            format!(
                "there is no group \"{}\"; the groups are {}{}",
                route.group,
                list(rules.groups.iter().map(|g| &g.id)),
                did_you_mean(&route.group, rules.groups.iter().map(|g| g.id.as_str()))
            ),
        );
    }
    if route.when.is_empty() {
        report.error(
            &at.key("when"),
            format!(
                "the route \"{}\" has no \"when\", so it can never be shown",
                route.id
            ),
        );
    }
    for (j, when) in route.when.iter().enumerate() {
        let at = at.key("when").index(j);
        check_condition(rules, &when.condition, &at.key("if"), report);
        if let Some(g) = &when.group {
            if rules.group(g).is_none() {
                report.error(
                    &at.key("group"),
                    format!(
                        "there is no group \"{g}\"{}",
                        did_you_mean(g, rules.groups.iter().map(|g| g.id.as_str()))
                    ),
                );
            }
        }
    }
    if route.steps.is_empty() {
        report.error(&at.key("steps"), "a route needs at least one first step");
    }
    for (j, c) in route.contacts.iter().enumerate() {
        if rules.contact(c).is_none() {
            report.error(
                &at.key("contacts").index(j),
                format!(
                    "there is no contact \"{c}\"{}",
                    did_you_mean(c, rules.contacts.iter().map(|c| c.id.as_str()))
                ),
            );
        }
    }
    if let Some(after) = &route.after {
        match rules.route(after) {
            None => report.error(
                &at.key("after"),
                format!(
                    "there is no route \"{after}\" to show this one after{}",
                    did_you_mean(after, rules.routes.iter().map(|r| r.id.as_str()))
                ),
            ),
            // Routes are shown group by group: "after" a route of another group would move
            // this one to that group's place on the page, which no one meant.
            Some(other) if other.group != route.group => report.error(
                &at.key("after"),
                format!(
                    "\"{after}\" is in the group \"{}\", but this route is in \"{}\": \"after\" must name a route of the same group (routes are shown group by group){}",
                    other.group,
                    route.group,
                    same_group(rules, &route.group)
                ),
            ),
            Some(_) => {}
        }
    }
    if let Some(rule) = &route.deadline {
        let at = at.key("deadline");
        for (field, q) in deadline_questions(rule) {
            date_question(rules, q, &at.key(field), report);
        }
        if let DeadlineRule::TribunalDays {
            skip_holidays_if: Some(c),
            ..
        } = rule
        {
            check_condition(rules, c, &at.key("skip_holidays_if"), report);
        }
        if let DeadlineRule::WorkingDays { days: 0, .. }
        | DeadlineRule::Days { days: 0, .. }
        | DeadlineRule::TribunalDays { days: 0, .. } = rule
        {
            report.error(&at.key("days"), "the number of days must be 1 or more");
        }
        if let DeadlineRule::TribunalAppeal {
            has_certificate, ..
        } = rule
        {
            match rules.question(has_certificate) {
                None => report.error(&at.key("has_certificate"), format!("there is no question \"{has_certificate}\"{}", did_you_mean(has_certificate, rules.questions.iter().map(|q| q.id.as_str())))),
                Some(q) if q.kind != Kind::One || !q.offers("yes") => report.error(
                    &at.key("has_certificate"),
                    format!("\"{has_certificate}\" must be a single-choice question with the choice \"yes\""),
                ),
                _ => {}
            }
        }
        if let DeadlineRule::CalendarMonths { months: 0, .. } = rule {
            report.error(&at.key("months"), "the number of months must be 1 or more");
        }
        for (field, text) in [
            ("deadline_note", &route.deadline_note),
            ("deadline_unknown", &route.deadline_unknown),
            ("deadline_passed", &route.deadline_passed),
        ] {
            if text.is_none() {
                report.error(
                    &at,
                    format!(
                        "a route with a deadline needs \"{field}\": the words shown with the date"
                    ),
                );
            }
        }
    }
}

/// A letter's placeholders must be ones the engine fills in.
fn check_letter(rules: &Ruleset, letter: &Letter, at: &JsonPath, report: &mut Reporter) {
    if let Some(writer) = &letter.writer {
        if writer != "rights_holder" {
            report.error(
                &at.key("writer"),
                format!("\"{writer}\" is not who a letter can be written for: use \"rights_holder\", or leave it out"),
            );
        }
    }
    if letter.reply_days == Some(0) {
        report.error(
            &at.key("reply_days"),
            "the number of working days to reply must be 1 or more",
        );
    }
    let texts = std::iter::once((at.key("subject"), &letter.subject)).chain(
        letter
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| (at.key("paragraphs").index(i), p)),
    );
    for (place, text) in texts {
        for words in text.versions() {
            for piece in placeholder::pieces(words) {
                let piece = match piece {
                    Piece::Name(name) => Ok(Placeholder::named(name)),
                    Piece::Words(_) => continue,
                    Piece::Unclosed(_) => Err(()),
                };
                let unknown = match piece {
                    Err(()) => {
                        report.error(&place, "a { has no closing }: write {today}, {reply_by}, {council}, {clock_due} or {answer:<question id>}");
                        continue;
                    }
                    Ok(Placeholder::Answer(q)) if rules.question(q).is_none() => {
                        format!("answer:{q}")
                    }
                    Ok(Placeholder::Unknown(name)) => name.to_string(),
                    _ => continue,
                };
                report.error(&place, format!("{{{unknown}}} is not something a letter can fill in: use {{today}}, {{reply_by}}, {{council}}, {{clock_due}}, {{clock_duty}}, {{clock_source}} or {{answer:<question id>}} with a question of the ruleset"));
            }
        }
    }
}

fn deadline_questions(rule: &DeadlineRule) -> Vec<(&'static str, &str)> {
    match rule {
        DeadlineRule::TribunalAppeal {
            decision,
            certificate,
            ..
        } => {
            vec![("decision", decision), ("certificate", certificate)]
        }
        DeadlineRule::CalendarMonths { from, .. }
        | DeadlineRule::SixMonthsStartingWith { from }
        | DeadlineRule::WorkingDays { from, .. }
        | DeadlineRule::Days { from, .. }
        | DeadlineRule::TribunalDays { from, .. } => vec![("from", from)],
    }
}

/// Check a condition: the questions it names exist, the test fits the kind of answer, and
/// every value it tests is one the question offers.
pub(crate) fn check_condition(
    rules: &Ruleset,
    condition: &Condition,
    at: &JsonPath,
    report: &mut Reporter,
) {
    match condition {
        Condition::All(cs) | Condition::Any(cs) => {
            let key = if matches!(condition, Condition::All(_)) {
                "all"
            } else {
                "any"
            };
            if cs.is_empty() {
                report.error(&at.key(key), format!("\"{key}\" has no conditions in it"));
            }
            for (i, c) in cs.iter().enumerate() {
                check_condition(rules, c, &at.key(key).index(i), report);
            }
        }
        Condition::Not(c) => check_condition(rules, c, &at.key("not"), report),
        Condition::Test(test) => check_test(rules, test, at, report),
        Condition::Clock(state) if !CLOCK_STATES.contains(&state.as_str()) => report.error(
            &at.key("clock"),
            format!("\"{state}\" is not a state of the clock: use \"late\", \"not_late\" or \"unknown\""),
        ),
        Condition::Clock(_) if rules.clock.is_none() => {
            report.error(&at.key("clock"), "the ruleset has no \"clock\", so this test can never hold")
        }
        Condition::RightsHolder(holder) if !RIGHTS_HOLDERS.contains(&holder.as_str()) => report.error(
            &at.key("rights_holder"),
            format!("\"{holder}\" is not whose right it can be: use \"parent\" or \"young_person\""),
        ),
        Condition::Clock(_) | Condition::RightsHolder(_) => {}
    }
}

fn check_test(rules: &Ruleset, test: &AnswerTest, at: &JsonPath, report: &mut Reporter) {
    let id = test.question();
    let Some(question) = rules.question(id) else {
        report.error(
            &at.key("answer"),
            format!(
                "there is no question \"{id}\" to test{}",
                did_you_mean(id, rules.questions.iter().map(|q| q.id.as_str()))
            ),
        );
        return;
    };
    let op = test.operator();
    let fits = match question.kind {
        Kind::One => matches!(test, AnswerTest::Is { .. } | AnswerTest::In { .. }),
        Kind::Many => matches!(
            test,
            AnswerTest::Has { .. } | AnswerTest::HasAny { .. } | AnswerTest::Only { .. }
        ),
        Kind::Date => matches!(test, AnswerTest::Known { .. }),
    };
    if !fits {
        let allowed = match question.kind {
            Kind::One => "\"is\" or \"in\"",
            Kind::Many => "\"has\", \"has_any\" or \"only\"",
            Kind::Date => "\"known\"",
        };
        let kind = match question.kind {
            Kind::One => "single-choice",
            Kind::Many => "multiple-choice",
            Kind::Date => "date",
        };
        report.error(
            &at.key(op),
            format!("\"{id}\" is a {kind} question, so test it with {allowed}, not \"{op}\""),
        );
        return;
    }
    let values = test.values();
    if values.is_empty() && !matches!(test, AnswerTest::Known { .. }) {
        report.error(&at.key(op), format!("\"{op}\" has no values in it"));
    }
    for (i, v) in values.iter().enumerate() {
        if !question.offers(v) {
            let place = if matches!(test, AnswerTest::Is { .. } | AnswerTest::Has { .. }) {
                at.key(op)
            } else {
                at.key(op).index(i)
            };
            report.error(
                &place,
                format!(
                    "\"{v}\" is not a choice of the question \"{id}\", so this test can never hold; {}",
                    choices(v, question)
                ),
            );
        }
    }
}

/// Report every id used more than once.
pub(crate) fn duplicates<'a>(
    ids: impl Iterator<Item = &'a str>,
    at: &JsonPath,
    what: &str,
    report: &mut Reporter,
) {
    // A list, not a map: a ruleset has tens of ids, and the widget runs this check too.
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        if let Some(first) = seen.iter().position(|s| *s == id) {
            let field = if what == "choice" { "value" } else { "id" };
            report.error(
                &at.index(i).key(field),
                format!(
                    "the {what} id \"{id}\" is used twice (first at {}); each must be different",
                    at.index(first)
                ),
            );
        }
        seen.push(id);
    }
}

fn list<'a>(items: impl Iterator<Item = &'a String>) -> String {
    join(&items.map(|s| format!("\"{s}\"")).collect::<Vec<_>>(), ", ")
}

/// The end of a message about an answer value the question does not offer, saying each value
/// once: `did you mean "no"? The other choices are "yes"` when one is close (see
/// [`closest`]), else `its choices are "yes", "no"`.
fn choices(value: &str, question: &Question) -> String {
    let values = question.options.iter().map(|o| &o.value);
    match closest(value, question.options.iter().map(|o| o.value.as_str())) {
        Some(meant) => {
            let others: Vec<&String> = values.filter(|v| *v != meant).collect();
            if others.is_empty() {
                format!("did you mean \"{meant}\"?")
            } else {
                format!(
                    "did you mean \"{meant}\"? The other choices are {}",
                    list(others.into_iter())
                )
            }
        }
        None => format!("its choices are {}", list(values)),
    }
}

/// "; the routes of that group are ..." for the message about "after" in another group.
fn same_group(rules: &Ruleset, group: &str) -> String {
    let ids: Vec<&String> = rules
        .routes
        .iter()
        .filter(|r| r.group == group && !r.id.starts_with("local:"))
        .map(|r| &r.id)
        .collect();
    if ids.is_empty() {
        String::new()
    } else {
        format!("; the routes of that group are {}", list(ids.into_iter()))
    }
}

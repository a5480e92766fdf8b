//! What each command does, and its exit code.

use std::io::Write;
use std::time::Instant;

use super::args::{self, Command, GraphFormat, SchemaKind};
use crate::check::{self, Checked, Source};
use crate::dates::{self, Date};
use crate::engine::{self, paths, Answers, EvalError};
use crate::graph;

/// Exit code: everything fine.
pub(super) const OK: i32 = 0;
/// Exit code: a problem in the files, the answers or the command line.
pub(super) const INVALID: i32 = 2;
/// Exit code: a question on the path has no answer.
pub(super) const INCOMPLETE: i32 = 3;

/// Run a command line (without the program name); returns the exit code.
pub fn run(argv: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let command = match args::parse(argv) {
        Ok(c) => c,
        Err(message) => {
            let _ = writeln!(err, "route-finder: {message}\n\n{}", args::USAGE);
            return INVALID;
        }
    };
    match command {
        Command::Help => {
            let _ = write!(out, "{}", args::USAGE);
            OK
        }
        Command::Check {
            rules,
            council,
            today,
        } => check_command(&rules, council.as_deref(), today.as_deref(), out, err),
        Command::Evaluate {
            rules,
            council,
            answers,
            today,
        } => evaluate_command(
            &rules,
            council.as_deref(),
            &answers,
            today.as_deref(),
            out,
            err,
        ),
        Command::Paths {
            rules,
            council,
            list,
        } => paths_command(&rules, council.as_deref(), list, out, err),
        Command::Graph {
            rules,
            council,
            format,
        } => graph_command(&rules, council.as_deref(), format, out, err),
        Command::Schema { which } => schema_command(which, out),
        Command::Reference { rules } => reference_command(&rules, out, err),
        Command::Diff {
            old,
            new,
            council,
            list,
        } => diff_command(&old, &new, council.as_deref(), list, out, err),
    }
}

/// Every path through the old and the new rules, compared: what the change does to families.
fn diff_command(
    old: &str,
    new: &str,
    council: Option<&str>,
    list: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some((before, _)) = load_valid(old, council, err) else {
        return INVALID;
    };
    let Some((after, _)) = load_valid(new, council, err) else {
        return INVALID;
    };
    let options = paths::PathOptions::standard();
    let d = crate::engine::diff::diff(&before, &after, &options);
    let shown = if list { usize::MAX } else { 20 };
    let _ = writeln!(
        out,
        "paths: {} in {old}, {} in {new}\nsame routes and last days: {}\ndifferent routes or last days: {}\nonly in {old}: {}\nonly in {new}: {}\n(sample dates for every date question: {} and {}; today: {}; a route is shown as id:group@last-day)",
        d.paths_before,
        d.paths_after,
        d.same,
        d.changed.len(),
        d.only_before.len(),
        d.only_after.len(),
        dates::format_iso(options.sample_date),
        dates::format_iso(options.earlier_date),
        dates::format_iso(options.today),
    );
    if !d.changed.is_empty() {
        let _ = writeln!(out, "\nDifferent routes or last days:");
        for c in d.changed.iter().take(shown) {
            let _ = writeln!(
                out,
                "  {}\n    before: {}\n    after:  {}",
                c.answers, c.before, c.after
            );
        }
    }
    for (label, list_of) in [
        (format!("Only in {old}"), &d.only_before),
        (format!("Only in {new}"), &d.only_after),
    ] {
        if !list_of.is_empty() {
            let _ = writeln!(out, "\n{label} (the questions changed):");
            for (answers, outcome) in list_of.iter().take(shown) {
                let _ = writeln!(out, "  {answers}\n    {outcome}");
            }
        }
    }
    let hidden = [d.changed.len(), d.only_before.len(), d.only_after.len()]
        .iter()
        .map(|n| n.saturating_sub(shown))
        .sum::<usize>();
    if hidden > 0 {
        let _ = writeln!(
            out,
            "\n({hidden} more not shown: add --list to see every one)"
        );
    }
    OK
}

fn read(path: &str, err: &mut dyn Write) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                let _ = writeln!(err, "{path}: error: the file is not UTF-8 text");
                None
            }
        },
        Err(e) => {
            let _ = writeln!(err, "{path}: error: cannot read the file: {e}");
            None
        }
    }
}

fn parse_today(today: Option<&str>, err: &mut dyn Write) -> Result<Date, ()> {
    match today {
        Some(s) => dates::parse_iso_date(s).map_err(|e| {
            let _ = writeln!(err, "route-finder: --today: {e}");
        }),
        None => Ok(system_today()),
    }
}

/// Today's date from the system clock (UTC).
fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let epoch = Date::from_calendar_date(1970, dates::Month::January, 1).unwrap_or(Date::MIN);
    dates::add_days(epoch, secs / 86_400)
}

/// Read and check the files; print the problems; the checked ruleset when usable.
fn load(
    rules: &str,
    council: Option<&str>,
    today: Option<Date>,
    flow: bool,
    err: &mut dyn Write,
) -> Option<Checked> {
    let rules_text = read(rules, err)?;
    let council_text = match council {
        Some(path) => Some(read(path, err)?),
        None => None,
    };
    let checked = check::check_with(
        Source {
            name: rules,
            text: &rules_text,
        },
        council
            .zip(council_text.as_deref())
            .map(|(name, text)| Source { name, text }),
        today,
        flow,
    );
    Some(checked)
}

fn check_command(
    rules: &str,
    council: Option<&str>,
    today: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Ok(today) = parse_today(today, err) else {
        return INVALID;
    };
    let Some(checked) = load(rules, council, Some(today), true, err) else {
        return INVALID;
    };
    for d in &checked.diagnostics {
        let _ = if checked.is_ok() {
            writeln!(out, "{d}")
        } else {
            writeln!(err, "{d}")
        };
    }
    let summary = checked.summary(rules, council);
    if checked.is_usable() {
        let _ = writeln!(out, "{summary}");
        OK
    } else {
        let _ = writeln!(err, "{summary}");
        INVALID
    }
}

/// Load for the commands that need a valid ruleset: print errors and return None if invalid.
fn load_valid(
    rules: &str,
    council: Option<&str>,
    err: &mut dyn Write,
) -> Option<(crate::model::Ruleset, Option<String>)> {
    let checked = load(rules, council, None, false, err)?;
    if !checked.is_ok() {
        for d in checked.errors() {
            let _ = writeln!(err, "{d}");
        }
        let _ = writeln!(
            err,
            "route-finder: the ruleset has errors; run `route-finder check` for all of them"
        );
        return None;
    }
    let council = checked.council.clone();
    checked.ruleset.map(|r| (r, council))
}

fn evaluate_command(
    rules: &str,
    council: Option<&str>,
    answers: &str,
    today: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Ok(today) = parse_today(today, err) else {
        return INVALID;
    };
    let Some((ruleset, council_name)) = load_valid(rules, council, err) else {
        return INVALID;
    };
    let Some(text) = read(answers, err) else {
        return INVALID;
    };
    let answers_read = match Answers::from_text(&text, &ruleset) {
        Ok(a) => a,
        Err(errors) => {
            for e in errors {
                let _ = writeln!(err, "{answers}: error: {e}");
            }
            return INVALID;
        }
    };
    match engine::evaluate(&ruleset, &answers_read, today) {
        Ok(evaluation) => {
            let report = engine::report(&ruleset, council_name.as_deref(), &evaluation);
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
            OK
        }
        Err(EvalError::Incomplete(q)) => {
            let _ = writeln!(out, "{}", serde_json::json!({ "incomplete": q }));
            INCOMPLETE
        }
        Err(e) => {
            let _ = writeln!(err, "route-finder: {e}");
            INVALID
        }
    }
}

fn paths_command(
    rules: &str,
    council: Option<&str>,
    list: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some((ruleset, _)) = load_valid(rules, council, err) else {
        return INVALID;
    };
    let options = paths::PathOptions::standard();
    let started = Instant::now();
    let mut lines = Vec::new();
    let summary = paths::enumerate(&ruleset, &options, |answers, evaluation| {
        if list {
            lines.push(format!(
                "{} -> {}",
                answers.canonical(),
                paths::outcome_line(evaluation)
            ));
        }
    });
    let elapsed = started.elapsed();
    for line in &lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "paths: {}\noutcomes: {}\nchecksum: {:016x}\nsample dates for every date question: {} and {} (and \"unknown\"); today: {}\ntime: {:.3} s",
        summary.paths,
        summary.outcomes,
        summary.checksum,
        dates::format_iso(options.sample_date),
        dates::format_iso(options.earlier_date),
        dates::format_iso(options.today),
        elapsed.as_secs_f64()
    );
    if summary.problems.is_empty() && !summary.truncated {
        OK
    } else {
        let _ = writeln!(
            err,
            "route-finder: {} problem(s) on the paths; run `route-finder check`",
            summary.problems.len()
        );
        INVALID
    }
}

fn graph_command(
    rules: &str,
    council: Option<&str>,
    format: GraphFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some((ruleset, _)) = load_valid(rules, council, err) else {
        return INVALID;
    };
    let text = match format {
        GraphFormat::Mermaid => graph::mermaid(&ruleset),
        GraphFormat::Dot => graph::dot(&ruleset),
    };
    let _ = write!(out, "{text}");
    OK
}

/// The reference for overlay authors, as Markdown (docs/reference.md).
fn reference_command(rules: &str, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some((ruleset, _)) = load_valid(rules, None, err) else {
        return INVALID;
    };
    let _ = write!(out, "{}", crate::reference::markdown(&ruleset));
    OK
}

fn schema_command(which: SchemaKind, out: &mut dyn Write) -> i32 {
    let _ = writeln!(
        out,
        "{}",
        crate::schema::schema_json(which == SchemaKind::Rules)
    );
    OK
}

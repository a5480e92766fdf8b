//! Every problem in a ruleset or an overlay, each with its file, line, column and JSON path,
//! in words a council SEND officer understands.
//!
//! The checks run in layers, each only when the one before found the file readable:
//! 1. JSON syntax and keys written twice ([`crate::read::json`]);
//! 2. fields: unknown, missing, of the wrong type, dates in the wrong form ([`crate::read::decode`]);
//! 3. sense: empty texts, links, duplicate ids, references to questions, answers, routes,
//!    groups and contacts that do not exist, conditions that test a value the question does
//!    not offer ([`rules`], [`overlay`]);
//! 4. the flow: cycles, questions nobody can reach, paths that end without results ([`flow`]).

pub mod flow;
mod interface;
pub(crate) mod overlay;
pub(crate) mod rules;
mod spelling;
pub(crate) mod texts;
mod widget;

pub use widget::{usable, MAX_FILE_BYTES};

use crate::dates::{self, Date};
use crate::engine::date_words::long_date;
use crate::model::InterfaceTexts;
use crate::model::Ruleset;
use crate::read::json::{self, Document};
use crate::read::{decode, Lines, Problem};
pub use crate::read::{JsonPath, Pos};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be used until it is fixed.
    Error,
    /// Worth a look; the file can still be used.
    Warning,
}

/// One problem, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file's name as given.
    pub file: String,
    /// Line and column, from 1.
    pub pos: Pos,
    /// Where in the JSON.
    pub path: JsonPath,
    /// What is wrong and, where it helps, how to fix it.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {level}: at {}: {}",
            self.file, self.pos.line, self.pos.column, self.path, self.message
        )
    }
}

/// A file to check: its name (for messages) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// The outcome of a check.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The ruleset with the overlay applied, when there are no errors.
    pub ruleset: Option<Ruleset>,
    /// The council's name, when an overlay was read.
    pub council: Option<String>,
    /// Every problem, errors first, then in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// Whether there are no errors.
    pub fn is_ok(&self) -> bool {
        self.errors().next().is_none()
    }

    /// Whether the files can be used: a merged ruleset and no errors.
    pub fn is_usable(&self) -> bool {
        self.ruleset.is_some() && self.is_ok()
    }

    /// The last line `route-finder check` prints: what was read when the files are usable,
    /// naming the ruleset and overlay files, else how many errors and warnings there are.
    pub fn summary(&self, rules: &str, overlay: Option<&str>) -> String {
        let errors = self.errors().count();
        let warnings = self.warnings().count();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let what = match overlay {
            Some(o) => format!("{rules} with {o}"),
            None => rules.to_string(),
        };
        match (&self.ruleset, errors) {
            (Some(r), 0) => format!(
                "ok: {what}: version {}, {} questions, {} routes, {} contacts, {warnings} warning{}",
                r.version,
                r.questions.len(),
                r.routes.len(),
                r.contacts.len(),
                plural(warnings)
            ),
            _ => format!("{errors} error{} and {warnings} warning{}", plural(errors), plural(warnings)),
        }
    }
}

/// Where the parts of a file are: a [`Located`] file for `route-finder check`, or nothing in
/// the widget, which needs to know only whether a file can be used.
pub trait Places {
    /// The place of the value at this path, or of its nearest part that exists.
    fn value_place(&self, path: &JsonPath) -> Pos;
    /// The place of the key at this path.
    fn key_place(&self, path: &JsonPath) -> Option<Pos>;
}

/// A file read into a document, with its lines, to find where each part is.
pub struct Located<'a> {
    doc: Document,
    lines: Lines<'a>,
}

impl Places for Located<'_> {
    fn value_place(&self, path: &JsonPath) -> Pos {
        self.lines.pos(self.doc.nearest(path) as usize)
    }
    fn key_place(&self, path: &JsonPath) -> Option<Pos> {
        self.doc.key_at(path).map(|at| self.lines.pos(at as usize))
    }
}

/// No places: every problem is at line 0, column 0.
pub struct NoPlaces;

impl Places for NoPlaces {
    fn value_place(&self, _: &JsonPath) -> Pos {
        Pos { line: 0, column: 0 }
    }
    fn key_place(&self, _: &JsonPath) -> Option<Pos> {
        None
    }
}

/// Collects the problems of one file, finding each one's line and column.
pub struct Reporter<'a> {
    file: &'a str,
    map: &'a dyn Places,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    pub fn new(file: &'a str, map: &'a dyn Places, out: &'a mut Vec<Diagnostic>) -> Reporter<'a> {
        Reporter { file, map, out }
    }

    /// An error at the value of this path (or its nearest part that exists).
    pub fn error(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(Severity::Error, path, message.into(), false);
    }

    /// A warning at the value of this path.
    pub fn warning(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(Severity::Warning, path, message.into(), false);
    }

    /// The line and column of a path's value, for messages that point at a second place.
    pub fn place(&self, path: &JsonPath) -> Pos {
        self.map.value_place(path)
    }

    /// An error at the key of this path (for a field that should not be there).
    pub fn error_at_key(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(Severity::Error, path, message.into(), true);
    }

    fn push(&mut self, severity: Severity, path: &JsonPath, message: String, at_key: bool) {
        let pos = if at_key {
            self.map.key_place(path)
        } else {
            None
        };
        let pos = pos.unwrap_or_else(|| self.map.value_place(path));
        self.out.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            pos,
            path: path.clone(),
            message,
        });
    }
}

/// Check a ruleset, and an overlay over it if given, with every layer. `today` decides when
/// a "last reviewed" date is old; without it that check is skipped.
pub fn check(rules: Source, overlay: Option<Source>, today: Option<Date>) -> Checked {
    check_with(rules, overlay, today, true)
}

/// [`check`], with the walk of every path (`flow`: layer 4, the slow one) optional. Loading a
/// ruleset to use it needs layers 1 to 3 only: a ruleset with a flow fault still cannot crash
/// the engine, which reports dead ends and loops as errors.
pub fn check_with(
    rules: Source,
    overlay: Option<Source>,
    today: Option<Date>,
    flow: bool,
) -> Checked {
    let mut diagnostics = Vec::new();
    let national = read_file(rules, decode::ruleset, &mut diagnostics);
    let national = national.map(|(ruleset, map)| {
        let mut report = Reporter::new(rules.name, &map, &mut diagnostics);
        texts::check_texts(&map.doc.value, &mut report);
        rules::check_ruleset(&ruleset, &mut report);
        interface::check_interface_texts(&ruleset.interface_texts, false, &mut report);
        if let Some(today) = today {
            check_review_date(ruleset.last_reviewed.0, today, &mut report);
        }
        if flow && !has_errors(&diagnostics) {
            let mut report = Reporter::new(rules.name, &map, &mut diagnostics);
            flow::check_flow(&ruleset, &mut report);
        }
        ruleset
    });
    let mut council = None;
    let mut merged = national.clone();
    if let Some(source) = overlay {
        merged = None;
        if let Some((overlay, map)) = read_file(source, decode::overlay, &mut diagnostics) {
            council = Some(overlay.council.name.clone());
            if let Some(national) = &national {
                let mut report = Reporter::new(source.name, &map, &mut diagnostics);
                texts::check_texts(&map.doc.value, &mut report);
                interface::check_interface_texts(&overlay.interface_texts, true, &mut report);
                let result = overlay::check_overlay(overlay.clone(), national.clone(), &mut report);
                if let Some(today) = today {
                    check_review_date(overlay.last_reviewed.0, today, &mut report);
                }
                if flow && !has_errors(&diagnostics) {
                    let mut report = Reporter::new(source.name, &map, &mut diagnostics);
                    flow::check_local_routes_shown(&result, &overlay, &mut report);
                }
                merged = Some(result);
            }
        }
    }
    diagnostics.sort_by(|a, b| {
        (a.severity, a.file != rules.name, a.pos).cmp(&(b.severity, b.file != rules.name, b.pos))
    });
    let ruleset = merged.filter(|_| !has_errors(&diagnostics));
    Checked {
        ruleset,
        council,
        diagnostics,
    }
}

fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Layers 1 and 2 for one file: the typed value with the document it was read from, or
/// nothing when the file cannot be read.
fn read_file<'a, T>(
    source: Source<'a>,
    decode: fn(&Document) -> Result<T, Vec<Problem>>,
    out: &mut Vec<Diagnostic>,
) -> Option<(T, Located<'a>)> {
    let lines = Lines::new(source.text);
    let doc = match json::parse(source.text) {
        Ok(doc) => doc,
        Err(e) => {
            out.push(Diagnostic {
                severity: Severity::Error,
                file: source.name.to_string(),
                pos: lines.pos(e.at),
                path: JsonPath::root(),
                message: format!("the JSON is broken here: {}", e.message(&lines)),
            });
            return None;
        }
    };
    let map = Located { doc, lines };
    let mut report = Reporter::new(source.name, &map, out);
    if source.text.len() > MAX_FILE_BYTES {
        report.error(
            &JsonPath::root(),
            format!(
                "the file is {} bytes; the widget refuses files over {MAX_FILE_BYTES} bytes (1 MB)",
                source.text.len()
            ),
        );
    }
    let duplicates = json::duplicate_keys(&map.doc.value);
    for dup in &duplicates {
        let first = map.lines.pos(dup.first as usize);
        report.error_at_key(
            &dup.path,
            format!(
                "this key is written twice in the same object (first at line {}, column {}); only one can count",
                first.line, first.column
            ),
        );
    }
    let read = decode(&map.doc);
    let typed = match read {
        Ok(typed) => typed,
        Err(problems) => {
            for p in problems {
                if p.at_key {
                    report.error_at_key(&p.path, p.message);
                } else {
                    report.error(&p.path, p.message);
                }
            }
            return None;
        }
    };
    duplicates.is_empty().then_some((typed, map))
}

/// A warning when the "last reviewed" date is more than a year old (or in the future).
fn check_review_date(reviewed: Date, today: Date, report: &mut Reporter) {
    let path = JsonPath::root().key("last_reviewed");
    if dates::add_months(reviewed, 12) < today {
        report.warning(
            &path,
            format!(
                "last reviewed on {}, more than a year ago: check every text against the law and the local contacts, then update this date",
                long_date(&InterfaceTexts::default(), reviewed)
            ),
        );
    } else if reviewed > today {
        report.warning(
            &path,
            format!(
                "last reviewed on {}, which is after today",
                long_date(&InterfaceTexts::default(), reviewed)
            ),
        );
    }
}

//! The corpus of broken files in `tests/broken/`: each is a small edit of `rules.json`
//! (`rules-*.json`) or of `tests/broken/base-overlay.json` (`overlay-*.json`, checked over the
//! real `rules.json`), with one thing broken. `tests/broken/manifest.json` says, for each file,
//! where the checker must report the problem and what its message must contain:
//!
//! ```json
//! {"file": "rules-flow-cycle.json", "kind": "rules", "what": "one line: what is broken",
//!  "expect": [{"line": 408, "column": 12, "contains": "goes round in a circle",
//!              "path": "questions[8].next[0].to"}]}
//! ```
//!
//! - `kind`: "rules" (the file is the ruleset) or "overlay" (the file is a council overlay
//!   over the real rules.json);
//! - `expect`: each item must be matched by one diagnostic in that file with exactly that
//!   line and column (from 1, counting characters), a message containing `contains`, the
//!   printed JSON path equal to `path` when given, and the entry's severity;
//! - `"severity": "warning"` with `"exit": 0`: the file is usable (no error, so the command
//!   line exits 0) and the expected warnings are there; otherwise the entry expects errors
//!   (the command line exits 2);
//! - `note` (optional): why the entry disagreed with the checker when the corpus was written;
//! - `widget` (optional, error entries only): why the widget starts with this file although
//!   `check` refuses it. "walk": only a walk of every path finds the problem, which takes too
//!   long on a phone, so the widget meets it where a family would; "leaves-out": the widget
//!   leaves the bad interface text out by itself. `tests/web/safety.mjs` reads the same field.
//!
//! Every check runs with today = 2026-11-23. Uses only std, serde_json and the crate.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use send_route_finder::check::{check, Checked, Diagnostic, Severity, Source};
use send_route_finder::dates::{parse_iso_date, Date};
use serde_json::Value;

const TODAY: &str = "2026-11-23";
const MANIFEST: &str = "manifest.json";
const BASE_OVERLAY: &str = "base-overlay.json";
const MIN_ENTRIES: usize = 36;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn broken_dir() -> PathBuf {
    root().join("tests").join("broken")
}

fn today() -> Date {
    parse_iso_date(TODAY).expect("TODAY is a date")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// One entry of the manifest.
struct Entry {
    file: String,
    kind: String,
    what: String,
    severity: Severity,
    exit: i64,
    expect: Vec<Expect>,
    widget: Option<Widget>,
}

/// Why the widget starts with a file `check` refuses (the manifest's `widget`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Widget {
    /// Only a walk of every path finds the problem.
    Walk,
    /// The widget leaves the bad interface text out by itself.
    LeavesOut,
}

struct Expect {
    line: u32,
    column: u32,
    contains: String,
    path: Option<String>,
}

impl std::fmt::Display for Expect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)?;
        if let Some(p) = &self.path {
            write!(f, " at {p}")?;
        }
        write!(f, ": ...{:?}...", self.contains)
    }
}

fn text_field(v: &Value, key: &str, at: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("manifest: {at}: \"{key}\" must be a text"))
        .to_string()
}

fn number_field(v: &Value, key: &str, at: &str) -> u32 {
    v.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n >= 1)
        .unwrap_or_else(|| panic!("manifest: {at}: \"{key}\" must be a whole number from 1"))
}

/// Read the manifest: a list of entries (or an object with the list under "cases").
fn manifest() -> Vec<Entry> {
    let path = broken_dir().join(MANIFEST);
    let doc: Value = serde_json::from_str(&read(&path))
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
    let list = match &doc {
        Value::Array(items) => items.clone(),
        Value::Object(map) => map
            .get("cases")
            .and_then(Value::as_array)
            .cloned()
            .expect("manifest: an object must hold the list under \"cases\""),
        _ => panic!("manifest: must be a list of entries"),
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let at = format!("entry {i}");
            let file = text_field(v, "file", &at);
            let at = format!("entry {i} ({file})");
            let kind = text_field(v, "kind", &at);
            assert!(
                kind == "rules" || kind == "overlay",
                "manifest: {at}: \"kind\" must be \"rules\" or \"overlay\", not {kind:?}"
            );
            let what = text_field(v, "what", &at);
            assert!(!what.trim().is_empty(), "manifest: {at}: \"what\" is empty");
            let severity = match v.get("severity").and_then(Value::as_str) {
                None | Some("error") => Severity::Error,
                Some("warning") => Severity::Warning,
                Some(other) => panic!("manifest: {at}: unknown severity {other:?}"),
            };
            let exit = v
                .get("exit")
                .map(|e| e.as_i64().unwrap_or_else(|| panic!("manifest: {at}: \"exit\" must be a number")))
                .unwrap_or(if severity == Severity::Warning { 0 } else { 2 });
            assert!(
                (severity == Severity::Warning && exit == 0) || (severity == Severity::Error && exit == 2),
                "manifest: {at}: a warning case exits 0 and an error case exits 2 (severity {severity:?}, exit {exit})"
            );
            let expect: Vec<Expect> = v
                .get("expect")
                .and_then(Value::as_array)
                .unwrap_or_else(|| panic!("manifest: {at}: \"expect\" must be a list"))
                .iter()
                .enumerate()
                .map(|(j, x)| {
                    let at = format!("{at} expect[{j}]");
                    let contains = text_field(x, "contains", &at);
                    assert!(!contains.is_empty(), "manifest: {at}: \"contains\" is empty");
                    Expect {
                        line: number_field(x, "line", &at),
                        column: number_field(x, "column", &at),
                        contains,
                        path: x.get("path").map(|p| {
                            p.as_str()
                                .unwrap_or_else(|| panic!("manifest: {at}: \"path\" must be a text"))
                                .to_string()
                        }),
                    }
                })
                .collect();
            assert!(!expect.is_empty(), "manifest: {at}: \"expect\" is empty");
            let widget = v.get("widget").map(|w| match w.as_str() {
                Some("walk") => Widget::Walk,
                Some("leaves-out") => Widget::LeavesOut,
                _ => panic!("manifest: {at}: \"widget\" must be \"walk\" or \"leaves-out\", not {w}"),
            });
            assert!(
                widget.is_none() || severity == Severity::Error,
                "manifest: {at}: \"widget\" is for error entries only"
            );
            Entry {
                file,
                kind,
                what,
                severity,
                exit,
                expect,
                widget,
            }
        })
        .collect()
}

/// The name a file is checked under (and that its diagnostics carry).
fn name_of(file: &str) -> String {
    format!("tests/broken/{file}")
}

/// Check one entry's file the way `route-finder check` does, with --today 2026-11-23.
fn run(entry: &Entry) -> Checked {
    let text = read(&broken_dir().join(&entry.file));
    let name = name_of(&entry.file);
    match entry.kind.as_str() {
        "rules" => check(
            Source {
                name: &name,
                text: &text,
            },
            None,
            Some(today()),
        ),
        _ => {
            let rules = read(&root().join("rules.json"));
            check(
                Source {
                    name: "rules.json",
                    text: &rules,
                },
                Some(Source {
                    name: &name,
                    text: &text,
                }),
                Some(today()),
            )
        }
    }
}

fn matches(d: &Diagnostic, file: &str, severity: Severity, x: &Expect) -> bool {
    d.file == file
        && d.severity == severity
        && d.pos.line == x.line
        && d.pos.column == x.column
        && d.message.contains(&x.contains)
        && x.path.as_ref().is_none_or(|p| d.path.to_string() == *p)
}

fn list(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return "      (none)".to_string();
    }
    diagnostics
        .iter()
        .map(|d| format!("      {d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What is wrong with one entry's result, if anything.
fn failures(entry: &Entry, checked: &Checked) -> Vec<String> {
    let file = name_of(&entry.file);
    let mut out = Vec::new();
    let errors = checked.errors().count();
    match entry.severity {
        Severity::Error if errors == 0 => out.push(format!(
            "expected at least one error (exit {}), found none",
            entry.exit
        )),
        Severity::Warning if errors > 0 => out.push(format!(
            "expected no error (exit {}), found {errors}",
            entry.exit
        )),
        _ => {}
    }
    for x in &entry.expect {
        if !checked
            .diagnostics
            .iter()
            .any(|d| matches(d, &file, entry.severity, x))
        {
            let level = match entry.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push(format!("expected {level} at {x}: not found"));
        }
    }
    out
}

#[test]
fn every_broken_file_is_reported_where_the_manifest_says() {
    let entries = manifest();
    // Every overlay case walks every path of the national rules: share the work out
    // between the cores, keeping the manifest's order in the report.
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, Option<String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(entry) = entries.get(i) else {
                            break;
                        };
                        let checked = run(entry);
                        let problems = failures(entry, &checked);
                        let failed = (!problems.is_empty()).then(|| {
                            format!(
                                "{} ({}): {}\n  {}\n    found:\n{}",
                                name_of(&entry.file),
                                entry.kind,
                                entry.what,
                                problems.join("\n  "),
                                list(&checked.diagnostics)
                            )
                        });
                        done.push((i, failed));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a corpus worker panicked"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    assert_eq!(results.len(), entries.len(), "every entry is checked");
    let report: Vec<String> = results.into_iter().filter_map(|(_, r)| r).collect();
    assert!(
        report.is_empty(),
        "{} of {} corpus files are not reported as expected:\n\n{}\n",
        report.len(),
        entries.len(),
        report.join("\n\n")
    );
}

#[test]
fn the_manifest_lists_every_broken_file() {
    let entries = manifest();
    assert!(
        entries.len() >= MIN_ENTRIES,
        "the manifest has {} entries; at least {MIN_ENTRIES} are needed",
        entries.len()
    );
    let mut listed = BTreeSet::new();
    for e in &entries {
        assert!(
            listed.insert(e.file.clone()),
            "manifest: {} is listed twice",
            e.file
        );
        let prefix = format!("{}-", e.kind);
        assert!(
            e.file.starts_with(&prefix) && e.file.ends_with(".json"),
            "manifest: {} has kind {:?}, so its name must be {prefix}*.json",
            e.file,
            e.kind
        );
        assert!(
            broken_dir().join(&e.file).is_file(),
            "manifest: {} is listed but is not in tests/broken/",
            e.file
        );
    }
    let on_disk: BTreeSet<String> = std::fs::read_dir(broken_dir())
        .expect("read tests/broken")
        .map(|entry| entry.expect("read tests/broken").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name != MANIFEST && name != BASE_OVERLAY)
        .collect();
    let missing: Vec<&String> = on_disk.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "these files in tests/broken/ are not in the manifest: {missing:?}"
    );
    assert!(
        entries.iter().any(|e| e.kind == "rules") && entries.iter().any(|e| e.kind == "overlay"),
        "the corpus needs both broken rulesets and broken overlays"
    );
    assert!(
        entries.iter().any(|e| e.severity == Severity::Warning),
        "the corpus needs at least one warning case that still exits 0"
    );
}

#[test]
fn the_national_rules_have_no_errors() {
    let text = read(&root().join("rules.json"));
    let checked = check(
        Source {
            name: "rules.json",
            text: &text,
        },
        None,
        Some(today()),
    );
    let errors: Vec<Diagnostic> = checked.errors().cloned().collect();
    assert!(
        errors.is_empty(),
        "rules.json has errors:\n{}",
        list(&errors)
    );
    assert!(checked.ruleset.is_some(), "rules.json gave no ruleset");
}

#[test]
fn the_base_overlay_has_no_errors_or_warnings() {
    let rules = read(&root().join("rules.json"));
    let overlay = read(&broken_dir().join(BASE_OVERLAY));
    let name = name_of(BASE_OVERLAY);
    let checked = check(
        Source {
            name: "rules.json",
            text: &rules,
        },
        Some(Source {
            name: &name,
            text: &overlay,
        }),
        Some(today()),
    );
    let own: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.file == name || d.severity == Severity::Error)
        .cloned()
        .collect();
    assert!(
        own.is_empty(),
        "the base overlay, which every overlay-*.json case is an edit of, must be clean:\n{}",
        list(&own)
    );
}

/// The widget refuses every broken file that `check` refuses (with an error, not only
/// warnings), except those the manifest marks with `widget`: the problems only a walk of every
/// path finds, which takes too long on a phone (the widget meets those where a family would: a
/// dead end keeps them on the question with a message; answers that show no route get a
/// results page that says so; a question no answers reach is never seen at all), and the
/// interface texts it leaves out by itself (src/check/interface.rs: a key it does not know is
/// never looked up, an overlay's national text is dropped). A marked file the widget refuses
/// fails the test too, so the marks stay true.
#[test]
fn the_widget_refuses_every_file_check_refuses() {
    let base_rules = read(&root().join("rules.json"));
    let mut accepted = Vec::new();
    let mut tried = 0;
    for entry in manifest() {
        let checked = run(&entry);
        if !checked
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
        {
            continue;
        }
        tried += 1;
        let text = read(&broken_dir().join(&entry.file));
        let result = match entry.kind.as_str() {
            "rules" => send_route_finder::check::usable(&text, None),
            _ => send_route_finder::check::usable(&base_rules, Some(&text)),
        };
        match (result.is_ok(), entry.widget) {
            (true, None) => accepted.push(format!("{} ({})", entry.file, entry.what)),
            (false, Some(why)) => accepted.push(format!(
                "{} is refused now: take \"widget\" ({why:?}) off its entry",
                entry.file
            )),
            _ => {}
        }
    }
    assert!(tried >= 80, "only {tried} files with errors");
    assert!(
        accepted.is_empty(),
        "the widget accepts {} broken files:\n{}",
        accepted.len(),
        accepted.join("\n")
    );
}

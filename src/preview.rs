//! The demo page's preview checker: `route-finder check`, every layer, compiled to wasm in its
//! own bundle (`dist/preview/`), so a council team sees the same messages, with line and
//! column, before it tries its files in the widget. Built with the `preview` feature only;
//! the widget's bundle never carries it.

use crate::check::{self, Diagnostic, Severity, Source};
use crate::dates;
use wasm_bindgen::prelude::wasm_bindgen;

/// Check a ruleset and, if given, an overlay over it, as `route-finder check` does.
///
/// `today` (YYYY-MM-DD) decides when a "last reviewed" date is old. The answer is JSON:
/// `{"ok": bool, "problems": [{"severity", "file", "line", "column", "path", "message",
/// "text"}], "summary": "..."}`, where `text` is the line the command prints and `summary`
/// its last line.
#[wasm_bindgen]
pub fn check_files(
    rules_name: &str,
    rules_text: &str,
    overlay_name: Option<String>,
    overlay_text: Option<String>,
    today: &str,
) -> String {
    let today = dates::parse_iso_date(today).ok();
    let overlay = overlay_name
        .as_deref()
        .zip(overlay_text.as_deref())
        .map(|(name, text)| Source { name, text });
    let checked = check::check(
        Source {
            name: rules_name,
            text: rules_text,
        },
        overlay,
        today,
    );
    let problems: Vec<serde_json::Value> = checked.diagnostics.iter().map(problem).collect();
    serde_json::json!({
        "ok": checked.is_usable(),
        "problems": problems,
        "summary": checked.summary(rules_name, overlay.map(|o| o.name)),
    })
    .to_string()
}

fn problem(d: &Diagnostic) -> serde_json::Value {
    serde_json::json!({
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "file": d.file,
        "line": d.pos.line,
        "column": d.pos.column,
        "path": d.path.to_string(),
        "message": d.message,
        "text": d.to_string(),
    })
}

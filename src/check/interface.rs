//! Checks on the interface texts a ruleset or an overlay overrides (`interface_texts`): every
//! key must be one the widget knows, an overlay cannot change a national text (one that
//! carries the law); and, a warning, a text should use the placeholders its English default
//! has, and no others.
//!
//! For `route-finder check` and the preview only. The widget does not run these checks (they
//! cost it 0.3 KB, gzipped): it uses no text by a key it does not know, and it leaves out
//! an overlay's national texts ([`crate::model::add_texts`]), so a family meets neither
//! problem.

use super::spelling::did_you_mean;
use super::Reporter;
use crate::join::join;
use crate::model::interface::{self, entry, placeholders};
use crate::model::InterfaceTexts;
use crate::read::JsonPath;

/// Check the interface texts of a file; `overlay` when the file is a council's overlay.
pub(crate) fn check_interface_texts(texts: &InterfaceTexts, overlay: bool, report: &mut Reporter) {
    let root = JsonPath::root().key("interface_texts");
    for (key, text) in texts.iter() {
        let at = root.key(key);
        let Some(e) = entry(key) else {
            report.error_at_key(
                &at,
                format!(
                    "\"{key}\" is not an interface text; `route-finder reference` lists them all{}",
                    did_you_mean(key, interface::texts().map(|e| e.key))
                ),
            );
            continue;
        };
        if overlay && e.national {
            report.error_at_key(
                &at,
                format!(
                    "\"{key}\" is a national text: it says how the law works (\"{}\"), so only the national ruleset can change it, not a council's overlay. Remove it",
                    e.default
                ),
            );
            continue;
        }
        check_placeholders(e.default, text, &at, report);
    }
}

/// A text should use the placeholders of its English default, and no others (one the widget
/// cannot fill in is shown as written).
fn check_placeholders(default: &str, text: &str, at: &JsonPath, report: &mut Reporter) {
    let allowed = placeholders(default);
    let used = placeholders(text);
    for name in &used {
        if !allowed.contains(name) {
            let can = if allowed.is_empty() {
                "this text has no placeholders".to_string()
            } else {
                let names: Vec<String> = allowed.iter().map(|n| format!("{{{n}}}")).collect();
                format!("this text can use {}", join(&names, ", "))
            };
            report.warning(
                at,
                format!(
                    "the widget cannot fill in {{{name}}}, so people will see it as written: {can}"
                ),
            );
        }
    }
    for name in &allowed {
        if !used.contains(name) {
            report.warning(
                at,
                format!("this text leaves out {{{name}}}, so people will not see it (the English is \"{default}\")"),
            );
        }
    }
}

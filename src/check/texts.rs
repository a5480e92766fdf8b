//! Checks on every text of a file, read from the raw JSON so each has its exact place:
//! empty texts, and links, emails and phone numbers a browser could not use safely (the
//! widget decides the same way, with the same functions: `model::links`).

use super::Reporter;
use crate::model::links::{is_email, is_https_link, is_phone};
use crate::read::path::At;
use crate::read::{Json, JsonPath};

/// Check every string in the document.
pub(crate) fn check_texts(value: &Json, report: &mut Reporter) {
    each_text(value, &At::Root, None, &mut |s, at, key| {
        check_string(s, &at.path(), key, report)
    });
}

/// Every string of a document with its place and the key it is under (in a list, the list's
/// key); for a key written twice, only the value that counts (the last). One walk for the
/// command line's checks and the widget's (`widget::usable`), so both see the same texts.
pub(crate) fn each_text<'a, F: FnMut(&'a str, &At, Option<&'a str>)>(
    value: &'a Json,
    at: &At,
    key: Option<&'a str>,
    f: &mut F,
) {
    match value {
        Json::Object(members) => {
            for (i, m) in members.iter().enumerate() {
                if !members[i + 1..].iter().any(|later| later.key == m.key) {
                    each_text(&m.value, &At::Key(at, &m.key), Some(&m.key), f);
                }
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                each_text(&item.value, &At::Index(at, i), key, f);
            }
        }
        Json::String(s) => f(s, at, key),
        _ => {}
    }
}

/// A text with no words: empty or only spaces. Both checkers refuse it, with this message.
pub(crate) fn is_empty_text(s: &str) -> bool {
    s.trim().is_empty()
}

pub(crate) const EMPTY_TEXT: &str =
    "this text is empty: write the words people should see, or remove the field if it is optional";

fn check_string(s: &str, path: &JsonPath, key: Option<&str>, report: &mut Reporter) {
    if is_empty_text(s) {
        report.error(path, EMPTY_TEXT);
        return;
    }
    if let Some(c) = s.chars().find(|c| is_hidden_control(*c)) {
        report.warning(
            path,
            format!(
                "this text holds an invisible control character (U+{:04X}), which can hide or reorder what people see: remove it",
                c as u32
            ),
        );
    }
    if looks_like_markup(s) {
        report.warning(path, "this text looks like HTML; the widget shows it exactly as typed, tags and all, so write plain words");
    }
    match key {
        Some("web") | Some("page") if !is_https_link(s) => {
            report.warning(
                    path,
                    format!("\"{s}\" is not an https: link, so it will be shown as plain text, not as a link; links must start with https://"),
                );
        }
        Some("email") if !is_email(s) => {
            report.warning(path, format!("\"{s}\" does not look like an email address, so it will be shown as plain text"));
        }
        Some("phone") if !is_phone(s) => {
            report.warning(
                    path,
                    format!("\"{s}\" is not a phone number people can dial (use digits and spaces, for example 01582 548156)"),
                );
        }
        _ => {}
    }
}

/// A control character other than a line break or tab, or a Unicode direction or invisible
/// formatting mark (these can make a text read differently from how it is stored).
fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A tag such as `<p>`, `</b>` or `<script ...>`: letters or a slash right after a `<`.
fn looks_like_markup(s: &str) -> bool {
    s.match_indices('<').any(|(i, _)| {
        s[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_markup() {
        assert!(is_hidden_control('\u{202E}'));
        assert!(is_hidden_control('\u{0}'));
        assert!(!is_hidden_control('\n'));
        assert!(!is_hidden_control('é'));
        assert!(looks_like_markup("a <script>x</script>"));
        assert!(looks_like_markup("</p>"));
        assert!(!looks_like_markup("fewer than 3 < 4 days"));
    }
}

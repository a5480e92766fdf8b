//! Checks on every text of a file, read from the raw JSON so each has its exact place:
//! empty texts, and links, emails and phone numbers a browser could not use safely.

use serde_json::Value;

use super::path::JsonPath;
use super::Reporter;

/// Check every string in the document.
pub fn check_texts(value: &Value, report: &mut Reporter) {
    walk(value, &JsonPath::root(), None, report);
}

fn walk(value: &Value, path: &JsonPath, key: Option<&str>, report: &mut Reporter) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                walk(v, &path.key(k), Some(k), report);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, &path.index(i), key, report);
            }
        }
        Value::String(s) => check_string(s, path, key, report),
        _ => {}
    }
}

fn check_string(s: &str, path: &JsonPath, key: Option<&str>, report: &mut Reporter) {
    if s.trim().is_empty() {
        report.error(path, "this text is empty: write the words people should see, or remove the field if it is optional");
        return;
    }
    match key {
        Some("web") | Some("page") => {
            if !is_https_link(s) {
                report.warning(
                    path,
                    format!("\"{s}\" is not an https: link, so it will be shown as plain text, not as a link; links must start with https://"),
                );
            }
        }
        Some("email") => {
            if !is_email(s) {
                report.warning(path, format!("\"{s}\" does not look like an email address, so it will be shown as plain text"));
            }
        }
        Some("phone") => {
            if !is_phone(s) {
                report.warning(
                    path,
                    format!("\"{s}\" is not a phone number people can dial (use digits and spaces, for example 01582 548156)"),
                );
            }
        }
        _ => {}
    }
}

/// A link the widget shows as a link: https, with a host, and no spaces or quotes.
pub fn is_https_link(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

/// An email address the widget makes a mailto: link of.
pub fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "@.-_+'".contains(c))
}

/// A phone number the widget makes a tel: link of.
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits) && s.chars().all(|c| c.is_ascii_digit() || " +()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        assert!(is_https_link("https://www.lgo.org.uk"));
        assert!(is_https_link("https://example.org/a?b#c"));
        assert!(!is_https_link("http://www.lgo.org.uk"));
        assert!(!is_https_link("javascript:alert(1)"));
        assert!(!is_https_link("https://"));
        assert!(!is_https_link("https://a b"));
        assert!(!is_https_link("data:text/html,x"));
    }

    #[test]
    fn emails_and_phones() {
        assert!(is_email("childrenscomplaints@sefton.gov.uk"));
        assert!(!is_email("not an email"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a@b.com\"onmouseover"));
        assert!(is_phone("0300 061 0614"));
        assert!(is_phone("(01582) 548156"));
        assert!(!is_phone("call us"));
        assert!(!is_phone("0300 061 0614 javascript:x"));
    }
}

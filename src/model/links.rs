//! Whether a contact's web address, email address or phone number is one the widget shows as
//! a link (`https:`, `mailto:`, `tel:`), or only as plain text.
//!
//! One rule for both sides: the view decides with it what becomes a link, and `route-finder
//! check` warns with it about a detail that will not be one, so the check never passes a
//! link the widget would refuse, nor warns about one it shows.

/// A link the widget shows as a link: https, with a host, and no spaces or quotes.
pub(crate) fn is_https_link(s: &str) -> bool {
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
pub(crate) fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '-' | '_' | '+' | '\''))
}

/// A phone number the widget makes a tel: link of.
pub(crate) fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')'))
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

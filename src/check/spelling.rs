//! "Did you mean …?": the id a council officer most likely meant when they name a route,
//! question, contact or group that does not exist. A misspelt id is the commonest mistake in
//! an overlay, and the list of every id is long.

/// `"; did you mean \"x\"?"` for the candidate [`closest`] to `name`; otherwise nothing.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    match closest(name, candidates) {
        Some(c) => format!("; did you mean \"{c}\"?"),
        None => String::new(),
    }
}

/// The candidate closest to `name`, when one is close enough to be a slip (at most 2 letters
/// apart, and less than half the name).
///
/// Not in the widget: it checks the files only to refuse a broken one, and its console line
/// is for the council, which runs `route-finder check` or the demo page's preview (both say
/// "did you mean") to fix it. The search and its messages would cost every family's download.
#[cfg(feature = "web")]
pub(crate) fn closest<'a>(
    _name: &str,
    _candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    None
}

/// See above: `route-finder check`, the preview and the tests.
#[cfg(not(feature = "web"))]
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = 2.min(name.chars().count().saturating_sub(1) / 2).max(1);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let d = distance(name, c);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Letters to add, remove, change or swap (next to each other) to turn `a` into `b`: the
/// optimal string alignment distance, ignoring the case of A to Z (ids are ASCII; full Unicode
/// case tables would cost the widget, which runs these checks too, about 11 KB).
#[cfg(not(feature = "web"))]
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(all(test, not(feature = "web")))]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id_only_when_it_is_a_slip() {
        let ids = ["tribunal_appeal", "la_send_team", "iass", "lgsco"];
        assert_eq!(
            did_you_mean("tribunal_apeal", ids),
            "; did you mean \"tribunal_appeal\"?"
        );
        assert_eq!(
            did_you_mean("la_sendteam", ids),
            "; did you mean \"la_send_team\"?"
        );
        assert_eq!(did_you_mean("iasss", ids), "; did you mean \"iass\"?");
        assert_eq!(did_you_mean("LGSCO", ids), "; did you mean \"lgsco\"?");
        assert_eq!(did_you_mean("ombudsman", ids), "");
        assert_eq!(did_you_mean("ab", ["xy"]), "");
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("", "abc"), 3);
    }
}

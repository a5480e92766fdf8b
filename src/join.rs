//! Joining texts with a separator, for every place that lists words ("yes, no") in the
//! widget and the checker.
//!
//! One small loop instead of the standard library's `[String]::join`, which costs the widget
//! about 1 KB of wasm (measured with twiggy).

/// The texts with `sep` between each two: `join(&["a", "b"], ", ")` is `"a, b"`.
#[inline(never)]
pub(crate) fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn joins() {
        assert_eq!(join(&["a", "b", "c"], ", "), "a, b, c");
        assert_eq!(join(&[String::from("one")], " and "), "one");
        assert_eq!(join::<&str>(&[], ", "), "");
    }
}

//! JSON paths: where a value sits in a JSON document, such as `routes[3].steps[0]`.
//!
//! Paths are built by the reader as it reads (only for a problem) and printed in one form
//! ([`Display`](std::fmt::Display)): `$` for the root, keys that are plain identifiers joined
//! by `.`, other keys as `["key"]` with JSON escapes, indices as `[3]`.

use std::fmt;

/// One step into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    /// A member of an object, by its key (decoded: the real key, not its JSON spelling).
    Key(String),
    /// An item of an array, counted from 0.
    Index(usize),
}

/// Where a value sits in a JSON document, e.g. `routes[3].steps[0]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    /// The whole document.
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// A new path one step deeper, into the member `k` of an object.
    pub fn key(&self, k: &str) -> Self {
        let mut segs = Vec::with_capacity(self.0.len() + 1);
        segs.extend_from_slice(&self.0);
        segs.push(Seg::Key(k.to_owned()));
        JsonPath(segs)
    }

    /// A new path one step deeper, into the item `i` of an array.
    pub fn index(&self, i: usize) -> Self {
        let mut segs = Vec::with_capacity(self.0.len() + 1);
        segs.extend_from_slice(&self.0);
        segs.push(Seg::Index(i));
        JsonPath(segs)
    }

    /// The path one step up; `None` for the root.
    pub fn parent(&self) -> Option<Self> {
        if self.0.is_empty() {
            None
        } else {
            Some(JsonPath(self.0[..self.0.len() - 1].to_vec()))
        }
    }

    /// Whether this is the whole document.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

/// Where a value is, as a chain of steps up to the document, made into a [`JsonPath`] only
/// when there is a problem: walking or reading a good file makes no path.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// The path, made only when it is needed.
    pub(crate) fn path(&self) -> JsonPath {
        let mut segs = Vec::new();
        self.push(&mut segs);
        JsonPath(segs)
    }

    fn push(&self, segs: &mut Vec<Seg>) {
        match self {
            At::Root => {}
            At::Key(up, k) => {
                up.push(segs);
                segs.push(Seg::Key((*k).to_owned()));
            }
            At::Index(up, i) => {
                up.push(segs);
                segs.push(Seg::Index(*i));
            }
        }
    }
}

/// Whether a key can be written after a `.`: `[A-Za-z_][A-Za-z0-9_]*`.
fn is_identifier(k: &str) -> bool {
    let mut b = k.bytes();
    match b.next() {
        Some(c) if c.is_ascii_alphabetic() || c == b'_' => {}
        _ => return false,
    }
    b.all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// Write a key as a JSON string, in double quotes.
fn write_quoted(f: &mut fmt::Formatter<'_>, k: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in k.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 || c == '\u{7f}' => write!(f, "\\u{:04x}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

impl fmt::Display for JsonPath {
    /// `$` for the root; otherwise `routes[3].title`, `contacts["local:x"].phone`,
    /// `["$schema"]`, `[0].id`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("$");
        }
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Index(i) => write!(f, "[{i}]")?,
                Seg::Key(k) if is_identifier(k) => {
                    if n > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Seg::Key(k) => {
                    f.write_str("[")?;
                    write_quoted(f, k)?;
                    f.write_str("]")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Seg {
        Seg::Key(s.to_owned())
    }
    fn i(n: usize) -> Seg {
        Seg::Index(n)
    }
    fn p(segs: Vec<Seg>) -> JsonPath {
        JsonPath(segs)
    }

    #[test]
    fn building_paths() {
        let r = JsonPath::root();
        assert!(r.is_root());
        assert_eq!(r.parent(), None);
        let a = r.key("routes").index(3).key("title");
        assert_eq!(a, p(vec![k("routes"), i(3), k("title")]));
        assert!(!a.is_root());
        assert_eq!(a.parent(), Some(p(vec![k("routes"), i(3)])));
        assert_eq!(
            a.parent().unwrap().parent().unwrap().parent(),
            Some(JsonPath::root())
        );
        // `key` and `index` do not change the path they start from.
        assert_eq!(r, JsonPath::root());
        assert_eq!(JsonPath::default(), JsonPath::root());
    }

    #[test]
    fn display_forms() {
        assert_eq!(JsonPath::root().to_string(), "$");
        assert_eq!(
            p(vec![k("routes"), i(3), k("title")]).to_string(),
            "routes[3].title"
        );
        assert_eq!(p(vec![k("questions"), i(0)]).to_string(), "questions[0]");
        assert_eq!(
            p(vec![k("contacts"), k("local:x"), k("phone")]).to_string(),
            "contacts[\"local:x\"].phone"
        );
        assert_eq!(p(vec![k("$schema")]).to_string(), "[\"$schema\"]");
        assert_eq!(p(vec![i(0), k("id")]).to_string(), "[0].id");
        assert_eq!(p(vec![i(0), i(12)]).to_string(), "[0][12]");
        assert_eq!(p(vec![k("_a1"), k("B_2")]).to_string(), "_a1.B_2");
        assert_eq!(p(vec![k("1a")]).to_string(), "[\"1a\"]");
        assert_eq!(p(vec![k("")]).to_string(), "[\"\"]");
        assert_eq!(p(vec![k("a b")]).to_string(), "[\"a b\"]");
        assert_eq!(p(vec![k("é")]).to_string(), "[\"é\"]");
        assert_eq!(
            p(vec![k("say \"hi\"\\")]).to_string(),
            r#"["say \"hi\"\\"]"#
        );
        assert_eq!(p(vec![k("a\nb\t\u{1}")]).to_string(), r#"["a\nb\t\u0001"]"#);
        assert_eq!(p(vec![k("a"), k("b.c"), i(2)]).to_string(), "a[\"b.c\"][2]");
    }
}

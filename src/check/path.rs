//! JSON paths: where a value sits in a JSON document, such as `routes[3].steps[0]`.
//!
//! Two written forms are read by [`JsonPath::parse_serde`]:
//!
//! - the form printed by the `serde_path_to_error` crate: keys joined by `.`, indices as
//!   `[3]`, `.` for the root, keys written exactly as they are (`$schema`,
//!   `local:way_forward_meeting`);
//! - our own [`Display`](std::fmt::Display) form: `$` for the root, keys that are plain
//!   identifiers joined by `.`, other keys as `["key"]` with JSON escapes, indices as `[3]`.
//!
//! Every path printed by `Display` reads back to the same path. The serde form is
//! ambiguous for keys that contain `.` or a `[3]`-like part (serde prints them as they
//! are); such keys are split as if they were several steps.

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

    /// Parse the path form printed by the `serde_path_to_error` crate's `Path` Display
    /// (e.g. `routes[3].when[0].if.answer`, `questions[0]`, `.` or the empty text for the
    /// root, keys as they are: `$schema`, `contacts.local:x`), and our own Display form
    /// (`$`, `contacts["local:x"].phone`, `["$schema"]`). A leading `$.` or `$[` is also
    /// accepted. Never fails: text that fits neither form is read as keys as well as
    /// possible.
    ///
    /// Ambiguities: `$` alone is the root (not a key named `$`); a key written in the serde
    /// form that contains `.` or a `[digits]` / `["…"]` part is split there.
    pub fn parse_serde(s: &str) -> Self {
        if s.is_empty() || s == "." || s == "$" {
            return JsonPath::root();
        }
        let mut rest = s;
        if let Some(r) = rest.strip_prefix("$.") {
            rest = r;
        } else if rest.starts_with("$[") && bracket(&rest[1..]).is_some() {
            rest = &rest[1..];
        }
        let mut segs = Vec::new();
        // `at_start`: at the start of the text or just after a `.`, where a key must follow
        // (possibly an empty one).
        let mut at_start = true;
        loop {
            if let Some((seg, len)) = bracket(rest) {
                segs.push(seg);
                rest = &rest[len..];
                at_start = false;
            } else if at_start || !(rest.is_empty() || rest.starts_with('.')) {
                let len = raw_key_len(rest);
                segs.push(Seg::Key(rest[..len].to_owned()));
                rest = &rest[len..];
                at_start = false;
            }
            if rest.is_empty() {
                break;
            }
            if let Some(r) = rest.strip_prefix('.') {
                rest = r;
                at_start = true;
            }
        }
        JsonPath(segs)
    }
}

/// The length of a key written as it is: up to the next `.`, the next `[` that starts a
/// bracket step, or the end.
fn raw_key_len(s: &str) -> usize {
    for (i, c) in s.char_indices() {
        if c == '.' || (c == '[' && bracket(&s[i..]).is_some()) {
            return i;
        }
    }
    s.len()
}

/// A bracket step at the start of `s`: `[3]` or `["key"]` (with JSON escapes), and its
/// length in bytes.
fn bracket(s: &str) -> Option<(Seg, usize)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'[') {
        return None;
    }
    if b.get(1) == Some(&b'"') {
        let (key, len) = quoted(&s[1..])?;
        if b.get(1 + len) == Some(&b']') {
            return Some((Seg::Key(key), len + 2));
        }
        return None;
    }
    let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || b.get(1 + digits) != Some(&b']') {
        return None;
    }
    let i: usize = s[1..1 + digits].parse().ok()?;
    Some((Seg::Index(i), digits + 2))
}

/// A JSON string at the start of `s` (which starts with `"`): its decoded text and its
/// length in bytes including both quotes. `None` if it is not closed or has a bad escape.
fn quoted(s: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    chars.next(); // the opening quote
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    '/' => out.push('/'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'u' => {
                        let hi = hex4(&mut chars)?;
                        let code = if (0xD800..0xDC00).contains(&hi) {
                            let (_, b1) = chars.next()?;
                            let (_, b2) = chars.next()?;
                            if b1 != '\\' || b2 != 'u' {
                                return None;
                            }
                            let lo = hex4(&mut chars)?;
                            if !(0xDC00..0xE000).contains(&lo) {
                                return None;
                            }
                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                        } else {
                            hi
                        };
                        out.push(char::from_u32(code)?);
                    }
                    _ => return None,
                }
            }
            c => out.push(c),
        }
    }
    None
}

fn hex4(chars: &mut std::str::CharIndices<'_>) -> Option<u32> {
    let mut v = 0;
    for _ in 0..4 {
        let (_, c) = chars.next()?;
        v = v * 16 + c.to_digit(16)?;
    }
    Some(v)
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

    #[test]
    fn parse_serde_form() {
        assert_eq!(JsonPath::parse_serde(""), JsonPath::root());
        assert_eq!(JsonPath::parse_serde("."), JsonPath::root());
        assert_eq!(JsonPath::parse_serde("$"), JsonPath::root());
        assert_eq!(
            JsonPath::parse_serde("routes[3].when[0].if.answer"),
            p(vec![
                k("routes"),
                i(3),
                k("when"),
                i(0),
                k("if"),
                k("answer")
            ])
        );
        assert_eq!(
            JsonPath::parse_serde("questions[0]"),
            p(vec![k("questions"), i(0)])
        );
        assert_eq!(JsonPath::parse_serde("$schema"), p(vec![k("$schema")]));
        assert_eq!(
            JsonPath::parse_serde("contacts.local:way_forward_meeting.phone"),
            p(vec![
                k("contacts"),
                k("local:way_forward_meeting"),
                k("phone")
            ])
        );
        assert_eq!(
            JsonPath::parse_serde("a[1][2]"),
            p(vec![k("a"), i(1), i(2)])
        );
        assert_eq!(JsonPath::parse_serde("[0].x"), p(vec![i(0), k("x")]));
        assert_eq!(JsonPath::parse_serde("[0]"), p(vec![i(0)]));
        // A map key that is a number is a key, not an index.
        assert_eq!(
            JsonPath::parse_serde("counts.3"),
            p(vec![k("counts"), k("3")])
        );
        // serde_path_to_error's unknown segment.
        assert_eq!(JsonPath::parse_serde("a.?"), p(vec![k("a"), k("?")]));
        // Keys with spaces and other characters, as they are.
        assert_eq!(
            JsonPath::parse_serde("a.b c.d-e"),
            p(vec![k("a"), k("b c"), k("d-e")])
        );
        assert_eq!(JsonPath::parse_serde("a.é"), p(vec![k("a"), k("é")]));
        // Brackets that are not steps stay in the key.
        assert_eq!(JsonPath::parse_serde("a[b].c"), p(vec![k("a[b]"), k("c")]));
        assert_eq!(JsonPath::parse_serde("a[].c"), p(vec![k("a[]"), k("c")]));
        assert_eq!(JsonPath::parse_serde("a[1"), p(vec![k("a[1")]));
        // Empty keys, as serde prints them.
        assert_eq!(
            JsonPath::parse_serde("a..b"),
            p(vec![k("a"), k(""), k("b")])
        );
        assert_eq!(JsonPath::parse_serde(".x"), p(vec![k(""), k("x")]));
        assert_eq!(JsonPath::parse_serde("a."), p(vec![k("a"), k("")]));
        // Text after a bracket step without a dot.
        assert_eq!(
            JsonPath::parse_serde("a[0]b"),
            p(vec![k("a"), i(0), k("b")])
        );
        // An index too large for usize is not an index.
        assert_eq!(
            JsonPath::parse_serde("a[99999999999999999999999]"),
            p(vec![k("a[99999999999999999999999]")])
        );
    }

    #[test]
    fn parse_own_form() {
        assert_eq!(JsonPath::parse_serde("$"), JsonPath::root());
        assert_eq!(
            JsonPath::parse_serde("[\"$schema\"]"),
            p(vec![k("$schema")])
        );
        assert_eq!(
            JsonPath::parse_serde("contacts[\"local:x\"].phone"),
            p(vec![k("contacts"), k("local:x"), k("phone")])
        );
        assert_eq!(
            JsonPath::parse_serde("$.routes[3]"),
            p(vec![k("routes"), i(3)])
        );
        assert_eq!(JsonPath::parse_serde("$[2].a"), p(vec![i(2), k("a")]));
        assert_eq!(JsonPath::parse_serde("$[\"a b\"]"), p(vec![k("a b")]));
        assert_eq!(
            JsonPath::parse_serde(r#"["\u00e9\ud83d\ude00\/"]"#),
            p(vec![k("é😀/")])
        );
        // A dot before a bracketed key is accepted too.
        assert_eq!(JsonPath::parse_serde("a.[\"b\"]"), p(vec![k("a"), k("b")]));
        // A bad escape: not a bracket step, so read as it is.
        assert_eq!(JsonPath::parse_serde(r#"["\x"]"#), p(vec![k(r#"["\x"]"#)]));
        assert_eq!(
            JsonPath::parse_serde(r#"["\ud800"]"#),
            p(vec![k(r#"["\ud800"]"#)])
        );
    }

    #[test]
    fn serde_form_round_trip() {
        // Paths as serde_path_to_error prints them: keys joined by ".", indices as "[n]".
        fn serde_display(path: &JsonPath) -> String {
            if path.0.is_empty() {
                return ".".into();
            }
            let mut s = String::new();
            let mut sep = "";
            for seg in &path.0 {
                match seg {
                    Seg::Index(n) => s.push_str(&format!("[{n}]")),
                    Seg::Key(key) => {
                        s.push_str(sep);
                        s.push_str(key);
                    }
                }
                sep = ".";
            }
            s
        }
        let cases = vec![
            p(vec![]),
            p(vec![k("routes"), i(3), k("title")]),
            p(vec![k("$schema")]),
            p(vec![k("contacts"), k("local:way_forward_meeting")]),
            p(vec![i(0), i(1), k("a")]),
            p(vec![k("a"), k(""), k("b")]),
            p(vec![k("x"), i(0), k("when"), i(10), k("if"), k("answer")]),
            p(vec![k("names"), k("Mrs O'Brien"), k("ünïcödé")]),
        ];
        for c in cases {
            let s = serde_display(&c);
            assert_eq!(JsonPath::parse_serde(&s), c, "serde form {s:?}");
            let d = c.to_string();
            assert_eq!(JsonPath::parse_serde(&d), c, "display form {d:?}");
        }
    }

    #[test]
    fn display_round_trip_many() {
        // A small deterministic generator: every path printed by Display reads back.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet: Vec<char> = "ab_Z09.[]\"\\$ :-é😀\n\t\u{1}/?".chars().collect();
        for _ in 0..3000 {
            let len = (next() % 6) as usize;
            let mut segs = Vec::new();
            for _ in 0..len {
                if next() % 3 == 0 {
                    segs.push(i((next() % 1000) as usize));
                } else {
                    let klen = (next() % 6) as usize;
                    let key: String = (0..klen)
                        .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                        .collect();
                    segs.push(Seg::Key(key));
                }
            }
            let path = p(segs);
            let s = path.to_string();
            assert_eq!(JsonPath::parse_serde(&s), path, "display form {s:?}");
        }
    }

    #[test]
    fn parse_never_panics() {
        for s in [
            "[",
            "]",
            "[\"",
            "[\"]",
            "[\"\\",
            "[\"\\u",
            "[\"\\ud83d\\u",
            "$[",
            "$.",
            "$$",
            "..",
            "...",
            "[]",
            "[-1]",
            "a[0",
            "é[0]é",
            "[\"é\"",
            "\u{0}",
            "[0]]",
            "[[0]]",
        ] {
            let _ = JsonPath::parse_serde(s);
        }
        assert_eq!(JsonPath::parse_serde("[0]]"), p(vec![i(0), k("]")]));
        assert_eq!(JsonPath::parse_serde("$$"), p(vec![k("$$")]));
    }
}

//! A small JSON reader: text in, a tree of [`Json`] values out.
//!
//! The widget reads the ruleset and the overlay with this and [`super::decode`], not with
//! serde_json: a general JSON library carries a float parser, a tree map and many error
//! paths the widget never needs, and each costs a family bytes on a slow phone. The command
//! line keeps serde_json and its detailed messages; a test reads every shipped and broken
//! file both ways and compares.
//!
//! It is strict JSON (RFC 8259), like serde_json:
//!
//! - An object keeps its members in the order written. A key written twice is allowed and
//!   the last one counts, as in serde_json (`route-finder check` reports it).
//! - Numbers are checked but only whole numbers from 0 up are kept: the rulesets have no
//!   other numbers, so the widget carries no float parser.
//! - Nesting stops at [`MAX_DEPTH`] levels of `[` and `{`, as serde_json does, so a hostile
//!   file cannot exhaust the stack.

use std::fmt;

/// The deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 127;

/// One JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number: `Some` for a whole number from 0 to `u64::MAX` written without a fraction
    /// or exponent, `None` for any other valid number.
    Number(Option<u64>),
    String(String),
    Array(Vec<Json>),
    /// Members in the order written.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member with this key (the last, if written twice), when this is an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => *n,
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

/// Why a text is not JSON, and where: line and column from 1, the column in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}

/// Read a whole text as one JSON value. A byte order mark at the start is skipped.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("there is more after the end of the JSON"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> JsonError {
        let before = &self.text[..floor_char_boundary(self.text, self.at)];
        let line = 1 + before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        JsonError {
            line,
            column: 1 + before[line_start..].chars().count(),
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skip one expected byte, or fail with this message.
    fn expect(&mut self, byte: u8, message: &'static str) -> Result<(), JsonError> {
        self.space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(message))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.space();
        match self.peek() {
            None => Err(self.error("the JSON ends too early")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.digits() {
            0 => return Err(self.error("a number needs digits")),
            n if n > 1 && self.bytes[int_start] == b'0' => {
                self.at = int_start + 1;
                return Err(self.error("a number cannot start with 0"));
            }
            _ => {}
        }
        let int_end = self.at;
        let mut whole = !negative;
        let mut fraction = int_end..int_end;
        if self.peek() == Some(b'.') {
            self.at += 1;
            whole = false;
            let fraction_start = self.at;
            if self.digits() == 0 {
                return Err(self.error("a number needs digits after the point"));
            }
            fraction = fraction_start..self.at;
        }
        let mut exponent = None;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            whole = false;
            let exponent_negative = self.peek() == Some(b'-');
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            let exponent_start = self.at;
            if self.digits() == 0 {
                return Err(self.error("a number needs digits in its exponent"));
            }
            exponent = Some((exponent_negative, &self.bytes[exponent_start..self.at]));
        }
        debug_assert!(start < int_end);
        if too_large(
            &self.bytes[int_start..int_end],
            &self.bytes[fraction],
            exponent,
        ) {
            return Err(self.error("the number is too large"));
        }
        let value = if whole {
            self.bytes[int_start..int_end]
                .iter()
                .try_fold(0u64, |n, d| {
                    n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
                })
        } else {
            None
        };
        Ok(Json::Number(value))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character.
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            out.push_str(&self.text[start..self.at]);
            match self.peek() {
                None => return Err(self.error("a text has no closing quote")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c =
                        match self.peek() {
                            Some(b'"') => '"',
                            Some(b'\\') => '\\',
                            Some(b'/') => '/',
                            Some(b'b') => '\u{8}',
                            Some(b'f') => '\u{c}',
                            Some(b'n') => '\n',
                            Some(b'r') => '\r',
                            Some(b't') => '\t',
                            Some(b'u') => {
                                self.at += 1;
                                let c = self.unicode_escape()?;
                                out.push(c);
                                continue;
                            }
                            _ => return Err(self.error(
                                "a backslash in a text must start an escape such as \\n or \\\"",
                            )),
                        };
                    self.at += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self
                        .error("a text cannot hold a line break or control character: write \\n"))
                }
            }
        }
    }

    /// After `\u`: four hex digits, and for a surrogate pair the second `\uXXXX`.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if !self.bytes[self.at..].starts_with(b"\\u") {
                return Err(self.error("a \\u escape is half of a pair without its other half"));
            }
            self.at += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.error("a \\u escape is half of a pair without its other half"));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code)
            .ok_or_else(|| self.error("a \\u escape is half of a pair without its other half"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.error("a \\u escape needs four hex digits")),
            };
            n = n * 16 + u32::from(d);
            self.at += 1;
        }
        Ok(n)
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("the JSON is nested too deeply"));
        }
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected , or ] in a list")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("the JSON is nested too deeply"));
        }
        self.at += 1;
        let mut members = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.expect(b':', "expected : after a key")?;
            members.push((key, self.value(depth)?));
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.error("expected , or } in an object")),
            }
        }
    }
}

/// 10 to the powers 289 to 308, as serde_json has them (the nearest 64-bit floats).
const POWERS_OF_TEN_FROM_289: [f64; 20] = [
    1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301,
    1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

/// Whether serde_json refuses this number ("number out of range"): it reads every number that
/// is not a whole one as a 64-bit float, and refuses one too large for it, such as `1e400`.
/// Refusing exactly the same numbers keeps the widget accepting exactly the files the command
/// line accepts. serde_json's steps, followed exactly: the digits are gathered into a u64 until
/// the next would overflow it (then further whole digits each add one to the exponent, and
/// further digits after the point are dropped); the exponent is an i32, and one that does not
/// fit is refused unless the number is 0 or the exponent negative; the number is then the u64,
/// as a float, times that power of ten, and refused if that is infinite.
fn too_large(whole: &[u8], fraction: &[u8], exponent: Option<(bool, &[u8])>) -> bool {
    let push = |n: u64, d: u8| n.checked_mul(10)?.checked_add(u64::from(d - b'0'));
    let mut significand: u64 = 0;
    let mut power: i32 = 0;
    let mut full = false;
    for &d in whole {
        match push(significand, d) {
            Some(n) if !full => significand = n,
            _ => {
                full = true;
                power = power.saturating_add(1);
            }
        }
    }
    for &d in fraction {
        let Some(n) = push(significand, d) else { break };
        significand = n;
        power = power.saturating_sub(1);
    }
    if let Some((negative, digits)) = exponent {
        let mut e: i32 = 0;
        for &d in digits {
            match e
                .checked_mul(10)
                .and_then(|e| e.checked_add(i32::from(d - b'0')))
            {
                Some(n) => e = n,
                None => return significand != 0 && !negative,
            }
        }
        power = if negative {
            power.saturating_sub(e)
        } else {
            power.saturating_add(e)
        };
    }
    match power {
        _ if significand == 0 => false,
        ..=288 => false, // below 2^64 * 10^288, far from the largest float
        289..=308 => {
            (significand as f64 * POWERS_OF_TEN_FROM_289[(power - 289) as usize]).is_infinite()
        }
        _ => true,
    }
}

/// The largest char boundary at or before `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Json {
        parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn err(text: &str) -> JsonError {
        parse(text).expect_err(text)
    }

    #[test]
    fn reads_every_kind_of_value() {
        assert_eq!(ok(" null "), Json::Null);
        assert_eq!(ok("true"), Json::Bool(true));
        assert_eq!(ok("false"), Json::Bool(false));
        assert_eq!(ok("0"), Json::Number(Some(0)));
        assert_eq!(ok("18446744073709551615"), Json::Number(Some(u64::MAX)));
        assert_eq!(ok("18446744073709551616"), Json::Number(None));
        assert_eq!(ok("-1"), Json::Number(None));
        assert_eq!(ok("2.5e-3"), Json::Number(None));
        assert_eq!(ok("2E+3"), Json::Number(None));
        assert_eq!(ok("[]"), Json::Array(vec![]));
        assert_eq!(ok("{}"), Json::Object(vec![]));
        assert_eq!(
            ok(r#"{"a": [1, "x"], "b": {"c": null}}"#),
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![Json::Number(Some(1)), Json::String("x".into())])
                ),
                ("b".into(), Json::Object(vec![("c".into(), Json::Null)])),
            ])
        );
    }

    #[test]
    fn reads_escapes_and_unicode() {
        assert_eq!(
            ok(r#""a\"b\\c\/d\b\f\n\r\t""#),
            Json::String("a\"b\\c/d\u{8}\u{c}\n\r\t".into())
        );
        assert_eq!(ok(r#""\u00e9\u20AC""#), Json::String("é€".into()));
        assert_eq!(ok(r#""\ud83d\ude00""#), Json::String("😀".into()));
        assert_eq!(ok("\"café – ok\""), Json::String("café – ok".into()));
        assert_eq!(ok("\u{feff}{}"), Json::Object(vec![]));
    }

    #[test]
    fn the_last_of_a_key_written_twice_counts() {
        let v = ok(r#"{"a": 1, "a": 2}"#);
        assert_eq!(v.get("a"), Some(&Json::Number(Some(2))));
        assert_eq!(v.as_object().map(<[_]>::len), Some(2));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{a: 1}",
            "{'a': 1}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "tru",
            "nul",
            "NaN",
            "\"abc",
            "\"a\u{1}\"",
            "\"a\nb\"",
            r#""\x""#,
            r#""\u12""#,
            r#""\ud800""#,
            r#""\ud800\u0041""#,
            r#""\udc00""#,
            "{} {}",
            "[1] x",
            "// comment\n{}",
            "{\"a\" 1}",
        ] {
            err(text);
        }
    }

    #[test]
    fn says_where() {
        let e = err("{\n  \"a\": [1,\n  ]\n}");
        assert_eq!((e.line, e.column), (3, 3));
        let e = err("{\"é\": x}");
        assert_eq!((e.line, e.column), (1, 7));
        assert_eq!(e.to_string(), "expected a value at line 1 column 7");
    }

    #[test]
    fn stops_at_the_depth_limit_without_overflowing() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        assert_eq!(
            err(&deep(MAX_DEPTH + 1)).message,
            "the JSON is nested too deeply"
        );
        assert_eq!(
            err(&"[{\"a\":".repeat(100_000)).message,
            "the JSON is nested too deeply"
        );
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_valid() {
        let texts = [
            "{}",
            "[1,2,3]",
            "{\"a\":[true,false,null]}",
            "1",
            "-0",
            "-0.0e+1",
            "1E5",
            "\"\\u0000\"",
            "[\"\\uD834\\uDD1E\"]",
            "{\"a\":1,\"a\":2}",
            "[1,]",
            "{\"a\"}",
            "\"\t\"",
            "[01]",
            "[-]",
            "[1.e1]",
            "\"\\ud800\"",
            "[[[[]]]]",
            // Numbers too large for a 64-bit float, which serde_json refuses, and ones near them.
            "1e308",
            "1e309",
            "-1e400",
            "0e400",
            "0.0e99999999999",
            "1e99999999999",
            "1e-99999999999",
            "1e-400",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "17976931348623157e292",
            "18446744073709551615e289",
            "18446744073709551616e288",
            "184467440737095516159e288",
            "1844674407370955161.5e290",
        ];
        let long = format!("1{}", "0".repeat(308));
        let longer = format!("1{}", "0".repeat(309));
        let long_fraction = format!("0.{}1e400", "0".repeat(400));
        let texts =
            texts
                .iter()
                .copied()
                .chain([long.as_str(), longer.as_str(), long_fraction.as_str()]);
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let (limit, over) = (deep(MAX_DEPTH), deep(MAX_DEPTH + 1));
        let texts = texts.chain([limit.as_str(), over.as_str()]);
        for text in texts {
            let ours = parse(text).is_ok();
            let theirs = serde_json::from_str::<serde_json::Value>(text).is_ok();
            assert_eq!(ours, theirs, "{text}");
        }
    }
}

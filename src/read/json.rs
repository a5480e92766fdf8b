//! The one JSON reader: text in, a tree of [`Json`] values out, every value and key with its
//! byte offset. The widget, the demo page's preview and the command line all read rulesets,
//! overlays and answers with it.
//!
//! It is strict JSON (RFC 8259), like serde_json: no comments, no trailing commas, no single
//! quotes, no NaN. It is iterative (an explicit stack, never recursion) and linear in the
//! size of the text. Choices a caller should know:
//!
//! - An object keeps its members in the order written, with any key written twice (the
//!   last one counts, as in serde_json; [`duplicate_keys`] lists the others).
//! - Numbers are checked; whole numbers from 0 up are kept as numbers, any other as the text
//!   written (the rulesets have no other numbers, so the widget carries no float parser).
//!   A number too large for a 64-bit float (`1e400`) is refused, as serde_json refuses it.
//! - A `\u` escape that is half of a UTF-16 surrogate pair without its other half is refused.
//! - Nesting stops at [`MAX_DEPTH`] levels of `[` and `{`, as serde_json does.
//! - A byte order mark at the start is skipped.
//!
//! A problem is a [`SyntaxError`]: a byte offset and a [`Syntax`] kind. Its words (in
//! `super::syntax`) are built only when they are shown: the widget never shows them, so it
//! does not carry them.

use super::path::{At, JsonPath};

/// The deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 127;

/// One JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as written (the rulesets hold only whole numbers from 0 up: see
    /// [`Json::as_u64`]).
    Number(Box<str>),
    String(String),
    /// The items, each with where it starts.
    Array(Vec<Item>),
    /// The members in the order written.
    Object(Vec<Member>),
}

/// An item of an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The byte offset where the value starts.
    pub at: u32,
    pub value: Json,
}

/// A member of an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The key, decoded.
    pub key: String,
    /// The byte offset of the key's opening `"`.
    pub key_at: u32,
    /// The byte offset where the value starts.
    pub at: u32,
    pub value: Json,
}

/// A whole document: its value and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub at: u32,
    pub value: Json,
}

impl Json {
    /// The member with this key (the last, if written twice), when this is an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.member(key).map(|m| &m.value)
    }

    /// The member with this key (the last, if written twice), when this is an object.
    pub fn member(&self, key: &str) -> Option<&Member> {
        match self {
            Json::Object(members) => members.iter().rev().find(|m| m.key == key),
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

    /// A whole number from 0 to `u64::MAX` written without a sign, fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Item]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

impl Document {
    /// The value at a path and where it starts; for a key written twice, the last.
    pub fn find(&self, path: &JsonPath) -> Option<(&Json, u32)> {
        let mut here = (&self.value, self.at);
        for seg in &path.0 {
            here = step(here.0, seg)?;
        }
        Some(here)
    }

    /// Where the value at a path starts, else its nearest part that exists (for a missing
    /// field: the object it is missing from).
    pub fn nearest(&self, path: &JsonPath) -> u32 {
        let mut here = (&self.value, self.at);
        for seg in &path.0 {
            match step(here.0, seg) {
                Some(next) => here = next,
                None => break,
            }
        }
        here.1
    }

    /// Where the key of the member at a path starts.
    pub fn key_at(&self, path: &JsonPath) -> Option<u32> {
        let (last, parent) = path.0.split_last()?;
        let (parent, _) = self.find(&JsonPath(parent.to_vec()))?;
        match last {
            super::path::Seg::Key(k) => parent.member(k).map(|m| m.key_at),
            super::path::Seg::Index(_) => None,
        }
    }
}

/// One step down.
fn step<'a>(value: &'a Json, seg: &super::path::Seg) -> Option<(&'a Json, u32)> {
    match seg {
        super::path::Seg::Index(i) => value.as_array()?.get(*i).map(|it| (&it.value, it.at)),
        super::path::Seg::Key(k) => value.member(k).map(|m| (&m.value, m.at)),
    }
}

/// A key written twice in the same object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The path of the key (the same for both).
    pub path: JsonPath,
    /// Where the key is first written (the offset of its `"`).
    pub first: u32,
    /// Where it is written again (a key written three times gives two entries, each with
    /// the first).
    pub again: u32,
}

/// Every key written twice in the same object, anywhere in the value: object by object, in
/// the order written, and in one object by key.
pub fn duplicate_keys(value: &Json) -> Vec<DuplicateKey> {
    let mut out = Vec::new();
    find_duplicates(value, &At::Root, &mut out);
    out
}

fn find_duplicates(value: &Json, at: &At, out: &mut Vec<DuplicateKey>) {
    match value {
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                find_duplicates(&item.value, &At::Index(at, i), out);
            }
        }
        Json::Object(members) => {
            let order = by_key(members);
            for pair in order.windows(2) {
                let (first, again) = (&members[pair[0]], &members[pair[1]]);
                if first.key == again.key {
                    let head = order
                        .iter()
                        .map(|&i| &members[i])
                        .find(|m| m.key == first.key)
                        .map_or(first.key_at, |m| m.key_at);
                    out.push(DuplicateKey {
                        path: At::Key(at, &again.key).path(),
                        first: head,
                        again: again.key_at,
                    });
                }
            }
            for m in members {
                find_duplicates(&m.value, &At::Key(at, &m.key), out);
            }
        }
        _ => {}
    }
}

/// The members' indices ordered by key, members with the same key in the order written.
/// A heap sort of its own: the standard library's sorts would add kilobytes to the widget,
/// which sorts nothing else.
fn by_key(members: &[Member]) -> Vec<usize> {
    let before = |a: usize, b: usize| (&members[a].key, a) < (&members[b].key, b);
    let mut order: Vec<usize> = (0..members.len()).collect();
    let sift = |order: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && before(order[child], order[child + 1]) {
            child += 1;
        }
        if !before(order[root], order[child]) {
            break;
        }
        order.swap(root, child);
        root = child;
    };
    let n = order.len();
    for root in (0..n / 2).rev() {
        sift(&mut order, root, n);
    }
    for end in (1..n).rev() {
        order.swap(0, end);
        sift(&mut order, 0, end);
    }
    order
}

/// Why a text is not JSON: what (see `super::syntax` for the words) and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The byte offset of the problem.
    pub at: usize,
    pub kind: Syntax,
}

/// The kinds of syntax error, each reported at a useful place: a missing comma or colon at
/// the start of the token found instead; a text not closed at its opening `"`; a trailing
/// comma at the comma; a bad escape at its `\`; a bad number or bare word at its first
/// character; the end of the file just after the last character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    TooLarge,
    Empty,
    /// The file ends early; the innermost bracket still open and where.
    Eof(Option<(char, usize)>),
    AfterEnd,
    Comments,
    OddSpace(char),
    /// A closing bracket that does not match: it, and the innermost open one and where.
    Mismatch(char, Option<(char, usize)>),
    TrailingComma(char),
    /// A comma or this closing bracket is missing.
    MissingComma(char),
    KeySingle,
    Curly,
    KeyQuotes,
    Equals,
    /// A colon is missing after the key that starts here.
    MissingColon(usize),
    TooDeep,
    ValueMissing,
    Single,
    NoInteger,
    Plus,
    BareWord,
    LowerCase,
    Nan,
    /// A character that cannot start a value (a letter is a bare word: see `message`).
    Unexpected(char),
    MinusAlone,
    LeadingZero,
    NoFraction,
    NoExponent,
    BadNumber,
    Spaced,
    NumberTooLarge,
    Unclosed,
    UnclosedLine,
    Tab,
    Control(u8),
    BadEscape(char),
    BadU,
    LoneHigh,
    LoneLow,
}

/// Read a whole text as one JSON document.
pub fn parse(text: &str) -> Result<Document, SyntaxError> {
    if u32::try_from(text.len()).is_err() {
        return Err(SyntaxError {
            at: 0,
            kind: Syntax::TooLarge,
        });
    }
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut r = Reader {
        text,
        b: text.as_bytes(),
        i: start,
        frames: Vec::new(),
    };
    r.run()
}

/// An array or object being read.
struct Frame {
    /// `{` or `[`, and where.
    open: (char, usize),
    /// The key of this value in its parent object, when it is a member.
    key: Option<(String, u32)>,
    at: u32,
    items: Vec<Item>,
    members: Vec<Member>,
}

impl Frame {
    fn is_object(&self) -> bool {
        self.open.0 == '{'
    }
}

/// What the reader expects next.
enum State {
    /// A value (whitespace skipped), with its key and the key's offset when a member.
    Value(Option<(String, u32)>),
    /// Just after a `{` or `[`.
    Opened,
    /// Just after a complete value.
    AfterValue,
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    frames: Vec<Frame>,
}

/// The text that starts at a `"` (for a message about a key).
pub(super) fn text_at(text: &str, at: usize) -> String {
    let mut r = Reader {
        text,
        b: text.as_bytes(),
        i: at,
        frames: Vec::new(),
    };
    r.string().unwrap_or_default()
}

/// Space characters that are not JSON whitespace, often pasted in from documents.
pub(super) fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200b}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
                | '\u{c}'
                | '\u{b}'
    )
}

fn is_curly(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '«' | '‘' | '’')
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Reader<'_> {
    fn err(&self, at: usize, kind: Syntax) -> SyntaxError {
        SyntaxError { at, kind }
    }

    fn skip_ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|s| s.chars().next())
    }

    fn open(&self) -> Option<(char, usize)> {
        self.frames.last().map(|f| f.open)
    }

    fn eof(&self) -> SyntaxError {
        self.err(self.b.len(), Syntax::Eof(self.open()))
    }

    /// An unexpected character: comments and odd spaces have their own kinds.
    fn unexpected(&self, at: usize, kind: Syntax) -> SyntaxError {
        let Some(c) = self.char_at(at) else {
            return self.eof();
        };
        if c == '/' && matches!(self.b.get(at + 1), Some(b'/' | b'*')) {
            return self.err(at, Syntax::Comments);
        }
        if is_odd_space(c) {
            return self.err(at, Syntax::OddSpace(c));
        }
        self.err(at, kind)
    }

    fn mismatch(&self, at: usize, found: u8) -> SyntaxError {
        self.err(at, Syntax::Mismatch(found as char, self.open()))
    }

    fn run(&mut self) -> Result<Document, SyntaxError> {
        self.skip_ws();
        if self.i >= self.b.len() {
            return Err(self.err(self.i, Syntax::Empty));
        }
        let mut state = State::Value(None);
        loop {
            state = match state {
                State::Value(key) => {
                    let at = self.i;
                    match self.value(key)? {
                        None => State::Opened,
                        Some((key, value)) => match self.add(key, to_u32(at), value) {
                            Some(doc) => {
                                self.skip_ws();
                                if self.i < self.b.len() {
                                    return Err(self.unexpected(self.i, Syntax::AfterEnd));
                                }
                                return Ok(doc);
                            }
                            None => State::AfterValue,
                        },
                    }
                }
                State::Opened => {
                    self.skip_ws();
                    let is_object = self.frames.last().is_some_and(Frame::is_object);
                    let close = if is_object { b'}' } else { b']' };
                    if self.b.get(self.i) == Some(&close) {
                        self.i += 1;
                        match self.close() {
                            Some(doc) => return self.end(doc),
                            None => State::AfterValue,
                        }
                    } else if is_object {
                        State::Value(Some(self.member_key()?))
                    } else {
                        State::Value(None)
                    }
                }
                State::AfterValue => {
                    self.skip_ws();
                    let Some(top) = self.frames.last() else {
                        return Err(self.unexpected(self.i, Syntax::AfterEnd));
                    };
                    let is_object = top.is_object();
                    let close = if is_object { b'}' } else { b']' };
                    match self.b.get(self.i) {
                        None => return Err(self.eof()),
                        Some(&b',') => {
                            let comma = self.i;
                            self.i += 1;
                            self.skip_ws();
                            if self.b.get(self.i) == Some(&close) {
                                return Err(self.err(comma, Syntax::TrailingComma(close as char)));
                            }
                            if is_object {
                                State::Value(Some(self.member_key()?))
                            } else {
                                State::Value(None)
                            }
                        }
                        Some(&c) if c == close => {
                            self.i += 1;
                            match self.close() {
                                Some(doc) => return self.end(doc),
                                None => State::AfterValue,
                            }
                        }
                        Some(&c @ (b'}' | b']')) => return Err(self.mismatch(self.i, c)),
                        Some(_) => {
                            return Err(self.unexpected(self.i, Syntax::MissingComma(close as char)))
                        }
                    }
                }
            }
        }
    }

    /// The whole document has been read: only whitespace may follow.
    fn end(&mut self, doc: Document) -> Result<Document, SyntaxError> {
        self.skip_ws();
        if self.i < self.b.len() {
            return Err(self.unexpected(self.i, Syntax::AfterEnd));
        }
        Ok(doc)
    }

    /// Put a complete value in the open array or object; the whole document when none is
    /// open.
    fn add(&mut self, key: Option<(String, u32)>, at: u32, value: Json) -> Option<Document> {
        match self.frames.last_mut() {
            None => Some(Document { at, value }),
            Some(top) => {
                match key {
                    Some((key, key_at)) => top.members.push(Member {
                        key,
                        key_at,
                        at,
                        value,
                    }),
                    None => top.items.push(Item { at, value }),
                }
                None
            }
        }
    }

    /// Close the innermost array or object (its bracket already read).
    fn close(&mut self) -> Option<Document> {
        let frame = self.frames.pop()?;
        let value = if frame.is_object() {
            Json::Object(frame.members)
        } else {
            Json::Array(frame.items)
        };
        self.add(frame.key, frame.at, value)
    }

    /// Read a key, its colon and the whitespace after it. At the key's first character.
    fn member_key(&mut self) -> Result<(String, u32), SyntaxError> {
        let at = self.i;
        match self.b.get(at) {
            None => return Err(self.eof()),
            Some(b'"') => {}
            Some(b'\'') => return Err(self.err(at, Syntax::KeySingle)),
            Some(&c @ b']') => return Err(self.mismatch(at, c)),
            Some(_) => {
                if self.char_at(at).is_some_and(is_curly) {
                    return Err(self.err(at, Syntax::Curly));
                }
                return Err(self.unexpected(at, Syntax::KeyQuotes));
            }
        }
        let name = self.string()?;
        self.skip_ws();
        match self.b.get(self.i) {
            Some(b':') => self.i += 1,
            None => return Err(self.eof()),
            Some(b'=') => return Err(self.err(self.i, Syntax::Equals)),
            Some(_) => return Err(self.unexpected(self.i, Syntax::MissingColon(at))),
        }
        self.skip_ws();
        Ok((name, to_u32(at)))
    }

    /// Read a value (whitespace already skipped): `None` when it opened an array or object,
    /// else the value with its key.
    #[allow(clippy::type_complexity)]
    fn value(
        &mut self,
        key: Option<(String, u32)>,
    ) -> Result<Option<(Option<(String, u32)>, Json)>, SyntaxError> {
        let at = self.i;
        let Some(&c) = self.b.get(at) else {
            return Err(self.eof());
        };
        let value = match c {
            b'{' | b'[' => {
                if self.frames.len() >= MAX_DEPTH {
                    return Err(self.err(at, Syntax::TooDeep));
                }
                self.i += 1;
                self.frames.push(Frame {
                    open: (c as char, at),
                    key,
                    at: to_u32(at),
                    items: Vec::new(),
                    members: Vec::new(),
                });
                return Ok(None);
            }
            b'"' => Json::String(self.string()?),
            b'-' | b'0'..=b'9' => self.number()?,
            b't' | b'f' | b'n' => self.word()?,
            _ => return Err(self.bad_value_start(at)),
        };
        Ok(Some((key, value)))
    }

    /// The error for a character that cannot start a value.
    fn bad_value_start(&self, at: usize) -> SyntaxError {
        let c = self.b[at];
        match c {
            b',' | b':' => self.err(at, Syntax::ValueMissing),
            b'}' | b']' => {
                let matches_top = self.open().is_some_and(|(o, _)| (o == '{') == (c == b'}'));
                if matches_top {
                    self.err(at, Syntax::ValueMissing)
                } else {
                    self.mismatch(at, c)
                }
            }
            b'\'' => self.err(at, Syntax::Single),
            b'.' => self.err(at, Syntax::NoInteger),
            b'+' => self.err(at, Syntax::Plus),
            _ if c.is_ascii_alphabetic() => self.word_error(at),
            _ => {
                let ch = self.char_at(at).unwrap_or('\u{fffd}');
                if is_curly(ch) {
                    return self.err(at, Syntax::Curly);
                }
                self.unexpected(at, Syntax::Unexpected(ch))
            }
        }
    }

    fn word_len(&self, at: usize) -> usize {
        self.b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count()
    }

    /// Read `true`, `false` or `null`.
    fn word(&mut self) -> Result<Json, SyntaxError> {
        let at = self.i;
        let len = self.word_len(at);
        let value = match &self.text[at..at + len] {
            "true" => Json::Bool(true),
            "false" => Json::Bool(false),
            "null" => Json::Null,
            _ => return Err(self.word_error(at)),
        };
        self.i = at + len;
        Ok(value)
    }

    /// The error for a bare word that is not `true`, `false` or `null`.
    fn word_error(&self, at: usize) -> SyntaxError {
        let w = &self.text[at..at + self.word_len(at)];
        let is = |words: [&str; 3]| words.iter().any(|k| k.eq_ignore_ascii_case(w));
        if is(["true", "false", "null"]) {
            self.err(at, Syntax::LowerCase)
        } else if is(["nan", "infinity", "inf"]) {
            self.err(at, Syntax::Nan)
        } else {
            self.err(at, Syntax::BareWord)
        }
    }

    /// Read a number (at its `-` or first digit).
    fn number(&mut self) -> Result<Json, SyntaxError> {
        let b = self.b;
        let start = self.i;
        let mut i = start;
        let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if b[i] == b'-' {
            i += 1;
            match b.get(i) {
                Some(b'0'..=b'9') => {}
                Some(b'.') => return Err(self.err(start, Syntax::NoInteger)),
                Some(b'I' | b'i' | b'N' | b'n') => {
                    let n = b[i..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .count();
                    let w = &self.text[i..i + n];
                    if ["infinity", "inf", "nan"]
                        .iter()
                        .any(|k| k.eq_ignore_ascii_case(w))
                    {
                        return Err(self.err(start, Syntax::Nan));
                    }
                    return Err(self.err(start, Syntax::MinusAlone));
                }
                _ => return Err(self.err(start, Syntax::MinusAlone)),
            }
        }
        let whole_start = i;
        if b[i] == b'0' {
            i += 1;
            if matches!(b.get(i), Some(b'0'..=b'9')) {
                return Err(self.err(start, Syntax::LeadingZero));
            }
        } else {
            i += digits(i);
        }
        let whole = &b[whole_start..i];
        let mut fraction: &[u8] = &[];
        if b.get(i) == Some(&b'.') {
            i += 1;
            let n = digits(i);
            if n == 0 {
                return Err(self.err(start, Syntax::NoFraction));
            }
            fraction = &b[i..i + n];
            i += n;
        }
        let mut exponent = None;
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            let negative = b.get(i) == Some(&b'-');
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let n = digits(i);
            if n == 0 {
                return Err(self.err(start, Syntax::NoExponent));
            }
            exponent = Some((negative, &b[i..i + n]));
            i += n;
        }
        if matches!(b.get(i), Some(c) if c.is_ascii_alphanumeric() || *c == b'.' || *c == b'_') {
            return Err(self.err(start, Syntax::BadNumber));
        }
        // A member's value of digits, a space and more digits: a phone number written without
        // its quotes. (In a list, "[1 2]", a comma is missing: that message stays.)
        let spaces = b[i..].iter().take_while(|c| **c == b' ').count();
        let in_object = self.frames.last().is_some_and(Frame::is_object);
        if in_object && spaces > 0 && matches!(b.get(i + spaces), Some(b'0'..=b'9')) {
            return Err(self.err(start, Syntax::Spaced));
        }
        if too_large(whole, fraction, exponent) {
            return Err(self.err(start, Syntax::NumberTooLarge));
        }
        self.i = i;
        Ok(Json::Number(self.text[start..i].into()))
    }

    /// Read a text (at its opening `"`).
    fn string(&mut self) -> Result<String, SyntaxError> {
        let b = self.b;
        let text = self.text;
        let open = self.i;
        let mut i = open + 1;
        let mut chunk = i;
        let mut out = String::new();
        loop {
            let Some(&c) = b.get(i) else {
                return Err(self.err(open, Syntax::Unclosed));
            };
            match c {
                b'"' => {
                    out.push_str(&text[chunk..i]);
                    self.i = i + 1;
                    return Ok(out);
                }
                b'\\' => {
                    let (ch, len) = self.escape(open, i)?;
                    out.push_str(&text[chunk..i]);
                    out.push(ch);
                    i += len;
                    chunk = i;
                }
                b'\n' | b'\r' => return Err(self.err(open, Syntax::UnclosedLine)),
                b'\t' => return Err(self.err(i, Syntax::Tab)),
                0..=0x1f => return Err(self.err(i, Syntax::Control(c))),
                _ => i += 1,
            }
        }
    }

    /// Read an escape at `at` (its `\`) in the text opened at `open`: the character and the
    /// length of the escape in bytes.
    fn escape(&self, open: usize, at: usize) -> Result<(char, usize), SyntaxError> {
        let b = self.b;
        let Some(&e) = b.get(at + 1) else {
            return Err(self.err(open, Syntax::Unclosed));
        };
        let ch = match e {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self
                    .hex4(at + 2)
                    .ok_or_else(|| self.err(at, Syntax::BadU))?;
                if (0xDC00..0xE000).contains(&hi) {
                    return Err(self.err(at, Syntax::LoneLow));
                }
                if !(0xD800..0xDC00).contains(&hi) {
                    return Ok((char::from_u32(hi).unwrap_or('\u{fffd}'), 6));
                }
                if b.get(at + 6) != Some(&b'\\') || b.get(at + 7) != Some(&b'u') {
                    return Err(self.err(at, Syntax::LoneHigh));
                }
                let lo = self
                    .hex4(at + 8)
                    .ok_or_else(|| self.err(at + 6, Syntax::BadU))?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return Err(self.err(at, Syntax::LoneHigh));
                }
                let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return Ok((char::from_u32(code).unwrap_or('\u{fffd}'), 12));
            }
            b'\n' | b'\r' => return Err(self.err(open, Syntax::UnclosedLine)),
            _ => {
                let c = self.char_at(at + 1).unwrap_or('\u{fffd}');
                return Err(self.err(at, Syntax::BadEscape(c)));
            }
        };
        Ok((ch, 2))
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.b.get(at..at + 4)?;
        let mut v = 0;
        for &d in digits {
            v = v * 16 + (d as char).to_digit(16)?;
        }
        Some(v)
    }
}

/// Whether serde_json refuses this number ("number out of range"): it reads every number that
/// is not a whole one as a 64-bit float, and refuses one too large for it, such as `1e400`.
/// serde_json's steps, followed exactly: the digits are gathered into a u64 until the next
/// would overflow it (then further whole digits each add one to the exponent, and further
/// digits after the point are dropped); the exponent is an i32, and one that does not fit is
/// refused unless the number is 0 or the exponent negative; the number is then the u64, as a
/// float, times that power of ten, and refused if that is infinite.
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

/// 10 to the powers 289 to 308, as serde_json has them (the nearest 64-bit floats).
const POWERS_OF_TEN_FROM_289: [f64; 20] = [
    1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301,
    1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

#[cfg(test)]
mod tests {
    //! The places and errors `route-finder check` reports, tested through a small stand-in
    //! for the source map it used to build (the cases are the ones that map was tested with).
    use super::*;
    use crate::read::path::Seg;
    use crate::read::place::{Lines, Pos};

    fn pos(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }

    // The words expected (the same as `route-finder check` gave before the one reader).
    const EMPTY: &str = "the file is empty: there is no JSON in it";
    const EOF: &str = "the file ends before the JSON is complete";
    const UNCLOSED: &str = "this text is not closed with a \"";
    const UNCLOSED_LINE: &str =
        "this text is not closed with a \" before the end of the line (to put a line break in a text, write \\n)";
    const TAB: &str = "a tab cannot be written inside a text: write \\t instead";
    const COMMENTS: &str = "JSON does not allow comments";
    const AFTER_END: &str = "unexpected text after the end of the JSON";
    const KEY_QUOTES: &str = "a key must be a text in double quotes";
    const KEY_SINGLE: &str = "a key must be a text in double quotes \", not single quotes '";
    const SINGLE: &str = "a text must be in double quotes \", not single quotes '";
    const CURLY: &str = "a text must be in plain double quotes \", not curly quotes “ ”";
    const VALUE_MISSING: &str = "a value is missing here";
    const BARE_WORD: &str =
        "this text must be in double quotes (only true, false and null are written without quotes)";
    const LOWER_CASE: &str = "true, false and null must be written in lower case";
    const NAN: &str = "NaN and Infinity are not allowed in JSON: write a number or null";
    const TOO_DEEP: &str = "nested too deeply (more than 127 levels)";
    const BAD_U: &str =
        "\\u in a text must be followed by 4 hexadecimal digits (0-9, a-f), as in \\u00e9";
    const LONE_HIGH: &str =
        "this \\u escape is the first half of a character pair (a UTF-16 surrogate, \\ud800 to \\udbff) but is not followed by the second half (\\udc00 to \\udfff)";
    const LONE_LOW: &str =
        "this \\u escape is the second half of a character pair (a UTF-16 surrogate, \\udc00 to \\udfff) without the first half before it";
    const LEADING_ZERO: &str = "a number cannot start with 0 followed by more digits. If this is a phone number, put it in double quotes, as in \"01582 548156\"";
    const NO_FRACTION: &str = "a number must have digits after its decimal point";
    const NO_INTEGER: &str = "a number must start with a digit (write 0.5, not .5)";
    const PLUS: &str = "a number cannot start with + (write 5, not +5). If this is a phone number, put it in double quotes, as in \"+44 1582 548156\"";
    const SPACED: &str = "a number cannot have a space in it. If this is a phone number, put it in double quotes, as in \"0300 123 4567\"";
    const MINUS_ALONE: &str = "a - must be followed by a number";
    const NO_EXPONENT: &str = "this number has no digits after its e (its exponent)";
    const BAD_NUMBER: &str = "this is not a valid number";

    /// A path written as `routes[1]["local:x"].phone`, `$schema`, `a.b[0]` (keys as they are).
    fn path(s: &str) -> JsonPath {
        let mut segs = Vec::new();
        let mut rest = s;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                rest = r;
                continue;
            }
            if rest.starts_with("[\"") {
                let end = rest.find("\"]").expect("closed key");
                let key = match parse(&rest[1..end + 1]).expect("a JSON text").value {
                    Json::String(k) => k,
                    _ => unreachable!(),
                };
                segs.push(Seg::Key(key));
                rest = &rest[end + 2..];
            } else if let Some(r) = rest
                .strip_prefix('[')
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            {
                let end = r.find(']').expect("closed index");
                segs.push(Seg::Index(r[..end].parse().expect("index")));
                rest = &r[end + 1..];
            } else {
                let end = rest
                    .char_indices()
                    .find(|&(i, c)| {
                        c == '.'
                            || (c == '['
                                && (rest[i + 1..].starts_with('"')
                                    || rest[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
                    })
                    .map_or(rest.len(), |(i, _)| i);
                segs.push(Seg::Key(rest[..end].to_owned()));
                rest = &rest[end..];
            }
        }
        JsonPath(segs)
    }

    struct Map<'a> {
        doc: Document,
        lines: Lines<'a>,
    }

    #[derive(Debug, PartialEq)]
    struct DuplicateKey {
        path: JsonPath,
        first: Pos,
        second: Pos,
    }

    #[derive(Debug)]
    struct Error {
        pos: Pos,
        message: String,
    }

    impl Map<'_> {
        fn value(&self, path: &JsonPath) -> Option<Pos> {
            self.doc
                .find(path)
                .map(|(_, at)| self.lines.pos(at as usize))
        }
        fn key(&self, path: &JsonPath) -> Option<Pos> {
            self.doc.key_at(path).map(|at| self.lines.pos(at as usize))
        }
        fn nearest(&self, path: &JsonPath) -> (Pos, JsonPath) {
            let found = (0..=path.0.len())
                .rev()
                .map(|n| JsonPath(path.0[..n].to_vec()))
                .find(|p| self.doc.find(p).is_some())
                .unwrap_or_default();
            (self.lines.pos(self.doc.nearest(path) as usize), found)
        }
        fn keys(&self, path: &JsonPath) -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            if let Some((Json::Object(members), _)) = self.doc.find(path) {
                for m in members {
                    if !out.contains(&m.key) {
                        out.push(m.key.clone());
                    }
                }
            }
            out
        }
        /// In the order of the repeats in the text.
        fn duplicate_keys(&self) -> Vec<DuplicateKey> {
            let mut found: Vec<DuplicateKey> = duplicate_keys(&self.doc.value)
                .into_iter()
                .map(|d| DuplicateKey {
                    path: d.path,
                    first: self.lines.pos(d.first as usize),
                    second: self.lines.pos(d.again as usize),
                })
                .collect();
            found.sort_by_key(|d| d.second);
            found
        }
    }

    fn scan(text: &str) -> Map<'_> {
        match parse(text) {
            Ok(doc) => Map {
                doc,
                lines: Lines::new(text),
            },
            Err(e) => panic!("scan failed for {text:?}: {e:?}"),
        }
    }
    fn error(text: &str) -> Error {
        match parse(text) {
            Ok(_) => panic!("no error for {text:?}"),
            Err(e) => {
                let lines = Lines::new(text);
                Error {
                    pos: lines.pos(e.at),
                    message: e.message(&lines),
                }
            }
        }
    }
    /// Assert the error's place and message.
    fn assert_error(text: &str, line: u32, column: u32, message: &str) {
        let e = error(text);
        assert_eq!(e.pos, pos(line, column), "position for {text:?}: {e:?}");
        assert_eq!(e.message, message, "message for {text:?}");
    }
    /// Assert the error's place and that its message contains a part.
    fn assert_error_has(text: &str, line: u32, column: u32, part: &str) {
        let e = error(text);
        assert_eq!(e.pos, pos(line, column), "position for {text:?}: {e:?}");
        assert!(
            e.message.contains(part),
            "message for {text:?}: {:?} lacks {part:?}",
            e.message
        );
    }

    const DOC: &str = r#"{
  "$schema": "https://example.org/schema.json",
  "version": 3,
  "routes": [
    {
      "id": "mediation",
      "steps": [1, -2.5e3, true, null],
      "empty": {},
      "none": []
    },
    {"id": "tribunal", "local:x": {"phone": "0123"}}
  ]
}
"#;

    #[test]
    fn positions_of_nested_values_and_keys() {
        let m = scan(DOC);
        assert_eq!(m.value(&JsonPath::root()), Some(pos(1, 1)));
        assert_eq!(m.key(&JsonPath::root()), None);
        assert_eq!(m.key(&path("$schema")), Some(pos(2, 3)));
        assert_eq!(m.value(&path("$schema")), Some(pos(2, 14)));
        assert_eq!(m.value(&path("version")), Some(pos(3, 14)));
        assert_eq!(m.key(&path("routes")), Some(pos(4, 3)));
        assert_eq!(m.value(&path("routes")), Some(pos(4, 13)));
        assert_eq!(m.value(&path("routes[0]")), Some(pos(5, 5)));
        assert_eq!(m.key(&path("routes[0]")), None, "array items have no key");
        assert_eq!(m.key(&path("routes[0].id")), Some(pos(6, 7)));
        assert_eq!(m.value(&path("routes[0].id")), Some(pos(6, 13)));
        assert_eq!(m.value(&path("routes[0].steps")), Some(pos(7, 16)));
        assert_eq!(m.value(&path("routes[0].steps[0]")), Some(pos(7, 17)));
        assert_eq!(m.value(&path("routes[0].steps[1]")), Some(pos(7, 20)));
        assert_eq!(m.value(&path("routes[0].steps[2]")), Some(pos(7, 28)));
        assert_eq!(m.value(&path("routes[0].steps[3]")), Some(pos(7, 34)));
        assert_eq!(m.value(&path("routes[0].steps[4]")), None);
        assert_eq!(m.value(&path("routes[0].empty")), Some(pos(8, 16)));
        assert_eq!(m.value(&path("routes[0].none")), Some(pos(9, 15)));
        assert_eq!(m.value(&path("routes[1]")), Some(pos(11, 5)));
        assert_eq!(m.key(&path("routes[1].id")), Some(pos(11, 6)));
        assert_eq!(m.value(&path("routes[1].id")), Some(pos(11, 12)));
        assert_eq!(m.key(&path("routes[1].local:x")), Some(pos(11, 24)));
        assert_eq!(m.value(&path("routes[1].local:x.phone")), Some(pos(11, 45)));
        assert_eq!(
            m.value(&path("routes[1][\"local:x\"].phone")),
            Some(pos(11, 45))
        );
        assert!(m.duplicate_keys().is_empty());
    }

    #[test]
    fn wrong_kinds_of_step_find_nothing() {
        let m = scan(DOC);
        assert_eq!(m.value(&path("routes.0")), None, "a key on an array");
        assert_eq!(m.value(&path("[0]")), None, "an index on an object");
        assert_eq!(m.value(&path("version.x")), None, "a step into a number");
        assert_eq!(m.value(&path("routes[0].empty.x")), None);
        assert_eq!(m.value(&path("routes[0].none[0]")), None);
        assert_eq!(m.value(&path("nope")), None);
        assert_eq!(m.key(&path("nope")), None);
    }

    #[test]
    fn nearest_place() {
        let m = scan(DOC);
        assert_eq!(
            m.nearest(&path("routes[0].id")),
            (pos(6, 13), path("routes[0].id"))
        );
        // A missing field: its object.
        assert_eq!(
            m.nearest(&path("routes[0].title")),
            (pos(5, 5), path("routes[0]"))
        );
        assert_eq!(
            m.nearest(&path("routes[7].title")),
            (pos(4, 13), path("routes"))
        );
        assert_eq!(
            m.nearest(&path("missing.deeper[2]")),
            (pos(1, 1), JsonPath::root())
        );
        assert_eq!(m.nearest(&JsonPath::root()), (pos(1, 1), JsonPath::root()));
        assert_eq!(m.nearest(&path("version.x")), (pos(3, 14), path("version")));
    }

    #[test]
    fn keys_in_document_order() {
        let m = scan(DOC);
        assert_eq!(
            m.keys(&JsonPath::root()),
            vec!["$schema", "version", "routes"]
        );
        assert_eq!(
            m.keys(&path("routes[0]")),
            vec!["id", "steps", "empty", "none"]
        );
        assert_eq!(m.keys(&path("routes[0].empty")), Vec::<String>::new());
        assert_eq!(m.keys(&path("routes")), Vec::<String>::new(), "an array");
        assert_eq!(m.keys(&path("version")), Vec::<String>::new(), "a number");
        assert_eq!(m.keys(&path("nope")), Vec::<String>::new());
        let m = scan(r#"{"b": 1, "a": 2, "b": 3, "c": 4, "a": 5}"#);
        assert_eq!(m.keys(&JsonPath::root()), vec!["b", "a", "c"]);
    }

    #[test]
    fn scalar_documents() {
        for (text, column) in [
            ("1", 1),
            ("  \"x\"", 3),
            ("\ntrue", 1),
            ("null  \n", 1),
            ("-0.5e-3", 1),
            ("[]", 1),
            ("{}", 1),
        ] {
            let m = scan(text);
            let line = if text.starts_with('\n') { 2 } else { 1 };
            assert_eq!(
                m.value(&JsonPath::root()),
                Some(pos(line, column)),
                "{text:?}"
            );
            assert_eq!(m.nearest(&path("a")).0, pos(line, column));
        }
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // A tab and multi-byte characters before values on the same line.
        let text = "{\n\t\"é😀\": \"ü\", \"x\":\t1,\n\"k\" : [\"€\", 2]}";
        let m = scan(text);
        assert_eq!(m.key(&path("é😀")), Some(pos(2, 2)));
        assert_eq!(m.value(&path("é😀")), Some(pos(2, 8)));
        assert_eq!(m.key(&path("x")), Some(pos(2, 13)));
        assert_eq!(m.value(&path("x")), Some(pos(2, 18)));
        assert_eq!(m.key(&path("k")), Some(pos(3, 1)));
        assert_eq!(m.value(&path("k")), Some(pos(3, 7)));
        assert_eq!(m.value(&path("k[0]")), Some(pos(3, 8)));
        assert_eq!(m.value(&path("k[1]")), Some(pos(3, 13)));
    }

    #[test]
    fn line_endings_and_bom() {
        let m = scan("\u{feff}{\"a\": 1}");
        assert_eq!(
            m.value(&JsonPath::root()),
            Some(pos(1, 1)),
            "the BOM is not counted"
        );
        assert_eq!(m.value(&path("a")), Some(pos(1, 7)));
        let m = scan("{\r\n\"a\":\r\n  1,\r\"b\": 2}");
        assert_eq!(m.key(&path("a")), Some(pos(2, 1)));
        assert_eq!(m.value(&path("a")), Some(pos(3, 3)));
        assert_eq!(m.key(&path("b")), Some(pos(4, 1)), "a lone CR ends a line");
        // Errors count lines the same way.
        assert_error_has("\u{feff}{\r\n\"a\": 1\r\n\"b\": 2}", 3, 1, "comma");
        assert_error_has("[1,\r2,\r\n x]", 3, 2, "double quotes");
        // A BOM anywhere else is not allowed.
        assert_error_has(
            "\u{feff}\u{feff}1",
            1,
            1,
            "invisible character here (U+FEFF)",
        );
    }

    #[test]
    fn escaped_keys_are_decoded() {
        let text = r#"{"a\"b": 1, "c\\d": 2, "\u00e9t\u00E9": 3, "\ud83d\ude00": 4, "\/\b\f\n\r\t": 5, "\u0000": 6}"#;
        let m = scan(text);
        assert_eq!(m.value(&path("a\"b")), Some(pos(1, 10)));
        assert_eq!(m.value(&JsonPath::root().key("a\"b")), Some(pos(1, 10)));
        assert_eq!(m.value(&JsonPath::root().key("c\\d")), Some(pos(1, 21)));
        assert_eq!(m.value(&JsonPath::root().key("été")), Some(pos(1, 41)));
        assert_eq!(m.value(&JsonPath::root().key("😀")), Some(pos(1, 60)));
        assert_eq!(
            m.value(&JsonPath::root().key("/\u{8}\u{c}\n\r\t")),
            Some(pos(1, 79))
        );
        assert_eq!(m.value(&JsonPath::root().key("\0")), Some(pos(1, 92)));
        assert_eq!(
            m.keys(&JsonPath::root()),
            vec!["a\"b", "c\\d", "été", "😀", "/\u{8}\u{c}\n\r\t", "\0"]
        );
        // A key spelled differently but meaning the same is a duplicate.
        let m = scan(r#"{"é": 1, "\u00e9": 2}"#);
        assert_eq!(m.duplicate_keys().len(), 1);
        assert_eq!(m.value(&JsonPath::root().key("é")), Some(pos(1, 20)));
    }

    #[test]
    fn duplicate_keys_at_two_levels() {
        let text = "{\n  \"a\": 1,\n  \"b\": {\"x\": 1, \"y\": 2, \"x\": 3},\n  \"a\": [4],\n  \"c\": [{\"k\": 1, \"k\": 2, \"k\": 3}]\n}";
        let m = scan(text);
        let d = m.duplicate_keys();
        assert_eq!(
            d,
            &[
                DuplicateKey {
                    path: path("b.x"),
                    first: pos(3, 9),
                    second: pos(3, 25)
                },
                DuplicateKey {
                    path: path("a"),
                    first: pos(2, 3),
                    second: pos(4, 3)
                },
                DuplicateKey {
                    path: path("c[0].k"),
                    first: pos(5, 10),
                    second: pos(5, 18)
                },
                DuplicateKey {
                    path: path("c[0].k"),
                    first: pos(5, 10),
                    second: pos(5, 26)
                },
            ]
        );
        // The last occurrence wins, as in serde_json.
        assert_eq!(m.value(&path("a")), Some(pos(4, 8)));
        assert_eq!(m.key(&path("a")), Some(pos(4, 3)));
        assert_eq!(m.value(&path("a[0]")), Some(pos(4, 9)));
        assert_eq!(m.value(&path("b.x")), Some(pos(3, 30)));
        assert_eq!(m.value(&path("c[0].k")), Some(pos(5, 31)));
        assert_eq!(m.keys(&path("b")), vec!["x", "y"]);
        // The same key in different objects is not a duplicate.
        assert!(scan(r#"[{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}]"#)
            .duplicate_keys()
            .is_empty());
    }

    #[test]
    fn duplicate_key_paths_inside_arrays_and_odd_keys() {
        let m = scan(r#"{"list": [0, {"in": [[{"z": 1, "z": 2}]]}], "$s": {"q q": 1, "q q": 2}}"#);
        let paths: Vec<String> = m
            .duplicate_keys()
            .iter()
            .map(|d| d.path.to_string())
            .collect();
        assert_eq!(paths, vec!["list[1].in[0][0].z", "[\"$s\"][\"q q\"]"]);
    }

    #[test]
    fn error_missing_comma_at_next_token() {
        assert_error(
            "{\"a\": 1\n \"b\": 2}",
            2,
            2,
            "a comma or a closing } is missing before this",
        );
        assert_error(
            "[1 2]",
            1,
            4,
            "a comma or a closing ] is missing before this",
        );
        assert_error(
            "[\"a\"\n\n    {}]",
            3,
            5,
            "a comma or a closing ] is missing before this",
        );
        assert_error(
            "{\"a\": {} \"b\": 1}",
            1,
            10,
            "a comma or a closing } is missing before this",
        );
        assert_error(
            "{\"a\": 1 x}",
            1,
            9,
            "a comma or a closing } is missing before this",
        );
    }

    #[test]
    fn error_missing_colon() {
        assert_error(
            "{\"a\" 1}",
            1,
            6,
            "a colon : is missing after the key \"a\"",
        );
        assert_error(
            "{\n  \"a\"\n  \"b\"}",
            3,
            3,
            "a colon : is missing after the key \"a\"",
        );
        assert_error(
            "{\"a\" = 1}",
            1,
            6,
            "write a colon : between a key and its value, not =",
        );
    }

    #[test]
    fn error_unclosed_text_at_opening_quote() {
        assert_error("{\"a\": \"abc", 1, 7, "this text is not closed with a \"");
        assert_error("[\"abc\\", 1, 2, "this text is not closed with a \"");
        assert_error(
            "{\n  \"title\": \"Hello,\n  \"next\": 1}",
            2,
            12,
            UNCLOSED_LINE,
        );
        assert_error("{\"ke", 1, 2, "this text is not closed with a \"");
        assert_error("[\"a\\\nb\"]", 1, 2, UNCLOSED_LINE);
    }

    #[test]
    fn error_trailing_comma_at_the_comma() {
        assert_error(
            "[1, 2, ]",
            1,
            6,
            "there is a comma before the closing ]: JSON does not allow it",
        );
        assert_error(
            "{\"a\": 1,\n}",
            1,
            8,
            "there is a comma before the closing }: JSON does not allow it",
        );
        assert_error(
            "{\"a\": [1,\n\n  ]}",
            1,
            9,
            "there is a comma before the closing ]: JSON does not allow it",
        );
    }

    #[test]
    fn error_comments() {
        assert_error(
            "{\n  // note\n  \"a\": 1}",
            2,
            3,
            "JSON does not allow comments",
        );
        assert_error("[1, /* two */ 2]", 1, 5, "JSON does not allow comments");
        assert_error("[1 // one\n]", 1, 4, "JSON does not allow comments");
        assert_error("{\"a\" /* */: 1}", 1, 6, "JSON does not allow comments");
        assert_error("{\"a\": 1} // end", 1, 10, "JSON does not allow comments");
        assert_error("// start\n{}", 1, 1, "JSON does not allow comments");
    }

    #[test]
    fn error_end_of_file_position() {
        assert_error(
            "{\"a\": [1, 2",
            1,
            12,
            "the file ends before the JSON is complete: the [ on line 1, column 7 is never closed",
        );
        assert_error(
            "{\"a\": 1,\n",
            2,
            1,
            "the file ends before the JSON is complete: the { on line 1, column 1 is never closed",
        );
        assert_error(
            "{\"a\":",
            1,
            6,
            "the file ends before the JSON is complete: the { on line 1, column 1 is never closed",
        );
        assert_error(
            "{\"a\"  ",
            1,
            7,
            "the file ends before the JSON is complete: the { on line 1, column 1 is never closed",
        );
        assert_error(
            "[\n  [\n",
            3,
            1,
            "the file ends before the JSON is complete: the [ on line 2, column 3 is never closed",
        );
        assert_error(
            "{",
            1,
            2,
            "the file ends before the JSON is complete: the { on line 1, column 1 is never closed",
        );
        assert_error("\"é\"é", 1, 4, "unexpected text after the end of the JSON");
        assert_error("", 1, 1, EMPTY);
        assert_error("  \n ", 2, 2, EMPTY);
        assert_error("\u{feff}", 1, 1, EMPTY);
    }

    #[test]
    fn error_text_after_the_end() {
        assert_error("{} {}", 1, 4, "unexpected text after the end of the JSON");
        assert_error(
            "{\"a\": 1}}",
            1,
            9,
            "unexpected text after the end of the JSON",
        );
        assert_error(
            "[1]\n\n,",
            3,
            1,
            "unexpected text after the end of the JSON",
        );
        assert_error("1 2", 1, 3, "unexpected text after the end of the JSON");
    }

    #[test]
    fn error_keys_must_be_quoted() {
        assert_error("{a: 1}", 1, 2, "a key must be a text in double quotes");
        assert_error(
            "{\"a\": 1, b: 2}",
            1,
            10,
            "a key must be a text in double quotes",
        );
        assert_error("{1: 2}", 1, 2, "a key must be a text in double quotes");
        assert_error("{'a': 1}", 1, 2, KEY_SINGLE);
        assert_error("{“a”: 1}", 1, 2, CURLY);
        assert_error(
            "{\"a\": 1, ]",
            1,
            10,
            "this ] does not match the { on line 1, column 1: a closing } is missing before it",
        );
    }

    #[test]
    fn error_bad_values() {
        assert_error("{\"a\": }", 1, 7, VALUE_MISSING);
        assert_error("[1,,2]", 1, 4, VALUE_MISSING);
        assert_error("[,]", 1, 2, VALUE_MISSING);
        assert_error("{\"a\": 'x'}", 1, 7, SINGLE);
        assert_error("{\"a\": “x”}", 1, 7, CURLY);
        assert_error("[hello]", 1, 2, BARE_WORD);
        assert_error("[truex]", 1, 2, BARE_WORD);
        assert_error("[nul]", 1, 2, BARE_WORD);
        assert_error("[éa]", 1, 2, BARE_WORD);
        assert_error("[True]", 1, 2, LOWER_CASE);
        assert_error("[NULL]", 1, 2, LOWER_CASE);
        assert_error("[NaN]", 1, 2, NAN);
        assert_error("[Infinity]", 1, 2, NAN);
        assert_error("[-Infinity]", 1, 2, NAN);
        assert_error("[1,\n #]", 2, 2, "unexpected character '#' where a value should be (a text in double quotes, a number, true, false, null, { or [)");
        assert_error("[\u{1}]", 1, 2, "unexpected character U+0001 where a value should be (a text in double quotes, a number, true, false, null, { or [)");
        assert_error("[1,\u{a0}2]", 1, 4, "there is an unusual invisible character here (U+00A0): JSON allows only ordinary spaces, tabs and line breaks between values");
        assert_error("[1\u{a0}]", 1, 3, "there is an unusual invisible character here (U+00A0): JSON allows only ordinary spaces, tabs and line breaks between values");
        assert_error("]", 1, 1, "this ] has no opening [ before it");
        assert_error(
            "[}",
            1,
            2,
            "this } does not match the [ on line 1, column 1: a closing ] is missing before it",
        );
        assert_error(
            "{\"a\": [1, 2}",
            1,
            12,
            "this } does not match the [ on line 1, column 7: a closing ] is missing before it",
        );
        assert_error("[/]", 1, 2, "unexpected character '/' where a value should be (a text in double quotes, a number, true, false, null, { or [)");
    }

    #[test]
    fn error_bad_numbers_at_their_start() {
        assert_error("[01]", 1, 2, LEADING_ZERO);
        assert_error("[-01]", 1, 2, LEADING_ZERO);
        assert_error("[1.]", 1, 2, NO_FRACTION);
        assert_error("[ 1.e5]", 1, 3, NO_FRACTION);
        assert_error("[.5]", 1, 2, NO_INTEGER);
        assert_error("[-.5]", 1, 2, NO_INTEGER);
        assert_error("[+1]", 1, 2, PLUS);
        assert_error("{\"phone\": 1582 548156}", 1, 11, SPACED);
        assert_error("{\"phone\": 01582 548156}", 1, 11, LEADING_ZERO);
        assert_error("[-]", 1, 2, MINUS_ALONE);
        assert_error("[- 1]", 1, 2, MINUS_ALONE);
        assert_error("[1e]", 1, 2, NO_EXPONENT);
        assert_error("[1E+]", 1, 2, NO_EXPONENT);
        assert_error("[0x1F]", 1, 2, BAD_NUMBER);
        assert_error("[1.2.3]", 1, 2, BAD_NUMBER);
        assert_error("[12abc]", 1, 2, BAD_NUMBER);
        assert_error("-", 1, 1, MINUS_ALONE);
        for ok in [
            "0",
            "-0",
            "10",
            "1.5",
            "-1.25e+10",
            "2E-3",
            "0e0",
            "123456789012345678901234567890",
        ] {
            assert_eq!(scan(ok).value(&JsonPath::root()), Some(pos(1, 1)), "{ok}");
        }
    }

    #[test]
    fn error_inside_texts() {
        assert_error("[\"a\tb\"]", 1, 4, TAB);
        assert_error(
            "[\"a\u{1}\"]",
            1,
            4,
            "a control character (U+0001) cannot be written inside a text: write it as \\u0001",
        );
        assert_error(
            "[\"C:\\Users\"]",
            1,
            5,
            "\\U is not a valid escape in a text: to write a backslash, write \\\\",
        );
        assert_error(
            "[\"\\é\"]",
            1,
            3,
            "\\é is not a valid escape in a text: to write a backslash, write \\\\",
        );
        assert_error("[\"ab\\u12G4\"]", 1, 5, BAD_U);
        assert_error("[\"\\u12\"]", 1, 3, BAD_U);
        assert_error("[\"\\u", 1, 3, BAD_U);
        // Surrogates without their other half are errors, as serde_json has it.
        assert_error("[\"\\ud800\"]", 1, 3, LONE_HIGH);
        assert_error("[\"x\\ud800\\u0041\"]", 1, 4, LONE_HIGH);
        assert_error("[\"\\udc00\"]", 1, 3, LONE_LOW);
        assert_error("[\"\\ud800\\u00\"]", 1, 9, BAD_U);
        assert_error("{\"\\ud800\": 1}", 1, 3, LONE_HIGH);
        // Non-ASCII text is fine, as are escapes in values.
        scan("[\"é\\u00e9\\ud83d\\ude00 € \\\" \\\\ \\/\"]");
    }

    #[test]
    fn nesting_depth() {
        // 127 levels, as serde_json allows; the 128th bracket is refused.
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        let m = scan(&ok);
        assert!(serde_json::from_str::<serde_json::Value>(&ok).is_ok());
        let deep = JsonPath(vec![Seg::Index(0); 126]);
        assert_eq!(m.value(&deep), Some(pos(1, 127)));
        let too_deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(serde_json::from_str::<serde_json::Value>(&too_deep).is_err());
        assert_error(&too_deep, 1, 128, TOO_DEEP);
        let objects = format!("{}1{}", "{\"a\":".repeat(128), "}".repeat(128));
        assert_error(&objects, 1, 1 + 127 * 5, TOO_DEEP);
    }

    #[test]
    fn very_deep_input_is_an_error_not_a_stack_overflow() {
        let text = "[".repeat(100_000);
        assert_error(&text, 1, 128, TOO_DEEP);
        let text = "{\"a\":".repeat(100_000);
        assert_eq!(error(&text).message, TOO_DEEP);
    }

    #[test]
    fn many_values_on_one_line() {
        // Columns on a long single line are counted in one pass and stay right.
        let n = 20_000;
        let mut text = String::from("[");
        let mut columns = Vec::new();
        let mut col = 2u32;
        for i in 0..n {
            if i > 0 {
                text.push_str(", ");
                col += 2;
            }
            columns.push(col);
            let item = if i % 2 == 0 {
                "\"é\"".to_string()
            } else {
                i.to_string()
            };
            col += item.chars().count() as u32;
            text.push_str(&item);
        }
        text.push(']');
        let m = scan(&text);
        for (i, c) in columns.iter().enumerate() {
            assert_eq!(
                m.value(&JsonPath::root().index(i)),
                Some(pos(1, *c)),
                "item {i}"
            );
        }
        // An error far along the line reports the right column.
        let bad = format!("{},]", &text[..text.len() - 1]);
        assert_eq!(error(&bad).pos, pos(1, col));
    }

    #[test]
    fn large_object_lookups() {
        let n = 5000;
        let body: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{\n{}\n}}", body.join(",\n"));
        let m = scan(&text);
        for i in (0..n).step_by(97) {
            assert_eq!(
                m.key(&JsonPath::root().key(&format!("k{i}"))),
                Some(pos(i as u32 + 2, 1))
            );
        }
        assert_eq!(m.keys(&JsonPath::root()).len(), n);
        assert_eq!(m.keys(&JsonPath::root())[4321], "k4321");
        assert!(m.duplicate_keys().is_empty());
    }

    #[test]
    fn never_panics_on_odd_input() {
        // Every prefix of a varied document, and every single-byte change to it.
        let doc = "\u{feff}{\"a\\u00e9\": [1, -2.5e+3, true, false, null, \"\\ud83d\\ude00\"],\r\n \"é\": {\"\": {}}, \"z\": \"\\\\\"}";
        for end in 0..=doc.len() {
            if doc.is_char_boundary(end) {
                let _ = parse(&doc[..end]);
            }
        }
        let replacements = [
            '"', '\\', '{', '}', '[', ']', ',', ':', 'u', 'd', '0', '-', 'e', '.', ' ', '\n', '/',
            'é', '\u{1}',
        ];
        for (i, _) in doc.char_indices() {
            for r in replacements {
                let mut s = String::with_capacity(doc.len() + 4);
                s.push_str(&doc[..i]);
                s.push(r);
                s.push_str(&doc[i + doc[i..].chars().next().unwrap().len_utf8()..]);
                if let Ok(doc) = parse(&s) {
                    let _ = doc.nearest(&path("a.b[0]"));
                    let _ = duplicate_keys(&doc.value);
                }
            }
        }
    }

    #[test]
    fn agrees_with_itself_on_positions() {
        // Every recorded value position points at a character that can start a value,
        // and every key position at a quote.
        let m = scan(DOC);
        let lines: Vec<Vec<char>> = DOC.lines().map(|l| l.chars().collect()).collect();
        let at = |p: Pos| lines[p.line as usize - 1][p.column as usize - 1];
        let mut stack = vec![JsonPath::root()];
        while let Some(p) = stack.pop() {
            let v = m.value(&p).unwrap();
            assert!(
                matches!(at(v), '{' | '[' | '"' | '-' | '0'..='9' | 't' | 'f' | 'n'),
                "{p}"
            );
            if let Some(k) = m.key(&p) {
                assert_eq!(at(k), '"', "{p}");
            }
            for k in m.keys(&p) {
                stack.push(p.key(&k));
            }
            let mut i = 0;
            while m.value(&p.index(i)).is_some() {
                stack.push(p.index(i));
                i += 1;
            }
        }
    }

    #[test]
    fn orders_members_by_key_then_as_written() {
        let doc =
            parse(r#"{"b": 1, "a": 2, "c": 3, "a": 4, "b": 5, "": 6, "a": 7}"#).expect("json");
        let Json::Object(members) = &doc.value else {
            panic!("an object")
        };
        assert_eq!(by_key(members), [5, 1, 3, 6, 0, 4, 2]);
        assert_eq!(by_key(&[]), Vec::<usize>::new());
    }

    #[test]
    fn the_words_of_the_commonest_errors() {
        assert_error(
            "[1",
            1,
            3,
            &format!("{EOF}: the [ on line 1, column 1 is never closed"),
        );
        assert_error("\"ab", 1, 1, UNCLOSED);
        assert_error("[1] // x", 1, 5, COMMENTS);
        assert_error("[1] 2", 1, 5, AFTER_END);
        assert_error("{a: 1}", 1, 2, KEY_QUOTES);
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

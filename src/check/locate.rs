//! Where every value and key of a JSON document starts, as a line and column; and the
//! problems serde would hide or word poorly: syntax errors (in plain English, at a useful
//! place) and keys written twice in the same object.
//!
//! The scanner is strict JSON (RFC 8259), iterative (an explicit stack, never recursion)
//! and linear in the size of the text.
//!
//! Choices a caller should know:
//!
//! - Lines: `\n`, `\r\n` and a lone `\r` each end a line. Columns count characters
//!   (Unicode scalar values) from 1; a tab counts as one. A UTF-8 byte order mark at the
//!   start is skipped and not counted.
//! - A key written twice: [`SourceMap::key`] and
//!   [`SourceMap::nearest`] give the *last* occurrence, the one `serde_json` keeps (last
//!   one wins); each later occurrence is listed in [`SourceMap::duplicate_keys`] with the
//!   first.
//! - A `\u` escape that is half of a UTF-16 surrogate pair without its other half
//!   (`"\ud800"`) is a [`SyntaxError`], as `serde_json` rejects it when reading a text.
//! - Nesting: at most 127 levels of `{`/`[`; the 128th opening bracket is a
//!   [`SyntaxError`]. (`serde_json` itself stops at 127 levels.)

use super::path::{JsonPath, Seg};

/// A line and column, both counted from 1; the column counts characters (Unicode scalar
/// values), not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The line, from 1.
    pub line: u32,
    /// The column, from 1, in characters.
    pub column: u32,
}

/// A JSON syntax error in the document, with its place and a plain-English message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// A key written twice in the same object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuplicateKey {
    /// The path of the key (the same for both occurrences).
    pub path: JsonPath,
    /// Where the key is first written.
    pub first: Pos,
    /// Where it is written again (a key written three times gives two entries, each with
    /// the first occurrence).
    pub second: Pos,
}

/// The deepest nesting of objects and arrays accepted.
const MAX_DEPTH: usize = 127;

/// No container: the node is a text, number, true, false or null.
const NONE: u32 = u32::MAX;

/// One value of the document.
struct Node {
    value: Pos,
    /// Where its key starts, for a member of an object.
    key: Option<Pos>,
    /// Its index in `SourceMap::containers`, or `NONE`.
    container: u32,
}

/// An object or array. Its parts are stored in arenas shared by the whole document, so
/// that scanning makes few allocations.
struct Container {
    is_object: bool,
    /// For an array: `items[start..start + len]`. For an object: `members[start..start +
    /// len]` in document order (with any repeats), and `by_key[start..start + len]`, the
    /// indices (from `start`) of those members sorted by key, members with the same key in
    /// document order.
    start: u32,
    len: u32,
}

/// A member of an object: its key, as `names[name..name + name_len]`, and its value.
#[derive(Clone, Copy)]
struct Member {
    name: u32,
    name_len: u32,
    node: u32,
}

/// The key of a member.
fn member_name<'n>(names: &'n str, m: &Member) -> &'n str {
    let start = m.name as usize;
    names.get(start..start + m.name_len as usize).unwrap_or("")
}

/// Where every value and every key of a JSON document starts.
pub(crate) struct SourceMap {
    /// `nodes[0]` is the whole document.
    nodes: Vec<Node>,
    containers: Vec<Container>,
    /// The items of every array.
    items: Vec<u32>,
    /// The members of every object.
    members: Vec<Member>,
    by_key: Vec<u32>,
    /// The decoded keys of every member, one after the other.
    names: String,
    duplicates: Vec<DuplicateKey>,
}

impl std::fmt::Debug for SourceMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceMap")
            .field("values", &self.nodes.len())
            .field("duplicate_keys", &self.duplicates)
            .finish()
    }
}

impl SourceMap {
    /// Scan a whole document. Strict JSON (RFC 8259): no comments, no trailing commas, no
    /// single quotes, no NaN. A UTF-8 BOM at the start is skipped. At most 127 levels of
    /// nesting. Returns the first syntax error, if any.
    ///
    /// Where errors are reported: a missing comma or colon at the start of the token found
    /// instead; a text not closed at its opening `"`; a trailing comma at the comma; a bad
    /// escape at its `\`; a bad number or bare word at its first character; the end of the
    /// file at the position just after the last character.
    pub(crate) fn scan(text: &str) -> Result<SourceMap, SyntaxError> {
        if u32::try_from(text.len()).is_err() {
            return Err(SyntaxError {
                pos: Pos { line: 1, column: 1 },
                message: "the file is too large (more than 4 GB)".to_owned(),
            });
        }
        let mut s = Scanner::new(text);
        s.run()?;
        let mut m = s.map;
        m.duplicates.sort_by_key(|d| d.second);
        Ok(m)
    }

    #[cfg(test)]
    /// Where the value at this path starts (the `{`, `[`, `"`, digit or `-`, `t`/`f`/`n`).
    pub(crate) fn value(&self, path: &JsonPath) -> Option<Pos> {
        self.find(path).map(|n| self.nodes[n as usize].value)
    }

    /// Where the key of the member at this path starts (its opening `"`); only for
    /// members of objects.
    pub(crate) fn key(&self, path: &JsonPath) -> Option<Pos> {
        self.find(path).and_then(|n| self.nodes[n as usize].key)
    }

    /// The best place for a path: its value, else the nearest ancestor that exists (for a
    /// missing field: the parent object), with the path of what was found.
    pub(crate) fn nearest(&self, path: &JsonPath) -> (Pos, JsonPath) {
        let mut node = 0u32;
        let mut depth = 0;
        for seg in &path.0 {
            match self.child(node, seg) {
                Some(c) => {
                    node = c;
                    depth += 1;
                }
                None => break,
            }
        }
        (
            self.nodes[node as usize].value,
            JsonPath(path.0[..depth].to_vec()),
        )
    }

    /// Each key written twice in the same object, in the order of the repeats in the
    /// document.
    pub(crate) fn duplicate_keys(&self) -> &[DuplicateKey] {
        &self.duplicates
    }

    #[cfg(test)]
    /// Keys of the object at this path, in document order, each once (empty if not an
    /// object).
    pub(crate) fn keys(&self, path: &JsonPath) -> Vec<String> {
        let Some((members, by_key)) = self.find(path).and_then(|n| self.object(n)) else {
            return Vec::new();
        };
        members
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                // Only the first occurrence of each key.
                let k = self.name(m);
                let first = by_key.partition_point(|&j| self.name(&members[j as usize]) < k);
                by_key.get(first).is_some_and(|&j| j as usize == *i)
            })
            .map(|(_, m)| self.name(m).to_owned())
            .collect()
    }

    /// The node at this path.
    fn find(&self, path: &JsonPath) -> Option<u32> {
        let mut node = 0u32;
        for seg in &path.0 {
            node = self.child(node, seg)?;
        }
        Some(node)
    }

    fn name(&self, m: &Member) -> &str {
        member_name(&self.names, m)
    }

    fn container(&self, node: u32) -> Option<&Container> {
        let c = self.nodes.get(node as usize)?.container;
        self.containers.get(c as usize)
    }

    /// The members of an object node, and their order by key.
    fn object(&self, node: u32) -> Option<(&[Member], &[u32])> {
        let c = self.container(node)?;
        let range = c.start as usize..c.start as usize + c.len as usize;
        if !c.is_object {
            return None;
        }
        Some((self.members.get(range.clone())?, self.by_key.get(range)?))
    }

    /// One step down from a node; for a key written more than once, the last occurrence.
    fn child(&self, node: u32, seg: &Seg) -> Option<u32> {
        match seg {
            Seg::Index(i) => {
                let c = self.container(node)?;
                if c.is_object || *i >= c.len as usize {
                    return None;
                }
                self.items.get(c.start as usize + i).copied()
            }
            Seg::Key(k) => {
                let (members, by_key) = self.object(node)?;
                let k = k.as_str();
                let end = by_key.partition_point(|&j| self.name(&members[j as usize]) <= k);
                let last = &members[*by_key.get(end.checked_sub(1)?)? as usize];
                (self.name(last) == k).then_some(last.node)
            }
        }
    }
}

// The messages, in plain English.
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

/// Open objects and arrays while scanning.
struct Frame {
    /// `{` or `[`.
    open_char: char,
    open: Pos,
    /// Its index in `containers`.
    container: u32,
    is_object: bool,
    /// Where its items or members start on the scanner's `open_items` or `open_members`.
    first: usize,
    /// How many items or members so far.
    count: usize,
}

/// What the scanner expects next.
enum State {
    /// A value (ws skipped), with its key and the key's place if it is a member.
    Value(Option<(Member, Pos)>),
    /// Just after a `{` or `[`.
    Opened,
    /// Just after a complete value.
    AfterValue,
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    /// Where the document starts (after a BOM).
    start: usize,
    line: u32,
    line_start: usize,
    /// A byte offset on the current line and its column, to count columns in one pass.
    col_byte: usize,
    col: u32,
    /// What has been read.
    map: SourceMap,
    frames: Vec<Frame>,
    /// The items and members of the open arrays and objects, innermost last.
    open_items: Vec<u32>,
    open_members: Vec<Member>,
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether a byte is not the first byte of a UTF-8 character.
fn is_continuation(c: u8) -> bool {
    c & 0xC0 == 0x80
}

/// A character as written in a message.
fn describe(c: char) -> String {
    if c.is_control() || c.is_whitespace() || is_odd_space(c) {
        format!("U+{:04X}", c as u32)
    } else {
        format!("'{c}'")
    }
}

/// Space characters that are not JSON whitespace, often pasted in from documents.
fn is_odd_space(c: char) -> bool {
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

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Scanner {
            text,
            b: text.as_bytes(),
            i: start,
            start,
            line: 1,
            line_start: start,
            col_byte: start,
            col: 1,
            map: SourceMap {
                nodes: Vec::new(),
                containers: Vec::new(),
                items: Vec::new(),
                members: Vec::new(),
                by_key: Vec::new(),
                names: String::new(),
                duplicates: Vec::new(),
            },
            frames: Vec::new(),
            open_items: Vec::new(),
            open_members: Vec::new(),
        }
    }

    /// Skip JSON whitespace, counting lines.
    fn skip_ws(&mut self) {
        let b = self.b;
        let mut i = self.i;
        while let Some(&c) = b.get(i) {
            match c {
                b' ' | b'\t' => i += 1,
                b'\n' | b'\r' => {
                    i += if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    self.line = self.line.saturating_add(1);
                    self.line_start = i;
                    self.col_byte = i;
                    self.col = 1;
                }
                _ => break,
            }
        }
        self.i = i;
    }

    /// The place of a byte offset on the current line at or after the last one asked for.
    fn pos_here(&mut self, at: usize) -> Pos {
        if at < self.col_byte {
            self.col_byte = self.line_start;
            self.col = 1;
        }
        let n = self.b[self.col_byte..at]
            .iter()
            .filter(|&&c| !is_continuation(c))
            .count();
        self.col = self.col.saturating_add(to_u32(n));
        self.col_byte = at;
        Pos {
            line: self.line,
            column: self.col,
        }
    }

    /// The place of any byte offset, counted from the start (for errors only).
    fn pos_anywhere(&self, at: usize) -> Pos {
        let b = self.b;
        let at = at.min(b.len());
        let mut line = 1u32;
        let mut line_start = self.start;
        let mut i = self.start;
        while i < at {
            match b[i] {
                b'\n' => {
                    line = line.saturating_add(1);
                    line_start = i + 1;
                }
                b'\r' if b.get(i + 1) != Some(&b'\n') => {
                    line = line.saturating_add(1);
                    line_start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        let line_start = line_start.min(at);
        let n = b[line_start..at]
            .iter()
            .filter(|&&c| !is_continuation(c))
            .count();
        Pos {
            line,
            column: to_u32(n).saturating_add(1),
        }
    }

    fn err(&self, at: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            pos: self.pos_anywhere(at),
            message: message.into(),
        }
    }

    /// The character starting at a byte offset (which is on a character boundary).
    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|s| s.chars().next())
    }

    /// The file ends too early.
    fn eof(&self) -> SyntaxError {
        let message = match self.frames.last() {
            Some(f) => format!(
                "{EOF}: the {} on line {}, column {} is never closed",
                f.open_char, f.open.line, f.open.column
            ),
            None => EOF.to_owned(),
        };
        self.err(self.b.len(), message)
    }

    /// An error at an unexpected character: comments and odd spaces have their own
    /// messages; otherwise `message`.
    fn unexpected(&self, at: usize, message: &str) -> SyntaxError {
        let Some(c) = self.char_at(at) else {
            return self.eof();
        };
        if c == '/' && matches!(self.b.get(at + 1), Some(b'/' | b'*')) {
            return self.err(at, COMMENTS);
        }
        if is_odd_space(c) {
            return self.err(
                at,
                format!(
                    "there is an unusual invisible character here ({}): JSON allows only ordinary spaces, tabs and line breaks between values",
                    describe(c)
                ),
            );
        }
        self.err(at, message)
    }

    /// A closing bracket that does not close the innermost open one.
    fn mismatch(&self, at: usize, found: u8) -> SyntaxError {
        match self.frames.last() {
            Some(f) => self.err(
                at,
                format!(
                    "this {} does not match the {} on line {}, column {}: a closing {} is missing before it",
                    found as char,
                    f.open_char,
                    f.open.line,
                    f.open.column,
                    if f.open_char == '{' { '}' } else { ']' }
                ),
            ),
            None => self.err(at, format!("this {} has no opening {} before it", found as char, if found == b'}' { '{' } else { '[' })),
        }
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        self.skip_ws();
        if self.i >= self.b.len() {
            return Err(self.err(self.i, EMPTY));
        }
        let mut state = State::Value(None);
        loop {
            state = match state {
                State::Value(key) => {
                    if self.value(key)? {
                        State::Opened
                    } else {
                        State::AfterValue
                    }
                }
                State::Opened => {
                    self.skip_ws();
                    let is_object = self.frames.last().is_some_and(|f| f.is_object);
                    let close = if is_object { b'}' } else { b']' };
                    if self.b.get(self.i) == Some(&close) {
                        self.i += 1;
                        self.close();
                        State::AfterValue
                    } else if is_object {
                        State::Value(Some(self.member_key()?))
                    } else {
                        State::Value(None)
                    }
                }
                State::AfterValue => {
                    self.skip_ws();
                    let Some(top) = self.frames.last() else {
                        if self.i < self.b.len() {
                            return Err(self.unexpected(self.i, AFTER_END));
                        }
                        return Ok(());
                    };
                    let is_object = top.is_object;
                    let close = if is_object { b'}' } else { b']' };
                    match self.b.get(self.i) {
                        None => return Err(self.eof()),
                        Some(&b',') => {
                            let comma = self.i;
                            self.i += 1;
                            self.skip_ws();
                            if self.b.get(self.i) == Some(&close) {
                                return Err(self.err(
                                    comma,
                                    format!(
                                        "there is a comma before the closing {}: JSON does not allow it",
                                        close as char
                                    ),
                                ));
                            }
                            if is_object {
                                State::Value(Some(self.member_key()?))
                            } else {
                                State::Value(None)
                            }
                        }
                        Some(&c) if c == close => {
                            self.i += 1;
                            self.close();
                            State::AfterValue
                        }
                        Some(&c @ (b'}' | b']')) => return Err(self.mismatch(self.i, c)),
                        Some(_) => {
                            let message = format!(
                                "a comma or a closing {} is missing before this",
                                close as char
                            );
                            return Err(self.unexpected(self.i, &message));
                        }
                    }
                }
            }
        }
    }

    /// Read the key of a member, its colon and the whitespace after it. At the key's
    /// first character.
    fn member_key(&mut self) -> Result<(Member, Pos), SyntaxError> {
        let at = self.i;
        match self.b.get(at) {
            None => return Err(self.eof()),
            Some(b'"') => {}
            Some(b'\'') => return Err(self.err(at, KEY_SINGLE)),
            Some(&c @ b']') => return Err(self.mismatch(at, c)),
            Some(_) => {
                if matches!(self.char_at(at), Some('“' | '”' | '„' | '«' | '‘' | '’')) {
                    return Err(self.err(at, CURLY));
                }
                return Err(self.unexpected(at, KEY_QUOTES));
            }
        }
        let pos = self.pos_here(at);
        let name_start = self.map.names.len();
        self.string(true)?;
        let member = Member {
            name: to_u32(name_start),
            name_len: to_u32(self.map.names.len() - name_start),
            node: NONE,
        };
        self.skip_ws();
        match self.b.get(self.i) {
            Some(b':') => self.i += 1,
            None => return Err(self.eof()),
            Some(b'=') => {
                return Err(self.err(self.i, "write a colon : between a key and its value, not ="))
            }
            Some(_) => {
                let name = &self.map.names[name_start..];
                let message = format!(
                    "a colon : is missing after the key \"{}\"",
                    name.escape_debug()
                );
                return Err(self.unexpected(self.i, &message));
            }
        }
        self.skip_ws();
        Ok((member, pos))
    }

    /// Read a value (whitespace already skipped); for `{` and `[`, only open it. Returns
    /// whether it opened an object or array.
    fn value(&mut self, key: Option<(Member, Pos)>) -> Result<bool, SyntaxError> {
        let at = self.i;
        let Some(&c) = self.b.get(at) else {
            return Err(self.eof());
        };
        // Check the first character before recording anything.
        match c {
            b'{' | b'[' => {
                if self.frames.len() >= MAX_DEPTH {
                    return Err(self.err(at, TOO_DEEP));
                }
            }
            b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {}
            _ => return Err(self.bad_value_start(at)),
        }
        let pos = self.pos_here(at);
        let id = to_u32(self.map.nodes.len());
        let opened = c == b'{' || c == b'[';
        let container = if opened {
            to_u32(self.map.containers.len())
        } else {
            NONE
        };
        if opened {
            // Filled in when it closes.
            self.map.containers.push(Container {
                is_object: c == b'{',
                start: 0,
                len: 0,
            });
        }
        self.map.nodes.push(Node {
            value: pos,
            key: key.as_ref().map(|k| k.1),
            container,
        });
        if let Some(top) = self.frames.last_mut() {
            top.count += 1;
            match key {
                Some((member, _)) => self.open_members.push(Member { node: id, ..member }),
                None => self.open_items.push(id),
            }
        }
        match c {
            b'{' | b'[' => {
                self.i += 1;
                let is_object = c == b'{';
                let first = if is_object {
                    self.open_members.len()
                } else {
                    self.open_items.len()
                };
                self.frames.push(Frame {
                    open_char: c as char,
                    open: pos,
                    container,
                    is_object,
                    first,
                    count: 0,
                });
            }
            b'"' => {
                self.string(false)?;
            }
            b'-' | b'0'..=b'9' => self.number()?,
            _ => self.word()?,
        }
        Ok(opened)
    }

    /// The error for a character that cannot start a value.
    fn bad_value_start(&self, at: usize) -> SyntaxError {
        let c = self.b[at];
        match c {
            b',' | b':' => self.err(at, VALUE_MISSING),
            b'}' | b']' => {
                let matches_top = match self.frames.last() {
                    Some(f) => (f.open_char == '{') == (c == b'}'),
                    None => false,
                };
                if matches_top {
                    self.err(at, VALUE_MISSING)
                } else {
                    self.mismatch(at, c)
                }
            }
            b'\'' => self.err(at, SINGLE),
            b'.' => self.err(at, NO_INTEGER),
            b'+' => self.err(at, PLUS),
            _ if c.is_ascii_alphabetic() => self.word_error(at),
            _ => {
                let ch = self.char_at(at).unwrap_or('\u{fffd}');
                if matches!(ch, '“' | '”' | '„' | '«' | '‘' | '’') {
                    return self.err(at, CURLY);
                }
                if ch.is_alphabetic() {
                    return self.err(at, BARE_WORD);
                }
                let message = format!(
                    "unexpected character {} where a value should be (a text in double quotes, a number, true, false, null, {{ or [)",
                    describe(ch)
                );
                self.unexpected(at, &message)
            }
        }
    }

    /// Read `true`, `false` or `null`, or report the bare word found instead.
    fn word(&mut self) -> Result<(), SyntaxError> {
        let at = self.i;
        let len = self.word_len(at);
        match &self.text[at..at + len] {
            "true" | "false" | "null" => {
                self.i = at + len;
                Ok(())
            }
            _ => Err(self.word_error(at)),
        }
    }

    /// The length of the ASCII word at a byte offset.
    fn word_len(&self, at: usize) -> usize {
        self.b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count()
    }

    /// The error for a bare word that is not `true`, `false` or `null`.
    fn word_error(&self, at: usize) -> SyntaxError {
        let w = &self.text[at..at + self.word_len(at)];
        if ["true", "false", "null"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(w))
        {
            self.err(at, LOWER_CASE)
        } else if ["nan", "infinity", "inf"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(w))
        {
            self.err(at, NAN)
        } else {
            self.err(at, BARE_WORD)
        }
    }

    /// Read a number (at its `-` or first digit).
    fn number(&mut self) -> Result<(), SyntaxError> {
        let b = self.b;
        let start = self.i;
        let mut i = start;
        let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if b[i] == b'-' {
            i += 1;
            match b.get(i) {
                Some(b'0'..=b'9') => {}
                Some(b'.') => return Err(self.err(start, NO_INTEGER)),
                Some(b'I' | b'i' | b'N' | b'n') => {
                    let w = b[i..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .count();
                    let w = &self.text[i..i + w];
                    if ["infinity", "inf", "nan"]
                        .iter()
                        .any(|k| k.eq_ignore_ascii_case(w))
                    {
                        return Err(self.err(start, NAN));
                    }
                    return Err(self.err(start, MINUS_ALONE));
                }
                _ => return Err(self.err(start, MINUS_ALONE)),
            }
        }
        if b[i] == b'0' {
            i += 1;
            if matches!(b.get(i), Some(b'0'..=b'9')) {
                return Err(self.err(start, LEADING_ZERO));
            }
        } else {
            i += digits(i);
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            let n = digits(i);
            if n == 0 {
                return Err(self.err(start, NO_FRACTION));
            }
            i += n;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let n = digits(i);
            if n == 0 {
                return Err(self.err(start, NO_EXPONENT));
            }
            i += n;
        }
        if matches!(b.get(i), Some(c) if c.is_ascii_alphanumeric() || *c == b'.' || *c == b'_') {
            return Err(self.err(start, BAD_NUMBER));
        }
        // A member's value of digits, a space and more digits: a phone number written without
        // its quotes. (In a list, "[1 2]", a comma is missing: that message stays.)
        let spaces = b[i..].iter().take_while(|c| **c == b' ').count();
        let in_object = self.frames.last().is_some_and(|f| f.is_object);
        if in_object && spaces > 0 && matches!(b.get(i + spaces), Some(b'0'..=b'9')) {
            return Err(self.err(start, SPACED));
        }
        self.i = i;
        Ok(())
    }

    /// Read a text (at its opening `"`); with `decode`, add what it says to `names`.
    fn string(&mut self, decode: bool) -> Result<(), SyntaxError> {
        let b = self.b;
        let text = self.text;
        let open = self.i;
        let mut i = open + 1;
        let mut chunk = i;
        loop {
            let Some(&c) = b.get(i) else {
                return Err(self.err(open, UNCLOSED));
            };
            match c {
                b'"' => {
                    if decode {
                        self.map.names.push_str(&text[chunk..i]);
                    }
                    self.i = i + 1;
                    return Ok(());
                }
                b'\\' => {
                    let (ch, len) = self.escape(open, i)?;
                    if decode {
                        self.map.names.push_str(&text[chunk..i]);
                        self.map.names.push(ch);
                    }
                    i += len;
                    chunk = i;
                }
                b'\n' | b'\r' => return Err(self.err(open, UNCLOSED_LINE)),
                b'\t' => return Err(self.err(i, TAB)),
                0..=0x1f => {
                    return Err(self.err(
                        i,
                        format!(
                            "a control character (U+{c:04X}) cannot be written inside a text: write it as \\u{c:04x}"
                        ),
                    ))
                }
                _ => i += 1,
            }
        }
    }

    /// Read an escape at `at` (its `\`) in the text opened at `open`: the character and
    /// the length of the escape in bytes.
    fn escape(&self, open: usize, at: usize) -> Result<(char, usize), SyntaxError> {
        let b = self.b;
        let Some(&e) = b.get(at + 1) else {
            return Err(self.err(open, UNCLOSED));
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
                let hi = self.hex4(at + 2).ok_or_else(|| self.err(at, BAD_U))?;
                if (0xDC00..0xE000).contains(&hi) {
                    return Err(self.err(at, LONE_LOW));
                }
                if !(0xD800..0xDC00).contains(&hi) {
                    // Not a surrogate: always a character.
                    return Ok((char::from_u32(hi).unwrap_or('\u{fffd}'), 6));
                }
                if b.get(at + 6) != Some(&b'\\') || b.get(at + 7) != Some(&b'u') {
                    return Err(self.err(at, LONE_HIGH));
                }
                let lo = self.hex4(at + 8).ok_or_else(|| self.err(at + 6, BAD_U))?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return Err(self.err(at, LONE_HIGH));
                }
                let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return Ok((char::from_u32(code).unwrap_or('\u{fffd}'), 12));
            }
            b'\n' | b'\r' => return Err(self.err(open, UNCLOSED_LINE)),
            _ => {
                let c = self.char_at(at + 1).unwrap_or('\u{fffd}');
                return Err(self.err(
                    at,
                    format!(
                        "\\{} is not a valid escape in a text: to write a backslash, write \\\\",
                        if c.is_control() || c.is_whitespace() {
                            describe(c)
                        } else {
                            c.to_string()
                        }
                    ),
                ));
            }
        };
        Ok((ch, 2))
    }

    /// Four hexadecimal digits at a byte offset.
    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.b.get(at..at + 4)?;
        let mut v = 0;
        for &d in digits {
            v = v * 16 + (d as char).to_digit(16)?;
        }
        Some(v)
    }

    /// Close the innermost object or array (its closing bracket already read): store it,
    /// and note keys written twice.
    fn close(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let map = &mut self.map;
        let (start, len) = if frame.is_object {
            let start = map.members.len();
            let open = self.open_members.get(frame.first..).unwrap_or(&[]);
            map.members.extend_from_slice(open);
            self.open_members.truncate(frame.first);
            let len = map.members.len() - start;
            map.by_key.extend(0..to_u32(len));
            let members = &map.members[start..];
            let names = &map.names;
            let name = |m: &Member| member_name(names, m);
            // A stable sort: members with the same key stay in document order.
            map.by_key[start..]
                .sort_by(|&a, &b| name(&members[a as usize]).cmp(name(&members[b as usize])));
            let by_key = &map.by_key[start..];
            let mut g = 0;
            while g < by_key.len() {
                let first = &members[by_key[g] as usize];
                let mut e = g + 1;
                while e < by_key.len() && name(&members[by_key[e] as usize]) == name(first) {
                    e += 1;
                }
                if e > g + 1 {
                    let path =
                        current_path(&self.frames, &self.open_members, names).key(name(first));
                    let key_pos = |node: u32| {
                        let n = &map.nodes[node as usize];
                        n.key.unwrap_or(n.value)
                    };
                    for &m in &by_key[g + 1..e] {
                        map.duplicates.push(DuplicateKey {
                            path: path.clone(),
                            first: key_pos(first.node),
                            second: key_pos(members[m as usize].node),
                        });
                    }
                }
                g = e;
            }
            (start, len)
        } else {
            let start = map.items.len();
            map.items
                .extend_from_slice(self.open_items.get(frame.first..).unwrap_or(&[]));
            self.open_items.truncate(frame.first);
            (start, map.items.len() - start)
        };
        if let Some(c) = map.containers.get_mut(frame.container as usize) {
            c.start = to_u32(start);
            c.len = to_u32(len);
        }
    }
}

/// The path of the value being read: each open container's last item or member.
fn current_path(frames: &[Frame], members: &[Member], names: &str) -> JsonPath {
    let mut segs = Vec::with_capacity(frames.len());
    for f in frames {
        let last = f.first + f.count.saturating_sub(1);
        if f.is_object {
            let name = members.get(last).map_or("", |m| member_name(names, m));
            segs.push(Seg::Key(name.to_owned()));
        } else {
            segs.push(Seg::Index(f.count.saturating_sub(1)));
        }
    }
    JsonPath(segs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }
    fn path(s: &str) -> JsonPath {
        JsonPath::parse_serde(s)
    }
    fn scan(text: &str) -> SourceMap {
        match SourceMap::scan(text) {
            Ok(m) => m,
            Err(e) => panic!("scan failed for {text:?}: {e:?}"),
        }
    }
    fn error(text: &str) -> SyntaxError {
        match SourceMap::scan(text) {
            Ok(_) => panic!("no error for {text:?}"),
            Err(e) => e,
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
                let _ = SourceMap::scan(&doc[..end]);
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
                if let Ok(m) = SourceMap::scan(&s) {
                    let _ = m.nearest(&path("a.b[0]"));
                    let _ = m.keys(&JsonPath::root());
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
    #[ignore = "timing; run with --release --ignored"]
    fn ten_megabytes_scan_quickly() {
        let mut text = String::from("{\"routes\": [\n");
        let mut i = 0;
        while text.len() < 10_000_000 {
            if i > 0 {
                text.push_str(",\n");
            }
            text.push_str(&format!(
                "  {{\"id\": \"route-{i}\", \"title\": \"Mediation \\u00e9 {i}\", \"steps\": [1, 2.5, true, null, {{\"k\": \"v\"}}], \"local:x\": {{\"phone\": \"0123\"}}}}"
            ));
            i += 1;
        }
        text.push_str("\n]}\n");
        let t = std::time::Instant::now();
        let m = scan(&text);
        let elapsed = t.elapsed();
        assert!(m
            .value(&path(&format!("routes[{}].local:x.phone", i - 1)))
            .is_some());
        eprintln!("{} bytes, {i} routes: {elapsed:?}", text.len());
        assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
    }
}

//! The words for each kind of JSON syntax error, in plain English, for `route-finder check`
//! and the preview. Kept apart from the reader so that the widget, which never shows them,
//! does not carry them.

use super::json::{Syntax, SyntaxError};
use super::place::{Lines, Pos};

impl SyntaxError {
    /// What is wrong, in words; places in it (an open bracket) are worked out from `lines`.
    pub fn message(&self, lines: &Lines) -> String {
        let at = |o: usize| lines.pos(o);
        let open = |o: &(char, usize)| {
            let p: Pos = at(o.1);
            (o.0, p.line, p.column)
        };
        match &self.kind {
            Syntax::TooLarge => "the file is too large (more than 4 GB)".into(),
            Syntax::Empty => "the file is empty: there is no JSON in it".into(),
            Syntax::Eof(None) => EOF.into(),
            Syntax::Eof(Some(o)) => {
                let (c, line, column) = open(o);
                format!("{EOF}: the {c} on line {line}, column {column} is never closed")
            }
            Syntax::AfterEnd => "unexpected text after the end of the JSON".into(),
            Syntax::Comments => "JSON does not allow comments".into(),
            Syntax::OddSpace(c) => format!(
                "there is an unusual invisible character here ({}): JSON allows only ordinary spaces, tabs and line breaks between values",
                describe(*c)
            ),
            Syntax::Mismatch(found, Some(o)) => {
                let (c, line, column) = open(o);
                let close = if c == '{' { '}' } else { ']' };
                format!(
                    "this {found} does not match the {c} on line {line}, column {column}: a closing {close} is missing before it"
                )
            }
            Syntax::Mismatch(found, None) => format!(
                "this {found} has no opening {} before it",
                if *found == '}' { '{' } else { '[' }
            ),
            Syntax::TrailingComma(close) => {
                format!("there is a comma before the closing {close}: JSON does not allow it")
            }
            Syntax::MissingComma(close) => {
                format!("a comma or a closing {close} is missing before this")
            }
            Syntax::KeySingle => {
                "a key must be a text in double quotes \", not single quotes '".into()
            }
            Syntax::Curly => "a text must be in plain double quotes \", not curly quotes “ ”".into(),
            Syntax::KeyQuotes => "a key must be a text in double quotes".into(),
            Syntax::Equals => "write a colon : between a key and its value, not =".into(),
            Syntax::MissingColon(key) => format!(
                "a colon : is missing after the key \"{}\"",
                super::json::text_at(lines.text(), *key).escape_debug()
            ),
            Syntax::TooDeep => "nested too deeply (more than 127 levels)".into(),
            Syntax::ValueMissing => "a value is missing here".into(),
            Syntax::Single => "a text must be in double quotes \", not single quotes '".into(),
            Syntax::NoInteger => "a number must start with a digit (write 0.5, not .5)".into(),
            Syntax::Plus => "a number cannot start with + (write 5, not +5). If this is a phone number, put it in double quotes, as in \"+44 1582 548156\"".into(),
            Syntax::BareWord => BARE_WORD.into(),
            Syntax::Unexpected(c) if c.is_alphabetic() => BARE_WORD.into(),
            Syntax::LowerCase => "true, false and null must be written in lower case".into(),
            Syntax::Nan => "NaN and Infinity are not allowed in JSON: write a number or null".into(),
            Syntax::Unexpected(c) => format!(
                "unexpected character {} where a value should be (a text in double quotes, a number, true, false, null, {{ or [)",
                describe(*c)
            ),
            Syntax::MinusAlone => "a - must be followed by a number".into(),
            Syntax::LeadingZero => "a number cannot start with 0 followed by more digits. If this is a phone number, put it in double quotes, as in \"01582 548156\"".into(),
            Syntax::NoFraction => "a number must have digits after its decimal point".into(),
            Syntax::NoExponent => "this number has no digits after its e (its exponent)".into(),
            Syntax::BadNumber => "this is not a valid number".into(),
            Syntax::Spaced => "a number cannot have a space in it. If this is a phone number, put it in double quotes, as in \"0300 123 4567\"".into(),
            Syntax::NumberTooLarge => "this number is too large".into(),
            Syntax::Unclosed => "this text is not closed with a \"".into(),
            Syntax::UnclosedLine => "this text is not closed with a \" before the end of the line (to put a line break in a text, write \\n)".into(),
            Syntax::Tab => "a tab cannot be written inside a text: write \\t instead".into(),
            Syntax::Control(c) => format!(
                "a control character (U+{c:04X}) cannot be written inside a text: write it as \\u{c:04x}"
            ),
            Syntax::BadEscape(c) => format!(
                "\\{} is not a valid escape in a text: to write a backslash, write \\\\",
                if c.is_control() || c.is_whitespace() {
                    describe(*c)
                } else {
                    c.to_string()
                }
            ),
            Syntax::BadU => "\\u in a text must be followed by 4 hexadecimal digits (0-9, a-f), as in \\u00e9".into(),
            Syntax::LoneHigh => "this \\u escape is the first half of a character pair (a UTF-16 surrogate, \\ud800 to \\udbff) but is not followed by the second half (\\udc00 to \\udfff)".into(),
            Syntax::LoneLow => "this \\u escape is the second half of a character pair (a UTF-16 surrogate, \\udc00 to \\udfff) without the first half before it".into(),
        }
    }
}

const BARE_WORD: &str =
    "this text must be in double quotes (only true, false and null are written without quotes)";
const EOF: &str = "the file ends before the JSON is complete";

/// A character as written in a message.
fn describe(c: char) -> String {
    if c.is_control() || c.is_whitespace() || super::json::is_odd_space(c) {
        format!("U+{:04X}", c as u32)
    } else {
        format!("'{c}'")
    }
}

//! Lines and columns, worked out from a byte offset only when a problem is reported: the
//! reader keeps byte offsets, which cost nothing to record.
//!
//! Lines: `\n`, `\r\n` and a lone `\r` each end a line. Columns count characters (Unicode
//! scalar values) from 1; a tab counts as one. A UTF-8 byte order mark at the start is not
//! counted.

/// A line and column, both counted from 1; the column counts characters (Unicode scalar
/// values), not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The line, from 1.
    pub line: u32,
    /// The column, from 1, in characters.
    pub column: u32,
}

/// Where each line of a text starts, to turn byte offsets into places.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    /// The byte offset of each line's start; the first is after a byte order mark.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Index the lines of a text.
    pub fn new(text: &'a str) -> Lines<'a> {
        let b = text.as_bytes();
        let mut starts = vec![if text.starts_with('\u{feff}') { 3 } else { 0 }];
        let mut i = starts[0];
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if b.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines { text, starts }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The place of a byte offset (past the end: just after the last character).
    pub fn pos(&self, at: usize) -> Pos {
        let b = self.text.as_bytes();
        let at = at.min(b.len());
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let start = self.starts[line - 1].min(at);
        let column = b[start..at].iter().filter(|&&c| c & 0xC0 != 0x80).count();
        Pos {
            line: to_u32(line),
            column: to_u32(column).saturating_add(1),
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn lines_end_three_ways_and_columns_count_characters() {
        let text = "\u{feff}ab\ncé\r\nx\ry";
        let lines = Lines::new(text);
        assert_eq!(lines.pos(3), pos(1, 1));
        assert_eq!(lines.pos(5), pos(1, 3));
        assert_eq!(lines.pos(6), pos(2, 1));
        assert_eq!(lines.pos(9), pos(2, 3));
        assert_eq!(lines.pos(11), pos(3, 1));
        assert_eq!(lines.pos(13), pos(4, 1));
        assert_eq!(lines.pos(99), pos(4, 2));
        assert_eq!(Lines::new("").pos(0), pos(1, 1));
    }
}

//! Placeholders in texts: a name in curly brackets, such as `{day}`. The one reader of that
//! grammar ([`pieces`]), for every text that has them: a letter's (`{today}`, `{reply_by}`,
//! `{council}`, `{clock_due}`, `{clock_duty}`, `{clock_source}` and `{answer:<question id>}`,
//! read by [`Placeholder::named`]) and the interface texts (`model::interface::fill`), among
//! them the dates and the sentences that say how a date was worked out.
//!
//! `check` uses it to refuse a placeholder the engine cannot fill in, and the engine and the
//! interface use it to fill them in, so none of them can read a text differently.

/// A part of a text, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Words, as written.
    Words(&'a str),
    /// The name between `{` and the first `}` after it (empty for `{}`).
    Name(&'a str),
    /// A `{` with no `}` after it: the rest of the text, from the `{`. Always the last piece.
    Unclosed(&'a str),
}

/// What a placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placeholder<'a> {
    /// `{today}`: today's date.
    Today,
    /// `{reply_by}`: the day a reply is asked for by.
    ReplyBy,
    /// `{council}`: the council's name.
    Council,
    /// `{clock_due}`: the council's last day.
    ClockDue,
    /// `{clock_duty}`: what the council had to do by then.
    ClockDuty,
    /// `{clock_source}`: the law that sets the council's time limit.
    ClockSource,
    /// `{answer:<question id>}`: the answer to that question, in words. The id is not
    /// checked here.
    Answer(&'a str),
    /// Any other name (written without its braces): nothing a letter can fill in.
    Unknown(&'a str),
}

impl<'a> Placeholder<'a> {
    /// What a name stands for in a letter.
    pub(crate) fn named(name: &'a str) -> Self {
        match name {
            "today" => Self::Today,
            "reply_by" => Self::ReplyBy,
            "council" => Self::Council,
            "clock_due" => Self::ClockDue,
            "clock_duty" => Self::ClockDuty,
            "clock_source" => Self::ClockSource,
            _ => match name.strip_prefix("answer:") {
                Some(question) => Self::Answer(question),
                None => Self::Unknown(name),
            },
        }
    }
}

/// The pieces of a text, in order.
pub(crate) fn pieces(text: &str) -> Pieces<'_> {
    Pieces { rest: text }
}

/// The iterator of [`pieces`].
pub(crate) struct Pieces<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let rest = self.rest;
        if rest.is_empty() {
            return None;
        }
        let (piece, after) = match rest.find('{') {
            Some(0) => match rest.find('}') {
                Some(close) => (Piece::Name(&rest[1..close]), &rest[close + 1..]),
                None => (Piece::Unclosed(rest), ""),
            },
            Some(open) => (Piece::Words(&rest[..open]), &rest[open..]),
            None => (Piece::Words(rest), ""),
        };
        self.rest = after;
        Some(piece)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_placeholders_in_order() {
        let got: Vec<_> = pieces("By {reply_by}, {council} said {answer:about}.{today}").collect();
        assert_eq!(
            got,
            [
                Piece::Words("By "),
                Piece::Name("reply_by"),
                Piece::Words(", "),
                Piece::Name("council"),
                Piece::Words(" said "),
                Piece::Name("answer:about"),
                Piece::Words("."),
                Piece::Name("today"),
            ]
        );
        let named: Vec<_> = got
            .iter()
            .filter_map(|p| match p {
                Piece::Name(n) => Some(Placeholder::named(n)),
                _ => None,
            })
            .collect();
        assert_eq!(
            named,
            [
                Placeholder::ReplyBy,
                Placeholder::Council,
                Placeholder::Answer("about"),
                Placeholder::Today
            ]
        );
        assert_eq!(pieces("").count(), 0);
        assert_eq!(
            [
                "clock_due",
                "clock_duty",
                "clock_source",
                "Today",
                "answer:"
            ]
            .map(Placeholder::named),
            [
                Placeholder::ClockDue,
                Placeholder::ClockDuty,
                Placeholder::ClockSource,
                Placeholder::Unknown("Today"),
                Placeholder::Answer(""),
            ]
        );
    }

    #[test]
    fn unknown_names_and_a_brace_left_open() {
        assert_eq!(
            pieces("a {Today} b {").collect::<Vec<_>>(),
            [
                Piece::Words("a "),
                Piece::Name("Today"),
                Piece::Words(" b "),
                Piece::Unclosed("{"),
            ]
        );
        // The name runs to the first closing brace; a lone closing brace is words.
        assert_eq!(
            pieces("x} {a{b} {answer:}").collect::<Vec<_>>(),
            [
                Piece::Words("x} "),
                Piece::Name("a{b"),
                Piece::Words(" "),
                Piece::Name("answer:"),
            ]
        );
        assert_eq!(pieces("{é").collect::<Vec<_>>(), [Piece::Unclosed("{é")]);
        // `{}`: the sentences of the date layer, filled in turn.
        assert_eq!(
            pieces("{} from {}").collect::<Vec<_>>(),
            [Piece::Name(""), Piece::Words(" from "), Piece::Name("")]
        );
    }
}

//! English names of months and weekdays, and month numbers.
//!
//! Written out here rather than taken from the `time` crate's formatting, so that the words
//! never depend on that crate's features and always match GOV.UK style ("Monday",
//! "December").

use time::{Month, Weekday};

/// The English name of a month: "January" to "December".
pub fn month_name(month: Month) -> &'static str {
    match month {
        Month::January => "January",
        Month::February => "February",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "August",
        Month::September => "September",
        Month::October => "October",
        Month::November => "November",
        Month::December => "December",
    }
}

/// The English name of a day of the week: "Monday" to "Sunday".
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The number of a month: 1 for January to 12 for December.
pub fn month_number(month: Month) -> u8 {
    match month {
        Month::January => 1,
        Month::February => 2,
        Month::March => 3,
        Month::April => 4,
        Month::May => 5,
        Month::June => 6,
        Month::July => 7,
        Month::August => 8,
        Month::September => 9,
        Month::October => 10,
        Month::November => 11,
        Month::December => 12,
    }
}

/// The month with a number from 1 (January) to 12 (December); `None` for any other number.
pub fn month_from_number(number: u8) -> Option<Month> {
    Some(match number {
        1 => Month::January,
        2 => Month::February,
        3 => Month::March,
        4 => Month::April,
        5 => Month::May,
        6 => Month::June,
        7 => Month::July,
        8 => Month::August,
        9 => Month::September,
        10 => Month::October,
        11 => Month::November,
        12 => Month::December,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_numbers_round_trip() {
        for n in 1..=12u8 {
            let m = month_from_number(n);
            assert_eq!(m.map(month_number), Some(n));
        }
        assert_eq!(month_from_number(0), None);
        assert_eq!(month_from_number(13), None);
        assert_eq!(month_from_number(255), None);
    }

    #[test]
    fn names() {
        assert_eq!(month_name(Month::February), "February");
        assert_eq!(month_name(Month::December), "December");
        assert_eq!(weekday_name(Weekday::Monday), "Monday");
        assert_eq!(weekday_name(Weekday::Sunday), "Sunday");
    }
}

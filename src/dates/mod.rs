//! Dates: calendar months, working days, England and Wales bank holidays and the deadline
//! rules of the law.
//!
//! Everything here works on [`Date`] (a calendar date with no time of day and no time zone:
//! the law counts whole days in England).
//!
//! - [`calendar`]: reading and writing dates ([`parse_iso_date`], [`format_iso`]) and
//!   calendar arithmetic ([`add_months`], [`add_days`], [`days_from_to`]).
//! - [`holidays`]: [`easter_sunday`] and [`Holidays`], the England and Wales bank holidays
//!   of any year, computed, plus one-off changes ([`OneOff`]) kept as data; a day's
//!   [`HolidayName`].
//! - [`deadline`]: the deadline rules ([`tribunal_appeal_deadline`],
//!   [`six_months_starting_with`], [`months_after`], [`working_days_after`], ...) and a
//!   letter's reply-by day ([`reply_by`]), each with the [`Step`]s that worked it out.
//!
//! No words here: a date, a bank holiday's name and how a last day was worked out are put
//! into the interface's words by the engine (`engine::date_words`), so that a translation
//! changes them as data.
//!
//! No function here panics, whatever date it is given. Dates are meant to lie in the years
//! 1000 to 9999; arithmetic that would go past 31 December 9999 stops at that day
//! ([`LATEST`]).

pub(crate) mod calendar;
pub(crate) mod deadline;
pub(crate) mod holidays;

pub use time::{Date, Month, Weekday};

pub use calendar::{
    add_days, add_months, days_from_to, days_in_month, format_iso, month_from_number, month_number,
    parse_iso_date, push_number, DateError, LATEST,
};
pub use deadline::{
    before_coming_september, days_after, holiday_name, months_after, months_worked, reply_by,
    six_months_starting_with, six_months_worked, tribunal_appeal_deadline,
    tribunal_appeal_without_certificate_date, tribunal_appeal_worked, tribunal_days_after,
    weeks_after, working_days_after, Step, Unit, Worked, REPLY_DAYS,
};
pub use holidays::{easter_sunday, HolidayName, Holidays, OneOff, Regular};

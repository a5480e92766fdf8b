//! The interface texts: every fixed word of the widget and of the engine's wording that is not
//! the ruleset's own content, each with a key and its English default, as GOV.UK Frontend's
//! i18n parameters do.
//!
//! A ruleset (`rules.json`) and a council overlay can override a text by its key, in the field
//! `interface_texts` (an object of key to text); the overlay's words win over the ruleset's,
//! the ruleset's over the defaults here. `route-finder check` refuses a key that is not in
//! [`texts`], and refuses an overlay that overrides a national text: the words that carry the
//! law (deadlines and how they were worked out, the council's clock). Translating the
//! interface is writing data, not Rust.
//!
//! A text can hold placeholders, one syntax for all: a name in curly brackets, such as
//! `{day}`, filled in by [`fill`] and nowhere else.

use serde::Serialize;

use crate::placeholder::{pieces, Piece};

/// One interface text: its key in `interface_texts`, whether only the national ruleset may
/// change it (it carries the law), and its English default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The key, for example `"start_now"`.
    pub key: &'static str,
    /// True for a text that carries the law: an overlay cannot override it.
    pub national: bool,
    /// The English words, with their `{name}` placeholders.
    pub default: &'static str,
    /// True for a text the loader shows (before the widget runs), not the widget.
    pub loader: bool,
}

macro_rules! texts {
    (
        widget { $($name:ident $key:literal $national:literal $default:literal,)* }
        loader { $($lkey:literal $lnational:literal $ldefault:literal,)* }
    ) => {
        /// An interface text the widget shows, by name: its place in the table ([`texts`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Ui { $($name,)* }

        /// The English default of every text the widget shows, in the order of [`Ui`], one a
        /// line. One text rather than a list of structs: the widget then carries no table of
        /// pointers (1 KB, gzipped).
        const TABLE: &str = concat!($($default, "\n",)*);

        /// The English default of every text the loader shows (`www/send-route-finder.js`,
        /// before the widget runs), one a line, after those of [`TABLE`]. The build writes
        /// them into the loader (`scripts/inline-words.mjs`); the widget does not carry them.
        const LOADER_TABLE: &str = concat!($($ldefault, "\n",)*);

        /// How many texts the widget shows: the loader's come after them.
        const WIDGET_COUNT: usize = [$(stringify!($name),)*].len();

        /// The key of every interface text, the widget's then the loader's, one a line. Only
        /// the command line's check, the reference and the tests use it: the widget finds a
        /// key by its [`HASHES`] (0.3 KB less, gzipped).
        const KEYS: &str = concat!($($key, "\n",)* $($lkey, "\n",)*);

        /// The hash of every key ([`hash`]), in the order of [`KEYS`], with its lowest bit
        /// set when the text is national (one table, not two: 40 B less in the widget,
        /// gzipped). A test checks that no two hashes are the same.
        const HASHES: &[u16] = &[$(hash($key) | $national as u16,)* $(hash($lkey) | $lnational as u16,)*];
    };
}

// The widget's texts: name, key, national (carries the law), English default. Then the
// loader's: key, national, English default. Keep the keys of each in alphabetical order.
texts! {
    widget {
    Address "address" false "Address:",
    And "and" false "and",
    AnnounceProblem "announce_problem" false "There is a problem. Check the question.",
    AnnounceQuestion "announce_question" false "Question: {question}",
    AnnounceResults "announce_results" false "Your options are shown.",
    AnnounceStart "announce_start" false "Start page.",
    AnswersTitle "answers_title" false "Your answers",
    Back "back" false "Back",
    ByDay "by_day" true "By {day}",
    CalClockAlarm "cal_clock_alarm" true "If the council has not done it, it is now late. See your saved results for what to do.",
    CalClockSummary "cal_clock_summary" true "The council's last day: {duty}",
    CalFirst "cal_first" false "What to do first: {step}",
    CalLastDayFor "cal_last_day_for" true "The last day for: {title}.",
    CalReply "cal_reply" false "Your letter asked for a reply by today: {subject}. If no reply has come, see your saved results for what to do next ({title}).",
    CalReplyAlarm "cal_reply_alarm" false "Reply due today: {subject}",
    CalReplySummary "cal_reply_summary" false "Reply due: {subject}",
    CalSummary "cal_summary" true "Last day: {title}",
    CalWeekLeft "cal_week_left" true "One week left: {title}",
    CalWorked "cal_worked" false "Worked out by SEND Route Finder on {day} from your answers. It is a guide, not legal advice: check it with SENDIASS.",
    CalendarButton "calendar_button" false "Add the last day to your calendar",
    CalendarButtonEnd "calendar_button_end" false "(.ics file, with a reminder a week before)",
    CannotGoOn "cannot_go_on" false "Sorry, this tool cannot go on from here. Ask your local SENDIASS for help.",
    Change "change" false "Change",
    ClockCalendar "clock_calendar" false "Add the council's last day to your calendar (.ics file)",
    ClockDuty "clock_duty" true "What the council has to do:",
    ClockLate "clock_late" true "The council had to do this by {day}. It is {days} late.",
    ClockMoreTime "clock_more_time" true "When the council can have more time:",
    ClockNoStart "clock_no_start" true "The council's last day cannot be worked out without the date its time started.",
    ClockNow "clock_now" false "What you can do now",
    ClockNowLabel "clock_now_label" false "What you can do now:",
    ClockReasonNoStart "clock_reason_no_start" true "The date the council's time started is not known, so its last day is not known.",
    ClockReasonWhich "clock_reason_which" true "Your answers do not say which time limit applies, so the council's last day is not known.",
    ClockSeptember "clock_september" true "For a move that happened this September, the time limit was {day}. If no school or college is named yet, the council is already late.",
    ClockStill "clock_still" true "The council has to do this by {day}. It still has {days}.",
    ClockTitle "clock_title" true "The council's time limit",
    ClockToday "clock_today" true "The council has to do this by {day}: that is today.",
    ClockWhich "clock_which" true "The council's last day depends on which time limit applies, and your answers do not say.",
    ComeBackTitle "come_back_title" false "Come back later",
    ContactsTitle "contacts_title" false "Who to contact",
    Continue "continue" false "Continue",
    CopyLetter "copy_letter" false "Copy the letter",
    CopyLink "copy_link" false "Copy the link",
    CountingFromKnown "counting_from_known" true "Counting from the date you know: {how}",
    DateAndUnknown "date_and_unknown" false "Enter a date, or tick the box if you do not know it – not both",
    DateEmpty "date_empty" false "Enter the date, or tick the box if you do not know it",
    DateFuture "date_future" false "The date must be today or in the past",
    DateLong "date_long" true "{weekday} {day} {month} {year}",
    DateMissing "date_missing" false "The date must include {parts}",
    DateReal "date_real" false "The date must be a real date",
    Day "day" false "Day",
    DayAgo "day_ago" true "(1 day ago)",
    DayLeft "day_left" true "(1 day left)",
    DayOne "day_one" true "1 day",
    Days "days" true "{n} days",
    DaysAgo "days_ago" true "({n} days ago)",
    DaysLeft "days_left" true "({n} days left)",
    DeleteSaved "delete_saved" false "Delete saved answers",
    Email "email" false "Email:",
    ErrorPrefix "error_prefix" false "Error:",
    FileCalendar "file_calendar" false "last-day-{route}.ics",
    FileClock "file_clock" false "council-last-day.ics",
    FileReply "file_reply" false "reply-by-{route}.ics",
    FileSummary "file_summary" false "send-options-{today}.html",
    FirstTitle "first_title" false "What to do first",
    HelpQuestion "help_question" false "Help with this question",
    HelpTitle "help_title" false "Free, independent help",
    HolidayBoxing "holiday_boxing" true "Boxing Day",
    HolidayChristmas "holiday_christmas" true "Christmas Day",
    HolidayEarlyMay "holiday_early_may" true "Early May bank holiday",
    HolidayEasterMonday "holiday_easter_monday" true "Easter Monday",
    HolidayGoodFriday "holiday_good_friday" true "Good Friday",
    HolidayNewYear "holiday_new_year" true "New Year’s Day",
    HolidaySpring "holiday_spring" true "Spring bank holiday",
    HolidaySubstitute "holiday_substitute" true "{name} (substitute day)",
    HolidaySummer "holiday_summer" true "Summer bank holiday",
    InShort "in_short" false "In short",
    KeepAnswers "keep_answers" false "Save my answers on this device",
    KeepAnswersBody "keep_answers_body" false "You can keep your answers in this browser on this device, to come back to them. Anyone who uses this device could see them.",
    KeepBody "keep_body" false "Save a page with your answers, your options, the last days and who to contact. It stays on your device. You can print it or show it to an adviser.",
    KeepTitle "keep_title" false "Keep your results",
    LastDay "last_day" true "Last day: {day}",
    LastDayUnknown "last_day_unknown" true "Last day not known: see below",
    LastDayWas "last_day_was" true "The last day was {day}",
    LawBehind "law_behind" false "The law behind this",
    LawIs "law_is" false "The law: {law}",
    LetterAnswer "letter_answer" false "[...]",
    LetterBody "letter_body" false "This is a starting point, not legal advice. Put it in your own words, and fill in the parts in [square brackets]. Keep a copy of what you send.",
    LetterClockDue "letter_clock_due" false "[the date it was due]",
    LetterClockDuty "letter_clock_duty" false "[what the council had to do]",
    LetterClockSource "letter_clock_source" false "[the law that sets the time limit]",
    LetterCouncil "letter_council" false "[name of the council]",
    LetterLabel "letter_label" false "Your letter",
    LetterSubject "letter_subject" false "Subject: {subject}",
    LetterSummary "letter_summary" false "A first letter you can change",
    LinkLabel "link_label" false "Link to these results",
    MilestoneDue "milestone_due" true "The council must {what} by {day}.",
    MilestonePassed "milestone_passed" true "The council had to {what} by {day}. That day has passed.",
    Month "month" false "Month",
    MonthApril "month_april" true "April",
    MonthAugust "month_august" true "August",
    MonthDecember "month_december" true "December",
    MonthFebruary "month_february" true "February",
    MonthJanuary "month_january" true "January",
    MonthJuly "month_july" true "July",
    MonthJune "month_june" true "June",
    MonthMarch "month_march" true "March",
    MonthMay "month_may" true "May",
    MonthNovember "month_november" true "November",
    MonthOctober "month_october" true "October",
    MonthOne "month_one" true "1 month",
    MonthSeptember "month_september" true "September",
    Months "months" true "{n} months",
    NewTab "new_tab" false "(opens in a new tab)",
    NoRoute "no_route" false "Sorry, this tool found no route for these answers. That is a fault in the tool, not in your answers. Ask your local SENDIASS for help.",
    NotKnown "not_known" false "Not known",
    Or "or" false "or",
    PartDay "part_day" false "a day",
    PartMonth "part_month" false "a month",
    PartYear "part_year" false "a year",
    Phone "phone" false "Phone:",
    Problem "problem" false "There is a problem",
    ReasonAugust "reason_august" true "{day} is in August. So the last day moves to the first working day after 31 August: {to}.",
    ReasonBankHoliday "reason_bank_holiday" true "{day} is a bank holiday ({name}). So the last day moves to the next working day: {to}.",
    ReasonCertificateLater "reason_certificate_later" true "1 month from the certificate date, {from}, is {day}. That is later, so it is the one that counts.",
    ReasonCertificateNotLater "reason_certificate_not_later" true "1 month from the certificate date, {from}, is {day}. That is not later, so it does not change the date.",
    ReasonCertificateOnly "reason_certificate_only" true "The decision date is not known. So this counts 1 month from the certificate date, {from}: {day}. The real last day may be later, but never earlier.",
    ReasonCertificateUnknown "reason_certificate_unknown" true "The certificate date is not known. So this counts from the decision alone. The real last day may be later, but never earlier.",
    ReasonChristmas "reason_christmas" true "{day} falls from 25 December to 1 January. So the last day moves to the first working day after 1 January: {to}.",
    ReasonCount "reason_count" true "{count} from {from} is {day}.",
    ReasonDayBefore "reason_day_before" true "The law says before {limit}, so the last day is {day}.",
    ReasonHoliday "reason_holiday" true "{name} ({day})",
    ReasonHolidays "reason_holidays" true "Bank holidays left out: {holidays}.",
    ReasonNotCountedAugust "reason_not_counted_august" true "That does not count the {august} in August.",
    ReasonNotCountedBoth "reason_not_counted_both" true "That does not count the {christmas} from 25 December to 1 January and the {august} in August.",
    ReasonNotCountedChristmas "reason_not_counted_christmas" true "That does not count the {christmas} from 25 December to 1 January.",
    ReasonNotMoved "reason_not_moved" true "This day is not moved for weekends or bank holidays.",
    ReasonSixMonths "reason_six_months" true "6 months starting with {from} end on {day}, the day before the same date 6 months on.",
    ReasonWeekend "reason_weekend" true "{day} is a {weekday}. So the last day moves to the next working day: {to}.",
    ReasonWorkingDays "reason_working_days" true "{count} after {from} is {day}. Weekends and bank holidays are not counted.",
    ReplyCalendar "reply_calendar" false "Add the reply-by date to your calendar",
    ReplyCalendarEnd "reply_calendar_end" false "({day}, .ics file)",
    ResultsTitle "results_title" false "Your options",
    ResultsTitleCouncil "results_title_council" false "Your options, with contacts from {council}",
    RouteOpen "route_open" false "1 route is open to you, based on your answers.",
    RoutesOpen "routes_open" false "{n} routes are open to you, based on your answers.",
    SaveResults "save_results" false "Save your results (HTML file)",
    SavedNote "saved_note" false "Your answers are saved in this browser on this device. They open here next time. Start again or Delete saved answers removes them.",
    SelectMany "select_many" false "Select at least one answer",
    SelectOne "select_one" false "Select one answer",
    SendBody "send_body" false "This link opens these results. It holds your answers, so anyone with it can see them. Send it only to someone you trust, such as your SENDIASS adviser.",
    SendTitle "send_title" false "Send these results to an adviser",
    StartAgain "start_again" false "Start again",
    StartNow "start_now" false "Start now",
    SummaryMade "summary_made" false "Made on {day} by SEND Route Finder. It is a guide, not legal advice. Check each time limit with SENDIASS or the contacts below.",
    SummaryTitle "summary_title" false "Your options if you disagree about SEND help",
    SummaryTitleCouncil "summary_title_council" false "Your options if you disagree about SEND help, with contacts from {council}",
    SummaryVersion "summary_version" false "Ruleset version {version}, last reviewed {reviewed}.",
    TimeLimit "time_limit" true "Time limit:",
    Today "today" true "(today)",
    VersionLine "version_line" false "Rules version {version}, last checked {reviewed}. This is not legal advice.",
    Website "website" false "Website:",
    WeekOne "week_one" true "1 week",
    WeekdayFriday "weekday_friday" true "Friday",
    WeekdayMonday "weekday_monday" true "Monday",
    WeekdaySaturday "weekday_saturday" true "Saturday",
    WeekdaySunday "weekday_sunday" true "Sunday",
    WeekdayThursday "weekday_thursday" true "Thursday",
    WeekdayTuesday "weekday_tuesday" true "Tuesday",
    WeekdayWednesday "weekday_wednesday" true "Wednesday",
    Weeks "weeks" true "{n} weeks",
    WhyLabel "why_label" false "Why this applies:",
    WhyTitle "why_title" false "Why this applies",
    WorkedOut "worked_out" true "How this date was worked out",
    WorkedOutLabel "worked_out_label" true "How this date was worked out:",
    WorkingDayOne "working_day_one" true "1 working day",
    WorkingDays "working_days" true "{n} working days",
    Year "year" false "Year",
    YearDigits "year_digits" false "The year must include 4 numbers, for example 2026",
    }
    loader {
    "exit_page" false "Exit this page",
    "exit_shift" false "or press Shift 3 times",
    "find_council" false "GOV.UK's Find your local council",
    "load_failed" false "Sorry, the route finder could not start. The information below still applies.",
    "loading_questions" false "Loading the questions.",
    "no_local" false "Local contact details could not be loaded. To find your council's SEND team, use {link}.",
    "starting" false "Starting",
    }
}

/// Every interface text: the widget's, in the order of [`Ui`], then the loader's. The keys of
/// each are in alphabetical order (a test says so).
pub fn texts() -> impl Iterator<Item = Entry> {
    (0..HASHES.len()).map(nth)
}

/// The entry of a key, if it is one.
pub fn entry(key: &str) -> Option<Entry> {
    (0..HASHES.len()).map(nth).find(|e| e.key == key)
}

/// Whether a key is national; `None` when it is not a key. For the widget: by its hash.
pub fn national(key: &str) -> Option<bool> {
    let h = hash(key);
    HASHES.iter().find(|x| *x & !1 == h).map(|x| x & 1 == 1)
}

/// The entry in place `n` of the table.
fn nth(n: usize) -> Entry {
    Entry {
        key: line(KEYS, n),
        national: HASHES.get(n).is_none_or(|x| x & 1 == 1),
        default: default(n),
        loader: n >= WIDGET_COUNT,
    }
}

/// The English default in place `n` of the table: the widget's texts, then the loader's.
fn default(n: usize) -> &'static str {
    match n.checked_sub(WIDGET_COUNT) {
        Some(l) => line(LOADER_TABLE, l),
        None => line(TABLE, n),
    }
}

/// Line `n` of `text` (empty past its end). Each line break is found by the standard
/// library's search for a `char` (in the wasm already), not byte by byte: 98 B less of wasm,
/// and a little faster (a results screen looks up some hundreds of texts).
#[inline(never)]
fn line(text: &'static str, n: usize) -> &'static str {
    let mut rest = text;
    for _ in 0..n {
        match rest.split_once('\n') {
            Some((_, after)) => rest = after,
            None => return "",
        }
    }
    rest.split_once('\n').map_or("", |(line, _)| line)
}

/// The FNV-1a hash of a key, folded to 16 bits, the lowest left 0 (for [`HASHES`]' national
/// bit). Two keys never share one (a test says so); a key that is not one may, 1 time in 180
/// (`check` refuses it first, and the widget then uses it for the text that has its hash, or
/// leaves it out if that text is national).
const fn hash(key: &str) -> u16 {
    let bytes = key.as_bytes();
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    (h ^ (h >> 16)) as u16 & !1
}

/// `template` with each `{name}` filled in from `args` (a name, its value); a `{name}` not in
/// `args` is kept as written. The one place interface placeholders are filled in.
#[inline(never)]
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    for piece in pieces(template) {
        match piece {
            Piece::Name(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
            Piece::Words(words) | Piece::Unclosed(words) => out.push_str(words),
        }
    }
    out
}

/// The names of the `{name}` placeholders of a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    pieces(text)
        .filter_map(|p| match p {
            Piece::Name(name) => Some(name),
            _ => None,
        })
        .collect()
}

/// The interface texts a file overrides, by key: in the file an object `{"<key>": "<text>"}`,
/// kept as a list rather than a map (see [`super::TextsById`]).
///
/// Kept in the order read, and looked up one by one: a file overrides a few texts, or a
/// hundred for a translation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InterfaceTexts(Vec<(u16, String, String)>);

impl InterfaceTexts {
    /// Set the text of a key: it wins over any text it had (which stays in the list, unused).
    pub fn insert(&mut self, key: String, text: String) {
        self.0.push((hash(&key), key, text));
    }

    /// Whether nothing is overridden.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys and their texts, in the order read (a key given again after an overlay is
    /// laid over comes twice: the last wins).
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(_, k, v)| (k, v))
    }

    /// The texts of `over` laid over these: its words win.
    pub fn lay_over(&mut self, over: &InterfaceTexts) {
        for (k, v) in over.iter() {
            self.insert(k.clone(), v.clone());
        }
    }

    /// The words of a text: its override, or its English default.
    pub fn get(&self, text: Ui) -> &str {
        let h = HASHES.get(text as usize).map(|x| x & !1);
        match self.0.iter().rev().find(|(k, ..)| Some(*k) == h) {
            Some((.., v)) => v,
            None => line(TABLE, text as usize),
        }
    }

    /// The words of a text with its placeholders filled in (see [`fill`]).
    pub fn fill(&self, text: Ui, args: &[(&str, &str)]) -> String {
        fill(self.get(text), args)
    }

    /// The words of a text with its `{n}` filled in with a number.
    pub fn fill_n(&self, text: Ui, n: i64) -> String {
        let mut digits = String::new();
        crate::dates::push_number(&mut digits, n);
        self.fill(text, &[("n", &digits)])
    }

    /// "1 day" or "{n} days".
    pub fn days(&self, n: i64) -> String {
        self.count(Ui::DayOne, Ui::Days, n)
    }

    /// `one` when `n` is 1, else `many` with its `{n}` filled in: "1 week", "3 weeks".
    pub fn count(&self, one: Ui, many: Ui, n: i64) -> String {
        if n == 1 {
            self.get(one).to_string()
        } else {
            self.fill_n(many, n)
        }
    }
}

impl Serialize for InterfaceTexts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for InterfaceTexts {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "InterfaceTexts".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let keys: serde_json::Map<String, serde_json::Value> = texts()
            .map(|e| {
                (
                    e.key.to_string(),
                    serde_json::json!({
                        "type": "string",
                        "description": format!(
                            "{}Default: \"{}\"",
                            if e.national { "National: an overlay cannot change it. " } else { "" },
                            e.default
                        )
                    }),
                )
            })
            .collect();
        schemars::json_schema!({
            "type": "object",
            "properties": keys,
            "additionalProperties": false
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_sorted_and_unique() {
        let all: Vec<Entry> = texts().collect();
        for pair in all.windows(2).filter(|p| p[0].loader == p[1].loader) {
            assert!(
                pair[0].key < pair[1].key,
                "{} before {}",
                pair[0].key,
                pair[1].key
            );
        }
        let mut keys: Vec<&str> = all.iter().map(|e| e.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len(), "a key is written twice");
        assert_eq!(all.iter().filter(|e| !e.loader).count(), WIDGET_COUNT);
        assert_eq!(
            entry("starting").map(|e| (e.loader, e.default)),
            Some((true, "Starting"))
        );
        assert_eq!(entry("start_now").map(|e| e.loader), Some(false));
        assert_eq!(national("exit_page"), Some(false));
        assert!(all
            .iter()
            .all(|e| !e.default.is_empty() && !e.default.contains('\t')));
        assert_eq!(entry("start_now").map(|e| e.default), Some("Start now"));
        assert_eq!(entry("by_day").map(|e| e.national), Some(true));
        assert_eq!(entry("nope"), None);
        assert_eq!(nth(Ui::Year as usize).key, "year");
        assert_eq!(nth(Ui::Address as usize).key, "address");
        assert_eq!(WIDGET_COUNT, Ui::YearDigits as usize + 1);
        let mut hashes: Vec<u16> = HASHES.iter().map(|x| x & !1).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), all.len(), "two keys have the same hash");
        assert_eq!(national("by_day"), Some(true));
        assert_eq!(national("start_now"), Some(false));
        assert_eq!(national("strat_now"), None);
    }

    #[test]
    fn the_table_s_lines_and_the_hashes_kept_with_overrides() {
        let lines: Vec<&str> = TABLE.split('\n').collect();
        for (n, want) in lines.iter().enumerate() {
            assert_eq!(line(TABLE, n), *want);
        }
        assert_eq!(line(TABLE, lines.len()), "");
        assert_eq!(line("", 0), "");
        let mut t = InterfaceTexts::default();
        t.insert("continue".into(), "Next".into());
        t.insert("not_a_key".into(), "x".into());
        t.insert("continue".into(), "Go on".into());
        assert_eq!(t.get(Ui::Continue), "Go on");
        assert_eq!(t.get(Ui::Back), "Back");
        assert_eq!(t.iter().count(), 3);
    }

    #[test]
    fn overrides_and_placeholders() {
        let mut t = InterfaceTexts::default();
        assert_eq!(t.get(Ui::StartNow), "Start now");
        assert_eq!(t.fill(Ui::ByDay, &[("day", "Monday")]), "By Monday");
        t.insert("by_day".into(), "Erbyn {day} {x} {".into());
        assert_eq!(
            t.fill(Ui::ByDay, &[("day", "Monday")]),
            "Erbyn Monday {x} {"
        );
        assert_eq!(t.days(1), "1 day");
        assert_eq!(t.days(3), "3 days");
        assert_eq!(placeholders("a {b} c {d}"), vec!["b", "d"]);
    }
}

//! Reading the model from a parsed JSON value by hand, for the widget.
//!
//! The serde derives read the files for the command line, with every problem and its place.
//! Each derive is compiled once per struct and per reader, which costs the widget most of its
//! size; this reader is plain code over one [`Json`](super::json::Json) tree from the small reader in
//! [`super::json`]. It accepts exactly what the derives accept (unknown fields are refused
//! too); a test reads every shipped and every broken file both ways and compares.
//!
//! The larger values are made empty (`Default`) and then filled in field by field, in the
//! order of the fields, rather than written as one struct expression: every field that fails
//! then leaves the same one value to drop, instead of a drop of each field read so far at
//! each place a field can fail (0.7 KB less of the widget, gzipped).
#![allow(clippy::field_reassign_with_default)]

use super::json::Json as Value;

use super::{
    AnswerTest, Choice, Clock, ClockRule, ClockStep, Condition, Contact, DeadlineRule, Group,
    HolidayData, IsoDate, Kind, Letter, Milestone, Next, OneOffHoliday, Overlay, Question, Rights,
    Route, RouteTexts, Ruleset, StartScreen, Text, TextsById, When,
};
use crate::dates;

/// A problem, with where it is.
type Result<T> = std::result::Result<T, String>;

/// An object being read: its fields, and where it is for messages.
struct Obj<'a> {
    map: &'a [(String, Value)],
    at: String,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, at: &str, allowed: &[&str]) -> Result<Obj<'a>> {
        let map = value
            .as_object()
            .ok_or_else(|| format!("{at}: must be an object {{ }}"))?;
        if let Some((k, _)) = map.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(format!("{at}: \"{k}\" is not a field that belongs here"));
        }
        Ok(Obj {
            map,
            at: at.to_string(),
        })
    }

    fn place(&self, key: &str) -> String {
        if self.at.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.at)
        }
    }

    fn opt(&self, key: &str) -> Option<&'a Value> {
        self.map
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    fn req(&self, key: &str) -> Result<&'a Value> {
        self.opt(key)
            .ok_or_else(|| format!("{}: the field \"{key}\" is missing", self.at))
    }

    fn string(&self, key: &str) -> Result<String> {
        string(self.req(key)?, &self.place(key))
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>> {
        self.opt(key)
            .map(|v| string(v, &self.place(key)))
            .transpose()
    }

    fn text(&self, key: &str) -> Result<Text> {
        text(self.req(key)?, &self.place(key))
    }

    fn opt_text(&self, key: &str) -> Result<Option<Text>> {
        self.opt(key).map(|v| text(v, &self.place(key))).transpose()
    }

    fn flag(&self, key: &str) -> Result<bool> {
        match self.opt(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(format!("{}: must be true or false", self.place(key))),
        }
    }

    fn date(&self, key: &str) -> Result<IsoDate> {
        let s = self.string(key)?;
        dates::parse_iso_date(&s)
            .map(IsoDate)
            .map_err(|e| format!("{}: {e}", self.place(key)))
    }

    fn number(&self, key: &str) -> Result<u32> {
        self.req(key)?
            .as_u64()
            .and_then(|m| u32::try_from(m).ok())
            .ok_or_else(|| format!("{}: must be a whole number", self.place(key)))
    }

    fn list<T>(
        &self,
        key: &str,
        required: bool,
        read: impl Fn(&Value, &str) -> Result<T>,
    ) -> Result<Vec<T>> {
        match self.field(key, required)? {
            None => Ok(Vec::new()),
            Some(v) => list(v, &self.place(key), read),
        }
    }

    /// A field that may be left out unless `required`; not generic, for [`Obj::list`].
    fn field(&self, key: &str, required: bool) -> Result<Option<&'a Value>> {
        match self.opt(key) {
            None if required => Err(format!("{}: the field \"{key}\" is missing", self.at)),
            found => Ok(found),
        }
    }
}

fn string(v: &Value, at: &str) -> Result<String> {
    v.as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("{at}: must be a text in double quotes"))
}

fn list<T>(v: &Value, at: &str, read: impl Fn(&Value, &str) -> Result<T>) -> Result<Vec<T>> {
    let mut out = Vec::new();
    each(v, at, &mut |item, at| {
        out.push(read(item, at)?);
        Ok(())
    })?;
    Ok(out)
}

/// Calls `read` on each item of a list, with where it is, and stops at the first problem. Not
/// generic, so each kind of list costs the widget only its small closure.
#[inline(never)]
fn each(v: &Value, at: &str, read: &mut dyn FnMut(&Value, &str) -> Result<()>) -> Result<()> {
    let items = v
        .as_array()
        .ok_or_else(|| format!("{at}: must be a list in square brackets [ ]"))?;
    for (i, item) in items.iter().enumerate() {
        read(item, &format!("{at}[{i}]"))?;
    }
    Ok(())
}

fn strings(v: &Value, at: &str) -> Result<Vec<String>> {
    list(v, at, string)
}

fn text(v: &Value, at: &str) -> Result<Text> {
    match v {
        Value::String(s) => Ok(Text::Plain(s.clone())),
        Value::Object(_) => {
            let o = Obj::new(v, at, &["parent", "young_person"])?;
            Ok(Text::by_role(
                o.string("parent")?,
                o.string("young_person")?,
            ))
        }
        _ => Err(format!(
            "{at}: must be a text, or {{\"parent\": \"...\", \"young_person\": \"...\"}}"
        )),
    }
}

/// Read a ruleset for the widget: the first problem only, and no serde derives.
/// [`super::load_ruleset`] finds every problem, for `route-finder check`.
pub fn parse_ruleset(text: &str) -> Result<Ruleset> {
    ruleset(&parse_value(text)?)
}

/// Read an overlay for the widget (see [`parse_ruleset`]).
pub fn parse_overlay(text: &str) -> Result<Overlay> {
    overlay(&parse_value(text)?)
}

fn parse_value(text: &str) -> Result<Value> {
    super::json::parse(text).map_err(|e| format!("the file is not valid JSON: {e}"))
}

/// Read a ruleset.
pub(crate) fn ruleset(v: &Value) -> Result<Ruleset> {
    let o = Obj::new(
        v,
        "",
        &[
            "$schema",
            "version",
            "last_reviewed",
            "jurisdiction",
            "start_screen",
            "start",
            "questions",
            "groups",
            "routes",
            "contacts",
            "help",
            "together",
            "holidays",
            "rights",
            "clock",
        ],
    )?;
    let mut out = Ruleset::default();
    out.schema = o.opt_string("$schema")?;
    out.version = o.string("version")?;
    out.last_reviewed = o.date("last_reviewed")?;
    out.jurisdiction = o.string("jurisdiction")?;
    out.start_screen = start_screen(o.req("start_screen")?, "start_screen")?;
    out.start = o.string("start")?;
    out.questions = o.list("questions", true, question)?;
    out.groups = o.list("groups", true, group)?;
    out.routes = o.list("routes", true, route)?;
    out.contacts = o.list("contacts", true, contact)?;
    out.help = o.list("help", true, string)?;
    out.together = o.text("together")?;
    out.holidays = holidays(o.req("holidays")?, "holidays")?;
    out.rights = o.opt("rights").map(|r| rights(r, "rights")).transpose()?;
    out.clock = o.opt("clock").map(|c| clock(c, "clock")).transpose()?;
    Ok(out)
}

fn rights(v: &Value, at: &str) -> Result<Rights> {
    let o = Obj::new(
        v,
        at,
        &[
            "young_person_if",
            "parent_using",
            "young_person_using",
            "source",
        ],
    )?;
    Ok(Rights {
        young_person_if: condition(o.req("young_person_if")?, &o.place("young_person_if"))?,
        parent_using: o.text("parent_using")?,
        young_person_using: o.text("young_person_using")?,
        source: o.string("source")?,
    })
}

fn clock(v: &Value, at: &str) -> Result<Clock> {
    let o = Obj::new(
        v,
        at,
        &["question", "late", "not_late", "unknown", "missed", "steps"],
    )?;
    Ok(Clock {
        question: o.string("question")?,
        late: o.text("late")?,
        not_late: o.text("not_late")?,
        unknown: o.text("unknown")?,
        missed: o.opt_text("missed")?,
        steps: o.list("steps", true, clock_step)?,
    })
}

fn clock_step(v: &Value, at: &str) -> Result<ClockStep> {
    let o = Obj::new(
        v,
        at,
        &[
            "step",
            "if",
            "due",
            "duty",
            "exceptions",
            "note",
            "milestones",
            "source",
        ],
    )?;
    let mut out = ClockStep::default();
    out.step = o.string("step")?;
    out.condition = o
        .opt("if")
        .map(|c| condition(c, &o.place("if")))
        .transpose()?;
    out.due = o
        .opt("due")
        .map(|d| clock_rule(d, &o.place("due")))
        .transpose()?;
    out.duty = o.text("duty")?;
    out.exceptions = o.opt_text("exceptions")?;
    out.note = o.opt_text("note")?;
    out.milestones = o.list("milestones", false, milestone)?;
    out.source = o.string("source")?;
    Ok(out)
}

fn milestone(v: &Value, at: &str) -> Result<Milestone> {
    let o = Obj::new(v, at, &["weeks", "what"])?;
    Ok(Milestone {
        weeks: o.number("weeks")?,
        what: o.text("what")?,
    })
}

fn clock_rule(v: &Value, at: &str) -> Result<ClockRule> {
    match v.get("rule").and_then(Value::as_str).unwrap_or_default() {
        "weeks" => {
            let o = Obj::new(v, at, &["rule", "from", "weeks"])?;
            Ok(ClockRule::Weeks { from: o.string("from")?, weeks: o.number("weeks")? })
        }
        "before_coming_september" => {
            let o = Obj::new(v, at, &["rule", "month", "day"])?;
            let small = |key: &str| -> Result<u8> {
                u8::try_from(o.number(key)?).map_err(|_| format!("{}: must be a whole number from 1 to 31", o.place(key)))
            };
            Ok(ClockRule::BeforeComingSeptember { month: small("month")?, day: small("day")? })
        }
        other => Err(format!(
            "{at}.rule: \"{other}\" is not allowed here. Allowed: \"weeks\", \"before_coming_september\""
        )),
    }
}

/// Read a council overlay.
pub(crate) fn overlay(v: &Value) -> Result<Overlay> {
    let o = Obj::new(
        v,
        "",
        &[
            "$schema",
            "council",
            "last_reviewed",
            "contacts",
            "routes",
            "texts",
            "remove_routes",
        ],
    )?;
    let c = Obj::new(o.req("council")?, "council", &["id", "name", "page"])?;
    let mut texts = TextsById::default();
    if let Some(t) = o.opt("texts") {
        let map = t.as_object().ok_or("texts: must be an object { }")?;
        for (id, value) in map.iter() {
            let at = format!("texts.{id}");
            let r = Obj::new(value, &at, &["note", "extra_steps", "extra_contacts"])?;
            texts.insert(
                id.clone(),
                RouteTexts {
                    note: r.opt_text("note")?,
                    extra_steps: r.list("extra_steps", false, text)?,
                    extra_contacts: r.list("extra_contacts", false, string)?,
                },
            );
        }
    }
    let mut out = Overlay::default();
    out.schema = o.opt_string("$schema")?;
    out.council.id = c.string("id")?;
    out.council.name = c.string("name")?;
    out.council.page = c.opt_string("page")?;
    out.last_reviewed = o.date("last_reviewed")?;
    out.contacts = o.list("contacts", false, contact)?;
    out.routes = o.list("routes", false, route)?;
    out.texts = texts;
    out.remove_routes = o.list("remove_routes", false, string)?;
    Ok(out)
}

fn start_screen(v: &Value, at: &str) -> Result<StartScreen> {
    let o = Obj::new(v, at, &["title", "paragraphs", "time_needed", "privacy"])?;
    Ok(StartScreen {
        title: o.string("title")?,
        paragraphs: o.list("paragraphs", true, string)?,
        time_needed: o.string("time_needed")?,
        privacy: o.string("privacy")?,
    })
}

fn question(v: &Value, at: &str) -> Result<Question> {
    let o = Obj::new(
        v,
        at,
        &[
            "id",
            "kind",
            "text",
            "hint",
            "help",
            "options",
            "unknown_label",
            "optional",
            "error",
            "summary_label",
            "next",
        ],
    )?;
    let kind = match o.string("kind")?.as_str() {
        "one" => Kind::One,
        "many" => Kind::Many,
        "date" => Kind::Date,
        other => {
            return Err(format!(
                "{}: \"{other}\" is not allowed here. Allowed: \"one\", \"many\", \"date\"",
                o.place("kind")
            ))
        }
    };
    let mut out = Question::default();
    out.id = o.string("id")?;
    out.kind = kind;
    out.text = o.text("text")?;
    out.hint = o.opt_text("hint")?;
    out.help = o.opt_text("help")?;
    out.options = o.list("options", false, choice)?;
    out.unknown_label = o.opt_text("unknown_label")?;
    out.optional = o.flag("optional")?;
    out.error = o.opt_text("error")?;
    out.summary_label = o.text("summary_label")?;
    out.next = o.list("next", true, next)?;
    Ok(out)
}

fn choice(v: &Value, at: &str) -> Result<Choice> {
    let o = Obj::new(
        v,
        at,
        &["value", "label", "hint", "exclusive", "if", "not_offered"],
    )?;
    let mut out = Choice::default();
    out.value = o.string("value")?;
    out.label = o.text("label")?;
    out.hint = o.opt_text("hint")?;
    out.exclusive = o.flag("exclusive")?;
    out.condition = o
        .opt("if")
        .map(|c| condition(c, &o.place("if")))
        .transpose()?;
    out.not_offered = o.opt_string("not_offered")?;
    Ok(out)
}

fn next(v: &Value, at: &str) -> Result<Next> {
    let o = Obj::new(v, at, &["if", "to"])?;
    Ok(Next {
        condition: o
            .opt("if")
            .map(|c| condition(c, &o.place("if")))
            .transpose()?,
        to: o.string("to")?,
    })
}

fn group(v: &Value, at: &str) -> Result<Group> {
    let o = Obj::new(v, at, &["id", "heading", "intro"])?;
    Ok(Group {
        id: o.string("id")?,
        heading: o.string("heading")?,
        intro: o.text("intro")?,
    })
}

fn route(v: &Value, at: &str) -> Result<Route> {
    let o = Obj::new(
        v,
        at,
        &[
            "id",
            "title",
            "summary",
            "when",
            "group",
            "steps",
            "time_limit",
            "deadline",
            "deadline_note",
            "deadline_unknown",
            "deadline_passed",
            "contacts",
            "source",
            "after",
            "letter",
        ],
    )?;
    let mut out = Route::default();
    out.id = o.string("id")?;
    out.title = o.text("title")?;
    out.summary = o.text("summary")?;
    out.when = o.list("when", true, when)?;
    out.group = o.string("group")?;
    out.steps = o.list("steps", true, text)?;
    out.time_limit = o.opt_text("time_limit")?;
    out.deadline = o
        .opt("deadline")
        .map(|d| deadline(d, &o.place("deadline")))
        .transpose()?;
    out.deadline_note = o.opt_text("deadline_note")?;
    out.deadline_unknown = o.opt_text("deadline_unknown")?;
    out.deadline_passed = o.opt_text("deadline_passed")?;
    out.contacts = o.list("contacts", false, string)?;
    out.source = o.string("source")?;
    out.after = o.opt_string("after")?;
    out.letter = o
        .opt("letter")
        .map(|l| letter(l, &o.place("letter")))
        .transpose()?;
    Ok(out)
}

fn letter(v: &Value, at: &str) -> Result<Letter> {
    let o = Obj::new(v, at, &["subject", "paragraphs", "reply_days", "writer"])?;
    Ok(Letter {
        subject: o.text("subject")?,
        paragraphs: o.list("paragraphs", true, text)?,
        reply_days: o
            .opt("reply_days")
            .map(|_| o.number("reply_days"))
            .transpose()?,
        writer: o.opt_string("writer")?,
    })
}

fn when(v: &Value, at: &str) -> Result<When> {
    let o = Obj::new(v, at, &["if", "why", "group"])?;
    Ok(When {
        condition: condition(o.req("if")?, &o.place("if"))?,
        why: o.text("why")?,
        group: o.opt_string("group")?,
    })
}

fn deadline(v: &Value, at: &str) -> Result<DeadlineRule> {
    let rule = v.get("rule").and_then(Value::as_str).unwrap_or_default();
    match rule {
        "tribunal_appeal" => {
            let o = Obj::new(v, at, &["rule", "decision", "has_certificate", "certificate"])?;
            Ok(DeadlineRule::TribunalAppeal {
                decision: o.string("decision")?,
                has_certificate: o.string("has_certificate")?,
                certificate: o.string("certificate")?,
            })
        }
        "calendar_months" => {
            let o = Obj::new(v, at, &["rule", "from", "months"])?;
            Ok(DeadlineRule::CalendarMonths { from: o.string("from")?, months: o.number("months")? })
        }
        "working_days" => {
            let o = Obj::new(v, at, &["rule", "from", "days"])?;
            Ok(DeadlineRule::WorkingDays { from: o.string("from")?, days: o.number("days")? })
        }
        "days" => {
            let o = Obj::new(v, at, &["rule", "from", "days"])?;
            Ok(DeadlineRule::Days { from: o.string("from")?, days: o.number("days")? })
        }
        "tribunal_days" => {
            let o = Obj::new(v, at, &["rule", "from", "days", "skip_holidays_if"])?;
            Ok(DeadlineRule::TribunalDays {
                from: o.string("from")?,
                days: o.number("days")?,
                skip_holidays_if: o.opt("skip_holidays_if").map(|c| condition(c, &o.place("skip_holidays_if"))).transpose()?,
            })
        }
        "six_months_starting_with" => {
            let o = Obj::new(v, at, &["rule", "from"])?;
            Ok(DeadlineRule::SixMonthsStartingWith { from: o.string("from")? })
        }
        other => Err(format!(
            "{at}.rule: \"{other}\" is not allowed here. Allowed: \"tribunal_appeal\", \"calendar_months\", \"six_months_starting_with\", \"working_days\", \"days\", \"tribunal_days\""
        )),
    }
}

fn contact(v: &Value, at: &str) -> Result<Contact> {
    let o = Obj::new(
        v,
        at,
        &[
            "id",
            "name",
            "about",
            "phone",
            "email",
            "web",
            "address",
            "local",
            "not_known",
        ],
    )?;
    let mut out = Contact::default();
    out.id = o.string("id")?;
    out.name = o.string("name")?;
    out.about = o.opt_text("about")?;
    out.phone = o.opt_string("phone")?;
    out.email = o.opt_string("email")?;
    out.web = o.opt_string("web")?;
    out.address = o.opt_string("address")?;
    out.local = o.flag("local")?;
    out.not_known = o.opt_string("not_known")?;
    Ok(out)
}

fn holidays(v: &Value, at: &str) -> Result<HolidayData> {
    let o = Obj::new(v, at, &["source", "extra", "cancelled"])?;
    Ok(HolidayData {
        source: o.string("source")?,
        extra: o.list("extra", false, one_off)?,
        cancelled: o.list("cancelled", false, one_off)?,
    })
}

fn one_off(v: &Value, at: &str) -> Result<OneOffHoliday> {
    let o = Obj::new(v, at, &["date", "name"])?;
    Ok(OneOffHoliday {
        date: o.date("date")?,
        name: o.string("name")?,
    })
}

fn condition(v: &Value, at: &str) -> Result<Condition> {
    let o = Obj::new(
        v,
        at,
        &[
            "all",
            "any",
            "not",
            "answer",
            "is",
            "in",
            "has",
            "has_any",
            "only",
            "known",
            "clock",
            "rights_holder",
        ],
    )?;
    let shapes = ["all", "any", "not", "answer", "clock", "rights_holder"]
        .iter()
        .filter(|k| o.opt(k).is_some())
        .count();
    let tests = ["is", "in", "has", "has_any", "only", "known"]
        .iter()
        .filter(|k| o.opt(k).is_some())
        .count();
    let nested = |key: &str| o.list(key, true, condition);
    match (shapes, o.opt("answer")) {
        (1, Some(_)) if tests == 1 => {
            let answer = o.string("answer")?;
            let values = |key: &str| o.opt(key).map(|v| strings(v, &o.place(key))).transpose();
            let test = if let Some(value) = o.opt_string("is")? {
                AnswerTest::Is { answer, value }
            } else if let Some(values) = values("in")? {
                AnswerTest::In { answer, values }
            } else if let Some(value) = o.opt_string("has")? {
                AnswerTest::Has { answer, value }
            } else if let Some(values) = values("has_any")? {
                AnswerTest::HasAny { answer, values }
            } else if let Some(values) = values("only")? {
                AnswerTest::Only { answer, values }
            } else {
                let known = o.req("known")?.as_bool().ok_or_else(|| format!("{}: must be true or false", o.place("known")))?;
                AnswerTest::Known { answer, known }
            };
            Ok(Condition::Test(test))
        }
        (1, None) if tests == 0 => {
            if o.opt("clock").is_some() {
                Ok(Condition::Clock(o.string("clock")?))
            } else if o.opt("rights_holder").is_some() {
                Ok(Condition::RightsHolder(o.string("rights_holder")?))
            } else if o.opt("all").is_some() {
                Ok(Condition::All(nested("all")?))
            } else if o.opt("any").is_some() {
                Ok(Condition::Any(nested("any")?))
            } else {
                Ok(Condition::Not(Box::new(condition(o.req("not")?, &o.place("not"))?)))
            }
        }
        _ => Err(format!(
            "{at}: a condition must be one of {{\"all\": [...]}}, {{\"any\": [...]}}, {{\"not\": {{...}}}}, or {{\"answer\": \"<question id>\"}} with one test"
        )),
    }
}

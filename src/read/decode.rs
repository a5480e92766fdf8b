//! Reading the model from a parsed JSON document: the one typed reader, for the widget, the
//! preview and the command line.
//!
//! Plain code over the [`Json`] tree from [`super::json`], not serde derives: a derive is
//! compiled once per struct, which would cost the widget most of its size. It refuses unknown
//! fields, as the JSON Schema does.
//!
//! Every problem is a [`Problem`]: its path, its words, and whether it is about a key (a
//! field that does not belong) rather than a value. Each top-level field, each item of a
//! top-level list and each route's local texts are read on their own, so one file's
//! problems are all listed; inside one of those, reading stops at the first problem. Paths
//! are built only for a problem ([`At`]): reading a good file makes none.
//!
//! The larger values are made empty (`Default`) and then filled in field by field, in the
//! order of the fields, rather than written as one struct expression: every field that fails
//! then leaves the same one value to drop, instead of a drop of each field read so far at
//! each place a field can fail (0.7 KB less of the widget, gzipped).
#![allow(clippy::field_reassign_with_default)]

use super::json::{Document, Json, Member};
use super::path::{At, JsonPath};
use crate::dates;
use crate::model::{
    AnswerTest, Choice, Clock, ClockRule, ClockStep, Condition, Contact, DeadlineRule, Group,
    HolidayData, InterfaceTexts, IsoDate, Kind, Letter, Milestone, Next, OneOffHoliday, Overlay,
    Question, Rights, Route, RouteTexts, Ruleset, StartScreen, Text, When,
};

/// A problem with a field or a value: where, and what is wrong in words a council officer
/// reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: JsonPath,
    pub message: String,
    /// About the key at `path` (a field that does not belong there), not its value.
    pub at_key: bool,
}

/// A problem is boxed: a small error value keeps every read's `Result` small, which keeps the
/// widget's code small.
type Result<T> = std::result::Result<T, Box<Problem>>;

#[inline(never)]
fn problem(at: &At, message: String) -> Box<Problem> {
    Box::new(Problem {
        path: at.path(),
        message,
        at_key: false,
    })
}

// What a value must be, in words.
const TEXT: &str = "a text in double quotes";
const LIST: &str = "a list in square brackets [ ]";
const OBJECT: &str = "an object in curly brackets { }";
const BOOL: &str = "true or false";
const WHOLE: &str = "a whole number";
const CONDITION: &str = "a condition such as {\"answer\": \"about\", \"is\": \"health\"}";
const DEADLINE: &str = "a deadline rule such as {\"rule\": \"calendar_months\", ...}";
const CLOCK_RULE: &str = "a rule such as {\"rule\": \"weeks\", ...}";
const TEXT_OR_ROLES: &str =
    "this must be a text in quotes, or {\"parent\": \"...\", \"young_person\": \"...\"}";

/// A value of the wrong kind: what it is and what it must be.
#[inline(never)]
fn wrong(v: &Json, at: &At, expected: &str) -> Box<Problem> {
    let found = match v {
        Json::Null => "null (empty)".to_owned(),
        Json::Bool(b) => format!("{b} (true or false)"),
        Json::Number(written) => format!("the number {written}"),
        Json::String(s) => format!("the text \"{s}\""),
        Json::Array(_) => LIST.to_owned(),
        Json::Object(_) => OBJECT.to_owned(),
    };
    problem(at, format!("this is {found}, but it must be {expected}"))
}

/// `"a"`, `"a" or "b"`, or `one of "a", "b", "c"`.
fn one_of(names: &[&str]) -> String {
    let mut out = String::new();
    if names.len() > 2 {
        out.push_str("one of ");
    }
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(if names.len() == 2 { " or " } else { ", " });
        }
        out.push('"');
        out.push_str(name);
        out.push('"');
    }
    out
}

/// An object being read: its members, and where it is.
struct Obj<'a, 'b> {
    members: &'a [Member],
    at: &'b At<'b>,
}

impl<'a, 'b> Obj<'a, 'b> {
    /// The object, refusing a field not in `allowed` (the first, in the order written).
    fn new(v: &'a Json, at: &'b At<'b>, allowed: &[&str], what: &str) -> Result<Obj<'a, 'b>> {
        let members = v.as_object().ok_or_else(|| wrong(v, at, what))?;
        if let Some(m) = members.iter().find(|m| !allowed.contains(&m.key.as_str())) {
            return Err(unknown(at, &m.key, allowed));
        }
        Ok(Obj { members, at })
    }

    fn at<'k>(&'k self, key: &'k str) -> At<'k> {
        At::Key(self.at, key)
    }

    /// A field, if written and not null (the last, if written twice).
    fn opt(&self, key: &str) -> Option<&'a Json> {
        self.members
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &m.value)
            .filter(|v| !v.is_null())
    }

    /// A field that must be written (null is then a value of the wrong kind).
    fn req(&self, key: &str) -> Result<&'a Json> {
        self.given(key).ok_or_else(|| missing(self.at, key))
    }

    fn string(&self, key: &str) -> Result<String> {
        string(self.req(key)?, &self.at(key))
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>> {
        self.opt(key).map(|v| string(v, &self.at(key))).transpose()
    }

    fn text(&self, key: &str) -> Result<Text> {
        text(self.req(key)?, &self.at(key))
    }

    fn opt_text(&self, key: &str) -> Result<Option<Text>> {
        self.opt(key).map(|v| text(v, &self.at(key))).transpose()
    }

    /// A field that may be left out, but is not null when written (a list or a flag with a
    /// default: as the JSON Schema says).
    fn given(&self, key: &str) -> Option<&'a Json> {
        self.members
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    fn flag(&self, key: &str) -> Result<bool> {
        match self.given(key) {
            None => Ok(false),
            Some(Json::Bool(b)) => Ok(*b),
            Some(v) => Err(wrong(v, &self.at(key), BOOL)),
        }
    }

    fn date(&self, key: &str) -> Result<IsoDate> {
        date(self.req(key)?, &self.at(key))
    }

    fn number(&self, key: &str) -> Result<u32> {
        number(self.req(key)?, &self.at(key))
    }

    /// A value read by `read`, if written and not null.
    fn opt_with<T>(&self, key: &str, read: fn(&Json, &At) -> Result<T>) -> Result<Option<T>> {
        self.opt(key).map(|v| read(v, &self.at(key))).transpose()
    }

    fn list<T>(
        &self,
        key: &str,
        required: bool,
        read: fn(&Json, &At) -> Result<T>,
    ) -> Result<Vec<T>> {
        match self.given(key) {
            None if required => Err(missing(self.at, key)),
            None => Ok(Vec::new()),
            Some(v) => list(v, &self.at(key), read),
        }
    }
}

#[inline(never)]
fn unknown(at: &At, key: &str, allowed: &[&str]) -> Box<Problem> {
    Box::new(Problem {
        path: At::Key(at, key).path(),
        message: format!(
            "\"{key}\" is not a field that belongs here (spelling?). Allowed: {}",
            one_of(allowed)
        ),
        at_key: true,
    })
}

fn missing(at: &At, key: &str) -> Box<Problem> {
    problem(
        at,
        format!("the field \"{key}\" is missing: it is required here"),
    )
}

fn string(v: &Json, at: &At) -> Result<String> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| wrong(v, at, TEXT))
}

fn number(v: &Json, at: &At) -> Result<u32> {
    v.as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| wrong(v, at, WHOLE))
}

fn date(v: &Json, at: &At) -> Result<IsoDate> {
    let s = string(v, at)?;
    dates::parse_iso_date(&s).map(IsoDate).map_err(|e| {
        problem(
            at,
            format!("{e} (write dates as YYYY-MM-DD, for example 2026-11-23)"),
        )
    })
}

/// One of a fixed set of words.
fn variant<'v>(v: &'v Json, at: &At, allowed: &[&str]) -> Result<&'v str> {
    let s = v.as_str().ok_or_else(|| wrong(v, at, TEXT))?;
    if allowed.contains(&s) {
        Ok(s)
    } else {
        Err(problem(
            at,
            format!("\"{s}\" is not allowed here. Allowed: {}", one_of(allowed)),
        ))
    }
}

fn list<T>(v: &Json, at: &At, read: fn(&Json, &At) -> Result<T>) -> Result<Vec<T>> {
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
fn each(v: &Json, at: &At, read: &mut dyn FnMut(&Json, &At) -> Result<()>) -> Result<()> {
    let items = v.as_array().ok_or_else(|| wrong(v, at, LIST))?;
    for (i, item) in items.iter().enumerate() {
        read(&item.value, &At::Index(at, i))?;
    }
    Ok(())
}

fn strings(v: &Json, at: &At) -> Result<Vec<String>> {
    list(v, at, string)
}

/// A text, or an object with one text for a parent and one for a young person.
fn text(v: &Json, at: &At) -> Result<Text> {
    let by_role = || {
        let members = v.as_object()?;
        let get = |k: &str| members.iter().rev().find(|m| m.key == k)?.value.as_str();
        let fits = members
            .iter()
            .all(|m| m.key == "parent" || m.key == "young_person");
        if !fits {
            return None;
        }
        Some(Text::by_role(
            get("parent")?.to_owned(),
            get("young_person")?.to_owned(),
        ))
    };
    match v {
        Json::String(s) => Ok(Text::Plain(s.clone())),
        _ => by_role().ok_or_else(|| problem(at, TEXT_OR_ROLES.to_owned())),
    }
}

/// The problems of one file, read part by part.
struct Parts {
    problems: Vec<Problem>,
}

impl Parts {
    /// The value, or its default with the problem kept.
    fn keep<T: Default>(&mut self, read: Result<T>) -> T {
        match read {
            Ok(t) => t,
            Err(p) => {
                self.push(p);
                T::default()
            }
        }
    }

    /// Problems arrive boxed (see [`Result`]); one place unboxes them.
    #[inline(never)]
    #[allow(clippy::boxed_local)]
    fn push(&mut self, p: Box<Problem>) {
        self.problems.push(*p);
    }

    /// The top-level object: every field that does not belong is a problem.
    fn top<'a>(&mut self, v: &'a Json, allowed: &[&str]) -> Option<Obj<'a, 'static>> {
        let Some(members) = v.as_object() else {
            self.push(wrong(v, &At::Root, OBJECT));
            return None;
        };
        for m in members {
            if !allowed.contains(&m.key.as_str()) {
                self.push(unknown(&At::Root, &m.key, allowed));
            }
        }
        Some(Obj {
            members,
            at: &At::Root,
        })
    }

    /// A list of the top-level object, each item read on its own.
    fn list<T>(
        &mut self,
        o: &Obj,
        key: &str,
        required: bool,
        read: fn(&Json, &At) -> Result<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        self.items(o, key, required, &mut |item, at| {
            out.push(read(item, at)?);
            Ok(())
        });
        out
    }

    /// Calls `read` on each item of a top-level list, keeping every problem. Not generic, so
    /// each kind of list costs the widget only its small closure.
    #[inline(never)]
    fn items(
        &mut self,
        o: &Obj,
        key: &str,
        required: bool,
        read: &mut dyn FnMut(&Json, &At) -> Result<()>,
    ) {
        let v = match o.given(key) {
            None if required => return self.push(missing(o.at, key)),
            None => return,
            Some(v) => v,
        };
        let at = o.at(key);
        let Some(items) = v.as_array() else {
            return self.push(wrong(v, &at, LIST));
        };
        for (i, item) in items.iter().enumerate() {
            if let Err(p) = read(&item.value, &At::Index(&at, i)) {
                self.push(p);
            }
        }
    }

    fn done<T>(self, value: T) -> std::result::Result<T, Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            Err(self.problems)
        }
    }
}

const RULESET: &[&str] = &[
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
    "interface_texts",
];

/// Read a ruleset, with every problem found.
pub fn ruleset(doc: &Document) -> std::result::Result<Ruleset, Vec<Problem>> {
    let mut p = Parts {
        problems: Vec::new(),
    };
    let mut out = Ruleset::default();
    let Some(o) = p.top(&doc.value, RULESET) else {
        return p.done(out);
    };
    out.schema = p.keep(o.opt_string("$schema"));
    out.version = p.keep(o.string("version"));
    out.last_reviewed = p.keep(o.date("last_reviewed"));
    out.jurisdiction = p.keep(o.string("jurisdiction"));
    out.start_screen = p.keep(
        o.req("start_screen")
            .and_then(|v| start_screen(v, &o.at("start_screen"))),
    );
    out.start = p.keep(o.string("start"));
    out.questions = p.list(&o, "questions", true, question);
    out.groups = p.list(&o, "groups", true, group);
    out.routes = p.list(&o, "routes", true, route);
    out.contacts = p.list(&o, "contacts", true, contact);
    out.help = p.list(&o, "help", true, string);
    out.together = p.keep(o.text("together"));
    out.holidays = p.keep(
        o.req("holidays")
            .and_then(|v| holidays(v, &o.at("holidays"))),
    );
    out.rights = p.keep(o.opt_with("rights", rights));
    out.clock = p.keep(o.opt_with("clock", clock));
    out.interface_texts = p.keep(
        o.opt_with("interface_texts", interface_texts)
            .map(Option::unwrap_or_default),
    );
    p.done(out)
}

const OVERLAY: &[&str] = &[
    "$schema",
    "council",
    "last_reviewed",
    "contacts",
    "routes",
    "texts",
    "remove_routes",
    "interface_texts",
];

/// Read a council overlay, with every problem found.
pub fn overlay(doc: &Document) -> std::result::Result<Overlay, Vec<Problem>> {
    let mut p = Parts {
        problems: Vec::new(),
    };
    let mut out = Overlay::default();
    let Some(o) = p.top(&doc.value, OVERLAY) else {
        return p.done(out);
    };
    out.schema = p.keep(o.opt_string("$schema"));
    if let Some(council) = p.keep(o.req("council").map(Some)) {
        let at = o.at("council");
        let mut read = || -> Result<()> {
            let c = Obj::new(council, &at, &["id", "name", "page"], OBJECT)?;
            out.council.id = c.string("id")?;
            out.council.name = c.string("name")?;
            out.council.page = c.opt_string("page")?;
            Ok(())
        };
        let r = read();
        p.keep(r);
    }
    out.last_reviewed = p.keep(o.date("last_reviewed"));
    out.contacts = p.list(&o, "contacts", false, contact);
    out.routes = p.list(&o, "routes", false, route);
    if let Some(t) = o.given("texts") {
        let at = o.at("texts");
        match t.as_object() {
            None => p.push(wrong(t, &at, OBJECT)),
            Some(members) => {
                for m in members {
                    match route_texts(&m.value, &At::Key(&at, &m.key)) {
                        Ok(texts) => out.texts.insert(m.key.clone(), texts),
                        Err(e) => p.push(e),
                    }
                }
            }
        }
    }
    out.remove_routes = p.list(&o, "remove_routes", false, string);
    out.interface_texts = p.keep(
        o.opt_with("interface_texts", interface_texts)
            .map(Option::unwrap_or_default),
    );
    p.done(out)
}

/// The `interface_texts` of a ruleset or an overlay: an object of key to text. Which keys are
/// known is `check`'s business: the widget uses the ones it knows.
fn interface_texts(v: &Json, at: &At) -> Result<InterfaceTexts> {
    let members = v.as_object().ok_or_else(|| wrong(v, at, OBJECT))?;
    let mut out = InterfaceTexts::default();
    for m in members {
        out.insert(m.key.clone(), string(&m.value, &At::Key(at, &m.key))?);
    }
    Ok(out)
}

fn route_texts(v: &Json, at: &At) -> Result<RouteTexts> {
    let r = Obj::new(v, at, &["note", "extra_steps", "extra_contacts"], OBJECT)?;
    Ok(RouteTexts {
        note: r.opt_text("note")?,
        extra_steps: r.list("extra_steps", false, text)?,
        extra_contacts: r.list("extra_contacts", false, string)?,
    })
}

fn rights(v: &Json, at: &At) -> Result<Rights> {
    let o = Obj::new(
        v,
        at,
        &[
            "young_person_if",
            "parent_using",
            "young_person_using",
            "source",
        ],
        OBJECT,
    )?;
    Ok(Rights {
        young_person_if: condition(o.req("young_person_if")?, &o.at("young_person_if"))?,
        parent_using: o.text("parent_using")?,
        young_person_using: o.text("young_person_using")?,
        source: o.string("source")?,
    })
}

fn clock(v: &Json, at: &At) -> Result<Clock> {
    let o = Obj::new(
        v,
        at,
        &["question", "late", "not_late", "unknown", "missed", "steps"],
        OBJECT,
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

fn clock_step(v: &Json, at: &At) -> Result<ClockStep> {
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
        OBJECT,
    )?;
    let mut out = ClockStep::default();
    out.step = o.string("step")?;
    out.condition = o.opt_with("if", condition)?;
    out.due = o.opt_with("due", clock_rule)?;
    out.duty = o.text("duty")?;
    out.exceptions = o.opt_text("exceptions")?;
    out.note = o.opt_text("note")?;
    out.milestones = o.list("milestones", false, milestone)?;
    out.source = o.string("source")?;
    Ok(out)
}

fn milestone(v: &Json, at: &At) -> Result<Milestone> {
    let o = Obj::new(v, at, &["weeks", "what"], OBJECT)?;
    Ok(Milestone {
        weeks: o.number("weeks")?,
        what: o.text("what")?,
    })
}

/// The `rule` of an object that has one (a deadline or a clock rule).
fn rule<'v>(v: &'v Json, at: &At, what: &str, rules: &[&str]) -> Result<&'v str> {
    if v.as_object().is_none() {
        return Err(wrong(v, at, what));
    }
    match v.get("rule") {
        None => Err(missing(at, "rule")),
        Some(r) => variant(r, &At::Key(at, "rule"), rules),
    }
}

fn clock_rule(v: &Json, at: &At) -> Result<ClockRule> {
    match rule(v, at, CLOCK_RULE, &["weeks", "before_coming_september"])? {
        "weeks" => {
            let o = Obj::new(v, at, &["rule", "from", "weeks"], CLOCK_RULE)?;
            Ok(ClockRule::Weeks {
                from: o.string("from")?,
                weeks: o.number("weeks")?,
            })
        }
        _ => {
            let o = Obj::new(v, at, &["rule", "month", "day"], CLOCK_RULE)?;
            let small = |key: &str| -> Result<u8> {
                let v = o.req(key)?;
                v.as_u64()
                    .and_then(|n| u8::try_from(n).ok())
                    .ok_or_else(|| wrong(v, &o.at(key), "a whole number from 1 to 31"))
            };
            Ok(ClockRule::BeforeComingSeptember {
                month: small("month")?,
                day: small("day")?,
            })
        }
    }
}

fn start_screen(v: &Json, at: &At) -> Result<StartScreen> {
    let o = Obj::new(
        v,
        at,
        &["title", "paragraphs", "time_needed", "privacy"],
        OBJECT,
    )?;
    Ok(StartScreen {
        title: o.string("title")?,
        paragraphs: o.list("paragraphs", true, string)?,
        time_needed: o.string("time_needed")?,
        privacy: o.string("privacy")?,
    })
}

fn question(v: &Json, at: &At) -> Result<Question> {
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
        OBJECT,
    )?;
    let mut out = Question::default();
    out.id = o.string("id")?;
    out.kind = match variant(o.req("kind")?, &o.at("kind"), &["one", "many", "date"])? {
        "one" => Kind::One,
        "many" => Kind::Many,
        _ => Kind::Date,
    };
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

fn choice(v: &Json, at: &At) -> Result<Choice> {
    let o = Obj::new(
        v,
        at,
        &["value", "label", "hint", "exclusive", "if", "not_offered"],
        OBJECT,
    )?;
    let mut out = Choice::default();
    out.value = o.string("value")?;
    out.label = o.text("label")?;
    out.hint = o.opt_text("hint")?;
    out.exclusive = o.flag("exclusive")?;
    out.condition = o.opt_with("if", condition)?;
    out.not_offered = o.opt_string("not_offered")?;
    Ok(out)
}

fn next(v: &Json, at: &At) -> Result<Next> {
    let o = Obj::new(v, at, &["if", "to"], OBJECT)?;
    Ok(Next {
        condition: o.opt_with("if", condition)?,
        to: o.string("to")?,
    })
}

fn group(v: &Json, at: &At) -> Result<Group> {
    let o = Obj::new(v, at, &["id", "heading", "intro"], OBJECT)?;
    Ok(Group {
        id: o.string("id")?,
        heading: o.string("heading")?,
        intro: o.text("intro")?,
    })
}

fn route(v: &Json, at: &At) -> Result<Route> {
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
        OBJECT,
    )?;
    let mut out = Route::default();
    out.id = o.string("id")?;
    out.title = o.text("title")?;
    out.summary = o.text("summary")?;
    out.when = o.list("when", true, when)?;
    out.group = o.string("group")?;
    out.steps = o.list("steps", true, text)?;
    out.time_limit = o.opt_text("time_limit")?;
    out.deadline = o.opt_with("deadline", deadline)?;
    out.deadline_note = o.opt_text("deadline_note")?;
    out.deadline_unknown = o.opt_text("deadline_unknown")?;
    out.deadline_passed = o.opt_text("deadline_passed")?;
    out.contacts = o.list("contacts", false, string)?;
    out.source = o.string("source")?;
    out.after = o.opt_string("after")?;
    out.letter = o.opt_with("letter", letter)?;
    Ok(out)
}

fn letter(v: &Json, at: &At) -> Result<Letter> {
    let o = Obj::new(
        v,
        at,
        &["subject", "paragraphs", "reply_days", "writer"],
        OBJECT,
    )?;
    Ok(Letter {
        subject: o.text("subject")?,
        paragraphs: o.list("paragraphs", true, text)?,
        reply_days: o.opt_with("reply_days", number)?,
        writer: o.opt_string("writer")?,
    })
}

fn when(v: &Json, at: &At) -> Result<When> {
    let o = Obj::new(v, at, &["if", "why", "group"], OBJECT)?;
    Ok(When {
        condition: condition(o.req("if")?, &o.at("if"))?,
        why: o.text("why")?,
        group: o.opt_string("group")?,
    })
}

fn deadline(v: &Json, at: &At) -> Result<DeadlineRule> {
    const RULES: &[&str] = &[
        "tribunal_appeal",
        "calendar_months",
        "six_months_starting_with",
        "working_days",
        "days",
        "tribunal_days",
    ];
    let obj = |fields: &[&str]| Obj::new(v, at, fields, DEADLINE);
    Ok(match rule(v, at, DEADLINE, RULES)? {
        "tribunal_appeal" => {
            let o = obj(&["rule", "decision", "has_certificate", "certificate"])?;
            DeadlineRule::TribunalAppeal {
                decision: o.string("decision")?,
                has_certificate: o.string("has_certificate")?,
                certificate: o.string("certificate")?,
            }
        }
        "calendar_months" => {
            let o = obj(&["rule", "from", "months"])?;
            DeadlineRule::CalendarMonths {
                from: o.string("from")?,
                months: o.number("months")?,
            }
        }
        "working_days" => {
            let o = obj(&["rule", "from", "days"])?;
            DeadlineRule::WorkingDays {
                from: o.string("from")?,
                days: o.number("days")?,
            }
        }
        "days" => {
            let o = obj(&["rule", "from", "days"])?;
            DeadlineRule::Days {
                from: o.string("from")?,
                days: o.number("days")?,
            }
        }
        "tribunal_days" => {
            let o = obj(&["rule", "from", "days", "skip_holidays_if"])?;
            DeadlineRule::TribunalDays {
                from: o.string("from")?,
                days: o.number("days")?,
                skip_holidays_if: o.opt_with("skip_holidays_if", condition)?,
            }
        }
        _ => {
            let o = obj(&["rule", "from"])?;
            DeadlineRule::SixMonthsStartingWith {
                from: o.string("from")?,
            }
        }
    })
}

fn contact(v: &Json, at: &At) -> Result<Contact> {
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
        OBJECT,
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

fn holidays(v: &Json, at: &At) -> Result<HolidayData> {
    let o = Obj::new(v, at, &["source", "extra", "cancelled"], OBJECT)?;
    Ok(HolidayData {
        source: o.string("source")?,
        extra: o.list("extra", false, one_off)?,
        cancelled: o.list("cancelled", false, one_off)?,
    })
}

fn one_off(v: &Json, at: &At) -> Result<OneOffHoliday> {
    let o = Obj::new(v, at, &["date", "name"], OBJECT)?;
    Ok(OneOffHoliday {
        date: o.date("date")?,
        name: o.string("name")?,
    })
}

const SHAPES: &str = "a condition must be one of: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}}, \
{\"clock\": \"late\"}, {\"rights_holder\": \"parent\"}, \
or {\"answer\": \"<question id>\"} with one of \"is\", \"in\", \"has\", \"has_any\", \"only\", \"known\"";

/// A condition, and the one rule on its shape: exactly one of `all`, `any`, `not`, `clock`,
/// `rights_holder` or `answer`, and `answer` with exactly one test.
fn condition(v: &Json, at: &At) -> Result<Condition> {
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
        CONDITION,
    )?;
    let count = |keys: [&str; 6]| keys.iter().filter(|k| o.opt(k).is_some()).count();
    let groups = count(["all", "any", "not", "answer", "clock", "rights_holder"]);
    let tests = count(["is", "in", "has", "has_any", "only", "known"]);
    if groups != 1 {
        return Err(problem(
            at,
            format!("{SHAPES}; this one has {groups} of all/any/not/answer/clock/rights_holder"),
        ));
    }
    if o.opt("answer").is_none() {
        if tests > 0 {
            return Err(problem(
                at,
                format!("{SHAPES}; \"all\", \"any\" and \"not\" cannot carry a test as well"),
            ));
        }
        return Ok(if o.opt("clock").is_some() {
            Condition::Clock(o.string("clock")?)
        } else if o.opt("rights_holder").is_some() {
            Condition::RightsHolder(o.string("rights_holder")?)
        } else if o.opt("all").is_some() {
            Condition::All(o.list("all", true, condition)?)
        } else if o.opt("any").is_some() {
            Condition::Any(o.list("any", true, condition)?)
        } else {
            Condition::Not(Box::new(condition(o.req("not")?, &o.at("not"))?))
        });
    }
    let answer = o.string("answer")?;
    if tests != 1 {
        return Err(problem(
            at,
            format!("the test of \"{answer}\" must have exactly one of \"is\", \"in\", \"has\", \"has_any\", \"only\", \"known\"; it has {tests}"),
        ));
    }
    let values = |key: &str| o.opt_with(key, strings);
    Ok(Condition::Test(if let Some(value) = o.opt_string("is")? {
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
        let v = o.req("known")?;
        let known = v.as_bool().ok_or_else(|| wrong(v, &o.at("known"), BOOL))?;
        AnswerTest::Known { answer, known }
    }))
}

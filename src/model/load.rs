//! Reading a ruleset or an overlay from JSON text, collecting every problem serde finds
//! rather than stopping at the first: each top-level field and each item of a list is read
//! on its own.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{Overlay, Ruleset};

/// A problem reading the file: bad JSON, a missing or unknown field, a value of the wrong type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Where, as a path such as `routes[3].title` (empty for the whole file).
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// For JSON syntax errors: the line and column serde_json reports (from 1).
    pub line_column: Option<(usize, usize)>,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.path.is_empty(), self.line_column) {
            (_, Some((l, c))) => write!(f, "line {l}, column {c}: {}", self.message),
            (true, None) => write!(f, "{}", self.message),
            (false, None) => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for LoadError {}

/// Read a ruleset. Returns every problem found when it cannot be read.
pub fn load_ruleset(text: &str) -> Result<Ruleset, Vec<LoadError>> {
    load_whole(text)
}

/// Read a council overlay. Returns every problem found when it cannot be read.
pub fn load_overlay(text: &str) -> Result<Overlay, Vec<LoadError>> {
    load_whole(text)
}

/// Parse the text, then read it as `T`; on failure, read each part on its own to list
/// every problem.
fn load_whole<T: DeserializeOwned>(text: &str) -> Result<T, Vec<LoadError>> {
    // Some editors (Windows Notepad) start a file with a byte order mark: not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Err(vec![LoadError {
                path: String::new(),
                message: format!(
                    "the file is not valid JSON: {}",
                    strip_position(&e.to_string())
                ),
                line_column: Some((e.line(), e.column())),
            }])
        }
    };
    match serde_path_to_error::deserialize::<_, T>(&value) {
        Ok(t) => Ok(t),
        Err(first) => {
            let mut errors = Vec::new();
            if let Value::Object(map) = &value {
                collect_part_errors::<T>(map, &mut errors);
            }
            if errors.is_empty() {
                errors.push(to_load_error("", first));
            }
            Err(errors)
        }
    }
}

/// Read every item of every list, and every other field, of a top-level object, to find
/// all the problems. A struct that fails only as a whole (a missing or unknown top-level
/// field) is reported by the caller from the first error.
fn collect_part_errors<T: DeserializeOwned>(map: &Map<String, Value>, errors: &mut Vec<LoadError>) {
    // Re-read the whole object with each list emptied, to report top-level field problems
    // once; then each list item on its own.
    for (key, value) in map {
        if let Value::Array(items) = value {
            for (i, item) in items.iter().enumerate() {
                if let Err(e) = read_list_item(key, item) {
                    errors.push(to_load_error(&format!("{key}[{i}]"), e));
                }
            }
        }
    }
    // Then the object with every list emptied, for problems with the other fields. serde stops
    // at the first, so take each problem's field out and read again, to find them all.
    let mut hollow: Map<String, Value> = map
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                if v.is_array() {
                    Value::Array(vec![])
                } else {
                    v.clone()
                },
            )
        })
        .collect();
    let mut reported: Vec<String> = Vec::new();
    for _ in 0..=map.len() {
        let Err(e) = serde_path_to_error::deserialize::<_, T>(&Value::Object(hollow.clone()))
        else {
            break;
        };
        let field = e
            .path()
            .iter()
            .next()
            .map(|s| s.to_string())
            .unwrap_or_default();
        let error = to_load_error("", e);
        let missing_again = reported
            .iter()
            .any(|r| error.message.contains(&format!("\"{r}\" is missing")));
        if !missing_again {
            errors.push(error);
        }
        if field.is_empty() || hollow.remove(&field).is_none() {
            break;
        }
        reported.push(field);
    }
}

/// Read one item of a known list by its list's name.
fn read_list_item(
    key: &str,
    item: &Value,
) -> Result<(), serde_path_to_error::Error<serde_json::Error>> {
    use super::*;
    fn read<T: DeserializeOwned>(
        v: &Value,
    ) -> Result<(), serde_path_to_error::Error<serde_json::Error>> {
        serde_path_to_error::deserialize::<_, T>(v).map(|_| ())
    }
    match key {
        "questions" => read::<Question>(item),
        "routes" => read::<Route>(item),
        "contacts" => read::<Contact>(item),
        "groups" => read::<Group>(item),
        "help" | "remove_routes" => read::<String>(item),
        _ => Ok(()),
    }
}

fn to_load_error(prefix: &str, e: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
    let inner = e.path().to_string();
    let path = match (prefix.is_empty(), inner.as_str()) {
        (_, ".") => prefix.to_string(),
        (true, _) => inner,
        (false, _) if inner.starts_with('[') => format!("{prefix}{inner}"),
        (false, _) => format!("{prefix}.{inner}"),
    };
    LoadError {
        path,
        message: plain_message(&e.into_inner().to_string()),
        line_column: None,
    }
}

/// serde_json appends " at line L column C"; the check layer gives places itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Put serde's wording into words a council officer reads.
fn plain_message(message: &str) -> String {
    let m = strip_position(message);
    if m.contains("untagged enum Text") {
        return "this must be a text in quotes, or {\"parent\": \"...\", \"young_person\": \"...\"}".into();
    }
    if let Some(rest) = m.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected ")
            .replace('`', "\"");
        return format!(
            "\"{name}\" is not a field that belongs here (spelling?). Allowed: {expected}"
        );
    }
    if let Some(rest) = m.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        return format!("the field \"{name}\" is missing: it is required here");
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        return format!(
            "this is {}, but it must be {}",
            plain_type(found),
            plain_type(expected)
        );
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (_, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        return format!("this is a list, but it must be {}", plain_type(expected));
    }
    if let Some(rest) = m.strip_prefix("unknown variant `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected
            .trim_start_matches(", expected ")
            .replace('`', "\"");
        return format!("\"{name}\" is not allowed here. Allowed: {expected}");
    }
    m
}

/// serde's names for kinds of value, in plain words.
fn plain_type(serde_words: &str) -> String {
    let w = serde_words.trim();
    if let Some(rest) = w.strip_prefix("string ") {
        return format!("the text {rest}");
    }
    if let Some(rest) = w
        .strip_prefix("integer ")
        .or_else(|| w.strip_prefix("floating point "))
    {
        return format!("the number {}", rest.trim_matches('`'));
    }
    if let Some(rest) = w.strip_prefix("boolean ") {
        return format!("{} (true or false)", rest.trim_matches('`'));
    }
    match w {
        "a string" => "a text in double quotes".into(),
        "a sequence" | "sequence" => "a list in square brackets [ ]".into(),
        "map" | "a map" => "an object in curly brackets { }".into(),
        "a boolean" => "true or false".into(),
        "null" | "unit value" => "null (empty)".into(),
        "u32" | "u8" | "u64" | "usize" => "a whole number".into(),
        "struct RawCondition" => {
            "a condition such as {\"answer\": \"about\", \"is\": \"health\"}".into()
        }
        "internally tagged enum DeadlineRule" => {
            "a deadline rule such as {\"rule\": \"calendar_months\", ...}".into()
        }
        s if s.starts_with("struct ") => "an object in curly brackets { }".into(),
        s => s.replace('`', "\""),
    }
}

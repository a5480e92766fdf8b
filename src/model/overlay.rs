//! A council overlay: the council's own contacts, its own routes and local notes, laid over
//! the national ruleset.
//!
//! An overlay can add and fill in; it cannot take away. A national route cannot be removed or
//! replaced by a council: [`crate::check`] reports any attempt, and [`apply_overlay`] ignores it.

#[cfg(feature = "schema")]
use std::collections::BTreeMap;

use serde::Serialize;

use super::interface::{self, InterfaceTexts};
use super::{Contact, IsoDate, Route, Ruleset, Text};

/// A council overlay, as in `www/councils/<id>.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// The JSON Schema this file follows, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The council.
    pub council: Council,
    /// The day someone last checked this overlay, as YYYY-MM-DD.
    pub last_reviewed: IsoDate,
    /// Contacts: one with the id of a national contact fills it in for this council
    /// (for example "iass"); a new id adds a contact for the council's own routes.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// The council's own routes. Their ids start with "local:".
    #[serde(default)]
    pub routes: Vec<Route>,
    /// Local notes and extra steps for national routes, by route id.
    #[serde(default)]
    pub texts: TextsById,
    /// National routes the council would hide. Always refused: every family must see every
    /// route the law gives them. Kept as a field so that `check` can say so plainly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_routes: Vec<String>,
    /// The interface's fixed words changed by key for this council (see
    /// [`super::interface`]); they win over the ruleset's. Not the national texts that carry
    /// the law: `check` refuses those, and [`add_texts`] leaves them out.
    #[serde(default, skip_serializing_if = "InterfaceTexts::is_empty")]
    pub interface_texts: InterfaceTexts,
}

/// The council an overlay is for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Council {
    /// A short id, for example "luton".
    pub id: String,
    /// The council's name, for example "Luton Borough Council".
    pub name: String,
    /// The council's own page about disagreements (https), for the fallback link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

/// Local texts for one national route.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RouteTexts {
    /// A local note shown under the route's summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Steps added after the national first steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_steps: Vec<Text>,
    /// Ids of more contacts to show with the route (the council's own, or national ones).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_contacts: Vec<String>,
}

/// Local texts by route id, in the order of the ids: in the file an object
/// `{"<route id>": {...}}`, read and written as a `BTreeMap` would be. A sorted list rather than
/// a `BTreeMap` in the widget, which would carry the map's own code for this one use (1.6 KB
/// gzipped).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextsById(Vec<(String, RouteTexts)>);

impl TextsById {
    /// Set the texts of a route, in the place of its id (replacing any texts it had).
    pub fn insert(&mut self, id: String, texts: RouteTexts) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&id)) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = texts;
                }
            }
            Err(i) => self.0.insert(i, (id, texts)),
        }
    }

    /// The route ids and their texts, in the order of the ids.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &RouteTexts)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The route ids, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl<'a> IntoIterator for &'a TextsById {
    type Item = (&'a String, &'a RouteTexts);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, RouteTexts)>,
        fn(&'a (String, RouteTexts)) -> (&'a String, &'a RouteTexts),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Serialize for TextsById {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for TextsById {
    fn inline_schema() -> bool {
        <BTreeMap<String, RouteTexts>>::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<String, RouteTexts>>::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        <BTreeMap<String, RouteTexts>>::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, RouteTexts>>::json_schema(generator)
    }
}

/// Something in an overlay that [`apply_overlay`] had to leave out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlayProblem {
    /// A route of the overlay has the id of a national route.
    Shadows(String),
    /// A council's own route whose id does not start with "local:".
    NotLocal(String),
    /// The overlay asks to remove a national route.
    Removes(String),
    /// Local texts for a route that does not exist.
    TextsForUnknownRoute(String),
    /// An interface text that is not one, or a national one, which an overlay cannot change.
    InterfaceText(String),
}

/// The national ruleset with the overlay laid over it, and what was left out.
///
/// Contacts with a national id replace the national placeholder; new contacts are added.
/// Local routes go after the route named by their `after`, or at the end. A route that
/// would shadow a national one, and any removal, is left out and reported.
pub fn apply_overlay(national: &Ruleset, overlay: &Overlay) -> (Ruleset, Vec<OverlayProblem>) {
    let mut laid = lay_over(national.clone(), overlay, overlay.routes.clone());
    add_texts(&mut laid.merged, overlay, &mut laid.problems);
    (laid.merged, laid.problems)
}

/// An overlay's contacts and routes laid over a national ruleset, before its texts.
pub struct Laid {
    /// The ruleset with the overlay's contacts and routes.
    pub merged: Ruleset,
    /// What was left out so far.
    pub problems: Vec<OverlayProblem>,
    /// Each of the overlay's routes, in its order: `Ok` with its place in `merged.routes`,
    /// or `Err` with the route itself when it was left out.
    pub routes: Vec<Result<usize, Route>>,
}

/// The first part of [`apply_overlay`], without copies: the overlay's contacts and its routes
/// (`routes`, taken from it) laid over the national ruleset it is given. [`add_texts`] is the
/// rest.
pub fn lay_over(national: Ruleset, overlay: &Overlay, routes: Vec<Route>) -> Laid {
    let mut merged = national;
    let mut problems = Vec::new();
    for id in &overlay.remove_routes {
        problems.push(OverlayProblem::Removes(id.clone()));
    }
    for contact in &overlay.contacts {
        match merged.contacts.iter_mut().find(|c| c.id == contact.id) {
            Some(slot) => {
                *slot = Contact {
                    local: false,
                    ..contact.clone()
                }
            }
            None => merged.contacts.push(contact.clone()),
        }
    }
    // Which routes can be laid over, decided before any is added: so far `merged` has the
    // national routes only.
    let taken: Vec<bool> = routes
        .iter()
        .map(|route| {
            if merged.route(&route.id).is_some() {
                problems.push(OverlayProblem::Shadows(route.id.clone()));
                false
            } else if !route.id.starts_with("local:") {
                problems.push(OverlayProblem::NotLocal(route.id.clone()));
                false
            } else {
                true
            }
        })
        .collect();
    let mut placed: Vec<Result<usize, Route>> = Vec::new();
    for (route, taken) in routes.into_iter().zip(taken) {
        if !taken {
            placed.push(Err(route));
            continue;
        }
        let at = route
            .after
            .as_deref()
            .and_then(|after| merged.routes.iter().position(|r| r.id == after))
            .map(|i| {
                // After the named route and any local routes already placed after it.
                let mut j = i + 1;
                while j < merged.routes.len() && merged.routes[j].id.starts_with("local:") {
                    j += 1;
                }
                j
            })
            .unwrap_or(merged.routes.len());
        for k in placed.iter_mut().flatten() {
            if *k >= at {
                *k += 1;
            }
        }
        merged.routes.insert(at, route);
        placed.push(Ok(at));
    }
    Laid {
        merged,
        problems,
        routes: placed,
    }
}

/// The rest of [`apply_overlay`]: the overlay's local texts added to their routes.
pub fn add_texts(merged: &mut Ruleset, overlay: &Overlay, problems: &mut Vec<OverlayProblem>) {
    for (key, text) in overlay.interface_texts.iter() {
        match interface::national(key) {
            Some(false) => merged.interface_texts.insert(key.clone(), text.clone()),
            _ => problems.push(OverlayProblem::InterfaceText(key.clone())),
        }
    }
    for (id, texts) in &overlay.texts {
        match merged.routes.iter_mut().find(|r| &r.id == id) {
            Some(route) => {
                if let Some(note) = &texts.note {
                    route.summary = join_texts(&route.summary, note);
                }
                route.steps.extend(texts.extra_steps.iter().cloned());
                for contact in &texts.extra_contacts {
                    if !route.contacts.contains(contact) {
                        route.contacts.push(contact.clone());
                    }
                }
            }
            None => problems.push(OverlayProblem::TextsForUnknownRoute(id.clone())),
        }
    }
}

/// A summary followed by a local note, keeping both versions of a text that follows the person.
fn join_texts(first: &Text, second: &Text) -> Text {
    use super::text::ByRole;
    use super::Role;
    match (first, second) {
        (Text::Plain(a), Text::Plain(b)) => Text::Plain(format!("{a} {b}")),
        _ => Text::ByRole(ByRole {
            parent: format!(
                "{} {}",
                first.for_role(Role::Parent),
                second.for_role(Role::Parent)
            ),
            young_person: format!(
                "{} {}",
                first.for_role(Role::YoungPerson),
                second.for_role(Role::YoungPerson)
            ),
        }),
    }
}

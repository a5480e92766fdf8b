//! JSON Schemas for `rules.json` and council overlays, generated from the Rust types so they
//! can never drift from what the code reads. Committed under `schema/`; a test keeps the
//! committed files equal to these.

use crate::model::{Overlay, Ruleset};

/// The schema of a ruleset (`rules = true`) or of an overlay, as pretty JSON.
pub fn schema_json(rules: bool) -> String {
    let mut schema = if rules {
        schemars::schema_for!(Ruleset)
    } else {
        schemars::schema_for!(Overlay)
    };
    let (id, title) = if rules {
        ("rules.schema.json", "SEND Route Finder ruleset")
    } else {
        ("overlay.schema.json", "SEND Route Finder council overlay")
    };
    schema.insert("$id".into(), id.into());
    schema.insert("title".into(), title.into());
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

//! A reference for overlay authors, written from a ruleset as Markdown
//! (`route-finder reference rules.json`, committed as `docs/reference.md`): every contact a
//! council fills in, every question with its id, words and answer values, every route with its
//! id, group and what it is for, and the groups. Writing an overlay then means looking ids up
//! here, not reading rules.json.

use std::fmt::Write;

use crate::model::{Kind, Role, Ruleset, Text};

/// The reference, as Markdown.
pub fn markdown(rules: &Ruleset) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# Reference for overlay authors\n");
    let _ = writeln!(
        m,
        "Written from the national ruleset, version {}, last reviewed {}, by\n\
         `route-finder reference rules.json`. Do not change it by hand: a test checks that it is\n\
         current. How to write an overlay: [the authoring guide](authoring.md).\n",
        rules.version,
        crate::dates::format_iso(rules.last_reviewed.0)
    );

    let _ = writeln!(m, "## The contacts a council fills in\n");
    let _ = writeln!(
        m,
        "An overlay gives each of these under `contacts`, with the same `id`. Until it does,\n\
         families see the national words shown here.\n"
    );
    let _ = writeln!(
        m,
        "| id | Who | National words until the council fills it in |"
    );
    let _ = writeln!(m, "|---|---|---|");
    for c in rules.contacts.iter().filter(|c| c.local) {
        let words = c
            .not_known
            .as_deref()
            .or(c.about.as_ref().map(|t| t.for_role(Role::Parent)))
            .unwrap_or("");
        let _ = writeln!(m, "| `{}` | {} | {} |", c.id, cell(&c.name), cell(words));
    }

    let _ = writeln!(m, "\n## Questions\n");
    let _ = writeln!(
        m,
        "In the order of the file. A condition tests a question by its id and its answer values:\n\
         `{{\"answer\": \"about\", \"is\": \"health\"}}`.\n"
    );
    for q in &rules.questions {
        let _ = writeln!(m, "### `{}`: {}\n", q.id, q.text.for_role(Role::Parent));
        let kind = match q.kind {
            Kind::One => "one choice (test it with `is` or `in`)",
            Kind::Many => "any of the choices (test it with `has`, `has_any` or `only`)",
            Kind::Date => "a date, or \"unknown\" (test it with `known`)",
        };
        let _ = write!(m, "Answer: {kind}.");
        if q.optional {
            let _ = write!(m, " It may stay unanswered.");
        }
        let _ = writeln!(m);
        if let Text::ByRole(_) = &q.text {
            let _ = writeln!(
                m,
                "\nTo a young person: {}",
                q.text.for_role(Role::YoungPerson)
            );
        }
        if !q.options.is_empty() {
            let _ = writeln!(m, "\n| Answer value | Words |\n|---|---|");
            for o in &q.options {
                let _ = writeln!(
                    m,
                    "| `{}` | {} |",
                    o.value,
                    cell(o.label.for_role(Role::Parent))
                );
            }
        }
        let _ = writeln!(m);
    }

    let _ = writeln!(m, "## Routes\n");
    let _ = writeln!(
        m,
        "An overlay adds local words to a route under `texts`, by its id. A council's own route\n\
         has an id that starts with `local:`; its `after` names a route of the same group.\n"
    );
    let _ = writeln!(
        m,
        "| id | Group | Title | What it is for |\n|---|---|---|---|"
    );
    for r in &rules.routes {
        let _ = writeln!(
            m,
            "| `{}` | `{}` | {} | {} |",
            r.id,
            r.group,
            cell(r.title.for_role(Role::Parent)),
            cell(r.summary.for_role(Role::Parent))
        );
    }

    let _ = writeln!(m, "\n## Groups\n");
    let _ = writeln!(m, "Routes are shown group by group, in this order.\n");
    let _ = writeln!(m, "| id | Heading |\n|---|---|");
    for g in &rules.groups {
        let _ = writeln!(m, "| `{}` | {} |", g.id, cell(&g.heading));
    }

    let _ = writeln!(m, "\n## Interface texts\n");
    let _ = writeln!(
        m,
        "The widget's own words, by key. A ruleset or an overlay changes one under\n\
         `interface_texts`: `{{\"start_now\": \"Begin\"}}`. A word in curly brackets, such as\n\
         `{{day}}`, is filled in by the widget: keep it. A national text carries the law: only the\n\
         national ruleset can change it, and `route-finder check` refuses an overlay that tries.\n\
         Texts marked \"loader\" are shown by the script a page includes, before the widget runs:\n\
         while it loads, in the quick exit, and when it cannot start. The loader shows\n\
         `start_now` and `new_tab` too.\n"
    );
    let _ = writeln!(
        m,
        "| Key | National | Loader | English |\n|---|---|---|---|"
    );
    for e in crate::model::interface::texts() {
        let national = if e.national { "yes" } else { "" };
        let by = if e.loader { "loader" } else { "" };
        let _ = writeln!(
            m,
            "| `{}` | {national} | {by} | {} |",
            e.key,
            cell(e.default)
        );
    }
    m
}

/// Text safe in a Markdown table cell: no `|`, no line breaks.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

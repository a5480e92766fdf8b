//! Texts that follow the person using the tool: "your child" for a parent, "you" for a
//! young person.

use serde::Serialize;

/// Who is using the tool. Chosen by the first question, `role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// A parent or carer, asking about their child.
    #[default]
    Parent,
    /// A young person aged 16 to 25, asking for themselves.
    YoungPerson,
}

impl Role {
    /// The role named by an answer to the `role` question; a parent when unknown.
    pub fn from_answer(value: Option<&str>) -> Role {
        match value {
            Some("young_person") => Role::YoungPerson,
            _ => Role::Parent,
        }
    }

    /// The value of the `role` answer for this role: "parent" or "young_person".
    pub fn id(self) -> &'static str {
        match self {
            Role::Parent => "parent",
            Role::YoungPerson => "young_person",
        }
    }
}

/// A text in the ruleset: the same words for everyone, or one version for a parent and
/// one for a young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Text {
    /// The same words for everyone.
    Plain(String),
    /// Words for a parent or carer, and words for a young person.
    ByRole(ByRole),
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

/// The two versions of a text that follows the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ByRole {
    /// For a parent or carer: speaks of "your child".
    pub parent: String,
    /// For a young person: speaks to them, "you".
    pub young_person: String,
}

impl Text {
    /// A text with one version for a parent and one for a young person.
    pub fn by_role(parent: String, young_person: String) -> Text {
        Text::ByRole(ByRole {
            parent,
            young_person,
        })
    }

    /// The words for this person.
    pub fn for_role(&self, role: Role) -> &str {
        match (self, role) {
            (Text::Plain(s), _) => s,
            (Text::ByRole(b), Role::Parent) => &b.parent,
            (Text::ByRole(b), Role::YoungPerson) => &b.young_person,
        }
    }

    /// Every version of the text, for checks.
    pub fn versions(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![s],
            Text::ByRole(b) => vec![&b.parent, &b.young_person],
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_string())
    }
}

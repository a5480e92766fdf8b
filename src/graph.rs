//! The questionnaire as a flow chart, in Mermaid or Graphviz DOT: one box per question, one
//! arrow per step, labelled with its condition.

use crate::model::{AnswerTest, Condition, Ruleset, RESULTS};

/// Mermaid flowchart text.
pub fn mermaid(rules: &Ruleset) -> String {
    let mut out = String::from("flowchart TD\n");
    out.push_str(&format!("  start([Start]) --> {}\n", node_id(&rules.start)));
    for q in &rules.questions {
        out.push_str(&format!(
            "  {}[\"{}\"]\n",
            node_id(&q.id),
            mermaid_text(&format!(
                "{}: {}",
                q.id,
                q.text.for_role(Default::default())
            ))
        ));
    }
    out.push_str(&format!("  {}([\"Results\"])\n", node_id(RESULTS)));
    for q in &rules.questions {
        let conditional = q.next.iter().any(|n| n.condition.is_some());
        for next in &q.next {
            match step_label(conditional, next.condition.as_ref()) {
                Some(label) => out.push_str(&format!(
                    "  {} -->|\"{}\"| {}\n",
                    node_id(&q.id),
                    label
                        .split('\n')
                        .map(mermaid_text)
                        .collect::<Vec<_>>()
                        .join("<br>"),
                    node_id(&next.to)
                )),
                None => out.push_str(&format!("  {} --> {}\n", node_id(&q.id), node_id(&next.to))),
            }
        }
    }
    out
}

/// Graphviz DOT text.
pub fn dot(rules: &Ruleset) -> String {
    let mut out = String::from(
        "digraph questionnaire {\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n",
    );
    out.push_str(&format!(
        "  start [label=\"Start\", shape=oval];\n  start -> {};\n",
        node_id(&rules.start)
    ));
    for q in &rules.questions {
        out.push_str(&format!(
            "  {} [label=\"{}\"];\n",
            node_id(&q.id),
            dot_text(&format!(
                "{}\n{}",
                q.id,
                q.text.for_role(Default::default())
            ))
        ));
    }
    out.push_str(&format!(
        "  {} [label=\"Results\", shape=oval];\n",
        node_id(RESULTS)
    ));
    for q in &rules.questions {
        let conditional = q.next.iter().any(|n| n.condition.is_some());
        for next in &q.next {
            match step_label(conditional, next.condition.as_ref()) {
                Some(label) => out.push_str(&format!(
                    "  {} -> {} [label=\"{}\"];\n",
                    node_id(&q.id),
                    node_id(&next.to),
                    dot_text(&label)
                )),
                None => out.push_str(&format!("  {} -> {};\n", node_id(&q.id), node_id(&next.to))),
            }
        }
    }
    out.push_str("}\n");
    out
}

/// A condition in short words, for an arrow's label.
pub fn describe(c: &Condition) -> String {
    match c {
        Condition::All(cs) => cs.iter().map(nested).collect::<Vec<_>>().join(" and "),
        Condition::Any(cs) => cs.iter().map(nested).collect::<Vec<_>>().join(" or "),
        Condition::Not(c) => format!("not {}", nested(c)),
        Condition::Clock(state) => format!("clock {state}"),
        Condition::RightsHolder(holder) => format!("rights {holder}"),
        Condition::Test(t) => match t {
            AnswerTest::Is { answer, value } => format!("{answer} = {value}"),
            AnswerTest::In { answer, values } => format!("{answer} in {}", values.join("/")),
            AnswerTest::Has { answer, value } => format!("{answer} has {value}"),
            AnswerTest::HasAny { answer, values } => {
                format!("{answer} has any of {}", values.join("/"))
            }
            AnswerTest::Only { answer, values } => format!("{answer} only {}", values.join("/")),
            AnswerTest::Known {
                answer,
                known: true,
            } => format!("{answer} known"),
            AnswerTest::Known {
                answer,
                known: false,
            } => format!("{answer} unknown"),
        },
    }
}

/// A condition inside another, in brackets when it is a group.
fn nested(c: &Condition) -> String {
    match c {
        Condition::All(cs) | Condition::Any(cs) if cs.len() > 1 => format!("({})", describe(c)),
        _ => describe(c),
    }
}

/// The label of a step: its condition, or "otherwise" for the last step of a question whose
/// other steps have conditions.
fn step_label(conditional_siblings: bool, condition: Option<&Condition>) -> Option<String> {
    match condition {
        Some(c) => Some(wrap(&describe(c), 48)),
        None if conditional_siblings => Some("otherwise".to_string()),
        None => None,
    }
}

/// Break a long label into lines of about `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split(' ') {
        if line > 0 && line + word.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.chars().count();
    }
    out
}

/// An identifier both formats accept for any question id: letters, digits and underscores,
/// with anything else written as its code, and a prefix so it never starts with a digit or
/// clashes with a keyword.
fn node_id(id: &str) -> String {
    let mut out = String::from("q_");
    for ch in id.chars() {
        if ch.is_ascii_alphanumeric() || ch == '_' {
            out.push(ch);
        } else {
            out.push_str(&format!("_{:x}_", ch as u32));
        }
    }
    out
}

/// Text inside Mermaid double quotes: quotes and markup characters as entity codes.
fn mermaid_text(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '\\' => out.push_str("#92;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text inside DOT double quotes.
fn dot_text(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

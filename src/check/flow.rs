//! Checks on the flow of questions: cycles, questions nobody can reach, answers for which no
//! step leads on, and paths that end without any route.

use super::Reporter;
use crate::engine::paths::{enumerate, PathOptions, PathProblemKind};
use crate::model::{Overlay, Ruleset, RESULTS};
use crate::read::JsonPath;

/// Check the flow of the national ruleset: the steps ([`check_steps`]), then every path.
pub fn check_flow(rules: &Ruleset, report: &mut Reporter) {
    let Some(reached) = check_steps(rules, report) else {
        return; // Paths are not walked round a circle.
    };
    walk_every_path(rules, &reached, report);
}

/// The steps between questions, without walking the paths (cheap enough for the widget):
/// no step goes round in a circle, and a step leads to every question. Returns which
/// questions a step leads to, or `None` after a circle.
pub fn check_steps(rules: &Ruleset, report: &mut Reporter) -> Option<Vec<bool>> {
    let root = JsonPath::root();
    let index = |id: &str| rules.questions.iter().position(|q| q.id == id);
    // Cycles: a depth-first search over the steps, whatever their conditions.
    let mut state = vec![0u8; rules.questions.len()]; // 0 new, 1 on the stack, 2 done
    let mut reported: Vec<(usize, usize)> = Vec::new();
    for start in 0..rules.questions.len() {
        if state[start] != 0 {
            continue;
        }
        // An explicit stack of (question, next step to look at).
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some((q, j)) = stack.last().copied() {
            let question = &rules.questions[q];
            if j >= question.next.len() {
                state[q] = 2;
                stack.pop();
                continue;
            }
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            let Some(to) = index(&question.next[j].to) else {
                continue;
            };
            match state[to] {
                0 => {
                    state[to] = 1;
                    stack.push((to, 0));
                }
                1 if !reported.contains(&(q, j)) => {
                    reported.push((q, j));
                    let from = stack.iter().position(|(s, _)| *s == to).unwrap_or(0);
                    let mut chain = String::new();
                    for (s, _) in &stack[from..] {
                        chain.push_str(&rules.questions[*s].id);
                        chain.push_str(" → ");
                    }
                    chain.push_str(&rules.questions[to].id);
                    report.error(
                        &root.key("questions").index(q).key("next").index(j).key("to"),
                        format!("this step goes round in a circle: {chain}. The questions must always lead on, to the results"),
                    );
                }
                _ => {}
            }
        }
    }
    // Questions no step leads to.
    let mut reached = vec![false; rules.questions.len()];
    // The questions reached but not yet followed (in any order: only which are reached counts).
    let mut to_follow = Vec::new();
    if let Some(s) = index(&rules.start) {
        reached[s] = true;
        to_follow.push(s);
    }
    while let Some(q) = to_follow.pop() {
        for next in &rules.questions[q].next {
            if let Some(to) = index(&next.to) {
                if !reached[to] {
                    reached[to] = true;
                    to_follow.push(to);
                }
            }
        }
    }
    for (i, q) in rules.questions.iter().enumerate() {
        if !reached[i] {
            report.error(
                &root.key("questions").index(i).key("id"),
                format!("nobody can reach the question \"{}\": no step leads to it from the first question", q.id),
            );
        }
    }
    if !reported.is_empty() {
        return None;
    }
    Some(reached)
}

/// Every path: dead ends, paths with no route, questions and routes no answers lead to.
fn walk_every_path(rules: &Ruleset, reached: &[bool], report: &mut Reporter) {
    let root = JsonPath::root();
    let index = |id: &str| rules.questions.iter().position(|q| q.id == id);
    let summary = enumerate(rules, &PathOptions::standard(), |_, _| {});
    for problem in &summary.problems {
        let answers = problem.answers.to_json();
        match &problem.kind {
            PathProblemKind::DeadEnd(q) => {
                let at = index(q)
                    .map(|i| root.key("questions").index(i).key("next"))
                    .unwrap_or_else(|| root.key("questions"));
                report.error(&at, format!("a path ends here without results: for the answers {answers}, no step out of \"{q}\" holds. Add a last step with no \"if\""));
            }
            PathProblemKind::NoRoutes => report.error(
                &root.key("routes"),
                format!("a path ends without results: the answers {answers} show no route at all"),
            ),
            PathProblemKind::Loop(q) | PathProblemKind::Missing(q) => report.error(
                &root.key("questions"),
                format!("a path cannot go on at \"{q}\" for the answers {answers}"),
            ),
        }
    }
    if summary.truncated {
        report.warning(
            &root.key("questions"),
            "there are too many paths to walk them all, so some flow checks were not done",
        );
        return;
    }
    for (i, q) in rules.questions.iter().enumerate() {
        if reached[i] && !summary.asked.contains(&q.id) {
            report.error(
                &root.key("questions").index(i).key("id"),
                format!(
                    "nobody can reach the question \"{}\": no answers lead to it",
                    q.id
                ),
            );
        }
    }
    for (i, r) in rules.routes.iter().enumerate() {
        if !summary.shown.contains(&r.id) {
            report.warning(
                &root.key("routes").index(i).key("when"),
                format!(
                    "no answers lead to the route \"{}\", so it is never shown",
                    r.id
                ),
            );
        }
    }
    let _ = RESULTS;
}

/// Warn about a council's own route that no answers lead to.
pub fn check_local_routes_shown(merged: &Ruleset, overlay: &Overlay, report: &mut Reporter) {
    let summary = enumerate(merged, &PathOptions::standard(), |_, _| {});
    for (i, r) in overlay.routes.iter().enumerate() {
        if !summary.shown.contains(&r.id) {
            report.warning(
                &JsonPath::root().key("routes").index(i).key("when"),
                format!(
                    "no answers lead to the route \"{}\", so it is never shown",
                    r.id
                ),
            );
        }
    }
}

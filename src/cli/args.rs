//! Reading the command line. Small enough not to need a library.

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Command {
    Check {
        rules: String,
        council: Option<String>,
        today: Option<String>,
    },
    Evaluate {
        rules: String,
        council: Option<String>,
        answers: String,
        today: Option<String>,
    },
    Paths {
        rules: String,
        council: Option<String>,
        list: bool,
    },
    Graph {
        rules: String,
        council: Option<String>,
        format: GraphFormat,
    },
    Diff {
        old: String,
        new: String,
        council: Option<String>,
        list: bool,
    },
    Schema {
        which: SchemaKind,
    },
    Reference {
        rules: String,
    },
    Help,
}

/// The flow chart formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GraphFormat {
    Mermaid,
    Dot,
}

/// Which JSON Schema to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SchemaKind {
    Rules,
    Overlay,
}

pub(super) const USAGE: &str = "\
route-finder: check and try out a SEND Route Finder ruleset

Usage:
  route-finder check RULES [--council OVERLAY] [--today YYYY-MM-DD]
  route-finder evaluate RULES [--council OVERLAY] --answers ANSWERS.json [--today YYYY-MM-DD]
  route-finder paths RULES [--council OVERLAY] [--list]
  route-finder graph RULES [--council OVERLAY] --format mermaid|dot
  route-finder diff OLD_RULES NEW_RULES [--council OVERLAY] [--list]
  route-finder schema rules|overlay
  route-finder reference RULES

Exit codes: 0 fine; 2 a problem in the files or the command; 3 an answer is missing.
";

/// Read the arguments (without the program name).
pub(super) fn parse(args: &[String]) -> Result<Command, String> {
    let Some((verb, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    let mut positional = Vec::new();
    let mut flags: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let a = &rest[i];
        if let Some(name) = a.strip_prefix("--") {
            if name == "help" {
                return Ok(Command::Help);
            }
            if name == "list" {
                flags.push(("list".into(), String::new()));
                i += 1;
                continue;
            }
            let (name, value) = match name.split_once('=') {
                Some((n, v)) => (n.to_string(), v.to_string()),
                None => {
                    i += 1;
                    let v = rest
                        .get(i)
                        .ok_or_else(|| format!("--{name} needs a value"))?;
                    (name.to_string(), v.clone())
                }
            };
            if flags.iter().any(|(n, _)| *n == name) {
                return Err(format!("--{name} is given twice"));
            }
            flags.push((name, value));
        } else {
            positional.push(a.clone());
        }
        i += 1;
    }
    let allowed: &[&str] = match verb.as_str() {
        "check" => &["council", "today"],
        "evaluate" => &["council", "answers", "today"],
        "paths" => &["council", "list"],
        "graph" => &["council", "format"],
        "diff" => &["council", "list"],
        "schema" => &[],
        "reference" => &[],
        "help" | "-h" | "--help" => return Ok(Command::Help),
        other => return Err(format!("unknown command \"{other}\"")),
    };
    if let Some((name, _)) = flags.iter().find(|(n, _)| !allowed.contains(&n.as_str())) {
        return Err(format!("\"{verb}\" does not take --{name}"));
    }
    let flag = |n: &str| flags.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    let one = |what: &str| -> Result<String, String> {
        match positional.as_slice() {
            [only] => Ok(only.clone()),
            [] => Err(format!("\"{verb}\" needs {what}")),
            _ => Err(format!(
                "\"{verb}\" takes one {what}, not {}",
                positional.len()
            )),
        }
    };
    Ok(match verb.as_str() {
        "check" => Command::Check {
            rules: one("a RULES file")?,
            council: flag("council"),
            today: flag("today"),
        },
        "evaluate" => Command::Evaluate {
            rules: one("a RULES file")?,
            council: flag("council"),
            answers: flag("answers").ok_or("\"evaluate\" needs --answers ANSWERS.json")?,
            today: flag("today"),
        },
        "diff" => match positional.as_slice() {
            [old, new] => Command::Diff {
                old: old.clone(),
                new: new.clone(),
                council: flag("council"),
                list: flag("list").is_some(),
            },
            _ => return Err("\"diff\" needs two RULES files: the old and the new".into()),
        },
        "paths" => Command::Paths {
            rules: one("a RULES file")?,
            council: flag("council"),
            list: flag("list").is_some(),
        },
        "graph" => Command::Graph {
            rules: one("a RULES file")?,
            council: flag("council"),
            format: match flag("format").as_deref() {
                Some("mermaid") => GraphFormat::Mermaid,
                Some("dot") => GraphFormat::Dot,
                Some(other) => {
                    return Err(format!("--format must be mermaid or dot, not \"{other}\""))
                }
                None => return Err("\"graph\" needs --format mermaid|dot".into()),
            },
        },
        "reference" => Command::Reference {
            rules: one("a RULES file")?,
        },
        _ => Command::Schema {
            which: match one("kind: rules or overlay")?.as_str() {
                "rules" => SchemaKind::Rules,
                "overlay" => SchemaKind::Overlay,
                other => return Err(format!("schema must be rules or overlay, not \"{other}\"")),
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Command, String> {
        parse(&s.split_whitespace().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn reads_each_command() {
        assert_eq!(
            p("evaluate rules.json --answers a.json --today 2026-11-23"),
            Ok(Command::Evaluate {
                rules: "rules.json".into(),
                council: None,
                answers: "a.json".into(),
                today: Some("2026-11-23".into())
            })
        );
        assert_eq!(
            p("check rules.json --council=x.json"),
            Ok(Command::Check {
                rules: "rules.json".into(),
                council: Some("x.json".into()),
                today: None
            })
        );
        assert_eq!(
            p("graph r.json --format dot"),
            Ok(Command::Graph {
                rules: "r.json".into(),
                council: None,
                format: GraphFormat::Dot
            })
        );
        assert_eq!(p(""), Ok(Command::Help));
    }

    #[test]
    fn refuses_bad_command_lines() {
        assert!(p("evaluate rules.json").is_err());
        assert!(p("check").is_err());
        assert!(p("check a b").is_err());
        assert!(p("check a --answers x").is_err());
        assert!(p("graph a --format png").is_err());
        assert!(p("frobnicate").is_err());
        assert!(p("check a --council").is_err());
        assert!(p("check a --council x --council y").is_err());
    }
}

//! Every scenario of tests/scenarios/*.json (docs/contract.md, section 5) through
//! `route-finder evaluate`, run in-process: the public scenarios, kept unchanged, and our own.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the command line; returns (exit code, stdout, stderr).
fn route_finder(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = send_route_finder::cli::run(&args, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("srf-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write a temp file");
    path
}

/// The problems with one scenario, as the shared runner reports them.
fn run_scenario(s: &Value) -> Vec<String> {
    run_scenario_with(s, &root().join("rules.json"), &root().join("www/councils"))
}

/// The problems with one scenario on a given ruleset: the shared runner's checks
/// (docs/contract.md, sections 5 and 7.5), and our own `says` and `never_says` (phrases that must, or must
/// not, appear in the words of the results, case aside).
fn run_scenario_with(s: &Value, rules: &Path, councils: &Path) -> Vec<String> {
    let id = s["id"].as_str().unwrap_or("?");
    let answers = temp_file(&format!("{id}.json"), &s["answers"].to_string());
    let council = s["council"]
        .as_str()
        .map(|c| councils.join(format!("{c}.json")));
    let mut args = vec!["evaluate".to_string(), rules.display().to_string()];
    if let Some(c) = &council {
        args.extend(["--council".to_string(), c.display().to_string()]);
    }
    args.extend(["--answers".into(), answers.display().to_string()]);
    args.extend([
        "--today".into(),
        s["today"].as_str().unwrap_or("").to_string(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = route_finder(&args);
    let _ = std::fs::remove_file(&answers);
    if s["expect"]["invalid"] == true {
        return if code == 2 {
            vec![]
        } else {
            vec![format!("expected exit 2 (invalid answers), got {code}")]
        };
    }
    if code != 0 {
        return vec![format!("exit {code}: {out}{err}")];
    }
    let out: Value = match serde_json::from_str(&out) {
        Ok(v) => v,
        Err(e) => return vec![format!("output is not JSON: {e}")],
    };
    let routes: Vec<&Value> = out["routes"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let find = |rid: &str| routes.iter().find(|r| r["id"] == rid);
    let mut problems = Vec::new();
    for rid in s["expect"]["include"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if find(rid).is_none() {
            problems.push(format!("missing {rid}"));
        }
    }
    for rid in s["expect"]["exclude"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if find(rid).is_some() {
            problems.push(format!("unexpected {rid}"));
        }
    }
    if let Some(deadlines) = s["expect"]["deadlines"].as_object() {
        for (rid, want) in deadlines {
            match find(rid) {
                Some(route) if &route["deadline"] != want => {
                    problems.push(format!("{rid} deadline {} != {want}", route["deadline"]))
                }
                None => problems.push(format!("{rid} (with a deadline to test) is not shown")),
                _ => {}
            }
        }
    }
    if let Some(want) = s["expect"].get("rights_holder") {
        if &out["rights_holder"] != want {
            problems.push(format!("rights_holder {} != {want}", out["rights_holder"]));
        }
    }
    match s["expect"].get("timescale") {
        Some(Value::Null) if !out["timescale"].is_null() => {
            problems.push(format!("timescale {} != null", out["timescale"]))
        }
        Some(Value::Object(want)) => {
            for (k, v) in want {
                if &out["timescale"][k] != v {
                    problems.push(format!("timescale.{k} {} != {v}", out["timescale"][k]));
                }
            }
        }
        _ => {}
    }
    let words = words_of(&out).to_lowercase();
    for phrase in s["expect"]["says"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if !words.contains(&phrase.to_lowercase()) {
            problems.push(format!("does not say \"{phrase}\""));
        }
    }
    for phrase in s["expect"]["never_says"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if words.contains(&phrase.to_lowercase()) {
            problems.push(format!("says \"{phrase}\""));
        }
    }
    problems
}

/// Every text in the results, one per line (keys and ids left out).
fn words_of(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{s}\n"),
        Value::Array(items) => items.iter().map(words_of).collect(),
        Value::Object(map) => map.values().map(words_of).collect(),
        _ => String::new(),
    }
}

fn run_file(path: &Path, at_least: usize) {
    let text = std::fs::read_to_string(path).expect("read the scenarios");
    let file: Value = serde_json::from_str(&text).expect("scenarios are JSON");
    let scenarios = file["scenarios"].as_array().expect("a scenarios list");
    assert!(
        scenarios.len() >= at_least,
        "{}: only {} scenarios",
        path.display(),
        scenarios.len()
    );
    let failures: Vec<String> = scenarios
        .iter()
        .filter_map(|s| {
            let problems = run_scenario(s);
            (!problems.is_empty()).then(|| format!("FAIL {}: {}", s["id"], problems.join("; ")))
        })
        .collect();
    println!(
        "{}: {}/{} scenarios pass",
        path.display(),
        scenarios.len() - failures.len(),
        scenarios.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn public_scenarios_pass() {
    run_file(&root().join("tests/scenarios/public.json"), 19);
}

#[test]
fn our_own_scenarios_pass() {
    run_file(&root().join("tests/scenarios/own.json"), 30);
}

#[test]
fn public_scenarios_of_the_second_round_pass() {
    run_file(&root().join("tests/scenarios/public-2.json"), 8);
}

#[test]
fn the_adviser_findings_are_fixed() {
    // One scenario at least for each finding of the adviser's review (W1-W5, I1-I14).
    let path = root().join("tests/scenarios/own-2.json");
    run_file(&path, 19);
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    let findings: std::collections::BTreeSet<&str> = v["scenarios"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["finding"].as_str())
        .collect();
    let missing: Vec<String> = (1..=5)
        .map(|i| format!("W{i}"))
        .chain((1..=14).map(|i| format!("I{i}")))
        .filter(|f| !findings.contains(f.as_str()))
        .collect();
    assert!(missing.is_empty(), "no scenario for {missing:?}");
}

/// Whether every answer of a scenario is a question and a value the ruleset offers.
fn answers_fit(s: &Value, rules: &Value) -> bool {
    let questions = rules["questions"].as_array().cloned().unwrap_or_default();
    s["answers"].as_object().is_some_and(|answers| {
        answers.iter().all(|(id, answer)| {
            let Some(q) = questions.iter().find(|q| q["id"] == id.as_str()) else {
                return false;
            };
            let offered = |v: &Value| {
                q["options"]
                    .as_array()
                    .is_some_and(|o| o.iter().any(|c| &c["value"] == v))
            };
            match answer {
                Value::Array(vs) => vs.iter().all(offered),
                v if q["kind"] == "date" => v.is_string(),
                v => offered(v),
            }
        })
    })
}

#[test]
fn the_findings_failed_on_the_ruleset_before_the_fix() {
    // Each of our scenarios for a finding that the old ruleset and overlays (commit 927756a,
    // kept in tests/old/) could answer at all, must fail on them: the scenario tests the
    // fix, not something already so.
    let old = root().join("tests/old/rules-927756a.json");
    let old_rules: Value =
        serde_json::from_str(&std::fs::read_to_string(&old).expect("read")).expect("json");
    let path = root().join("tests/scenarios/own-2.json");
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    let mut ran = 0;
    let mut passed_before = Vec::new();
    for s in v["scenarios"].as_array().into_iter().flatten() {
        if !answers_fit(s, &old_rules) {
            continue;
        }
        ran += 1;
        if run_scenario_with(s, &old, &root().join("tests/old/councils")).is_empty() {
            passed_before.push(s["id"].to_string());
        }
    }
    println!("{ran} scenarios with the old questions only: each fails on the old ruleset");
    assert!(ran > 0, "no scenario uses the old questions only");
    assert!(
        passed_before.is_empty(),
        "these already passed before the fix: {passed_before:?}"
    );
}

#[test]
fn every_contract_route_can_be_shown() {
    // Contract section 2: the ruleset can show every route; our scenarios between them show each.
    let contract = [
        "talk_to_setting",
        "setting_complaint",
        "dfe_complaint",
        "la_send_team",
        "la_complaint",
        "iass",
        "disagreement_resolution",
        "mediation_advice",
        "mediation",
        "tribunal_appeal",
        "tribunal_recommendations",
        "lgsco",
        "judicial_review",
        "nhs_complaint",
        "phso",
        "children_social_care_complaint",
        "adult_social_care_complaint",
        "exclusion_governors",
        "exclusion_irp",
        "discrimination_tribunal",
        "discrimination_county_court",
        "request_assessment",
        "pre_action_letter",
        "transport_review",
        "draft_plan_response",
        "challenge_tribunal_decision",
        "ofsted",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for file in ["public.json", "own.json", "public-2.json", "own-2.json"] {
        let text =
            std::fs::read_to_string(root().join("tests/scenarios").join(file)).expect("read");
        let v: Value = serde_json::from_str(&text).expect("json");
        for s in v["scenarios"].as_array().into_iter().flatten() {
            for r in s["expect"]["include"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                seen.insert(r.to_string());
            }
        }
    }
    let missing: Vec<_> = contract.iter().filter(|r| !seen.contains(**r)).collect();
    assert!(missing.is_empty(), "no scenario includes {missing:?}");
}

#[test]
fn the_public_scenarios_are_kept_unchanged() {
    // The copies under tests/ must match the shared files when they are beside the checkout.
    for file in ["public.json", "public-2.json"] {
        let shared = root().join("../shared/scenarios").join(file);
        if let Ok(shared) = std::fs::read_to_string(shared) {
            let ours =
                std::fs::read_to_string(root().join("tests/scenarios").join(file)).expect("read");
            assert_eq!(
                ours, shared,
                "tests/scenarios/{file} differs from shared/scenarios/{file}"
            );
        }
    }
}

#[test]
fn exit_codes_follow_the_contract() {
    let rules = root().join("rules.json").display().to_string();
    // 3 and {"incomplete": id} when a question on the path has no answer.
    let partial = temp_file(
        "partial.json",
        r#"{"role": "parent", "age": "under_16", "ehcp": "yes", "about": "la_decision"}"#,
    );
    let (code, out, _) = route_finder(&[
        "evaluate",
        &rules,
        "--answers",
        &partial.display().to_string(),
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(code, 3, "{out}");
    assert_eq!(
        serde_json::from_str::<Value>(&out).expect("json"),
        serde_json::json!({"incomplete": "decision"})
    );
    // 2 on an answer value that does not exist, a question that does not exist, an impossible date.
    for (name, bad) in [
        ("value", r#"{"role": "grandparent"}"#),
        (
            "question",
            r#"{"role": "parent", "favourite_colour": "blue"}"#,
        ),
        (
            "date",
            r#"{"role": "parent", "age": "under_16", "ehcp": "yes", "about": "la_decision", "decision": "refuse_plan", "decision_date": "2026-02-30", "certificate": "no"}"#,
        ),
        ("type", r#"{"role": ["parent"]}"#),
        (
            "exclusive",
            r#"{"role": "parent", "age": "under_16", "ehcp": "no", "about": "la_handling", "steps_taken": ["none", "la_complaint"], "missing_education": "no"}"#,
        ),
        ("json", r#"{"role": "#),
    ] {
        let f = temp_file(&format!("bad-{name}.json"), bad);
        let (code, out, err) = route_finder(&[
            "evaluate",
            &rules,
            "--answers",
            &f.display().to_string(),
            "--today",
            "2026-11-23",
        ]);
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(!err.trim().is_empty(), "{name}: no message");
    }
    // 2 on a bad --today and on a missing file.
    let (code, _, _) = route_finder(&[
        "evaluate",
        &rules,
        "--answers",
        &partial.display().to_string(),
        "--today",
        "23/11/2026",
    ]);
    assert_eq!(code, 2);
    let (code, _, err) = route_finder(&["check", "no-such-file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    // 0 and a one-line summary for the valid files.
    let (code, out, _) = route_finder(&["check", &rules, "--today", "2026-11-30"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn results_carry_what_the_page_shows() {
    let rules = root().join("rules.json").display().to_string();
    let answers = temp_file(
        "full.json",
        r#"{"role": "young_person", "age": "18_to_25", "ehcp": "yes", "about": "la_decision", "decision": "cease_plan", "decision_date": "2026-01-05", "certificate": "no"}"#,
    );
    let (code, out, err) = route_finder(&[
        "evaluate",
        &rules,
        "--answers",
        &answers.display().to_string(),
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["ruleset"]["version"], "1.1.0");
    assert_eq!(v["rights_holder"], "young_person");
    assert!(
        v["rights_note"].is_null(),
        "the right is the young person's own, and they are using it"
    );
    assert!(v["timescale"].is_null());
    assert!(
        v["together"].is_string(),
        "several routes, so it says they can run together"
    );
    let routes = v["routes"].as_array().expect("routes");
    let appeal = routes
        .iter()
        .find(|r| r["id"] == "tribunal_appeal")
        .expect("appeal shown");
    assert_eq!(appeal["deadline"], "2026-03-05");
    assert_eq!(appeal["deadline_in_words"], "Thursday 5 March 2026");
    assert_eq!(
        appeal["deadline_reason"],
        "2 months from Monday 5 January 2026 is Thursday 5 March 2026."
    );
    assert_eq!(appeal["passed"], true);
    assert!(appeal["days_left"].as_i64().unwrap_or(0) < 0);
    assert!(
        appeal["deadline_note"]
            .as_str()
            .unwrap_or("")
            .contains("late"),
        "what to do now it has passed"
    );
    assert!(!appeal["why"].as_array().expect("why").is_empty());
    assert!(!appeal["source"].as_str().unwrap_or("").is_empty());
    // Routes come in group order: first, alongside, next.
    let ranks: Vec<usize> = routes
        .iter()
        .map(|r| {
            ["first", "alongside", "next"]
                .iter()
                .position(|g| r["group"] == *g)
                .expect("known group")
        })
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    // A young person is spoken to, not about.
    assert!(
        !out.contains("your child"),
        "a young person's results must say \"you\""
    );
    // The help list names the national charities.
    let help: Vec<&str> = v["help"]
        .as_array()
        .expect("help")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    for name in ["IPSEA", "SOS!SEN", "Contact"] {
        assert!(help.contains(&name), "{help:?}");
    }
}

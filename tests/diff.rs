//! `route-finder diff`: what a change to the rules does to families, on every path.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use send_route_finder::cli;

fn run(args: &[&str]) -> (i32, String, String) {
    let argv: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(&argv, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

#[test]
fn a_longer_time_limit_shows_on_every_path_that_has_it() {
    let root = env!("CARGO_MANIFEST_DIR");
    let old = format!("{root}/rules.json");
    // Judicial review counted over 4 months, not 3: only its last day moves.
    let mut rules: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&old).expect("read")).expect("json");
    let routes = rules["routes"].as_array_mut().expect("routes");
    let review = routes
        .iter_mut()
        .find(|r| r["id"] == "judicial_review")
        .expect("judicial_review");
    review["deadline"]["months"] = serde_json::json!(4);
    let dir = std::env::temp_dir().join(format!("srf-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let new = dir.join("rules.json");
    std::fs::write(&new, serde_json::to_string_pretty(&rules).expect("json")).expect("write");
    let new = new.to_string_lossy().into_owned();

    let (code, out, err) = run(&["diff", &old, &new]);
    assert_eq!(code, 0, "{err}");
    // The same paths in both: only a last day changed.
    let counts: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("paths: "))
        .map(|l| {
            l.split_whitespace()
                .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
                .collect()
        })
        .unwrap_or_default();
    assert!(counts.len() == 2 && counts[0] == counts[1], "{out}");
    let changed: usize = out
        .lines()
        .find_map(|l| l.strip_prefix("different routes or last days: "))
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(changed > 0, "{out}");
    assert!(out.contains("only in") && out.contains(": 0"), "{out}");
    // Each change shown is the judicial review's last day, a month later.
    let befores: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim().strip_prefix("before: "))
        .collect();
    let afters: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim().strip_prefix("after:  "))
        .collect();
    assert_eq!(befores.len(), 20.min(changed));
    for (b, a) in befores.iter().zip(&afters) {
        let strip = |s: &str| {
            s.split(',')
                .filter(|r| !r.starts_with("judicial_review:"))
                .collect::<Vec<_>>()
                .join(",")
        };
        assert_eq!(strip(b), strip(a), "only the judicial review changes");
        assert_ne!(b, a);
    }
    let (code, same, _) = run(&["diff", &old, &old]);
    assert_eq!(code, 0);
    assert!(same.contains("different routes or last days: 0"), "{same}");
    let _ = std::fs::remove_dir_all(&dir);
}

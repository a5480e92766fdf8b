//! The widget's hand-written reader (model::decode) and the serde derives the command line uses
//! must agree: on every shipped file the same model, and on every broken file of the corpus
//! both refuse it (or both read it, where the problem is one for `check`, not for reading).
#![cfg(not(target_arch = "wasm32"))]

use send_route_finder::model::{load_overlay, load_ruleset, parse_overlay, parse_ruleset};

mod common;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("read")
}

#[test]
fn shipped_files_read_the_same_both_ways() {
    let text = read("rules.json");
    assert_eq!(
        parse_ruleset(&text).expect("decode"),
        load_ruleset(&text).expect("serde")
    );
    for (c, path) in common::councils() {
        let text = std::fs::read_to_string(path).expect("read");
        assert_eq!(
            parse_overlay(&text).expect("decode"),
            load_overlay(&text).expect("serde"),
            "{c}"
        );
    }
}

#[test]
fn broken_files_are_refused_both_ways() {
    let dir = format!("{}/tests/broken", env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    let mut differ = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("dir") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if name == "manifest.json" || !name.ends_with(".json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let (decoded, derived) = if name.starts_with("overlay") || name.starts_with("base-overlay")
        {
            (
                parse_overlay(&text).map(|o| format!("{o:?}")),
                load_overlay(&text)
                    .map(|o| format!("{o:?}"))
                    .map_err(|e| format!("{e:?}")),
            )
        } else {
            (
                parse_ruleset(&text).map(|r| format!("{r:?}")),
                load_ruleset(&text)
                    .map(|r| format!("{r:?}"))
                    .map_err(|e| format!("{e:?}")),
            )
        };
        compared += 1;
        match (&decoded, &derived) {
            (Ok(a), Ok(b)) if a == b => {}
            (Err(_), Err(_)) => {}
            _ => differ.push(format!(
                "{name}: decode {:?} / serde {:?}",
                decoded.as_ref().map(|_| "ok"),
                derived.as_ref().map(|_| "ok")
            )),
        }
    }
    assert!(compared >= 36);
    assert!(
        differ.is_empty(),
        "the two readers disagree:\n{}",
        differ.join("\n")
    );
}

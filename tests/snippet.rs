//! The embed snippet's fallback (README and demo page) carries the start screen of rules.json
//! word for word, in the order the widget shows it: the loader draws the start screen from
//! these marked texts before the wasm arrives, and the widget then draws it from the ruleset.
#![cfg(not(target_arch = "wasm32"))]

use send_route_finder::parse_ruleset;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("read")
}

/// Every `data-srf="name">text<` in the page, text with its white space collapsed.
fn marked(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("data-srf=\"") {
        rest = &rest[i + 10..];
        let name_end = rest.find('"').expect("a closing quote");
        let name = rest[..name_end].to_string();
        let open_end = rest.find('>').expect("the end of the tag");
        let text_end = rest[open_end..].find('<').expect("the end of the text") + open_end;
        let text = rest[open_end + 1..text_end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.push((name, text));
        rest = &rest[text_end..];
    }
    out
}

#[test]
fn the_readme_and_demo_fallbacks_are_the_rules_start_screen() {
    let rules = parse_ruleset(&read("rules.json")).expect("rules.json");
    let s = &rules.start_screen;
    let mut expected = vec![("title".to_string(), s.title.clone())];
    expected.extend(
        s.paragraphs
            .iter()
            .map(|p| ("paragraph".to_string(), p.clone())),
    );
    expected.push(("time".into(), s.time_needed.clone()));
    expected.push(("privacy".into(), s.privacy.clone()));
    for page in ["README.md", "www/index.html", "www/embed.html"] {
        assert_eq!(
            marked(&read(page)),
            expected,
            "{page}: the data-srf texts must be rules.json's start_screen, in order"
        );
    }
}

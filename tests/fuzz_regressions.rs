//! The fuzz targets' checks (fuzz/src/lib.rs, included here by path) on stable Rust, without
//! libFuzzer: every input a fuzz run once failed on (tests/fuzz_regressions/<target>-<n>.*,
//! minimized with `cargo +nightly fuzz tmin`), the seed corpus (fuzz/seeds/<target>/) and the
//! shipped rules.json and council overlays.
//! Each must go through the same calls as its target without a panic and with the same
//! agreements: the small JSON reader and serde_json, the widget's reader and the serde reader,
//! `route-finder check` and the widget's check. See scripts/fuzz.sh to run the fuzzers.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/lib.rs"]
mod fuzz_checks;

use std::path::{Path, PathBuf};

/// A fuzz target: a name and the function the fuzzer calls with its bytes.
type Target = (&'static str, fn(&[u8]));

const TARGETS: [Target; 3] = [
    ("ruleset", fuzz_checks::ruleset),
    ("overlay", fuzz_checks::overlay),
    ("evaluate", fuzz_checks::evaluate),
];

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn run(target: fn(&[u8]), path: &Path) {
    let data = std::fs::read(path).expect("read");
    if let Err(panic) = std::panic::catch_unwind(|| target(&data)) {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("a panic");
        panic!("{}: {message}", path.display());
    }
}

#[test]
fn saved_crashes_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    for path in files(&dir) {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if name.starts_with('.') || name.ends_with(".md") {
            continue;
        }
        let Some((_, target)) = TARGETS
            .iter()
            .find(|(t, _)| name.starts_with(&format!("{t}-")))
        else {
            panic!("{name}: the name must start with the target: ruleset-, overlay- or evaluate-");
        };
        run(*target, &path);
    }
}

#[test]
fn shipped_files_pass() {
    // The live files, which the copies in fuzz/seeds/ may lag behind.
    fuzz_checks::ruleset(fuzz_checks::RULES.as_bytes());
    for (_, text) in fuzz_checks::councils() {
        fuzz_checks::overlay(text.as_bytes());
    }
}

#[test]
fn seed_corpus_passes() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for (name, target) in TARGETS {
        let files = files(&seeds.join(name));
        assert!(!files.is_empty(), "no seeds for {name}");
        for path in files {
            run(target, &path);
        }
    }
}

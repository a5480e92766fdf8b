#![no_main]
//! `cargo +nightly fuzz run ruleset`: see fuzz/src/lib.rs for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::ruleset(data));

#![no_main]
//! `cargo +nightly fuzz run evaluate`: see fuzz/src/lib.rs for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::evaluate(data));

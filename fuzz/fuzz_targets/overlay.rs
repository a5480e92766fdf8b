#![no_main]
//! `cargo +nightly fuzz run overlay`: see fuzz/src/lib.rs for what it checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::overlay(data));

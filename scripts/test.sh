#!/usr/bin/env bash
# Run every test of SEND Route Finder. On a fresh machine it first installs what is missing
# (Rust's wasm target, Graphviz, Chromium, the Python and npm packages the checks use); run
# again, it installs nothing. Exits non-zero if any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

step "Installing what is missing"
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
missing=()
command -v dot >/dev/null || missing+=(graphviz)
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c 'import textstat, jsonschema' 2>/dev/null ||
  python3 -m pip install --quiet --disable-pip-version-check textstat==0.7.3 jsonschema==4.26.0
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.srf-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.srf-lock
fi
echo "ok: rust wasm target, graphviz, chromium, textstat, jsonschema, npm packages"

step "Rust tests (engine, checks, scenarios, properties, command line)"
cargo build --release --bin route-finder
cargo test --release

step "The engine builds for the browser (wasm32-unknown-unknown)"
cargo build --lib --target wasm32-unknown-unknown --no-default-features

step "The shipped files pass route-finder check"
for overlay in www/councils/*.json; do
  target/release/route-finder check rules.json --council "$overlay"
done

step "Every path of the national ruleset"
target/release/route-finder paths rules.json

step "JSON Schemas, readability, flow charts"
python3 tests/tools/validate_schema.py
python3 tests/tools/readability.py
bash tests/render/run.sh target/release/route-finder

step "All tests passed"

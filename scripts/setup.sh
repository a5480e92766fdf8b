#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test SEND Route Finder, and nothing that is
# already there. Sourced by scripts/demo.sh and scripts/test.sh. Everything comes from the
# package registries: Debian, crates.io, PyPI and npm (never a downloaded binary).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen version pinned in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

setup_rust_web() {
  export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
  # rustfmt and clippy, for the hygiene checks of scripts/test.sh.
  local component
  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      rustup component add "$component"
    fi
  done
  if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
    echo "Installing Trunk 0.21.14 from crates.io (about 8 minutes on 2 cores)"
    cargo install trunk --version 0.21.14 --locked
  fi
  # geckodriver drives Firefox for the WebDriver tests (tests/web/engines.mjs, wasm-bindgen-test).
  if [ "$(geckodriver --version 2>/dev/null | sed -n 1p)" != "geckodriver 0.37.1" ]; then
    echo "Installing geckodriver 0.37.1 from crates.io (a few minutes)"
    cargo install geckodriver --version 0.37.1
  fi
  local wb
  wb=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    echo "Installing wasm-bindgen-cli $wb from crates.io (about 3 minutes)"
    cargo install wasm-bindgen-cli --version "$wb"
  fi
}

setup_debian() {
  local missing=()
  command -v dot >/dev/null || missing+=(graphviz)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # Firefox ESR and WebKitGTK's WebDriver (with its MiniBrowser), for the tests in three engines;
  # Xvfb gives WebKit a screen.
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

setup_python() {
  python3 -c 'import textstat, jsonschema, icalendar' 2>/dev/null ||
    python3 -m pip install --quiet --disable-pip-version-check textstat==0.7.3 jsonschema==4.26.0 icalendar==6.3.1
}

setup_npm() {
  if [ ! -f node_modules/.srf-lock ] || ! cmp -s package-lock.json node_modules/.srf-lock; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.srf-lock
  fi
  export PATH="$PWD/node_modules/.bin:$PATH"
}

#!/usr/bin/env bash
# Build the widget and the demo council page (release, wasm-opt) with Trunk, and serve them on
# http://127.0.0.1:8080/. Installs what a fresh machine lacks first; run again, it installs
# nothing. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_npm
setup_rust_web
trunk build --release
echo
echo "The demo page is at: http://127.0.0.1:8080/"
echo
exec trunk serve --release --no-autoreload

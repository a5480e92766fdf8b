#!/usr/bin/env bash
# The size and speed benchmark (separate from the tests): builds the release widget, then
# measures it against the same questionnaire in SurveyJS and a static HTML floor page in
# headless Chromium (CPU 4x slower, slow 4G), prints the table and writes bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_debian
setup_npm
setup_rust_web
trunk build --release
node bench/run.mjs "$@"

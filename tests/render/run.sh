#!/usr/bin/env bash
# Prove that `route-finder graph` output renders with real renderers: Graphviz `dot -Tsvg`
# (Debian's graphviz) and Mermaid (npm `mermaid`) inside Debian's Chromium (npm
# `playwright-core`, never a downloaded browser).
#
# Usage: tests/render/run.sh [PATH/TO/route-finder]     (default target/release/route-finder)
#
# Builds nothing: build the binary first (cargo build --release) and run `npm ci` in the
# project root. Needs: bash, python3, graphviz (dot), node >= 20, /usr/bin/chromium (or
# $CHROMIUM). Set RENDER_OUT=DIR to keep the generated .mmd/.dot/.svg files there instead of a
# temporary directory that is removed at the end.
#
# Prints one line per check and, last, `render: N passed, M failed`; exits 1 if any failed,
# 2 if a prerequisite is missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

bin=${1:-$root/target/release/route-finder}
[[ $bin == /* ]] || bin=$PWD/$bin
rules=$root/rules.json

missing=()
[[ -x $bin ]] || missing+=("the route-finder binary at $bin (build it: cargo build --release)")
[[ -f $rules ]] || missing+=("$rules")
command -v python3 >/dev/null || missing+=("python3")
command -v dot >/dev/null || missing+=("Graphviz dot (apt-get install -y graphviz)")
command -v node >/dev/null || missing+=("node (>= 20)")
[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || missing+=("Chromium at ${CHROMIUM:-/usr/bin/chromium} (apt-get install -y chromium)")
for pkg in mermaid playwright-core; do
  [[ -d $root/node_modules/$pkg ]] || missing+=("node_modules/$pkg: run \`npm ci\` in $root first")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "render: cannot run, missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi

if [[ -n ${RENDER_OUT:-} ]]; then
  out=$RENDER_OUT
  mkdir -p "$out"
else
  out=$(mktemp -d "${TMPDIR:-/tmp}/render.XXXXXX")
  trap 'rm -rf "$out"' EXIT
fi

passed=0
failed=0
# check NAME COMMAND...: run it, print one line, and show its output if it failed.
check() {
  local name=$1 log
  shift
  log=$(mktemp "$out/log.XXXXXX")
  if "$@" >"$log" 2>&1; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name (exit $?)"
    sed 's/^/     | /' "$log"
    failed=$((failed + 1))
  fi
  rm -f "$log"
}
# expect_failure NAME COMMAND...: passes only if the command fails (the checker can fail).
expect_failure() {
  local name=$1
  shift
  check "$name" bash -c '! "$@"' _ "$@"
}
graph() { # graph RULES FORMAT OUTFILE
  "$bin" graph "$1" --format "$2" >"$3"
}

cd "$root"

# 1. The national rules.json.
check "graph --format mermaid rules.json" graph "$rules" mermaid "$out/rules.mmd"
check "graph --format dot rules.json" graph "$rules" dot "$out/rules.dot"
check "dot -Tsvg renders rules.dot cleanly, every question id and Results shown" \
  bash "$here/render_dot.sh" "$out/rules.dot" "$out/rules.dot.svg" "$rules"
check "mermaid renders rules.mmd in Chromium, every question id and Results shown" \
  node "$here/render_mermaid.mjs" "$out/rules.mmd" "$out/rules.mmd.svg" "$rules"

# 2. The checkers can fail.
check "mermaid self-test (a valid chart passes, a broken one is rejected)" \
  node "$here/render_mermaid.mjs" --self-test
printf 'digraph questionnaire {\n  q_a -> ;\n}\n' >"$out/broken.dot"
expect_failure "dot checker rejects broken DOT" \
  bash "$here/render_dot.sh" "$out/broken.dot" "$out/broken.svg" "$rules"
printf 'flowchart TD\n A -->\n' >"$out/broken.mmd"
expect_failure "mermaid checker rejects broken Mermaid" \
  node "$here/render_mermaid.mjs" "$out/broken.mmd" "$out/broken.mmd.svg" "$rules"

# 3. Adversarial labels: syntax characters of both languages, markup and unicode in question
#    text must render, and be shown as written.
adv_text='"quotes" <b>tags</b> & # ; | [ ] { } ( ) \ --> end'
uni_text='Café – “smart” ‘quotes’ naïve «x» ✓ end'
python3 - "$rules" "$out/adversarial.json" "$adv_text" "$uni_text" <<'PY'
import json, sys
src, dst, adv, uni = sys.argv[1:]
d = json.load(open(src, encoding="utf-8"))
d["questions"][0]["text"] = adv
q = d["questions"][1]
# Text may be one string or one per role: replace every variant.
q["text"] = {k: uni for k in q["text"]} if isinstance(q["text"], dict) else uni
json.dump(d, open(dst, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
check "graph --format mermaid adversarial.json" graph "$out/adversarial.json" mermaid "$out/adversarial.mmd"
check "graph --format dot adversarial.json" graph "$out/adversarial.json" dot "$out/adversarial.dot"
check "dot -Tsvg renders adversarial labels as written" \
  bash "$here/render_dot.sh" "$out/adversarial.dot" "$out/adversarial.dot.svg" "$out/adversarial.json" \
  --expect-label "$adv_text" --expect-label "$uni_text"
check "mermaid renders adversarial labels as written" \
  node "$here/render_mermaid.mjs" "$out/adversarial.mmd" "$out/adversarial.mmd.svg" "$out/adversarial.json" \
  --expect-label "$adv_text" --expect-label "$uni_text"

echo "render: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

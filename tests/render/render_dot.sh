#!/usr/bin/env bash
# Render a Graphviz DOT file with the real `dot -Tsvg` and check the picture.
#
# Usage: tests/render/render_dot.sh GRAPH.dot [OUT.svg] [RULES.json]
#   OUT.svg    defaults to GRAPH.svg next to the input
#   RULES.json defaults to ./rules.json
#
# Fails (non-zero, with the reason on stderr) if dot exits non-zero, if dot prints anything on
# stderr (Graphviz reports syntax errors and warnings such as unknown attributes there), or if
# the SVG lacks a node box whose first text line is a question id, for each id in
# questions[].id, or a node that reads "Results".
set -euo pipefail

if [[ $# -lt 1 || $# -gt 3 ]]; then
  echo "usage: $0 GRAPH.dot [OUT.svg] [RULES.json]" >&2
  exit 2
fi
in=$1
out=${2:-${in%.dot}.svg}
rules=${3:-rules.json}

command -v dot >/dev/null || { echo "render_dot: 'dot' not found; install Debian's graphviz package" >&2; exit 2; }
[[ -f $in ]] || { echo "render_dot: no such file: $in" >&2; exit 2; }
[[ -f $rules ]] || { echo "render_dot: no such rules file: $rules" >&2; exit 2; }

err=$(mktemp)
trap 'rm -f "$err"' EXIT
if ! dot -Tsvg -o "$out" "$in" 2>"$err"; then
  echo "render_dot: dot failed on $in:" >&2
  cat "$err" >&2
  exit 1
fi
if [[ -s $err ]]; then
  echo "render_dot: dot printed warnings or errors on $in:" >&2
  cat "$err" >&2
  exit 1
fi

python3 - "$out" "$rules" <<'PY'
import json, sys
import xml.etree.ElementTree as ET

svg_path, rules_path = sys.argv[1], sys.argv[2]
ids = [q["id"] for q in json.load(open(rules_path, encoding="utf-8"))["questions"]]
NS = "{http://www.w3.org/2000/svg}"
try:
    root = ET.parse(svg_path).getroot()
except ET.ParseError as e:
    sys.exit(f"render_dot: {svg_path} is not well-formed SVG: {e}")

# Each node is <g class="node"><title>..</title><path/><text>line 1</text><text>line 2</text>..
nodes = []
for g in root.iter(NS + "g"):
    if g.get("class") == "node":
        lines = [(t.text or "") for t in g.iter(NS + "text")]
        nodes.append(lines)
first_lines = {lines[0] for lines in nodes if lines}
missing = [i for i in ids if i not in first_lines]
problems = []
if missing:
    problems.append("no node for question id(s): " + ", ".join(missing))
if not any(lines == ["Results"] for lines in nodes):
    problems.append('no node reading "Results"')
if problems:
    sys.exit(f"render_dot: {svg_path}: " + "; ".join(problems))
print(f"render_dot: {svg_path}: {len(nodes)} nodes, all {len(ids)} question ids and Results present")
PY

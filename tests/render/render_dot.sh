#!/usr/bin/env bash
# Render a Graphviz DOT file with the real `dot -Tsvg` and check the picture.
#
# Usage: tests/render/render_dot.sh GRAPH.dot [OUT.svg] [RULES.json] [--expect-label TEXT]...
#   OUT.svg    defaults to GRAPH.svg next to the input
#   RULES.json defaults to ./rules.json
#   --expect-label TEXT  some node must show TEXT exactly as one of its lines (repeatable):
#              the label survived DOT escaping as the reader should see it
#
# Fails (exit 1, with the reason on stderr) if dot exits non-zero, if dot prints anything on
# stderr (syntax errors, and warnings such as an unknown shape or a badly delimited number),
# if the SVG lacks a node whose first line is the question id, for each id in
# questions[].id, or a node that reads "Results", or if the number of arrows is not 1 (from
# Start) plus one per step. Exit 2: bad usage or missing tools.
set -euo pipefail

usage() { echo "usage: $0 GRAPH.dot [OUT.svg] [RULES.json] [--expect-label TEXT]..." >&2; exit 2; }
pos=()
labels=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --expect-label) [[ $# -ge 2 ]] || usage; labels+=("$2"); shift 2 ;;
    -h|--help) usage ;;
    *) pos+=("$1"); shift ;;
  esac
done
[[ ${#pos[@]} -ge 1 && ${#pos[@]} -le 3 ]] || usage
in=${pos[0]}
out=${pos[1]:-${in%.dot}.svg}
rules=${pos[2]:-rules.json}

command -v dot >/dev/null || { echo "render_dot: 'dot' not found; install Debian's graphviz package" >&2; exit 2; }
command -v python3 >/dev/null || { echo "render_dot: python3 not found" >&2; exit 2; }
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

python3 - "$out" "$rules" ${labels[@]+"${labels[@]}"} <<'PY'
import json, sys
import xml.etree.ElementTree as ET

svg_path, rules_path, labels = sys.argv[1], sys.argv[2], sys.argv[3:]
rules = json.load(open(rules_path, encoding="utf-8"))
ids = [q["id"] for q in rules["questions"]]
# One arrow from Start, one per step of each question.
want_edges = 1 + sum(len(q.get("next") or []) for q in rules["questions"])
NS = "{http://www.w3.org/2000/svg}"
try:
    root = ET.parse(svg_path).getroot()
except ET.ParseError as e:
    sys.exit(f"render_dot: {svg_path} is not well-formed SVG: {e}")

# Each node is <g class="node"><title>..</title><path/><text>line 1</text><text>line 2</text>..
nodes, edges = [], 0
for g in root.iter(NS + "g"):
    if g.get("class") == "node":
        nodes.append([(t.text or "") for t in g.iter(NS + "text")])
    elif g.get("class") == "edge":
        edges += 1
first_lines = {lines[0] for lines in nodes if lines}
problems = []
missing = [i for i in ids if i not in first_lines]
if missing:
    problems.append("no node for question id(s): " + ", ".join(missing))
if not any(lines == ["Results"] for lines in nodes):
    problems.append('no node reading "Results"')
if edges != want_edges:
    problems.append(f"{edges} arrows drawn, expected {want_edges} (1 from Start + one per step)")
for text in labels:
    if not any(text in lines for lines in nodes):
        problems.append(f"no node shows the line {json.dumps(text, ensure_ascii=False)}")
if problems:
    sys.exit(f"render_dot: {svg_path}: " + "; ".join(problems))
extra = f", {len(labels)} expected label(s) shown" if labels else ""
print(f"render_dot: {svg_path}: {len(nodes)} nodes, {edges} arrows, "
      f"all {len(ids)} question ids and Results present{extra}")
PY

// The demo page's preview checker (dist/preview/, `route-finder check` compiled to wasm) gives
// exactly what the command line gives: for every file of the broken corpus (tests/broken/),
// for rules.json and for each council overlay, the same lines (file, line, column, path,
// message) and the same last line. Runs the wasm in Node; no browser needed.
//
//   node tests/web/preview-corpus.mjs dist
import { readFileSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const dist = process.argv[2] || "dist";
const CLI = "target/release/route-finder";
const TODAY = "2026-11-23";
const checker = await import(new URL(join(dist, "preview", "check.js"), `file://${process.cwd()}/`).href);
checker.initSync({ module: readFileSync(join(dist, "preview", "check_bg.wasm")) });

const manifest = JSON.parse(readFileSync("tests/broken/manifest.json", "utf8"));
const cases = manifest.map((e) =>
  e.kind === "rules"
    ? { rules: `tests/broken/${e.file}` }
    : { rules: "rules.json", overlay: `tests/broken/${e.file}` },
);
cases.push({ rules: "rules.json" });
for (const f of readdirSync("www/councils").filter((f) => f.endsWith(".json")).sort()) {
  cases.push({ rules: "rules.json", overlay: `www/councils/${f}` });
}

let passed = 0;
let failed = 0;
let problems = 0;
for (const c of cases) {
  const args = ["check", c.rules, ...(c.overlay ? ["--council", c.overlay] : []), "--today", TODAY];
  const cli = spawnSync(CLI, args, { encoding: "utf8" });
  const expected = (cli.stdout + cli.stderr).trimEnd().split("\n");
  const read = (path) => readFileSync(path, "utf8");
  const result = JSON.parse(
    checker.check_files(c.rules, read(c.rules), c.overlay, c.overlay ? read(c.overlay) : undefined, TODAY),
  );
  const got = [...result.problems.map((d) => d.text), result.summary];
  const okMatches = result.ok === (cli.status === 0);
  const same = okMatches && got.length === expected.length && got.every((line, i) => line === expected[i]);
  const placed = result.problems.every((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: at ${d.path}: ${d.message}` === d.text);
  if (same && placed) {
    passed++;
    problems += result.problems.length;
  } else {
    failed++;
    console.log(`FAIL ${args.join(" ")}\n  command line (exit ${cli.status}):\n    ${expected.join("\n    ")}\n  preview (ok ${result.ok}):\n    ${got.join("\n    ")}`);
  }
}
console.log(`preview checker: ${passed} of ${cases.length} file sets give what route-finder check gives (${problems} problems, each at the same line and column)`);
console.log(`preview-corpus: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

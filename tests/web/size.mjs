// The widget's size budget: wasm + JS + CSS of the release build, gzip -9, at most 90 KiB.
// Size is deterministic, so this is a test. Prints a breakdown either way.
// With --report-only it prints the figures and the gap but does not fail: the widget is over
// the budget until the size work of the benchmark issue lands (see the README).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const BUDGET = 90 * 1024;
const args = process.argv.slice(2);
const reportOnly = args.includes("--report-only");
const dist = args.find((a) => !a.startsWith("--")) || "dist";
const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== "demo.js" && f !== "demo.css" && !f.startsWith("index"));
let total = 0;
const rows = [];
for (const f of files.sort()) {
  const raw = readFileSync(join(dist, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += gz;
  rows.push(`${f.padEnd(28)} ${String(raw.length).padStart(9)} raw ${String(gz).padStart(8)} gzip-9 ${String(br).padStart(8)} brotli`);
}
console.log(rows.join("\n"));
const ok = total <= BUDGET && files.some((f) => f.endsWith(".wasm"));
console.log(`widget code, gzip -9: ${(total / 1024).toFixed(1)} KiB of ${BUDGET / 1024} KiB budget`);
if (reportOnly) {
  if (!ok) console.log(`over the budget by ${((total - BUDGET) / 1024).toFixed(1)} KiB (report only)`);
  process.exit(0);
}
console.log(`size: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);

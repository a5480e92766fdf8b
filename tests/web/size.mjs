// The widget's size budget: wasm + JS + CSS of the release build, gzip -9, at most 150 KiB
// (issue 13: the budget a Yew widget can meet, replacing the first round's 90 KiB).
// Size is deterministic, so this is a test. Prints a breakdown either way.
// --ceiling K fails above K KiB instead, a ratchet below the budget that stops the widget
// growing back; lower K as the widget shrinks. --report-only never fails.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const BUDGET = 150 * 1024;
const args = process.argv.slice(2);
const reportOnly = args.includes("--report-only");
const ceilingAt = args.indexOf("--ceiling");
const CEILING = ceilingAt >= 0 ? Number(args[ceilingAt + 1]) * 1024 : BUDGET;
const dist = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--ceiling") || "dist";
// The widget: the loader, the glue, the wasm and the stylesheet (not the demo page's files,
// nor embed.js and embed-frame.js, which only the iframe embedding loads, nor the overlay
// builder's page, builder.js and builder.css).
const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && !/^(demo|index|embed|builder)/.test(f));
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
const ok = total <= CEILING && files.some((f) => f.endsWith(".wasm"));
console.log(`widget code, gzip -9: ${(total / 1024).toFixed(1)} KiB of ${BUDGET / 1024} KiB budget`);
if (total > BUDGET) console.log(`over the budget by ${((total - BUDGET) / 1024).toFixed(1)} KiB`);
if (reportOnly) process.exit(0);
if (CEILING !== BUDGET) console.log(`ceiling for now: ${CEILING / 1024} KiB (${ok ? "under it" : "OVER IT: the widget grew"})`);
console.log(`size: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);

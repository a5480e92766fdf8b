// The councils are listed once, by their files in www/councils/ (issue 13): the built demo
// page offers each of them by the name its overlay gives, and nothing else, and dist/ holds
// each file. Fails when a council is left out, named wrongly or listed twice.
//
//   node tests/web/councils.mjs dist
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] || "dist";
const folder = new URL("../../www/councils/", import.meta.url);
const want = readdirSync(folder)
  .filter((f) => f.endsWith(".json"))
  .map((f) => `councils/${f}=${JSON.parse(readFileSync(new URL(f, folder), "utf8")).council.name}`)
  .sort();
const page = readFileSync(join(dist, "index.html"), "utf8");
const select = /<select id="council"[^>]*>([\s\S]*?)<\/select>/.exec(page)?.[1] ?? "";
const got = [...select.matchAll(/<option value="([^"]+)"[^>]*>([^<]*)<\/option>/g)].map((m) => `${m[1]}=${m[2]}`).sort();
const missing = want.filter((w) => !got.includes(w));
const extra = got.filter((g) => !want.includes(g));
const notCopied = want.map((w) => w.split("=")[0]).filter((f) => !existsSync(join(dist, f)));
const ok = want.length > 0 && missing.length === 0 && extra.length === 0 && notCopied.length === 0;
console.log(`${ok ? "ok  " : "FAIL"} the demo page lists the ${want.length} councils of www/councils/ and dist/ holds their files`);
for (const m of missing) console.log(`    not listed: ${m}`);
for (const e of extra) console.log(`    listed but no such file: ${e}`);
for (const n of notCopied) console.log(`    not in ${dist}: ${n}`);
console.log(`councils: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);

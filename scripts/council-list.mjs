// Trunk post-build step (scripts/finish-build.mjs): the demo page's "Show local contacts for"
// list, one option for each council overlay in www/councils/, named as the overlay names
// itself (council.name). The councils are listed nowhere else by hand: adding a council is
// adding its file. The option the page's widget starts with (its council attribute) is the
// one selected. tests/web/councils.mjs checks the built page against the folder.
//
//   TRUNK_STAGING_DIR=dist node scripts/council-list.mjs
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { marked, stagingDir } from "./build-step.mjs";

const MARK = "<!-- the build lists the councils here (scripts/council-list.mjs) -->";
const pagePath = join(stagingDir(), "index.html");
const page = marked("council-list", pagePath, MARK);
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const start = /<send-route-finder[^>]*\scouncil="([^"]*)"/.exec(page)?.[1];
const folder = new URL("../www/councils/", import.meta.url);
const councils = readdirSync(folder)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ value: `councils/${f}`, name: JSON.parse(readFileSync(new URL(f, folder), "utf8")).council.name }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));
const options = councils
  .map(({ value, name }) => `<option value="${escape(value)}"${value === start ? " selected" : ""}>${escape(name)}</option>`)
  .join("\n        ");
writeFileSync(pagePath, page.replace(MARK, options));
console.log(`council-list: ${councils.length} councils in ${pagePath}`);

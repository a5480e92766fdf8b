// Trunk post-build hook, after inline-css.mjs (Trunk.toml): Subresource Integrity.
//
// 1. The wasm's SHA-384 goes into the loader, which fetches the wasm with it: a changed wasm
//    is refused by the browser.
// (Also: the glue's and the wasm's addresses get a short content hash, against mixed caches;
// the glue and then the loader are minified first, scripts/minify.mjs, so each hash is of the
// file as it ships.)
// 2. The loader's own SHA-384 (after 1) goes into snippet.html, the embed snippet with
//    `integrity` on the script tag, so a council's page refuses a changed loader. The snippet
//    names the v<version>/ folder (its text is in snippet.mjs); package-release.mjs makes
//    that folder, and latest/ with a snippet without the hash, from these files.
// The glue (send_route_finder.js) is imported by the loader as a module: browsers give
// dynamic imports no integrity check without an inline import map, which a strict Content
// Security Policy blocks, so the glue is not covered; docs/embedding.md says so.
//
//   TRUNK_STAGING_DIR=dist node scripts/release-files.mjs
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { marked, stagingDir } from "./build-step.mjs";
import { minify } from "./minify.mjs";
import { snippet } from "./snippet.mjs";

const dir = stagingDir();
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const MARK = "const WASM_INTEGRITY = null; // the build puts the wasm's hash here (scripts/release-files.mjs)";

const loaderPath = join(dir, "send-route-finder.js");
const loader = marked("release-files", loaderPath, MARK);
const wasmHash = sri(readFileSync(join(dir, "send_route_finder_bg.wasm")));
// The glue, minified before its hash goes into the loader's address for it.
const gluePath = join(dir, "send_route_finder.js");
const glue = readFileSync(gluePath, "utf8");
const glueMin = await minify(glue, gluePath);
writeFileSync(gluePath, glueMin);
// The glue and the wasm are asked for with a short hash of their contents in the address, so
// a browser never mixes a cached file of one release with the loader of another.
const short = (file) => createHash("sha256").update(readFileSync(join(dir, file))).digest("hex").slice(0, 12);
const GLUE = 'import("./send_route_finder.js")';
const WASM = 'new URL("send_route_finder_bg.wasm", here)';
if (!loader.includes(GLUE) || !loader.includes(WASM)) {
  console.error(`release-files: ${loaderPath} no longer has ${GLUE} and ${WASM}`);
  process.exit(1);
}
const finished = await minify(
  loader
    .replace(MARK, `const WASM_INTEGRITY = ${JSON.stringify(wasmHash)};`)
    .replace(GLUE, `import("./send_route_finder.js?v=${short("send_route_finder.js")}")`)
    .replace(WASM, `new URL("send_route_finder_bg.wasm?v=${short("send_route_finder_bg.wasm")}", here)`),
  loaderPath,
);
writeFileSync(loaderPath, finished);
const loaderHash = sri(Buffer.from(finished));

const version = (readFileSync("Cargo.toml", "utf8").match(/^version = "([^"]+)"/m) || [])[1] || "0.0.0";
const rules = JSON.parse(readFileSync(join(dir, "rules.json"), "utf8"));
const text = snippet({ version, folder: `v${version}`, integrity: loaderHash, startScreen: rules.start_screen });
writeFileSync(join(dir, "snippet.html"), text);
writeFileSync(
  join(dir, "integrity.json"),
  JSON.stringify({ version, "send-route-finder.js": loaderHash, "send_route_finder_bg.wasm": wasmHash }, null, 1) + "\n",
);
console.log(`release-files: wasm ${wasmHash.slice(0, 19)}…, loader ${loaderHash.slice(0, 19)}…; wrote snippet.html and integrity.json`);

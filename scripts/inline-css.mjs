// Trunk post-build hook (Trunk.toml): put the widget's stylesheet inside the loader script,
// so the start screen paints styled as soon as the one script has run, without waiting a
// network round trip for send-route-finder.css. The loader gives the shadow root the
// stylesheet as a constructed CSSStyleSheet (no inline <style>, so a strict Content Security
// Policy is still met). send-route-finder.css stays in dist/ for browsers without
// constructed stylesheets (before Safari 16.4), which link it instead, in the same short form
// (comments and spaces taken out; www/ keeps the readable one).
//
//   TRUNK_STAGING_DIR=dist node scripts/inline-css.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { marked, stagingDir } from "./build-step.mjs";

const dir = stagingDir();
const MARK = "const CSS = null; // the build puts the stylesheet here (scripts/inline-css.mjs)";
const loaderPath = join(dir, "send-route-finder.js");
const loader = marked("inline-css", loaderPath, MARK);
const css = readFileSync(join(dir, "send-route-finder.css"), "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "") // comments
  .replace(/\s+/g, " ") // runs of white space
  .replace(/\s*([{};,>])\s*/g, "$1") // space around punctuation (none of it sits in strings)
  .replace(/;}/g, "}")
  .replace(/:\s+/g, ":") // space after a colon (no selector has one)
  .replace(/\s+!important/g, "!important")
  .replace(/([\s:,(])0\.(\d)/g, "$1.$2") // 0.75em is .75em
  .replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/gi, "#$1$2$3") // #ffdd00 is #fd0
  .trim();
writeFileSync(loaderPath, loader.replace(MARK, `const CSS = ${JSON.stringify(css)};`));
// The linked copy, for browsers without constructed stylesheets, ships the same short form.
writeFileSync(join(dir, "send-route-finder.css"), css + "\n");
console.log(`inline-css: ${css.length} characters of CSS put in ${loaderPath}`);

// Build step (finish-build.mjs): put the loader's words inside the loader script. The words
// live in one place, the table of interface texts (src/model/interface.rs), with the widget's;
// the loader names each by its key (words.start_now), and this step writes the English
// default of every key it names in place of the line `const WORDS = null; …`. At run time the
// loader lays a ruleset's and an overlay's interface_texts over them.
//
// It stops the build if the loader names a key the table does not have, or a national one
// (an overlay could then change it: the loader does not know which file is national).
//
//   TRUNK_STAGING_DIR=dist node scripts/inline-words.mjs
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { marked, stagingDir } from "./build-step.mjs";
import { interfaceTable } from "./interface-table.mjs";

const MARK = "const WORDS = null; // the build puts the loader's words here (scripts/inline-words.mjs)";
const loaderPath = join(stagingDir(), "send-route-finder.js");
const loader = marked("inline-words", loaderPath, MARK);

const texts = new Map(interfaceTable().map((e) => [e.key, e]));
// The code without its comments (which name files such as this one).
const code = loader.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
// The keys the loader names: `words.<key>`, and the last argument of each `say(node, "<key>")`.
const named = [...code.matchAll(/(?<![\w.-])words\.([a-z_]+)/g)].map((m) => m[1]);
for (const m of code.matchAll(/(?<![\w.])say\(/g)) {
  let depth = 1;
  let end = m.index + m[0].length;
  while (depth && end < code.length) depth += { "(": 1, ")": -1 }[code[end++]] || 0;
  const key = code.slice(m.index, end).match(/"([a-z_]+)"\)$/);
  if (key) named.push(key[1]);
}
const words = {};
for (const key of named) {
  const entry = texts.get(key);
  if (!entry) {
    console.error(`inline-words: the loader names "${key}", which is not an interface text (src/model/interface.rs)`);
    process.exit(1);
  }
  if (entry.national) {
    console.error(`inline-words: the loader names "${key}", a national text: an overlay must not change it`);
    process.exit(1);
  }
  words[key] = entry.english;
}
writeFileSync(loaderPath, loader.replace(MARK, `const WORDS = ${JSON.stringify(words)};`));
console.log(`inline-words: ${Object.keys(words).length} words put in ${loaderPath}`);

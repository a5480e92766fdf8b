// The table of interface texts (src/model/interface.rs), read by the scripts that need its
// English outside Rust: the build, which writes the loader's words into the loader
// (inline-words.mjs), and the test that overrides every text (tests/web/interface-texts.mjs).
// One reader of the table's lines: `Name "key" national "default",` for the widget's texts and
// `"key" national "default",` for the loader's.
import { readFileSync } from "node:fs";

/** Every interface text, in the table's order: { key, national, english, loader }. */
export function interfaceTable(source = readFileSync(new URL("../src/model/interface.rs", import.meta.url), "utf8")) {
  return [...source.matchAll(/^\s+([A-Z]\w* )?"([a-z_]+)" (true|false) "((?:[^"\\]|\\.)*)",$/gm)].map((m) => {
    if (/\\u\{/.test(m[4])) throw new Error(`interface table: ${m[2]}: a \\u{…} escape cannot be read here`);
    return { key: m[2], national: m[3] === "true", english: JSON.parse(`"${m[4]}"`), loader: !m[1] };
  });
}

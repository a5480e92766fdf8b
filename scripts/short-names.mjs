// Trunk post-build hook, after inline-css.mjs and before release-files.mjs (finish-build.mjs):
// short names for what the wasm and its glue call each other by.
//
// wasm-bindgen names each function the wasm imports from the glue after the JavaScript it
// calls plus a 16-digit hash (`__wbg_addEventListener_f2d27251d333a631`), and the closures the
// glue calls in the wasm likewise. Each name is written twice, once in the wasm's import
// section and once as a key of the glue's imports object; the hashes do not compress, and
// gzip cannot share the names between the two files. Here each import becomes `a`, `b`, ...,
// `aa`, ..., the import module "./send_route_finder_bg.js" becomes "a", and each export with a
// hash in its name gets a short name too: about 4.7 KB less of the widget, gzipped. The two
// custom sections no browser reads (`producers`, `target_features`) are left out (0.2 KB).
// Nothing else changes: the wasm's code, the glue's code and the names the loader calls
// (`start`, `stop`, the glue's default export) stay as they are.
//
// Every name must be found exactly once in the glue, where this step expects it; if a new
// wasm-bindgen writes its glue differently, the build stops here rather than ship a glue that
// cannot load its wasm.
//
//   TRUNK_STAGING_DIR=dist node scripts/short-names.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stagingDir } from "./build-step.mjs";

const dir = stagingDir();
const wasmPath = join(dir, "send_route_finder_bg.wasm");
const gluePath = join(dir, "send_route_finder.js");
const MODULE = "./send_route_finder_bg.js";

const fail = (message) => {
  console.error(`short-names: ${message}`);
  process.exit(1);
};

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

/** An unsigned LEB128 number at `at`: [value, the offset after it]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
function leb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return Buffer.from(out);
}
const text = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);
function readName(bytes, at) {
  const [len, start] = readLeb(bytes, at);
  return [bytes.toString("utf8", start, start + len), start + len];
}
/** The end of an import's description (after its module and name). */
function importEnd(bytes, at) {
  const kind = bytes[at++];
  if (kind === 0) return readLeb(bytes, at)[1]; // function: type index
  if (kind === 1) at += 1; // table: element type, then limits
  if (kind === 1 || kind === 2) {
    const flags = bytes[at++];
    at = readLeb(bytes, at)[1];
    return flags & 1 ? readLeb(bytes, at)[1] : at;
  }
  if (kind === 3) return at + 2; // global: value type, mutability
  fail(`an import of kind ${kind}, which this step does not know`);
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const shortName = (i) => (i < LETTERS.length ? "" : LETTERS[Math.floor(i / LETTERS.length) - 1]) + LETTERS[i % LETTERS.length];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Replace `name` where `pattern` finds it, which must be the one place the glue has it (or,
 *  with `alsoLocal`, the one property of that name: the glue's own functions may share it,
 *  and terser shortens those). */
function replaceOnce(name, pattern, replacement, what, alsoLocal = false) {
  const anywhere = alsoLocal ? 1 : glue.split(name).length - 1;
  const found = (glue.match(new RegExp(pattern, "g")) || []).length;
  if (anywhere !== 1 || found !== 1) fail(`${what} is in the glue ${anywhere} times (${found} where expected), not once`);
  glue = glue.replace(new RegExp(pattern), replacement);
}

const sections = [];
let at = 8;
let imports = 0;
let exports = 0;
let dropped = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  const end = start + size;
  let body = wasm.subarray(start, end);
  if (id === 0 && ["producers", "target_features"].includes(readName(wasm, start)[0])) {
    // Custom sections no browser reads: the compilers' names and versions, and the features
    // the compiler was told it may use.
    at = end;
    dropped++;
    continue;
  }
  if (id === 2) {
    const [count, first] = readLeb(wasm, start);
    const parts = [leb(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [module, afterModule] = readName(wasm, p);
      const [name, afterName] = readName(wasm, afterModule);
      const descEnd = importEnd(wasm, afterName);
      if (module !== MODULE) fail(`an import from "${module}", not "${MODULE}"`);
      const short = shortName(i);
      // A key of the imports object: `name: function` (readable glue) or `name:function`.
      replaceOnce(name, `(?<=[{,\\s])${escape(name)}(?=\\s*:)`, short, `the import ${name}`);
      parts.push(text("a"), text(short), wasm.subarray(afterName, descEnd));
      p = descEnd;
    }
    body = Buffer.concat(parts);
    imports = count;
  } else if (id === 7) {
    const [count, first] = readLeb(wasm, start);
    const parts = [leb(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [name, afterName] = readName(wasm, p);
      const descEnd = readLeb(wasm, afterName + 1)[1];
      let out = name;
      if (/_h[0-9a-f]{16}$/.test(name)) {
        // Names with a hash (the closures' entries); called by the glue as `wasm.name`.
        out = `_${shortName(exports++)}`;
        replaceOnce(name, `(?<=\\.)${escape(name)}\\b`, out, `the export ${name}`, true);
      }
      parts.push(text(out), wasm.subarray(afterName, descEnd));
      p = descEnd;
    }
    body = Buffer.concat(parts);
  }
  sections.push(Buffer.from([id]), leb(body.length), body);
  at = end;
}
replaceOnce(MODULE, `["']${escape(MODULE)}["'](?=\\s*:)`, '"a"', `the import module "${MODULE}"`);

const out = Buffer.concat([wasm.subarray(0, 8), ...sections]);
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
console.log(`short-names: ${imports} imports and ${exports} exports renamed, ${dropped} custom sections dropped; wasm ${wasm.length} -> ${out.length} bytes`);

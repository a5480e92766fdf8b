// The release a council takes as it is (issue 14): what scripts/package-release.mjs made in
// out/ is whole and agrees with itself, and the guide lists the files this build made. A
// council that pins a version checks it with these same hashes, so a mismatch here would be a
// widget that refuses to start on their page.
//
//   node scripts/package-release.mjs dist out && node tests/web/release.mjs out
//   node tests/web/release.mjs out --no-docs    (the GitHub workflow: a build there differs by
//                                                 the folder names Rust keeps in the wasm)
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { crc32, inflateRawSync } from "node:zlib";

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith("--")) || "out";
const checkDocs = !args.includes("--no-docs");
const root = new URL("../../", import.meta.url).pathname;
const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
const folder = `v${version}`;
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

let passed = 0;
let failed = 0;
function check(ok, what, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? `: ${detail}` : ""}`);
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const diff = (a, b) => `missing ${JSON.stringify(b.filter((x) => !a.includes(x)))}, extra ${JSON.stringify(a.filter((x) => !b.includes(x)))}`;

/** Every file under dir, as sorted relative paths. */
function filesIn(dir) {
  const all = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else all.push(relative(dir, p));
    }
  };
  walk(dir);
  return all.sort();
}

/** A zip's entries as [name, bytes], read with Node's zlib alone; each CRC checked. */
function unzip(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("no end of central directory");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central entry ${i}`);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
    const csize = buf.readUInt32LE(at + 20);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: size or CRC wrong`);
    entries.push([name, data]);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The lines of a SHA256SUMS file that do not match the files under dir, and the names. */
function sums(text, dir) {
  const lines = text.trimEnd().split("\n");
  const names = [];
  const wrong = [];
  for (const line of lines) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) {
      wrong.push(`not sha256sum format: ${line}`);
      continue;
    }
    names.push(m[2]);
    let bytes;
    try {
      bytes = readFileSync(join(dir, m[2]));
    } catch {
      wrong.push(`no file ${m[2]}`);
      continue;
    }
    if (sha256(bytes) !== m[1]) wrong.push(`${m[2]} does not match`);
  }
  return { names, wrong };
}

/** What a snippet says: its script address, integrity, and the rules and council addresses. */
function readSnippet(text) {
  const script = /<script type="module" src="([^"]+)"([^>]*)><\/script>/.exec(text);
  return {
    src: script?.[1],
    integrity: /integrity="([^"]+)"/.exec(script?.[2] ?? "")?.[1] ?? null,
    anyIntegrity: /integrity=/.test(text),
    rules: /rules="([^"]+)"/.exec(text)?.[1],
    council: /council="([^"]+)"/.exec(text)?.[1],
  };
}

/** The loader's wasm hash, and the short hashes in its addresses for the glue and the wasm. */
function readLoader(text) {
  return {
    wasm: /"(sha384-[A-Za-z0-9+/]+=*)"/.exec(text)?.[1],
    glueV: /send_route_finder\.js\?v=([0-9a-f]+)/.exec(text)?.[1],
    wasmV: /send_route_finder_bg\.wasm\?v=([0-9a-f]+)/.exec(text)?.[1],
  };
}

// 1. The list of files: FILES.md, the version's folder, latest/, the archive.
const listed = [...readFileSync(join(out, "FILES.md"), "utf8").matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
const vFiles = filesIn(join(out, folder));
const latestFiles = filesIn(join(out, "latest"));
check(listed.length > 10 && same(vFiles, listed), `${folder}/ holds exactly the ${listed.length} files of the list`, same(vFiles, listed) ? "" : diff(vFiles, listed));
check(same(latestFiles, listed), `latest/ holds the same ${listed.length} files`, same(latestFiles, listed) ? "" : diff(latestFiles, listed));
const otherVersions = readdirSync(out).filter((f) => /^v\d/.test(f) && f !== folder);
check(otherVersions.length === 0, `${out}/ holds one version, ${folder} (Cargo.toml's)`, otherVersions.join(", "));

const zipName = `send-route-finder-${folder}.zip`;
let entries = [];
try {
  entries = unzip(readFileSync(join(out, zipName)));
  check(true, `${zipName} reads back, every entry's size and CRC right`, `${entries.length} entries`);
} catch (e) {
  check(false, `${zipName} reads back`, e.message);
}
const zipNames = entries.map(([n]) => n).sort();
const wantZip = listed.map((f) => `${folder}/${f}`).sort();
check(same(zipNames, wantZip), `the archive holds exactly the list's files, under ${folder}/`, same(zipNames, wantZip) ? "" : diff(zipNames, wantZip));
const unequal = entries.filter(([n, data]) => !data.equals(readFileSync(join(out, n)))).map(([n]) => n);
check(entries.length > 0 && unequal.length === 0, `each file in the archive is byte for byte the one in ${folder}/`, unequal.join(", "));

// 2. SHA256SUMS: in each folder, in the archive, and next to the archive.
for (const dir of [folder, "latest"]) {
  const { names, wrong } = sums(readFileSync(join(out, dir, "SHA256SUMS"), "utf8"), join(out, dir));
  const want = listed.filter((f) => f !== "SHA256SUMS");
  check(wrong.length === 0 && same(names.sort(), want), `${dir}/SHA256SUMS matches every other file of ${dir}/`, [...wrong, same(names.sort(), want) ? "" : diff(names, want)].filter(Boolean).join("; "));
}
const inZip = entries.find(([n]) => n === `${folder}/SHA256SUMS`)?.[1];
check(inZip && inZip.equals(readFileSync(join(out, folder, "SHA256SUMS"))), "the archive's SHA256SUMS is the folder's");
{
  const { names, wrong } = sums(readFileSync(join(out, "SHA256SUMS"), "utf8"), out);
  const want = [zipName, ...wantZip].sort();
  check(wrong.length === 0 && same(names.sort(), want), `the SHA256SUMS next to the archive matches the archive and each of its ${wantZip.length} files`, [...wrong, same(names.sort(), want) ? "" : diff(names, want)].filter(Boolean).join("; "));
}

// 3. Subresource Integrity: the version's snippet and loader hold the hashes of its files.
for (const dir of [folder, "latest"]) {
  const loaderBytes = readFileSync(join(out, dir, "send-route-finder.js"));
  const loader = readLoader(loaderBytes.toString("utf8"));
  const wasm = readFileSync(join(out, dir, "send_route_finder_bg.wasm"));
  const glue = readFileSync(join(out, dir, "send_route_finder.js"));
  check(loader.wasm === sri(wasm), `${dir}/: the wasm hash inside the loader is the wasm file's`, `${loader.wasm?.slice(0, 20)}… vs ${sri(wasm).slice(0, 20)}…`);
  check(
    loader.glueV === sha256(glue).slice(0, 12) && loader.wasmV === sha256(wasm).slice(0, 12),
    `${dir}/: the loader asks for this folder's glue and wasm (?v= their content hashes)`,
    `${loader.glueV}, ${loader.wasmV}`,
  );
  const s = readSnippet(readFileSync(join(out, dir, "snippet.html"), "utf8"));
  const base = `https://example.org/srf/${dir}/`;
  check(
    s.src === `${base}send-route-finder.js` && s.rules === `${base}rules.json` && s.council === `${base}councils/YOUR-COUNCIL.json`,
    `${dir}/snippet.html names ${dir}/ in all three addresses`,
    `${s.src}; ${s.rules}; ${s.council}`,
  );
  if (dir === folder) {
    check(s.integrity === sri(loaderBytes), `${dir}/snippet.html carries the loader's hash`, `${s.integrity?.slice(0, 20)}…`);
  } else {
    check(!s.anyIntegrity, "latest/snippet.html has no integrity attribute (its files change with each release)");
  }
}
const differ = listed.filter((f) => !["snippet.html", "SHA256SUMS"].includes(f) && !readFileSync(join(out, folder, f)).equals(readFileSync(join(out, "latest", f))));
check(differ.length === 0, `latest/ has ${folder}/'s files byte for byte, but for snippet.html and SHA256SUMS`, differ.join(", "));

// 4. The checks catch what they are for: a changed byte, a wrong hash.
{
  const wasm = Buffer.from(readFileSync(join(out, folder, "send_route_finder_bg.wasm")));
  const before = sri(wasm);
  wasm[wasm.length >> 1] ^= 1;
  const loader = readLoader(readFileSync(join(out, folder, "send-route-finder.js"), "utf8"));
  check(sri(wasm) !== before && loader.wasm !== sri(wasm), "the check catches one changed byte in the wasm file");
}

// 5. The guide's list is this build's (a stale size, a file added or left out fails).
if (checkDocs) {
  const doc = readFileSync(join(root, "docs/embedding.md"), "utf8");
  const inDoc = /<!-- files:start -->\n([\s\S]*?)<!-- files:end -->/.exec(doc)?.[1];
  const built = readFileSync(join(out, "FILES.md"), "utf8");
  // Rows as [file, sizes]. The wasm holds the folder names of the machine that built it (the
  // Rust sources of its crates, in panic messages), so its size moves by a few hundred bytes
  // from one machine to another: its sizes may differ by 1%. Every other file must match.
  const rows = (text) => (text ?? "").split("\n").filter((l) => l.startsWith("| `")).map((l) => l.split("|").map((c) => c.trim()));
  const kb = (cell) => Number.parseFloat(cell);
  const same = (a, b) =>
    a.length === b.length &&
    a.every((row, i) => {
      const other = b[i];
      if (row[1] !== other[1] || row[2] !== other[2]) return false;
      if (row[1] !== "`send_route_finder_bg.wasm`") return row.join("|") === other.join("|");
      return [3, 4].every((c) => Math.abs(kb(row[c]) - kb(other[c])) <= kb(other[c]) * 0.01);
    });
  const docRows = rows(inDoc);
  const builtRows = rows(built);
  const changed = builtRows.filter((r) => !docRows.some((d) => d.join("|") === r.join("|"))).map((r) => r.join(" ").trim());
  check(
    inDoc != null && same(docRows, builtRows) && builtRows.length > 0,
    "docs/embedding.md lists the files and sizes this build made",
    inDoc != null && same(docRows, builtRows) ? "" : `${inDoc == null ? "no <!-- files:start --> … <!-- files:end --> markers" : `not in the guide: ${changed.slice(0, 3).join(" / ")}`}. Run: node scripts/package-release.mjs dist ${out} --write-docs`,
  );
}

console.log(`release: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

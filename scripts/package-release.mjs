// The release a council can take as it is (issue 14). Run after `trunk build --release`, it
// makes, from the built files, exactly what a council hosts, in three forms:
//
//   out/v<version>/   the files of this version (the version in Cargo.toml), with snippet.html
//                     carrying the loader's Subresource Integrity hash. Once published, a
//                     version's folder never changes: a council pins it, with the hash.
//   out/latest/       the same files, but its snippet.html has no integrity attribute and names
//                     latest/: councils that follow it get each release by itself. Its loader
//                     still holds the wasm file's hash: the two are always replaced together.
//   out/send-route-finder-v<version>.zip   the v<version>/ folder as one archive, for councils
//                     that host the files themselves; out/SHA256SUMS, next to it, for checking.
//
// Each folder has a SHA256SUMS file of its own (sha256sum format). out/FILES.md lists the files
// with their sizes; with --write-docs it also goes into docs/embedding.md between the
// <!-- files:start --> and <!-- files:end --> markers (tests/web/release.mjs fails when the
// guide's list is not the build's). Node's own modules only: the zip is written here.
//
//   node scripts/package-release.mjs dist out [--write-docs]
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync, gzipSync } from "node:zlib";
import { snippet } from "./snippet.mjs";

const args = process.argv.slice(2);
const writeDocs = args.includes("--write-docs");
const [dist = "dist", out = "out"] = args.filter((a) => !a.startsWith("--"));
const root = new URL("../", import.meta.url).pathname;

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const fail = (why) => {
  console.error(`package-release: ${why}`);
  process.exit(1);
};

const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)?.[1];
if (!version) fail("no version in Cargo.toml");
const folder = `v${version}`;

// What a council hosts, and what each file is for (the words go into the guide's list).
const councils = existsSync(join(dist, "councils"))
  ? readdirSync(join(dist, "councils")).filter((f) => f.endsWith(".json")).sort()
  : [];
const FILES = [
  ["send-route-finder.js", "the loader: the one script your page names"],
  ["send_route_finder.js", 'the "glue" that starts the wasm file'],
  ["send_route_finder_bg.wasm", "the engine and the screens"],
  ["send-route-finder.css", "the styles, for older browsers only"],
  ["rules.json", "the national ruleset"],
  ...councils.map((f) => {
    const name = JSON.parse(readFileSync(join(dist, "councils", f), "utf8")).council?.name || f;
    return [`councils/${f}`, `the overlay for ${name}`];
  }),
  ["embed.html", "the page to show in a frame, if your content system strips module scripts"],
  ["embed.js", "the script of `embed.html`"],
  ["embed-frame.js", "makes the frame on your page as tall as what it shows"],
  ["snippet.html", "the HTML to paste into your page"],
  // The overlay builder: a council does not have to host it, but with it in the folder, the
  // officer who keeps the council's file can open it from the same site (it works from a web
  // address, not from a file on a computer) and it checks with this version's checker.
  ["builder.html", "optional: the form for making your council's file (open it from your site)"],
  ["builder.js", "the script of `builder.html`"],
  ["builder.css", "the styles of `builder.html`"],
  ["builder-worker.js", "runs the checker for `builder.html`, away from the form"],
  ["preview/check.js", "starts the checker"],
  ["preview/check_bg.wasm", "the checker: the same checks as `route-finder check`"],
];
if (councils.length === 0) fail(`${dist}/councils/ has no overlays`);
for (const [f] of FILES) {
  if (f !== "snippet.html" && !existsSync(join(dist, f))) fail(`${dist}/${f} is missing: run trunk build --release first`);
}

// The built snippet must be this build's: the loader's hash and this version's folder.
const loader = readFileSync(join(dist, "send-route-finder.js"));
const built = readFileSync(join(dist, "snippet.html"), "utf8");
if (!built.includes(`integrity="${sri(loader)}"`) || !built.includes(`/${folder}/send-route-finder.js"`)) {
  fail(`${dist}/snippet.html is not for this loader and ${folder}/: build again`);
}
if (!loader.includes(sri(readFileSync(join(dist, "send_route_finder_bg.wasm"))))) {
  fail(`${dist}/send-route-finder.js does not hold the wasm file's hash: build again`);
}
const startScreen = JSON.parse(readFileSync(join(dist, "rules.json"), "utf8")).start_screen;

/** One folder: the files, its snippet, and its SHA256SUMS. */
function makeFolder(name, integrity) {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "councils"), { recursive: true });
  mkdirSync(join(dir, "preview"), { recursive: true });
  for (const [f] of FILES) if (f !== "snippet.html") cpSync(join(dist, f), join(dir, f));
  writeFileSync(join(dir, "snippet.html"), snippet({ version, folder: name, integrity, startScreen }));
  const sums = FILES.map(([f]) => `${sha256(readFileSync(join(dir, f)))}  ${f}\n`).join("");
  writeFileSync(join(dir, "SHA256SUMS"), sums);
}

mkdirSync(out, { recursive: true });
for (const old of readdirSync(out)) {
  if (/^v\d/.test(old) || /^send-route-finder-v.*\.zip$/.test(old)) rmSync(join(out, old), { recursive: true, force: true });
}
makeFolder(folder, sri(loader));
makeFolder("latest", null);
const names = [...FILES.map(([f]) => f), "SHA256SUMS"];

// The archive: v<version>/ as it is, entries in the list's order, dated by SOURCE_DATE_EPOCH
// (else the last commit), so the same files give the same archive.
let epoch = Number(process.env.SOURCE_DATE_EPOCH);
if (!epoch) {
  try {
    epoch = Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: root, encoding: "utf8" }).trim());
  } catch {
    epoch = Date.UTC(2026, 0, 1) / 1000;
  }
}
const zipName = `send-route-finder-${folder}.zip`;
writeFileSync(join(out, zipName), zip(names.map((f) => [`${folder}/${f}`, readFileSync(join(out, folder, f))]), new Date(epoch * 1000)));
const outer = [zipName, ...names.map((f) => `${folder}/${f}`)];
writeFileSync(join(out, "SHA256SUMS"), outer.map((f) => `${sha256(readFileSync(join(out, f)))}  ${f}\n`).join(""));

// The list for the guide.
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const rows = [...FILES, ["SHA256SUMS", "a check sum of each file above"]].map(([f, what]) => {
  const bytes = readFileSync(join(out, folder, f));
  return `| \`${f}\` | ${what} | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} |`;
});
const list = `<!-- Written by scripts/package-release.mjs from the build: do not change it by hand. -->
The files of version ${version}:

| File | What it is | Size | Compressed (gzip) |
|---|---|---:|---:|
${rows.join("\n")}
`;
writeFileSync(join(out, "FILES.md"), list);
if (writeDocs) {
  const path = join(root, "docs/embedding.md");
  const doc = readFileSync(path, "utf8");
  const re = /(<!-- files:start -->\n)[\s\S]*?(<!-- files:end -->)/;
  if (!re.test(doc)) fail("docs/embedding.md has no <!-- files:start --> … <!-- files:end --> markers");
  writeFileSync(path, doc.replace(re, (_, a, b) => a + list + b));
}
const total = readFileSync(join(out, zipName)).length;
console.log(
  `package-release: ${out}/${folder}/ and ${out}/latest/ (${names.length} files each), ${out}/${zipName} (${kb(total)}), ` +
    `${out}/SHA256SUMS, ${out}/FILES.md${writeDocs ? ", and the list in docs/embedding.md" : ""}`,
);

/** A zip archive (deflate, UTF-8 names, one date), from [name, bytes] pairs. */
function zip(entries, date) {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data, { level: 9 });
    const stored = packed.length >= data.length;
    const body = stored ? data : packed;
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(stored ? 0 : 8, 4);
    common.writeUInt16LE(dosTime, 6);
    common.writeUInt16LE(dosDate, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(body.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.concat([u32(0x04034b50), common, nameBytes, body]);
    const tail = Buffer.alloc(16);
    tail.writeUInt16LE(0, 0); // no comment
    tail.writeUInt16LE(0, 2); // disk 0
    tail.writeUInt16LE(0, 4); // binary
    tail.writeUInt32LE((0o100644 << 16) >>> 0, 6); // a plain file, rw-r--r--
    tail.writeUInt32LE(offset, 10);
    centrals.push(Buffer.concat([u32(0x02014b50), u16((3 << 8) | 20), common, tail.subarray(0, 14), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}
function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

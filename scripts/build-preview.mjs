// Trunk post-build hook, step 3 (scripts/finish-build.mjs): the demo page's preview checker.
// `route-finder check` compiled to wasm (the `preview` feature, src/preview.rs), with its
// wasm-bindgen glue, into preview/ beside the widget. It is loaded only when a council team
// asks the demo page to check its files, so the widget's own files and size do not change.
//
//   TRUNK_STAGING_DIR=dist node scripts/build-preview.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { stagingDir } from "./build-step.mjs";

const dir = resolve(stagingDir());
const out = join(dir, "preview");
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });

run("cargo", [
  "build", "--lib", "--target", "wasm32-unknown-unknown", "--no-default-features",
  "--features", "preview", "--profile", "wasm-preview", "--quiet",
]);
mkdirSync(out, { recursive: true });
run("wasm-bindgen", [
  "--target", "web", "--no-typescript", "--out-dir", out, "--out-name", "check",
  "target/wasm32-unknown-unknown/wasm-preview/send_route_finder.wasm",
]);
// Smaller for the page's visitors; the preview works without it.
try {
  run("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
    "--enable-sign-ext", "--enable-mutable-globals", join(out, "check_bg.wasm"), "-o", join(out, "check_bg.wasm")]);
} catch {
  console.warn("build-preview: wasm-opt did not run; the preview checker is left unoptimised");
}

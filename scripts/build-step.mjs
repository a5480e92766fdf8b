// What the build's steps (scripts/finish-build.mjs) share: the folder they work on, and a
// built file read with the line the step fills in. A step whose line is missing stops the
// build and says which file and which line, so a loader or page edited by hand cannot ship
// half built.
import { readFileSync } from "node:fs";

/** The folder being built: Trunk's staging folder, else the first argument, else dist/. */
export const stagingDir = () => process.env.TRUNK_STAGING_DIR || process.argv[2] || "dist";

/** The text of `path`, which must hold `mark`, the line `step` fills in; else the build
 *  stops, naming the step. */
export function marked(step, path, mark) {
  const text = readFileSync(path, "utf8");
  if (!text.includes(mark)) {
    console.error(`${step}: ${path} has no line "${mark}"`);
    process.exit(1);
  }
  return text;
}

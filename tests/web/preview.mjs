// The demo page's preview of a council's own files, in Debian's headless Chromium driven by
// playwright-core. A council editing its overlay (or the ruleset) checks it in the page before it
// publishes it: the same checks as `route-finder check`, compiled to wasm.
//   - a broken ruleset, pasted: its problem at the same line and column as the command gives
//     (target/release/route-finder, built by `cargo build --release`), focus on the result's
//     heading, the widget above left as it was;
//   - a ruleset with a warning only, pasted, and a council's overlay chosen as a file: the
//     warning is listed and the widget then runs on both files;
//   - axe on both results;
//   - a checker that could not load (offline) is said, and the next check loads it again.
// (tests/web/preview-corpus.mjs compares the two checkers on every file of the broken corpus.)
//
//   node tests/web/preview.mjs dist      (run from the repository's root)
//
// One line per check, "ok" or "FAIL" with figures; the last line is "preview: N passed, M failed".

import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import {
  axeScreens,
  inWidget,
  journey,
  open,
  problems,
  suite,
  waitReady,
} from "./lib.mjs";

const { server, t, withPage, check, finish } = await suite("preview");
const DEMO = server.url;
const axe = axeScreens(t);
const axeScreen = axe.axeScreen;

// ---------------------------------------------------------------------------------------------
// The preview

async function checkPreview() {
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    await waitReady(page);
    const p = problems();
    await page.click("#preview summary");
    // A broken ruleset, pasted: every problem `route-finder check` finds, at the same line and
    // column, and the widget above is left as it was.
    const brokenFile = new URL("../broken/rules-ref-next-missing-question.json", import.meta.url).pathname;
    const cli = spawnSync("target/release/route-finder", ["check", brokenFile], { encoding: "utf8" });
    const [, cliLine, cliColumn] = /:(\d+):(\d+): error: /.exec(cli.stderr) || [];
    p.expect(cli.status === 2 && cliLine, `route-finder check gave: ${cli.status} ${cli.stderr}`);
    // (Set directly: typing 74 KB into a text area takes Playwright too long.)
    await page.locator("#preview-rules-text").evaluate((el, text) => (el.value = text), readFileSync(brokenFile, "utf8"));
    await page.click("#preview-form button[type=submit]");
    await page.locator("#preview-result h3").waitFor({ timeout: 30000 });
    const why = await page.locator("#preview-result").innerText();
    p.expect(/have errors, so the widget cannot use them/.test(why), `the preview says: ${why}`);
    p.expect(
      why.includes(`Error in pasted ruleset, line ${cliLine}, column ${cliColumn} (at questions[2].next[0].to): "abuot" is not a question`),
      `not at line ${cliLine}, column ${cliColumn} as route-finder check: ${why}`,
    );
    p.expect(/1 error and 0 warnings/.test(why), `no summary line: ${why}`);
    const focused = await page.evaluate(() => document.activeElement?.tagName + ":" + document.activeElement?.textContent);
    p.expect(/^H3:These files have errors/.test(focused), `focus is on ${focused}`);
    p.expect(await page.locator("#route-finder send-route-finder[data-srf-ready]").count() === 1, "the widget above did not stay");
    await axeScreen(page, "demo preview: a broken ruleset's problems");
    // A ruleset with a warning only (reviewed long ago), pasted, and a council's own overlay,
    // chosen as a file: the warning is listed and the widget uses both files.
    const rules = JSON.parse(readFileSync("rules.json", "utf8"));
    rules.last_reviewed = "2020-01-06";
    await page.locator("#preview-rules-text").evaluate((el, text) => (el.value = text), JSON.stringify(rules, null, 1));
    const overlay = new URL("../../www/councils/bedford.json", import.meta.url).pathname;
    await page.setInputFiles("#preview-council-file", overlay);
    await page.click("#preview-form button[type=submit]");
    await page.locator("#preview-result h3", { hasText: "now uses your files" }).waitFor({ timeout: 30000 });
    await waitReady(page);
    const status = await page.locator("#preview-result").innerText();
    p.expect(/Warning in pasted ruleset, line 4, column \d+ \(at last_reviewed\): last reviewed on Monday 6 January 2020, more than a year ago/.test(status), `no warning: ${status}`);
    p.expect(/ok: pasted ruleset with bedford\.json: version .*, 1 warning/.test(status), `no summary line: ${status}`);
    await axeScreen(page, "demo preview: files in use, with a warning");
    await journey(page, [["role", "parent"], ["age", "under_16"], ["ehcp", "no"], ["about", "health"]]);
    const title = await inWidget(page, ".srf-results .srf-heading-l").innerText();
    p.expect(/Bedford Borough/.test(title), `the results do not use the chosen overlay: ${title}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(
      p.ok,
      "preview: route-finder check in wasm lists a pasted broken ruleset's problems at the command's line and column; a warning is listed and a chosen overlay file drives the widget",
      `"${why.split("\n").slice(0, 2).join(" ").slice(0, 160)}…"; then "${title}"`,
      p.text(),
    );
  });
}

// The checker could not load (offline, say): the preview says so, and the next check, once it
// can load, works with no reload.
async function checkerLate() {
  await withPage({}, async (page, errors) => {
    const p = problems();
    const pattern = "**/preview/check_bg.wasm";
    await page.route(pattern, (route) => route.abort("internetdisconnected"));
    await open(page, DEMO);
    await waitReady(page);
    await page.click("#preview summary");
    await page.click("#preview-form button[type=submit]");
    await page.locator("#preview-result h3").waitFor({ timeout: 30000 });
    const first = await page.locator("#preview-result").innerText();
    p.expect(/could not be checked: the checker did not load\. Check you are online/.test(first), `with the checker blocked, the preview says: ${first}`);
    await page.unroute(pattern);
    await page.click("#preview-form button[type=submit]");
    await page.locator("#preview-result h3", { hasText: "now uses your files" }).waitFor({ timeout: 30000 }).catch(() => {});
    const second = await page.locator("#preview-result").innerText();
    p.expect(/now uses your files/.test(second), `once the checker can load, the preview says: ${second}`);
    const other = errors.filter((e) => !/check_bg\.wasm|Failed to fetch|WebAssembly/i.test(e));
    p.expect(other.length === 0, `errors: ${other.join("; ")}`);
    t.record(p.ok, "preview: a checker that could not load is said, and the next check loads it again", `"${first.split("\n")[0]}"`, p.text());
  });
}

await finish(async () => {
  await check("preview", 60, checkPreview);
  await check("checker-late", 60, checkerLate);
  console.log(axe.summary());
});

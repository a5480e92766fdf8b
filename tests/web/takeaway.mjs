// What a family takes away from the results, on the demo page, in Debian's headless Chromium
// driven by playwright-core. The results are only useful if the family still has them when they
// act on them, often weeks later and offline:
//   - the summary file (Save your results): a standalone page, no script, no outside files, that
//     holds every answer, route, last day and contact shown, and the ruleset's version; axe on it;
//   - each last day as a calendar file, read by a real parser (icalendar, through
//     tests/tools/check_ics.py): on the right day, with a reminder a week before;
//   - a first letter (a formal complaint to the school): the complaint's required parts, a
//     reply-by date in words, marked as a starting point, editable, and Copy copies the edited
//     text; axe with the letter open.
//
//   node tests/web/takeaway.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "takeaway: N passed, M failed".

import { mkdtempSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import {
  axeScreens,
  describeViolations,
  inWidget,
  journey,
  JOURNEYS,
  open,
  problems,
  runAxe,
  suite,
} from "./lib.mjs";

const { server, t, withPage, check, finish } = await suite("takeaway");
const DEMO = server.url;
const axe = axeScreens(t);
const axeScreen = axe.axeScreen;

// ---------------------------------------------------------------------------------------------
// The summary file, the calendar files, a first letter

async function checkTakeaway() {
  await withPage({ acceptDownloads: true }, async (page, errors) => {
    await open(page, DEMO);
    await journey(page, JOURNEYS.decision);
    const p = problems();
    const dir = mkdtempSync(join(tmpdir(), "srf-takeaway-"));
    // What the results page shows, to find in the file.
    const shown = await page.evaluate(() => {
      const root = document.querySelector("send-route-finder").shadowRoot;
      const text = (css) => [...root.querySelectorAll(css)].map((e) => e.textContent.trim());
      return {
        titles: text("article.srf-route h4, article.srf-route .srf-heading-s"),
        deadlines: text(".srf-deadline__date strong"),
        contacts: text(".srf-contact__name"),
        answers: text(".srf-summary-list__value"),
        version: text(".srf-version")[0] || "",
      };
    });
    const [download] = await Promise.all([page.waitForEvent("download"), inWidget(page, ".srf-save").click()]);
    const summaryPath = join(dir, download.suggestedFilename());
    await download.saveAs(summaryPath);
    const html = readFileSync(summaryPath, "utf8");
    const decode = (x) => x.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const text = decode(html);
    const missing = [...shown.titles, ...shown.contacts, ...shown.answers].filter((x) => !text.includes(x));
    const deadlineDays = shown.deadlines.map((d) => d.replace(/^(Last day: |The last day was )/, ""));
    const missingDays = deadlineDays.filter((d) => !text.includes(d));
    const version = (shown.version.match(/Rules version ([^,]+)/) || [])[1];
    p.expect(/^send-options-\d{4}-\d{2}-\d{2}\.html$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);
    p.expect(html.startsWith("<!doctype html>") && !/<script/i.test(html), "the summary is not a standalone page without script");
    p.expect(missing.length === 0, `not in the summary: ${missing.join(" | ")}`);
    p.expect(missingDays.length === 0, `last days not in the summary: ${missingDays.join(" | ")}`);
    p.expect(!!version && text.includes(`Ruleset version ${version}`), `ruleset version ${version} not in the summary`);
    // Offline: the file needs nothing else (nothing it loads: no src, no linked stylesheet,
    // no url()). Its links are only those a family can follow: within the file, and the
    // contacts' https, tel: and mailto: addresses, as on the results.
    p.expect(!/\ssrc=|<link\b|<base\b|url\(/i.test(html), "the summary loads other files");
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
    p.expect(hrefs.every((h) => /^(#|https:\/\/|tel:|mailto:)/.test(h)), `links other than https, tel: and mailto: in the summary: ${hrefs.join(" ")}`);
    p.expect(hrefs.some((h) => h.startsWith("tel:")), "no contact's phone number is a link in the summary");
    // The file itself, opened as a page: accessible too.
    const viewer = await page.context().newPage();
    await viewer.goto(`file://${summaryPath}`);
    const axe = await runAxe(viewer);
    p.expect(axe.violations.length === 0, `axe on the summary file: ${describeViolations(axe.violations)}`);
    await viewer.close();
    t.record(
      p.ok,
      "take away: the summary file holds the answers, routes, last days, contacts and ruleset version",
      `${download.suggestedFilename()}, ${html.length} bytes: ${shown.answers.length} answers, ${shown.titles.length} routes, ${deadlineDays.length} last days, ${shown.contacts.length} contacts, version ${version}; axe on the file: ${axe.violations.length} violations, ${axe.passes.length} rules passed`,
      p.text(),
    );

    // Each calendar file: a real parser reads the right day and a reminder a week before.
    const q = problems();
    const buttons = await inWidget(page, ".srf-calendar").count();
    const lines = [];
    for (let i = 0; i < buttons; i++) {
      const button = inWidget(page, ".srf-calendar").nth(i);
      const day = await button.evaluate((b) => b.closest(".srf-deadline").querySelector(".srf-deadline__date strong").textContent.replace(/^Last day: /, ""));
      const [ics] = await Promise.all([page.waitForEvent("download"), button.click()]);
      const icsPath = join(dir, ics.suggestedFilename());
      await ics.saveAs(icsPath);
      const iso = new Date(`${day} 12:00 UTC`).toISOString().slice(0, 10);
      const r = spawnSync("python3", ["tests/tools/check_ics.py", icsPath, iso], { encoding: "utf8" });
      lines.push((r.stdout || r.stderr).trim());
      q.expect(r.status === 0, (r.stdout || r.stderr).trim());
    }
    q.expect(buttons > 0, "no calendar button on a results page with last days");
    q.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(q.ok, "take away: each last day as a calendar file that icalendar parses, on the right day, reminder a week before", `${buttons} files; ${lines[0] || ""}`, q.text());
  });
  // A first letter: the complaint's required parts, editable, copied as changed.
  await withPage({ permissions: ["clipboard-read", "clipboard-write"] }, async (page, errors) => {
    await open(page, DEMO);
    // Only spoken to the school so far: the formal complaint is one of the routes.
    await journey(page, [["role", "parent"], ["age", "under_16"], ["ehcp", "yes"], ["about", "setting_support"], ["setting", "academy"], ["steps_taken", ["spoke_to_setting"]]]);
    const p = problems();
    const letter = inWidget(page, "#srf-letter-setting_complaint");
    p.expect((await letter.count()) === 1, "no letter for the formal complaint to the school");
    await inWidget(page, ".srf-letter summary").first().click();
    await axeScreen(page, "results with a letter open");
    const text = await letter.inputValue();
    for (const part of ["This is a formal complaint", "What the problem is", "What I would like to happen", "Please send me a written reply by "]) {
      p.expect(text.includes(part), `the letter lacks "${part}"`);
    }
    p.expect(/reply by \w+day \d{1,2} \w+ \d{4}/.test(text), "no reply-by date in words");
    const note = await inWidget(page, ".srf-letter p.srf-body").first().innerText();
    p.expect(/starting point, not legal advice/.test(note), `the letter is not marked as a starting point: "${note}"`);
    await letter.fill(text.replace("[say what happened, with dates]", "The plan was not followed in October."));
    await inWidget(page, ".srf-letter .srf-copy-letter").first().click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    p.expect(copied.includes("The plan was not followed in October."), "Copy the letter did not copy the changed text");
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "take away: a first letter with the complaint's parts, marked as a starting point, editable and copied as changed", `${text.split("\n").length} lines; ${copied.length} characters copied`, p.text());
  });
}

await finish(async () => {
  await check("take away", 60, checkTakeaway);
  console.log(axe.summary());
});

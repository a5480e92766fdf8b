// The overlay builder (www/builder.html, issue 14), in Debian's headless Chromium driven by
// playwright-core. A council's SEND officer, with no developer, makes the council's file:
//   a. keyboard only, one pass: a fictional council (Testshire) with two contacts and one local
//      route whose condition is chosen by the question's and answer's words; "Check the file"
//      meets a phone number that cannot be dialled, the error summary takes focus and its link
//      takes focus to the field; fixed, "Download the file" saves the overlay (a download
//      event), formatted like www/councils/*.json; `route-finder check rules.json --council`
//      passes it (exit 0); the widget beside the form now uses it (a blob: address); and on a
//      test page, the widget with the downloaded file walks to the results, where the council's
//      name, its contacts and the local route appear. axe-core finds nothing on the empty form,
//      the form with errors, and the filled form;
//   b. every overlay in www/councils/ (Luton first), opened with "Open a file you made before"
//      and downloaded again, is the same JSON, and the widget beside the form shows it;
//   c. the page asks nothing of any other site: every request is to this site or a blob:;
//   d. once loaded, it works with the network cut off (an officer on a train): a problem is
//      pointed out, fixed, the widget beside the form shows the council's name and contact on
//      its results, and the file downloads, with no request leaving the page;
//   e. the builder as a release ships it (out/v<version>/, made by scripts/package-release.mjs,
//      which must run first): served from that folder alone, it starts, points out a problem,
//      and the widget beside it starts;
//   f. when the checker cannot load (offline too early, a file missing), "Check the file" says
//      so, and the next check after it can load works, with no reload.
//
//   node tests/web/builder.mjs dist      (run from the repository's root, after
//                                         cargo build --release --bin route-finder and
//                                         node scripts/package-release.mjs dist out)
//
// The checker takes seconds a check (it runs in a worker), so the waits here are long.
//
// One line per check, "ok" or "FAIL" with figures; the last line is "builder: N passed, M failed".

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axeScreens, inWidget, journey, JOURNEYS, problems, routeIds, suite, waitReady } from "./lib.mjs";
import { serve } from "./server.mjs";

const dir = mkdtempSync(join(tmpdir(), "srf-builder-"));
let downloaded = "{}";
const RESULTS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Testshire: if you disagree</title></head>
<body><main><h1>SEND: if you disagree</h1>
<send-route-finder rules="rules.json" council="testshire.json" heading-level="2"><p>Contact Testshire SENDIASS.</p></send-route-finder>
</main><script type="module" src="send-route-finder.js"></script></body></html>`;

const { server, t, withPage, check, finish } = await suite("builder", {
  routes: {
    "/testshire.json": (req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(downloaded);
    },
    "/testshire.html": RESULTS_PAGE,
  },
});
const axe = axeScreens(t);
const BUILDER = `${server.url}builder.html`;

/** The builder's page, ready: the form shown, the widget beside it started and the checker
 * loaded in its worker (after which a check works offline). */
async function openBuilder(page) {
  await page.goto(BUILDER, { waitUntil: "load" });
  await page.locator("#builder:not([hidden])").waitFor({ timeout: 20000 });
  await waitReady(page);
  await page.locator('#builder[data-checker="ready"]').waitFor({ state: "attached", timeout: 60000 });
}

/** A canonical text of a JSON value: objects' keys sorted, so key order does not count. */
function canon(v) {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])]));
  return v;
}
const same = (a, b) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));

/** Keyboard moves for the officer: Tab to a field by its id, type, pick an option by its words. */
function officer(page, p, trail) {
  const active = () => page.evaluate(() => document.activeElement && document.activeElement.id);
  async function tabTo(id, max = 250) {
    for (let i = 1; i <= max; i++) {
      await page.keyboard.press("Tab");
      if ((await active()) === id) {
        trail.push(`Tab×${i} → #${id}`);
        return true;
      }
    }
    p.expect(false, `#${id} not reached in ${max} Tab presses (focus on #${await active()})`);
    return false;
  }
  async function fillIn(id, text) {
    if (await tabTo(id)) await page.keyboard.type(text);
  }
  /** Arrow keys on a closed select until the chosen option's words are `label`. */
  async function choose(id, label) {
    if (!(await tabTo(id))) return;
    for (let i = 0; i < 80; i++) {
      const now = await page.evaluate(() => document.activeElement.selectedOptions[0]?.textContent);
      if (now === label) {
        trail.push(`↓×${i} → "${label}"`);
        return;
      }
      await page.keyboard.press("ArrowDown");
    }
    p.expect(false, `#${id}: no option "${label}" by the arrow keys`);
  }
  return { active, tabTo, fillIn, choose };
}

const TITLE = "Go to a Testshire family meeting";
const BAD_PHONE = "call us on weekdays";
const GOOD_PHONE = "01632 960123";

async function keyboardPass() {
  await withPage({ acceptDownloads: true }, async (page, errors) => {
    const p = problems();
    const trail = [];
    const asked = [];
    page.on("request", (r) => asked.push(r.url()));
    await openBuilder(page);
    await axe.axeScreen(page, "the empty form");
    const { active, tabTo, fillIn, choose } = officer(page, p, trail);

    await fillIn("council-name", "Testshire County Council");
    p.expect((await page.inputValue("#council-id")) === "testshire", `the short name was made "${await page.inputValue("#council-id")}", not "testshire"`);
    await fillIn("c-iass-name", "Testshire SENDIASS");
    await fillIn("c-iass-phone", BAD_PHONE);
    await fillIn("c-la_send_team-name", "Testshire SEND team");
    await fillIn("c-la_send_team-email", "send@testshire.example.org");

    // One local route, shown when the problem is a council decision.
    if (await tabTo("add-route")) await page.keyboard.press("Enter");
    const titleId = await active();
    p.expect(/^r-\d+-title$/.test(titleId || ""), `"Add a route" left focus on #${titleId}, not the new route's title`);
    const r = (titleId || "r-0-title").replace(/-title$/, "");
    await page.keyboard.type(TITLE);
    await fillIn(`${r}-summary`, "Testshire offers a family meeting when it says no. A SEND officer chairs it.");
    if (await tabTo(`${r}-group-0`)) {
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
    }
    const group = await page.evaluate((r) => document.querySelector(`input[name="${r}-group"]:checked`)?.value, r);
    p.expect(group === "alongside", `the arrow keys chose the group "${group}", not "alongside"`);
    const cond = await page.evaluate((r) => document.querySelector(`#${r}-conds select`)?.id, r);
    await choose(cond, "What is the problem about?");
    await choose(cond.replace(/-q$/, "-a"), "A council decision about an EHC assessment or plan");
    await fillIn(`${r}-why`, "The council made a decision you disagree with. In Testshire, you can ask for this meeting.");
    await fillIn(`${r}-steps`, "Ask your SEND officer for a family meeting.\nWrite down your worries before the meeting.");
    if (await tabTo(`${r}-contacts-1`)) await page.keyboard.press("Space");
    await fillIn(`${r}-source`, "Testshire Local Offer: if you disagree");

    // Check: the phone number is pointed out, in the summary and at its field.
    if (await tabTo("check")) await page.keyboard.press("Enter");
    await page.locator("#error-summary:not([hidden])").waitFor({ timeout: 90000 }).catch(() => {});
    p.expect((await active()) === "error-summary", `after "Check the file", focus is on #${await active()}, not the error summary`);
    const links = await page.locator("#error-list a").evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
    const inline = await page.locator("#c-iass-phone").evaluate((el) => [...el.closest(".form-group").querySelectorAll(".error-message")].map((e) => e.textContent));
    p.expect(links.length === 1 && links[0][0] === "#c-iass-phone" && /phone number/.test(links[0][1]), `the summary lists ${JSON.stringify(links)}`);
    p.expect(inline.length === 1 && /^Error: Enter a phone number/.test(inline[0]), `at the field: ${JSON.stringify(inline)}`);
    const described = await page.getAttribute("#c-iass-phone", "aria-describedby");
    p.expect(/error/.test(described || ""), `the field's aria-describedby is "${described}", without its error`);
    p.expect((await page.title()).startsWith("Error: "), `the page title is "${await page.title()}"`);
    await axe.axeScreen(page, "the form with an error");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    p.expect((await active()) === "c-iass-phone", `the summary's link took focus to #${await active()}`);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(GOOD_PHONE);

    // Download.
    const downloading = page.waitForEvent("download", { timeout: 90000 });
    if (await tabTo("download")) await page.keyboard.press("Enter");
    const download = await downloading.catch(() => null);
    p.expect(download, "no download");
    if (download) {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      downloaded = readFileSync(file, "utf8");
      p.expect(download.suggestedFilename() === "testshire.json", `the file is called ${download.suggestedFilename()}`);
    }
    p.expect((await page.locator(".error-message").count()) === 0 && (await page.locator("#error-summary").isHidden()), "the problems are still shown after the fix");
    let overlay = {};
    try {
      overlay = JSON.parse(downloaded);
    } catch (error) {
      p.expect(false, `the file is not JSON: ${error.message}`);
    }
    p.expect(downloaded === JSON.stringify(overlay, null, 1) + "\n", "the file is not formatted like www/councils/*.json");
    const local = (overlay.routes || [])[0] || {};
    p.expect(local.id === "local:go_to_a_testshire_family_meeting" && local.group === "alongside", `the route is ${local.id} in ${local.group}`);
    p.expect(same(local.when?.[0]?.if, { answer: "about", is: "la_decision" }), `the route shows when ${JSON.stringify(local.when?.[0]?.if)}`);
    p.expect(same(local.contacts, ["la_send_team"]) && local.steps?.length === 2, `contacts ${JSON.stringify(local.contacts)}, ${local.steps?.length} steps`);
    const iass = (overlay.contacts || []).find((c) => c.id === "iass");
    p.expect(iass && iass.phone === GOOD_PHONE && iass.name === "Testshire SENDIASS", `iass: ${JSON.stringify(iass)}`);

    // The widget beside the form uses the file.
    await page.locator('#preview-slot send-route-finder[council^="blob:"]').waitFor({ state: "attached", timeout: 5000 }).catch(() => {});
    p.expect((await page.locator('#preview-slot send-route-finder[council^="blob:"]').count()) === 1, "the widget beside the form does not use the file (no blob: council)");
    await waitReady(page);
    await axe.axeScreen(page, "the filled form");
    const others = asked.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"));
    p.expect(others.length === 0, `requests to other sites: ${others.join(", ")}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "keyboard only: a council with a local route, an error pointed out and fixed, the file downloaded", `${trail.length} moves (${trail.slice(0, 4).join("; ")}; …); ${downloaded.length} bytes; ${asked.length} requests, all to this site or blob:`, p.text());
  });

  // route-finder check takes the file.
  const file = join(dir, "testshire.json");
  writeFileSync(file, downloaded);
  const run = spawnSync("target/release/route-finder", ["check", "rules.json", "--council", file], { encoding: "utf8" });
  const last = `${run.stdout || ""}${run.stderr || ""}`.trim().split("\n").pop();
  t.record(run.status === 0, "route-finder check rules.json --council <the downloaded file>", `exit ${run.status}: ${last}`, run.status === 0 ? "" : `${run.stdout}${run.stderr}${run.error || ""}`);

  // The widget with the file, walked to the results.
  await withPage({}, async (page, errors) => {
    const p = problems();
    await page.goto(`${server.url}testshire.html`, { waitUntil: "load" });
    await waitReady(page);
    await journey(page, JOURNEYS.decision);
    const heading = (await inWidget(page, ".srf-results .srf-heading-l").textContent()).trim();
    const ids = await routeIds(page);
    const text = await inWidget(page, ".srf-results").textContent();
    p.expect(/Testshire County Council/.test(heading), `the results are headed "${heading}"`);
    // The widget's element ids write the route id's ":" as "-".
    p.expect(ids.includes("local-go_to_a_testshire_family_meeting"), `the local route is not among ${ids.join(", ")}`);
    p.expect(text.includes(TITLE), "the local route's title is not shown");
    for (const words of ["Testshire SENDIASS", GOOD_PHONE, "Testshire SEND team", "send@testshire.example.org"]) p.expect(text.includes(words), `the results do not show "${words}"`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "the widget with the downloaded file: the council's contacts and its route on the results", `"${heading}"; ${ids.length} routes`, p.text());
  });
}

async function roundTrips() {
  const folder = "www/councils";
  const files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort((a, b) => (a === "luton.json" ? -1 : b === "luton.json" ? 1 : a.localeCompare(b)));
  await withPage({ acceptDownloads: true }, async (page, errors) => {
    await openBuilder(page);
    for (const name of files) {
      const p = problems();
      const path = join(folder, name);
      const want = JSON.parse(readFileSync(path, "utf8"));
      await page.setInputFiles("#open-file", path);
      await page.locator("#status", { hasText: name }).waitFor({ timeout: 5000 }).catch(() => p.expect(false, "the page did not say the file was opened"));
      p.expect((await page.inputValue("#council-name")) === want.council.name, `the council's name is "${await page.inputValue("#council-name")}"`);
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 90000 }), page.click("#download")]).catch(() => [null]);
      let got;
      if (download) {
        const file = join(dir, `again-${name}`);
        await download.saveAs(file);
        got = JSON.parse(readFileSync(file, "utf8"));
      }
      p.expect(download, `no download; problems: ${await page.locator("#error-list").textContent()}`);
      const council = await page.locator("#preview-slot send-route-finder").getAttribute("council");
      p.expect(/^blob:/.test(council || ""), `the widget beside the form has council="${council}"`);
      p.expect(got && same(got, want), `the JSON changed:\n      was ${JSON.stringify(canon(want))}\n      now ${JSON.stringify(got && canon(got))}`);
      t.record(p.ok, `open ${name} and download it again: the same JSON`, got ? `${(want.contacts || []).length} contacts, ${(want.routes || []).length} routes, ${Object.keys(want.texts || {}).length} notes` : "", p.text());
    }
    t.record(errors.length === 0, "no errors on the page while opening files", errors.join("; "));
  });
}

async function offline() {
  await withPage({ acceptDownloads: true }, async (page, errors) => {
    const p = problems();
    await openBuilder(page);
    await page.context().setOffline(true);
    const failed = [];
    page.on("requestfailed", (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
    await page.fill("#council-name", "Offshire Council");
    await page.fill("#c-iass-name", "Offshire SENDIASS");
    await page.fill("#c-iass-phone", BAD_PHONE);
    await page.click("#check");
    const pointed = await page.locator('#error-list a[href="#c-iass-phone"]').waitFor({ timeout: 90000 }).then(() => true, () => false);
    p.expect(pointed, "offline, the bad phone number was not pointed out");
    await page.fill("#c-iass-phone", GOOD_PHONE);
    // Download pressed while the check runs waits its turn, and then downloads.
    const downloading = page.waitForEvent("download", { timeout: 180000 });
    await page.click("#check");
    await page.click("#download");
    const download = await downloading.catch(() => null);
    p.expect(download && download.suggestedFilename() === "offshire.json", `offline, Download pressed during a check: no download (${download && download.suggestedFilename()})`);
    // The contacts left empty are listed, as not a problem.
    await page.locator("#status", { hasText: "downloading" }).waitFor({ timeout: 5000 }).catch(() => {});
    const said = await page.locator("#status").textContent();
    const blank = await page.locator("#blank:not([hidden]) li").allTextContents();
    p.expect(/downloading.*You have not filled in 6 contacts \(see below\)/.test(said), `the page says: "${said}"`);
    p.expect(blank.length === 6 && blank[0] === "The council's SEND team" && !blank.includes("Your local SENDIASS"), `the contacts left empty are listed as ${JSON.stringify(blank)}`);
    await page.locator('#preview-slot send-route-finder[council^="blob:"]').waitFor({ state: "attached", timeout: 10000 }).catch(() => {});
    await waitReady(page).catch(() => p.expect(false, "offline, the widget beside the form did not start with the file"));
    await journey(page, JOURNEYS.decision).catch((e) => p.expect(false, `offline, the widget's journey failed: ${e.message}`));
    const text = (await inWidget(page, ".srf-results").textContent().catch(() => "")) || "";
    p.expect(text.includes("Offshire SENDIASS") && text.includes(GOOD_PHONE), "offline, the widget beside the form does not show the council's contact on its results");
    p.expect(failed.length === 0, `requests failed: ${failed.join(", ")}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "offline once loaded: a problem pointed out and fixed, Download pressed during the check downloads after it, the contacts left empty listed, the widget beside the form uses it", `${failed.length} failed requests`, p.text());
  });
}

// f. The checker could not load (the officer went offline before it came, or a file was
// missing): "Check the file" says so at the button, and once it can load, the next check works
// with no reload. Once with the checker's script missing, once with its wasm missing.
async function checkerLate() {
  for (const [what, pattern] of [
    ["script", "**/preview/check.js"],
    ["wasm", "**/preview/check_bg.wasm"],
  ]) {
    await withPage({}, async (page, errors) => {
      const p = problems();
      await page.route(pattern, (route) => route.abort("internetdisconnected"));
      await page.goto(BUILDER, { waitUntil: "load" });
      await page.locator("#builder:not([hidden])").waitFor({ timeout: 20000 });
      const failed = await page.locator('#builder[data-checker="failed"]').waitFor({ state: "attached", timeout: 60000 }).then(() => true, () => false);
      p.expect(failed, `the page did not notice the checker failed to load: data-checker="${await page.getAttribute("#builder", "data-checker")}"`);
      await page.fill("#c-iass-phone", BAD_PHONE);
      await page.click("#check");
      const said = await page.locator('#error-list a[href="#check"]').textContent({ timeout: 90000 }).catch(() => "");
      p.expect(/did not load\. Check you are online/.test(said), `the error summary says "${said}"`);
      await page.unroute(pattern);
      await page.click("#check");
      const pointed = await page.locator('#error-list a[href="#c-iass-phone"]').waitFor({ timeout: 90000 }).then(() => true, () => false);
      p.expect(pointed, "back online, the next check did not point out the bad phone number");
      p.expect(!(await page.locator('#error-list a[href="#check"]').count()), "back online, the summary still says the checker did not load");
      const other = errors.filter((e) => !/check(\.js|_bg\.wasm)|Failed to fetch|WebAssembly|dynamically imported/i.test(e));
      p.expect(other.length === 0, `errors: ${other.join("; ")}`);
      t.record(p.ok, `the checker's ${what} could not load: the summary says so at the button, and the next check after it can load works`, said.trim(), p.text());
    });
  }
}

async function released() {
  const version = readFileSync("Cargo.toml", "utf8").match(/^version = "([^"]+)"/m)[1];
  const folder = join("out", `v${version}`);
  if (!existsSync(join(folder, "builder.html"))) {
    t.record(false, `the builder in the release folder ${folder}/`, "not there: run node scripts/package-release.mjs dist out first");
    return;
  }
  const release = await serve(folder);
  try {
    await withPage({}, async (page, errors) => {
      const p = problems();
      await page.goto(`${release.url}builder.html`, { waitUntil: "load" });
      const shown = await page.locator("#builder:not([hidden])").waitFor({ timeout: 20000 }).then(() => true, () => false);
      p.expect(shown, `the form did not appear: ${await page.locator("#loading").textContent().catch(() => "")}`);
      await waitReady(page).catch(() => p.expect(false, "the widget beside the form did not start"));
      await page.fill("#c-iass-phone", BAD_PHONE);
      await page.click("#check");
      const pointed = await page.locator('#error-list a[href="#c-iass-phone"]').waitFor({ timeout: 90000 }).then(() => true, () => false);
      p.expect(pointed, "the checker did not point out the bad phone number");
      const missing = release.requests.filter((r) => r.status >= 400 && r.path !== "/favicon.ico").map((r) => `${r.path} (${r.status})`);
      p.expect(missing.length === 0, `files the release folder lacks: ${missing.join(", ")}`);
      p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
      t.record(p.ok, `the builder in ${folder}/, served from that folder alone: it starts, checks, and shows the widget`, `${release.requests.length} requests`, p.text());
    });
  } finally {
    await release.close();
  }
}

await finish(async () => {
  await check("keyboard", 400, keyboardPass);
  await check("offline", 300, offline);
  await check("checker-late", 300, checkerLate);
  await check("release", 200, released);
  await check("round-trips", 500, roundTrips);
  console.log(`builder ${axe.summary()}`);
});

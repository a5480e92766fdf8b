// The widget in a real page, in Debian's headless Chromium driven by playwright-core:
//   a. axe-core (WCAG 2.0/2.1/2.2 A and AA, no rule off) on every distinct screen
//   b. a whole journey by keyboard only, checking where focus lands and that it shows
//   c. layout at 320 CSS px (no sideways scrolling, target sizes), forced colours, reduced motion
//   d. a hostile host page (its CSS must not break the widget; the widget must not touch it)
//   e. screenshots at 1280 and 320 px for a person to look at
//   f. two widgets on one page
//   g. the page under a strict Content Security Policy, and the server's MIME types and gzip
//
//   node tests/web/run.mjs dist      (SCREENSHOTS=dir for the screenshots, default: srf-shots in the system temp folder)
//
// One line per check, "ok" or "FAIL" with figures; the last line is "web: N passed, M failed".

import { mkdirSync, mkdtempSync, readFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { serve } from "./server.mjs";
import {
  AXE_VERSION,
  HEADING,
  JOURNEYS,
  daysAgo,
  describeFocus,
  describeViolations,
  fill,
  focusInfo,
  focusShows,
  inWidget,
  journey,
  launchBrowser,
  look,
  open,
  overflow,
  problems,
  routeIds,
  runAxe,
  step,
  submit,
  tally,
  targetSizes,
  transparent,
  waitFocus,
  waitReady,
  waitScreen,
  watchErrors,
  harness,
  widget,
  widgetNodeCount,
  withTimeout,
} from "./lib.mjs";

const dist = process.argv[2] || "dist";
const SHOTS = process.env.SCREENSHOTS || join(tmpdir(), "srf-shots");
const started = Date.now();
const t = tally();

if (!existsSync(join(dist, "index.html"))) {
  console.log(`FAIL ${dist}/index.html is missing: build the widget first (trunk build --release)`);
  console.log("web: 0 passed, 1 failed");
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Test pages that exist only in this server.

const demo = readFileSync(join(dist, "index.html"), "utf8");

/** The demo page with a ruleset that is not there. */
const MISSING = demo.replace('rules="rules.json"', 'rules="missing.json"');

const HOSTILE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page title</title>
<style>
* { all: unset; }
html { font-size: 40px }
body { color: red; font-family: Papyrus }
button { display: none !important }
h2 { font-size: 100px }
input { display: none }
a { color: lime }
</style>
</head>
<body>
<h2 id="host-h2">The host page's heading</h2>
<p id="host-p">The host page's own paragraph, which is red.</p>
<a id="host-a" href="#host-p">A host page link, which is lime</a>
<div id="top-spacer" style="display:block;height:2400px">A long page, so it scrolls.</div>
<send-route-finder rules="rules.json" council="councils/luton.json" heading-level="2">
  <p>Fallback: read GOV.UK.</p>
</send-route-finder>
<div id="bottom-spacer" style="display:block;height:3000px">More of the host page.</div>
<script type="module" src="send-route-finder.js"></script>
</body>
</html>`;

const TWO = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Two route finders on one page</title>
</head>
<body>
<main>
<h1>Two route finders</h1>
<send-route-finder id="a" rules="rules.json" heading-level="2"><p>Fallback A</p></send-route-finder>
<send-route-finder id="b" rules="rules.json" council="councils/bedford.json" heading-level="2"><p>Fallback B</p></send-route-finder>
</main>
<script type="module" src="send-route-finder.js"></script>
</body>
</html>`;

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The hostile page with a ruleset that is not there: the failure message under its CSS. */
const HOSTILE_MISSING = HOSTILE.replace('rules="rules.json"', 'rules="missing.json"');

const INTEGRITY = JSON.parse(readFileSync(join(dist, "integrity.json"), "utf8"));
/** The README snippet with Subresource Integrity on the script tag; and with a wrong hash. */
const sriPage = (hash) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title></head><body>
<send-route-finder rules="rules.json" heading-level="2"><p data-srf="title">Fallback title</p><p class="kept">Fallback</p></send-route-finder>
<script type="module" src="send-route-finder.js" integrity="${hash}" crossorigin="anonymous"></script></body></html>`;
/** A council page that shows embed.html in a frame, with embed-frame.js. */
const FRAMED = (query) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title></head><body>
<h1>Council page</h1>
<iframe data-srf-embed src="embed.html?${query}" title="Find your options if you disagree about SEND help" width="100%" height="300"></iframe>
<script src="embed-frame.js"></script></body></html>`;

/** The demo page with quick exit switched on, leaving for a page on this site. */
const EXIT = demo.replace('<send-route-finder rules="rules.json"', '<send-route-finder quick-exit="/neutral.html" rules="rules.json"');
const NEUTRAL_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head><body><p>Weather</p></body></html>`;

const server = await serve(dist, {
  routes: {
    "/sri.html": sriPage(INTEGRITY["send-route-finder.js"]),
    "/sri-wrong.html": sriPage("sha384-" + Buffer.alloc(48, 7).toString("base64")),
    "/framed.html": FRAMED("council=councils/luton.json&heading-level=2"),
    "/framed-foreign.html": FRAMED("rules=https://example.org/rules.json"),
    "/exit.html": EXIT, "/neutral.html": NEUTRAL_PAGE, "/missing.html": MISSING, "/hostile.html": HOSTILE, "/hostile-missing.html": HOSTILE_MISSING, "/two.html": TWO },
});
const cspServer = await serve(dist, { headers: { "Content-Security-Policy": CSP } });
/** The same files, but the wasm is gone: the loader's own failure path. */
const noWasmServer = await serve(dist, { routes: { "/send_route_finder_bg.wasm": { status: 404, type: "text/plain; charset=utf-8", body: "not found" } } });
/** The same files, but one byte of the wasm changed: its integrity hash no longer matches. */
const tampered = readFileSync(join(dist, "send_route_finder_bg.wasm"));
tampered[tampered.length - 1] ^= 1;
const tamperedServer = await serve(dist, { routes: { "/send_route_finder_bg.wasm": { type: "application/wasm", body: tampered } } });
let browser;
try {
  browser = await launchBrowser();
} catch (error) {
  console.log(`FAIL Chromium did not start: ${String(error.message || error).split("\n")[0]}`);
  console.log("web: 0 passed, 1 failed");
  await Promise.all([server.close(), cspServer.close(), noWasmServer.close(), tamperedServer.close()]);
  process.exit(1);
}
const DEMO = server.url;

// withPage and check: the shared harness (lib.mjs), bound to this suite's browser and tally.
const { withPage, check } = harness(() => browser, t);

/** Errors the load-failure page is expected to log: the 404 and the widget's own line. */
const expectedOnFailure = (e) => /missing\.json|404|send-route-finder: /.test(e);

// ---------------------------------------------------------------------------------------------
// a. axe on every distinct screen

const axeScreens = [];

async function axeScreen(page, name) {
  const results = await runAxe(page);
  const nodes = widgetNodeCount(results);
  const incomplete = results.incomplete.map((r) => `${r.id}(${r.nodes.length})`).join(" ") || "none";
  const ok = results.violations.length === 0 && nodes > 0;
  axeScreens.push(name);
  t.record(
    ok,
    `axe: ${name}`,
    `${results.violations.length} violations, ${nodes} nodes checked in the widget, ${results.passes.length} rules passed, needs review: ${incomplete}`,
    [
      results.violations.length ? describeViolations(results.violations) : "",
      nodes > 0 ? "" : "    axe checked no node inside the widget's shadow root",
      results.incomplete.length ? "    needs review (not a failure):\n" + describeViolations(results.incomplete) : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

async function checkAxe() {
  // Start screen, a radio question, the same with its error summary.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    await axeScreen(page, "start screen");
    await inWidget(page, ".srf-button--start").click();
    await waitScreen(page, "role");
    await axeScreen(page, "radio question (role)");
    await submit(page);
    await waitScreen(page, "error");
    await axeScreen(page, "radio question with error summary (role)");
    t.record(errors.length === 0, "axe journeys: no script errors (start, role)", errors.join("; ") || "none");
  });

  // A council decision with dates: the date question, its error, the results, the details
  // open; then Change the decision to a plan: the checkbox question and its error.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    const steps = JOURNEYS.decision;
    await journey(page, steps.slice(0, 5), { end: "decision_date" });
    await axeScreen(page, "date question (decision_date)");
    await fill(page, "decision_date", { day: "31", month: "2", year: "2024" });
    await submit(page);
    await waitScreen(page, "error");
    await inWidget(page, ".srf-error-message").waitFor();
    await axeScreen(page, "date question with error (31/2/2024)");
    await step(page, "decision_date", daysAgo(20), "certificate");
    await step(page, "certificate", "yes", "certificate_date");
    await step(page, "certificate_date", daysAgo(10), "results");
    await axeScreen(page, "results: council decision (la_decision/refuse_plan, dates)");
    await inWidget(page, ".srf-details summary").first().click();
    await axeScreen(page, "results with 'The law behind this' open");
    // "Your answers" rows are in the order asked: role, age, ehcp, about, decision, …
    await inWidget(page, ".srf-summary-list .srf-link-button").nth(4).click();
    await waitScreen(page, "decision");
    await step(page, "decision", "plan_issued", "plan_parts");
    await axeScreen(page, "checkbox question (plan_parts)");
    await submit(page);
    await waitScreen(page, "error");
    await axeScreen(page, "checkbox question with error summary (plan_parts)");
    t.record(errors.length === 0, "axe journeys: no script errors (decision, change)", errors.join("; ") || "none");
  });

  for (const [name, key] of [
    ["results: health", "health"],
    ["results: exclusion", "exclusion"],
    ["results: young person (social care, 18 to 25)", "youngPerson"],
  ]) {
    await withPage({}, async (page, errors) => {
      await open(page, DEMO);
      await journey(page, JOURNEYS[key]);
      await axeScreen(page, name);
      if (errors.length) t.record(false, `axe journeys: no script errors (${key})`, errors.join("; "));
    });
  }

  // The demo's council switch: no council, national contacts only; a checkbox question.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    await page.selectOption("#council", "");
    await waitReady(page);
    const steps = JOURNEYS.settingSupport;
    await journey(page, steps.slice(0, -1), { end: "steps_taken" });
    await axeScreen(page, "checkbox question (steps_taken, no council)");
    await step(page, "steps_taken", steps.at(-1)[1], "results");
    await axeScreen(page, "results: setting support, no council");
    if (errors.length) t.record(false, "axe journeys: no script errors (no council)", errors.join("; "));
  });

  // The ruleset cannot be fetched: the message and the fallback.
  await withPage({}, async (page, errors) => {
    await page.goto(server.url + "missing.html");
    await inWidget(page, "p.srf-load-error").waitFor({ state: "visible", timeout: 20000 });
    const p = problems();
    const state = await widget(page).evaluate((host) => {
      const root = host.shadowRoot;
      const message = root.querySelector("p.srf-load-error");
      const slot = root.querySelector("slot");
      return {
        role: message && message.getAttribute("role"),
        text: message && message.textContent,
        slot: !!slot,
        assigned: slot ? slot.assignedNodes({ flatten: true }).filter((n) => n.nodeType === 1).length : 0,
        fallbackLink: !!host.querySelector("a[href]") && host.querySelector("a[href]").getBoundingClientRect().height > 0,
      };
    });
    p.expect(state.role === "alert", `the message has role=${state.role}, not alert`);
    p.expect(state.slot && state.assigned > 0, "no <slot> showing the fallback");
    p.expect(state.fallbackLink, "the fallback's link is not shown");
    const unexpected = errors.filter((e) => !expectedOnFailure(e));
    p.expect(unexpected.length === 0, `unexpected errors: ${unexpected.join("; ")}`);
    t.record(p.ok, "load failure: role=alert message and the fallback kept", `"${(state.text || "").trim()}", ${state.assigned} fallback elements in the slot`, p.text());
    await axeScreen(page, "load failure (rules=missing.json)");
  });

  // The wasm itself cannot be fetched: send-route-finder.js shows its own message.
  await withPage({}, async (page, errors) => {
    await page.goto(noWasmServer.url);
    await inWidget(page, "p[role=alert]").waitFor({ state: "visible", timeout: 20000 });
    const p = problems();
    const state = await widget(page).evaluate((host) => {
      const root = host.shadowRoot;
      const message = root.querySelector("p[role=alert]");
      const slot = root.querySelector("slot");
      return {
        text: message.textContent.trim(),
        assigned: slot ? slot.assignedNodes({ flatten: true }).filter((n) => n.nodeType === 1).length : 0,
        styled: !!root.querySelector('link[rel="stylesheet"]') || message.classList.contains("srf-load-error"),
      };
    });
    p.expect(state.assigned > 0, "no <slot> showing the fallback");
    const unexpected = errors.filter((e) => !/send_route_finder_bg\.wasm|404|WebAssembly|send-route-finder: /.test(e));
    p.expect(unexpected.length === 0, `unexpected errors: ${unexpected.join("; ")}`);
    t.record(p.ok, "load failure (wasm missing): role=alert message and the fallback kept", `"${state.text}", ${state.assigned} fallback elements in the slot, widget stylesheet ${state.styled ? "used" : "not used"}`, p.text());
    await axeScreen(page, "load failure (wasm missing)");
  });
}

// ---------------------------------------------------------------------------------------------
// b. keyboard only

async function checkKeyboard() {
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    const p = problems();
    const trail = [];
    const key = async (k, times = 1) => {
      for (let i = 0; i < times; i++) await page.keyboard.press(k);
    };
    const activeMatches = (css) =>
      page.evaluate((css) => {
        const el = document.querySelector("send-route-finder").shadowRoot.activeElement;
        return !!el && el.matches(css);
      }, css);
    /** Press Tab until focus is on `css` inside the widget. */
    const tabTo = async (css, what, max = 60) => {
      for (let i = 1; i <= max; i++) {
        await key("Tab");
        if (await activeMatches(css)) {
          trail.push(`Tab×${i} → ${what}`);
          return true;
        }
      }
      p.expect(false, `${what}: ${css} not reached in ${max} Tab presses (focus: ${describeFocus(await focusInfo(page))})`);
      return false;
    };
    /** Focus must be on `css` now (after a screen change, allow it a moment). */
    const focusOn = async (css, what) => {
      const r = await waitFocus(page, css);
      p.expect(r.ok, `${what}: focus should be on ${css}, is on ${describeFocus(r.focus)}`);
      trail.push(`${what}: ${describeFocus(r.focus)}`);
      return r.ok;
    };
    /** The focused look of `css` must differ visibly from its unfocused look. */
    const indicator = async (css, before, what) => {
      const after = await look(inWidget(page, css).first());
      const r = focusShows(before, after);
      p.expect(r.ok, `${what}: no visible focus indicator (unfocused ${JSON.stringify(before)}, focused ${JSON.stringify(after)})`);
      indicators.push(`${what}: ${r.ok ? r.changed.join("+") : "NONE"}`);
    };
    const indicators = [];
    /** A question with "Help with this question": Tab from the heading reaches its summary
     *  first, and Enter opens it; then on. */
    const pastHelp = async (q) => {
      if (!(await inWidget(page, ".srf-help").count())) return;
      await key("Tab");
      await focusOn(".srf-help summary", `${q}: Tab to "Help with this question"`);
      if (q === "role") {
        await key("Enter");
        p.expect(await inWidget(page, ".srf-help .srf-details__text").isVisible(), `${q}: Enter did not open the help`);
      }
    };
    const live = () => inWidget(page, '[aria-live="polite"]').first().textContent();
    const checked = (id) => inWidget(page, `#${id}`).isChecked();

    // Start screen → Start now.
    let before = await look(inWidget(page, ".srf-button--start"));
    if (!(await tabTo(".srf-button--start", "Start now"))) throw new Error(p.list.at(-1));
    await indicator(".srf-button--start", before, "Start now button");
    await key("Enter");
    await waitScreen(page, "role");
    await focusOn(`h2${HEADING}`, "role: heading after Start");
    p.expect(/^Question:/.test((await live()).trim()), `role: live region says "${await live()}", not "Question: …"`);

    // role: Continue with nothing chosen → error summary; its link → the first radio.
    before = await look(inWidget(page, "#srf-role-parent"));
    await pastHelp("role");
    await key("Tab");
    await focusOn("#srf-role-parent", "role: Tab into the radios");
    await indicator("#srf-role-parent", before, "radio");
    before = await look(inWidget(page, 'button[type="submit"]'));
    await key("Tab");
    await focusOn('button[type="submit"]', "role: Tab to Continue");
    await indicator('button[type="submit"]', before, "Continue button");
    await key("Enter");
    await waitScreen(page, "error");
    await focusOn(".srf-error-summary", "role: error summary after Continue with no answer");
    p.expect(await inWidget(page, ".srf-error-message").isVisible(), "role: no .srf-error-message beside the question");
    p.expect(/problem/i.test(await live()), `role: live region says "${await live()}" after the error`);
    before = await look(inWidget(page, ".srf-error-summary a"));
    await key("Tab");
    await focusOn(".srf-error-summary a", "role: Tab to the error link");
    await indicator(".srf-error-summary a", before, "error summary link");
    await key("Enter");
    await focusOn("#srf-role-parent", "role: Enter on the error link focuses the radio");
    await key("Space");
    p.expect(await checked("srf-role-parent"), "role: Space did not choose 'parent'");
    await key("Tab");
    await focusOn('button[type="submit"]', "role: Tab to Continue");
    await key("Enter");
    await waitScreen(page, "age");
    await focusOn(`h2${HEADING}`, "age: heading");

    // age: arrow keys move the choice.
    await key("Tab");
    await focusOn("#srf-age-under_16", "age: Tab into the radios");
    await key("ArrowDown");
    await focusOn("#srf-age-16_to_17", "age: ArrowDown");
    await key("ArrowDown");
    await key("ArrowUp");
    await focusOn("#srf-age-16_to_17", "age: ArrowDown, ArrowUp");
    // 18 to 25: 16 or 17 would add a question (finished_year_11, checked in round2.mjs).
    await key("ArrowDown");
    await focusOn("#srf-age-18_to_25", "age: ArrowDown, ArrowUp, ArrowDown");
    p.expect(await checked("srf-age-18_to_25"), "age: the arrow keys did not choose 18 to 25");
    await key("Tab");
    await focusOn('button[type="submit"]', "age: Tab to Continue");
    await key("Space");
    await waitScreen(page, "ehcp");
    await focusOn(`h2${HEADING}`, "ehcp: heading (Continue pressed with Space)");

    // Back with Shift+Tab and Enter; the answer is kept; forward again.
    before = await look(inWidget(page, ".srf-back-link"));
    await key("Shift+Tab");
    await focusOn(".srf-back-link", "ehcp: Shift+Tab to Back");
    await indicator(".srf-back-link", before, "Back link button");
    await key("Enter");
    await waitScreen(page, "age");
    await focusOn(`h2${HEADING}`, "age: heading after Back");
    p.expect(await checked("srf-age-18_to_25"), "age: the answer was lost after Back");
    await key("Tab");
    await focusOn("#srf-age-18_to_25", "age: Tab lands on the chosen radio");
    await key("Tab");
    await key("Enter");
    await waitScreen(page, "ehcp");
    await focusOn(`h2${HEADING}`, "ehcp: heading");

    // ehcp, about, decision.
    for (const [q, first, arrows, value, next] of [
      ["ehcp", "yes", 0, "yes", "about"],
      ["about", "la_decision", 0, "la_decision", "decision"],
      ["decision", "refuse_assessment", 2, "refuse_plan", "decision_date"],
    ]) {
      await pastHelp(q);
      await key("Tab");
      await focusOn(`#srf-${q}-${first}`, `${q}: Tab into the radios`);
      if (arrows) await key("ArrowDown", arrows);
      else await key("Space");
      p.expect(await checked(`srf-${q}-${value}`), `${q}: '${value}' not chosen by keyboard`);
      await key("Tab");
      await key("Enter");
      await waitScreen(page, next);
      await focusOn(`h2${HEADING}`, `${next}: heading`);
    }

    // decision_date: a date that does not exist, the error, then the right one.
    const typeDate = async (q, { day, month, year }, clear = false) => {
      for (const [part, value] of [["day", day], ["month", month], ["year", year]]) {
        if (part !== "day") await key("Tab");
        await focusOn(`#srf-${q}-${part}`, `${q}: the ${part} box`);
        if (clear) await key("Control+A");
        await page.keyboard.type(value, { delay: 10 });
      }
    };
    before = await look(inWidget(page, "#srf-decision_date-day"));
    await pastHelp("decision_date");
    await key("Tab");
    await indicator("#srf-decision_date-day", before, "date text box");
    await typeDate("decision_date", { day: "31", month: "2", year: "2024" });
    await key("Tab");
    await focusOn("#srf-decision_date-unknown", "decision_date: Tab to 'I do not know'");
    await key("Tab");
    await focusOn('button[type="submit"]', "decision_date: Tab to Continue");
    await key("Enter");
    await waitScreen(page, "error");
    await focusOn(".srf-error-summary", "decision_date: error summary after 31/2/2024");
    p.expect((await inWidget(page, ".srf-input--error").count()) > 0, "decision_date: no box is marked .srf-input--error");
    await key("Tab");
    await key("Enter");
    await focusOn("#srf-decision_date-day", "decision_date: the error link focuses the day box");
    await typeDate("decision_date", daysAgo(20), true);
    await key("Tab", 2);
    await key("Enter");
    await waitScreen(page, "certificate");
    await focusOn(`h2${HEADING}`, "certificate: heading");

    await pastHelp("certificate");
    await key("Tab");
    await focusOn("#srf-certificate-yes", "certificate: Tab into the radios");
    await key("Space");
    await key("Tab");
    await key("Enter");
    await waitScreen(page, "certificate_date");
    await focusOn(`h2${HEADING}`, "certificate_date: heading");
    await key("Tab");
    await typeDate("certificate_date", daysAgo(10));
    await key("Tab", 2);
    await focusOn('button[type="submit"]', "certificate_date: Tab to Continue");
    await key("Enter");
    await waitScreen(page, "results");
    await focusOn(`h2${HEADING}`, "results: heading");
    p.expect(/options/i.test(await live()), `results: live region says "${await live()}"`);
    const ids = await routeIds(page);
    p.expect(ids.includes("tribunal_appeal"), `results: no tribunal_appeal route (${ids.join(", ")})`);

    // Results: the calendar button, a "The law behind this" summary, a Change button, Save,
    // then Start again.
    before = await look(inWidget(page, ".srf-calendar").first());
    await tabTo(".srf-calendar", "first 'Add the last day to your calendar'");
    await indicator(".srf-calendar", before, "calendar button");
    // (Not "How this date was worked out", which comes before the calendar button.)
    const details = ".srf-details:not(.srf-reason) summary";
    before = await look(inWidget(page, details).first());
    await tabTo(details, "first 'The law behind this'");
    await indicator(details, before, "details summary");
    await key("Enter");
    p.expect(
      await page.evaluate(() => {
        const el = document.querySelector("send-route-finder").shadowRoot.activeElement;
        return !!el && !!el.closest("details") && el.closest("details").open;
      }),
      "results: Enter did not open the details",
    );
    const change = ".srf-summary-list__actions .srf-link-button";
    before = await look(inWidget(page, change).first());
    await tabTo(change, "first Change");
    await indicator(change, before, "Change link button");
    before = await look(inWidget(page, ".srf-save"));
    await tabTo(".srf-save", "Save your results");
    await indicator(".srf-save", before, "Save button");
    before = await look(inWidget(page, ".srf-start-again"));
    await tabTo(".srf-start-again", "Start again");
    await indicator(".srf-start-again", before, "Start again button");
    await key("Enter");
    await waitScreen(page, "start");
    await focusOn(`h2${HEADING}`, "start: heading after Start again");

    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(
      p.ok,
      "keyboard only: Start → role (error) → … → decision_date (error) → results → Start again",
      `${trail.filter((s) => /heading|error summary/.test(s)).length} focus moves to a heading or error summary checked; focus indicators: ${indicators.join(", ")}`,
      p.ok ? "" : p.text() + "\n    trail: " + trail.join(" | "),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// c. layout at 320 px, forced colours, reduced motion

async function layoutAt320(page, name) {
  const o = await overflow(page);
  const s = await targetSizes(page);
  const sized = s.items.filter((x) => !x.inline);
  const smallest = sized.reduce((a, b) => (Math.min(b.w, b.h) < Math.min(a.w, a.h) ? b : a), sized[0]);
  const p = problems();
  p.expect(o.scrollWidth <= 320, `document scrollWidth ${o.scrollWidth} > 320${o.hostWide.length ? " (host page: " + o.hostWide.join(", ") + ")" : ""}`);
  for (const w of o.wide.slice(0, 6)) p.expect(false, `wider than the viewport: ${w}`);
  for (const f of s.failing) {
    p.expect(false, `target ${f.el} "${f.text}" is ${f.w.toFixed(1)}×${f.h.toFixed(1)} px and too close to ${f.clash}`);
  }
  const spaced = s.items.filter((x) => x.spacingOk).length;
  const inline = s.items.filter((x) => x.inline).length;
  t.record(
    p.ok,
    `layout 320px: ${name}`,
    `scrollWidth ${o.scrollWidth}, ${o.wide.length} elements too wide; ${s.items.length} targets (${inline} inline links, ${spaced} small but spaced), ` +
      (smallest ? `smallest ${smallest.w.toFixed(1)}×${smallest.h.toFixed(1)} ${smallest.el} "${smallest.text}"` : "no targets"),
    p.text(),
  );
}

async function checkLayout() {
  await withPage({ viewport: { width: 320, height: 800 } }, async (page, errors) => {
    await open(page, DEMO);
    await layoutAt320(page, "start screen");
    await inWidget(page, ".srf-button--start").click();
    await waitScreen(page, "role");
    await submit(page);
    await waitScreen(page, "error");
    await layoutAt320(page, "radio question with error summary (role)");
    await step(page, "role", "parent", "age");
    for (const [q, v, next] of [["age", "under_16", "ehcp"], ["ehcp", "yes", "about"], ["about", "la_decision", "decision"], ["decision", "refuse_plan", "decision_date"]]) {
      await step(page, q, v, next);
    }
    await layoutAt320(page, "date question (decision_date)");
    await fill(page, "decision_date", { day: "31", month: "2", year: "2024" });
    await submit(page);
    await waitScreen(page, "error");
    await layoutAt320(page, "date question with error");
    await step(page, "decision_date", daysAgo(20), "certificate");
    await step(page, "certificate", "yes", "certificate_date");
    await step(page, "certificate_date", daysAgo(10), "results");
    await inWidget(page, ".srf-details summary").first().click();
    await layoutAt320(page, "results (council decision, details open)");
    if (errors.length) t.record(false, "layout 320px: no script errors", errors.join("; "));
  });
}

async function checkForcedColours() {
  await withPage({}, async (page, errors) => {
    await page.emulateMedia({ forcedColors: "active" });
    await open(page, DEMO);
    const p = problems();
    p.expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), "forced-colors: active does not match");
    let checkedCount = 0;
    const screens = [];
    const controls = async (name) => {
      const list = await widget(page).evaluate((host) => {
        const out = [];
        const seen = (c) => c && c !== "transparent" && !/rgba\([^)]*,\s*0\)$/.test(c);
        for (const el of host.shadowRoot.querySelectorAll("button, input")) {
          const cs = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          const border = cs.borderTopStyle !== "none" && cs.borderTopStyle !== "hidden" && parseFloat(cs.borderTopWidth) > 0 && seen(cs.borderTopColor);
          const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && seen(cs.outlineColor);
          const native = (el.type === "radio" || el.type === "checkbox") && cs.appearance !== "none";
          out.push({
            el: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + el.className.split(/\s+/).join("."),
            ok: border || outline || native,
            how: border ? `border ${cs.borderTopWidth} ${cs.borderTopStyle} ${cs.borderTopColor}` : outline ? `outline ${cs.outline}` : native ? "native control" : "none",
          });
        }
        return out;
      });
      checkedCount += list.length;
      for (const c of list) p.expect(c.ok, `${name}: ${c.el} has no visible border or outline (${c.how})`);
      screens.push(`${name}: ${list.length}`);
    };
    await controls("start");
    await inWidget(page, ".srf-button--start").click();
    await waitScreen(page, "role");
    await submit(page);
    await waitScreen(page, "error");
    await controls("role with error");
    const steps = JOURNEYS.decision;
    for (let i = 0; i < steps.length; i++) {
      const [q, v] = steps[i];
      if (q === "decision_date") await controls("decision_date");
      await step(page, q, v, i + 1 < steps.length ? steps[i + 1][0] : "results");
    }
    await controls("results");
    p.expect((await routeIds(page)).length > 0, "the journey did not reach any route");
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, "forced colours: buttons and inputs keep a visible edge; the journey works", `${checkedCount} controls on 4 screens (${screens.join(", ")})`, p.text());
  });
}

async function checkReducedMotion() {
  await withPage({}, async (page, errors) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await open(page, DEMO);
    const p = problems();
    p.expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches), "prefers-reduced-motion: reduce does not match");
    let samples = 0;
    const motion = async (name) => {
      const m = await widget(page).evaluate((host) => {
        const root = host.shadowRoot;
        const buttons = [...root.querySelectorAll("button, a, summary, input")].map((b) => {
          const cs = getComputedStyle(b);
          return { el: b.tagName.toLowerCase() + "." + (b.className || ""), d: cs.transitionDuration, a: cs.animationName, sb: cs.scrollBehavior };
        });
        return {
          doc: document.getAnimations().length,
          shadow: root.getAnimations ? root.getAnimations().length : 0,
          moving: buttons.filter((b) => b.d.split(",").some((x) => parseFloat(x) !== 0) || (b.a && b.a !== "none")),
          smooth: buttons.filter((b) => b.sb === "smooth").length,
          count: buttons.length,
        };
      });
      samples++;
      p.expect(m.doc === 0 && m.shadow === 0, `${name}: ${m.doc} animations in the document, ${m.shadow} in the shadow root`);
      for (const b of m.moving.slice(0, 5)) p.expect(false, `${name}: ${b.el} has transition-duration ${b.d} / animation ${b.a}`);
      p.expect(m.smooth === 0, `${name}: ${m.smooth} controls scroll smoothly`);
    };
    await motion("start");
    await inWidget(page, ".srf-button--start").click();
    await motion("just after Start");
    await waitScreen(page, "role");
    await motion("role");
    await submit(page);
    await motion("just after Continue with no answer");
    await waitScreen(page, "error");
    const steps = JOURNEYS.health;
    for (let i = 0; i < steps.length; i++) {
      const [q, v] = steps[i];
      await fill(page, q, v);
      await submit(page);
      await motion(`just after Continue on ${q}`);
      await waitScreen(page, i + 1 < steps.length ? steps[i + 1][0] : "results");
    }
    await motion("results");
    await inWidget(page, ".srf-details summary").first().click();
    await motion("results, details open");
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, "reduced motion: no animations, transition-duration 0s", `${samples} samples during a journey to the results`, p.text());
  });
}

// ---------------------------------------------------------------------------------------------
// d. a hostile host page

async function checkHostile() {
  await withPage({}, async (page, errors) => {
    await page.goto(server.url + "hostile.html");
    await waitReady(page);
    const works = problems();
    const looks = problems();
    const host = problems();
    const scroll = problems();

    const widgetStyle = async (name) => {
      const s = await widget(page).evaluate((h) => {
        const root = h.shadowRoot;
        const body = root.querySelector(".srf-body, .srf-hint, label");
        const heading = root.querySelector(".srf-heading-l");
        const buttons = [...root.querySelectorAll("button.srf-button")].map((b) => {
          const r = b.getBoundingClientRect();
          return { text: b.textContent.trim(), w: r.width, h: r.height, display: getComputedStyle(b).display };
        });
        const inputs = [...root.querySelectorAll("input")].map((i) => {
          const r = i.getBoundingClientRect();
          return { id: i.id, w: r.width, h: r.height };
        });
        const links = [...root.querySelectorAll("a[href]")].map((a) => getComputedStyle(a).color);
        const cs = body ? getComputedStyle(body) : null;
        return {
          color: cs && cs.color,
          font: cs && cs.fontFamily,
          size: cs && parseFloat(cs.fontSize),
          headingSize: heading && parseFloat(getComputedStyle(heading).fontSize),
          buttons,
          inputs,
          links,
        };
      });
      looks.expect(s.color && s.color !== "rgb(255, 0, 0)", `${name}: widget text is ${s.color} (the host's red)`);
      looks.expect(s.size >= 14 && s.size <= 24, `${name}: widget body text is ${s.size}px, not 14–24px (heading ${s.headingSize}px)`);
      looks.expect(!/papyrus/i.test(s.font || ""), `${name}: widget font is ${s.font}`);
      for (const b of s.buttons) looks.expect(b.w > 0 && b.h > 0, `${name}: button "${b.text}" is not visible (${b.w}×${b.h}, display ${b.display})`);
      for (const i of s.inputs) looks.expect(i.w > 0 && i.h > 0, `${name}: input #${i.id} is not visible`);
      for (const c of s.links) looks.expect(c !== "rgb(0, 255, 0)", `${name}: a widget link is lime (the host's colour)`);
      return s;
    };
    const headingInView = async (name, scrolledBefore) => {
      const r = await inWidget(page, `h2${HEADING}`).evaluate((el) => {
        const b = el.getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, vh: innerHeight, y: scrollY };
      });
      scroll.expect(r.top >= 0 && r.bottom <= r.vh, `${name}: the heading is out of view (top ${r.top.toFixed(0)}, bottom ${r.bottom.toFixed(0)}, viewport ${r.vh})`);
      scroll.expect(!(scrolledBefore > 0 && r.y === 0), `${name}: the page was scrolled to the top (scrollY 0, was ${scrolledBefore})`);
      return r.y;
    };

    const first = await widgetStyle("start");
    // Scroll the page so the widget is in view, well down the page.
    await widget(page).evaluate((h) => h.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -40));
    const y0 = await page.evaluate(() => scrollY);
    scroll.expect(y0 > 1000, `the page did not scroll (scrollY ${y0})`);
    const ys = [y0];

    await inWidget(page, ".srf-button--start").click();
    await waitScreen(page, "role");
    ys.push(await headingInView("role", y0));
    await widgetStyle("role");
    const steps = JOURNEYS.health;
    for (let i = 0; i < steps.length; i++) {
      const [q, v] = steps[i];
      const next = i + 1 < steps.length ? steps[i + 1][0] : "results";
      const yBefore = await page.evaluate(() => scrollY);
      await step(page, q, v, next);
      ys.push(await headingInView(next, yBefore));
    }
    await widgetStyle("results");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "hostile-results-1280.png") });
    const ids = await routeIds(page);
    works.expect(ids.includes("nhs_complaint"), `the journey did not reach the health results (${ids.join(", ")})`);
    works.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);

    const h = await page.evaluate(() => ({
      title: document.title,
      h2: getComputedStyle(document.getElementById("host-h2")).fontSize,
      p: getComputedStyle(document.getElementById("host-p")).color,
      pFont: getComputedStyle(document.getElementById("host-p")).fontFamily,
      a: getComputedStyle(document.getElementById("host-a")).color,
      html: getComputedStyle(document.documentElement).fontSize,
      sheets: document.styleSheets.length,
      head: document.head.querySelectorAll("link, style").length,
    }));
    host.expect(h.title === "Host page title", `the page title became "${h.title}"`);
    host.expect(h.h2 === "100px", `the host's h2 is ${h.h2}, not 100px`);
    host.expect(h.p === "rgb(255, 0, 0)", `the host's p is ${h.p}, not red`);
    host.expect(/papyrus/i.test(h.pFont), `the host's p font is ${h.pFont}`);
    host.expect(h.a === "rgb(0, 255, 0)", `the host's link is ${h.a}, not lime`);
    host.expect(h.html === "40px", `the host's root font size is ${h.html}`);
    host.expect(h.sheets === 1 && h.head === 1, `the widget added styles to the page (${h.sheets} stylesheets, ${h.head} link/style in head)`);

    t.record(works.ok, "hostile page: the widget works (journey to the health results)", `${ids.length} routes`, works.text());
    t.record(
      looks.ok,
      "hostile page: the host's CSS does not reach the widget",
      `widget text ${first.color}, ${first.size}px (heading ${first.headingSize}px), ${first.font.split(",")[0]}; buttons ${first.buttons.map((b) => `${b.w.toFixed(0)}×${b.h.toFixed(0)}`).join(", ")}`,
      looks.text(),
    );
    t.record(host.ok, "hostile page: the widget leaves the host's title and styles alone", `title "${h.title}", h2 ${h.h2}, p ${h.p}, a ${h.a}`, host.text());
    t.record(scroll.ok, "hostile page: scroll position kept, heading in view at each step", `scrollY ${ys.map((y) => Math.round(y)).join(" → ")}`, scroll.text());
  });
}

async function checkHostileFailure() {
  await withPage({}, async (page, errors) => {
    await page.goto(server.url + "hostile-missing.html");
    await inWidget(page, "p.srf-load-error").waitFor({ state: "visible", timeout: 20000 });
    const m = await inWidget(page, "p.srf-load-error").evaluate((el) => {
      const cs = getComputedStyle(el);
      return { color: cs.color, size: parseFloat(cs.fontSize), font: cs.fontFamily, lineHeight: cs.lineHeight, title: document.title };
    });
    const p = problems();
    p.expect(m.color !== "rgb(255, 0, 0)", `the message is red (the host's colour)`);
    p.expect(m.size >= 14 && m.size <= 24, `the message is ${m.size}px, not 14–24px (the host's root is 40px)`);
    p.expect(!/papyrus/i.test(m.font), `the message font is ${m.font}`);
    p.expect(m.title === "Host page title", `the page title became "${m.title}"`);
    const unexpected = errors.filter((e) => !expectedOnFailure(e));
    p.expect(unexpected.length === 0, `unexpected errors: ${unexpected.join("; ")}`);
    t.record(p.ok, "hostile page: the load-failure message keeps its own look", `${m.color}, ${m.size}px, line-height ${m.lineHeight}, ${m.font.split(",")[0]}`, p.text());
  });
}

// ---------------------------------------------------------------------------------------------
// e. screenshots

async function checkScreenshots() {
  mkdirSync(SHOTS, { recursive: true });
  const written = [];
  for (const width of [1280, 320]) {
    await withPage({ viewport: { width, height: width === 320 ? 800 : 900 } }, async (page) => {
      await open(page, DEMO);
      const shot = async (name) => {
        const path = join(SHOTS, `${name}-${width}.png`);
        await page.screenshot({ path, fullPage: true });
        written.push(path);
      };
      await shot("start");
      await inWidget(page, ".srf-button--start").click();
      await waitScreen(page, "role");
      await submit(page);
      await waitScreen(page, "error");
      await shot("question-error");
      const steps = JOURNEYS.decision;
      await step(page, "role", "parent", "age");
      for (let i = 1; i < 5; i++) await step(page, steps[i][0], steps[i][1], steps[i + 1][0]);
      await shot("date-question");
      for (let i = 5; i < steps.length; i++) await step(page, steps[i][0], steps[i][1], i + 1 < steps.length ? steps[i + 1][0] : "results");
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot("results");
    });
  }
  t.record(written.length === 8, "screenshots", `${written.length} full-page PNGs in ${SHOTS}`);
}

// ---------------------------------------------------------------------------------------------
// f. two widgets on one page

async function checkTwo() {
  await withPage({}, async (page, errors) => {
    await page.addInitScript(() => {
      window.__srfEvents = [];
      for (const type of ["srf-start", "srf-step", "srf-results"]) {
        document.addEventListener(type, (e) => window.__srfEvents.push({ type, host: e.target.id, detail: e.detail }), true);
      }
    });
    await open(page, server.url + "two.html", 2);
    const p = problems();
    const snapshot = (n) =>
      widget(page, n).evaluate((h) => {
        const root = h.shadowRoot;
        const head = root.querySelector(".srf-heading-l");
        const inputs = [...root.querySelectorAll("input")].map((i) => `${i.id}=${i.type === "text" ? i.value : i.checked}`);
        return `${head ? head.textContent.trim() : ""} | ${inputs.join(",")} | routes ${root.querySelectorAll("article.srf-route").length}`;
      });
    const plans = [JOURNEYS.health, JOURNEYS.exclusion];
    const pos = [-1, -1]; // -1: start screen
    const sameIds = [];
    const act = async (n) => {
      const other = 1 - n;
      const before = await snapshot(other);
      const steps = plans[n];
      if (pos[n] === -1) {
        await inWidget(page, ".srf-button--start", n).click();
        await waitScreen(page, steps[0][0], n);
      } else {
        const [q, v] = steps[pos[n]];
        const next = pos[n] + 1 < steps.length ? steps[pos[n] + 1][0] : "results";
        await step(page, q, v, next, n);
      }
      pos[n]++;
      const f = await waitFocus(page, `h2${HEADING}`, n);
      p.expect(f.ok, `widget ${"ab"[n]} step ${pos[n]}: focus is on ${describeFocus(f.focus)}, not its heading`);
      const owner = await page.evaluate(() => document.activeElement && document.activeElement.id);
      p.expect(owner === "ab"[n], `widget ${"ab"[n]} step ${pos[n]}: document.activeElement is #${owner}`);
      const after = await snapshot(other);
      p.expect(before === after, `widget ${"ab"[n]} step ${pos[n]} changed widget ${"ab"[other]}: ${before} ⇒ ${after}`);
      // Both on the same question: the same ids in both roots, each its own.
      const both = await page.evaluate(() => {
        const [a, b] = document.querySelectorAll("send-route-finder");
        const ids = (h) => new Set([...h.shadowRoot.querySelectorAll("[id]")].map((e) => e.id));
        const ia = ids(a);
        return [...ids(b)].filter((id) => ia.has(id));
      });
      if (both.length) sameIds.push(...both);
    };
    const longest = Math.max(...plans.map((s) => s.length)) + 1;
    for (let i = 0; i < longest; i++) {
      for (const n of [0, 1]) if (pos[n] < plans[n].length) await act(n);
    }
    const [a, b] = [await routeIds(page, 0), await routeIds(page, 1)];
    const [ha, hb] = [await inWidget(page, `h2${HEADING}`, 0).textContent(), await inWidget(page, `h2${HEADING}`, 1).textContent()];
    p.expect(a.includes("nhs_complaint") && !a.includes("exclusion_irp"), `widget a: routes ${a.join(", ")}`);
    p.expect(b.includes("exclusion_irp") && !b.includes("nhs_complaint"), `widget b: routes ${b.join(", ")}`);
    p.expect(!/Bedford/.test(ha), `widget a (no council) has the heading "${ha}"`);
    p.expect(/Bedford/.test(hb), `widget b (Bedford) has the heading "${hb}"`);
    p.expect(sameIds.length > 0, "the two widgets never had the same ids on screen (the journeys should share role/age/ehcp)");
    const events = await page.evaluate(() => window.__srfEvents);
    for (const [n, id] of [[0, "a"], [1, "b"]]) {
      const mine = events.filter((e) => e.host === id);
      const steps = mine.filter((e) => e.type === "srf-step").map((e) => e.detail);
      p.expect(mine.filter((e) => e.type === "srf-start").length === 1, `widget ${id}: ${mine.filter((e) => e.type === "srf-start").length} srf-start events`);
      p.expect(JSON.stringify(steps) === JSON.stringify(plans[n].map((s) => s[0])), `widget ${id}: srf-step events ${steps.join(",")}`);
      const results = mine.filter((e) => e.type === "srf-results");
      p.expect(results.length === 1 && JSON.stringify(results[0].detail) === JSON.stringify(n ? b : a), `widget ${id}: srf-results events ${JSON.stringify(results.map((r) => r.detail))}`);
    }
    p.expect(events.every((e) => e.host === "a" || e.host === "b"), "an event came from something other than a widget");
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(
      p.ok,
      "two widgets: interleaved journeys, each its own results, focus and events",
      `a: "${ha.trim()}" ${a.length} routes; b: "${hb.trim()}" ${b.length} routes; ${new Set(sameIds).size} ids in both roots; ${events.length} events`,
      p.text(),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// i. what a family takes away: the summary file and the calendar files

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
    // Offline: the file needs nothing else (no src or href to fetch).
    p.expect(!/\s(src|href)=(?!"#)/.test(html), "the summary refers to other files (links within it are fine)");
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

// ---------------------------------------------------------------------------------------------
// j. quick exit

async function checkQuickExit() {
  // The button: it leaves for the neutral page, forgets what the widget saved, and Back does
  // not return to the widget.
  await withPage({}, async (page, errors) => {
    await page.goto(`${DEMO}neutral.html`);
    await open(page, `${DEMO}exit.html`);
    await axeScreen(page, "start screen with quick exit");
    await page.evaluate(() => {
      localStorage.setItem("srf:answers:test", "{}");
      localStorage.setItem("page-own-key", "kept");
    });
    await inWidget(page, ".srf-button--start").click();
    await waitScreen(page, "role");
    const label = (await inWidget(page, ".srf-exit__button").innerText()).trim();
    await Promise.all([page.waitForURL(/neutral\.html$/), inWidget(page, ".srf-exit__button").click()]);
    const stored = await page.evaluate(() => ({ ours: localStorage.getItem("srf:answers:test"), theirs: localStorage.getItem("page-own-key") }));
    await page.goBack().catch(() => null);
    const afterBack = page.url();
    const p = problems();
    p.expect(label.startsWith("Exit this page"), `the button says "${label}"`);
    p.expect(stored.ours === null, "the widget's saved answers were not forgotten");
    p.expect(stored.theirs === "kept", "the page's own storage was touched");
    p.expect(!/exit\.html/.test(afterBack), `Back returned to the widget: ${afterBack}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "quick exit: the button leaves for the neutral page, forgets saved answers, Back does not return", `button "${label}"; saved answers ${stored.ours === null ? "gone" : "kept"}; page's own key ${stored.theirs}; Back goes to ${new URL(afterBack).pathname}`, p.text());
  });
  // Shift three times, from anywhere on the page.
  await withPage({}, async (page, errors) => {
    await open(page, `${DEMO}exit.html`);
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await Promise.all([page.waitForURL(/neutral\.html$/, { timeout: 5000 }), page.keyboard.press("Shift")]);
    t.record(errors.length === 0, "quick exit: Shift pressed 3 times leaves at once", new URL(page.url()).pathname, errors.join("; "));
  });
  // Ordinary keyboard use never leaves: Shift with another key, or another key between presses.
  const stays = async (name, keys) =>
    withPage({}, async (page, errors) => {
      await open(page, `${DEMO}exit.html`);
      await keys(page);
      await page.waitForTimeout(600);
      const path = new URL(page.url()).pathname;
      t.record(/exit\.html$/.test(path) && errors.length === 0, `quick exit: ${name} stays`, path, errors.join("; "));
    });
  await stays("Shift+Tab pressed 3 times", async (page) => {
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Tab");
  });
  await stays("Shift twice, another key, Shift once", async (page) => {
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("a");
    await page.keyboard.press("Shift");
  });
  await stays("typing \"Dear Ms Smith, I Am\" in the letter box", async (page) => {
    await journey(page, JOURNEYS.health);
    await inWidget(page, ".srf-letter summary").first().click();
    await inWidget(page, ".srf-letter textarea").first().focus();
    // As a person types: Shift held down for each capital letter.
    for (const c of "Dear Ms Smith, I Am") {
      if (c >= "A" && c <= "Z") {
        await page.keyboard.down("Shift");
        await page.keyboard.press(`Key${c}`);
        await page.keyboard.up("Shift");
      } else {
        await page.keyboard.type(c);
      }
    }
    const typed = await inWidget(page, ".srf-letter textarea").first().inputValue();
    if (!typed.includes("Dear Ms Smith, I Am")) throw new Error("the letter box did not get the typing");
  });
  // Without the attribute there is no exit button.
  await withPage({}, async (page) => {
    await open(page, DEMO);
    const count = await inWidget(page, ".srf-exit__button").count();
    t.record(count === 0, "quick exit: off unless the council switches it on", `${count} buttons on the plain demo page`);
  });
}

// ---------------------------------------------------------------------------------------------
// k. come back later: answers saved on the device (only when asked), and a link

async function checkComeBack() {
  // Saved on request, restored on the next visit, deleted by the button and by Start again.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("srf:")));
    await journey(page, JOURNEYS.decision);
    const before = await routeIds(page);
    const p = problems();
    p.expect((await keys()).length === 0, "something was stored before the person asked");
    await inWidget(page, ".srf-keep-answers").click();
    await inWidget(page, ".srf-saved").waitFor();
    const stored = await keys();
    p.expect(stored.length === 1 && stored[0].startsWith("srf:answers:/"), `stored under ${stored.join(", ")}`);
    await page.reload();
    await page.locator("send-route-finder[data-srf-ready]").waitFor({ state: "attached" });
    await waitScreen(page, "results");
    const after = await routeIds(page);
    p.expect(JSON.stringify(before) === JSON.stringify(after), `after a reload: ${after.join(",")} (was ${before.join(",")})`);
    await axeScreen(page, "results restored from this device");
    await inWidget(page, ".srf-delete-saved").click();
    await inWidget(page, ".srf-keep-answers").waitFor();
    p.expect((await keys()).length === 0, "Delete saved answers left them stored");
    await inWidget(page, ".srf-keep-answers").click();
    await inWidget(page, ".srf-saved").waitFor();
    await inWidget(page, ".srf-start-again").click();
    await waitScreen(page, "start");
    p.expect((await keys()).length === 0, "Start again left them stored");
    await page.reload();
    await waitReady(page);
    p.expect((await inWidget(page, ".srf-results").count()) === 0, "after Start again a reload still opens the results");
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "come back later: answers saved only on request, restored after a reload, deleted by the button and by Start again", `key ${stored[0]}; ${after.length} routes restored`, p.text());
  });
  // A link: the answers in the fragment only; opening it shows the same results, and the
  // fragment leaves the address bar; nothing is stored; a second widget is not affected.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    await journey(page, JOURNEYS.planIssued);
    const before = await routeIds(page);
    const link = await inWidget(page, ".srf-link").inputValue();
    const url = new URL(link);
    const p = problems();
    p.expect(url.search === "" && url.hash.startsWith("#srf-0="), `the link ${link} must carry the answers in the fragment only`);
    const requests = [];
    const other = await page.context().newPage();
    other.on("request", (r) => requests.push(r.url()));
    await other.goto(link, { waitUntil: "load" });
    await other.locator("send-route-finder[data-srf-ready]").waitFor({ state: "attached" });
    await waitScreen(other, "results");
    const after = await routeIds(other);
    const address = other.url();
    const stored = await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("srf:")).length);
    p.expect(JSON.stringify(before) === JSON.stringify(after), `the link opened ${after.join(",")} (was ${before.join(",")})`);
    p.expect(!address.includes("#"), `the fragment is still in the address bar: ${address}`);
    p.expect(requests.every((u) => !u.includes("plan_issued") && !u.includes("#")), "answers went into a request");
    p.expect(stored === 0, "opening a link stored the answers");
    // Two widgets: a link for the second leaves the first on its start screen.
    const two = `${DEMO}two.html#srf-b=${encodeURIComponent(decodeURIComponent(url.hash.slice("#srf-0=".length)))}`;
    await other.goto(two, { waitUntil: "load" });
    await waitReady(other, 0);
    await other.locator("send-route-finder[data-srf-ready]").nth(1).waitFor({ state: "attached" });
    await waitScreen(other, "results", 1);
    p.expect((await inWidget(other, ".srf-results", 0).count()) === 0, "the first widget opened the second's link");
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "come back later: a link with the answers in the fragment opens the same results, leaves the address bar, stores nothing, only for its own widget", `${link.length}-character link; ${after.length} routes`, p.text());
  });
}

// ---------------------------------------------------------------------------------------------
// l. the demo page's preview of a council's own files

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

// ---------------------------------------------------------------------------------------------
// m. Subresource Integrity, and the iframe embedding

async function checkIntegrity() {
  await withPage({}, async (page, errors) => {
    await open(page, `${DEMO}sri.html`);
    await journey(page, JOURNEYS.health);
    const routes = (await routeIds(page)).length;
    t.record(routes > 0 && errors.length === 0, "integrity: the snippet with the loader's hash (dist/snippet.html) runs the widget", `${INTEGRITY["send-route-finder.js"].slice(0, 20)}…; ${routes} routes`, errors.join("; "));
  });
  await withPage({}, async (page) => {
    await page.goto(`${DEMO}sri-wrong.html`, { waitUntil: "load" });
    await page.waitForTimeout(1500);
    const started = await page.locator("send-route-finder[data-srf-started]").count();
    const fallback = await page.locator("send-route-finder .kept").isVisible();
    t.record(started === 0 && fallback, "integrity: a loader that does not match the hash does not run; the fallback stays", `started ${started}, fallback shown ${fallback}`);
  });
  await withPage({}, async (page) => {
    await page.goto(tamperedServer.url, { waitUntil: "load" });
    const alert = inWidget(page, '[role="alert"].srf-load-error');
    await alert.waitFor({ timeout: 15000 });
    const ready = await page.locator("send-route-finder[data-srf-ready]").count();
    t.record(ready === 0, "integrity: a changed wasm is refused; the error state and fallback show", (await alert.innerText()).trim());
  });
}

async function checkFramed() {
  await withPage({}, async (page, errors) => {
    await page.goto(`${DEMO}framed.html`, { waitUntil: "load" });
    const frame = page.frameLocator("iframe[data-srf-embed]");
    const widget = frame.locator("send-route-finder");
    await frame.locator("send-route-finder[data-srf-ready]").waitFor({ state: "attached", timeout: 20000 });
    await page.waitForTimeout(300);
    const heightAtStart = Number(await page.locator("iframe").getAttribute("height"));
    await widget.locator(".srf-button--start").click();
    for (const [q, v] of [["role", "parent"], ["age", "under_16"], ["ehcp", "no"], ["about", "health"]]) {
      await widget.locator(`label[for="srf-${q}-${v}"]`).click();
      await widget.locator('form button[type="submit"]').click();
    }
    await widget.locator(".srf-results").waitFor();
    await page.waitForTimeout(500);
    const heightAtResults = Number(await page.locator("iframe").getAttribute("height"));
    const contentHeight = await page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const title = await widget.locator(".srf-results .srf-heading-l").innerText();
    const p = problems();
    p.expect(/Luton/.test(title), `the results in the frame: ${title}`);
    p.expect(heightAtResults > heightAtStart && Math.abs(heightAtResults - contentHeight) <= 2, `the frame is ${heightAtResults}px for ${contentHeight}px of content (start ${heightAtStart}px)`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "embed.html in an iframe: the widget works and the frame grows to fit it (embed-frame.js)", `${heightAtStart}px at the start, ${heightAtResults}px at the results (content ${contentHeight}px)`, p.text());
  });
  await withPage({}, async (page) => {
    await page.goto(`${DEMO}framed-foreign.html`, { waitUntil: "load" });
    const frame = page.frameLocator("iframe[data-srf-embed]");
    const alert = frame.locator("send-route-finder").locator('[role="alert"]');
    await alert.waitFor({ timeout: 15000 });
    t.record(true, "embed.html refuses a ruleset from another site", (await alert.innerText()).trim());
  });
}

// ---------------------------------------------------------------------------------------------
// h. the start screen before the wasm arrives (drawn by the loader from the fallback's texts)

/** Open the demo page with the wasm held back until `release()` is called. */
async function openHeld(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/send_route_finder_bg.wasm*", async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["srf-start", "srf-step", "srf-results"]) {
      document.addEventListener(name, (e) => window.__events.push(`${name}:${JSON.stringify(e.detail)}`));
    }
  });
  await page.goto(DEMO, { waitUntil: "load" });
  await inWidget(page, ".srf-button--start").waitFor({ state: "visible", timeout: 10000 });
  return release;
}

const isReady = (page) => page.locator("send-route-finder[data-srf-ready]").count();

async function checkEarlyStart() {
  // The same look as the widget's own start screen, pixel for pixel.
  await withPage({}, async (page, errors) => {
    const release = await openHeld(page);
    const p = problems();
    p.expect((await isReady(page)) === 0, "the wasm was held back, yet the widget says it is ready");
    const early = await widget(page).screenshot();
    const earlyText = (await widget(page).locator(".srf-screen").innerText()).trim();
    release();
    await waitReady(page);
    const late = await widget(page).screenshot();
    const lateText = (await widget(page).locator(".srf-screen").innerText()).trim();
    p.expect(earlyText === lateText, `the texts differ:\n      before: ${earlyText}\n      after:  ${lateText}`);
    p.expect(early.equals(late), `the screenshots differ (${early.length} and ${late.length} bytes)`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "early start screen: identical to the widget's, before and after the wasm arrives", `${early.length}-byte PNG, ${earlyText.split("\n").filter(Boolean).length} lines of text`, p.text());
  });
  // Accessible before the wasm arrives.
  await withPage({}, async (page) => {
    const release = await openHeld(page);
    await axeScreen(page, "start screen before the wasm arrives");
    release();
  });
  // A click before the wasm arrives leads on to the first question, with focus on its heading.
  await withPage({}, async (page, errors) => {
    const release = await openHeld(page);
    const p = problems();
    await inWidget(page, ".srf-button--start").click();
    const label = (await inWidget(page, ".srf-button--start").innerText()).trim();
    const live = (await inWidget(page, '[aria-live="polite"]').first().textContent()).trim();
    p.expect(label === "Starting", `the button says "${label}" after the click`);
    p.expect(live === "Loading the questions.", `the live region says "${live}"`);
    release();
    await waitScreen(page, "role");
    const focus = await waitFocus(page, `legend ${HEADING}`);
    p.expect(focus.ok, `focus should be on the question's heading, is on ${describeFocus(focus.focus)}`);
    const steps = JOURNEYS.health;
    for (let i = 0; i < steps.length; i++) await step(page, steps[i][0], steps[i][1], i + 1 < steps.length ? steps[i + 1][0] : "results");
    const events = await page.evaluate(() => window.__events);
    p.expect(events.filter((e) => e.startsWith("srf-start")).length === 1, `srf-start should come once: ${events.join(" ")}`);
    p.expect(events.includes('srf-step:"role"'), `no srf-step for the first question: ${events.join(" ")}`);
    p.expect(events.some((e) => e.startsWith("srf-results:")), `no srf-results: ${events.join(" ")}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "early start screen: Start pressed before the wasm arrives leads on to the first question", `button "${label}", live "${live}", focus ${describeFocus(focus.focus)}; events ${events.join(" ")}`, p.text());
  });
  // By keyboard: focus on Start stays on Start when the widget takes over.
  await withPage({}, async (page, errors) => {
    const release = await openHeld(page);
    const p = problems();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await focusInfo(page)).cls?.includes("srf-button--start");
    }
    p.expect(reached, "Tab did not reach the early Start button");
    release();
    await waitReady(page);
    const focus = await waitFocus(page, ".srf-button--start");
    p.expect(focus.ok, `focus should stay on Start, is on ${describeFocus(focus.focus)}`);
    await page.keyboard.press("Enter");
    await waitScreen(page, "role");
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "early start screen: keyboard focus on Start is kept when the widget takes over", describeFocus(focus.focus), p.text());
  });
}

/** Browsers without constructed stylesheets (before Safari 16.4) get the stylesheet file. */
async function checkLinkedStylesheet() {
  await withPage({}, async (page, errors) => {
    await page.addInitScript(() => {
      delete Document.prototype.adoptedStyleSheets;
      delete ShadowRoot.prototype.adoptedStyleSheets;
    });
    await open(page, DEMO);
    const p = problems();
    const linked = await page.evaluate(() => !!document.querySelector("send-route-finder").shadowRoot.querySelector('link[rel="stylesheet"][href$="send-route-finder.css"]'));
    const button = await look(inWidget(page, ".srf-button--start"));
    await journey(page, JOURNEYS.health);
    const ids = await routeIds(page);
    p.expect(linked, "no link to send-route-finder.css in the shadow root");
    p.expect(button.background === "rgb(0, 112, 60)", `the Start button is not styled: background ${button.background}`);
    p.expect(ids.length > 0, "the journey did not reach the results");
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "without constructed stylesheets: the widget links its stylesheet and works", `link ${linked}, Start background ${button.background}, ${ids.length} routes`, p.text());
  });
}

// ---------------------------------------------------------------------------------------------
// g. a strict Content Security Policy; the server itself

async function checkCsp() {
  await withPage({}, async (page, errors) => {
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    });
    await open(page, cspServer.url);
    await journey(page, JOURNEYS.exclusion);
    const ids = await routeIds(page);
    const violations = await page.evaluate(() => window.__csp);
    const p = problems();
    p.expect(ids.length > 0, "the journey did not reach the results");
    p.expect(violations.length === 0, `CSP violations: ${violations.join("; ")}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "strict CSP (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'): the widget runs", `${ids.length} routes, ${violations.length} violations`, p.text());
  });
}

function get(url, headers) {
  return new Promise((ok, fail) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, length: Buffer.concat(chunks).length }));
    })
      .on("error", fail)
      .end();
  });
}

async function checkServer() {
  const p = problems();
  const want = {
    "send_route_finder_bg.wasm": "application/wasm",
    "send-route-finder.js": "text/javascript",
    "send-route-finder.css": "text/css",
    "rules.json": "application/json",
    "index.html": "text/html",
  };
  const figures = [];
  for (const [file, type] of Object.entries(want)) {
    const gz = await get(server.url + file, { "Accept-Encoding": "gzip, br" });
    const plain = await get(server.url + file, {});
    p.expect(gz.status === 200 && gz.headers["content-type"].startsWith(type), `${file}: ${gz.status} ${gz.headers["content-type"]}`);
    p.expect(gz.headers["content-encoding"] === "gzip", `${file}: not gzipped when asked`);
    p.expect(!plain.headers["content-encoding"], `${file}: compressed when not asked`);
    if (file.endsWith(".wasm")) figures.push(`wasm ${plain.length} → ${gz.length} bytes gzip`);
  }
  const missing = await get(server.url + "nothing-here.json", {});
  p.expect(missing.status === 404, `a missing file answered ${missing.status}`);
  const escape = await get(server.url + "..%2f..%2fetc%2fpasswd", {});
  p.expect(escape.status === 403 || escape.status === 404, `a path outside the directory answered ${escape.status}`);
  const csp = await get(cspServer.url, {});
  p.expect(csp.headers["content-security-policy"] === CSP, "the extra header is not sent");
  t.record(p.ok, "test server: MIME types, gzip, 404, extra headers", figures.join(", "), p.text());
}

// ---------------------------------------------------------------------------------------------

try {
  await check("test server", 20, checkServer);
  await check("axe", 180, checkAxe);
  await check("keyboard only", 90, checkKeyboard);
  await check("layout 320px", 60, checkLayout);
  await check("forced colours", 60, checkForcedColours);
  await check("reduced motion", 60, checkReducedMotion);
  await check("hostile page", 60, checkHostile);
  await check("hostile page, load failure", 30, checkHostileFailure);
  await check("screenshots", 90, checkScreenshots);
  await check("two widgets", 60, checkTwo);
  await check("strict CSP", 30, checkCsp);
  await check("early start screen", 90, checkEarlyStart);
  await check("take away", 60, checkTakeaway);
  await check("quick exit", 60, checkQuickExit);
  await check("come back later", 90, checkComeBack);
  await check("preview", 60, checkPreview);
  await check("integrity", 60, checkIntegrity);
  await check("iframe embedding", 60, checkFramed);
  await check("without constructed stylesheets", 30, checkLinkedStylesheet);
} finally {
  await browser.close().catch(() => {});
  await server.close();
  await cspServer.close();
  await noWasmServer.close();
}

console.log(`(${axeScreens.length} screens checked with axe-core ${AXE_VERSION}; ${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`web: ${t.passed} passed, ${t.failed} failed`);
process.exit(t.failed ? 1 : 0);

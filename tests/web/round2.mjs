// The widget's second-round screens in a real page, in Debian's headless Chromium driven by
// playwright-core (issue 11):
//   a. a family whose council is late, by keyboard only: the council's clock on the results
//      (its headline, how the date was worked out), the council's last day and a letter's
//      reply-by day as calendar files read by a real parser (icalendar), the summary file
//   b. a transport decision, by keyboard only: transport_review with its last day and how it
//      was worked out
//   c. a young person is not offered "under 16", and cannot choose it
//   d. axe-core (WCAG 2.0/2.1/2.2 A and AA, no rule off) on every new question screen and on
//      the results of each new route; and each of those at 320 CSS px (no sideways scrolling,
//      target sizes), axe again there
//   e. under a strict Content Security Policy, the new calendar files download with no violation
//
//   node tests/web/round2.mjs dist      (ONLY=late,transport,young,csp,axe for some checks)
//
// One line per check, "ok" or "FAIL" with figures; the last line is "round2: N passed, M failed".

import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { serve } from "./server.mjs";
import {
  AXE_VERSION,
  HEADING,
  daysAgo,
  describeFocus,
  describeViolations,
  fill,
  focusInfo,
  focusShows,
  inWidget,
  journey,
  keyboardMoves,
  launchBrowser,
  look,
  open,
  overflow,
  problems,
  routeIds,
  runAxe,
  submit,
  tally,
  targetSizes,
  waitScreen,
  watchErrors,
  harness,
  widgetNodeCount,
  withTimeout,
} from "./lib.mjs";

const dist = process.argv[2] || "dist";
const started = Date.now();
const t = tally();

if (!existsSync(join(dist, "index.html"))) {
  console.log(`FAIL ${dist}/index.html is missing: build the widget first (trunk build --release)`);
  console.log("round2: 0 passed, 1 failed");
  process.exit(1);
}

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const server = await serve(dist);
const cspServer = await serve(dist, { headers: { "Content-Security-Policy": CSP } });
let browser;
try {
  browser = await launchBrowser();
} catch (error) {
  console.log(`FAIL Chromium did not start: ${String(error.message || error).split("\n")[0]}`);
  console.log("round2: 0 passed, 1 failed");
  await server.close();
  await cspServer.close();
  process.exit(1);
}
const DEMO = server.url;

// withPage and check: the shared harness (lib.mjs), bound to this suite's browser and tally.
const { withPage, check } = harness(() => browser, t);

// ---------------------------------------------------------------------------------------------
// Dates, as the widget shows them.

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The three boxes of a date as a UTC date. */
const utc = ({ day, month, year }) => new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
const iso = (d) => d.toISOString().slice(0, 10);
const inWords = (d) => `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const plusDays = (d, n) => new Date(d.getTime() + n * 86400000);
/** "Tuesday 13 October 2026" → "2026-10-13". */
function fromWords(text) {
  const m = /(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})/.exec(text || "");
  return m ? iso(new Date(Date.UTC(Number(m[3]), MONTHS.indexOf(m[2]), Number(m[1])))) : null;
}

/** A calendar file read by icalendar (a real RFC 5545 parser): its events, days and alarms. */
function readIcs(path) {
  const script = `
import datetime, json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
out = {"version": str(cal.get("VERSION")), "events": []}
for e in cal.walk("VEVENT"):
    start, end = e.decoded("DTSTART"), e.decoded("DTEND")
    out["events"].append({
        "allDay": not isinstance(start, datetime.datetime),
        "start": start.isoformat(), "end": end.isoformat(),
        "summary": str(e.get("SUMMARY", "")), "description": str(e.get("DESCRIPTION", "")),
        "alarms": [str(a.decoded("TRIGGER")) for a in e.walk("VALARM")],
    })
print(json.dumps(out))
`;
  const r = spawnSync("python3", ["-c", script, path], { encoding: "utf8" });
  if (r.status !== 0) return { error: (r.stderr || r.stdout).trim().split("\n").at(-1) };
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------------------------------------
// Keyboard only.

/** Ways to answer by keyboard, recording problems and where focus went. */
function keyboard(page, p, trail) {
  // Tab, focus and "Help with this question" as in the keyboard suite (lib.mjs).
  const { key, tabTo, focusOn, pastHelp } = keyboardMoves(page, p, trail, { tabs: 80 });
  const active = () =>
    page.evaluate(() => {
      const el = document.querySelector("send-route-finder").shadowRoot.activeElement;
      return el ? { id: el.id, type: el.type || "", tag: el.tagName.toLowerCase(), checked: !!el.checked, cls: String(el.className || "") } : null;
    });
  const matches = (css) =>
    page.evaluate((css) => {
      const el = document.querySelector("send-route-finder").shadowRoot.activeElement;
      return !!el && el.matches(css);
    }, css);
  /** Answer the question on screen and press Continue, by keyboard; then the next screen's
   * heading must have focus. */
  const answer = async (q, value, next) => {
    await focusOn(`h2${HEADING}`, `${q}: heading`);
    // "Help with this question", where the question has it, comes before the answers.
    if (typeof value === "string") {
      const target = `srf-${q}-${value}`;
      await pastHelp(q);
      await key("Tab");
      let a = await active();
      if (a && a.type === "radio") {
        for (let i = 0; i < 12 && a.id !== target; i++) {
          await key("ArrowDown");
          a = await active();
        }
        if (!a.checked) await key("Space");
      }
      p.expect(await inWidget(page, `#${target}`).isChecked(), `${q}: '${value}' not chosen by keyboard (focus: ${describeFocus(await focusInfo(page))})`);
    } else if (Array.isArray(value)) {
      for (const v of value) {
        if (await tabTo(`#srf-${q}-${v}`, `${q}: ${v}`)) await key("Space");
        p.expect(await inWidget(page, `#srf-${q}-${v}`).isChecked(), `${q}: '${v}' not ticked by keyboard`);
      }
    } else {
      await pastHelp(q);
      for (const part of ["day", "month", "year"]) {
        await key("Tab");
        await focusOn(`#srf-${q}-${part}`, `${q}: the ${part} box`);
        await page.keyboard.type(value[part], { delay: 5 });
      }
    }
    await tabTo('button[type="submit"]', `${q}: Continue`, 20);
    await key("Enter");
    await waitScreen(page, next);
    if (next === "results") await focusOn(`h2${HEADING}`, "results: heading");
    trail.push(`${q} = ${JSON.stringify(value)}`);
  };
  return { key, tabTo, focusOn, answer, matches };
}

/** Press Start by keyboard and answer each step by keyboard, ending on the results. */
async function byKeyboard(page, kb, steps) {
  await kb.tabTo(".srf-button--start", "Start now");
  await kb.key("Enter");
  for (let i = 0; i < steps.length; i++) {
    await waitScreen(page, steps[i][0]);
    await kb.answer(steps[i][0], steps[i][1], i + 1 < steps.length ? steps[i + 1][0] : "results");
  }
}

/** Text of the nth widget's shadow root, in one line. */
const shownText = (page, css) =>
  page.evaluate((css) => {
    const el = document.querySelector("send-route-finder").shadowRoot.querySelector(css);
    return el ? el.textContent.replace(/\s+/g, " ").trim() : null;
  }, css);

// ---------------------------------------------------------------------------------------------
// The journeys.

const CLOCK_DATE = daysAgo(91);
const LATE = [
  ["role", "parent"],
  ["age", "under_16"],
  ["ehcp", "in_progress"],
  ["about", "la_handling"],
  ["steps_taken", ["none"]],
  ["missing_education", "no"],
  ["late_step", "assessment_decision"],
  ["clock_date", CLOCK_DATE],
];
const DECISION_DATE = daysAgo(5);
const TRANSPORT = [["role", "parent"], ["age", "under_16"], ["ehcp", "yes"], ["about", "la_decision"], ["decision", "transport"], ["decision_date", DECISION_DATE]];
const LA_HANDLING = LATE.slice(0, 6);

/** Journeys that reach every new question and every new route: [name, steps, route]. */
const NEW_JOURNEYS = [
  ["late council (assessment decision)", LATE, "pre_action_letter"],
  ["16 or 17, finished Year 11 (parent)", [["role", "parent"], ["age", "16_to_17"], ["finished_year_11", "yes"], ["ehcp", "yes"], ["about", "health"]], "nhs_complaint"],
  ["therapy not given (Section F)", [["role", "parent"], ["age", "under_16"], ["ehcp", "yes"], ["about", "plan_not_delivered"], ["not_delivered", ["health"]], ["health_section", "section_f"], ["setting", "maintained_school"], ["steps_taken", ["spoke_to_setting"]]], null],
  ["school move (transfer_to)", [...LA_HANDLING, ["late_step", "phase_transfer"], ["transfer_to", "school"]], null],
  ["Tribunal order (order_kind)", [...LA_HANDLING, ["late_step", "tribunal_order"], ["order_kind", "make_plan"], ["clock_date", daysAgo(30)]], null],
  ["Tribunal decision", [["role", "parent"], ["age", "under_16"], ["ehcp", "yes"], ["about", "tribunal_decision"], ["tribunal_decision_date", daysAgo(10)], ["tribunal_case", "send_appeal"]], "challenge_tribunal_decision"],
  ["transport", TRANSPORT, "transport_review"],
  ["draft plan", [["role", "parent"], ["age", "under_16"], ["ehcp", "in_progress"], ["about", "la_decision"], ["decision", "draft_plan"], ["decision_date", daysAgo(3)]], "draft_plan_response"],
  ["early years setting (Ofsted)", [["role", "parent"], ["age", "under_16"], ["ehcp", "in_progress"], ["about", "setting_support"], ["setting", "early_years"], ["steps_taken", ["setting_complaint"]]], "ofsted"],
];
const NEW_QUESTIONS = ["finished_year_11", "health_section", "late_step", "clock_date", "transfer_to", "order_kind", "tribunal_decision_date", "tribunal_case"];
const NEW_ROUTES = ["pre_action_letter", "transport_review", "draft_plan_response", "challenge_tribunal_decision", "ofsted"];

// ---------------------------------------------------------------------------------------------
// a. the late council, by keyboard

async function checkLate() {
  await withPage({ acceptDownloads: true }, async (page, errors) => {
    await open(page, DEMO);
    const p = problems();
    const trail = [];
    const kb = keyboard(page, p, trail);
    await byKeyboard(page, kb, LATE);
    const ids = await routeIds(page);
    p.expect(ids.includes("pre_action_letter"), `no pre_action_letter among ${ids.join(", ")}`);

    // The clock, near the top: before the first group of routes.
    const clock = await page.evaluate(() => {
      const root = document.querySelector("send-route-finder").shadowRoot;
      const section = root.querySelector(".srf-clock");
      const group = root.querySelector(".srf-group");
      const text = (css) => {
        const el = section && section.querySelector(css);
        return el ? el.textContent.replace(/\s+/g, " ").trim() : null;
      };
      return {
        found: !!section,
        beforeRoutes: !!section && !!group && !!(section.compareDocumentPosition(group) & Node.DOCUMENT_POSITION_FOLLOWING),
        heading: text("h3"),
        headline: text(".srf-clock__headline"),
        advice: text(".srf-clock__advice"),
        reasonOpen: !!section && !!section.querySelector(".srf-reason") && section.querySelector(".srf-reason").open,
        all: section ? section.textContent.replace(/\s+/g, " ").trim() : "",
      };
    });
    const due = plusDays(utc(CLOCK_DATE), 42);
    p.expect(clock.found, "no .srf-clock section on the results");
    p.expect(clock.beforeRoutes, "the clock is not before the routes");
    p.expect(clock.heading === "The council's time limit", `the clock's heading is "${clock.heading}"`);
    p.expect(/The council had to do this by/.test(clock.headline || "") && /\blate\b/.test(clock.headline || ""), `headline "${clock.headline}"`);
    p.expect((clock.headline || "").includes(inWords(due)), `headline "${clock.headline}" does not say ${inWords(due)} (6 weeks after ${inWords(utc(CLOCK_DATE))})`);
    p.expect(/What the council has to do/.test(clock.all), "the clock does not say what the council has to do");
    p.expect(!!clock.advice, "no advice under the clock");

    // "How this date was worked out": a details element, opened by keyboard; focus shows on
    // it and on the calendar button.
    const indicators = [];
    const shows = async (css, before, what) => {
      const r = focusShows(before, await look(inWidget(page, css).first()));
      p.expect(r.ok, `${what}: no visible focus indicator`);
      indicators.push(`${what}: ${r.ok ? r.changed.join("+") : "NONE"}`);
    };
    let before = await look(inWidget(page, ".srf-clock .srf-reason summary"));
    await kb.tabTo(".srf-clock .srf-reason summary", "the clock's 'How this date was worked out'");
    await shows(".srf-clock .srf-reason summary", before, "'How this date was worked out'");
    await kb.key("Enter");
    const reason = await page.evaluate(() => {
      const d = document.querySelector("send-route-finder").shadowRoot.querySelector(".srf-clock .srf-reason");
      const body = d && d.querySelector("p");
      return { open: !!d && d.open, text: body ? body.textContent.trim() : "", visible: !!body && body.getBoundingClientRect().height > 0 };
    });
    p.expect(reason.open && reason.visible, "Enter did not open 'How this date was worked out'");
    p.expect(reason.text.includes(inWords(utc(CLOCK_DATE))) && reason.text.includes(inWords(due)), `the explanation "${reason.text}" does not name the start date and the last day`);

    // The council's last day as a calendar file, by keyboard.
    const dir = mkdtempSync(join(tmpdir(), "srf-round2-"));
    before = await look(inWidget(page, ".srf-calendar-clock"));
    await kb.tabTo(".srf-calendar-clock", "Add the council's last day to your calendar");
    await shows(".srf-calendar-clock", before, "council's calendar button");
    const [download] = await Promise.all([page.waitForEvent("download"), kb.key("Enter")]);
    const icsPath = join(dir, download.suggestedFilename());
    await download.saveAs(icsPath);
    const ics = readIcs(icsPath);
    const event = ics.events && ics.events[0];
    p.expect(!ics.error, `icalendar could not read it: ${ics.error}`);
    p.expect(download.suggestedFilename() === "council-last-day.ics", `file name ${download.suggestedFilename()}`);
    p.expect(!!event && ics.events.length === 1, `${ics.events && ics.events.length} events`);
    if (event) {
      p.expect(event.allDay && event.start === iso(due) && event.end === iso(plusDays(due, 1)), `event ${event.start} to ${event.end}, expected the all-day date ${iso(due)}`);
      p.expect(/^The council's last day: /.test(event.summary), `summary "${event.summary}"`);
      p.expect(event.alarms.length === 0, `a reminder of a day gone: ${event.alarms.join(", ")}`);
    }

    // A letter's reply-by day as a calendar file: the pre-action letter, by keyboard.
    await kb.tabTo("#srf-route-pre_action_letter .srf-letter summary", "the pre-action letter");
    await kb.key("Enter");
    await kb.tabTo("#srf-route-pre_action_letter .srf-calendar-reply", "Add the reply-by date to your calendar");
    const label = await shownText(page, "#srf-route-pre_action_letter .srf-calendar-reply");
    const replyBy = fromWords(label);
    const [reply] = await Promise.all([page.waitForEvent("download"), kb.key("Enter")]);
    const replyPath = join(dir, reply.suggestedFilename());
    await reply.saveAs(replyPath);
    const replyIcs = readIcs(replyPath);
    const replyEvent = replyIcs.events && replyIcs.events[0];
    p.expect(!!replyBy, `no date in "${label}"`);
    p.expect(!!replyEvent && replyEvent.start === replyBy, `reply-by event on ${replyEvent && replyEvent.start}, the button says ${replyBy}`);
    p.expect(!!replyEvent && replyEvent.alarms.length === 1, "no reminder on the reply-by day");
    const letter = await inWidget(page, "#srf-letter-pre_action_letter").inputValue();
    p.expect(letter.includes(inWords(due)), `the pre-action letter does not name the council's last day ${inWords(due)}`);

    // The summary file: the clock and how it was worked out.
    await kb.tabTo(".srf-save", "Save your results");
    const [summary] = await Promise.all([page.waitForEvent("download"), kb.key("Enter")]);
    const summaryPath = join(dir, summary.suggestedFilename());
    await summary.saveAs(summaryPath);
    const html = readFileSync(summaryPath, "utf8").replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    p.expect(html.includes(clock.headline || "?"), "the summary file lacks the clock's headline");
    p.expect(html.includes(reason.text || "?"), "the summary file lacks how the council's date was worked out");
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(
      p.ok,
      "late council by keyboard: the clock's headline and explanation, its last day and a reply-by day as calendar files",
      `"${clock.headline}"; ${download.suggestedFilename()} on ${event && event.start}; ${reply.suggestedFilename()} on ${replyEvent && replyEvent.start}; ${trail.length} steps; focus indicators: ${indicators.join(", ")}`,
      p.ok ? "" : p.text() + "\n    trail: " + trail.join(" | "),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// b. transport, by keyboard

async function checkTransport() {
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    const p = problems();
    const trail = [];
    const kb = keyboard(page, p, trail);
    await byKeyboard(page, kb, TRANSPORT);
    const ids = await routeIds(page);
    p.expect(ids[0] === "transport_review", `transport_review is not the first route: ${ids.join(", ")}`);
    p.expect(!ids.includes("tribunal_appeal"), "a Tribunal appeal is offered on transport alone");
    const card = "#srf-route-transport_review";
    const day = await shownText(page, `${card} .srf-deadline__date strong`);
    p.expect(/^Last day: \w+day \d{1,2} \w+ \d{4}$/.test(day || ""), `last day "${day}"`);
    await kb.tabTo(`${card} .srf-reason summary`, "transport_review: 'How this date was worked out'");
    await kb.key("Enter");
    const reason = await page.evaluate((card) => {
      const d = document.querySelector("send-route-finder").shadowRoot.querySelector(`${card} .srf-reason`);
      const body = d && d.querySelector("p");
      return { open: !!d && d.open, text: body ? body.textContent.trim() : "", visible: !!body && body.getBoundingClientRect().height > 0 };
    }, card);
    const last = (day || "").replace(/^Last day: /, "");
    p.expect(reason.open && reason.visible, "Enter did not open 'How this date was worked out'");
    p.expect(reason.text.includes(inWords(utc(DECISION_DATE))), `the explanation "${reason.text}" does not name the decision date ${inWords(utc(DECISION_DATE))}`);
    p.expect(!!last && reason.text.includes(last), `the explanation does not name the last day ${last}`);
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, "transport by keyboard: transport_review with its last day and how it was worked out", `${day}; "${reason.text}"`, p.ok ? "" : p.text() + "\n    trail: " + trail.join(" | "));
  });
}

// ---------------------------------------------------------------------------------------------
// c. a young person is not offered "under 16"

async function checkYoung() {
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    const p = problems();
    await journey(page, [["role", "young_person"]], { end: "age" });
    const offered = await page.evaluate(() =>
      [...document.querySelector("send-route-finder").shadowRoot.querySelectorAll('input[name="age"]')].map((i) => i.value),
    );
    p.expect(!offered.includes("under_16"), `"under 16" is offered to a young person: ${offered.join(", ")}`);
    p.expect(offered.length === 2 && offered.includes("16_to_17") && offered.includes("18_to_25"), `offered: ${offered.join(", ")}`);
    // By keyboard, the arrow keys go round the two choices only.
    const kb = keyboard(page, p, []);
    await kb.key("Tab");
    const seen = new Set();
    for (let i = 0; i < 4; i++) {
      seen.add((await focusInfo(page)).id);
      await kb.key("ArrowDown");
    }
    p.expect(!seen.has("srf-age-under_16") && seen.size === 2, `the arrow keys reach: ${[...seen].join(", ")}`);
    // Continue with nothing chosen (back to role and forward again: nothing was kept): the
    // error links to an offered choice.
    await journeyBack(page);
    await submit(page);
    await waitScreen(page, "error");
    const href = await inWidget(page, ".srf-error-summary a").first().getAttribute("href");
    p.expect(href === "#srf-age-16_to_17", `the error links to ${href}`);
    // A parent is offered all three.
    await inWidget(page, ".srf-back-link").click();
    await waitScreen(page, "role");
    await fill(page, "role", "parent");
    await submit(page);
    await waitScreen(page, "age");
    const parent = await page.evaluate(() =>
      [...document.querySelector("send-route-finder").shadowRoot.querySelectorAll('input[name="age"]')].map((i) => i.value),
    );
    p.expect(parent.includes("under_16") && parent.length === 3, `a parent is offered: ${parent.join(", ")}`);
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, "a young person is not offered 'under 16'", `young person: ${offered.join(", ")}; parent: ${parent.join(", ")}`, p.text());
  });
}

/** Go Back to the role question and forward again, so the age question has no choice made. */
async function journeyBack(page) {
  await inWidget(page, ".srf-back-link").click();
  await waitScreen(page, "role");
  await submit(page);
  await waitScreen(page, "age");
}

// ---------------------------------------------------------------------------------------------
// e. a strict Content Security Policy

async function checkCsp() {
  await withPage({ acceptDownloads: true }, async (page, errors) => {
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    });
    await open(page, cspServer.url);
    await journey(page, LATE);
    const p = problems();
    const names = [];
    const [clock] = await Promise.all([page.waitForEvent("download"), inWidget(page, ".srf-calendar-clock").click()]);
    names.push(clock.suggestedFilename());
    await inWidget(page, "#srf-route-pre_action_letter .srf-letter summary").click();
    const [reply] = await Promise.all([page.waitForEvent("download"), inWidget(page, "#srf-route-pre_action_letter .srf-calendar-reply").click()]);
    names.push(reply.suggestedFilename());
    const violations = await page.evaluate(() => window.__csp);
    p.expect(violations.length === 0, `CSP violations: ${violations.join("; ")}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "strict CSP: the council's last day and a reply-by day download", `${names.join(", ")}; ${violations.length} violations`, p.text());
  });
}

// ---------------------------------------------------------------------------------------------
// d. axe and 320 px on every new screen

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
    [results.violations.length ? describeViolations(results.violations) : "", nodes > 0 ? "" : "    axe checked no node inside the widget's shadow root"].filter(Boolean).join("\n"),
  );
}

async function layoutAt320(page, name) {
  const o = await overflow(page);
  const s = await targetSizes(page);
  const p = problems();
  p.expect(o.scrollWidth <= 320, `document scrollWidth ${o.scrollWidth} > 320`);
  for (const w of o.wide.slice(0, 6)) p.expect(false, `wider than the viewport: ${w}`);
  for (const f of s.failing) p.expect(false, `target ${f.el} "${f.text}" is ${f.w.toFixed(1)}×${f.h.toFixed(1)} px and too close to ${f.clash}`);
  t.record(p.ok, `layout 320px: ${name}`, `scrollWidth ${o.scrollWidth}, ${o.wide.length} elements too wide; ${s.items.length} targets, ${s.failing.length} too small`, p.text());
}

/** Open every details element of the results, so axe and the layout check see what is inside. */
const openDetails = (page) =>
  page.evaluate(() => {
    for (const d of document.querySelector("send-route-finder").shadowRoot.querySelectorAll("details")) d.open = true;
  });

async function checkAxe() {
  for (const width of [1280, 320]) {
    const done = new Set();
    const at = width === 320 ? " at 320px" : "";
    for (const [name, steps, route] of NEW_JOURNEYS) {
      await withPage({ viewport: { width, height: width === 320 ? 800 : 900 } }, async (page, errors) => {
        await open(page, DEMO);
        await journey(page, steps, {
          each: async (screen) => {
            if (!NEW_QUESTIONS.includes(screen) || done.has(screen)) return;
            done.add(screen);
            await axeScreen(page, `question ${screen}${at}`);
            if (width === 320) await layoutAt320(page, `question ${screen}`);
            if (screen === "late_step") {
              await submit(page);
              await waitScreen(page, "error");
              await axeScreen(page, `question late_step with error summary${at}`);
              if (width === 320) await layoutAt320(page, "question late_step with error summary");
            }
          },
        });
        const ids = await routeIds(page);
        if (route) t.record(ids.includes(route), `results of ${name} show ${route}${at}`, ids.join(", "));
        if (steps.some(([q, v]) => q === "finished_year_11" && v === "yes")) {
          // A parent of a young person over compulsory school age: whose right it is, above the routes.
          const note = await shownText(page, ".srf-rights");
          t.record(!!note && /young person/.test(note), `results of ${name}: the rights note${at}`, `"${note}"`);
        }
        await openDetails(page);
        await axeScreen(page, `results: ${name}${route ? ` (${route})` : ""}, details open${at}`);
        if (width === 320) await layoutAt320(page, `results: ${name}, details open`);
        if (errors.length) t.record(false, `no script errors (${name}${at})`, errors.join("; "));
      });
    }
    const missing = NEW_QUESTIONS.filter((q) => !done.has(q));
    t.record(missing.length === 0, `every new question screen reached${at}`, missing.length ? `not reached: ${missing.join(", ")}` : `${done.size} screens`);
  }
  const covered = NEW_ROUTES.filter((r) => NEW_JOURNEYS.some(([, , route]) => route === r));
  t.record(covered.length === NEW_ROUTES.length, "every new route's results checked", `${covered.length} of ${NEW_ROUTES.length}`);
}

// ---------------------------------------------------------------------------------------------

try {
  await check("late", 120, checkLate);
  await check("transport", 60, checkTransport);
  await check("young", 60, checkYoung);
  await check("csp", 60, checkCsp);
  await check("axe", 600, checkAxe);
} finally {
  await browser.close().catch(() => {});
  await server.close();
  await cspServer.close();
}

console.log(`(${axeScreens.length} screens checked with axe-core ${AXE_VERSION}; ${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`round2: ${t.passed} passed, ${t.failed} failed`);
process.exit(t.failed ? 1 : 0);

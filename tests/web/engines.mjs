// The widget in the three browser engines families use, with ONE test body for all of them.
//
// Why this exists: every browser on an iPhone or iPad is Safari's engine, WebKit, whatever its
// name on the home screen, and many families will only ever reach the route finder on a
// phone. Councils and schools often run Firefox ESR on their managed machines. The other web
// suites run in Chromium alone (Playwright cannot fetch its own Firefox or WebKit here), so
// focus, keyboard, date boxes, downloads, quick exit and the strict Content Security Policy
// were only ever proved in one engine. This suite drives the real widget through WebDriver
// (W3C) in Chromium, Firefox ESR and WebKitGTK (the same WebKit as Safari, in its MiniBrowser),
// and every check runs the same way in each: no check is skipped for an engine, and any place
// where an engine needs handling of its own says which browser behaviour it handles.
//
//   node tests/web/engines.mjs dist                     (all three, one after the other)
//   node tests/web/engines.mjs dist --engine webkit     (one engine; ONLY=word,word for some checks)
//
// The checks, in each engine:
//    1. every public scenario (tests/scenarios/public*.json, the invalid one aside) walked through
//       the widget on its own "today": the routes it expects are shown, the ones it rules out
//       are not, and each last day is the one expected
//    2. a journey by keyboard alone (Tab, Shift+Tab, Space, Enter and typed digits), Start to
//       the results, through the error summary and its link, and Back
//    3. the loader's start screen before the wasm arrives: Start pressed then still leads to the
//       first question; by keyboard, focus on Start is kept when the widget takes over
//    4. the error summary takes focus on Continue with nothing chosen; its link moves focus to
//       the field
//    5. Back keeps the answer; Change on the results goes to the question, answer kept
//    6. a date typed into the day, month and year boxes (an impossible one first)
//    7. the strict CSP page: the widget runs, a journey reaches the results, the downloads work,
//       no violation by the widget (the page's own inline script is blocked, proving the policy)
//    8. the summary file and a calendar file: what the browser is given to save (the Blob behind
//       the download link the widget clicks, read in the page) holds the results, and the file
//       the browser saves in the session's download folder is that same text
//    9. quick exit with real key presses: Shift three times leaves; Shift+Tab three times, typing
//       "Dear Ms Smith, I Am" in the letter box, and Shift twice, a key, Shift once all stay
//   10. focus moves to the new screen's heading after every Continue, in every journey above
//   11. text spacing (WCAG 1.4.12: line height 1.5, paragraph spacing 2, letter spacing 0.12 and
//       word spacing 0.16, set as a user's stylesheet would, !important, in the page and the
//       widget): on every screen of two journeys (each question, its error, its help opened;
//       the results with every details opened) no text is cut off or sticks out of its box,
//       the widget is not wider than its place, and the journeys still reach the results
//   12. 400% zoom of a 1280 px window, which is 320 CSS px: the same screens in a frame 320 by
//       256 px, with the same checks, and nothing scrolls sideways
//   13. read-aloud: the page's own text (document.body.innerText, what read-aloud and reader
//       modes read) holds each screen's heading, choices and error, from the loader's reader
//       copy, which is inert and one pixel in size (tests/web/reader.mjs checks it in depth,
//       with Readability and the accessibility tree, in Chromium)
//   14. the overlay builder (builder.html, for council officers): axe-core finds nothing on its
//       three states (the empty form; a phone number that cannot be dialled, pointed out in the
//       error summary and at its field; the form filled in, with the widget beside it using it)
//
// How the page is watched: test pages load tests' own small scripts from the test server before
// the widget (allowed by script-src 'self'): one that records CSP violations, the widget's
// events, script errors and the files offered for download (it wraps URL.createObjectURL and a
// download link's click, calling straight through to the browser's own), and, on scenario pages,
// one that fixes the clock to the scenario's "today" (the widget reads new Date() once at start).
//
// One line per check, "ok" or "FAIL", each named with its engine; a line per engine with its
// wall time; the last line is "engines: N passed, M failed". Exits non-zero if any check fails.

import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { serve, MIME } from "./server.mjs";
import { HEADING, JOURNEYS, asFilled, axeScreens, daysAgo, longDate, notKnown, problems, publicScenarios, scenarioPage, tally } from "./lib.mjs";
import {
  ENGINES,
  Key,
  activeMatches,
  allInWidget,
  check,
  focusText,
  inWidget,
  launch,
  open,
  pointerClick,
  press,
  runAxe,
  shiftPress,
  typeText,
  waitFocus,
  waitIn,
  waitReady,
  widgetScript,
} from "./webdriver.mjs";

const argv = process.argv.slice(2);
const dist = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--engine") || "dist";
const only = argv.includes("--engine") ? argv[argv.indexOf("--engine") + 1] : null;
const engines = only ? [only] : ENGINES;
const t = tally();
const axe = axeScreens(t, runAxe);
const started = Date.now();

if (only && !ENGINES.includes(only)) {
  console.log(`FAIL --engine ${only}: one of ${ENGINES.join(", ")}`);
  console.log("engines: 0 passed, 1 failed");
  process.exit(1);
}
if (!existsSync(join(dist, "index.html"))) {
  console.log(`FAIL ${dist}/index.html is missing: build the widget first (trunk build --release)`);
  console.log("engines: 0 passed, 1 failed");
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The test's own scripts and pages.

/** Watches the page for the checks and calls through to the browser every time. */
const OBSERVE_JS = `(() => {
  const o = (window.__srf = { csp: [], events: [], errors: [], downloads: [], keys: [] });
  window.addEventListener("keydown", (e) => { if (!e.repeat) o.keys.push(e.key); }, true);
  document.addEventListener("securitypolicyviolation", (e) => o.csp.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample || "" }), true);
  for (const name of ["srf-start", "srf-step", "srf-results"]) document.addEventListener(name, (e) => o.events.push(name + ":" + JSON.stringify(e.detail)));
  window.addEventListener("error", (e) => o.errors.push("error: " + e.message));
  window.addEventListener("unhandledrejection", (e) => o.errors.push("unhandled rejection: " + String(e.reason && e.reason.message || e.reason)));
  const error = console.error;
  console.error = function (...a) { o.errors.push("console.error: " + a.map(String).join(" ")); return error.apply(this, a); };
  const blobs = new Map();
  const create = URL.createObjectURL;
  URL.createObjectURL = function (obj) { const url = create.call(URL, obj); blobs.set(url, obj); return url; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute("download")) o.downloads.push({ name: this.download, href: this.href, blob: blobs.get(this.href) || null });
    return click.call(this);
  };
})();`;

/** Fixes the clock at noon on ?today=YYYY-MM-DD, before the widget reads it. */
const CLOCK_JS = `(() => {
  const m = /[?&]today=(\\d{4})-(\\d{2})-(\\d{2})/.exec(location.search);
  if (!m) return;
  const Real = Date;
  const fixed = new Real(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12).getTime();
  function FixedDate(...args) {
    if (!new.target) return new Real(fixed).toString();
    return args.length ? new Real(...args) : new Real(fixed);
  }
  FixedDate.prototype = Real.prototype;
  FixedDate.now = () => fixed;
  FixedDate.parse = Real.parse;
  FixedDate.UTC = Real.UTC;
  window.Date = FixedDate;
  document.documentElement.setAttribute("data-test-today", new Date().toDateString());
})();`;

const withHead = (html, extra) => html.replace("</head>", `${extra}</head>`);
const OBSERVE_TAG = '<script src="/observe.js"></script>';
const demo = readFileSync(join(dist, "index.html"), "utf8");
const DEMO = withHead(demo, OBSERVE_TAG);
/** The demo with quick exit on, leaving for a page on this server (no network needed). */
const EXIT = DEMO.replace('<send-route-finder rules="rules.json"', '<send-route-finder quick-exit="/neutral.html" rules="rules.json"');
const NEUTRAL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head><body><p>Weather</p></body></html>`;

const scenarios = publicScenarios().filter((s) => !s.expect.invalid);
const councils = [...new Set(scenarios.map((s) => s.council || ""))];
const scenarioRoutes = Object.fromEntries(
  councils.map((c) => [`/scenario-${c || "national"}.html`, withHead(scenarioPage(c), `<script src="/clock.js"></script>${OBSERVE_TAG}`)]),
);
const scripts = {
  "/observe.js": { type: MIME[".js"], body: OBSERVE_JS },
  "/clock.js": { type: MIME[".js"], body: CLOCK_JS },
};

// The strict policy of safety.mjs, and its page: the page's own inline script must be blocked
// (and reported), which proves the policy is on.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";
const CSP_PAGE = withHead(demo, `${OBSERVE_TAG}<script>window.__inlineRan = true;</script>`);

const BUILDER = withHead(readFileSync(join(dist, "builder.html"), "utf8"), OBSERVE_TAG);

/** 400% zoom of a 1280 by 1024 window: a viewport of 320 by 256 CSS px, as a frame. */
const ZOOM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zoom</title>
<style>body { margin: 0; } iframe { width: 320px; height: 256px; border: 0; display: block; }</style></head>
<body><iframe title="The route finder at 400% zoom" src="/scenario-national.html"></iframe></body></html>`;
const server = await serve(dist, { routes: { ...scripts, ...scenarioRoutes, "/demo.html": DEMO, "/exit.html": EXIT, "/neutral.html": NEUTRAL, "/zoom.html": ZOOM, "/builder-observed.html": BUILDER } });
const cspServer = await serve(dist, { headers: { "Content-Security-Policy": CSP }, routes: { ...scripts, "/csp.html": CSP_PAGE } });

/** The same files, with the wasm held back until the check lets it go (the early start). */
const gate = {
  waiting: [],
  open: true,
  hold() {
    this.open = false;
  },
  release() {
    this.open = true;
    for (const go of this.waiting.splice(0)) go();
  },
};
const WASM = readFileSync(join(dist, "send_route_finder_bg.wasm"));
const heldServer = await serve(dist, {
  routes: {
    ...scripts,
    "/early.html": DEMO,
    "/send_route_finder_bg.wasm": (req, res) => {
      const send = () => {
        res.writeHead(200, { "Content-Type": MIME[".wasm"], "Content-Length": WASM.length, "Cache-Control": "no-store" });
        res.end(WASM);
      };
      if (gate.open) send();
      else gate.waiting.push(send);
    },
  },
});

// ---------------------------------------------------------------------------------------------
// In the page.

/** What the page's watcher saw: CSP violations, events, errors, downloads (without blobs). */
function observed(driver) {
  return driver.executeScript(
    `const o = window.__srf || { csp: [], events: [], errors: [], downloads: [] };
     return { csp: o.csp, events: o.events, errors: o.errors,
              downloads: o.downloads.map((d) => ({ name: d.name, href: d.href, type: d.blob ? d.blob.type : null, size: d.blob ? d.blob.size : null })) };`,
  );
}

/** The text of the ith file offered for download (read from its Blob in the page). */
function downloadText(driver, i) {
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     const d = window.__srf.downloads[arguments[0]];
     if (!d || !d.blob) return done(null);
     d.blob.text().then(done, (e) => done("ERROR " + e));`,
    i,
  );
}

/** Wait until the watcher has seen `count` downloads. */
async function waitDownloads(driver, count, ms = 5000) {
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     const [count, ms] = [arguments[0], arguments[1]];
     const started = performance.now();
     const poll = () => {
       const n = window.__srf ? window.__srf.downloads.length : 0;
       if (n >= count || performance.now() - started > ms) return done(n);
       setTimeout(poll, 20);
     };
     poll();`,
    count,
    ms,
  );
}

/** The screen the nth widget shows: a question id, "results", or null while it changes. */
const SCREEN_SOURCE = `(root) => {
  if (root.querySelector(".srf-results")) return "results";
  const input = root.querySelector("form input");
  return input ? input.name.replace(/-day$/, "") : null;
}`;

/**
 * After Continue (or Start, Back, Change): wait for a screen other than `before`, then give
 * focus up to 2 s to reach its heading. Returns { screen, focused, focus } or { error } when
 * the same question came back with an error summary, or null after 10 s.
 */
function nextScreen(driver, before, n = 0) {
  return waitIn(
    driver,
    `(root, a) => {
      const screen = (${SCREEN_SOURCE})(root);
      if (!screen) return null;
      if (screen === a.before) {
        const summary = root.querySelector(".srf-error-summary");
        return summary ? { error: summary.textContent.replace(/\\s+/g, " ").trim() } : null;
      }
      const el = root.activeElement;
      const focused = !!el && el.matches(a.heading);
      a.seen = a.seen || performance.now();
      if (!focused && performance.now() - a.seen < 2000) return null;
      return { screen, focused, focus: (${FOCUS_WORDS})(el) };
    }`,
    { before, heading: HEADING },
    { n, ms: 10000 },
  );
}
const FOCUS_WORDS = `(el) => el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "") + ' "' + (el.textContent || el.value || "").replace(/\\s+/g, " ").trim().slice(0, 50) + '"' : "nothing in the widget"`;

/** Every step's focus, for check 10: { engine: [{ where, ok, focus }] }. */
const focusLog = {};
function logFocus(engine, where, state) {
  (focusLog[engine] ||= []).push({ where, ok: !!(state && state.focused), focus: state ? state.focus || state.error || "" : "no new screen" });
}

/** Answer the question on screen with clicks on its labels and typing in its boxes (WebDriver
 *  input), without pressing Continue. value: "x", ["x", "y"], { day, month, year } or { unknown }. */
async function fill(driver, question, value, n = 0) {
  if (value == null) return;
  if (typeof value === "string" || Array.isArray(value) || value.unknown) {
    const ids = typeof value === "string" ? [value] : Array.isArray(value) ? value : ["unknown"];
    const labels = await widgetScript(driver, "return args.map((id) => root.querySelector(`label[for=\"${id}\"]`));", ids.map((v) => `srf-${question}-${v}`), n);
    for (let i = 0; i < labels.length; i++) {
      if (!labels[i]) throw new Error(`${question}: no answer "${ids[i]}" on the screen`);
      await labels[i].click();
    }
    return;
  }
  const boxes = await widgetScript(driver, "return args.map((id) => root.getElementById(id));", ["day", "month", "year"].map((p) => `srf-${question}-${p}`), n);
  for (const [i, part] of ["day", "month", "year"].entries()) {
    if (!boxes[i]) throw new Error(`${question}: no ${part} box`);
    await boxes[i].sendKeys(String(value[part] ?? ""));
  }
}

/** Press Continue (a click), and wait for the next screen; returns nextScreen's answer. */
async function submit(driver, engine, question, n = 0) {
  const button = await inWidget(driver, 'form button[type="submit"]', n);
  await button.click();
  const next = await nextScreen(driver, question, n);
  logFocus(engine, `after ${question}`, next);
  return next;
}

/** Press Start now (a click) and wait for the first question. */
async function start(driver, engine, n = 0) {
  await (await inWidget(driver, ".srf-button--start", n)).click();
  const next = await nextScreen(driver, "start", n);
  logFocus(engine, "after Start", next);
  if (!next || next.error) throw new Error(`Start did not lead to a question (${JSON.stringify(next)})`);
  return next.screen;
}

/** Start, then answer [question, value] steps; returns the screen after the last one. */
async function journey(driver, engine, steps, n = 0) {
  let screen = await start(driver, engine, n);
  for (const [q, v] of steps) {
    if (screen !== q) throw new Error(`expected the question ${q}, the widget shows ${screen}`);
    await fill(driver, q, v, n);
    const next = await submit(driver, engine, q, n);
    if (!next || next.error) throw new Error(`${q}: Continue did not lead on (${JSON.stringify(next)})`);
    screen = next.screen;
  }
  return screen;
}

/** The routes on the results: id, last day in words (or null), whether "Last day" is said. */
function shownRoutes(driver) {
  return widgetScript(
    driver,
    `return [...root.querySelectorAll("article.srf-route")].map((a) => {
       const date = a.querySelector(".srf-deadline__date strong");
       const title = a.querySelector(".srf-route__title, h1, h2, h3, h4, h5, h6");
       return {
         // A council's own route "local:x" has the element id "srf-route-local-x" (as tests/browser.rs reads it).
         id: a.id.replace(/^srf-route-/, "").replace(/^local-/, "local:"),
         title: title ? title.textContent.trim() : "",
         date: date ? date.textContent.replace(/^(Last day: |The last day was )/, "").trim() : null,
         text: a.textContent.replace(/\\s+/g, " "),
       };
     });`,
  );
}

const waitMs = (ms) => new Promise((r) => setTimeout(r, ms));

/** WCAG 1.4.12's text spacing, as a user's stylesheet sets it (the W3C's own bookmarklet
 *  sets these four). */
const SPACING_CSS = `*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Put the text spacing into the page and into every widget's shadow root. A user's
 *  stylesheet reaches shadow roots; a page's does not, so here it goes into both, as a
 *  constructed stylesheet (which a strict CSP allows too). */
function applySpacing(driver) {
  return driver.executeScript(
    `const sheet = new CSSStyleSheet();
     sheet.replaceSync(arguments[0]);
     document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
     for (const host of document.querySelectorAll("send-route-finder")) host.shadowRoot.adoptedStyleSheets = [...host.shadowRoot.adoptedStyleSheets, sheet];
     return getComputedStyle(document.querySelector("send-route-finder").shadowRoot.querySelector(".srf-heading-l, .srf-body")).letterSpacing;`,
    SPACING_CSS,
  );
}

/** What is lost on the widget's screen as it is drawn now: text cut off by a box that hides
 *  its overflow, a button's, label's or summary's text outside its box, the widget wider than
 *  its place, and (with a.viewport) the page scrolling sideways. */
const LAYOUT_SOURCE = `(root, a) => {
  const lost = [];
  const app = root.querySelector(".srf-root");
  const words = (el) => el.tagName.toLowerCase() + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/)[0] : "") + ' "' + (el.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 40) + '"';
  if (app.scrollWidth > app.clientWidth + 1) lost.push("the widget is " + app.scrollWidth + " px wide in a place " + app.clientWidth + " px wide");
  if (a && a.viewport && document.documentElement.scrollWidth > a.viewport + 1) lost.push("the page scrolls sideways: " + document.documentElement.scrollWidth + " px in " + a.viewport);
  for (const el of app.querySelectorAll("*")) {
    if (el.closest(".srf-visually-hidden, [hidden], svg, input, textarea, select")) continue;
    const closed = el.closest("details:not([open])");
    if (closed && !el.closest("summary")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (/hidden|clip/.test(style.overflowX + " " + style.overflowY) && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
      lost.push("cut off: " + words(el) + " (" + el.scrollWidth + "×" + el.scrollHeight + " in " + el.clientWidth + "×" + el.clientHeight + ")");
    }
    if (el.matches("button, label, summary")) {
      // Each run of its text that is on screen (not text for screen readers only).
      const box = el.getBoundingClientRect();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.data.trim() || node.parentElement.closest(".srf-visually-hidden")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const text = range.getBoundingClientRect();
        if (text.width && (text.right > box.right + 1 || text.bottom > box.bottom + 1 || text.left < box.left - 1 || text.top < box.top - 1)) {
          lost.push("text outside its box: " + words(el));
          break;
        }
      }
    }
  }
  return lost;
}`;

// ---------------------------------------------------------------------------------------------
// The checks, one engine's session each.

function checks(engine, browser) {
  const { driver } = browser;
  const name = (what) => `[${engine}] ${what}`;
  const errorsOf = async () => (await observed(driver)).errors;

  // 1. Every public scenario on its own day.
  async function scenarioWalks() {
    const p = problems();
    let walked = 0;
    let screens = 0;
    for (const s of scenarios) {
      const url = `${server.url}scenario-${s.council || "national"}.html?today=${s.today}`;
      try {
        await open(driver, url);
        // The day the page's own scripts see, as clock.js wrote it (Firefox runs WebDriver's
        // scripts with the browser's own Date, not the page's, so the page tells it).
        const today = await driver.executeScript("return document.documentElement.getAttribute('data-test-today');");
        p.expect(today === new Date(`${s.today}T12:00:00`).toDateString(), `${s.id}: the page's clock says ${today}, not ${s.today}`);
        let screen = await start(driver, engine);
        for (let i = 0; screen !== "results"; i++) {
          if (i > 30) throw new Error("no results after 30 screens");
          const given = s.answers[screen];
          const value = given !== undefined ? asFilled(given) : notKnown(screen, s.answers);
          if (value === undefined) throw new Error(`the widget asked ${screen}, which the scenario does not answer`);
          await fill(driver, screen, value);
          const next = await submit(driver, engine, screen);
          screens++;
          if (!next) throw new Error(`${screen}: no new screen after Continue`);
          if (next.error) throw new Error(`${screen}: the answer was refused: ${next.error}`);
          screen = next.screen;
        }
        const shown = await shownRoutes(driver);
        const ids = shown.map((r) => r.id);
        for (const id of s.expect.include || []) p.expect(ids.includes(id), `${s.id}: ${id} is not shown (shown: ${ids.join(", ")})`);
        for (const id of s.expect.exclude || []) p.expect(!ids.includes(id), `${s.id}: ${id} is shown, and should not be`);
        for (const [id, iso] of Object.entries(s.expect.deadlines || {})) {
          const r = shown.find((x) => x.id === id);
          if (!p.expect(r, `${s.id}: ${id} (with a last day to test) is not shown`)) continue;
          if (iso) p.expect(r.date === longDate(iso), `${s.id}: ${id}'s last day is "${r.date}", expected ${longDate(iso)}`);
          else p.expect(!r.date && !/Last day:|The last day was/.test(r.text), `${s.id}: ${id} should have no last day, shows "${r.date}"`);
        }
        const errors = await errorsOf();
        p.expect(errors.length === 0, `${s.id}: script errors: ${errors.join("; ")}`);
        walked++;
      } catch (error) {
        p.expect(false, `${s.id}: ${String(error.message || error).split("\n")[0]}`);
      }
    }
    t.record(
      p.ok && walked === scenarios.length,
      name("every public scenario on its own day: the expected routes and last days"),
      `${walked} of ${scenarios.length} scenarios walked to their results, ${screens} screens`,
      p.text(),
    );
  }

  // 2. Keyboard alone: Tab, Shift+Tab, Space, Enter, and digits typed into the date boxes.
  async function keyboardJourney() {
    const p = problems();
    const trail = [];
    await open(driver, `${server.url}demo.html`);
    // The widget's stylesheet is in: shared as a constructed stylesheet where the engine has
    // them, else linked (Safari before 16.4). The Start button is GOV.UK green.
    const styled = await widgetScript(driver, `return { adopted: root.adoptedStyleSheets ? root.adoptedStyleSheets.length : 0, linked: !!root.querySelector('link[rel="stylesheet"]'), start: getComputedStyle(root.querySelector(".srf-button--start")).backgroundColor };`);
    p.expect(styled.start === "rgb(0, 112, 60)", `the Start button is not styled: background ${styled.start}`);
    trail.push(`styles ${styled.adopted ? "adopted" : styled.linked ? "linked" : "missing"}`);
    /** Press Tab until focus is on `css` in the widget. */
    const tabTo = async (css, what, max = 30) => {
      for (let i = 1; i <= max; i++) {
        await press(driver, Key.TAB);
        if (await activeMatches(driver, css)) return i;
      }
      throw new Error(`${what}: ${css} not reached in ${max} Tab presses (focus: ${await focusText(driver)})`);
    };
    const afterEnter = async (before, how = Key.ENTER) => {
      await press(driver, how);
      const next = await nextScreen(driver, before);
      logFocus(engine, `keyboard: after ${before}`, next);
      if (!next) throw new Error(`${before}: no new screen`);
      if (next.error) throw new Error(`${before}: refused: ${next.error}`);
      p.expect(next.focused, `${next.screen}: focus is on ${next.focus}, not the heading`);
      trail.push(next.screen);
      return next.screen;
    };
    trail.push(`Start after Tab×${await tabTo(".srf-button--start", "Start now")}`);
    let screen = await afterEnter("start");
    // Continue with nothing chosen: the error summary takes focus; Tab to its link, Enter, and
    // focus is on the first answer.
    await tabTo('form button[type="submit"]', `${screen}: Continue`);
    await press(driver, Key.ENTER);
    const summary = await waitFocus(driver, ".srf-error-summary", { ms: 5000 });
    p.expect(summary.ok, `${screen}: Continue with no answer left focus on ${summary.focus}, not the error summary`);
    await tabTo(".srf-error-summary a", `${screen}: the error summary's link`, 3);
    await press(driver, Key.ENTER);
    const field = await waitFocus(driver, `#srf-${screen}-parent`);
    p.expect(field.ok, `${screen}: Enter on the error link left focus on ${field.focus}`);
    trail.push(`${screen}: error summary, its link → ${field.ok ? "the first answer" : field.focus}`);
    await press(driver, Key.SPACE);
    p.expect(await widgetScript(driver, "return root.getElementById(args).checked;", `srf-${screen}-parent`), `${screen}: Space on the radio the error link focused did not choose it`);
    await tabTo('form button[type="submit"]', `${screen}: Continue`);
    screen = await afterEnter(screen);
    // Back by keyboard: Shift+Tab from the heading to Back, Enter; the answer is kept; Tab
    // reaches the chosen radio, then Continue.
    const second = screen;
    await shiftPress(driver, Key.TAB);
    p.expect(await activeMatches(driver, ".srf-back-link"), `${second}: Shift+Tab from the heading reached ${await focusText(driver)}, not Back`);
    screen = await afterEnter(second);
    p.expect(await widgetScript(driver, "return root.getElementById('srf-role-parent').checked;"), `${screen}: the answer was lost after Back`);
    await tabTo("#srf-role-parent", `${screen}: the chosen radio`);
    await tabTo('form button[type="submit"]', `${screen}: Continue`);
    screen = await afterEnter(screen);
    p.expect(screen === second, `Continue after Back went to ${screen}, not ${second}`);
    for (let i = 0; screen !== "results"; i++) {
      if (i > 25) throw new Error("no results after 25 screens");
      const kind = await widgetScript(driver, `const input = root.querySelector("form input"); return input.type === "text" ? "date" : input.type;`);
      if (kind === "date") {
        const d = daysAgo(20);
        await tabTo(`#srf-${screen}-day`, `${screen}: the day box`);
        for (const [part, value] of [["day", d.day], ["month", d.month], ["year", d.year]]) {
          if (part !== "day") await press(driver, Key.TAB);
          if (!(await activeMatches(driver, `#srf-${screen}-${part}`))) throw new Error(`${screen}: Tab did not reach the ${part} box (focus: ${await focusText(driver)})`);
          await typeText(driver, value);
        }
        const typed = await widgetScript(driver, "return ['day', 'month', 'year'].map((p) => root.getElementById(`srf-${args}-${p}`).value).join('/');", screen);
        p.expect(typed === `${d.day}/${d.month}/${d.year}`, `${screen}: the boxes hold ${typed}`);
      } else {
        // The first choice: Tab reaches the first radio of a group with none chosen (past a
        // "Help with this question" summary), and the first checkbox; Space chooses it.
        const first = await widgetScript(driver, `return root.querySelector("form input").id;`);
        await tabTo(`#${first}`, `${screen}: the first ${kind}`);
        await press(driver, Key.SPACE);
        p.expect(await widgetScript(driver, "return root.getElementById(args).checked;", first), `${screen}: Space did not choose ${first}`);
      }
      await tabTo('form button[type="submit"]', `${screen}: Continue`);
      screen = await afterEnter(screen);
    }
    const routes = (await shownRoutes(driver)).length;
    p.expect(routes > 0, "no routes on the results");
    const errors = await errorsOf();
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, name("keyboard only (Tab, Shift+Tab, Space, Enter): Start to the results, the error summary, Back, focus on each heading"), `${trail.join(" → ")}; ${routes} routes`, p.text());
  }

  // 3. The loader's start screen before the wasm arrives.
  async function earlyStart() {
    // Pressed with a click before the wasm is in.
    const p = problems();
    gate.hold();
    try {
      await driver.get(`${heldServer.url}early.html`);
      const early = await waitIn(driver, "(root) => root && root.querySelector('.srf-button--start')", null, { ms: 10000 });
      if (!early) throw new Error("no early start screen");
      p.expect(!(await driver.executeScript("return document.querySelector('send-route-finder').hasAttribute('data-srf-ready')")), "the wasm was held back, yet the widget says it is ready");
      await (await inWidget(driver, ".srf-button--start")).click();
      const said = await widgetScript(driver, `return { label: root.querySelector(".srf-button--start").textContent.trim(), live: root.querySelector('[aria-live="polite"]').textContent.trim() };`);
      p.expect(said.label === "Starting", `the button says "${said.label}" after the click`);
      p.expect(said.live === "Loading the questions.", `the live region says "${said.live}"`);
      gate.release();
      const next = await nextScreen(driver, "start");
      logFocus(engine, "early start: after the wasm arrived", next);
      p.expect(next && next.screen === "role", `no first question: ${JSON.stringify(next)}`);
      p.expect(next && next.focused, `focus is on ${next && next.focus}, not the question's heading`);
      const seen = await observed(driver);
      p.expect(seen.events.filter((e) => e.startsWith("srf-start")).length === 1, `srf-start should come once: ${seen.events.join(" ")}`);
      p.expect(seen.events.includes('srf-step:"role"'), `no srf-step for the first question: ${seen.events.join(" ")}`);
      p.expect(seen.errors.length === 0, `script errors: ${seen.errors.join("; ")}`);
      t.record(p.ok, name("early start screen: Start pressed before the wasm arrives leads on to the first question"), `button "${said.label}", live "${said.live}", focus ${next && next.focus}; events ${seen.events.join(" ")}`, p.text());
    } finally {
      gate.release();
    }
    // By keyboard: focus on Start stays on Start when the widget takes over.
    const q = problems();
    gate.hold();
    try {
      await driver.get(`${heldServer.url}early.html`);
      if (!(await waitIn(driver, "(root) => root && root.querySelector('.srf-button--start')", null, { ms: 10000 }))) throw new Error("no early start screen");
      let reached = false;
      for (let i = 0; i < 20 && !reached; i++) {
        await press(driver, Key.TAB);
        reached = await activeMatches(driver, ".srf-button--start");
      }
      q.expect(reached, "Tab did not reach the early Start button");
      gate.release();
      await waitReady(driver);
      const focus = await waitFocus(driver, ".srf-button--start");
      q.expect(focus.ok, `focus should stay on Start, is on ${focus.focus}`);
      await press(driver, Key.ENTER);
      const next = await nextScreen(driver, "start");
      logFocus(engine, "early start by keyboard: after Start", next);
      q.expect(next && next.screen === "role" && next.focused, `Enter on Start: ${JSON.stringify(next)}`);
      const errors = await errorsOf();
      q.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
      t.record(q.ok, name("early start screen: keyboard focus on Start is kept when the widget takes over"), focus.focus, q.text());
    } finally {
      gate.release();
    }
  }

  // 4. The error summary.
  async function errorSummary() {
    const p = problems();
    await open(driver, `${server.url}demo.html`);
    await start(driver, engine);
    await (await inWidget(driver, 'form button[type="submit"]')).click();
    const summary = await waitFocus(driver, ".srf-error-summary", { ms: 5000 });
    p.expect(summary.ok, `Continue with nothing chosen: focus is on ${summary.focus}, not the error summary`);
    const message = await widgetScript(driver, "const m = root.querySelector('.srf-error-message'); return m ? m.textContent.trim() : null;");
    p.expect(message, "no error message beside the question");
    const link = await inWidget(driver, ".srf-error-summary a");
    if (!link) throw new Error("no link in the error summary");
    const target = (await link.getAttribute("href")) || "";
    await link.click();
    const field = await waitFocus(driver, "#srf-role-parent");
    p.expect(field.ok, `the error summary's link (${target}) left focus on ${field.focus}, not the first answer`);
    const scrolled = await widgetScript(driver, "const r = root.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;");
    p.expect(scrolled, "the field the link moved focus to is not in view");
    const errors = await errorsOf();
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, name("error summary: takes focus on Continue with nothing chosen; its link moves focus to the field"), `summary focus ${summary.focus}; link ${target} → ${field.focus}; message "${message}"`, p.text());
  }

  // 5. Back and Change.
  async function backAndChange() {
    const p = problems();
    await open(driver, `${server.url}demo.html`);
    const steps = JOURNEYS.health; // role, age, ehcp, about
    let screen = await journey(driver, engine, steps.slice(0, 2));
    p.expect(screen === "ehcp", `after role and age: ${screen}`);
    await (await inWidget(driver, ".srf-back-link")).click();
    const back = await nextScreen(driver, "ehcp");
    logFocus(engine, "after Back", back);
    p.expect(back && back.screen === "age", `Back went to ${JSON.stringify(back)}`);
    p.expect(back && back.focused, `after Back, focus is on ${back && back.focus}`);
    p.expect(await widgetScript(driver, "return root.getElementById('srf-age-under_16').checked;"), "after Back, the answer to age was lost");
    let next = await submit(driver, engine, "age");
    p.expect(next && next.screen === "ehcp", `Continue after Back: ${JSON.stringify(next)}`);
    for (const [q, v] of steps.slice(2)) {
      await fill(driver, q, v);
      next = await submit(driver, engine, q);
    }
    p.expect(next && next.screen === "results", `the journey did not reach the results: ${JSON.stringify(next)}`);
    // "Your answers": the rows in the order asked (role, age, ...); Change on age.
    const rows = await widgetScript(driver, "return [...root.querySelectorAll('.srf-summary-list__row')].map((r) => r.querySelector('.srf-summary-list__key').textContent.trim());");
    const changes = await allInWidget(driver, ".srf-summary-list__actions .srf-link-button");
    p.expect(changes.length === steps.length, `${changes.length} Change buttons for ${steps.length} answers`);
    await changes[1].click();
    const changed = await nextScreen(driver, "results");
    logFocus(engine, "after Change", changed);
    p.expect(changed && changed.screen === "age", `Change on the second row (${rows[1]}) went to ${JSON.stringify(changed)}`);
    p.expect(changed && changed.focused, `after Change, focus is on ${changed && changed.focus}`);
    p.expect(await widgetScript(driver, "return root.getElementById('srf-age-under_16').checked;"), "Change: the answer to age is not kept on the question");
    // Continue with the same answer leads back on, to the results in the end.
    screen = "age";
    for (let i = 0; i < 6 && screen !== "results"; i++) {
      next = await submit(driver, engine, screen);
      if (!next || next.error) break;
      screen = next.screen;
    }
    p.expect(screen === "results", `Continue after Change did not lead back to the results (at ${screen})`);
    const errors = await errorsOf();
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, name("Back keeps the answer; Change on the results goes to the question with its answer"), `Back → ${back && back.screen}; Change "${rows[1]}" → ${changed && changed.screen}; then ${screen}`, p.text());
  }

  // 6. A date typed into the three boxes.
  async function dateTyped() {
    const p = problems();
    await open(driver, `${server.url}demo.html`);
    const steps = JOURNEYS.decision; // ..., decision, decision_date, certificate, certificate_date
    const screen = await journey(driver, engine, steps.slice(0, 5));
    p.expect(screen === "decision_date", `at ${screen}, not decision_date`);
    // A date that does not exist: the error, and the day box marked.
    await fill(driver, "decision_date", { day: "31", month: "2", year: "2024" });
    await (await inWidget(driver, 'form button[type="submit"]')).click();
    const summary = await waitFocus(driver, ".srf-error-summary", { ms: 5000 });
    p.expect(summary.ok, `31/2/2024: focus is on ${summary.focus}, not the error summary`);
    const marked = await widgetScript(driver, "return root.querySelectorAll('.srf-input--error').length;");
    p.expect(marked > 0, "31/2/2024: no box marked as wrong");
    await (await inWidget(driver, ".srf-error-summary a")).click();
    const day = await waitFocus(driver, "#srf-decision_date-day");
    p.expect(day.ok, `the error link left focus on ${day.focus}, not the day box`);
    // The right date, typed over the wrong one.
    const when = daysAgo(20);
    for (const part of ["day", "month", "year"]) {
      const box = await inWidget(driver, `#srf-decision_date-${part}`);
      await box.clear();
      await box.sendKeys(when[part]);
    }
    const typed = await widgetScript(driver, "return ['day', 'month', 'year'].map((p) => root.getElementById('srf-decision_date-' + p).value);");
    p.expect(typed.join("/") === `${when.day}/${when.month}/${when.year}`, `the boxes hold ${typed.join("/")}`);
    const inputmode = await widgetScript(driver, "return root.getElementById('srf-decision_date-day').inputMode;");
    let next = await submit(driver, engine, "decision_date");
    p.expect(next && next.screen === "certificate", `the typed date did not lead on: ${JSON.stringify(next)}`);
    // Back: the boxes still hold what was typed.
    await (await inWidget(driver, ".srf-back-link")).click();
    next = await nextScreen(driver, "certificate");
    const kept = await widgetScript(driver, "return ['day', 'month', 'year'].map((p) => root.getElementById('srf-decision_date-' + p).value);");
    p.expect(kept.join("/") === typed.join("/"), `after Back the boxes hold ${kept.join("/")}`);
    // On to the results: the date in words in "Your answers".
    next = await submit(driver, engine, "decision_date");
    for (const [q, v] of steps.slice(6)) {
      await fill(driver, q, v);
      next = await submit(driver, engine, q);
    }
    p.expect(next && next.screen === "results", `no results: ${JSON.stringify(next)}`);
    const iso = `${when.year}-${when.month.padStart(2, "0")}-${when.day.padStart(2, "0")}`;
    const answers = await widgetScript(driver, "return [...root.querySelectorAll('.srf-summary-list__value')].map((v) => v.textContent.trim());");
    p.expect(answers.some((a) => a.includes(longDate(iso).replace(/^\w+ /, ""))), `"Your answers" lack ${longDate(iso)}: ${answers.join(" | ")}`);
    const errors = await errorsOf();
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, name("a date typed into the day, month and year boxes (31/2/2024 refused first)"), `${typed.join("/")} typed, inputmode ${inputmode}; in "Your answers": ${answers.find((a) => /\d{4}/.test(a)) || "none"}`, p.text());
  }

  // 7. The strict CSP page.
  async function strictCsp() {
    const p = problems();
    await open(driver, `${cspServer.url}csp.html`);
    const screen = await journey(driver, engine, JOURNEYS.decision);
    p.expect(screen === "results", `the journey ended at ${screen}`);
    const routes = (await shownRoutes(driver)).length;
    // The downloads are made in the page (blob: addresses): they must work under the policy.
    await (await inWidget(driver, ".srf-save")).click();
    await (await inWidget(driver, ".srf-calendar")).click();
    const offered = await waitDownloads(driver, 2);
    await waitMs(300);
    const seen = await observed(driver);
    const inlineRan = await driver.executeScript("return window.__inlineRan === true;");
    const inline = (v) => /^script-src/.test(v.directive) && v.blocked === "inline";
    const ours = seen.csp.filter((v) => !inline(v));
    const styled = await widgetScript(driver, "return root.querySelectorAll('[style]').length;");
    p.expect(routes > 0, "no routes on the results");
    p.expect(offered === 2, `${offered} of 2 downloads offered`);
    p.expect(!inlineRan && seen.csp.filter(inline).length === 1, `the page's inline script should be blocked and reported once (ran: ${inlineRan}, reported: ${seen.csp.filter(inline).length}): is the policy on?`);
    p.expect(ours.length === 0, `violations by the widget: ${JSON.stringify(ours)}`);
    p.expect(styled === 0, `${styled} style attributes in the widget`);
    p.expect(seen.errors.length === 0, `script errors: ${seen.errors.join("; ")}`);
    t.record(p.ok, name(`strict CSP (${CSP}): the widget runs, a journey reaches the results, downloads work, no violation`), `${routes} routes; downloads ${seen.downloads.map((d) => d.name).join(", ")}; ${ours.length} violations by the widget; inline script blocked and reported`, p.text());
  }

  // 8. The summary file and a calendar file.
  async function downloads() {
    const p = problems();
    // A file of the same name saved before (the CSP check's) would make this one "name (1)".
    for (const f of readdirSync(browser.downloads)) rmSync(join(browser.downloads, f), { force: true });
    await open(driver, `${server.url}demo.html`);
    await journey(driver, engine, JOURNEYS.decision);
    const shown = await shownRoutes(driver);
    const titles = shown.map((r) => r.title);
    await (await inWidget(driver, ".srf-save")).click();
    await (await inWidget(driver, ".srf-calendar")).click();
    const offered = await waitDownloads(driver, 2);
    const seen = await observed(driver);
    p.expect(offered === 2, `${offered} of 2 files offered`);
    const [summary, calendar] = seen.downloads;
    const html = summary ? await downloadText(driver, 0) : "";
    const ics = calendar ? await downloadText(driver, 1) : "";
    const decode = (x) => x.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    if (summary) {
      p.expect(/^send-options-\d{4}-\d{2}-\d{2}\.html$/.test(summary.name), `the summary's file name is ${summary.name}`);
      p.expect(/^text\/html/.test(summary.type), `the summary's type is ${summary.type}`);
      p.expect(summary.href.startsWith("blob:"), `the summary's link is ${summary.href}`);
      p.expect(html.startsWith("<!doctype html>") && !/<script/i.test(html), "the summary is not a standalone page without script");
      const text = decode(html);
      const missing = [...titles, ...shown.map((r) => r.date).filter(Boolean)].filter((x) => !text.includes(x));
      p.expect(missing.length === 0, `not in the summary file: ${missing.join(" | ")}`);
    }
    const firstDay = shown.find((r) => r.date);
    if (calendar) {
      p.expect(/\.ics$/.test(calendar.name) && /^text\/calendar/.test(calendar.type), `the calendar file is ${calendar.name} (${calendar.type})`);
      p.expect(/^BEGIN:VCALENDAR\r?\n/.test(ics) && /END:VCALENDAR\s*$/.test(ics), "the calendar file is not a VCALENDAR");
      const day = firstDay && new Date(`${firstDay.date} 12:00 UTC`).toISOString().slice(0, 10).replace(/-/g, "");
      p.expect(day && new RegExp(`DTSTART;VALUE=DATE:${day}`).test(ics), `the calendar file is not on ${firstDay && firstDay.date} (${day}): ${(ics.match(/DTSTART[^\r\n]*/) || ["no DTSTART"])[0]}`);
    }
    // The files the browser saved, in the session's download folder: the same text.
    const want = [summary && [summary.name, html], calendar && [calendar.name, ics]].filter(Boolean);
    const found = [];
    for (let i = 0; i < 50 && found.length < want.length; i++) {
      await waitMs(100);
      found.length = 0;
      for (const [file, text] of want) {
        const path = join(browser.downloads, file);
        if (existsSync(path) && statSync(path).size === Buffer.byteLength(text) && readFileSync(path, "utf8") === text) found.push(file);
      }
    }
    p.expect(found.length === 2, `saved on disk with the same text: ${found.join(", ") || "nothing"}; in the folder: ${readdirSync(browser.downloads).join(", ") || "nothing"}`);
    const onDisk = `${found.length} saved on disk, the same text`;
    p.expect(seen.errors.length === 0, `script errors: ${seen.errors.join("; ")}`);
    t.record(p.ok, name("downloads: the summary file and a calendar file hold the results"), `${summary && summary.name} (${html.length} characters, ${titles.length} routes), ${calendar && calendar.name} on ${firstDay && firstDay.date}; ${onDisk}`, p.text());
  }

  // 9. Quick exit with real key presses.
  async function quickExit() {
    const path = async () => new URL(await driver.getCurrentUrl()).pathname;
    // Shift pressed and let go three times, from the page.
    await open(driver, `${server.url}exit.html`);
    const button = await inWidget(driver, ".srf-exit__button");
    await press(driver, Key.SHIFT, Key.SHIFT, Key.SHIFT);
    let left = false;
    for (let i = 0; i < 50 && !left; i++) {
      left = /neutral\.html$/.test(await path().catch(() => ""));
      if (!left) await waitMs(100);
    }
    t.record(left && !!button, name("quick exit: Shift pressed 3 times leaves for the neutral page"), await path(), button ? "" : "    no Exit this page button");

    /** Keys pressed since the page opened, as the page saw them (keydown). */
    const keysSeen = () => driver.executeScript("return window.__srf ? window.__srf.keys.slice() : ['(the page is gone: ' + location.pathname + ')'];");
    const stays = async (what, keys, shifts) => {
      const p = problems();
      try {
        await open(driver, `${server.url}exit.html`);
        const detail = await keys(p);
        await waitMs(700);
        const where = await path();
        p.expect(/exit\.html$/.test(where), `left for ${where}`);
        // The page did get the Shift presses: staying is not for want of them.
        const seen = where.endsWith("exit.html") ? await keysSeen() : [];
        const count = seen.filter((k) => k === "Shift").length;
        p.expect(count === shifts, `the page saw Shift pressed ${count} times, not ${shifts} (keys: ${seen.join(" ")})`);
        const errors = await errorsOf().catch(() => []);
        p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
        t.record(p.ok, name(`quick exit: ${what} stays`), detail || where, p.text());
      } catch (error) {
        t.record(false, name(`quick exit: ${what} stays`), String(error.message || error).split("\n")[0]);
      }
    };
    await stays("Shift+Tab pressed 3 times", async () => {
      await shiftPress(driver, Key.TAB, 3);
      return `keys seen: ${(await keysSeen()).join(" ")}`;
    }, 3);
    await stays('typing "Dear Ms Smith, I Am" in the letter box', async (p) => {
      const screen = await journey(driver, engine, JOURNEYS.health);
      if (screen !== "results") throw new Error(`the journey ended at ${screen}`);
      await (await inWidget(driver, ".srf-letter summary")).click();
      const box = await inWidget(driver, ".srf-letter textarea");
      // A pointer click, as WebKitGTK's WebDriver refuses element click on text boxes in a
      // shadow root (webdriver.mjs, pointerClick).
      await pointerClick(driver, box);
      p.expect(await activeMatches(driver, ".srf-letter textarea"), `the letter box does not have focus after a click (${await focusText(driver)})`);
      // As a person types: Shift held down for each capital letter (D, M, S, I, A: five).
      await typeText(driver, "Dear Ms Smith, I Am");
      const typed = await box.getAttribute("value");
      p.expect((typed || "").includes("Dear Ms Smith, I Am"), "the letter box did not get the typing");
      return `${(typed || "").length} characters in the letter box; Shift pressed ${(await keysSeen()).filter((k) => k === "Shift").length} times`;
    }, 5);
    await stays("Shift twice, another key, Shift once", async () => {
      await press(driver, Key.SHIFT, Key.SHIFT, "a", Key.SHIFT);
      return `keys seen: ${(await keysSeen()).join(" ")}`;
    }, 3);
  }

  // 11 and 12. Every kind of screen, checked for lost content as it is drawn: the start
  // screen; each question, then with its error, then with its help opened; the results with
  // every details opened. Two journeys: one with choices, dates and last days, one with boxes
  // to tick. Returns the screens checked; what is lost goes into p.
  async function screensKeepEverything(p, where, { viewport, afresh }) {
    let screens = 0;
    const look = async (what) => {
      const lost = await widgetScript(driver, `return (${LAYOUT_SOURCE})(root, args);`, { viewport });
      screens++;
      for (const x of lost) p.expect(false, `${where}, ${what}: ${x}`);
    };
    for (const steps of [JOURNEYS.decision, JOURNEYS.settingSupport]) {
      await look("start screen");
      let screen = await start(driver, engine);
      for (const [q, v] of steps) {
        if (screen !== q) throw new Error(`expected the question ${q}, the widget shows ${screen}`);
        await look(q);
        await (await inWidget(driver, 'form button[type="submit"]')).click();
        const error = await waitIn(driver, "(root) => root.querySelector('.srf-error-summary')", null, { ms: 3000 });
        if (error) await look(`${q} with its error`);
        const help = await inWidget(driver, "details.srf-help summary");
        if (help) {
          await help.click();
          await look(`${q} with its help open`);
        }
        await fill(driver, q, v);
        const next = await submit(driver, engine, q);
        if (!next || next.error) throw new Error(`${q}: Continue did not lead on (${JSON.stringify(next)})`);
        screen = next.screen;
      }
      if (screen !== "results") throw new Error(`the journey ended at ${screen}`);
      await widgetScript(driver, "for (const d of root.querySelectorAll('details')) d.open = true; return true;");
      await look("results, every details open");
      await afresh(); // the page again, for the next journey
    }
    return screens;
  }

  // 11. WCAG 1.4.12 text spacing.
  async function textSpacing() {
    const p = problems();
    const afresh = async () => {
      await open(driver, `${server.url}scenario-national.html`);
      return applySpacing(driver);
    };
    const spacing = await afresh();
    p.expect(spacing !== "normal" && spacing !== "0px", `the spacing did not reach the widget (letter-spacing ${spacing})`);
    const screens = await screensKeepEverything(p, "text spacing", { afresh });
    const errors = await errorsOf();
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, name("text spacing (WCAG 1.4.12) loses no content and no function"), `${screens} screens of 2 journeys, letter spacing ${spacing}`, p.text());
  }

  // 12. 400% zoom of a 1280 px window: 320 CSS px wide, 256 high, in a frame of that size.
  async function zoom400() {
    const p = problems();
    const afresh = async () => {
      await driver.switchTo().defaultContent();
      await driver.get(`${server.url}zoom.html`);
      await driver.switchTo().frame(await driver.findElement({ css: "iframe" }));
      await waitReady(driver);
    };
    try {
      await afresh();
      const width = await driver.executeScript("return window.innerWidth;");
      p.expect(width === 320, `the frame's viewport is ${width} px wide, not 320`);
      const screens = await screensKeepEverything(p, "320 px", { viewport: 320, afresh });
      t.record(p.ok, name("400% zoom (320 CSS px by 256): every screen usable, nothing cut off, no sideways scrolling"), `${screens} screens of 2 journeys`, p.text());
    } finally {
      await driver.switchTo().defaultContent();
    }
  }

  // 13. Read-aloud and reader modes: the screen's text is in the page's own text.
  async function readAloud() {
    const p = problems();
    const screens = [];
    const inPageText = async (what) => {
      // The copy follows the screen a moment later: wait for the heading to be in it.
      const want = await widgetScript(
        driver,
        `const text = (el) => { const c = el.cloneNode(true); for (const h of c.querySelectorAll(".srf-visually-hidden")) h.remove(); return c.textContent.replace(/\\s+/g, " ").trim(); };
         return [...root.querySelectorAll(".srf-heading-l, .srf-choice__label, .srf-error-message, .srf-route__title, .srf-deadline__date")].map(text).filter(Boolean);`,
      );
      const copy = await driver.executeAsyncScript(
        `const [want, done] = [arguments[0], arguments[arguments.length - 1]];
         const started = performance.now();
         const poll = () => {
           const text = document.body.innerText.replace(/\\s+/g, " ");
           const el = document.querySelector("send-route-finder > .srf-reader");
           if (want.every((w) => text.includes(w)) || performance.now() - started > 3000) {
             const box = el ? el.getBoundingClientRect() : null;
             return done({ missing: want.filter((w) => !text.includes(w)), inert: !!el && el.inert, size: box ? [box.width, box.height] : null });
           }
           setTimeout(poll, 20);
         };
         poll();`,
        want,
      );
      for (const m of copy.missing) p.expect(false, `${what}: innerText misses "${m.slice(0, 60)}"`);
      p.expect(copy.inert && copy.size && copy.size[0] <= 1 && copy.size[1] <= 1, `${what}: the reader copy is not inert and out of sight (${JSON.stringify(copy)})`);
      screens.push(`${what} (${want.length} texts)`);
    };
    await open(driver, `${server.url}demo.html`);
    let screen = await start(driver, engine);
    await inPageText(screen);
    await (await inWidget(driver, 'form button[type="submit"]')).click();
    await waitIn(driver, "(root) => root.querySelector('.srf-error-message')", null, { ms: 3000 });
    await inPageText(`${screen} with its error`);
    for (const [q, v] of JOURNEYS.decision) {
      if (screen !== q) throw new Error(`expected the question ${q}, the widget shows ${screen}`);
      await fill(driver, q, v);
      const next = await submit(driver, engine, q);
      if (!next || next.error) throw new Error(`${q}: Continue did not lead on (${JSON.stringify(next)})`);
      screen = next.screen;
      await inPageText(screen);
    }
    const errors = await errorsOf();
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, name("read-aloud: each screen's text is in the page's own text (innerText), the copy inert and out of sight"), `${screens.length} screens`, p.text());
  }

  // 10. Focus on the heading after every step of the journeys above.
  function focusAfterEachStep() {
    const log = focusLog[engine] || [];
    const wrong = log.filter((x) => !x.ok);
    t.record(
      log.length > 0 && wrong.length === 0,
      name("focus moves to the new screen's heading (.srf-heading-l) after each step"),
      `${log.length - wrong.length} of ${log.length} steps (Start, Continue, Back, Change) in the checks above`,
      wrong.slice(0, 12).map((x) => `    ${x.where}: focus on ${x.focus}`).join("\n") + (wrong.length > 12 ? `\n    … and ${wrong.length - 12} more` : ""),
    );
  }

  // 14. The overlay builder, axe-core on its three states. The fields are light DOM, so plain
  // element clicks and typing work in every engine.
  async function builderAxe() {
    const p = problems();
    const el = (id) => driver.findElement({ id });
    const waitPage = (source, ms = 180000) =>
      driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         const started = performance.now();
         const poll = () => {
           let v = null;
           try { v = (${source})(); } catch (e) { v = null; }
           if (v || performance.now() - started > arguments[0]) return done(v || null);
           setTimeout(poll, 50);
         };
         poll();`,
        ms,
      );
    await driver.get(`${server.url}builder-observed.html`);
    p.expect(await waitPage(`() => !document.getElementById("builder").hidden`, 30000), "the form did not appear");
    await waitReady(driver);
    await axe.axeScreen(driver, `[${engine}] builder: the empty form`);

    await el("council-name").sendKeys("Testshire County Council");
    await el("c-iass-name").sendKeys("Testshire SENDIASS");
    await el("c-iass-phone").sendKeys("call us on weekdays");
    await el("check").click();
    const summary = await waitPage(`() => !document.getElementById("error-summary").hidden && document.querySelectorAll("#error-list a").length`);
    p.expect(summary === 1, `the error summary lists ${summary} problems, not the one phone number`);
    const active = await driver.executeScript("return document.activeElement && document.activeElement.id;");
    p.expect(active === "error-summary", `after "Check the file", focus is on #${active}, not the error summary`);
    await axe.axeScreen(driver, `[${engine}] builder: the form with an error`);

    await el("c-iass-phone").clear();
    await el("c-iass-phone").sendKeys("01632 960123");
    await el("check").click();
    const fixed = await waitPage(`() => document.getElementById("error-summary").hidden && /no problems/.test(document.getElementById("status").textContent) && document.querySelector('#preview-slot send-route-finder[council^="blob:"]')`);
    p.expect(fixed, `after the fix: ${await driver.executeScript("return document.getElementById('status').textContent;")}`);
    await waitReady(driver);
    await axe.axeScreen(driver, `[${engine}] builder: the filled form, the widget beside it using it`);
    const errors = await errorsOf();
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, name("the overlay builder: an error pointed out, fixed, and the widget beside the form uses the file"), `3 states checked with axe-core`, p.text());
  }

  return [
    ["scenarios", 600, scenarioWalks],
    ["keyboard", 180, keyboardJourney],
    ["early start", 120, earlyStart],
    ["error summary", 60, errorSummary],
    ["back and change", 90, backAndChange],
    ["date", 90, dateTyped],
    ["csp", 90, strictCsp],
    ["download", 90, downloads],
    ["quick exit", 180, quickExit],
    ["text spacing", 180, textSpacing],
    ["zoom", 180, zoom400],
    ["read-aloud", 90, readAloud],
    ["builder", 600, builderAxe],
    ["focus", 10, focusAfterEachStep],
  ];
}

// ---------------------------------------------------------------------------------------------

const times = [];
try {
  for (const engine of engines) {
    const began = Date.now();
    const before = { passed: t.passed, failed: t.failed };
    let browser;
    try {
      browser = await launch(engine);
      console.log(`== ${engine}: ${browser.version}`);
    } catch (error) {
      t.record(false, `[${engine}] the browser starts through its driver`, String(error.message || error).split("\n")[0]);
    }
    if (browser) {
      try {
        for (const [word, seconds, fn] of checks(engine, browser)) await check(t, `[${engine}] ${word}`, seconds, fn);
      } finally {
        gate.release();
        await browser.close();
      }
    }
    const seconds = ((Date.now() - began) / 1000).toFixed(0);
    times.push(`${engine}: ${t.passed - before.passed} passed, ${t.failed - before.failed} failed in ${seconds} s`);
    console.log(`== ${times.at(-1)}`);
  }
} finally {
  await Promise.all([server.close(), cspServer.close(), heldServer.close()]);
}

console.log(`(${times.join("; ")}; ${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
console.log(`engines ${axe.summary()}`);
console.log(`engines: ${t.passed} passed, ${t.failed} failed`);
process.exit(t.failed ? 1 : 0);

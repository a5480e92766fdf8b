// Helpers for the browser checks of the widget: the browser, locating things inside the
// widget's open shadow root, answering questions as a person would (clicks and typing, no
// synthetic events), axe-core, measuring targets and overflow, and the pass/fail tally.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium, never a downloaded one. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** axe-core's source, to put into pages. */
export const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const AXE_VERSION = JSON.parse(readFileSync(require.resolve("axe-core/package.json"), "utf8")).version;
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Where the suites write screenshots for a person to look at: SCREENSHOTS=dir, else srf-shots
 *  in the system temp folder. */
export const SHOTS = process.env.SCREENSHOTS || join(tmpdir(), "srf-shots");

/** The built demo page (index.html in the folder the command line names, else dist), to make
 *  test pages from; empty when it is missing (`suite` then says so). */
export function demoPage() {
  const file = join(process.argv[2] || "dist", "index.html");
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** Two widgets on one page: #a with no council, #b with Bedford's overlay. */
export const TWO_WIDGETS = `<!doctype html>
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

// ---------------------------------------------------------------------------------------------
// Locating things. Playwright's CSS locators pierce open shadow roots, so a locator chained
// from the host element finds things inside the widget.

/** The nth <send-route-finder> on the page. */
export function widget(page, n = 0) {
  return page.locator("send-route-finder").nth(n);
}

/** Elements matching `css` inside the nth widget (its shadow root included). */
export function inWidget(page, css, n = 0) {
  return widget(page, n).locator(css);
}

/** The heading every screen focuses: hN.srf-heading-l (N from heading-level, 2 here). */
export const HEADING = ".srf-heading-l";

/** Wait until the nth widget itself runs (not the loader's early start screen) and shows
 *  its start screen. */
export async function waitReady(page, n = 0, timeout = 20000) {
  await page.locator("send-route-finder[data-srf-ready]").nth(n).waitFor({ state: "attached", timeout });
  await inWidget(page, ".srf-button--start", n).waitFor({ state: "visible", timeout });
}

/** Open a page of the server and wait for the widget(s) to start. */
export async function open(page, url, count = 1) {
  await page.goto(url, { waitUntil: "load" });
  for (let n = 0; n < count; n++) await waitReady(page, n);
}

/** What has focus inside the nth widget's shadow root (null if focus is not in it). */
export function focusInfo(page, n = 0) {
  return page.evaluate((n) => {
    const host = document.querySelectorAll("send-route-finder")[n];
    const el = host && host.shadowRoot && host.shadowRoot.activeElement;
    const outside = document.activeElement;
    if (!el) {
      return { tag: null, outside: outside ? outside.tagName.toLowerCase() + (outside.id ? "#" + outside.id : "") : null };
    }
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id || "",
      cls: typeof el.className === "string" ? el.className : "",
      type: el.type || "",
      checked: !!el.checked,
      text: (el.textContent || el.value || "").replace(/\s+/g, " ").trim().slice(0, 70),
    };
  }, n);
}

/** A short description of a focusInfo. */
export function describeFocus(f) {
  if (!f || !f.tag) return `nothing in the widget (document.activeElement: ${f && f.outside})`;
  const cls = f.cls ? "." + f.cls.trim().split(/\s+/).join(".") : "";
  return `${f.tag}${f.id ? "#" + f.id : ""}${cls}${f.text ? ` "${f.text}"` : ""}`;
}

/** Wait (briefly) until the element focused in the nth widget matches `css`. */
export async function waitFocus(page, css, n = 0, timeout = 3000) {
  try {
    await page.waitForFunction(
      ([css, n]) => {
        const host = document.querySelectorAll("send-route-finder")[n];
        const el = host && host.shadowRoot && host.shadowRoot.activeElement;
        return !!el && el.matches(css);
      },
      [css, n],
      { timeout, polling: 50 },
    );
    return { ok: true, focus: await focusInfo(page, n) };
  } catch {
    return { ok: false, focus: await focusInfo(page, n) };
  }
}

// ---------------------------------------------------------------------------------------------
// Screens and answers.

/** The selector that shows a screen: a question id, "results", "start" or "error". */
export function screenSelector(screen) {
  if (screen === "results") return ".srf-results";
  if (screen === "start") return ".srf-button--start";
  if (screen === "error") return ".srf-error-summary";
  return `input[name="${screen}"], input[name="${screen}-day"]`;
}

/** Wait until the nth widget shows a screen. */
export async function waitScreen(page, screen, n = 0, timeout = 10000) {
  await inWidget(page, screenSelector(screen), n).first().waitFor({ state: "attached", timeout });
}

/** Answer the question on screen without pressing Continue, by clicking labels and typing.
 * value: "x" (a radio), ["x", "y"] (checkboxes), { day, month, year } or { unknown: true }. */
export async function fill(page, question, value, n = 0) {
  if (value == null) return;
  if (typeof value === "string") {
    await inWidget(page, `label[for="srf-${question}-${value}"]`, n).click();
  } else if (Array.isArray(value)) {
    for (const v of value) await inWidget(page, `label[for="srf-${question}-${v}"]`, n).click();
  } else if (value.unknown) {
    await inWidget(page, `label[for="srf-${question}-unknown"]`, n).click();
  } else {
    for (const part of ["day", "month", "year"]) {
      await inWidget(page, `#srf-${question}-${part}`, n).fill(String(value[part] ?? ""));
    }
  }
}

/** Press Continue (a mouse click). */
export async function submit(page, n = 0) {
  await inWidget(page, 'form button[type="submit"]', n).click();
}

/** Answer a question, press Continue and wait for the next screen. */
export async function step(page, question, value, next, n = 0) {
  await fill(page, question, value, n);
  await submit(page, n);
  await waitScreen(page, next, n);
}

/** Press Start now and answer every step, ending on `end` (default the results).
 * `each(screen)` runs on each screen reached, before it is answered. */
export async function journey(page, steps, { n = 0, end = "results", each } = {}) {
  await inWidget(page, ".srf-button--start", n).click();
  for (let i = 0; i < steps.length; i++) {
    const [q, v] = steps[i];
    await waitScreen(page, q, n);
    if (each) await each(q);
    const next = i + 1 < steps.length ? steps[i + 1][0] : end;
    await step(page, q, v, next, n);
  }
  if (each) await each(end);
}

/** A date `days` before today, on this machine's clock, as the three boxes. */
export function daysAgo(days) {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) };
}

const PARENT = [["role", "parent"], ["age", "under_16"], ["ehcp", "yes"]];

/** Journeys through the national rules, as [question, answer] steps. */
export const JOURNEYS = {
  decision: [...PARENT, ["about", "la_decision"], ["decision", "refuse_plan"], ["decision_date", daysAgo(20)], ["certificate", "yes"], ["certificate_date", daysAgo(10)]],
  planIssued: [...PARENT, ["about", "la_decision"], ["decision", "plan_issued"], ["plan_parts", ["needs", "placement"]], ["decision_date", daysAgo(5)], ["certificate", "no"]],
  health: [...PARENT, ["about", "health"]],
  exclusion: [["role", "parent"], ["age", "under_16"], ["ehcp", "no"], ["about", "exclusion"], ["exclusion_type", "permanent"], ["setting", "academy"]],
  youngPerson: [["role", "young_person"], ["age", "18_to_25"], ["ehcp", "yes"], ["about", "social_care"]],
  settingSupport: [...PARENT, ["about", "setting_support"], ["setting", "academy"], ["steps_taken", ["spoke_to_setting", "setting_complaint"]]],
  discrimination: [...PARENT, ["about", "discrimination"], ["setting", "maintained_school"], ["event_date", { unknown: true }]],
};

/** The route ids shown on the results of the nth widget. */
export function routeIds(page, n = 0) {
  return page.evaluate((n) => {
    const root = document.querySelectorAll("send-route-finder")[n].shadowRoot;
    return [...root.querySelectorAll("article.srf-route")].map((a) => a.id.replace(/^srf-route-/, ""));
  }, n);
}

// ---------------------------------------------------------------------------------------------
// axe-core.

/** Run axe on the whole document (open shadow roots included) with the WCAG 2.x A/AA tags
 * and no rule disabled. */
/**
 * axe-core run in the page (the page must have `window.axe`), its results stripped to what the
 * reports use. One definition for both drivers: Playwright passes it to page.evaluate, WebDriver
 * (webdriver.mjs's runAxe) sends its source.
 */
export async function axeInPage(tags) {
  const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
  const strip = (list) =>
    list.map((x) => ({
      id: x.id,
      impact: x.impact,
      help: x.help,
      helpUrl: x.helpUrl,
      nodes: x.nodes.map((nd) => ({ target: nd.target, html: nd.html, summary: nd.failureSummary || "" })),
    }));
  return {
    violations: strip(r.violations),
    passes: strip(r.passes),
    incomplete: strip(r.incomplete),
    inapplicable: r.inapplicable.map((x) => ({ id: x.id, nodes: [] })),
  };
}

export async function runAxe(page) {
  const has = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!has) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(axeInPage, AXE_TAGS);
}

/** Does an axe target point into a shadow root? (Shadow paths are nested arrays.) */
export function inShadow(target) {
  return Array.isArray(target) && target.some((t) => Array.isArray(t) && t.length > 1);
}

/**
 * axe on a screen as one check line, "axe: <name>", bound to a suite's tally: it fails on any
 * violation, or when axe looked at nothing inside the widget's shadow root; what axe leaves for
 * review is printed, not failed. `screens` lists the screens checked, for the suite's summary
 * line (`summary()`).
 */
export function axeScreens(t, run = runAxe) {
  const screens = [];
  async function axeScreen(page, name) {
    const results = await run(page);
    const nodes = widgetNodeCount(results);
    const incomplete = results.incomplete.map((r) => `${r.id}(${r.nodes.length})`).join(" ") || "none";
    const ok = results.violations.length === 0 && nodes > 0;
    screens.push(name);
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
  return { axeScreen, screens, summary: () => `(${screens.length} screen${screens.length === 1 ? "" : "s"} checked with axe-core ${AXE_VERSION})` };
}

/** Nodes axe looked at inside the widget's shadow root, across all result types. */
export function widgetNodeCount(results) {
  let count = 0;
  for (const kind of ["passes", "incomplete", "violations", "inapplicable"]) {
    for (const rule of results[kind]) for (const node of rule.nodes) if (inShadow(node.target)) count++;
  }
  return count;
}

/** A target as one readable string: shadow paths joined with " >>> ". */
export function targetText(target) {
  return target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : t)).join(" | ");
}

/** Violation details, one node a line. */
export function describeViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`    ${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>`);
    for (const nd of v.nodes.slice(0, 8)) {
      lines.push(`      at ${targetText(nd.target)}${inShadow(nd.target) ? " [in widget]" : " [host page]"}`);
      lines.push(`        ${nd.html.replace(/\s+/g, " ").slice(0, 220)}`);
      if (nd.summary) lines.push(`        ${nd.summary.replace(/\s+/g, " ").slice(0, 300)}`);
    }
    if (v.nodes.length > 8) lines.push(`      … and ${v.nodes.length - 8} more`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Measurements inside the page.

/** Horizontal overflow: the document's scroll width, and elements of the widget that reach
 * past the viewport (visually hidden ones aside) or of the host page, if any. */
export function overflow(page, n = 0) {
  return page.evaluate((n) => {
    const vw = document.documentElement.clientWidth;
    const hidden = (el) => !!el.closest(".srf-visually-hidden");
    const name = (el) =>
      el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "");
    const wide = [];
    const host = document.querySelectorAll("send-route-finder")[n];
    for (const el of host.shadowRoot.querySelectorAll("*")) {
      if (hidden(el) || ["LINK", "STYLE", "SLOT"].includes(el.tagName)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > vw + 0.5 || r.left < -0.5 || r.width > vw + 0.5) {
        wide.push(`${name(el)} (left ${r.left.toFixed(1)}, right ${r.right.toFixed(1)}, width ${r.width.toFixed(1)}): "${(el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 50)}"`);
      }
    }
    const hostWide = [];
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest("send-route-finder")) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) hostWide.push(`${name(el)} (right ${r.right.toFixed(1)})`);
    }
    return { viewport: vw, scrollWidth: document.documentElement.scrollWidth, wide, hostWide: hostWide.slice(0, 5) };
  }, n);
}

/** Target sizes (WCAG 2.2 2.5.8) of every interactive control inside the nth widget.
 * A target passes when its box is at least 24×24 CSS px; or by the spacing exception (a
 * 24 px circle centred on it meets no other target and no other small target's circle); or
 * it is an inline link in a sentence. Returns every target and the ones that fail. */
export function targetSizes(page, n = 0) {
  return page.evaluate((n) => {
    const root = document.querySelectorAll("send-route-finder")[n].shadowRoot;
    const name = (el) =>
      el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "");
    const text = (el) => (el.textContent || el.value || el.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim();
    const items = [];
    for (const el of root.querySelectorAll('input, button, a[href], summary, select, textarea, [tabindex]:not([tabindex="-1"])')) {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || cs.visibility === "hidden" || cs.display === "none") continue;
      let inline = false;
      if (el.tagName === "A" && cs.display === "inline") {
        // In a sentence: the block around it has words that are not the link's.
        const block = el.parentElement;
        inline = !!block && text(block).length > text(el).length + 1;
      }
      items.push({ el: name(el), text: text(el).slice(0, 40), x: r.left, y: r.top, w: r.width, h: r.height, inline });
    }
    const small = (t) => !t.inline && (t.w < 24 - 0.01 || t.h < 24 - 0.01);
    const centre = (t) => [t.x + t.w / 2, t.y + t.h / 2];
    const distToRect = ([cx, cy], t) => {
      const dx = Math.max(t.x - cx, 0, cx - (t.x + t.w));
      const dy = Math.max(t.y - cy, 0, cy - (t.y + t.h));
      return Math.hypot(dx, dy);
    };
    const failing = [];
    for (const t of items) {
      if (!small(t)) continue;
      const c = centre(t);
      const clash = items.find((o) => {
        if (o === t) return false;
        if (distToRect(c, o) < 12) return true; // the circle meets another target
        if (small(o)) {
          const [ox, oy] = centre(o);
          return Math.hypot(ox - c[0], oy - c[1]) < 24; // two small targets' circles meet
        }
        return false;
      });
      t.spacingOk = !clash;
      if (clash) failing.push({ ...t, clash: clash.el + (clash.text ? ` "${clash.text}"` : "") });
    }
    return { items, failing };
  }, n);
}

/** The computed look of an element that focus can change. */
export function look(locator) {
  return locator.evaluate((el) => {
    const cs = getComputedStyle(el);
    return {
      outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth) || 0,
      outlineColor: cs.outlineColor,
      boxShadow: cs.boxShadow,
      background: cs.backgroundColor,
      border: `${cs.borderTopStyle} ${cs.borderTopWidth} ${cs.borderTopColor}`,
      color: cs.color,
    };
  });
}

/** Is a CSS colour fully transparent? */
export function transparent(color) {
  if (!color || color === "transparent") return true;
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) return false;
  const parts = m[1].split(/[ ,/]+/).filter(Boolean);
  return parts.length === 4 && parseFloat(parts[3]) === 0;
}

/** Does focus show? The focused look differs from the unfocused one, and there is an outline
 * that can be seen, or a box shadow, or a change of background. */
export function focusShows(before, after) {
  const keys = ["outline", "boxShadow", "background", "border", "color"];
  const changed = keys.filter((k) => before[k] !== after[k]);
  const outline = after.outlineStyle !== "none" && after.outlineWidth > 0 && !transparent(after.outlineColor);
  const shadow = after.boxShadow !== "none" && after.boxShadow !== before.boxShadow;
  const background = after.background !== before.background;
  return { ok: changed.length > 0 && (outline || shadow || background), changed };
}

/**
 * Keyboard moves inside the (first) widget for a keyboard-only check, recording what goes wrong
 * in `p` (a `problems()`) and the way focus went in `trail`:
 * - `key(k, times)`: press a key;
 * - `tabTo(css, what, max = tabs)`: press Tab until focus is on `css` (a problem if not);
 * - `focusOn(css, what)`: focus must be on `css` now, allowing a screen change a moment
 *   (added to the trail too with `traceFocus`);
 * - `pastHelp(q, { open })`: on a question with "Help with this question", Tab from the heading
 *   reaches its summary first; with `open`, Enter opens it.
 */
export function keyboardMoves(page, p, trail, { tabs = 60, traceFocus = false } = {}) {
  const key = async (k, times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press(k);
  };
  const activeMatches = (css) =>
    page.evaluate((css) => {
      const el = document.querySelector("send-route-finder").shadowRoot.activeElement;
      return !!el && el.matches(css);
    }, css);
  const tabTo = async (css, what, max = tabs) => {
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
  const focusOn = async (css, what) => {
    const r = await waitFocus(page, css);
    p.expect(r.ok, `${what}: focus should be on ${css}, is on ${describeFocus(r.focus)}`);
    if (traceFocus) trail.push(`${what}: ${describeFocus(r.focus)}`);
    return r.ok;
  };
  const pastHelp = async (q, { open = false } = {}) => {
    if (!(await inWidget(page, ".srf-help").count())) return;
    await key("Tab");
    await focusOn(".srf-help summary", `${q}: Tab to "Help with this question"`);
    if (open) {
      await key("Enter");
      p.expect(await inWidget(page, ".srf-help .srf-details__text").isVisible(), `${q}: Enter did not open the help`);
    }
  };
  return { key, tabTo, focusOn, pastHelp };
}

/** Uncaught errors and console errors of a page, collected as they happen. */
export function watchErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const where = m.location() && m.location().url ? ` (${m.location().url})` : "";
    // The browser's own request for a site icon is not the page's doing.
    if (/\/favicon\.ico$/.test(where.slice(2, -1))) return;
    errors.push(`console.error: ${m.text()}${where}`);
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------
// The tally.

/** Collects results; `line` prints at once, so a slow run shows progress. */
export function tally() {
  const results = [];
  return {
    results,
    record(ok, name, detail = "", more = "") {
      results.push({ ok, name });
      console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ": " + detail : ""}`);
      if (more) console.log(more);
      return ok;
    },
    get passed() {
      return results.filter((r) => r.ok).length;
    },
    get failed() {
      return results.filter((r) => !r.ok).length;
    },
  };
}

/** A list of problems for one check. */
export function problems() {
  const list = [];
  return {
    list,
    expect(cond, message) {
      if (!cond) list.push(message);
      return !!cond;
    },
    get ok() {
      return list.length === 0;
    },
    text(indent = "    ") {
      return list.map((p) => indent + p).join("\n");
    },
  };
}

/** Run `fn` with a time limit. */
export async function withTimeout(ms, what, fn) {
  let timer;
  try {
    return await Promise.race([
      fn(),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The two helpers the Playwright suites share, bound to a suite's browser (a function, as the
 * browser is launched after the suite starts) and its tally:
 * - `withPage(options, fn)`: a fresh context and page (1280×900 unless told), closed afterwards;
 * - `check(name, seconds, fn)`: one check; an exception or time-out is one more FAIL line, and
 *   ONLY=name1,name2 runs just those checks (a quicker loop while working on one).
 */
export function harness(browser, t) {
  async function withPage(options, fn) {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    const errors = watchErrors(page);
    try {
      return await fn(page, errors, context);
    } finally {
      await context.close();
    }
  }
  async function check(name, seconds, fn) {
    if (process.env.ONLY && !process.env.ONLY.split(",").includes(name)) return;
    try {
      await withTimeout(seconds * 1000, name, fn);
    } catch (error) {
      t.record(false, name, `stopped: ${String(error.message || error).split("\n")[0]}`);
    }
  }
  return { withPage, check };
}

/**
 * What every Playwright suite does first and last. `suite(label, server options)` checks that
 * the built files are there (the folder is the command line's first argument, else dist),
 * serves them with the suite's extra routes or headers, starts Chromium, and gives the tally
 * and the harness's `withPage` and `check`. `finish(run)` runs the suite's checks, closes the
 * browser and the server, prints "label: N passed, M failed" and exits non-zero on a failure.
 * Nothing can start: one FAIL line, and the same last line.
 */
export async function suite(label, options = {}) {
  const dist = process.argv[2] || "dist";
  const started = Date.now();
  const t = tally();
  const stop = (why) => {
    console.log(`FAIL ${why}`);
    console.log(`${label}: 0 passed, 1 failed`);
    process.exit(1);
  };
  if (!existsSync(join(dist, "index.html"))) stop(`${dist}/index.html is missing: build the widget first (trunk build --release)`);
  const server = await serve(dist, options);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    stop(`Chromium did not start: ${String(error.message || error).split("\n")[0]}`);
  }
  const { withPage, check } = harness(() => browser, t);
  async function finish(run) {
    try {
      await run();
    } finally {
      await browser.close().catch(() => {});
      await server.close();
    }
    console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
    console.log(`${label}: ${t.passed} passed, ${t.failed} failed`);
    process.exit(t.failed ? 1 : 0);
  }
  return { dist, server, browser, t, withPage, check, finish };
}

// ---------------------------------------------------------------------------------------------
// The public scenarios, walked through the widget as a family would.

/** The public scenario files (tests/scenarios/public*.json), each scenario with its file. */
export function publicScenarios() {
  const dir = new URL("../scenarios/", import.meta.url);
  return ["public.json", "public-2.json"].flatMap((file) =>
    JSON.parse(readFileSync(new URL(file, dir), "utf8")).scenarios.map((s) => ({ ...s, file })),
  );
}

/** A page with one widget for a scenario's council (none: national contacts only). */
export function scenarioPage(council) {
  const attr = council ? ` council="councils/${council}.json"` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Scenario</title></head>
<body><main><h1>SEND support: if you disagree</h1>
<send-route-finder rules="rules.json"${attr} heading-level="2"><p>Find help on GOV.UK.</p></send-route-finder>
</main><script type="module" src="send-route-finder.js"></script></body></html>`;
}

/** The widget's answer that means what leaving a second-round question unanswered means to
 *  `evaluate` (docs/contract.md, section 7.1); the same table as tests/browser.rs. */
export function notKnown(question, answers) {
  switch (question) {
    case "finished_year_11":
      return answers.role === "young_person" ? "yes" : "no";
    case "health_section":
      return "not_sure";
    case "late_step":
      return "other";
    case "tribunal_case":
      return "discrimination_claim";
    case "clock_date":
    case "tribunal_decision_date":
      return { unknown: true };
    default:
      return undefined;
  }
}

/** The question on the nth widget's screen, or "results". */
export function currentScreen(page, n = 0) {
  return page.evaluate((n) => {
    const root = document.querySelectorAll("send-route-finder")[n].shadowRoot;
    if (root.querySelector(".srf-results")) return "results";
    const input = root.querySelector("form input");
    return input ? input.name.replace(/-day$/, "") : null;
  }, n);
}

/** A scenario's answer as `fill` takes it: an ISO date becomes the three boxes. */
export function asFilled(value) {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split("-").map(Number);
    return { day: String(day), month: String(month), year: String(year) };
  }
  if (value === "unknown") return { unknown: true };
  return value;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** An ISO date in words as the widget writes it: "2026-12-14" → "Monday 14 December 2026". */
export function longDate(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Press Start and answer every question the widget asks from a scenario's answers, ending on
 *  the results. `each(screen)` runs on the start screen ("start"), on each question screen
 *  before it is answered, and on the results ("results"). */
export async function walkScenario(page, scenario, { n = 0, each } = {}) {
  if (each) await each("start");
  await inWidget(page, ".srf-button--start", n).click();
  for (let i = 0; i < 30; i++) {
    await page.waitForFunction(
      (n) => {
        const root = document.querySelectorAll("send-route-finder")[n].shadowRoot;
        return root.querySelector(".srf-results, form input");
      },
      n,
      { timeout: 10000, polling: 20 },
    );
    const screen = await currentScreen(page, n);
    if (each) await each(screen);
    if (screen === "results") return;
    const given = scenario.answers[screen];
    const value = given !== undefined ? asFilled(given) : notKnown(screen, scenario.answers);
    if (value === undefined) throw new Error(`${scenario.id}: the widget asked ${screen}, which the scenario does not answer`);
    await fill(page, screen, value, n);
    await submit(page, n);
    // The next screen: another question's inputs, or the results. (Not the heading's text,
    // which a page translation may have left behind: tests/web/translate.mjs.)
    await page.waitForFunction(
      ([n, before]) => {
        const root = document.querySelectorAll("send-route-finder")[n].shadowRoot;
        if (root.querySelector(".srf-results")) return true;
        const input = root.querySelector("form input");
        return input && input.name.replace(/-day$/, "") !== before && !root.querySelector(".srf-error-summary");
      },
      [n, screen],
      { timeout: 10000, polling: 20 },
    );
  }
  throw new Error(`${scenario.id}: no results after 30 screens`);
}

/** The words a reader sees on the nth widget's screen, in order: text that is rendered, not in
 *  a closed <details> (its summary excepted) and not only for screen readers. */
export function visibleText(page, n = 0) {
  return page.evaluate((n) => {
    const root = document.querySelectorAll("send-route-finder")[n].shadowRoot;
    const parts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.nodeValue.trim()) continue;
      if (el.closest("style, script, .srf-visually-hidden, [hidden]")) continue;
      const closed = el.closest("details:not([open])");
      if (closed && !el.closest("summary")) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      parts.push({ text: node.nodeValue, glance: !!el.closest(".srf-glance") });
    }
    return parts;
  }, n);
}

/** Words in a text: runs of anything but spaces that hold a letter or a digit. */
export function countWords(text) {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

// How the widget lays out and looks, on the demo page, in Debian's headless Chromium driven by
// playwright-core:
//   - at 320 CSS px (a phone, or 400% zoom; WCAG 1.4.10 reflow): no sideways scrolling, nothing
//     wider than the screen, and every target at least 24×24 px or spaced (WCAG 2.5.8), on the
//     start screen, questions with and without their errors, and the results;
//   - forced colours (Windows High Contrast): every button and input keeps a visible edge;
//   - reduced motion: no animation and no transition at any point of a journey;
//   - without constructed stylesheets (Safari before 16.4): the widget links its stylesheet and
//     is styled;
//   - screenshots at 1280 and 320 px of the start screen, a question with its error, a date
//     question and the results, for a person to look at.
//
//   node tests/web/layout.mjs dist      (SCREENSHOTS=dir for the screenshots, default: srf-shots in the system temp folder)
//
// One line per check, "ok" or "FAIL" with figures; the last line is "layout: N passed, M failed".

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  daysAgo,
  fill,
  inWidget,
  journey,
  JOURNEYS,
  look,
  open,
  overflow,
  problems,
  routeIds,
  SHOTS,
  step,
  submit,
  suite,
  targetSizes,
  waitScreen,
  widget,
} from "./lib.mjs";

const { server, t, withPage, check, finish } = await suite("layout");
const DEMO = server.url;

// ---------------------------------------------------------------------------------------------
// At 320 px, in forced colours, with reduced motion

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
// Screenshots, and the stylesheet for browsers without constructed stylesheets

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

await finish(async () => {
  await check("layout 320px", 60, checkLayout);
  await check("forced colours", 60, checkForcedColours);
  await check("reduced motion", 60, checkReducedMotion);
  await check("screenshots", 90, checkScreenshots);
  await check("without constructed stylesheets", 30, checkLinkedStylesheet);
});

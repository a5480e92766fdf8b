// Pages that work against the widget, and pages where it cannot start, in Debian's headless
// Chromium driven by playwright-core. A council's page has its own CSS, often aggressive, and the
// widget lives in a shadow root so that neither reaches the other:
//   - a hostile host page (`* { all: unset }`, a 40 px root font, red Papyrus text, buttons and
//     inputs hidden): the widget still works and looks like itself through a journey, leaves the
//     page's title and styles alone, keeps the page's scroll position and brings each new
//     heading into view; a screenshot at 1280 px;
//   - the same page when the ruleset cannot be fetched: the failure message keeps its own look;
//   - the demo page when the ruleset cannot be fetched, and when the wasm cannot: a role=alert
//     message, the page's fallback content still shown, and axe on both.
//
//   node tests/web/hostile.mjs dist      (SCREENSHOTS=dir for the screenshot, default: srf-shots in the system temp folder)
//
// One line per check, "ok" or "FAIL" with figures; the last line is "hostile: N passed, M failed".

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./server.mjs";
import {
  axeScreens,
  demoPage,
  HEADING,
  inWidget,
  JOURNEYS,
  problems,
  routeIds,
  SHOTS,
  step,
  suite,
  waitReady,
  waitScreen,
  widget,
} from "./lib.mjs";

/** The demo page with a ruleset that is not there. */
const MISSING = demoPage().replace('rules="rules.json"', 'rules="missing.json"');

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

/** The hostile page with a ruleset that is not there: the failure message under its CSS. */
const HOSTILE_MISSING = HOSTILE.replace('rules="rules.json"', 'rules="missing.json"');

const { dist, server, t, withPage, check, finish } = await suite("hostile", {
  routes: { "/missing.html": MISSING, "/hostile.html": HOSTILE, "/hostile-missing.html": HOSTILE_MISSING },
});
/** The same files, but the wasm is gone: the loader's own failure path. */
const noWasmServer = await serve(dist, { routes: { "/send_route_finder_bg.wasm": { status: 404, type: "text/plain; charset=utf-8", body: "not found" } } });

/** Errors the load-failure page is expected to log: the 404 and the widget's own line. */
const expectedOnFailure = (e) => /missing\.json|404|send-route-finder: /.test(e);
const axe = axeScreens(t);
const axeScreen = axe.axeScreen;

// ---------------------------------------------------------------------------------------------
// A hostile host page

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
// The demo page when the ruleset or the wasm cannot be fetched

async function checkLoadFailure() {
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

await finish(async () => {
  try {
    await check("hostile page", 60, checkHostile);
    await check("hostile page, load failure", 30, checkHostileFailure);
    await check("load failure", 60, checkLoadFailure);
  } finally {
    await noWasmServer.close();
  }
  console.log(axe.summary());
});

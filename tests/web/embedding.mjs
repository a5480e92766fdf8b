// The ways a council puts the widget on its pages, in Debian's headless Chromium driven by
// playwright-core:
//   - two widgets on one page (one with a council): interleaved journeys, each with its own
//     results, focus, ids and events, neither touching the other;
//   - a strict Content Security Policy (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'):
//     a journey to the results with no violation; with Trusted Types enforced too, the same
//     results, made element by element (one violation: the refused string), and they work;
//   - Subresource Integrity: the README's snippet with the loader's hash runs; a loader that does
//     not match its hash does not run and the fallback stays; a changed wasm is refused;
//   - embed.html in an iframe (embed-frame.js): the widget works and the frame grows to fit it;
//     a ruleset from another site is refused;
//   - the test server itself (tests/web/server.mjs): MIME types, gzip, 404, extra headers.
//
//   node tests/web/embedding.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "embedding: N passed, M failed".

import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { serve } from "./server.mjs";
import {
  describeFocus,
  HEADING,
  inWidget,
  journey,
  JOURNEYS,
  open,
  problems,
  routeIds,
  step,
  suite,
  TWO_WIDGETS,
  waitFocus,
  waitScreen,
  widget,
} from "./lib.mjs";

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const built = join(process.argv[2] || "dist", "integrity.json");
const INTEGRITY = existsSync(built) ? JSON.parse(readFileSync(built, "utf8")) : {};
/** The README snippet with Subresource Integrity on the script tag; and with a wrong hash. */
const sriPage = (hash) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title></head><body>
<send-route-finder rules="rules.json" heading-level="2"><p data-srf="title">Fallback title</p><p class="kept">Fallback</p></send-route-finder>
<script type="module" src="send-route-finder.js" integrity="${hash}" crossorigin="anonymous"></script></body></html>`;
/** A council page that shows embed.html in a frame, with embed-frame.js. */
const FRAMED = (query) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framed</title></head><body>
<h1>Council page</h1>
<iframe data-srf-embed src="embed.html?${query}" title="Find your options if you disagree about SEND help" width="100%" height="300"></iframe>
<script src="embed-frame.js"></script></body></html>`;

const { dist, server, t, withPage, check, finish } = await suite("embedding", {
  routes: {
    "/two.html": TWO_WIDGETS,
    "/sri.html": sriPage(INTEGRITY["send-route-finder.js"]),
    "/sri-wrong.html": sriPage("sha384-" + Buffer.alloc(48, 7).toString("base64")),
    "/framed.html": FRAMED("council=councils/luton.json&heading-level=2"),
    "/framed-foreign.html": FRAMED("rules=https://example.org/rules.json"),
  },
});
const DEMO = server.url;

const cspServer = await serve(dist, { headers: { "Content-Security-Policy": CSP } });
/** The strict policy with Trusted Types enforced: a string of HTML is refused. */
const ttServer = await serve(dist, { headers: { "Content-Security-Policy": `${CSP}; require-trusted-types-for 'script'` } });
/** The same files, but one byte of the wasm changed: its integrity hash no longer matches. */
const tampered = readFileSync(join(dist, "send_route_finder_bg.wasm"));
tampered[tampered.length - 1] ^= 1;
const tamperedServer = await serve(dist, { routes: { "/send_route_finder_bg.wasm": { type: "application/wasm", body: tampered } } });

// ---------------------------------------------------------------------------------------------
// Two widgets on one page

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
// A strict Content Security Policy

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

/** Trusted Types enforced: the page refuses the results' markup as a string, the browser says
 *  so once, and the widget makes the same elements one by one; their buttons work. */
async function checkTrustedTypes() {
  const results = async (url) =>
    withPage({}, async (page, errors) => {
      await page.addInitScript(() => {
        window.__csp = [];
        document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective), true);
      });
      await open(page, url);
      await journey(page, JOURNEYS.exclusion);
      // (The link to the results names the server, which differs.)
      const html = (await widget(page).locator(".srf-results").evaluate((el) => el.outerHTML)).replaceAll(url, "/");
      const ids = await routeIds(page);
      // A Change button of "Your answers" leads back to its question.
      await inWidget(page, ".srf-summary-list__actions button").first().click();
      await waitScreen(page, JOURNEYS.exclusion[0][0]);
      return { html, ids, errors: [...errors], violations: await page.evaluate(() => window.__csp) };
    });
  const tt = await results(ttServer.url);
  const plain = await results(cspServer.url);
  const p = problems();
  p.expect(tt.ids.length > 0, "the journey did not reach the results");
  p.expect(tt.html === plain.html, "the results differ from those drawn from the string");
  p.expect(tt.violations.length === 1 && tt.violations[0] === "require-trusted-types-for", `violations: ${tt.violations.join("; ")}`);
  p.expect(tt.errors.every((e) => /TrustedHTML/.test(e)) && tt.errors.length <= 1, `errors: ${tt.errors.join("; ")}`);
  p.expect(plain.violations.length === 0, `without Trusted Types, violations: ${plain.violations.join("; ")}`);
  t.record(p.ok, "Trusted Types enforced: the results are the same, made element by element; Change works; one violation", `${tt.ids.length} routes, ${tt.html.length} characters of markup`, p.text());
}

// ---------------------------------------------------------------------------------------------
// Subresource Integrity, and the iframe embedding

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
  await withPage({}, async (page, errors) => {
    await page.goto(tamperedServer.url, { waitUntil: "load" });
    const alert = inWidget(page, '[role="alert"].srf-load-error');
    await alert.waitFor({ timeout: 15000 });
    const ready = await page.locator("send-route-finder[data-srf-ready]").count();
    // The console says why, for the council: the wasm is not this loader's (the browser's own
    // "Failed to fetch" would say the same for a network or CORS failure).
    const why = errors.find((e) => e.includes("send-route-finder: could not start:")) || "";
    const told = /send_route_finder_bg\.wasm(\?\S*)? is not the wasm file of this loader \(its integrity hash differs\)/.test(why);
    t.record(ready === 0 && told, "integrity: a changed wasm is refused; the error state and fallback show; the console says the wasm is not this loader's", `${(await alert.innerText()).trim()} | ${why.slice(0, 160)}`);
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
// The test server itself

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

await finish(async () => {
  try {
    await check("test server", 20, checkServer);
    await check("two widgets", 60, checkTwo);
    await check("strict CSP", 30, checkCsp);
    await check("Trusted Types", 60, checkTrustedTypes);
    await check("integrity", 60, checkIntegrity);
    await check("iframe embedding", 60, checkFramed);
  } finally {
    await cspServer.close();
    await ttServer.close();
    await tamperedServer.close();
  }
});

// Hostile input, hostile pages, and nothing leaves the device: the real widget (dist/, the
// loader, the wasm) in Debian's headless Chromium, driven by playwright-core.
//
//   a. bad files: every broken file of tests/broken that `check` refuses, plus truncated,
//      empty, binary, a web page, 404 and 500 answers, a 10 MB file, deep nesting: each gives
//      the accessible error state, one clear console line from our code, no panic, and the
//      host page still works; but the two interface texts `check` refuses and the widget
//      leaves out by itself (an unknown key, an overlay's national text): the widget starts
//      and shows the national words
//   b. hostile text: injection payloads in every text of a ruleset and an overlay and in the
//      element's attributes: none runs, each is shown as plain text, only https/mailto/tel links
//   c. a strict Content Security Policy, proved to be on by a blocked inline script
//   d. privacy: only the widget's own files, the ruleset and the overlay are fetched; no
//      cookies, no storage, no answers in any URL
//   e. 1,000 random journeys in one page: memory at journey 1,000 within 1.1 times that at
//      journey 100, and the second widget on the page untouched
//
//   node tests/web/safety.mjs dist          (ONLY=privacy: only the checks whose name holds it)
//
// One line per check, "ok" or "FAIL" with figures; the last line is "safety: N passed, M failed".

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { serve, MIME } from "./server.mjs";
import { JOURNEYS, fill, inWidget, launchBrowser, problems, routeIds, step, tally, waitReady, waitScreen, watchErrors, withTimeout } from "./lib.mjs";

const dist = process.argv[2] || "dist";
const root = new URL("../..", import.meta.url).pathname;
const t = tally();
const started = Date.now();
const RULES = readFileSync(join(root, "rules.json"), "utf8");
const LUTON = readFileSync(join(root, "www/councils/luton.json"), "utf8");
const START = JSON.parse(RULES).start_screen;

// ---------------------------------------------------------------------------------------------
// Pages that exist only in this server.

/** The fallback as the README marks it. */
function fallback(s = START) {
  const esc = (x) => String(x).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const p = (name, text) => `<p data-srf="${name}">${esc(text)}</p>`;
  return `<h2 data-srf="title">${esc(s.title)}</h2>${s.paragraphs.map((x) => p("paragraph", x)).join("")}${p("time", s.time_needed)}${p("privacy", s.privacy)}<p class="fallback-link"><a href="https://www.gov.uk/children-with-special-educational-needs/if-you-disagree">GOV.UK</a></p>`;
}

/** A bare page: a host button that must keep working, the element, the script. Attributes
 *  are given as [name, value] (values are HTML-escaped). */
function page(attrs, { head = "", body = "" } = {}) {
  const esc = (x) => String(x).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const a = attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}</head><body>
<button id="host-button" type="button">Host button</button> <span id="host-count">0</span>
<send-route-finder${a}>${fallback()}</send-route-finder>
${body}<script src="/host.js"></script>
<script type="module" src="/send-route-finder.js"></script>
</body></html>`;
}

const HOST_JS = `document.getElementById("host-button").addEventListener("click", () => {
  const c = document.getElementById("host-count"); c.textContent = String(Number(c.textContent) + 1);
});`;

// ---------------------------------------------------------------------------------------------
// a. Bad files.

// The corpus files `check` refuses that the widget starts with on purpose, as
// tests/broken/manifest.json marks them ("widget", read by tests/check_corpus.rs too): "walk",
// a problem only a walk of every path finds (checkWalkOnly); "leaves-out", an interface text
// the widget leaves out by itself (src/check/interface.rs; checkLeftOut). Each such file needs
// its case below: a file marked without one fails the check.
const MANIFEST = JSON.parse(readFileSync(join(root, "tests/broken/manifest.json"), "utf8"));
const marked = (why) => MANIFEST.filter((e) => e.widget === why);
const WALK_ONLY = marked("walk").map((e) => e.file);
/** [file, kind] of the interface-text files the widget leaves out. */
const LEFT_OUT = marked("leaves-out").map((e) => [e.file, e.kind]);

/** Which corpus files `check` refuses, and as what; the files marked "widget" are left out
 *  here (above). */
function corpus() {
  return MANIFEST
    .filter((e) => (e.severity || "error") === "error" && !e.widget)
    .filter((e) => (e.expect || []).length > 0)
    .map((e) => ({ name: e.file, kind: e.kind, body: readFileSync(join(root, "tests/broken", e.file)) }));
}

const BIG = `{"version": "${"x".repeat(10 * 1024 * 1024)}"}`;
const DEEP = "[".repeat(100000) + "]".repeat(100000);
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

/** The extra bad answers: [name, which file it replaces, route]. */
const EXTRA = [
  ["truncated ruleset", "rules", { type: MIME[".json"], body: RULES.slice(0, Math.floor(RULES.length / 2)) }],
  ["truncated overlay", "overlay", { type: MIME[".json"], body: LUTON.slice(0, 300) }],
  ["empty ruleset", "rules", { type: MIME[".json"], body: "" }],
  ["ruleset: JSON null", "rules", { type: MIME[".json"], body: "null" }],
  ["ruleset: an overlay in its place", "rules", { type: MIME[".json"], body: LUTON }],
  ["overlay: the ruleset in its place", "overlay", { type: MIME[".json"], body: RULES }],
  ["ruleset: a web page with 200 (text/html)", "rules", { type: MIME[".html"], body: "<!doctype html><title>Not found</title><p>Page not found" }],
  ["ruleset: valid JSON sent as text/html", "rules", { type: MIME[".html"], body: RULES }],
  ["ruleset: a PNG image", "rules", { type: "image/png", body: PNG }],
  ["ruleset: binary bytes (octet-stream)", "rules", { type: "application/octet-stream", body: Buffer.from([0, 1, 2, 255, 254, 0x7b]) }],
  ["ruleset: invalid UTF-8", "rules", { type: MIME[".json"], body: Buffer.concat([Buffer.from('{"version": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]) }],
  ["ruleset: 404", "rules", { status: 404, type: MIME[".txt"], body: "not found" }],
  ["ruleset: 500", "rules", { status: 500, type: MIME[".txt"], body: "server error" }],
  ["overlay: 404", "overlay", { status: 404, type: MIME[".txt"], body: "not found" }],
  ["overlay: 500", "overlay", { status: 500, type: MIME[".txt"], body: "server error" }],
  ["ruleset: 10 MB", "rules", { type: MIME[".json"], body: BIG }],
  ["overlay: 10 MB", "overlay", { type: MIME[".json"], body: BIG }],
  ["ruleset: nested 100,000 deep", "rules", { type: MIME[".json"], body: DEEP }],
  ["overlay: nested 100,000 deep", "overlay", { type: MIME[".json"], body: DEEP }],
  ["ruleset: a redirect to a page elsewhere (301)", "rules", { status: 301, type: MIME[".txt"], body: "", headers: { Location: "http://127.0.0.1:9/nowhere.json" } }],
];

const badRoutes = Object.fromEntries(
  WALK_ONLY.map((f) => [`/walk/${f}`, { type: MIME[".json"], body: readFileSync(join(root, "tests/broken", f)) }]),
);
for (const [f] of LEFT_OUT) badRoutes[`/left-out/${f}`] = { type: MIME[".json"], body: readFileSync(join(root, "tests/broken", f)) };
const badCases = [];
for (const c of corpus()) {
  badRoutes[`/bad/${c.name}`] = { type: MIME[".json"], body: c.body };
  badCases.push({ name: `corpus ${c.name}`, kind: c.kind, url: `/bad/${c.name}` });
}
EXTRA.forEach(([name, kind, route], i) => {
  badRoutes[`/bad/extra-${i}.json`] = route;
  badCases.push({ name, kind, url: `/bad/extra-${i}.json` });
});

function badPage(c) {
  return c.kind === "rules"
    ? page([["rules", c.url], ["heading-level", "2"]])
    : page([["rules", "/rules.json"], ["council", c.url], ["heading-level", "2"]]);
}

// ---------------------------------------------------------------------------------------------
// b. Hostile text.

/** Each payload calls __pwned(n) if it ever runs. */
const PAYLOADS = [
  `<script>__pwned(1)</script>`,
  `<img src=x onerror="__pwned(2)">`,
  `<svg onload=__pwned(3)>`,
  `<svg><script>__pwned(4)</script></svg>`,
  `"><img src=x onerror=__pwned(5)>`,
  `' onmouseover='__pwned(6)`,
  `" onfocus="__pwned(7)" autofocus="`,
  `<a href="javascript:__pwned(8)">click</a>`,
  `javascript:__pwned(9)`,
  `JaVaScRiPt:__pwned(10)`,
  `data:text/html,<script>parent.__pwned(11)</script>`,
  `data:text/javascript,__pwned(12)`,
  `vbscript:__pwned(13)`,
  `<iframe src="javascript:parent.__pwned(14)"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned(15)</script>"></iframe>`,
  `<object data="javascript:__pwned(16)"></object>`,
  `<embed src="javascript:__pwned(17)">`,
  `<details open ontoggle=__pwned(18)>`,
  `<input autofocus onfocus=__pwned(19)>`,
  `<video><source onerror=__pwned(20)></video>`,
  `<audio src onerror=__pwned(21)>`,
  `<body onload=__pwned(22)>`,
  `<marquee onstart=__pwned(23)>x</marquee>`,
  `<svg><animate onbegin=__pwned(24) attributeName=x dur=1s>`,
  `<math><mi xlink:href="javascript:__pwned(25)">x</mi></math>`,
  `<form action="javascript:__pwned(26)"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:__pwned(27)">`,
  `<base href="javascript:__pwned(28)//">`,
  `<scr<script>ipt>__pwned(29)</scr</script>ipt>`,
  `<!--<img src="--><img src=x onerror=__pwned(30)//">`,
  `<noscript><p title="</noscript><img src=x onerror=__pwned(31)>"></noscript>`,
  `<img srcset=",,,,x" onerror=__pwned(32)>`,
  `<style>*{display:none!important}</style>`,
  `</style><script>__pwned(34)</script>`,
  `<div style="background:url(javascript:__pwned(35))">x</div>`,
  `<link rel=stylesheet href="data:text/css,*{color:red}">`,
  `x{}*{visibility:hidden} /* css */`,
  `{{constructor.constructor('__pwned(38)')()}}`,
  `\${__pwned(39)}`,
  `';__pwned(40);//`,
  `");__pwned(41);//`,
  `<a href="https://example.org" onclick="__pwned(42)">https</a>`,
  `‮txt.exe — right-to-left override`,
  `⁦__pwned(44)⁩ isolate`,
  `‏‎ marks `,
  `<img src=x onerror=&#95;&#95;pwned(46)>`,
  `javascript://%0a__pwned(47)`,
  `<svg/onload=__pwned(48)>`,
];

/** Keys whose strings are ids, values or dates the engine follows: left alone. */
const STRUCTURAL = new Set([
  "$schema", "version", "last_reviewed", "jurisdiction", "start", "id", "kind", "value", "to", "group", "answer", "is", "in",
  "has", "has_any", "only", "rule", "decision", "has_certificate", "certificate", "from", "date", "after", "contacts", "help",
  "extra_contacts", "remove_routes", "writer", "question", "step",
]);
const LINKS = new Set(["web", "page", "email", "phone"]);
const LINK_PAYLOADS = [
  "javascript:__pwned(100)",
  "data:text/html,<script>parent.__pwned(101)</script>",
  "http://example.org/not-https",
  "mailto:x@example.org?body=<script>__pwned(103)</script>",
  "tel:+44<img src=x onerror=__pwned(104)>",
  " javascript:__pwned(105)",
];

/** Put a payload in every text (round robin), link payloads in link fields. In a letter,
 *  `{...}` is a placeholder `check` must know, so payloads with braces go elsewhere. */
function poison(value, counter, key, inLetter = false) {
  if (Array.isArray(value)) return value.map((v) => poison(v, counter, key, inLetter));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "texts" && v && typeof v === "object") {
        // Overlay texts: keyed by route id; keep the keys.
        out[k] = Object.fromEntries(Object.entries(v).map(([id, x]) => [id, poison(x, counter, id, inLetter)]));
      } else if (k === "if" || k === "when" || k === "next" || k === "deadline" || k === "holidays") {
        // Conditions, steps and deadline rules: structure, not text; but "why" in "when" is text.
        out[k] = k === "when" ? v.map((w) => ({ ...w, why: poison(w.why, counter, "why") })) : v;
      } else {
        out[k] = STRUCTURAL.has(k) ? v : poison(v, counter, k, inLetter || k === "letter");
      }
    }
    return out;
  }
  if (typeof value === "string") {
    const n = counter.n++;
    if (LINKS.has(key)) return LINK_PAYLOADS[n % LINK_PAYLOADS.length];
    const pool = inLetter ? PAYLOADS.filter((x) => !/[{}]/.test(x)) : PAYLOADS;
    return `${value} ${pool[n % pool.length]}`;
  }
  return value;
}

const counter = { n: 0 };
const hostileRules = poison(JSON.parse(RULES), counter);
// Every payload once more, each in its own paragraph of the start screen, so every one is on
// the first screen to be found as text.
hostileRules.start_screen.paragraphs.push(...PAYLOADS);
const hostileOverlay = poison(JSON.parse(LUTON), counter);
const textsPoisoned = counter.n;

const RECORDER = `window.__pwnedCalls = []; window.__pwned = (n) => window.__pwnedCalls.push(n);`;

// ---------------------------------------------------------------------------------------------
// c. CSP.

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";
const CSP_PAGE = page([["rules", "/rules.json"], ["council", "/councils/luton.json"]], {
  head: `<script>window.__inlineRan = true;</script>`,
});

// ---------------------------------------------------------------------------------------------
// The server.

const server = await serve(dist, {
  routes: {
    ...badRoutes,
    "/host.js": { type: MIME[".js"], body: HOST_JS },
    "/recorder.js": { type: MIME[".js"], body: RECORDER },
    "/hostile/rules.json": { type: MIME[".json"], body: JSON.stringify(hostileRules) },
    "/hostile/overlay.json": { type: MIME[".json"], body: JSON.stringify(hostileOverlay) },
    // The image outside the widget runs its handler on purpose: it proves the recorder works.
    "/hostile.html": page([["rules", "/hostile/rules.json"], ["council", "/hostile/overlay.json"], ["heading-level", "2"]], {
      head: `<script src="/recorder.js"></script>`,
      body: `<img src="/no-such-image.png" alt="" onerror="__pwned(0)">`,
    }),
    "/hostile-attributes.html": page(
      [["rules", "javascript:__pwned(200)"], ["council", "data:application/json,{}"], ["heading-level", `<img src=x onerror=__pwned(201)>`]],
      { head: `<script src="/recorder.js"></script>` },
    ),
    "/hostile-level.html": page([["rules", "/rules.json"], ["heading-level", `"><svg onload=__pwned(202)>`]], { head: `<script src="/recorder.js"></script>` }),
    "/plain.html": page([["rules", "/rules.json"], ["council", "/councils/luton.json"], ["heading-level", "2"]]),
    "/two.html": page([["rules", "/rules.json"], ["council", "/councils/luton.json"]], {
      body: `<send-route-finder rules="/rules.json" council="/councils/bedford.json">${fallback()}</send-route-finder>`,
    }),
    ...Object.fromEntries(badCases.map((c, i) => [`/case-${i}.html`, badPage(c)])),
    ...Object.fromEntries(WALK_ONLY.map((f) => [`/walk-${f}.html`, page([["rules", `/walk/${f}`], ["heading-level", "2"]])])),
    ...Object.fromEntries(
      LEFT_OUT.map(([f, kind]) => [
        `/left-out-${f}.html`,
        kind === "rules" ? page([["rules", `/left-out/${f}`], ["heading-level", "2"]]) : page([["rules", "/rules.json"], ["council", `/left-out/${f}`], ["heading-level", "2"]]),
      ]),
    ),
  },
});
const cspServer = await serve(dist, { headers: { "Content-Security-Policy": CSP }, routes: { "/csp.html": CSP_PAGE, "/host.js": { type: MIME[".js"], body: HOST_JS } } });
const browser = await launchBrowser();
const BASE = server.url.replace(/\/$/, "");

async function withPage(fn, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  try {
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

/** ONLY=text runs the checks whose name holds it. */
async function check(name, seconds, fn) {
  if (process.env.ONLY && !name.includes(process.env.ONLY)) return;
  try {
    await withTimeout(seconds * 1000, name, fn);
  } catch (error) {
    t.record(false, name, `stopped: ${String(error.message || error).split("\n")[0]}`);
  }
}

/** Console lines of the page: ours start with "send-route-finder". */
function consoleOf(page) {
  const lines = [];
  page.on("console", (m) => lines.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => lines.push({ type: "pageerror", text: e.message }));
  return lines;
}

// a ---------------------------------------------------------------------------------------------

async function checkBadFiles() {
  const failures = [];
  let overlaysWithout = 0;
  const messages = new Set();
  await withPage(async (page) => {
    for (let i = 0; i < badCases.length; i++) {
      const c = badCases[i];
      const lines = consoleOf(page);
      await page.goto(`${BASE}/case-${i}.html`, { waitUntil: "load" });
      if (c.kind !== "rules") {
        // A bad overlay never hides the national routes (issue 14): the widget starts without
        // it, tells the family in one line, and tells the council in the console.
        const p = [];
        try {
          await waitReady(page, 0, 15000);
        } catch {
          p.push(`the widget did not start (it shows: ${(await page.locator("send-route-finder").innerText()).slice(0, 80)})`);
        }
        if ((await inWidget(page, ".srf-no-local").count()) !== 1) p.push("no one-line notice that local contacts could not be loaded");
        if ((await inWidget(page, ".srf-load-error").count()) !== 0) p.push('it shows "could not start"');
        await page.click("#host-button");
        if ((await page.locator("#host-count").innerText()) !== "1") p.push("the host page's button stopped working");
        await page.waitForTimeout(20);
        const ours = lines.filter((l) => /send-route-finder/.test(l.text));
        const panics = lines.filter((l) => /internal error|panicked|RuntimeError|unreachable/i.test(l.text) || l.type === "pageerror");
        if (ours.length !== 1 || ours[0].type !== "error" || !/^send-route-finder: the council's file/.test(ours[0].text)) p.push(`${ours.length} console lines from our code: ${ours.map((l) => l.text).join(" | ")}`);
        if (panics.length) p.push(`panics or uncaught errors: ${panics.map((l) => l.text).join(" | ")}`);
        if (p.length) failures.push(`${c.name}: ${p.join("; ")}`);
        else overlaysWithout++;
        messages.add((ours[0] ? ours[0].text.replace(/^send-route-finder: /, "") : "").slice(0, 60));
        page.removeAllListeners("console");
        page.removeAllListeners("pageerror");
        continue;
      }
      const alert = inWidget(page, '[role="alert"].srf-load-error');
      try {
        await alert.waitFor({ state: "visible", timeout: 15000 });
      } catch {
        failures.push(`${c.name}: no error message (widget shows: ${(await page.locator("send-route-finder").innerText()).slice(0, 80)})`);
        page.removeAllListeners("console");
        page.removeAllListeners("pageerror");
        continue;
      }
      const text = (await alert.innerText()).trim();
      const slotted = await page.evaluate(() => {
        const host = document.querySelector("send-route-finder");
        const slot = host.shadowRoot.querySelector("slot");
        return slot ? slot.assignedElements().length : 0;
      });
      const linkVisible = await page.locator(".fallback-link a").isVisible();
      await page.click("#host-button");
      const count = await page.locator("#host-count").innerText();
      await page.waitForTimeout(20);
      const ours = lines.filter((l) => /send-route-finder/.test(l.text));
      const panics = lines.filter((l) => /internal error|panicked|RuntimeError|unreachable/i.test(l.text) || l.type === "pageerror");
      const p = [];
      if (!/could not start/.test(text)) p.push(`message "${text}"`);
      if (slotted === 0 || !linkVisible) p.push("the fallback is not shown");
      if (count !== "1") p.push("the host page's button stopped working");
      if (ours.length !== 1 || ours[0].type !== "error") p.push(`${ours.length} console lines from our code: ${ours.map((l) => l.text).join(" | ")}`);
      const detail = ours[0] ? ours[0].text.replace(/^send-route-finder: could not start:\s*/, "") : "";
      if (detail.length < 12) p.push(`the console line says too little: "${ours[0] && ours[0].text}"`);
      if (panics.length) p.push(`panics or uncaught errors: ${panics.map((l) => l.text).join(" | ")}`);
      if (p.length) failures.push(`${c.name}: ${p.join("; ")}`);
      messages.add(detail.slice(0, 60));
      page.removeAllListeners("console");
      page.removeAllListeners("pageerror");
    }
  });
  const sample = [...messages].slice(0, 4).map((m) => `"${m}…"`).join(", ");
  t.record(
    failures.length === 0,
    "bad files: a bad ruleset gives the error state (role=alert) and the fallback, a bad overlay the national routes with a one-line notice; one console line from our code, no panic; the host page works",
    `${badCases.length} files tried (${badCases.length - EXTRA.length} from tests/broken, ${EXTRA.length} more; ${overlaysWithout} overlays run without), ${failures.length} failed; messages such as ${sample}`,
    failures.map((f) => "    " + f).join("\n"),
  );
}

/** The corpus files only a walk of every path finds (too slow for a phone at start): the
 *  widget starts, and a family meets each problem, if at all, as an accessible message. Each
 *  file's journey to it, what shows it and its words. */
const WALK_CASES = {
  "rules-flow-dead-end.json": [[["role", "parent"], ["age", "under_16"], ["ehcp", "no"], ["about", "health"]], ".srf-error-summary", /cannot go on from here/],
  "rules-flow-no-route.json": [[["role", "young_person"], ["age", "under_16"], ["ehcp", "in_progress"], ["about", "exclusion"], ["exclusion_type", "permanent"], ["setting", "none"]], '.srf-results [role="alert"]', /found no route/],
  "rules-flow-no-answers-reach.json": [[["role", "parent"], ["age", "under_16"], ["ehcp", "no"], ["about", "health"]], "article.srf-route", /./],
};

async function checkWalkOnly() {
  const lines = [];
  const p = problems();
  p.expect(WALK_ONLY.length > 0, "the manifest marks no file \"walk\"");
  for (const file of WALK_ONLY) {
    if (!WALK_CASES[file]) {
      p.expect(false, `${file} is marked "walk" in the manifest but has no case here`);
      continue;
    }
    const [steps, css, words] = WALK_CASES[file];
    await withPage(async (page) => {
      const errs = consoleOf(page);
      await page.goto(`${BASE}/walk-${file}.html`, { waitUntil: "load" });
      await waitReady(page);
      await inWidget(page, ".srf-button--start").click();
      for (const [q, v] of steps) {
        await waitScreen(page, q);
        await fill(page, q, v);
        await inWidget(page, 'form button[type="submit"]').click();
      }
      const shown = inWidget(page, css).first();
      await shown.waitFor({ timeout: 10000 });
      const text = (await shown.innerText()).trim().replace(/\s+/g, " ");
      p.expect(words.test(text), `${file}: "${text.slice(0, 80)}"`);
      p.expect(!errs.some((l) => l.type === "pageerror" || /internal error/.test(l.text)), `${file}: ${errs.map((l) => l.text).join(" | ")}`);
      lines.push(`${file}: "${text.slice(0, 60)}"`);
    });
  }
  t.record(p.ok, `the ${WALK_ONLY.length} problems only a walk of every path finds: met as an accessible message where a family would`, lines.join("; "), p.text());
}

/** The two interface-text files the widget uses without the text check refuses: it starts as
 *  usual (an overlay's local contacts shown), and a journey to a last day shows the national
 *  words, never the overlay's. */
async function checkLeftOut() {
  const journey = [["role", "parent"], ["age", "under_16"], ["ehcp", "in_progress"], ["about", "la_decision"], ["decision", "refuse_plan"], ["decision_date", { day: 14, month: 10, year: 2026 }], ["certificate", "no"]];
  const lines = [];
  const p = problems();
  // The words that must never show, for a file that overrides a national text.
  const NEVER = { "overlay-interface-text-national.json": /Before \w+day \d+/ };
  p.expect(LEFT_OUT.length > 0, "the manifest marks no file \"leaves-out\"");
  for (const [file, kind] of LEFT_OUT) {
    const never = NEVER[file];
    if (kind === "overlay" && !never) p.expect(false, `${file}: an overlay marked "leaves-out" needs the words that must never show`);
    await withPage(async (page) => {
      const errs = consoleOf(page);
      await page.goto(`${BASE}/left-out-${file}.html`, { waitUntil: "load" });
      await waitReady(page);
      p.expect((await inWidget(page, ".srf-load-error").count()) === 0, `${file}: it shows "could not start"`);
      p.expect((await inWidget(page, ".srf-no-local").count()) === 0, `${file}: local contacts left out`);
      await inWidget(page, ".srf-button--start").click();
      for (const [q, v] of journey) {
        await waitScreen(page, q);
        await fill(page, q, v);
        await inWidget(page, 'form button[type="submit"]').click();
      }
      const results = inWidget(page, ".srf-results").first();
      await results.waitFor({ timeout: 10000 });
      const text = await results.innerText();
      p.expect(/By \w+day \d+ \w+ \d{4}/.test(text), `${file}: no "By <day>" in the results`);
      if (never) p.expect(!never.test(text), `${file}: the overlay's national text shows: ${(text.match(never) || [""])[0]}`);
      if (kind === "overlay") p.expect(text.includes("Testshire"), `${file}: the council's contacts are not in the results`);
      p.expect(!errs.some((l) => l.type === "pageerror" || /internal error/.test(l.text)), `${file}: ${errs.map((l) => l.text).join(" | ")}`);
      lines.push(`${file}: started, results with the national "By …"`);
    });
  }
  t.record(p.ok, "interface texts check refuses and the widget leaves out: an unknown key, an overlay's national text; the widget starts and shows the national words", lines.join("; "), p.text());
}

// b ---------------------------------------------------------------------------------------------

/** Every text node and attribute of the widget, and links that are not https/mailto/tel. */
function widgetState(page) {
  return page.evaluate(() => {
    const host = document.querySelector("send-route-finder");
    const root = host.shadowRoot;
    const links = [...root.querySelectorAll("[href]")].map((a) => a.getAttribute("href"));
    // The widget's own links within the results ("In short" to a route) start with #srf-.
    const badLinks = links.filter((h) => !/^(https:\/\/|mailto:|tel:|#srf-)/.test(h));
    const styled = root.querySelectorAll("[style]").length;
    const elements = [...root.querySelectorAll("*")].map((e) => e.tagName.toLowerCase());
    // Elements the widget never makes (it does make form and details: a payload's own would
    // bring an event handler or a javascript: value, caught below).
    const foreign = elements.filter((n) => ["script", "iframe", "object", "embed", "img", "style", "link", "meta", "base", "video", "audio", "marquee", "math", "noscript"].includes(n));
    const handlers = [...root.querySelectorAll("*")].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name) || /^\s*(javascript|data|vbscript):/i.test(a.value)).map((a) => `${e.tagName.toLowerCase()}[${a.name}]`),
    );
    return { text: root.textContent, badLinks, styled, foreign: [...new Set([...foreign, ...handlers])], links: links.length };
  });
}

async function checkHostileText() {
  await withPage(async (page) => {
    const lines = consoleOf(page);
    await page.goto(`${BASE}/hostile.html`, { waitUntil: "load" });
    await waitReady(page);
    const p = problems();
    const start = await widgetState(page);
    const missing = PAYLOADS.filter((x) => !start.text.includes(x));
    // Through two journeys to results, collecting every screen's state.
    const states = [start];
    await inWidget(page, ".srf-button--start").click();
    const steps = JOURNEYS.decision;
    for (let i = 0; i < steps.length; i++) {
      await waitScreen(page, steps[i][0]);
      states.push(await widgetState(page));
      await step(page, steps[i][0], steps[i][1], i + 1 < steps.length ? steps[i + 1][0] : "results");
    }
    await page.locator("send-route-finder").locator("details summary").first().click().catch(() => {});
    states.push(await widgetState(page));
    const routes = (await routeIds(page)).length;
    // Hover and focus everything, to give event-handler payloads every chance.
    const focusable = await page.locator("send-route-finder").locator("a, button, input, summary").all();
    for (const el of focusable.slice(0, 40)) {
      await el.hover().catch(() => {});
      await el.focus().catch(() => {});
    }
    await page.waitForTimeout(300);
    const calls = await page.evaluate(() => window.__pwnedCalls);
    const ran = calls.filter((n) => n !== 0);
    p.expect(calls.includes(0), "the control payload outside the widget did not run: the recorder does not work");
    const badLinks = [...new Set(states.flatMap((s) => s.badLinks))];
    const foreign = [...new Set(states.flatMap((s) => s.foreign))];
    const styled = states.reduce((a, s) => a + s.styled, 0);
    const shownOnResults = PAYLOADS.filter((x) => states.at(-1).text.includes(x)).length;
    p.expect(ran.length === 0, `payloads ran: ${ran.join(", ")}`);
    p.expect(missing.length === 0, `payloads not shown as text on the start screen: ${missing.join(" | ")}`);
    p.expect(badLinks.length === 0, `links other than https/mailto/tel and the widget's own #srf- links: ${badLinks.join(" | ")}`);
    p.expect(foreign.length === 0, `elements from payloads in the widget: ${foreign.join(", ")}`);
    p.expect(styled === 0, `${styled} elements with a style attribute`);
    p.expect(routes > 0, "the journey did not reach the results");
    p.expect(!lines.some((l) => l.type === "pageerror" || /internal error/.test(l.text)), `errors: ${lines.map((l) => l.text).join(" | ")}`);
    t.record(
      p.ok,
      "hostile text: none of the payloads runs; each is shown as plain text; only https, mailto and tel links",
      `${PAYLOADS.length} payloads + ${LINK_PAYLOADS.length} link payloads in ${textsPoisoned} texts of the ruleset and overlay; ${PAYLOADS.length - missing.length} of ${PAYLOADS.length} shown as text on the start screen, ${shownOnResults} on the results (${routes} routes), ${states.length} screens, ${ran.length} ran`,
      p.text(),
    );
  });
  for (const [path, expectWorking] of [["/hostile-attributes.html", false], ["/hostile-level.html", true]]) {
    await withPage(async (page) => {
      const lines = consoleOf(page);
      await page.goto(`${BASE}${path}`, { waitUntil: "load" });
      const p = problems();
      if (expectWorking) {
        await waitReady(page);
        const level = await page.evaluate(() => document.querySelector("send-route-finder").shadowRoot.querySelector(".srf-heading-l").tagName);
        p.expect(level === "H2", `a heading-level of HTML should give the default h2, gave ${level}`);
      } else {
        await inWidget(page, '[role="alert"]').waitFor({ state: "visible" });
      }
      await page.waitForTimeout(300);
      const ran = await page.evaluate(() => window.__pwnedCalls);
      p.expect(ran.length === 0, `payloads ran: ${ran.join(", ")}`);
      p.expect(!lines.some((l) => l.type === "pageerror" || /internal error/.test(l.text)), `errors: ${lines.map((l) => l.text).join(" | ")}`);
      t.record(p.ok, `hostile attributes (${path}): nothing runs; ${expectWorking ? "the widget works with the default heading level" : "the error state shows"}`, `${ran.length} ran`, p.text());
    });
  }
}

// c ---------------------------------------------------------------------------------------------

async function checkCsp() {
  await withPage(async (page) => {
    page.context().setDefaultTimeout(15000);
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }), true);
    });
    const lines = consoleOf(page);
    await page.goto(`${cspServer.url}csp.html`, { waitUntil: "load" });
    await waitReady(page);
    await inWidget(page, ".srf-button--start").click();
    const steps = JOURNEYS.decision;
    for (let i = 0; i < steps.length; i++) await step(page, steps[i][0], steps[i][1], i + 1 < steps.length ? steps[i + 1][0] : "results");
    const routes = (await routeIds(page)).length;
    // The downloads are made in the page (blob: addresses): they must work under the policy.
    const [summary] = await Promise.all([page.waitForEvent("download"), inWidget(page, ".srf-save").click()]);
    const [calendar] = await Promise.all([page.waitForEvent("download"), inWidget(page, ".srf-calendar").first().click()]);
    const downloads = [summary.suggestedFilename(), calendar.suggestedFilename()];
    const violations = await page.evaluate(() => window.__csp);
    const inlineRan = await page.evaluate(() => window.__inlineRan === true);
    const ours = violations.filter((v) => !(v.directive === "script-src-elem" && v.blocked === "inline"));
    const inlineBlocked = violations.filter((v) => v.directive === "script-src-elem" && v.blocked === "inline").length;
    const styled = await page.evaluate(() => document.querySelector("send-route-finder").shadowRoot.querySelectorAll("[style]").length);
    const p = problems();
    p.expect(routes > 0, "the journey did not reach the results");
    p.expect(downloads.every((f) => /\.(html|ics)$/.test(f)), `downloads: ${downloads.join(", ")}`);
    p.expect(!inlineRan && inlineBlocked === 1, `the test page's inline script should be blocked and reported once (ran: ${inlineRan}, reported: ${inlineBlocked})`);
    p.expect(ours.length === 0, `violations by the widget: ${JSON.stringify(ours)}`);
    p.expect(styled === 0, `${styled} style attributes in the widget`);
    p.expect(!lines.some((l) => l.type === "pageerror"), `errors: ${lines.map((l) => l.text).join(" | ")}`);
    t.record(
      p.ok,
      `strict CSP (${CSP}): the widget runs with 0 violations; the page's own inline script is blocked`,
      `${routes} routes; downloads ${downloads.join(", ")}; ${ours.length} violations by the widget; inline script blocked and reported: ${inlineBlocked}; ${styled} style attributes`,
      p.text(),
    );
  });
}

// d ---------------------------------------------------------------------------------------------

async function checkPrivacy() {
  await withPage(async (page, context) => {
    await page.addInitScript(() => {
      const writes = (window.__writes = []);
      const wrap = (obj, name, label) => {
        const original = obj[name];
        obj[name] = function (...args) {
          writes.push(`${label}(${String(args[0]).slice(0, 40)})`);
          return original.apply(this, args);
        };
      };
      wrap(Storage.prototype, "setItem", "storage.setItem");
      wrap(IDBFactory.prototype, "open", "indexedDB.open");
      if (window.caches) wrap(CacheStorage.prototype, "open", "caches.open");
      wrap(Navigator.prototype, "sendBeacon", "sendBeacon");
      if (navigator.serviceWorker) wrap(ServiceWorkerContainer.prototype, "register", "serviceWorker.register");
      const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
      Object.defineProperty(Document.prototype, "cookie", {
        get() {
          return cookie.get.call(this);
        },
        set(v) {
          writes.push(`document.cookie=${String(v).slice(0, 40)}`);
          return cookie.set.call(this, v);
        },
      });
    });
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${BASE}/plain.html`, { waitUntil: "load" });
    await waitReady(page);
    const href = await page.evaluate(() => location.href);
    await inWidget(page, ".srf-button--start").click();
    const steps = JOURNEYS.decision;
    for (let i = 0; i < steps.length; i++) await step(page, steps[i][0], steps[i][1], i + 1 < steps.length ? steps[i + 1][0] : "results");
    // Back, change an answer, start again: a whole visit.
    await inWidget(page, ".srf-start-again").click();
    await waitScreen(page, "start");
    await page.waitForTimeout(300);
    const state = await page.evaluate(async () => ({
      writes: window.__writes,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
      cookie: document.cookie,
      href: location.href,
      history: history.length,
    }));
    const cookies = await context.cookies();
    // The page, its own script, and the widget's files; a site icon is the browser's request.
    const allowed = new Set(["/favicon.ico", "/plain.html", "/host.js", "/send-route-finder.js", "/send_route_finder.js", "/send_route_finder_bg.wasm", "/send-route-finder.css", "/rules.json", "/councils/luton.json"]);
    // No query string but the content hash the build puts on the glue and the wasm.
    const unexpected = requests.filter((u) => !u.startsWith(BASE) || !allowed.has(new URL(u).pathname) || !/^(|\?v=[0-9a-f]{12})$/.test(new URL(u).search));
    const answerValues = steps.flatMap(([, v]) => (typeof v === "string" ? [v] : Array.isArray(v) ? v : v && v.year ? [`${v.year}-`, `${v.day}/${v.month}`] : []));
    const leaks = requests.filter((u) => answerValues.some((a) => decodeURIComponent(u).includes(a)));
    const p = problems();
    p.expect(unexpected.length === 0, `unexpected requests: ${unexpected.join(" ")}`);
    p.expect(leaks.length === 0, `answers in URLs: ${leaks.join(" ")}`);
    p.expect(state.writes.length === 0, `storage writes: ${state.writes.join(", ")}`);
    p.expect(state.local + state.session + state.idb === 0 && state.cookie === "" && cookies.length === 0, `stored: ${JSON.stringify({ ...state, cookies })}`);
    p.expect(state.href === href, `the address changed: ${state.href}`);
    t.record(
      p.ok,
      "privacy: over a whole visit only the widget's files, the ruleset and the overlay are fetched; nothing stored; no answers in URLs",
      `${requests.length} requests (${[...new Set(requests.map((u) => new URL(u).pathname))].join(", ")}), ${unexpected.length} unexpected; ${state.writes.length} storage writes; ${cookies.length} cookies; localStorage ${state.local}, sessionStorage ${state.session}, IndexedDB ${state.idb}; address unchanged: ${state.href === href}`,
      p.text(),
    );
  });
}

// e ---------------------------------------------------------------------------------------------

/** The in-page driver: random journeys in widget 0 (Start, answers, Back, Change, Start again). */
const DRIVER = `(() => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const root = () => document.querySelectorAll("send-route-finder")[0].shadowRoot;
  async function settle() { for (let i = 0; i < 3; i++) await tick(); }
  async function answerAndContinue(r) {
    const radios = [...r.querySelectorAll('input[type="radio"]')];
    const boxes = [...r.querySelectorAll('input[type="checkbox"]')];
    const day = r.querySelector('input[id$="-day"]');
    if (radios.length) pick(radios).click();
    else if (day) {
      const unknown = r.querySelector('input[id$="-unknown"]');
      if (unknown && random() < 0.2) unknown.click();
      else {
        const ago = new Date(Date.now() - Math.floor(random() * 400) * 86400000);
        const set = (el, v) => { el.value = v; el.dispatchEvent(new Event("input", { bubbles: true, composed: true })); };
        set(day, String(ago.getDate()));
        set(r.querySelector('input[id$="-month"]'), String(ago.getMonth() + 1));
        set(r.querySelector('input[id$="-year"]'), String(ago.getFullYear()));
      }
    } else if (boxes.length) {
      const plain = boxes.filter((b) => !b.closest(".srf-checkboxes__item--exclusive"));
      (plain.length && random() < 0.8 ? plain : boxes).filter(() => random() < 0.5).forEach((b) => b.click());
      if (!boxes.some((b) => b.checked)) boxes[0].click();
    }
    r.querySelector('form button[type="submit"]').click();
    await settle();
  }
  window.__journeys = async (count) => {
    let steps = 0, backs = 0, changes = 0, results = 0;
    for (let j = 0; j < count; j++) {
      let r = root();
      const start = r.querySelector(".srf-button--start");
      if (start) { start.click(); await settle(); }
      for (let guard = 0; guard < 60; guard++) {
        r = root();
        if (r.querySelector(".srf-results")) {
          results++;
          const change = [...r.querySelectorAll(".srf-summary-list button, .srf-summary-list a")];
          if (change.length && random() < 0.2) { pick(change).click(); changes++; await settle(); continue; }
          r.querySelector(".srf-start-again").click();
          await settle();
          break;
        }
        if (random() < 0.1 && r.querySelector(".srf-back-link")) { r.querySelector(".srf-back-link").click(); backs++; await settle(); continue; }
        if (!r.querySelector("form")) break;
        await answerAndContinue(r);
        steps++;
      }
    }
    return { steps, backs, changes, results };
  };
  window.__wasmBytes = () => (window.__memories || []).reduce((a, m) => a + m.buffer.byteLength, 0);
})();`;

const MEMORY_HOOK = `(() => {
  window.__memories = [];
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result.instance;
        for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) window.__memories.push(v);
        return result;
      });
    };
  }
})();`;

async function checkThousandJourneys() {
  await withPage(async (page) => {
    await page.addInitScript(MEMORY_HOOK);
    const lines = consoleOf(page);
    await page.goto(`${BASE}/two.html`, { waitUntil: "load" });
    await waitReady(page, 0);
    await waitReady(page, 1);
    // The second widget: two questions in, its own answers.
    await inWidget(page, ".srf-button--start", 1).click();
    await step(page, "role", "young_person", "age", 1);
    await step(page, "age", "18_to_25", "ehcp", 1);
    const secondBefore = await page.evaluate(() => document.querySelectorAll("send-route-finder")[1].shadowRoot.innerHTML);
    await page.evaluate(DRIVER);
    const cdp = await page.context().newCDPSession(page);
    const measure = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
      const wasm = await page.evaluate(() => window.__wasmBytes());
      return { heap, wasm, total: heap + wasm };
    };
    const t0 = Date.now();
    const first = await page.evaluate(() => window.__journeys(100));
    const at100 = await measure();
    const totals = { ...first };
    for (let done = 100; done < 1000; done += 100) {
      const more = await page.evaluate(() => window.__journeys(100));
      for (const k of Object.keys(totals)) totals[k] += more[k];
    }
    const at1000 = await measure();
    const seconds = ((Date.now() - t0) / 1000).toFixed(0);
    const secondAfter = await page.evaluate(() => document.querySelectorAll("send-route-finder")[1].shadowRoot.innerHTML);
    // The second widget goes on from where it was, with its own answers.
    await step(page, "ehcp", "yes", "about", 1);
    const ratio = at1000.total / at100.total;
    const mib = (b) => (b / 1048576).toFixed(2);
    const p = problems();
    p.expect(totals.results >= 1000, `only ${totals.results} results pages reached`);
    p.expect(ratio <= 1.1, `memory grew ${ratio.toFixed(3)} times from journey 100 to 1,000`);
    p.expect(secondBefore === secondAfter, "the second widget changed while the first was used");
    p.expect(!lines.some((l) => l.type === "pageerror" || /internal error|send-route-finder/.test(l.text)), `errors: ${lines.map((l) => l.text).join(" | ")}`);
    t.record(
      p.ok,
      "1,000 random journeys in one page: memory stays flat; the other widget is untouched",
      `${totals.results} results, ${totals.steps} answers, ${totals.backs} Back, ${totals.changes} Change in ${seconds} s; JS heap ${mib(at100.heap)} → ${mib(at1000.heap)} MiB, wasm ${mib(at100.wasm)} → ${mib(at1000.wasm)} MiB, total ×${ratio.toFixed(3)} (limit 1.1)`,
      p.text(),
    );
  });
}

/** Widgets taken off the page are stopped: replacing the widget 60 times (as the demo page's
 *  council switch does) leaves memory where it was after 10. */
async function checkRemoval() {
  await withPage(async (page) => {
    await page.addInitScript(MEMORY_HOOK);
    const lines = consoleOf(page);
    await page.goto(`${BASE}/plain.html`, { waitUntil: "load" });
    await waitReady(page);
    const cdp = await page.context().newCDPSession(page);
    const replace = (times) =>
      page.evaluate(async (times) => {
        for (let i = 0; i < times; i++) {
          const old = document.querySelector("send-route-finder");
          const fresh = document.createElement("send-route-finder");
          for (const a of ["rules", "council", "heading-level"]) fresh.setAttribute(a, old.getAttribute(a));
          fresh.innerHTML = old.innerHTML;
          old.replaceWith(fresh);
          for (let w = 0; w < 200 && !fresh.hasAttribute("data-srf-ready"); w++) await new Promise((r) => setTimeout(r, 10));
          fresh.shadowRoot.querySelector(".srf-button--start").click();
          await new Promise((r) => setTimeout(r, 0));
        }
      }, times);
    const measure = async () => {
      await new Promise((r) => setTimeout(r, 50));
      await cdp.send("HeapProfiler.collectGarbage");
      return (await cdp.send("Runtime.getHeapUsage")).usedSize + (await page.evaluate(() => window.__wasmBytes()));
    };
    await page.evaluate(DRIVER);
    await replace(10);
    const at10 = await measure();
    await replace(50);
    const at60 = await measure();
    const ratio = at60 / at10;
    const p = problems();
    p.expect(ratio <= 1.1, `memory grew ${ratio.toFixed(3)} times from 10 to 60 replaced widgets`);
    p.expect(!lines.some((l) => l.type === "pageerror" || /internal error/.test(l.text)), `errors: ${lines.map((l) => l.text).join(" | ")}`);
    t.record(p.ok, "widgets taken off the page are stopped: 60 replaced widgets, memory flat", `${(at10 / 1048576).toFixed(2)} → ${(at60 / 1048576).toFixed(2)} MiB (×${ratio.toFixed(3)})`, p.text());
  });
}

try {
  await check("bad files", 300, checkBadFiles);
  await check("walk-only files", 90, checkWalkOnly);
  await check("interface texts left out", 90, checkLeftOut);
  await check("hostile text", 120, checkHostileText);
  await check("strict CSP", 60, checkCsp);
  await check("privacy", 60, checkPrivacy);
  await check("1,000 journeys", 600, checkThousandJourneys);
  await check("widgets taken off the page", 120, checkRemoval);
} finally {
  await browser.close().catch(() => {});
  await server.close();
  await cspServer.close();
}
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`safety: ${t.passed} passed, ${t.failed} failed`);
process.exit(t.failed === 0 ? 0 : 1);

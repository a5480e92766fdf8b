// Read-aloud and reader modes (issue 12), in Debian's headless Chromium driven by playwright-core.
// Phones' read-aloud ("Listen to this page", "Listen to Page") and reader modes (Firefox's
// Reader View is Mozilla's Readability) read the page's own DOM and skip shadow roots. The
// loader copies the screen's text into the page's DOM (mirrorForReaders in
// www/send-route-finder.js), out of sight and inert. This suite checks that copy as those tools
// and as screen readers meet it.
//
// Every public scenario is walked through the widget. On every screen (the start screen, each
// question, with its error shown when Continue is pressed with no answer, and the results):
//   - Readability 0.6.0 (npm, pinned), run on a copy of the page, and document.body.innerText
//     both hold the screen's heading, hints, choices and errors; on the results, each route's
//     title and last day;
//   - what a screen reader hears (Chromium's accessibility tree, from the DevTools protocol) is
//     the same with and without the copy, so nothing is heard twice because of it; and within
//     the widget no line is heard more often than the screen shows it.
// And on a hostile page (a host `* { all: unset }`, a 40 px root font): the copy stays out of
// sight and innerText still holds the screen; the demo page's own prose around the widget does
// not keep Readability from the widget's text.
//
//   node tests/web/reader.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "reader: N passed, M failed".

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inWidget, problems, publicScenarios, scenarioPage, suite, waitReady, walkScenario } from "./lib.mjs";

const require = createRequire(import.meta.url);
const READABILITY = readFileSync(require.resolve("@mozilla/readability/Readability.js"), "utf8");
const READABILITY_VERSION = JSON.parse(readFileSync(require.resolve("@mozilla/readability/package.json"), "utf8")).version;

const scenarios = publicScenarios().filter((s) => !s.expect.invalid);
const councils = [...new Set(scenarios.map((s) => s.council || ""))];
const HOSTILE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<style>* { all: unset; } html { font-size: 40px; } p, div, main { display: block; }</style></head>
<body><main><h1>SEND support</h1><p>Our page about disagreements.</p>
<send-route-finder rules="rules.json" council="councils/luton.json" heading-level="2"><p>Find help on GOV.UK.</p></send-route-finder>
</main><script type="module" src="send-route-finder.js"></script></body></html>`;
const { server, t, withPage, check, finish } = await suite("reader", {
  routes: {
    ...Object.fromEntries(councils.map((c) => [`/scenario-${c || "national"}.html`, scenarioPage(c)])),
    "/hostile-reader.html": HOSTILE,
  },
});
const pageOf = (s) => `${server.url}scenario-${s.council || "national"}.html`;
const norm = (s) => s.replace(/\s+/g, " ").trim();

/** What the screen shows that a reader must find: its heading, hints, choices and errors; on
 *  the results, each route's title and last day. Text for screen readers only is left out, as
 *  a reader of the screen does not see it. */
function shown(page) {
  return page.evaluate(() => {
    const root = document.querySelector("send-route-finder").shadowRoot;
    const text = (el) => {
      const copy = el.cloneNode(true);
      for (const hidden of copy.querySelectorAll(".srf-visually-hidden")) hidden.remove();
      return copy.textContent.replace(/\s+/g, " ").trim();
    };
    const all = (css) => [...root.querySelectorAll(css)].map(text).filter(Boolean);
    if (root.querySelector(".srf-results")) {
      return { heading: all(".srf-heading-l"), "route title": all(".srf-route__title"), "last day": all(".srf-deadline__date") };
    }
    return {
      heading: all(".srf-heading-l"),
      hint: all(".srf-hint"),
      choice: all(".srf-choice__label"),
      error: all(".srf-error-message, .srf-error-summary li"),
    };
  });
}

/** What Readability finds (its article's text) and what document.body.innerText holds. */
function read(page) {
  return page.evaluate((source) => {
    const Readability = new Function(`${source}; return Readability;`)();
    const article = new Readability(document.cloneNode(true)).parse();
    return { readability: article ? article.textContent : "", innerText: document.body.innerText };
  }, READABILITY);
}

/** The lines a screen reader hears, from Chromium's accessibility tree: every text node's
 *  line on the page, and those within the widget. */
async function heard(page, cdp) {
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "send-route-finder" });
  const { node } = await cdp.send("DOM.describeNode", { nodeId });
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const line = (n) => (!n.ignored && n.role?.value === "StaticText" ? norm(n.name?.value || "") : "");
  const page_ = nodes.map(line).filter(Boolean);
  const widget = [];
  const host = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
  const visit = (n) => {
    if (!n) return;
    const l = line(n);
    if (l) widget.push(l);
    for (const id of n.childIds || []) visit(byId.get(id));
  };
  visit(host);
  return { page: page_, widget };
}

/** How often each line of text shows in the widget's shadow root, text boxes' values
 *  included (text for screen readers only too: a screen reader hears it once). */
function textCounts(page) {
  return page.evaluate(() => {
    const counts = {};
    const root = document.querySelector("send-route-finder").shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const line = n.data.replace(/\s+/g, " ").trim();
      if (line && !n.parentElement.closest("style, [hidden]")) counts[line] = (counts[line] || 0) + 1;
    }
    // A text box's value is heard as its text (the link to come back to the results).
    for (const box of root.querySelectorAll("input[type='text'], input[type='url'], input:not([type])")) {
      const line = box.value.replace(/\s+/g, " ").trim();
      if (line) counts[line] = (counts[line] || 0) + 1;
    }
    return counts;
  });
}

/** Wait until the reader copy has caught up with the screen (it follows once the screen has
 *  been painted): until it holds every text the screen shows that a reader must find (after
 *  5 s, the checks say what is missing). */
function copyCaughtUp(page, want) {
  const texts = Object.values(want).flat();
  return page
    .waitForFunction(
      (texts) => {
        const copy = document.querySelector("send-route-finder > .srf-reader");
        const text = copy ? copy.textContent.replace(/\s+/g, " ") : "";
        return texts.every((t) => text.includes(t));
      },
      texts,
      { timeout: 5000, polling: 20 },
    )
    .catch(() => {});
}

/** One screen: the texts found by Readability and innerText, and what a screen reader hears. */
async function checkScreen(page, cdp, where, tallies, p) {
  const want = await shown(page);
  await copyCaughtUp(page, want);
  const got = await read(page);
  const readability = norm(got.readability);
  const inner = norm(got.innerText);
  for (const [part, texts] of Object.entries(want)) {
    for (const text of texts) {
      tallies.texts++;
      if (!readability.includes(text)) p.expect(false, `${where}: Readability misses the ${part} "${text.slice(0, 60)}"`);
      if (!inner.includes(text)) p.expect(false, `${where}: innerText misses the ${part} "${text.slice(0, 60)}"`);
    }
  }
  // The copy adds nothing to the accessibility tree: take it out, listen again, put it back.
  const withCopy = await heard(page, cdp);
  await page.evaluate(() => {
    const host = document.querySelector("send-route-finder");
    window.__srfCopy = host.querySelector(":scope > .srf-reader");
    window.__srfCopy.remove();
  });
  const without = await heard(page, cdp);
  await page.evaluate(() => document.querySelector("send-route-finder").append(window.__srfCopy));
  p.expect(JSON.stringify(withCopy.page) === JSON.stringify(without.page), `${where}: the accessibility tree changes with the reader copy (${withCopy.page.length} lines with it, ${without.page.length} without)`);
  const counts = await textCounts(page);
  const times = {};
  for (const line of withCopy.widget) times[line] = (times[line] || 0) + 1;
  for (const [line, n] of Object.entries(times)) {
    if (n > (counts[line] || 0)) p.expect(false, `${where}: a screen reader hears "${line.slice(0, 50)}" ${n} times; the screen shows it ${counts[line] || 0}`);
  }
  tallies.screens++;
}

async function checkScenarios() {
  const tallies = { screens: 0, texts: 0, errors: 0 };
  const p = problems();
  for (const scenario of scenarios) {
    await withPage({ viewport: { width: 390, height: 844 } }, async (page, errors) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Accessibility.enable");
      await page.goto(pageOf(scenario));
      await waitReady(page);
      await walkScenario(page, scenario, {
        each: async (screen) => {
          if (screen !== "start" && screen !== "results") {
            // Continue with no answer: the error, as a family sees it, must be read too.
            await inWidget(page, 'button[type="submit"]').click();
            const error = await inWidget(page, ".srf-error-summary").waitFor({ timeout: 3000 }).then(() => true, () => false);
            if (error) {
              tallies.errors++;
              await checkScreen(page, cdp, `${scenario.id}, ${screen} with its error`, tallies, p);
            }
          }
          await checkScreen(page, cdp, `${scenario.id}, ${screen}`, tallies, p);
        },
      });
      p.expect(errors.length === 0, `${scenario.id}: script errors: ${errors.join("; ")}`);
    });
  }
  t.record(
    p.ok,
    `Readability ${READABILITY_VERSION} and innerText read every screen; the copy adds nothing a screen reader hears`,
    `${scenarios.length} journeys, ${tallies.screens} screens (${tallies.errors} with an error), ${tallies.texts} texts looked for`,
    p.text(),
  );
}

async function checkHostile() {
  await withPage({}, async (page, errors) => {
    const p = problems();
    await page.goto(`${server.url}hostile-reader.html`);
    await waitReady(page);
    await inWidget(page, ".srf-button--start").click();
    await inWidget(page, "form input").first().waitFor();
    await copyCaughtUp(page, await shown(page));
    const copy = await page.evaluate(() => {
      const el = document.querySelector("send-route-finder > .srf-reader");
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return { width: box.width, height: box.height, position: style.position, clipPath: style.clipPath, inert: el.inert, inner: document.body.innerText };
    });
    const heading = (await shown(page)).heading[0];
    p.expect(copy.width <= 1 && copy.height <= 1 && copy.position === "absolute" && copy.clipPath !== "none", `the copy shows: ${JSON.stringify(copy).slice(0, 200)}`);
    p.expect(copy.inert, "the copy is not inert");
    p.expect(norm(copy.inner).includes(heading), `innerText misses the heading "${heading}"`);
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, "hostile page: the reader copy stays out of sight and innerText holds the screen", `${copy.width}×${copy.height} px, ${copy.position}`, p.text());
  });
}

async function checkDemoPage() {
  await withPage({}, async (page, errors) => {
    const p = problems();
    await page.goto(`${server.url}index.html`);
    await waitReady(page);
    await copyCaughtUp(page, await shown(page));
    const before = norm((await read(page)).readability);
    for (const text of (await shown(page)).heading) p.expect(before.includes(text), `start screen: Readability misses "${text}"`);
    await inWidget(page, ".srf-button--start").click();
    await inWidget(page, "form input").first().waitFor();
    const want = await shown(page);
    await copyCaughtUp(page, want);
    const got = norm((await read(page)).readability);
    for (const text of [...want.heading, ...want.choice]) p.expect(got.includes(text), `first question: Readability misses "${text}"`);
    // The fallback's texts are out of sight once the widget runs: a reader does not read the
    // start screen's words again under the question.
    const fallback = "If this tool does not load";
    p.expect(!got.includes(fallback), "first question: Readability still reads the fallback content");
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, "demo page: Readability reads the widget's screen among the page's own prose, not the fallback", `${got.length} characters`, p.text());
  });
}

await finish(async () => {
  await check("scenarios", 1500, checkScenarios);
  await check("hostile", 60, checkHostile);
  await check("demo", 60, checkDemoPage);
});

// Page translation, simulated as browsers do it (issue 12), in Debian's headless Chromium driven
// by playwright-core. Chrome's translation (which reaches into open shadow roots) swaps each
// text node for <font><font>translation</font></font>; it leaves alone anything marked
// translate="no". A widget that then patches its old text nodes changes nodes no longer in the
// page, and the family reads an old question over new answers.
//
// Every public scenario is walked twice through the widget: once as it is, and once with every
// new text node replaced after each screen appears by <font><font>"[pl] " + its text</font></font>.
// Then, screen by screen:
//   - the heading, the hint and each choice's label and hint are the screen's own (the marks
//     taken out, the same words as in the walk untranslated);
//   - the results show the same routes with the same titles and last days;
//   - no script error, no "could not start" state;
//   - every phone, email and web link and every address on the results carries translate="no".
// And one journey with an error, Back and Change, translated as it goes: each screen's heading
// is its own question's.
//
//   node tests/web/translate.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "translate: N passed, M failed".

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inWidget, problems, publicScenarios, scenarioPage, suite, waitReady, walkScenario } from "./lib.mjs";


const scenarios = publicScenarios().filter((s) => !s.expect.invalid);
const councils = [...new Set(scenarios.map((s) => s.council || ""))];
const routes = Object.fromEntries(councils.map((c) => [`/scenario-${c || "national"}.html`, scenarioPage(c)]));
const { dist, server, t, withPage, check, finish } = await suite("translate", { routes });
const pageOf = (s) => `${server.url}scenario-${s.council || "national"}.html`;
const MARK = "[pl] ";

/** Translate the widget as a browser does: each text node not yet translated, outside
 *  translate="no", becomes <font><font>MARK + text</font></font>. Returns how many. */
function translate(page) {
  return page.evaluate((mark) => {
    const root = document.querySelector("send-route-finder").shadowRoot;
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.nodeValue.trim()) continue;
      if (el.closest("style, script, textarea, [translate='no'], font[data-translated]")) continue;
      nodes.push(n);
    }
    for (const n of nodes) {
      const outer = document.createElement("font");
      outer.setAttribute("data-translated", "");
      const inner = document.createElement("font");
      inner.textContent = mark + n.nodeValue;
      outer.append(inner);
      n.replaceWith(outer);
    }
    return nodes.length;
  }, MARK);
}

/** What the screen shows: its heading, hint, and each choice's label and hint; on the results,
 *  each route's title and last day. Marks are taken out, runs of space made one. */
function screenText(page) {
  return page.evaluate((mark) => {
    const root = document.querySelector("send-route-finder").shadowRoot;
    const clean = (el) => (el ? el.textContent.split(mark).join("").replace(/\s+/g, " ").trim() : null);
    const all = (css) => [...root.querySelectorAll(css)].map(clean);
    return {
      heading: clean(root.querySelector(".srf-heading-l")),
      hint: clean(root.querySelector(".srf-fieldset > .srf-hint")),
      labels: all(".srf-choice__label, .srf-date-input__label"),
      hints: all(".srf-choice__hint"),
      routes: [...root.querySelectorAll("article.srf-route")].map((a) => ({
        id: a.id,
        title: clean(a.querySelector(".srf-route__title")),
        date: clean(a.querySelector(".srf-deadline__date strong")),
      })),
      failed: !!root.querySelector(".srf-failure, [role='alert'].srf-error-summary"),
    };
  }, MARK);
}

/** Contact details on the results that page translation could change: links and addresses
 *  not inside translate="no". */
function translatableContacts(page) {
  return page.evaluate(() => {
    const root = document.querySelector("send-route-finder").shadowRoot;
    const links = [...root.querySelectorAll('a[href^="tel:"], a[href^="mailto:"], a[href^="https:"]')].filter((a) => !a.closest("[translate='no']") && !a.querySelector("[translate='no']"));
    return { count: root.querySelectorAll('a[href^="tel:"], a[href^="mailto:"], a[href^="https:"]').length, open: links.map((a) => a.getAttribute("href")) };
  });
}

/** Walk a scenario; `translated` translates each screen as it appears. Returns each screen. */
async function walk(s, translated) {
  return withPage({ viewport: { width: 390, height: 844 } }, async (page, errors) => {
    await page.clock.setFixedTime(new Date(`${s.today}T12:00:00`));
    await page.goto(pageOf(s), { waitUntil: "load" });
    await waitReady(page);
    const screens = [];
    let swapped = 0;
    await walkScenario(page, s, {
      each: async (screen) => {
        if (translated) swapped += await translate(page);
        screens.push({ screen, ...(await screenText(page)) });
      },
    });
    const contacts = await translatableContacts(page);
    return { screens, errors: [...errors], swapped, contacts };
  });
}

async function checkTranslated() {
  const p = problems();
  let screens = 0;
  let own = 0;
  let same = 0;
  let swapped = 0;
  let contactLinks = 0;
  for (const s of scenarios) {
    const plain = await walk(s, false);
    const pl = await walk(s, true);
    swapped += pl.swapped;
    p.expect(pl.swapped > 0, `${s.id}: nothing was translated: the simulation does not work`);
    p.expect(pl.errors.length === 0 && plain.errors.length === 0, `${s.id}: script errors: ${[...pl.errors, ...plain.errors].join("; ")}`);
    p.expect(pl.screens.length === plain.screens.length, `${s.id}: ${pl.screens.length} screens translated, ${plain.screens.length} not`);
    plain.screens.forEach((want, i) => {
      const got = pl.screens[i];
      if (!got) return;
      screens++;
      const mismatch = ["screen", "heading", "hint", "labels", "hints", "failed"].filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]));
      if (p.expect(mismatch.length === 0, `${s.id}, screen ${i + 1} (${want.screen}): ${mismatch.map((k) => `${k} "${JSON.stringify(got[k])}" where it should be "${JSON.stringify(want[k])}"`).join("; ")}`)) own++;
    });
    const a = plain.screens.at(-1);
    const b = pl.screens.at(-1);
    if (p.expect(a && b && a.screen === "results" && JSON.stringify(a.routes) === JSON.stringify(b.routes) && a.routes.length > 0, `${s.id}: the results differ: ${JSON.stringify(b && b.routes)} where untranslated ${JSON.stringify(a && a.routes)}`)) same++;
    contactLinks += pl.contacts.count;
    p.expect(pl.contacts.open.length === 0, `${s.id}: contact links page translation may change: ${pl.contacts.open.join(", ")}`);
  }
  t.record(
    p.ok,
    "page translation: every screen shows its own heading, hint and choices; the same results",
    `${scenarios.length} journeys, ${screens} screens walked, ${own} with their own heading, hint and choices, ${same} of ${scenarios.length} journeys with the same results; ${swapped} text nodes translated; ${contactLinks} contact links, each translate="no"`,
    p.text(),
  );
}

// Back, an error and Change, translated: each screen's heading is its own question's.
const RULES = JSON.parse(readFileSync(join(dist, "rules.json"), "utf8"));
const questionText = (id) => {
  const q = RULES.questions.find((x) => x.id === id);
  return typeof q.text === "string" ? q.text : q.text.parent;
};

async function checkMoves() {
  await withPage({}, async (page, errors) => {
    const p = problems();
    await page.goto(pageOf({}), { waitUntil: "load" });
    await waitReady(page);
    const seen = [];
    const expectOn = async (id, what) => {
      await page.waitForFunction((id) => {
        const root = document.querySelector("send-route-finder").shadowRoot;
        const input = root.querySelector("form input");
        return id === "results" ? root.querySelector(".srf-results") : input && input.name.replace(/-day$/, "") === id;
      }, id, { timeout: 10000, polling: 20 });
      await translate(page);
      const shown = await screenText(page);
      const want = id === "results" ? shown.heading : questionText(id);
      seen.push(what);
      p.expect(shown.heading === want, `${what}: the heading is "${shown.heading}", not "${want}"`);
      return shown;
    };
    const click = (css) => inWidget(page, css).first().click();
    await translate(page);
    await click(".srf-button--start");
    await expectOn("role", "role");
    await click('button[type="submit"]');
    await inWidget(page, ".srf-error-summary").waitFor();
    await translate(page);
    const error = await page.evaluate((mark) => document.querySelector("send-route-finder").shadowRoot.querySelector(".srf-error-summary").textContent.split(mark).join(""), MARK);
    p.expect(/Select who is using this tool/.test(error), `role: the error summary says "${error}"`);
    await click('label[for="srf-role-parent"]');
    await click('button[type="submit"]');
    await expectOn("age", "age, after an error on role");
    await click(".srf-back-link");
    await expectOn("role", "role again, after Back");
    await click('button[type="submit"]');
    await expectOn("age", "age");
    await click('label[for="srf-age-under_16"]');
    await click('button[type="submit"]');
    await expectOn("ehcp", "ehcp");
    await click('label[for="srf-ehcp-yes"]');
    await click('button[type="submit"]');
    await expectOn("about", "about");
    await click('label[for="srf-about-health"]');
    await click('button[type="submit"]');
    const results = await expectOn("results", "results");
    const ids = results.routes.map((r) => r.id);
    // Change the problem: health to exclusion, asked again in its own words, new results.
    await inWidget(page, ".srf-summary-list__actions .srf-link-button").nth(3).click();
    await expectOn("about", "about, after Change");
    await click('label[for="srf-about-exclusion"]');
    await click('button[type="submit"]');
    await expectOn("exclusion_type", "exclusion_type, after Change");
    await click('label[for="srf-exclusion_type-permanent"]');
    await click('button[type="submit"]');
    await expectOn("setting", "setting");
    await click('label[for="srf-setting-academy"]');
    await click('button[type="submit"]');
    const changed = await expectOn("results", "results after Change");
    p.expect(JSON.stringify(changed.routes.map((r) => r.id)) !== JSON.stringify(ids) && changed.routes.some((r) => r.id === "srf-route-exclusion_governors"), `results after Change: ${changed.routes.map((r) => r.id).join(", ")}`);
    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(p.ok, "page translation with an error, Back and Change: each screen's heading is its own", `${seen.length} screens: ${seen.join(" → ")}`, p.text());
  });
}

await finish(async () => {
  await check("translated", 1500, checkTranslated);
  await check("moves", 120, checkMoves);
});

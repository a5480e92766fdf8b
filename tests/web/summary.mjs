// The short answer first (issue 15), in a real page, in Debian's headless Chromium driven by
// playwright-core. Every public scenario (tests/scenarios/public.json and public-2.json) is
// walked through the widget as a family would, clicking and typing:
//   a. words: how many words a family reads from the start screen until every route's name and
//      last day has appeared, and to the end of the results summary ("In short"): the start
//      screen, each question screen as it first shows (hints included, a closed "Help with this
//      question" not), then the results. Prints each scenario, the median and the largest; fails
//      if the median is over WORDS_MEDIAN_MAX.
//   b. the summary: one line for every route on the page, in the page's order and groups, each
//      a link to its route, with the route's last day in words wherever the route has one, and
//      the scenario's expected last days in it (each scenario runs on its own "today")
//   c. axe-core (WCAG 2.0/2.1/2.2 A and AA, no rule off) on the results of every scenario
//   d. keyboard: each summary link, pressed with Enter, moves focus to its route's heading
//   e. the summary file a family saves opens with the same summary
//
//   node tests/web/summary.mjs dist      (ONLY=walk,file for some checks)
//
// One line per check, "ok" or "FAIL" with figures; the last line is "summary: N passed, M failed".

import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import {
  AXE_VERSION,
  countWords,
  describeViolations,
  inWidget,
  problems,
  publicScenarios,
  runAxe,
  scenarioPage,
  suite,
  visibleText,
  waitReady,
  walkScenario,
} from "./lib.mjs";

/** The most words a family may read, at the median over the public scenarios, before it has
 *  seen every route open to it with its last day (issue 15's goal). */
const WORDS_MEDIAN_MAX = 650;


const scenarios = publicScenarios().filter((s) => !s.expect.invalid);
const councils = [...new Set(scenarios.map((s) => s.council || ""))];
const routes = Object.fromEntries(councils.map((c) => [`/scenario-${c || "national"}.html`, scenarioPage(c)]));
const { dist, server, t, withPage, check, finish } = await suite("summary", { routes });
const pageOf = (s) => `${server.url}scenario-${s.council || "national"}.html`;

// ---------------------------------------------------------------------------------------------
// What the results show.

/** The routes on the results, in the page's order: id, title, group, last day in words. */
function shownRoutes(page) {
  return page.evaluate(() => {
    const root = document.querySelector("send-route-finder").shadowRoot;
    return [...root.querySelectorAll("article.srf-route")].map((a) => {
      const date = a.querySelector(".srf-deadline__date strong");
      return {
        id: a.id,
        title: a.querySelector(".srf-route__title, h1, h2, h3, h4, h5, h6").textContent.trim(),
        group: a.closest("section.srf-group")?.getAttribute("aria-label") || "",
        date: date ? date.textContent.replace(/^(Last day: |The last day was )/, "").trim() : null,
      };
    });
  });
}

/** The summary: its heading, the clock line if any, and per line the group it is listed under,
 *  the link's text and target, and the whole line's text. */
function glance(page) {
  return page.evaluate(() => {
    const root = document.querySelector("send-route-finder").shadowRoot;
    const g = root.querySelector(".srf-glance");
    if (!g) return null;
    const heading = g.querySelector("h1, h2, h3, h4, h5, h6");
    return {
      heading: heading ? heading.textContent.trim() : "",
      labelledBy: g.getAttribute("aria-labelledby") || "",
      clock: g.querySelector(".srf-glance__clock")?.textContent.trim() || null,
      lines: [...g.querySelectorAll("li.srf-glance__item")].map((li) => {
        const list = li.closest("ul");
        const label = list && root.getElementById(list.getAttribute("aria-labelledby") || "");
        const a = li.querySelector("a");
        return {
          group: label ? label.textContent.trim() : "",
          link: a ? a.textContent.trim() : "",
          href: a ? a.getAttribute("href") : "",
          text: li.textContent.replace(/\s+/g, " ").trim(),
        };
      }),
    };
  });
}

/** Words from the start of the results to the end of the summary, and to the point where every
 *  route's name and last day has been shown. */
function resultWords(parts, shown) {
  let text = "";
  let glanceEnd = 0;
  for (const p of parts) {
    text += (text ? " " : "") + p.text.replace(/\s+/g, " ").trim();
    if (p.glance) glanceEnd = text.length;
  }
  // Each route's title, and its last day, must have appeared: after the point where each is
  // first seen. A date shared by two routes is found once, which is what a reader sees too.
  let seenAll = 0;
  for (const r of shown) {
    for (const needle of [r.title, r.date].filter(Boolean)) {
      const at = text.indexOf(needle);
      if (at < 0) return { glance: NaN, seenAll: NaN, missing: needle };
      seenAll = Math.max(seenAll, at + needle.length);
    }
  }
  return {
    glance: glanceEnd ? countWords(text.slice(0, glanceEnd)) : 0,
    seenAll: countWords(text.slice(0, seenAll)),
  };
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** "2026-12-14" → "Monday 14 December 2026", as the widget writes it. */
function inWords(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The Flesch-Kincaid grade of texts, measured as tests/tools/readability.py measures the
 *  ruleset (textstat; texts of four or more words, each ended as a sentence). */
function readability(texts) {
  const prose = texts.filter((x) => x.split(/\s+/).length >= 4).map((x) => (/[.!?]$/.test(x) ? x : `${x}.`));
  const script = `
import re, sys, textstat
text = sys.stdin.read()
sentences = [s for s in re.split(r"(?<=[.!?])\\s+|\\n+", text) if len(s.split()) > 3]
long = [s for s in sentences if len(s.split()) > 25]
print(f"{textstat.flesch_kincaid_grade(text):.1f}")
for s in long: print(s)
`;
  const r = spawnSync("python3", ["-c", script], { input: prose.join("\n"), encoding: "utf8" });
  if (r.status !== 0) return { ok: false, detail: (r.stderr || "python3 failed").trim().split("\n").at(-1), more: "" };
  const [grade, ...long] = r.stdout.trim().split("\n");
  const ok = Number(grade) <= 7 && long.length === 0;
  return { ok, detail: `grade ${grade} over ${prose.length} texts, ${long.length} sentences over 25 words`, more: long.map((x) => `    long: ${x}`).join("\n") };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---------------------------------------------------------------------------------------------
// a–d. Every public scenario.

async function checkWalk() {
  const figures = [];
  const read = new Set();
  const summaryProblems = problems();
  const keyboardProblems = problems();
  let axeScreens = 0;
  let links = 0;
  for (const s of scenarios) {
    await withPage({ viewport: { width: 390, height: 844 } }, async (page, errors) => {
      // The scenario's own day, so its last days are the ones it expects and the words do not
      // change from one day to the next (a day that has passed reads "The last day was ...").
      await page.clock.setFixedTime(new Date(`${s.today}T12:00:00`));
      await page.goto(pageOf(s), { waitUntil: "load" });
      await waitReady(page);
      let questions = 0;
      let screens = 0;
      let results = null;
      await walkScenario(page, s, {
        each: async (screen) => {
          if (screen === "results") return;
          screens++;
          const parts = await visibleText(page);
          questions += countWords(parts.map((p) => p.text).join(" "));
          for (const part of parts) read.add(part.text.replace(/\s+/g, " ").trim());
        },
      });
      const shown = await shownRoutes(page);
      results = resultWords(await visibleText(page), shown);
      if (results.missing) {
        summaryProblems.expect(false, `${s.id}: "${results.missing}" is not shown`);
        return;
      }
      const upTo = Math.max(results.seenAll, results.glance);
      figures.push({ id: s.id, file: s.file, screens, questions, seenAll: questions + results.seenAll, total: questions + upTo });

      // b. The summary: one line a route, in the page's order, under the route's own group,
      // linking to it, with its last day.
      const g = await glance(page);
      if (!summaryProblems.expect(g, `${s.id}: no summary on the results`)) return;
      for (const part of await visibleText(page)) if (part.glance) read.add(part.text.replace(/\s+/g, " ").trim());
      // What a screen reader is given: the summary as lists under its own heading, one item a
      // route (Chromium's accessibility tree, as Playwright's ARIA snapshot writes it).
      const aria = await inWidget(page, ".srf-glance").ariaSnapshot();
      summaryProblems.expect(/^- region "In short"/m.test(aria) && /- heading "In short" \[level=3\]/.test(aria), `${s.id}: the summary is not a region with its heading "In short":\n${aria}`);
      const items = (aria.match(/^\s*- listitem/gm) || []).length;
      summaryProblems.expect(items === shown.length, `${s.id}: a screen reader hears ${items} list items for ${shown.length} routes`);
      const lists = [...aria.matchAll(/^\s*- list "([^"]+)"/gm)].map((m) => m[1]);
      const groups = [...new Set(shown.map((r) => r.group))];
      summaryProblems.expect(JSON.stringify(lists) === JSON.stringify(groups), `${s.id}: the summary's lists are named ${JSON.stringify(lists)}, the page's groups are ${JSON.stringify(groups)}`);
      summaryProblems.expect(g.heading && g.labelledBy, `${s.id}: the summary has no heading of its own`);
      summaryProblems.expect(
        g.lines.length === shown.length,
        `${s.id}: ${g.lines.length} summary lines for ${shown.length} routes`,
      );
      shown.forEach((r, i) => {
        const line = g.lines[i];
        if (!summaryProblems.expect(line, `${s.id}: no summary line for ${r.id}`)) return;
        summaryProblems.expect(line.link === r.title, `${s.id}: line ${i + 1} is "${line.link}", the page has "${r.title}"`);
        summaryProblems.expect(line.href === `#${r.id}`, `${s.id}: ${r.id}'s line links to ${line.href}`);
        summaryProblems.expect(line.group === r.group, `${s.id}: ${r.id} is under "${line.group}" in the summary, "${r.group}" on the page`);
        if (r.date) summaryProblems.expect(line.text.includes(r.date), `${s.id}: ${r.id}'s line lacks its last day ${r.date}: "${line.text}"`);
      });
      // The scenario's expected last days, in words, are in the summary.
      for (const [id, iso] of Object.entries(s.expect.deadlines || {})) {
        const line = g.lines.find((l) => l.href === `#srf-route-${id}`);
        if (!summaryProblems.expect(line, `${s.id}: ${id} has no summary line`)) continue;
        if (iso) summaryProblems.expect(line.text.includes(inWords(iso)), `${s.id}: ${id}'s line lacks ${inWords(iso)}: "${line.text}"`);
        else summaryProblems.expect(!/\d{4}/.test(line.text), `${s.id}: ${id} should have no last day: "${line.text}"`);
      }
      const clockShown = await inWidget(page, ".srf-clock").count();
      summaryProblems.expect(!clockShown || g.clock, `${s.id}: the council's time limit is not above the summary`);

      // c. axe on the results.
      const axe = await runAxe(page);
      axeScreens++;
      if (axe.violations.length) {
        t.record(false, `axe on the results of ${s.id}`, `${axe.violations.length} violations`, describeViolations(axe.violations));
      }

      // d. Each summary link, pressed with Enter, puts focus on its route's heading.
      for (let i = 0; i < g.lines.length; i++) {
        links++;
        await page.evaluate((i) => {
          const root = document.querySelector("send-route-finder").shadowRoot;
          root.querySelectorAll(".srf-glance__item a")[i].focus();
        }, i);
        await page.keyboard.press("Enter");
        const where = await page.evaluate(() => {
          const root = document.querySelector("send-route-finder").shadowRoot;
          const el = root.activeElement;
          if (!el) return null;
          const r = el.getBoundingClientRect();
          return {
            route: el.closest("article.srf-route")?.id || "",
            heading: /^H[1-6]$/.test(el.tagName),
            inView: r.top >= 0 && r.top < window.innerHeight,
          };
        });
        const want = g.lines[i].href.slice(1);
        keyboardProblems.expect(
          where && where.heading && where.route === want && where.inView,
          `${s.id}: link ${i + 1} (${want}) left focus on ${JSON.stringify(where)}`,
        );
      }
      if (errors.length) t.record(false, `no script errors (${s.id})`, errors.join("; "));
    });
  }

  for (const f of figures) {
    console.log(`     ${f.id}: ${f.screens} screens, ${f.questions} words of questions, ${f.seenAll} until every route and last day, ${f.total} to the end of the summary`);
  }
  const report = (list, what) => {
    const totals = list.map((f) => f.total);
    const all = list.map((f) => f.seenAll);
    return `${what}: median ${median(totals)}, largest ${Math.max(...totals)} words to the end of the summary (every route and last day seen: median ${median(all)}, largest ${Math.max(...all)})`;
  };
  const first = figures.filter((f) => f.file === "public.json");
  t.record(figures.length === scenarios.length, "every public scenario walked to its results", `${figures.length} of ${scenarios.length}`);
  const m = median(figures.map((f) => f.total));
  t.record(m <= WORDS_MEDIAN_MAX && median(first.map((f) => f.total)) <= WORDS_MEDIAN_MAX, `words read before every route is seen, median at most ${WORDS_MEDIAN_MAX}`, `${report(first, `the ${first.length} of public.json`)}; ${report(figures, `all ${figures.length}`)}`);
  t.record(summaryProblems.ok, "a summary line for every route, with its last day", summaryProblems.ok ? `${scenarios.length} scenarios` : "", summaryProblems.text());
  t.record(axeScreens === scenarios.length, "axe-core on the results of every public scenario", `${axeScreens} results screens, violations reported above if any (axe-core ${AXE_VERSION})`);
  const grade = readability([...read]);
  t.record(grade.ok, "what a family reads before the routes (question screens and the summary): Flesch-Kincaid grade 7 or below, no sentence over 25 words", grade.detail, grade.more);
  t.record(keyboardProblems.ok && links > 0, "each summary link moves focus to its route's heading (Enter)", `${links} links`, keyboardProblems.text());
}

// ---------------------------------------------------------------------------------------------
// e. The summary file opens with the summary.

async function checkFile() {
  const s = scenarios.find((x) => x.id === "refused-plan-certificate-later");
  await withPage({ acceptDownloads: true }, async (page) => {
    await page.clock.setFixedTime(new Date(`${s.today}T12:00:00`));
    await page.goto(pageOf(s), { waitUntil: "load" });
    await waitReady(page);
    await walkScenario(page, s);
    const shown = await shownRoutes(page);
    const [download] = await Promise.all([page.waitForEvent("download"), inWidget(page, ".srf-save").click()]);
    const path = join(mkdtempSync(join(tmpdir(), "srf-summary-")), download.suggestedFilename());
    await download.saveAs(path);
    const html = readFileSync(path, "utf8");
    const p = problems();
    const body = html.slice(html.indexOf("<body"));
    const glanceAt = body.indexOf('class="glance"');
    const firstRoute = body.indexOf('class="route');
    p.expect(glanceAt > 0, "no summary section (class=\"glance\")");
    p.expect(firstRoute > glanceAt, "the summary is not before the first route");
    const part = body.slice(glanceAt, firstRoute);
    for (const r of shown) {
      p.expect(part.includes(r.title.replace(/'/g, "&#39;")) || part.includes(r.title), `${r.id} is not in the file's summary`);
      if (r.date) p.expect(part.includes(r.date), `${r.id}'s last day ${r.date} is not in the file's summary`);
    }
    t.record(p.ok, "the saved summary file opens with the summary", `${shown.length} routes in it`, p.text());
  });
}

await finish(async () => {
  await check("walk", 1500, checkWalk);
  await check("file", 60, checkFile);
});

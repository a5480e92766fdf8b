// Every fixed interface word comes from the table of interface texts (issue 13, point 3), in
// the built widget in headless Chromium:
//   a. a rules.json with EVERY interface text overridden by a marker, "⟪key⟫" (and the
//      placeholders its English has), walked through every public scenario: the start
//      screen, every question (each kind), a question's error, a date question's errors
//      (not a real date, a part missing, nothing given), the results with every part
//      (In short, deadlines, the council's clock, contacts, letters, take-away buttons, Change)
//      and "Save my answers on this device". On every screen, once every marker, every text
//      of the ruleset's own content is taken out, no word is left: not in a date, a bank
//      holiday's name or how a last day was worked out either (they are texts too);
//   b. overridden texts appear in the widget: the start button, In short, an error; and the
//      saved page's file name;
//   c. the English defaults give the English words (the same rules.json without overrides);
//   d. the loader's words (shown before the widget runs) come from the table and the
//      ruleset's overrides too: the early start button, "Starting" and its announcement, the
//      quick exit, the line when the council's file cannot be loaded, and the message when
//      the widget cannot start;
//   e. a council's overlay gives the loader's words too (the quick exit and the start
//      button), but only while the widget uses it: with an overlay the widget cannot use (a
//      typo in a key), the loader's words are the ruleset's again.
//
//   node tests/web/interface-texts.mjs dist      (ONLY=marked,english for some checks)
//
// One line per check, "ok" or "FAIL" with figures; the last line is
// "interface-texts: N passed, M failed".

import { readFileSync } from "node:fs";
import { interfaceTable } from "../../scripts/interface-table.mjs";
import {
  fill,
  inWidget,
  open,
  publicScenarios,
  submit,
  suite,
  walkScenario,
} from "./lib.mjs";

const root = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, root), "utf8");

// The keys and English defaults, from the table itself (src/model/interface.rs): the widget's
// and the loader's.
const TABLE = interfaceTable();
const placeholders = (text) => [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]);

const national = JSON.parse(read("rules.json"));
const marked = structuredClone(national);
marked.interface_texts = Object.fromEntries(
  TABLE.map((e) => [e.key, [`⟪${e.key}⟫`, ...placeholders(e.english).map((p) => `{${p}}`)].join(" ")]),
);

// The ruleset's own content: every text in it but the interface texts, cut at its
// placeholders ({today}, {council}), as written and in lower case (a Change button's hidden
// words), a web address also as shown (without https:// and a last /).
const content = new Set();
(function walk(v, key) {
  if (key === "interface_texts") return;
  if (typeof v === "string") {
    for (const piece of v.split(/\{[^}]*\}/)) {
      const p = piece.trim();
      if (!p) continue;
      content.add(p);
      content.add(p.toLowerCase());
      if (p.startsWith("https://")) content.add(p.replace(/^(https:\/\/)+/, "").replace(/\/+$/, ""));
    }
  } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
})(national);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Longest first, each only as whole words: "day" is not taken out of "holidays".
const CONTENT = [...content]
  .sort((a, b) => b.length - a.length)
  .map((c) => {
    const word = /^[\p{L}\p{N}]/u.test(c) ? "(?<![\\p{L}\\p{N}])" : "";
    const end = /[\p{L}\p{N}]$/u.test(c) ? "(?![\\p{L}\\p{N}])" : "";
    return [c, new RegExp(`${word}${escape(c)}${end}`, "gu")];
  });

/** What is left of a screen's words once markers and content are taken out. */
function leftOver(text) {
  let rest = text.replace(/⟪[a-z_]+⟫/g, " ");
  for (const [c, whole] of CONTENT) if (rest.includes(c)) rest = rest.replace(whole, " ");
  return rest;
}

/** Every word in the widget's shadow root: text (hidden or not, closed details too) and
 *  aria-labels, one piece a line. */
function allText(page) {
  return page.evaluate(() => {
    const root = document.querySelector("send-route-finder").shadowRoot;
    const parts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && node.parentElement.closest("style, script")) continue;
      if (node.nodeValue.trim()) parts.push(node.nodeValue.trim());
    }
    for (const el of root.querySelectorAll("[aria-label]")) parts.push(el.getAttribute("aria-label"));
    return parts.join("\n");
  });
}

const page = (rules) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Interface texts</title></head>
<body><main><h1>Interface texts</h1>
<send-route-finder rules="${rules}" heading-level="2"><p>Find help on GOV.UK.</p></send-route-finder>
</main><script type="module" src="send-route-finder.js"></script></body></html>`;

// Luton's overlay, wording the loader's quick exit and start button its own way; with
// `refused`, a typo too ("contact" for "contacts"), so the widget cannot use it.
const overlay = (refused) => ({
  ...JSON.parse(read("www/councils/luton.json")),
  interface_texts: { exit_page: "⟪overlay exit_page⟫", start_now: "⟪overlay start_now⟫" },
  ...(refused ? { contact: {} } : {}),
});
const overlayPage = (council) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Overlay</title></head>
<body><main><h1>Overlay</h1>
<send-route-finder rules="rules.json" council="${council}" quick-exit heading-level="2"><p>Find help.</p></send-route-finder>
</main><script type="module" src="send-route-finder.js"></script></body></html>`;

// Every public scenario a family can answer (not those the widget must not let through).
const SCENARIOS = publicScenarios().filter((s) => !s.expect?.invalid);

const { server, withPage, check, t, finish } = await suite("interface-texts", {
  routes: {
    "/marked.html": page("marked-rules.json"),
    "/marked-rules.json": { type: "application/json", body: JSON.stringify(marked) },
    "/english.html": page("rules.json"),
    "/overlay-used.html": overlayPage("overlay-used.json"),
    "/overlay-used.json": { type: "application/json", body: JSON.stringify(overlay(false)) },
    "/overlay-refused.html": overlayPage("overlay-refused.json"),
    "/overlay-refused.json": { type: "application/json", body: JSON.stringify(overlay(true)) },
    "/loader.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loader</title></head>
<body><main><h1>Loader</h1>
<send-route-finder rules="marked-rules.json" council="councils/no-such-council.json" quick-exit heading-level="2">
<h2 data-srf="title">Options</h2><p data-srf="paragraph">Find help.</p></send-route-finder>
</main><script type="module" src="send-route-finder.js"></script></body></html>`,
  },
});

await finish(async () => {
  await check("marked", 600, async () => {
    await withPage({ acceptDownloads: true }, async (p, errors) => {
      let saved = "";
      const screens = new Set();
      const left = new Map(); // word -> where
      const shown = new Set();
      let at = "";
      const look = async (where) => {
        at = where;
        const text = await allText(p);
        for (const m of text.matchAll(/⟪([a-z_]+)⟫/g)) shown.add(m[1]);
        for (const w of leftOver(text).match(/\p{L}{2,}/gu) || []) {
          if (!left.has(w)) left.set(w, where);
        }
      };
      try {
      const tried = new Set();
      // Each scenario on a fresh load of the marked page.
      for (const scenario of SCENARIOS) {
        await open(p, `${server.url}marked.html`);
        await walkScenario(p, scenario, {
          each: async (screen) => {
            screens.add(screen);
            await look(`${scenario.id}: ${screen}`);
            if (screen === "start" || screen === "results" || tried.has(screen)) return;
            // An optional question moves on when left empty: no error to see there.
            if (marked.questions.find((q) => q.id === screen)?.optional) return;
            tried.add(screen);
            const isDate = await inWidget(p, `#srf-${screen}-day`).count();
            if (isDate) {
              for (const value of [{ day: "31", month: "2", year: "2026" }, { day: "3", month: "", year: "2026" }, { day: "", month: "", year: "" }]) {
                await fill(p, screen, value);
                await submit(p);
                await inWidget(p, ".srf-error-summary").waitFor({ state: "visible" });
                await look(`${scenario.id}: ${screen}, error`);
              }
            } else {
              await submit(p);
              await inWidget(p, ".srf-error-summary").waitFor({ state: "visible" });
              await look(`${scenario.id}: ${screen}, error`);
            }
          },
        });
        await p.evaluate(() => {
          for (const d of document.querySelector("send-route-finder").shadowRoot.querySelectorAll("details")) d.open = true;
        });
        await look(`${scenario.id}: results, opened`);
        if (scenario === SCENARIOS[0]) {
          await inWidget(p, ".srf-keep-answers").click();
          await inWidget(p, ".srf-delete-saved").waitFor({ state: "visible" });
          await look(`${scenario.id}: results, saved`);
          await inWidget(p, ".srf-delete-saved").click();
          const [download] = await Promise.all([p.waitForEvent("download"), inWidget(p, ".srf-save").click()]);
          saved = download.suggestedFilename();
        }
      }
      } catch (error) {
        throw new Error(`after ${at}: ${String(error.message || error).split("\n")[0]}`);
      }
      const words = [...left].map(([w, where]) => `"${w}" (${where})`);
      t.record(
        words.length === 0 && errors.length === 0,
        "marked",
        words.length
          ? `English left with every interface text overridden: ${words.slice(0, 20).join(", ")}`
          : `${SCENARIOS.length} scenarios, ${screens.size} different screens: no interface English left; ${shown.size} of ${TABLE.length} keys seen${errors.length ? `; page errors: ${errors.join("; ")}` : ""}`,
      );
      const must = ["start_now", "continue", "back", "in_short", "date_real", "date_missing", "problem", "by_day", "version_line", "keep_answers", "saved_note", "date_long", "reason_count", "reason_not_moved"];
      // Dates, in every part: some month and some day of the week are texts too.
      if (![...shown].some((k) => k.startsWith("month_"))) must.push("month_…");
      if (![...shown].some((k) => k.startsWith("weekday_"))) must.push("weekday_…");
      const missing = must.filter((k) => !shown.has(k));
      t.record(missing.length === 0, "marked: overridden texts appear", missing.length ? `not seen: ${missing.join(", ")}` : `seen: ${must.join(", ")}`);
      t.record(saved.includes("⟪file_summary⟫"), "marked: the saved page's file name is the overridden text", `"${saved}"`);
    });
  });

  await check("loader", 120, async () => {
    const LOADER = TABLE.filter((e) => e.loader);
    // The loader's words, as a family sees and hears them: in the widget's box and the quick
    // exit, hidden text included (the shadow root, without the widget's own screen).
    const loaderText = (p) =>
      p.evaluate(() => {
        const root = document.querySelector("send-route-finder").shadowRoot;
        const parts = [];
        for (const el of root.querySelectorAll(".srf-exit, .srf-no-local, .srf-load-error, .srf-button--start, [aria-live]")) {
          parts.push(el.textContent);
        }
        return parts.join("\n");
      });
    const english = (text) => LOADER.filter((e) => text.includes(e.english)).map((e) => e.key);
    const seen = new Set();
    const noted = [];
    const look = async (p, where) => {
      const text = await loaderText(p);
      for (const m of text.matchAll(/⟪([a-z_]+)⟫/g)) seen.add(m[1]);
      for (const key of english(text)) noted.push(`${key} in English (${where})`);
    };
    // The wasm held back: the loader's start screen, then Start pressed; then the wasm let
    // through, with the council's file missing.
    await withPage({}, async (p, errors) => {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await p.route("**/send_route_finder_bg.wasm*", async (route) => {
        await held;
        await route.continue();
      });
      await p.goto(`${server.url}loader.html`, { waitUntil: "load" });
      const start = inWidget(p, ".srf-button--start");
      await start.waitFor({ state: "visible", timeout: 10000 });
      await p.waitForFunction(() => document.querySelector("send-route-finder").shadowRoot.querySelector(".srf-button--start")?.textContent.includes("⟪"), null, { timeout: 10000 });
      await look(p, "start screen, before the wasm");
      await start.click();
      await p.waitForFunction(() => document.querySelector("send-route-finder").shadowRoot.querySelector("[aria-live]")?.textContent.includes("⟪"), null, { timeout: 10000 });
      await look(p, "Start pressed, before the wasm");
      release();
      await p.locator("send-route-finder[data-srf-ready]").waitFor({ state: "attached", timeout: 20000 });
      await look(p, "the council's file missing");
      // The missing council's file is said in the console, as it should be; nothing else.
      const others = errors.filter((e) => !e.includes("no-such-council.json"));
      if (others.length) noted.push(`page errors: ${others.join("; ")}`);
    });
    // The wasm cannot be loaded: the loader's message.
    await withPage({}, async (p) => {
      await p.route("**/send_route_finder_bg.wasm*", (route) => route.abort());
      await p.goto(`${server.url}loader.html`, { waitUntil: "load" });
      await inWidget(p, ".srf-load-error").waitFor({ state: "visible", timeout: 20000 });
      await p.waitForFunction(() => document.querySelector("send-route-finder").shadowRoot.querySelector(".srf-load-error")?.textContent.includes("⟪"), null, { timeout: 10000 });
      await look(p, "the widget cannot start");
    });
    const want = [...LOADER.map((e) => e.key), "start_now", "new_tab"];
    const missing = want.filter((k) => !seen.has(k));
    t.record(
      missing.length === 0 && noted.length === 0,
      "loader",
      missing.length || noted.length
        ? `not seen: ${missing.join(", ") || "none"}; ${noted.join("; ")}`
        : `the loader's ${want.length} texts all overridden by the ruleset: ${want.join(", ")}; no English left`,
    );
  });

  await check("overlay", 60, async () => {
    const shown = {};
    for (const name of ["used", "refused"]) {
      await withPage({}, async (p, errors) => {
        await p.goto(`${server.url}overlay-${name}.html`, { waitUntil: "load" });
        await p.locator("send-route-finder[data-srf-ready]").waitFor({ state: "attached", timeout: 20000 });
        shown[name] = await p.evaluate(() => {
          const root = document.querySelector("send-route-finder").shadowRoot;
          return {
            exit: root.querySelector(".srf-exit__button")?.firstChild?.textContent,
            start: root.querySelector(".srf-button--start")?.textContent.trim(),
            notice: !!root.querySelector(".srf-no-local"),
          };
        });
        shown[name].errors = errors.length;
      });
    }
    const english = (key) => TABLE.find((e) => e.key === key).english;
    const { used, refused } = shown;
    t.record(
      used.exit === "⟪overlay exit_page⟫" && used.start === "⟪overlay start_now⟫" && !used.notice && used.errors === 0 &&
        refused.exit === english("exit_page") && refused.start === english("start_now") && refused.notice,
      "overlay: the loader's words follow the overlay only while the widget uses it",
      JSON.stringify(shown),
    );
  });

  await check("english", 60, async () => {
    await withPage({}, async (p) => {
      await open(p, `${server.url}english.html`);
      const start = await allText(p);
      await walkScenario(p, publicScenarios()[0]);
      const results = await allText(p);
      const want = ["Start now", "In short", "Your answers", "Keep your results", "Save my answers on this device", "This is not legal advice."];
      const missing = want.filter((w) => !(start + results).includes(w));
      const markers = (start + results).match(/⟪[a-z_]+⟫/g) || [];
      t.record(
        missing.length === 0 && markers.length === 0,
        "english",
        missing.length || markers.length ? `missing: ${missing.join(", ")}; markers: ${markers.join(", ")}` : `without overrides, the English defaults: ${want.join(" / ")}`,
      );
    });
  });
});

// The benchmark: our widget against the same questionnaire in SurveyJS and against a plain
// HTML page of the first question (the floor), on a slow phone: headless Chromium with the
// CPU throttled 4x and a slow 4G network (150 ms latency, 1.6 Mbps down, 750 kbps up), files
// gzipped by the server, cache disabled. Runs are interleaved (ours, SurveyJS, floor, ours, …),
// each in a fresh browser context.
//
//   node bench/run.mjs [--runs 10] [--dist dist] [--out bench/results.md] [--no-write] [--json]
//
// Prints one markdown report and writes it to bench/results.md: sizes (raw, gzip -9,
// brotli), then median and spread of: the first control present and first usable (a real
// mouse click through DevTools, retried every ~20 ms until it works), each Continue click to
// the next question painted, the results page, the JS heap and wasm memory; ratios ours /
// SurveyJS and ours / floor; and where our widget's start-up time goes.
//
// Needs: a release build in dist/ (bash scripts/bench.sh builds it first), Debian's Chromium
// (/usr/bin/chromium, or CHROMIUM=…), and the npm devDependencies (playwright-core,
// survey-core, survey-js-ui). Serves on 127.0.0.1 only; the browser resolves no other host.

import { readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { cpus, totalmem, loadavg, type as osType, release as osRelease, arch } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../tests/web/server.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/web/lib.mjs";
import { benchRoutes, precompressed, SURVEYJS_FILES, SURVEYJS_VERSION, SURVEYJS_UI_VERSION } from "./pages.mjs";
import { convert, path as enginePath } from "./surveyjs.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");

// --- Options. --------------------------------------------------------------------------------
const argv = process.argv.slice(2);
function option(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
}
const RUNS = Number(option("runs", "10"));
const DIST = resolve(repo, option("dist", "dist"));
const OUT = resolve(repo, option("out", "bench/results.md"));
const WRITE = !argv.includes("--no-write");
const JSON_OUT = argv.includes("--json");
// A path as the report shows it: relative to the repository, never this machine's own.
const shown = (p) => {
  const full = resolve(repo, p);
  return full.startsWith(repo + "/") ? full.slice(repo.length + 1) : `<${basename(full)}, outside the repository>`;
};
const COMMAND = ["node", "bench/run.mjs", ...argv.map((a) => (a.startsWith("/") ? shown(a) : a))].join(" ");

// The phone: CPU 4x slower, slow 4G.
const CPU_RATE = 4;
const NETWORK = {
  offline: false,
  latency: 150, // ms, added to each request
  downloadThroughput: 200000, // bytes/s = 1.6 Mbps
  uploadThroughput: 93750, // bytes/s = 750 kbps
  connectionType: "cellular4g",
};
// Only loopback: every other host name fails to resolve inside the browser.
const ARGS = [...CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"];

// The journey: role parent → age under_16 → ehcp in_progress → about la_decision → decision
// refuse_plan → decision_date 14/10/2026 → certificate no → results (7 Continue clicks).
const ANSWERS = [
  ["role", "parent"],
  ["age", "under_16"],
  ["ehcp", "in_progress"],
  ["about", "la_decision"],
  ["decision", "refuse_plan"],
  ["decision_date", { day: 14, month: 10, year: 2026 }],
  ["certificate", "no"],
];

// --- Small helpers. --------------------------------------------------------------------------
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function stats(values) {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  return { n: v.length, median: quantile(v, 0.5), q1: quantile(v, 0.25), q3: quantile(v, 0.75), min: v[0], max: v[v.length - 1] };
}

const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)}` : "–");
const kib = (b) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)}` : "–");
const mib = (b) => (Number.isFinite(b) ? `${(b / 1048576).toFixed(2)}` : "–");
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "–");

/** "median (min–max; IQR q1–q3)" in a unit. */
function cell(s, fmt = ms) {
  if (!s || s.n === 0) return "–";
  return `**${fmt(s.median)}** (${fmt(s.min)}–${fmt(s.max)}; IQR ${fmt(s.q1)}–${fmt(s.q3)})`;
}

// --- Sizes. ------------------------------------------------------------------------------------
function compressed(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

function sizeRows(groups) {
  // groups: [[label, [buffers...]]]; each file is compressed on its own (as it is served).
  return groups.map(([label, bufs]) => {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const b of bufs) {
      const c = compressed(b);
      total.raw += c.raw;
      total.gzip += c.gzip;
      total.brotli += c.brotli;
    }
    return [label, total];
  });
}

function sizesTable(rules) {
  const f = (name) => readFileSync(join(DIST, name));
  const wasm = f("send_route_finder_bg.wasm");
  const loader = f("send-route-finder.js");
  const glue = f("send_route_finder.js");
  const css = f("send-route-finder.css");
  const rulesBuf = f("rules.json");
  const luton = f("councils/luton.json");
  const ours = sizeRows([
    ["wasm (send_route_finder_bg.wasm)", [wasm]],
    ["JS: loader (with the stylesheet inside) + glue (send-route-finder.js + send_route_finder.js)", [loader, glue]],
    ["CSS file, for browsers without constructed stylesheets only (send-route-finder.css)", [css]],
    ["**widget code: wasm + JS + CSS file** (the budget counts the stylesheet twice)", [wasm, loader, glue, css]],
    ["rules.json", [rulesBuf]],
    ["one overlay (councils/luton.json)", [luton]],
    ["**everything the widget loads** (current browsers: no CSS file)", [wasm, loader, glue, rulesBuf, luton]],
  ]);
  const sj = SURVEYJS_FILES.map(([p, file]) => [p.split("/").pop(), readFileSync(file)]);
  const survey = Buffer.from(JSON.stringify(convert(rules, "parent")));
  const theirs = sizeRows([
    ...sj.map(([name, b]) => [`SurveyJS ${name}`, [b]]),
    ["SurveyJS survey.json (converted questions)", [survey]],
    ["**everything the SurveyJS page loads**", [...sj.map(([, b]) => b), survey]],
  ]);
  const lines = [
    "| file | raw | gzip -9 | brotli 11 |",
    "|---|---:|---:|---:|",
    ...ours.map(([label, s]) => `| ${label} | ${s.raw.toLocaleString("en-GB")} | ${s.gzip.toLocaleString("en-GB")} | ${s.brotli.toLocaleString("en-GB")} |`),
    ...theirs.map(([label, s]) => `| ${label} | ${s.raw.toLocaleString("en-GB")} | ${s.gzip.toLocaleString("en-GB")} | ${s.brotli.toLocaleString("en-GB")} |`),
  ];
  return { text: lines.join("\n"), ours: Object.fromEntries(ours), theirs: Object.fromEntries(theirs) };
}

// --- One measured page load. -------------------------------------------------------------------
const INPAGE = readFileSync(join(here, "inpage.js"), "utf8");

const SUBJECTS = {
  ours: { label: "ours (widget)", path: "/bench/ours.html" },
  surveyjs: { label: `SurveyJS ${SURVEYJS_VERSION}`, path: "/bench/surveyjs.html" },
  floor: { label: "floor (static HTML)", path: "/bench/floor.html" },
};

async function measure(browser, base, subject, steps) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/favicon/.test(m.location()?.url || "")) errors.push(m.text());
  });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
    await cdp.send("Performance.enable");
    let wireBytes = 0;
    let requests = 0;
    cdp.on("Network.requestWillBeSent", (e) => {
      if (!/favicon\.ico$/.test(e.request.url)) requests++;
    });
    cdp.on("Network.loadingFinished", (e) => {
      wireBytes += e.encodedDataLength;
    });
    await page.addInitScript({ content: `window.__benchSubject = ${JSON.stringify(subject)};\n${INPAGE}` });

    await page.goto(base + SUBJECTS[subject].path.slice(1), { waitUntil: "commit" });

    // The first control: wait for it in the page, click it with the mouse (DevTools input),
    // check that it worked, and retry every ~20 ms until it does.
    let attempts = 0;
    let contextRetries = 0;
    for (;;) {
      let point;
      try {
        point = await page.evaluate(() => window.__bench.waitControl());
      } catch (e) {
        if (/context was destroyed|Cannot read properties of undefined/.test(e.message) && ++contextRetries < 5) {
          await sleep(20);
          continue;
        }
        throw e;
      }
      await page.mouse.click(point.x, point.y);
      attempts++;
      // Ours: a click on the start screen before the wasm has arrived is kept, and the widget
      // opens at the first question when it arrives; so a click "worked" if the first question
      // follows, however late. The others either react to a click at once or have lost it.
      const outcome = await page.evaluate((ms) => window.__bench.afterClick(ms), subject === "ours" ? 60000 : 1000);
      if (outcome.ok) break;
      if (attempts > 300) throw new Error(`${subject}: the first control never worked`);
      await sleep(20);
    }

    let journey = [];
    if (steps && subject !== "floor") journey = await page.evaluate((s) => window.__bench.journey(s), steps);

    // The browser's part alone: the same results markup, as static HTML in a shadow root with
    // the widget's stylesheet, inserted, its heading focused, and painted (two frames), three
    // times; the widget hidden meanwhile. What is left of the results step above this is ours
    // (the answers worked out, the markup made, Yew's swap).
    const staticResults = subject === "ours" && journey.length ? await page.evaluate(() => window.__bench.staticResults(3)) : undefined;

    const inpage = await page.evaluate(() => ({
      marks: window.__bench.marks,
      clicks: window.__bench.clicks,
      shifts: window.__bench.shifts,
      loaf: window.__bench.loaf,
      timings: window.__bench.timings(),
    }));
    // Memory at the end, after a garbage collection.
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasmMemory = await page.evaluate(() => window.__bench.wasmMemory());
    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));

    const usableClick = inpage.clicks[inpage.clicks.length - 1];
    const usableAt = usableClick.t;
    // Layout shift up to the first usable click (not caused by input).
    const clsBeforeUsable = inpage.shifts.filter((x) => !x.input && x.t <= usableAt).reduce((a, x) => a + x.value, 0);
    const last = journey[journey.length - 1];
    return {
      subject,
      errors,
      attempts,
      clicks: inpage.clicks,
      clsBeforeUsable,
      shifts: inpage.shifts,
      loaf: inpage.loaf,
      marks: inpage.marks,
      present: inpage.marks.control,
      painted: inpage.marks["control painted"],
      styled: inpage.marks["control styled"],
      usable: usableAt,
      firstQuestion: inpage.marks["first question"],
      steps: journey,
      results: last && last.next === "results" ? last.at : undefined,
      staticResults,
      resultsFromUsable: last && last.next === "results" ? last.at - usableAt : undefined,
      heap: heap.usedSize,
      wasmMemory,
      nodes: metrics.Nodes,
      scriptMs: metrics.ScriptDuration * 1000,
      wireBytes,
      requests,
      timings: inpage.timings,
    };
  } finally {
    await context.close();
  }
}

// --- The report. -------------------------------------------------------------------------------
function report({ sizes, runs, steps, browserVersion, started, seconds, load }) {
  const by = (subject) => runs.filter((r) => r.subject === subject);
  const S = (subject, f) => stats(by(subject).map(f));
  const subjects = ["ours", "surveyjs", "floor"];
  const stepAll = (subject) => by(subject).flatMap((r) => r.steps.map((s) => s.painted));
  const rows = [
    ["first contentful paint (any content: for ours the council page and the fallback)", (r) => r.timings.paints["first-contentful-paint"], ms],
    ["first control in the DOM (from navigation)", (r) => r.present, ms],
    ["first control painted (2nd rAF after it is in the DOM)", (r) => r.painted, ms],
    ["first control styled (ours: its shadow-root stylesheet loaded)", (r) => r.styled, ms],
    ["**first control usable**: first click that worked (from navigation)", (r) => r.usable, ms],
    ["first question in the DOM (ours: after the Start click)", (r) => r.firstQuestion, ms],
    ["layout shift (CLS) before the first usable click", (r) => r.clsBeforeUsable, (x) => (Number.isFinite(x) ? x.toFixed(3) : "–")],
    [`Continue → next question painted, all ${steps.length} steps pooled`, null, ms],
    [`Continue → next question painted, median of a run's ${steps.length} steps`, (r) => (r.steps.length ? stats(r.steps.map((s) => s.painted)).median : NaN), ms],
    ["Continue → results painted (last step)", (r) => r.steps.find((s) => s.next === "results")?.painted, ms],
    ["the same results page as static HTML: inserted, focused and painted (the browser's part alone; the median of 3 a run)", (r) => r.staticResults, ms],
    ["**results painted, from navigation**", (r) => r.results, ms],
    ["results painted, from the first usable click", (r) => r.resultsFromUsable, ms],
    ["JS heap used at the end, after GC (MiB)", (r) => r.heap, mib],
    ["wasm memory at the end (MiB)", (r) => r.wasmMemory, mib],
    ["JS heap + wasm memory (MiB)", (r) => r.heap + r.wasmMemory, mib],
    ["bytes over the wire, whole visit (KiB)", (r) => r.wireBytes, kib],
    ["requests", (r) => r.requests, (x) => (Number.isFinite(x) ? String(Math.round(x)) : "–")],
    ["main-thread script time, whole visit (ms, throttled)", (r) => r.scriptMs, ms],
  ];
  const lines = [];
  lines.push("| measure | " + subjects.map((s) => SUBJECTS[s].label).join(" | ") + " | ours / SurveyJS | ours / floor |");
  lines.push("|---|" + subjects.map(() => "---:").join("|") + "|---:|---:|");
  for (const [label, f, fmt] of rows) {
    const st = subjects.map((s) => (f ? S(s, f) : stats(stepAll(s))));
    const applies = (s, x) => x.n > 0 && !(s === "floor" && /Continue|results/.test(label)) && !(s !== "ours" && /^wasm/.test(label));
    const cells = subjects.map((s, i) => (applies(s, st[i]) ? cell(st[i], fmt) : "n/a"));
    const r1 = applies("surveyjs", st[1]) ? ratio(st[0].median, st[1].median) : "–";
    const r2 = applies("floor", st[2]) ? ratio(st[0].median, st[2].median) : "–";
    lines.push(`| ${label} | ${cells.join(" | ")} | ${r1} | ${r2} |`);
  }

  // Per step.
  const stepLines = [];
  stepLines.push("| step (Continue on → next) | ours | SurveyJS | ours / SurveyJS |");
  stepLines.push("|---|---:|---:|---:|");
  steps.forEach(([q, , next], i) => {
    const a = stats(by("ours").map((r) => r.steps[i]?.painted));
    const b = stats(by("surveyjs").map((r) => r.steps[i]?.painted));
    stepLines.push(`| ${q} → ${next} | ${cell(a)} | ${cell(b)} | ${ratio(a.median, b.median)} |`);
  });

  // Where our start-up time goes.
  const ours = by("ours");
  // By path: the glue and the wasm carry a content hash in their query (?v=...).
  const res = (r, name, key = "end") => r.timings.resources.find((x) => new URL(x.name, "http://localhost/").pathname.endsWith(name))?.[key];
  const timeline = [
    ["HTML received (navigation responseEnd)", (r) => r.timings.responseEnd],
    ["first contentful paint (the council page and the fallback inside the element)", (r) => r.timings.paints["first-contentful-paint"]],
    ["send-route-finder.js (loader) received", (r) => res(r, "/send-route-finder.js")],
    ["send_route_finder.js (glue) received", (r) => res(r, "/send_route_finder.js")],
    ["wasm request sent", (r) => res(r, "/send_route_finder_bg.wasm", "start")],
    ["wasm received", (r) => res(r, "/send_route_finder_bg.wasm")],
    ["wasm compiled and instantiated (instantiateStreaming resolved)", (r) => r.marks["wasm instantiateStreaming done"] ?? r.marks["wasm instantiate done"]],
    ["shadow root attached (start() running)", (r) => r.marks["shadow root attached"]],
    ["rules.json request sent", (r) => res(r, "/rules.json", "start")],
    ["rules.json received", (r) => res(r, "/rules.json")],
    ["councils/luton.json request sent", (r) => res(r, "/councils/luton.json", "start")],
    ["councils/luton.json received", (r) => res(r, "/councils/luton.json")],
    ["send-route-finder.css request sent", (r) => res(r, "/send-route-finder.css", "start")],
    ["send-route-finder.css received", (r) => res(r, "/send-route-finder.css")],
    ["Start button in the DOM", (r) => r.present],
    ["Start button styled (stylesheet applied)", (r) => r.styled],
    ["Start button usable (first click that worked)", (r) => r.usable],
    ["DOMContentLoaded", (r) => r.timings.domContentLoaded],
    ["load event", (r) => r.timings.load],
  ];
  const tl = ["| moment (ms from navigation start) | median | min–max |", "|---|---:|---:|"];
  for (const [label, f] of timeline) {
    const s = stats(ours.map(f));
    tl.push(`| ${label} | ${s.n ? ms(s.median) : "–"} | ${s.n ? `${ms(s.min)}–${ms(s.max)}` : "–"} |`);
  }
  const sjTimeline = ["| moment (ms from navigation start) | median | min–max |", "|---|---:|---:|"];
  const sj = by("surveyjs");
  for (const [label, f] of [
    ["HTML received", (r) => r.timings.responseEnd],
    ["survey-core.fontless.min.css received", (r) => res(r, "/survey-core.fontless.min.css")],
    ["survey.core.min.js received", (r) => res(r, "/survey.core.min.js")],
    ["survey-js-ui.min.js received", (r) => res(r, "/survey-js-ui.min.js")],
    ["survey.json received", (r) => res(r, "/survey.json")],
    ["first radio in the DOM", (r) => r.present],
    ["first radio usable", (r) => r.usable],
  ]) {
    const s = stats(sj.map(f));
    sjTimeline.push(`| ${label} | ${s.n ? ms(s.median) : "–"} | ${s.n ? `${ms(s.min)}–${ms(s.max)}` : "–"} |`);
  }

  // Start-up script time by file, from Long Animation Frames (frames over 50 ms; scripts over
  // 5 ms in them), up to the first usable click.
  const loafLines = ["| subject | script (file, how it ran) | ms before the first usable click: median (min–max) |", "|---|---|---:|"];
  for (const subject of subjects) {
    const groups = new Map();
    const rs = by(subject);
    rs.forEach((r, i) => {
      for (const f of r.loaf || []) {
        for (const x of f.scripts) {
          if (x.start > r.usable - 2) continue; // (the click's own handlers start at the click)
          const file = (x.source || "").split(" ")[0] || "(no file: the benchmark's in-page code)";
          const how = x.type === "user-callback" ? `${x.invoker.split(":")[0]} callbacks` : x.type;
          const key = `${file} (${how})`;
          if (!groups.has(key)) groups.set(key, new Array(rs.length).fill(0));
          groups.get(key)[i] += x.duration;
        }
      }
    });
    const list = [...groups].map(([key, v]) => [key, stats(v)]).sort((a, b) => b[1].median - a[1].median).slice(0, 6);
    for (const [key, st] of list) if (st.median >= 1) loafLines.push(`| ${SUBJECTS[subject].label} | ${key} | ${ms(st.median)} (${ms(st.min)}–${ms(st.max)}) |`);
  }

  const errors = runs.filter((r) => r.errors.length).map((r) => `${r.subject} run ${r.run}: ${r.errors.join("; ")}`);
  const retries = runs
    .filter((r) => r.attempts > 1)
    .map((r) => {
      const misses = r.clicks.slice(0, -1).map((c) => `${Math.round(c.t)} ms ${c.hit ? "on the control but it did nothing" : `missed, on ${c.target}`}${r.subject === "ours" ? (c.styled ? ", stylesheet loaded" : ", stylesheet not yet loaded") : ""}`);
      return `${r.subject} run ${r.run}: ${r.attempts} clicks (${misses.join("; ")})`;
    });
  const oursRuns = runs.filter((r) => r.subject === "ours");
  const paintedUnstyled = oursRuns.filter((r) => r.painted < r.styled).length;
  const clickedUnstyled = oursRuns.filter((r) => r.clicks.length && !r.clicks[0].styled).length;
  const cpu = cpus();
  const machine = `${osType()} ${osRelease()} ${arch()}, ${cpu.length} × ${cpu[0]?.model?.trim() || "CPU"}, ${(totalmem() / 1073741824).toFixed(1)} GiB RAM; ${browserVersion}; Node.js ${process.version}; load average (1 min) ${load[0][0].toFixed(2)} at the start, ${load[1][0].toFixed(2)} at the end`;

  return `# SEND Route Finder benchmark

- Date: ${started.toISOString().replace(/\.\d+Z$/, "Z")}
- Machine: ${machine}
- Command: \`${COMMAND}\` (against \`${shown(DIST)}/\`, its wasm built ${statSync(join(DIST, "send_route_finder_bg.wasm")).mtime.toISOString().replace(/\.\d+Z$/, "Z")}), ${RUNS} runs per subject, interleaved, ${seconds.toFixed(0)} s in all
- Conditions: headless Chromium (\`${CHROMIUM}\`), CPU throttled ${CPU_RATE}× (\`Emulation.setCPUThrottlingRate\`), network slow 4G (\`Network.emulateNetworkConditions\`: ${NETWORK.latency} ms latency, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbps down, ${(NETWORK.uploadThroughput * 8) / 1e3} kbps up), cache disabled, files gzipped by the server (tests/web/server.mjs, gzip level 6 as it serves), a fresh browser context for each run, 127.0.0.1 only.
- Subjects: each a bare page with only the thing measured. **ours** = \`/bench/ours.html\` (bench/pages.mjs: the \`<send-route-finder>\` element with rules.json, the Luton overlay and the README's marked fallback, and the one script, served from \`dist/\`); **SurveyJS** = survey-core ${SURVEYJS_VERSION} + survey-js-ui ${SURVEYJS_UI_VERSION} (minified builds, default theme without its Google web font: \`survey-core.fontless.min.css\`) rendering the same questions converted from rules.json by \`bench/surveyjs.mjs\` (one question per page, visibleIf from the \`next\` graph); **floor** = the first question as static HTML, no script.
- Journey (in the page, no DevTools round trip inside a step): ${steps.map(([q, v]) => `${q} ${typeof v === "object" ? `${v.day}/${v.month}/${v.year}` : v}`).join(" → ")} → results (${steps.length} Continue clicks). Before each click the answer is given and two frames pass; the step time runs from \`button.click()\` to the next question (or results) in the DOM plus two \`requestAnimationFrame\`s (painted).
- First control: ours = the Start button in the shadow root, drawn by the loader before the wasm arrives and then by the widget (usable = a click leads on to the first question, at once or when the wasm arrives); SurveyJS = the first radio of the first question (usable = a click selects it; it has no start page); floor = the first radio. Found in the page by a MutationObserver and a rAF loop, clicked with \`page.mouse.click\` at its box, checked, retried every ~20 ms; usable = the page's timestamp of the first trusted click that worked.
- Cells: **median** (min–max; IQR q1–q3) over ${RUNS} runs, ms unless marked. Ratios are of medians from this same run.

## Sizes

${sizes.text}

## Timings and memory

${lines.join("\n")}

## Each step (Continue → next question painted, ms)

${stepLines.join("\n")}

## Where our start-up time goes (ours, ${ours.length} runs)

${tl.join("\n")}

## Start-up script time by file (Long Animation Frames API, throttled 4×)

${loafLines.join("\n")}

## SurveyJS start-up, for comparison

${sjTimeline.join("\n")}

Our Start button was painted before the widget's stylesheet had loaded in ${paintedUnstyled} of ${oursRuns.length} runs, and the first click came before the stylesheet in ${clickedUnstyled} of ${oursRuns.length}.

${retries.length ? `Runs where the first click did not work at once: ${retries.join("; ")}.\n` : "In every run the first click on the first control worked.\n"}
${errors.length ? `Errors in pages:\n\n${errors.map((e) => `- ${e}`).join("\n")}\n` : "No errors in any page.\n"}`;
}

// --- Main. -------------------------------------------------------------------------------------
async function main() {
  for (const f of ["index.html", "send_route_finder_bg.wasm", "send-route-finder.js", "send_route_finder.js", "send-route-finder.css", "rules.json", "councils/luton.json"]) {
    if (!existsSync(join(DIST, f))) throw new Error(`${join(DIST, f)} is missing: build first (trunk build --release, or bash scripts/bench.sh)`);
  }
  const rules = JSON.parse(readFileSync(join(DIST, "rules.json"), "utf8"));
  // The journey's screens, from the rules (so a change to the rules shows here).
  const answers = Object.fromEntries(ANSWERS);
  const seq = enginePath(rules, answers);
  if (seq.join(" ") !== ANSWERS.map(([q]) => q).join(" ")) {
    throw new Error(`the rules no longer ask this journey: they ask ${seq.join(" → ")}`);
  }
  const steps = ANSWERS.map(([q, v], i) => [q, v, i + 1 < ANSWERS.length ? ANSWERS[i + 1][0] : "results"]);

  const distFiles = ["index.html", "send_route_finder_bg.wasm", "send-route-finder.js", "send_route_finder.js", "send-route-finder.css", "rules.json"];
  const stamp = () => distFiles.map((f) => statSync(join(DIST, f)).mtimeMs).join(",");
  const before = stamp();
  const started = new Date();
  const load = loadavg();
  const t0 = Date.now();
  const sizes = sizesTable(rules);
  const server = await serve(DIST, { routes: precompressed(DIST, benchRoutes(rules)) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const browserVersion = `Chromium ${browser.version()}`;
  const runs = [];
  try {
    // One round not counted: the server's and the system's caches warm up.
    process.stderr.write("warm-up round\n");
    for (const subject of Object.keys(SUBJECTS)) await measure(browser, server.url, subject, steps);
    for (let run = 1; run <= RUNS; run++) {
      const line = [];
      for (const subject of Object.keys(SUBJECTS)) {
        const r = await measure(browser, server.url, subject, steps);
        r.run = run;
        runs.push(r);
        line.push(`${subject} usable ${ms(r.usable)} ms${r.results ? `, results ${ms(r.results)} ms` : ""}`);
      }
      process.stderr.write(`run ${run}/${RUNS}: ${line.join("; ")}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const changed = stamp() !== before;
  if (changed) process.stderr.write("WARNING: dist/ changed during the run: the figures mix two builds. Run again.\n");
  let text = report({ sizes, runs, steps, browserVersion, started, seconds: (Date.now() - t0) / 1000, load: [load, loadavg()] });
  if (changed) text += "\n**Warning: dist/ changed during this run; the figures mix two builds.**\n";
  console.log(text);
  if (WRITE) {
    writeFileSync(OUT, text);
    process.stderr.write(`wrote ${OUT.replace(repo + "/", "")}\n`);
    if (JSON_OUT) {
      writeFileSync(OUT.replace(/\.md$/, ".json"), JSON.stringify({ started, browserVersion, runs }, null, 1));
      process.stderr.write(`wrote the raw runs to ${OUT.replace(/\.md$/, ".json").replace(repo + "/", "")}\n`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

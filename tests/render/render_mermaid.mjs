// Render a Mermaid file with the real Mermaid (npm `mermaid`, its browser bundle) inside Debian's
// Chromium, driven by npm `playwright-core`, and check the picture.
//
// Usage:
//   node tests/render/render_mermaid.mjs GRAPH.mmd [OUT.svg] [RULES.json] [--png OUT.png]
//                                        [--expect-label TEXT]...
//     OUT.svg    defaults to GRAPH.svg next to the input
//     RULES.json defaults to ./rules.json
//     --png      also writes a screenshot of the rendered chart, to look at
//     --expect-label TEXT  some node's shown text must contain TEXT exactly (repeatable):
//                the label survived Mermaid's escaping as the reader should see it
//   node tests/render/render_mermaid.mjs --self-test
//     proves the checker can fail: a tiny valid chart must pass, a broken one must be
//     rejected, and a valid chart lacking the question ids must be reported.
//
// Checks: mermaid.parse and mermaid.render succeed (securityLevel 'strict'); the SVG has a
// node whose label starts with each question id of RULES.json (questions[].id), a node that
// reads "Results", and 1 (from Start) plus one arrow per step of each question.
//
// Exit codes: 0 rendered and checked; 1 Mermaid rejected the text or a check failed;
// 2 bad usage or missing tools. Nothing is fetched over the network: the page is blank
// (page.setContent) and Mermaid is injected from node_modules.
//
// Environment: CHROMIUM (default /usr/bin/chromium).

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TIMEOUT_MS = 120_000;

function die(code, msg) {
  console.error(`render_mermaid: ${msg}`);
  process.exit(code);
}

function resolveOrDie(spec) {
  try {
    return require.resolve(spec);
  } catch {
    die(2, `cannot find ${spec}: run \`npm ci\` (or \`npm install\`) in the project root first`);
  }
}

const mermaidJs = resolveOrDie('mermaid/dist/mermaid.min.js');
const mermaidVersion = require(resolveOrDie('mermaid/package.json')).version;
const { chromium } = require(resolveOrDie('playwright-core'));
if (!existsSync(CHROMIUM)) die(2, `no browser at ${CHROMIUM}: install Debian's chromium package`);

// A hung browser must not hang the test run.
setTimeout(() => die(1, `timed out after ${TIMEOUT_MS / 1000}s`), TIMEOUT_MS).unref();

/** One browser page with Mermaid loaded into a blank document. */
async function openPage() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  // Anything the page tries to fetch is refused: the chart must render offline.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="out"></div></body></html>');
  await page.addScriptTag({ path: mermaidJs });
  await page.evaluate(() => {
    if (typeof window.mermaid === 'undefined') throw new Error('mermaid did not load');
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  });
  return { browser, page, version: mermaidVersion };
}

/**
 * Parse and render `text` in the page. Returns { svg, nodes, edges } or { error }.
 * `nodes` is the text of every node box; `edges` the number of arrows drawn.
 */
async function render(page, text, id = 'g') {
  return page.evaluate(
    async ({ text, id }) => {
      const out = document.getElementById('out');
      out.innerHTML = '';
      try {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render(id, text);
        out.innerHTML = svg;
        const el = out.querySelector('svg');
        if (!el) return { error: 'render returned no <svg>' };
        if (el.getAttribute('aria-roledescription') === 'error' || /Syntax error in text/.test(svg)) {
          return { error: 'Mermaid drew its error diagram' };
        }
        const nodes = [...el.querySelectorAll('g.node')].map((n) => n.textContent.replace(/\s+/g, ' ').trim());
        const edges = el.querySelectorAll('g.edgePaths > path, g.edgePaths > g > path, path.flowchart-link').length;
        const box = el.getBBox();
        return { svg, nodes, edges, width: box.width, height: box.height };
      } catch (e) {
        // Mermaid leaves a temporary element behind on failure.
        document.querySelectorAll(`#d${id}, #${id}`).forEach((n) => n.remove());
        return { error: String((e && (e.message || e.str)) || e) };
      }
    },
    { text, id },
  );
}

/** The question ids and the number of arrows the chart should have. */
function expected(rulesPath) {
  const rules = JSON.parse(readFileSync(rulesPath, 'utf8'));
  const ids = rules.questions.map((q) => q.id);
  // One arrow from Start, one per step of each question.
  const edges = 1 + rules.questions.reduce((n, q) => n + (q.next ? q.next.length : 0), 0);
  return { ids, edges };
}

/** Problems with a rendered chart: every question id labels a node, and Results is there. */
function checkContent(result, { ids, edges }, labels = []) {
  const problems = [];
  // A question's node label starts with its id (e.g. "role: Who is using this tool?").
  const startsWithId = (label, id) =>
    label.startsWith(id) && !/[A-Za-z0-9_]/.test(label.charAt(id.length));
  const missing = ids.filter((id) => !result.nodes.some((label) => startsWithId(label, id)));
  if (missing.length) problems.push(`no node for question id(s): ${missing.join(', ')}`);
  if (!result.nodes.includes('Results')) problems.push('no node reading "Results"');
  if (!result.svg.includes('Results')) problems.push('the SVG text lacks "Results"');
  if (edges !== undefined && result.edges !== edges) {
    problems.push(`${result.edges} arrows drawn, expected ${edges} (1 from Start + one per step)`);
  }
  for (const text of labels) {
    const want = text.replace(/\s+/g, ' ').trim();
    if (!result.nodes.some((label) => label.includes(want))) {
      problems.push(`no node shows the text ${JSON.stringify(want)}`);
    }
  }
  return problems;
}

async function selfTest() {
  const { browser, page, version } = await openPage();
  let failed = 0;
  const report = (ok, what) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} self-test: ${what}`);
    if (!ok) failed++;
  };
  try {
    const good = await render(page, 'flowchart TD\n  a["a: One"] --> b(["Results"])\n');
    report(!good.error && good.nodes.length === 2, `valid chart renders (mermaid ${version})${good.error ? `: ${good.error}` : ''}`);
    if (!good.error) {
      const p = checkContent(good, { ids: ['a'], edges: 1 });
      report(p.length === 0, `valid chart passes the content check${p.length ? `: ${p.join('; ')}` : ''}`);
      const q = checkContent(good, { ids: ['a', 'zzz'], edges: 2 }, ['One', 'Three']);
      report(q.length === 3, `content check reports a missing id, arrow and label (${q.join('; ')})`);
    }
    const bad = await render(page, 'flowchart TD\n A -->');
    report(!!bad.error, `broken chart "flowchart TD\\n A -->" is rejected${bad.error ? ` (${bad.error.split('\n')[0]})` : ''}`);
    const bad2 = await render(page, 'flowchart TD\n  a["unclosed] --> b\n');
    report(!!bad2.error, `unclosed quote is rejected${bad2.error ? ` (${bad2.error.split('\n')[0]})` : ''}`);
  } finally {
    await browser.close();
  }
  if (failed) die(1, `self-test: ${failed} check(s) failed`);
  console.log('render_mermaid: self-test passed');
}

async function main(argv) {
  let png;
  const pos = [];
  const labels = [];
  const usage = 'usage: render_mermaid.mjs GRAPH.mmd [OUT.svg] [RULES.json] [--png OUT.png] [--expect-label TEXT]... | --self-test';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--png' || argv[i] === '--expect-label') {
      if (i + 1 >= argv.length) die(2, usage);
      if (argv[i] === '--png') png = argv[++i];
      else labels.push(argv[++i]);
    } else if (argv[i] === '--self-test') return selfTest();
    else pos.push(argv[i]);
  }
  if (pos.length < 1 || pos.length > 3) die(2, usage);
  const [input, outArg, rulesArg] = pos;
  const out = outArg || input.replace(/\.mmd$|$/, '.svg');
  const rulesPath = rulesArg || path.resolve('rules.json');
  if (!existsSync(input)) die(2, `no such file: ${input}`);
  if (!existsSync(rulesPath)) die(2, `no such rules file: ${rulesPath}`);
  const text = readFileSync(input, 'utf8');
  const want = expected(rulesPath);

  const { browser, page } = await openPage();
  let failure;
  try {
    const result = await render(page, text);
    if (result.error) {
      failure = `Mermaid (${mermaidVersion}) rejected ${input}:\n${result.error}`;
    } else {
      writeFileSync(out, result.svg);
      if (png) {
        const el = await page.$('#out svg');
        await el.screenshot({ path: png });
      }
      const problems = checkContent(result, want, labels);
      if (problems.length) {
        failure = `${out}: ${problems.join('; ')}`;
      } else {
        console.log(
          `render_mermaid: ${out}: ${result.nodes.length} nodes, ${result.edges} arrows, ` +
            `all ${want.ids.length} question ids and Results present` +
            (labels.length ? `, ${labels.length} expected label(s) shown` : '') +
            ` (${Math.round(result.width)}x${Math.round(result.height)}, mermaid ${mermaidVersion})`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  if (failure) die(1, failure);
}

main(process.argv.slice(2)).catch((e) => die(1, String((e && e.stack) || e)));

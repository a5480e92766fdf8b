// The pages the benchmark serves next to dist/: the same questionnaire in SurveyJS, and the
// floor (the first question as plain HTML, no script). Used by bench/run.mjs and by
// bench/surveyjs.test.mjs, with the static server of the browser checks.
//
//   import { benchRoutes, SURVEYJS_FILES } from "./pages.mjs";
//   const server = await serve("dist", { routes: benchRoutes(rules) });
//   // /bench/ours.html, /bench/surveyjs.html, /bench/floor.html, /bench/surveyjs/*

import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { MIME } from "../tests/web/server.mjs";
import { convert } from "./surveyjs.mjs";

const require = createRequire(import.meta.url);
// The packages' folders (their "exports" do not list package.json): up from the main file.
function packageDir(name) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json")) || JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json for ${name}`);
    dir = up;
  }
  return dir;
}
const coreDir = packageDir("survey-core");
const uiDir = packageDir("survey-js-ui");

/** SurveyJS's minified builds and default theme, as served: [url path, file]. */
export const SURVEYJS_FILES = [
  ["/bench/surveyjs/survey.core.min.js", join(coreDir, "survey.core.min.js")],
  ["/bench/surveyjs/survey-js-ui.min.js", join(uiDir, "survey-js-ui.min.js")],
  // The default theme without its Open Sans web font from fonts.gstatic.com (loopback only).
  ["/bench/surveyjs/survey-core.fontless.min.css", join(coreDir, "survey-core.fontless.min.css")],
];

export const SURVEYJS_VERSION = JSON.parse(readFileSync(join(coreDir, "package.json"), "utf8")).version;
export const SURVEYJS_UI_VERSION = JSON.parse(readFileSync(join(uiDir, "package.json"), "utf8")).version;

const SURVEYJS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>If you disagree about SEND support (SurveyJS)</title>
  <link rel="stylesheet" href="/bench/surveyjs/survey-core.fontless.min.css">
  <script defer src="/bench/surveyjs/survey.core.min.js"></script>
  <script defer src="/bench/surveyjs/survey-js-ui.min.js"></script>
  <script defer src="/bench/surveyjs/page.js"></script>
</head>
<body>
  <div id="survey"></div>
</body>
</html>
`;

// Builds the model from the JSON file and renders it (survey-js-ui adds Model.render).
const SURVEYJS_PAGE_JS = `"use strict";
fetch("/bench/surveyjs/survey.json")
  .then((response) => response.json())
  .then((json) => {
    const survey = new Survey.Model(json);
    window.survey = survey;
    survey.render(document.getElementById("survey"));
  });
`;

function esc(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The floor: the first question as a plain GOV.UK-like HTML form, no script. */
export function floorHtml(rules) {
  const q = rules.questions.find((x) => x.id === rules.start);
  const text = (t) => (typeof t === "string" ? t : t?.parent);
  const items = q.options
    .map(
      (o) => `        <div class="choice">
          <input id="${esc(q.id)}-${esc(o.value)}" name="${esc(q.id)}" type="radio" value="${esc(o.value)}">
          <label for="${esc(q.id)}-${esc(o.value)}">${esc(text(o.label))}</label>${o.hint ? `\n          <div class="hint">${esc(text(o.hint))}</div>` : ""}
        </div>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(text(q.text))}</title>
  <style>
    body { margin: 0; font-family: arial, sans-serif; font-size: 19px; line-height: 1.3; color: #0b0c0c; }
    main { max-width: 960px; margin: 0 auto; padding: 30px 15px; }
    fieldset { border: 0; margin: 0 0 30px; padding: 0; }
    legend h1 { font-size: 36px; margin: 0 0 20px; }
    .choice { position: relative; min-height: 40px; margin-bottom: 10px; padding-left: 52px; }
    .choice input { position: absolute; left: 0; top: 0; width: 40px; height: 40px; margin: 0; }
    .choice label { display: inline-block; padding: 8px 15px 5px; cursor: pointer; }
    .hint { padding: 0 15px; color: #505a5f; }
    button { font: inherit; background: #00703c; color: #fff; border: 0; box-shadow: 0 2px 0 #002d18; padding: 8px 10px 7px; }
  </style>
</head>
<body>
  <main>
    <form method="get" action="/bench/floor.html" novalidate>
      <fieldset>
        <legend><h1>${esc(text(q.text))}</h1></legend>
${items}
      </fieldset>
      <button type="submit">Continue</button>
    </form>
  </main>
</body>
</html>
`;
}

/** Routes for serve(): the SurveyJS page, its files and survey JSON, and the floor page. */
/** Ours: the same bare page as SurveyJS's, with the element (its fallback marked as the
 *  README's snippet marks it, from the ruleset's start screen) and the one script. */
export function oursHtml(rules) {
  const s = rules.start_screen;
  const p = (name, text) => `    <p data-srf="${name}">${esc(text)}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>If you disagree about SEND support (SEND Route Finder)</title>
</head>
<body>
  <send-route-finder rules="/rules.json" council="/councils/luton.json" heading-level="1">
    <h1 data-srf="title">${esc(s.title)}</h1>
${[...s.paragraphs.map((x) => p("paragraph", x)), p("time", s.time_needed), p("privacy", s.privacy)].join("\n")}
    <p>If this tool does not load, read <a href="https://www.gov.uk/children-with-special-educational-needs/if-you-disagree">GOV.UK: if you disagree with a decision about SEND</a>.</p>
  </send-route-finder>
  <script type="module" src="/send-route-finder.js"></script>
</body>
</html>
`;
}

export function benchRoutes(rules, role = "parent") {
  const routes = {
    "/bench/ours.html": oursHtml(rules),
    "/bench/surveyjs.html": SURVEYJS_HTML,
    "/bench/surveyjs/page.js": { type: MIME[".js"], body: SURVEYJS_PAGE_JS },
    "/bench/surveyjs/survey.json": { type: MIME[".json"], body: JSON.stringify(convert(rules, role)) },
    "/bench/floor.html": floorHtml(rules),
  };
  for (const [path, file] of SURVEYJS_FILES) {
    routes[path] = { type: path.endsWith(".css") ? MIME[".css"] : MIME[".js"], body: readFileSync(file) };
  }
  return routes;
}

/** Every route and every file under `dir` as a route that answers with a body gzipped once, as
 * tests/web/server.mjs would gzip it on each request (same level, same headers), so the
 * server's own work is the same small amount for every page and every run. */
export function precompressed(dir, routes = {}) {
  const out = {};
  const add = (path, type, body) => {
    const raw = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
    const compress = /^(text\/|application\/(json|wasm|javascript)|image\/svg)/.test(type) && raw.length > 0;
    const gz = compress ? gzipSync(raw) : null;
    out[path] = (req, res) => {
      const useGz = gz && /\bgzip\b/.test(req.headers["accept-encoding"] || "");
      const data = useGz ? gz : raw;
      const headers = { "Content-Type": type, "Cache-Control": "no-store", Vary: "Accept-Encoding", "Content-Length": data.length };
      if (useGz) headers["Content-Encoding"] = "gzip";
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : data);
    };
  };
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const file = join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else {
        const path = "/" + relative(dir, file).split(sep).join("/");
        const type = MIME[extname(file).toLowerCase()] || "application/octet-stream";
        add(path, type, readFileSync(file));
        if (path.endsWith("/index.html")) add(path.slice(0, -"index.html".length), type, readFileSync(file));
      }
    }
  };
  walk(dir);
  for (const [path, r] of Object.entries(routes)) {
    if (typeof r === "function") out[path] = r;
    else if (typeof r === "string") add(path, MIME[".html"], r);
    else add(path, r.type || MIME[".html"], r.body ?? "");
  }
  return out;
}

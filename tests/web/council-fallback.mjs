// A family never loses the national routes to a council's mistake (issue 14), in Debian's
// headless Chromium driven by playwright-core. The council's file is:
//   a. missing (404),
//   b. not JSON (a syntax error),
//   c. JSON that fails the widget's checks (it removes a national route);
// and in each case the widget must start with the national ruleset, walk to the results with
// national contacts, show the family one line saying local contact details could not be loaded
// with a way to find the council's SEND team (the https link in the element's fallback content,
// else GOV.UK's "Find your local council"), write the reason to the console for the council,
// and never show "could not start". Then d: a ruleset that cannot be used still shows "could
// not start", with a good council file.
//
//   node tests/web/council-fallback.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "fallback: N passed, M failed".

import { readFileSync } from "node:fs";
import { AXE_VERSION, describeViolations, inWidget, JOURNEYS, journey, problems, runAxe, suite, waitReady } from "./lib.mjs";


const broken = (name) => readFileSync(new URL(`../broken/${name}`, import.meta.url), "utf8");
const page = (rules, council, fallback) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council page</title></head>
<body><main><h1>SEND: if you disagree</h1>
<send-route-finder rules="${rules}" council="${council}" heading-level="2">${fallback}</send-route-finder>
</main><script type="module" src="send-route-finder.js"></script></body></html>`;
const COUNCIL_LINK = '<p>If this tool does not load, read <a href="https://www.example.org/send/disagreements">our page about disagreements</a>.</p>';
const NO_LINK = "<p>If this tool does not load, contact SENDIASS.</p>";

const CASES = [
  ["a council file that is missing (404)", "councils/no-such-council.json", COUNCIL_LINK, /answered 404/, "https://www.example.org/send/disagreements"],
  ["a council file that is not JSON", "bad-syntax.json", NO_LINK, /not valid JSON/, "https://www.gov.uk/find-local-council"],
  ["a council file that fails the widget's checks", "bad-check.json", COUNCIL_LINK, /cannot be used/, "https://www.example.org/send/disagreements"],
];

const { server, t, withPage, check, finish } = await suite("fallback", {
  routes: {
    "/bad-syntax.json": { type: "application/json", body: '{ "council": { "name": "Nowhere" ' },
    "/bad-check.json": { type: "application/json", body: broken("overlay-remove-national-route.json") },
    "/bad-rules.json": { type: "application/json", body: broken("rules-ref-next-missing-question.json") },
    ...Object.fromEntries(CASES.map(([, council, fallback], i) => [`/case-${i}.html`, page("rules.json", council, fallback)])),
    "/broken-rules.html": page("bad-rules.json", "councils/luton.json", COUNCIL_LINK),
  },
});

async function checkCase(i) {
  const [name, council, , reason, href] = CASES[i];
  await withPage({}, async (pg, errors) => {
    const p = problems();
    await pg.goto(`${server.url}case-${i}.html`, { waitUntil: "load" });
    await waitReady(pg);
    const notice = inWidget(pg, ".srf-no-local");
    p.expect((await notice.count()) === 1, "no one-line notice");
    const text = (await notice.first().textContent()) || "";
    p.expect(/^Local contact details could not be loaded\. To find your council's SEND team, use .+\.$/.test(text.trim()), `the notice says "${text}"`);
    const link = await notice.locator("a").first().getAttribute("href");
    p.expect(link === href, `the notice links to ${link}, not ${href}`);
    p.expect((await inWidget(pg, ".srf-load-error").count()) === 0, 'it shows "could not start"');
    const logged = errors.filter((e) => /send-route-finder: the council's file/.test(e));
    p.expect(logged.length === 1 && reason.test(logged[0]), `the console says: ${errors.join(" | ") || "nothing"}`);
    // The national routes, with national contacts, all the way to the results.
    await journey(pg, JOURNEYS.decision);
    const title = (await inWidget(pg, ".srf-results .srf-heading-l").textContent()).trim();
    p.expect(title === "Your options", `the results are headed "${title}" (a council's name would mean its file was used)`);
    const routes = await inWidget(pg, "article.srf-route").count();
    p.expect((await inWidget(pg, "#srf-route-tribunal_appeal").count()) === 1, `no tribunal_appeal among ${routes} routes`);
    p.expect((await notice.count()) === 1, "the notice is no longer there on the results");
    const axe = await runAxe(pg);
    p.expect(axe.violations.length === 0, `axe: ${describeViolations(axe.violations)}`);
    const others = errors.filter((e) => !/send-route-finder: the council's file/.test(e) && !/Failed to load resource.*404/.test(e));
    p.expect(others.length === 0, `other errors: ${others.join("; ")}`);
    t.record(p.ok, `${name}: the national routes, one line for the family, the reason in the console`, `"${text.trim()}" → ${link}; ${routes} routes; console: ${(logged[0] || "").slice(0, 160)}; axe-core ${AXE_VERSION}: ${axe.violations.length} violations`, p.text());
  });
}

async function checkBrokenRules() {
  await withPage({}, async (pg, errors) => {
    await pg.goto(`${server.url}broken-rules.html`, { waitUntil: "load" });
    await inWidget(pg, ".srf-load-error").waitFor({ timeout: 20000 });
    const logged = errors.filter((e) => /could not start/.test(e));
    t.record(logged.length > 0 && (await inWidget(pg, ".srf-no-local").count()) === 0, "a ruleset that cannot be used still shows \"could not start\", even with a good council file", logged[0] ? logged[0].slice(0, 160) : errors.join("; "));
  });
}

await finish(async () => {
  for (let i = 0; i < CASES.length; i++) await check(`case-${i}`, 60, () => checkCase(i));
  await check("rules", 60, checkBrokenRules);
});

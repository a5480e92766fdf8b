// Come back later, in Debian's headless Chromium driven by playwright-core. A family rarely acts
// in one sitting, and a shared device must not keep answers nobody asked it to keep:
//   - answers saved on the device only when the person asks; restored on the next visit (axe on
//     the restored results); deleted by "Delete saved answers" and by Start again;
//   - a link with the answers in the fragment only (never sent to a server): it opens the same
//     results, the fragment leaves the address bar, nothing is stored, and on a page with two
//     widgets only its own widget opens it.
//
//   node tests/web/come-back.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "come-back: N passed, M failed".

import {
  axeScreens,
  inWidget,
  journey,
  JOURNEYS,
  open,
  problems,
  routeIds,
  suite,
  TWO_WIDGETS,
  waitReady,
  waitScreen,
} from "./lib.mjs";

const { server, t, withPage, check, finish } = await suite("come-back", { routes: { "/two.html": TWO_WIDGETS } });
const DEMO = server.url;
const axe = axeScreens(t);
const axeScreen = axe.axeScreen;

// ---------------------------------------------------------------------------------------------
// Saved answers, and a link

async function checkComeBack() {
  // Saved on request, restored on the next visit, deleted by the button and by Start again.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("srf:")));
    await journey(page, JOURNEYS.decision);
    const before = await routeIds(page);
    const p = problems();
    p.expect((await keys()).length === 0, "something was stored before the person asked");
    await inWidget(page, ".srf-keep-answers").click();
    await inWidget(page, ".srf-saved").waitFor();
    const stored = await keys();
    p.expect(stored.length === 1 && stored[0].startsWith("srf:answers:/"), `stored under ${stored.join(", ")}`);
    await page.reload();
    await page.locator("send-route-finder[data-srf-ready]").waitFor({ state: "attached" });
    await waitScreen(page, "results");
    const after = await routeIds(page);
    p.expect(JSON.stringify(before) === JSON.stringify(after), `after a reload: ${after.join(",")} (was ${before.join(",")})`);
    await axeScreen(page, "results restored from this device");
    await inWidget(page, ".srf-delete-saved").click();
    await inWidget(page, ".srf-keep-answers").waitFor();
    p.expect((await keys()).length === 0, "Delete saved answers left them stored");
    await inWidget(page, ".srf-keep-answers").click();
    await inWidget(page, ".srf-saved").waitFor();
    await inWidget(page, ".srf-start-again").click();
    await waitScreen(page, "start");
    p.expect((await keys()).length === 0, "Start again left them stored");
    await page.reload();
    await waitReady(page);
    p.expect((await inWidget(page, ".srf-results").count()) === 0, "after Start again a reload still opens the results");
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "come back later: answers saved only on request, restored after a reload, deleted by the button and by Start again", `key ${stored[0]}; ${after.length} routes restored`, p.text());
  });
  // A link: the answers in the fragment only; opening it shows the same results, and the
  // fragment leaves the address bar; nothing is stored; a second widget is not affected.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    await journey(page, JOURNEYS.planIssued);
    const before = await routeIds(page);
    const link = await inWidget(page, ".srf-link").inputValue();
    const url = new URL(link);
    const p = problems();
    p.expect(url.search === "" && url.hash.startsWith("#srf-0="), `the link ${link} must carry the answers in the fragment only`);
    const requests = [];
    const other = await page.context().newPage();
    other.on("request", (r) => requests.push(r.url()));
    await other.goto(link, { waitUntil: "load" });
    await other.locator("send-route-finder[data-srf-ready]").waitFor({ state: "attached" });
    await waitScreen(other, "results");
    const after = await routeIds(other);
    const address = other.url();
    const stored = await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("srf:")).length);
    p.expect(JSON.stringify(before) === JSON.stringify(after), `the link opened ${after.join(",")} (was ${before.join(",")})`);
    p.expect(!address.includes("#"), `the fragment is still in the address bar: ${address}`);
    p.expect(requests.every((u) => !u.includes("plan_issued") && !u.includes("#")), "answers went into a request");
    p.expect(stored === 0, "opening a link stored the answers");
    // Two widgets: a link for the second leaves the first on its start screen.
    const two = `${DEMO}two.html#srf-b=${encodeURIComponent(decodeURIComponent(url.hash.slice("#srf-0=".length)))}`;
    await other.goto(two, { waitUntil: "load" });
    await waitReady(other, 0);
    await other.locator("send-route-finder[data-srf-ready]").nth(1).waitFor({ state: "attached" });
    await waitScreen(other, "results", 1);
    p.expect((await inWidget(other, ".srf-results", 0).count()) === 0, "the first widget opened the second's link");
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "come back later: a link with the answers in the fragment opens the same results, leaves the address bar, stores nothing, only for its own widget", `${link.length}-character link; ${after.length} routes`, p.text());
  });
}

await finish(async () => {
  await check("come back later", 90, checkComeBack);
  console.log(axe.summary());
});

// The early start screen, in Debian's headless Chromium driven by playwright-core. On a slow
// connection the wasm takes seconds to arrive; meanwhile the loader (send-route-finder.js) draws
// the start screen from the fallback's texts, so the family can read and press Start at once.
// With the wasm held back:
//   - the early screen is identical to the widget's own, pixel for pixel and word for word;
//   - axe finds nothing on it;
//   - Start pressed before the wasm arrives says it is starting, then leads on to the first
//     question with focus on its heading, and the srf-start, srf-step and srf-results events come
//     as usual;
//   - keyboard focus on Start stays on Start when the widget takes over.
//
//   node tests/web/early-start.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "early-start: N passed, M failed".

import {
  axeScreens,
  describeFocus,
  focusInfo,
  HEADING,
  inWidget,
  JOURNEYS,
  problems,
  step,
  suite,
  waitFocus,
  waitReady,
  waitScreen,
  widget,
} from "./lib.mjs";

const { server, t, withPage, check, finish } = await suite("early-start");
const DEMO = server.url;
const axe = axeScreens(t);
const axeScreen = axe.axeScreen;

// ---------------------------------------------------------------------------------------------
// The start screen before the wasm arrives (drawn by the loader from the fallback's texts)

/** Open the demo page with the wasm held back until `release()` is called. */
async function openHeld(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/send_route_finder_bg.wasm*", async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["srf-start", "srf-step", "srf-results"]) {
      document.addEventListener(name, (e) => window.__events.push(`${name}:${JSON.stringify(e.detail)}`));
    }
  });
  await page.goto(DEMO, { waitUntil: "load" });
  await inWidget(page, ".srf-button--start").waitFor({ state: "visible", timeout: 10000 });
  return release;
}

const isReady = (page) => page.locator("send-route-finder[data-srf-ready]").count();

async function checkEarlyStart() {
  // The same look as the widget's own start screen, pixel for pixel.
  await withPage({}, async (page, errors) => {
    const release = await openHeld(page);
    const p = problems();
    p.expect((await isReady(page)) === 0, "the wasm was held back, yet the widget says it is ready");
    const early = await widget(page).screenshot();
    const earlyText = (await widget(page).locator(".srf-screen").innerText()).trim();
    release();
    await waitReady(page);
    const late = await widget(page).screenshot();
    const lateText = (await widget(page).locator(".srf-screen").innerText()).trim();
    p.expect(earlyText === lateText, `the texts differ:\n      before: ${earlyText}\n      after:  ${lateText}`);
    p.expect(early.equals(late), `the screenshots differ (${early.length} and ${late.length} bytes)`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "early start screen: identical to the widget's, before and after the wasm arrives", `${early.length}-byte PNG, ${earlyText.split("\n").filter(Boolean).length} lines of text`, p.text());
  });
  // Accessible before the wasm arrives.
  await withPage({}, async (page) => {
    const release = await openHeld(page);
    await axeScreen(page, "start screen before the wasm arrives");
    release();
  });
  // A click before the wasm arrives leads on to the first question, with focus on its heading.
  await withPage({}, async (page, errors) => {
    const release = await openHeld(page);
    const p = problems();
    await inWidget(page, ".srf-button--start").click();
    const label = (await inWidget(page, ".srf-button--start").innerText()).trim();
    const live = (await inWidget(page, '[aria-live="polite"]').first().textContent()).trim();
    p.expect(label === "Starting", `the button says "${label}" after the click`);
    p.expect(live === "Loading the questions.", `the live region says "${live}"`);
    release();
    await waitScreen(page, "role");
    const focus = await waitFocus(page, `legend ${HEADING}`);
    p.expect(focus.ok, `focus should be on the question's heading, is on ${describeFocus(focus.focus)}`);
    const steps = JOURNEYS.health;
    for (let i = 0; i < steps.length; i++) await step(page, steps[i][0], steps[i][1], i + 1 < steps.length ? steps[i + 1][0] : "results");
    const events = await page.evaluate(() => window.__events);
    p.expect(events.filter((e) => e.startsWith("srf-start")).length === 1, `srf-start should come once: ${events.join(" ")}`);
    p.expect(events.includes('srf-step:"role"'), `no srf-step for the first question: ${events.join(" ")}`);
    p.expect(events.some((e) => e.startsWith("srf-results:")), `no srf-results: ${events.join(" ")}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "early start screen: Start pressed before the wasm arrives leads on to the first question", `button "${label}", live "${live}", focus ${describeFocus(focus.focus)}; events ${events.join(" ")}`, p.text());
  });
  // By keyboard: focus on Start stays on Start when the widget takes over.
  await withPage({}, async (page, errors) => {
    const release = await openHeld(page);
    const p = problems();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await focusInfo(page)).cls?.includes("srf-button--start");
    }
    p.expect(reached, "Tab did not reach the early Start button");
    release();
    await waitReady(page);
    const focus = await waitFocus(page, ".srf-button--start");
    p.expect(focus.ok, `focus should stay on Start, is on ${describeFocus(focus.focus)}`);
    await page.keyboard.press("Enter");
    await waitScreen(page, "role");
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "early start screen: keyboard focus on Start is kept when the widget takes over", describeFocus(focus.focus), p.text());
  });
}

await finish(async () => {
  await check("early start screen", 90, checkEarlyStart);
  console.log(axe.summary());
});

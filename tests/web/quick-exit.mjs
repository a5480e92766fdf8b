// Quick exit, in Debian's headless Chromium driven by playwright-core. A parent or young person
// may need to hide what they are reading at once. When a council switches it on (the quick-exit
// attribute), the widget shows "Exit this page", and pressing Shift three times anywhere on the
// page does the same: it leaves for a neutral page, forgets the answers the widget saved, and
// Back does not return to the widget. Ordinary typing must never trigger it (Shift+Tab, Shift
// with another key between, capital letters typed in the letter box), and without the attribute
// there is no button. Axe on the start screen with the button.
//
//   node tests/web/quick-exit.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "quick-exit: N passed, M failed".

import {
  axeScreens,
  demoPage,
  inWidget,
  journey,
  JOURNEYS,
  open,
  problems,
  suite,
  waitScreen,
} from "./lib.mjs";

/** The demo page with quick exit switched on, leaving for a page on this site. */
const EXIT = demoPage().replace('<send-route-finder rules="rules.json"', '<send-route-finder quick-exit="/neutral.html" rules="rules.json"');
const NEUTRAL_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head><body><p>Weather</p></body></html>`;

const { server, t, withPage, check, finish } = await suite("quick-exit", { routes: { "/exit.html": EXIT, "/neutral.html": NEUTRAL_PAGE } });
const DEMO = server.url;
const axe = axeScreens(t);
const axeScreen = axe.axeScreen;

// ---------------------------------------------------------------------------------------------
// Quick exit

async function checkQuickExit() {
  // The button: it leaves for the neutral page, forgets what the widget saved, and Back does
  // not return to the widget.
  await withPage({}, async (page, errors) => {
    await page.goto(`${DEMO}neutral.html`);
    await open(page, `${DEMO}exit.html`);
    await axeScreen(page, "start screen with quick exit");
    await page.evaluate(() => {
      localStorage.setItem("srf:answers:test", "{}");
      localStorage.setItem("page-own-key", "kept");
    });
    await inWidget(page, ".srf-button--start").click();
    await waitScreen(page, "role");
    const label = (await inWidget(page, ".srf-exit__button").innerText()).trim();
    await Promise.all([page.waitForURL(/neutral\.html$/), inWidget(page, ".srf-exit__button").click()]);
    const stored = await page.evaluate(() => ({ ours: localStorage.getItem("srf:answers:test"), theirs: localStorage.getItem("page-own-key") }));
    await page.goBack().catch(() => null);
    const afterBack = page.url();
    const p = problems();
    p.expect(label.startsWith("Exit this page"), `the button says "${label}"`);
    p.expect(stored.ours === null, "the widget's saved answers were not forgotten");
    p.expect(stored.theirs === "kept", "the page's own storage was touched");
    p.expect(!/exit\.html/.test(afterBack), `Back returned to the widget: ${afterBack}`);
    p.expect(errors.length === 0, `errors: ${errors.join("; ")}`);
    t.record(p.ok, "quick exit: the button leaves for the neutral page, forgets saved answers, Back does not return", `button "${label}"; saved answers ${stored.ours === null ? "gone" : "kept"}; page's own key ${stored.theirs}; Back goes to ${new URL(afterBack).pathname}`, p.text());
  });
  // Shift three times, from anywhere on the page.
  await withPage({}, async (page, errors) => {
    await open(page, `${DEMO}exit.html`);
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await Promise.all([page.waitForURL(/neutral\.html$/, { timeout: 5000 }), page.keyboard.press("Shift")]);
    t.record(errors.length === 0, "quick exit: Shift pressed 3 times leaves at once", new URL(page.url()).pathname, errors.join("; "));
  });
  // Ordinary keyboard use never leaves: Shift with another key, or another key between presses.
  const stays = async (name, keys) =>
    withPage({}, async (page, errors) => {
      await open(page, `${DEMO}exit.html`);
      await keys(page);
      await page.waitForTimeout(600);
      const path = new URL(page.url()).pathname;
      t.record(/exit\.html$/.test(path) && errors.length === 0, `quick exit: ${name} stays`, path, errors.join("; "));
    });
  await stays("Shift+Tab pressed 3 times", async (page) => {
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Tab");
  });
  await stays("Shift twice, another key, Shift once", async (page) => {
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("a");
    await page.keyboard.press("Shift");
  });
  await stays("typing \"Dear Ms Smith, I Am\" in the letter box", async (page) => {
    await journey(page, JOURNEYS.health);
    await inWidget(page, ".srf-letter summary").first().click();
    await inWidget(page, ".srf-letter textarea").first().focus();
    // As a person types: Shift held down for each capital letter.
    for (const c of "Dear Ms Smith, I Am") {
      if (c >= "A" && c <= "Z") {
        await page.keyboard.down("Shift");
        await page.keyboard.press(`Key${c}`);
        await page.keyboard.up("Shift");
      } else {
        await page.keyboard.type(c);
      }
    }
    const typed = await inWidget(page, ".srf-letter textarea").first().inputValue();
    if (!typed.includes("Dear Ms Smith, I Am")) throw new Error("the letter box did not get the typing");
  });
  // Without the attribute there is no exit button.
  await withPage({}, async (page) => {
    await open(page, DEMO);
    const count = await inWidget(page, ".srf-exit__button").count();
    t.record(count === 0, "quick exit: off unless the council switches it on", `${count} buttons on the plain demo page`);
  });
}

await finish(async () => {
  await check("quick exit", 60, checkQuickExit);
  console.log(axe.summary());
});

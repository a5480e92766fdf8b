// A whole journey by keyboard only, on the demo page, in Debian's headless Chromium driven by
// playwright-core: Tab, Shift+Tab, Enter, Space and the arrow keys, as a person who cannot use a
// mouse would. Start now; a radio question with its error summary and the error's link; arrow
// keys between radios; Back keeping the answer; "Help with this question"; a date that does not
// exist and its error; the results' calendar button, "The law behind this", Change, Save and
// Start again. At each step focus must land where the person expects it (the new screen's
// heading, the error summary, the box with the error), and every control must show visibly that
// it has focus (WCAG 2.4.7): a keyboard user who loses focus, or cannot see it, is stuck.
//
//   node tests/web/keyboard.mjs dist
//
// One line per check, "ok" or "FAIL" with figures; the last line is "keyboard: N passed, M failed".

import {
  daysAgo,
  focusShows,
  HEADING,
  inWidget,
  keyboardMoves,
  look,
  open,
  problems,
  routeIds,
  suite,
  waitScreen,
} from "./lib.mjs";

const { server, t, withPage, check, finish } = await suite("keyboard");
const DEMO = server.url;

// ---------------------------------------------------------------------------------------------
// Keyboard only

async function checkKeyboard() {
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    const p = problems();
    const trail = [];
    const { key, tabTo, focusOn, pastHelp: helpSummary } = keyboardMoves(page, p, trail, { tabs: 60, traceFocus: true });
    /** The focused look of `css` must differ visibly from its unfocused look. */
    const indicator = async (css, before, what) => {
      const after = await look(inWidget(page, css).first());
      const r = focusShows(before, after);
      p.expect(r.ok, `${what}: no visible focus indicator (unfocused ${JSON.stringify(before)}, focused ${JSON.stringify(after)})`);
      indicators.push(`${what}: ${r.ok ? r.changed.join("+") : "NONE"}`);
    };
    const indicators = [];
    /** A question with "Help with this question": Tab from the heading reaches its summary
     *  first, and Enter opens it (on the first question); then on. */
    const pastHelp = (q) => helpSummary(q, { open: q === "role" });
    const live = () => inWidget(page, '[aria-live="polite"]').first().textContent();
    const checked = (id) => inWidget(page, `#${id}`).isChecked();

    // Start screen → Start now.
    let before = await look(inWidget(page, ".srf-button--start"));
    if (!(await tabTo(".srf-button--start", "Start now"))) throw new Error(p.list.at(-1));
    await indicator(".srf-button--start", before, "Start now button");
    await key("Enter");
    await waitScreen(page, "role");
    await focusOn(`h2${HEADING}`, "role: heading after Start");
    p.expect(/^Question:/.test((await live()).trim()), `role: live region says "${await live()}", not "Question: …"`);

    // role: Continue with nothing chosen → error summary; its link → the first radio.
    before = await look(inWidget(page, "#srf-role-parent"));
    await pastHelp("role");
    await key("Tab");
    await focusOn("#srf-role-parent", "role: Tab into the radios");
    await indicator("#srf-role-parent", before, "radio");
    before = await look(inWidget(page, 'button[type="submit"]'));
    await key("Tab");
    await focusOn('button[type="submit"]', "role: Tab to Continue");
    await indicator('button[type="submit"]', before, "Continue button");
    await key("Enter");
    await waitScreen(page, "error");
    await focusOn(".srf-error-summary", "role: error summary after Continue with no answer");
    p.expect(await inWidget(page, ".srf-error-message").isVisible(), "role: no .srf-error-message beside the question");
    p.expect(/problem/i.test(await live()), `role: live region says "${await live()}" after the error`);
    before = await look(inWidget(page, ".srf-error-summary a"));
    await key("Tab");
    await focusOn(".srf-error-summary a", "role: Tab to the error link");
    await indicator(".srf-error-summary a", before, "error summary link");
    await key("Enter");
    await focusOn("#srf-role-parent", "role: Enter on the error link focuses the radio");
    await key("Space");
    p.expect(await checked("srf-role-parent"), "role: Space did not choose 'parent'");
    await key("Tab");
    await focusOn('button[type="submit"]', "role: Tab to Continue");
    await key("Enter");
    await waitScreen(page, "age");
    await focusOn(`h2${HEADING}`, "age: heading");

    // age: arrow keys move the choice.
    await key("Tab");
    await focusOn("#srf-age-under_16", "age: Tab into the radios");
    await key("ArrowDown");
    await focusOn("#srf-age-16_to_17", "age: ArrowDown");
    await key("ArrowDown");
    await key("ArrowUp");
    await focusOn("#srf-age-16_to_17", "age: ArrowDown, ArrowUp");
    // 18 to 25: 16 or 17 would add a question (finished_year_11, checked in round2.mjs).
    await key("ArrowDown");
    await focusOn("#srf-age-18_to_25", "age: ArrowDown, ArrowUp, ArrowDown");
    p.expect(await checked("srf-age-18_to_25"), "age: the arrow keys did not choose 18 to 25");
    await key("Tab");
    await focusOn('button[type="submit"]', "age: Tab to Continue");
    await key("Space");
    await waitScreen(page, "ehcp");
    await focusOn(`h2${HEADING}`, "ehcp: heading (Continue pressed with Space)");

    // Back with Shift+Tab and Enter; the answer is kept; forward again.
    before = await look(inWidget(page, ".srf-back-link"));
    await key("Shift+Tab");
    await focusOn(".srf-back-link", "ehcp: Shift+Tab to Back");
    await indicator(".srf-back-link", before, "Back link button");
    await key("Enter");
    await waitScreen(page, "age");
    await focusOn(`h2${HEADING}`, "age: heading after Back");
    p.expect(await checked("srf-age-18_to_25"), "age: the answer was lost after Back");
    await key("Tab");
    await focusOn("#srf-age-18_to_25", "age: Tab lands on the chosen radio");
    await key("Tab");
    await key("Enter");
    await waitScreen(page, "ehcp");
    await focusOn(`h2${HEADING}`, "ehcp: heading");

    // ehcp, about, decision.
    for (const [q, first, arrows, value, next] of [
      ["ehcp", "yes", 0, "yes", "about"],
      ["about", "la_decision", 0, "la_decision", "decision"],
      ["decision", "refuse_assessment", 2, "refuse_plan", "decision_date"],
    ]) {
      await pastHelp(q);
      await key("Tab");
      await focusOn(`#srf-${q}-${first}`, `${q}: Tab into the radios`);
      if (arrows) await key("ArrowDown", arrows);
      else await key("Space");
      p.expect(await checked(`srf-${q}-${value}`), `${q}: '${value}' not chosen by keyboard`);
      await key("Tab");
      await key("Enter");
      await waitScreen(page, next);
      await focusOn(`h2${HEADING}`, `${next}: heading`);
    }

    // decision_date: a date that does not exist, the error, then the right one.
    const typeDate = async (q, { day, month, year }, clear = false) => {
      for (const [part, value] of [["day", day], ["month", month], ["year", year]]) {
        if (part !== "day") await key("Tab");
        await focusOn(`#srf-${q}-${part}`, `${q}: the ${part} box`);
        if (clear) await key("Control+A");
        await page.keyboard.type(value, { delay: 10 });
      }
    };
    before = await look(inWidget(page, "#srf-decision_date-day"));
    await pastHelp("decision_date");
    await key("Tab");
    await indicator("#srf-decision_date-day", before, "date text box");
    await typeDate("decision_date", { day: "31", month: "2", year: "2024" });
    await key("Tab");
    await focusOn("#srf-decision_date-unknown", "decision_date: Tab to 'I do not know'");
    await key("Tab");
    await focusOn('button[type="submit"]', "decision_date: Tab to Continue");
    await key("Enter");
    await waitScreen(page, "error");
    await focusOn(".srf-error-summary", "decision_date: error summary after 31/2/2024");
    p.expect((await inWidget(page, ".srf-input--error").count()) > 0, "decision_date: no box is marked .srf-input--error");
    await key("Tab");
    await key("Enter");
    await focusOn("#srf-decision_date-day", "decision_date: the error link focuses the day box");
    await typeDate("decision_date", daysAgo(20), true);
    await key("Tab", 2);
    await key("Enter");
    await waitScreen(page, "certificate");
    await focusOn(`h2${HEADING}`, "certificate: heading");

    await pastHelp("certificate");
    await key("Tab");
    await focusOn("#srf-certificate-yes", "certificate: Tab into the radios");
    await key("Space");
    await key("Tab");
    await key("Enter");
    await waitScreen(page, "certificate_date");
    await focusOn(`h2${HEADING}`, "certificate_date: heading");
    await key("Tab");
    await typeDate("certificate_date", daysAgo(10));
    await key("Tab", 2);
    await focusOn('button[type="submit"]', "certificate_date: Tab to Continue");
    await key("Enter");
    await waitScreen(page, "results");
    await focusOn(`h2${HEADING}`, "results: heading");
    p.expect(/options/i.test(await live()), `results: live region says "${await live()}"`);
    const ids = await routeIds(page);
    p.expect(ids.includes("tribunal_appeal"), `results: no tribunal_appeal route (${ids.join(", ")})`);

    // Results: the calendar button, a "The law behind this" summary, a Change button, Save,
    // then Start again.
    before = await look(inWidget(page, ".srf-calendar").first());
    await tabTo(".srf-calendar", "first 'Add the last day to your calendar'");
    await indicator(".srf-calendar", before, "calendar button");
    // (Not "How this date was worked out", which comes before the calendar button.)
    const details = ".srf-details:not(.srf-reason) summary";
    before = await look(inWidget(page, details).first());
    await tabTo(details, "first 'The law behind this'");
    await indicator(details, before, "details summary");
    await key("Enter");
    p.expect(
      await page.evaluate(() => {
        const el = document.querySelector("send-route-finder").shadowRoot.activeElement;
        return !!el && !!el.closest("details") && el.closest("details").open;
      }),
      "results: Enter did not open the details",
    );
    const change = ".srf-summary-list__actions .srf-link-button";
    before = await look(inWidget(page, change).first());
    await tabTo(change, "first Change");
    await indicator(change, before, "Change link button");
    before = await look(inWidget(page, ".srf-save"));
    await tabTo(".srf-save", "Save your results");
    await indicator(".srf-save", before, "Save button");
    before = await look(inWidget(page, ".srf-start-again"));
    await tabTo(".srf-start-again", "Start again");
    await indicator(".srf-start-again", before, "Start again button");
    await key("Enter");
    await waitScreen(page, "start");
    await focusOn(`h2${HEADING}`, "start: heading after Start again");

    p.expect(errors.length === 0, `script errors: ${errors.join("; ")}`);
    t.record(
      p.ok,
      "keyboard only: Start → role (error) → … → decision_date (error) → results → Start again",
      `${trail.filter((s) => /heading|error summary/.test(s)).length} focus moves to a heading or error summary checked; focus indicators: ${indicators.join(", ")}`,
      p.ok ? "" : p.text() + "\n    trail: " + trail.join(" | "),
    );
  });
}

await finish(async () => {
  await check("keyboard only", 90, checkKeyboard);
});

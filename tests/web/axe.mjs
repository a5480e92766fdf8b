// axe-core (WCAG 2.0, 2.1 and 2.2, A and AA, no rule off) on every distinct kind of screen the
// demo page shows in its journeys, in Debian's headless Chromium driven by playwright-core: the
// start screen; a radio, a date and a checkbox question, each also with its error; the results
// of a council decision (also with "The law behind this" open), of health, exclusion, a young
// person's social care, and setting support with no council chosen. A screen a family can reach
// that axe has not seen is a screen nobody has checked. (The other suites run axe on the screens
// of their own features too: the load failure, a letter, quick exit, saved answers, the preview,
// the early start screen.)
//
//   node tests/web/axe.mjs dist
//
// One line per screen, "ok" or "FAIL" with figures; the last line is "axe: N passed, M failed".

import {
  axeScreens,
  daysAgo,
  fill,
  inWidget,
  journey,
  JOURNEYS,
  open,
  step,
  submit,
  suite,
  waitReady,
  waitScreen,
} from "./lib.mjs";

const { server, t, withPage, check, finish } = await suite("axe");
const DEMO = server.url;
const axe = axeScreens(t);
const axeScreen = axe.axeScreen;

// ---------------------------------------------------------------------------------------------
// Every distinct screen of the demo page's journeys

async function checkAxe() {
  // Start screen, a radio question, the same with its error summary.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    await axeScreen(page, "start screen");
    await inWidget(page, ".srf-button--start").click();
    await waitScreen(page, "role");
    await axeScreen(page, "radio question (role)");
    await submit(page);
    await waitScreen(page, "error");
    await axeScreen(page, "radio question with error summary (role)");
    t.record(errors.length === 0, "axe journeys: no script errors (start, role)", errors.join("; ") || "none");
  });

  // A council decision with dates: the date question, its error, the results, the details
  // open; then Change the decision to a plan: the checkbox question and its error.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    const steps = JOURNEYS.decision;
    await journey(page, steps.slice(0, 5), { end: "decision_date" });
    await axeScreen(page, "date question (decision_date)");
    await fill(page, "decision_date", { day: "31", month: "2", year: "2024" });
    await submit(page);
    await waitScreen(page, "error");
    await inWidget(page, ".srf-error-message").waitFor();
    await axeScreen(page, "date question with error (31/2/2024)");
    await step(page, "decision_date", daysAgo(20), "certificate");
    await step(page, "certificate", "yes", "certificate_date");
    await step(page, "certificate_date", daysAgo(10), "results");
    await axeScreen(page, "results: council decision (la_decision/refuse_plan, dates)");
    await inWidget(page, ".srf-details summary").first().click();
    await axeScreen(page, "results with 'The law behind this' open");
    // "Your answers" rows are in the order asked: role, age, ehcp, about, decision, …
    await inWidget(page, ".srf-summary-list .srf-link-button").nth(4).click();
    await waitScreen(page, "decision");
    await step(page, "decision", "plan_issued", "plan_parts");
    await axeScreen(page, "checkbox question (plan_parts)");
    await submit(page);
    await waitScreen(page, "error");
    await axeScreen(page, "checkbox question with error summary (plan_parts)");
    t.record(errors.length === 0, "axe journeys: no script errors (decision, change)", errors.join("; ") || "none");
  });

  for (const [name, key] of [
    ["results: health", "health"],
    ["results: exclusion", "exclusion"],
    ["results: young person (social care, 18 to 25)", "youngPerson"],
  ]) {
    await withPage({}, async (page, errors) => {
      await open(page, DEMO);
      await journey(page, JOURNEYS[key]);
      await axeScreen(page, name);
      if (errors.length) t.record(false, `axe journeys: no script errors (${key})`, errors.join("; "));
    });
  }

  // The demo's council switch: no council, national contacts only; a checkbox question.
  await withPage({}, async (page, errors) => {
    await open(page, DEMO);
    await page.selectOption("#council", "");
    await waitReady(page);
    const steps = JOURNEYS.settingSupport;
    await journey(page, steps.slice(0, -1), { end: "steps_taken" });
    await axeScreen(page, "checkbox question (steps_taken, no council)");
    await step(page, "steps_taken", steps.at(-1)[1], "results");
    await axeScreen(page, "results: setting support, no council");
    if (errors.length) t.record(false, "axe journeys: no script errors (no council)", errors.join("; "));
  });
}

await finish(async () => {
  await check("axe", 180, checkAxe);
  console.log(axe.summary());
});

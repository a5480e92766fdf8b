// Tests of the rules.json → SurveyJS converter (bench/surveyjs.mjs):
//
//   node --test bench/surveyjs.test.mjs
//
// 1. The converted survey has every question once, in an order every path follows, with its
//    choices; the visibleIf expressions (of questions and of choices) say what the ruleset says.
// 2. survey-core's own model (in Node), walked page by page as a person would, asks exactly
//    the questions our engine asks, offering the same choices, for every answer set the graph
//    allows (many-answer questions with each single choice, each pair and all choices), and
//    needs an answer wherever our widget does (optional questions too).
// 3. The real proof: SurveyJS rendered in Chromium, answered by clicks and typing, shows the
//    same questions in the same order, with the same choices, as our widget (also driven in
//    Chromium, from dist/) and as the known sequences of rules.json, for five journeys.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { convert, path, pathOrder, reachConditions, choiceConditions, RESULTS, holds, offered } from "./surveyjs.mjs";

const require = createRequire(import.meta.url);
const Survey = require("survey-core");
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const rules = JSON.parse(readFileSync(join(repo, "rules.json"), "utf8"));
const json = convert(rules, "parent");
const pages = json.pages;
const questionOf = (id) => rules.questions.find((q) => q.id === id);
const elementOf = (id) => pages.find((p) => p.name === id).elements[0];

/** Run a SurveyJS condition on some values. */
function run(expression, values) {
  return new Survey.ConditionRunner(expression).runValues(values);
}

/** Our answers as SurveyJS values. */
function toSurvey(answers) {
  const out = {};
  for (const [k, v] of Object.entries(answers)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      if (v.unknown) out[`${k}_unknown`] = ["unknown"];
      else out[k] = { day: String(v.day), month: String(v.month), year: String(v.year) };
    } else out[k] = v;
  }
  return out;
}

// --- 1. The shape. ---------------------------------------------------------------------------

test("every question is there once, one page each", () => {
  const names = pages.map((p) => p.name);
  assert.deepEqual([...names].sort(), rules.questions.map((q) => q.id).sort());
  assert.equal(new Set(names).size, names.length);
  for (const p of pages) assert.equal(p.elements[0].name, p.name, `page ${p.name} starts with its question`);
});

test("the pages are in path order: every step goes forward, the first question first", () => {
  const names = pages.map((p) => p.name);
  assert.equal(names[0], rules.start);
  assert.deepEqual(names, pathOrder(rules));
  for (const q of rules.questions) {
    for (const step of q.next) {
      if (step.to === RESULTS) continue;
      assert.ok(names.indexOf(step.to) > names.indexOf(q.id), `${q.id} → ${step.to} goes forward`);
    }
  }
});

test("each question has its kind, text and choices", () => {
  const kinds = { one: "radiogroup", many: "checkbox", date: "multipletext" };
  for (const q of rules.questions) {
    const el = elementOf(q.id);
    assert.equal(el.type, kinds[q.kind], `${q.id} type`);
    const text = typeof q.text === "string" ? q.text : q.text.parent;
    assert.equal(el.title, text, `${q.id} title`);
    if (q.kind === "date") {
      assert.deepEqual(el.items.map((i) => i.name), ["day", "month", "year"]);
      const unknown = pages.find((p) => p.name === q.id).elements[1];
      assert.equal(unknown.name, `${q.id}_unknown`);
      assert.equal(unknown.choices[0].text, q.unknown_label);
    } else {
      assert.deepEqual(el.choices.map((c) => c.value), q.options.map((o) => o.value), `${q.id} choices`);
      const label = (o) => (typeof o.label === "string" ? o.label : o.label.parent);
      assert.deepEqual(el.choices.map((c) => c.text), q.options.map(label), `${q.id} labels`);
      for (const o of q.options) {
        const c = el.choices.find((x) => x.value === o.value);
        assert.equal(!!c.isExclusive, !!o.exclusive, `${q.id}.${o.value} exclusive`);
        // A choice with an "if" is shown only under a condition; the others always.
        assert.equal(c.visibleIf !== undefined, o.if !== undefined, `${q.id}.${o.value} visibleIf`);
      }
    }
    // Our widget asks every question and needs an answer: optional ones too.
    assert.equal(q.kind === "date" ? el.requiredIf : el.isRequired, q.kind === "date" ? `{${q.id}_unknown} empty` : true, `${q.id} needs an answer`);
  }
  assert.ok(rules.questions.some((q) => q.optional), "the ruleset has optional questions");
  // "none" of steps_taken clears the others, as in our widget.
  assert.equal(elementOf("steps_taken").choices.find((c) => c.value === "none").isExclusive, true);
});

test("a young person's survey uses the young person's texts", () => {
  const yp = convert(rules, "young_person");
  const age = yp.pages.find((p) => p.name === "age").elements[0];
  assert.equal(age.title, questionOf("age").text.young_person);
});

test("choices with an \"if\": \"Under 16\" is offered to a parent only", () => {
  assert.equal(choiceConditions(rules).get("age").get("under_16"), "{role} = 'parent'");
  const offeredNow = (data) => {
    const model = new Survey.Model(json);
    model.data = data;
    return model.getQuestionByName("age").visibleChoices.map((c) => c.value);
  };
  assert.deepEqual(offeredNow({ role: "parent" }), ["under_16", "16_to_17", "18_to_25"]);
  assert.deepEqual(offeredNow({ role: "young_person" }), ["16_to_17", "18_to_25"]);
  assert.deepEqual(offeredNow({}), ["16_to_17", "18_to_25"], "no role, no condition holds");
  // The engine's view agrees.
  assert.deepEqual(offered(questionOf("age"), { role: "young_person" }).map((o) => o.value), ["16_to_17", "18_to_25"]);
  // A young person who picked "Under 16" anyway is asked the age again (the walk stops there).
  assert.deepEqual(path(rules, { role: "young_person", age: "under_16", ehcp: "yes", about: "health" }), ["role", "age"]);
  // Every choice with an "if" gets one, and only those.
  for (const q of rules.questions) {
    for (const o of q.options || []) assert.equal(choiceConditions(rules).get(q.id).has(o.value), o.if !== undefined, `${q.id}.${o.value}`);
  }
});

test("conditions on the clock or on whose right it is never hold in a step or a choice", () => {
  // rules.json uses them only in routes; a copy with them in steps and a choice.
  const copy = structuredClone(rules);
  const q = (id) => copy.questions.find((x) => x.id === id);
  q("about").next.unshift({ if: { clock: "late" }, to: "event_date" });
  q("about").next.unshift({ if: { any: [{ rights_holder: "young_person" }, { answer: "about", is: "health" }] }, to: "exclusion_type" });
  q("ehcp").options[0].if = { not: { rights_holder: "parent" } };
  q("ehcp").options[1].if = { clock: "unknown" };
  const v = reachConditions(copy);
  assert.equal(v.get("event_date"), "{about} = 'discrimination'", "the clock's step is never taken");
  assert.equal(v.get("exclusion_type"), "{about} anyof ['health', 'exclusion']", "only the answer test can hold");
  assert.equal(choiceConditions(copy).get("ehcp").get("yes"), "true");
  assert.equal(choiceConditions(copy).get("ehcp").get("no"), "false");
  assert.equal(holds({ clock: "late" }, { clock: "late" }), false);
  assert.equal(holds({ not: { rights_holder: "parent" } }, {}), true);
  assert.deepEqual(path(copy, { role: "parent", age: "18_to_25", ehcp: "no", about: "health" }), ["role", "age", "ehcp"], "'no' is not offered");
  assert.deepEqual(path(copy, { role: "parent", age: "18_to_25", ehcp: "yes", about: "health", exclusion_type: "permanent", setting: "academy" }), ["role", "age", "ehcp", "about", "exclusion_type", "setting"]);
  const model = new Survey.Model(convert(copy));
  model.data = { role: "parent", age: "18_to_25" };
  assert.deepEqual(model.getQuestionByName("ehcp").visibleChoices.map((c) => c.value), ["yes", "in_progress", "not_sure"]);
});

test("visibleIf: decision when about = la_decision", () => {
  assert.equal(elementOf("decision").visibleIf, "{about} = 'la_decision'");
  assert.equal(run(elementOf("decision").visibleIf, { about: "la_decision" }), true);
  assert.equal(run(elementOf("decision").visibleIf, { about: "health" }), false);
  for (const id of ["role", "age", "ehcp", "about"]) assert.equal(elementOf(id).visibleIf, undefined, `${id} always asked`);
});

test("visibleIf: finished_year_11 (optional, asked all the same) when age = 16_to_17", () => {
  assert.equal(questionOf("finished_year_11").optional, true);
  assert.equal(elementOf("finished_year_11").visibleIf, "{age} = '16_to_17'");
  assert.equal(elementOf("finished_year_11").isRequired, true);
});

test("visibleIf: plan_parts requires decision = plan_issued", () => {
  const e = elementOf("plan_parts").visibleIf;
  assert.match(e, /\{decision\} = 'plan_issued'/);
  assert.equal(run(e, { about: "la_decision", decision: "plan_issued" }), true);
  for (const d of questionOf("decision").options.map((o) => o.value).filter((v) => v !== "plan_issued")) {
    assert.equal(run(e, { about: "la_decision", decision: d }), false, d);
  }
  assert.equal(run(e, { about: "health", decision: "plan_issued" }), false);
});

test("visibleIf: certificate_date requires certificate = yes", () => {
  const e = elementOf("certificate_date").visibleIf;
  assert.match(e, /\{certificate\} = 'yes'/);
  const base = { about: "la_decision", decision: "refuse_plan", decision_date: { day: "1", month: "2", year: "2026" } };
  assert.equal(run(e, { ...base, certificate: "yes" }), true);
  assert.equal(run(e, { ...base, certificate: "no" }), false);
  // Placement only: certificate asked; needs as well: asked too; "other" sections: not.
  assert.equal(run(e, { ...base, decision: "plan_issued", plan_parts: ["placement"], certificate: "yes" }), true);
  assert.equal(run(e, { ...base, decision: "plan_issued", plan_parts: ["other_sections"], certificate: "yes" }), false);
});

test("visibleIf: the other branches", () => {
  const v = reachConditions(rules);
  assert.equal(v.get("not_delivered"), "{about} = 'plan_not_delivered'");
  assert.equal(v.get("exclusion_type"), "{about} = 'exclusion'");
  assert.equal(v.get("missing_education"), "{about} = 'la_handling'");
  assert.equal(v.get("event_date"), "{about} = 'discrimination'");
  for (const a of questionOf("about").options.map((o) => o.value)) {
    const setting = ["setting_support", "discrimination", "plan_not_delivered", "exclusion"].includes(a);
    assert.equal(run(v.get("setting"), { about: a }), setting, `setting for ${a}`);
    const steps = ["la_handling", "setting_support", "plan_not_delivered"].includes(a);
    assert.equal(run(v.get("steps_taken"), { about: a }), steps, `steps_taken for ${a}`);
  }
  // The new branches: a health part of the plan not delivered, the council's late step.
  assert.equal(v.get("health_section"), "{about} = 'plan_not_delivered' and {not_delivered} contains 'health'");
  assert.equal(run(v.get("health_section"), { about: "plan_not_delivered", not_delivered: ["education", "health"] }), true);
  assert.equal(run(v.get("health_section"), { about: "plan_not_delivered", not_delivered: ["education"] }), false);
  assert.equal(v.get("late_step"), "{about} = 'la_handling'");
  assert.equal(v.get("transfer_to"), "{about} = 'la_handling' and {late_step} = 'phase_transfer'");
  assert.equal(v.get("order_kind"), "{about} = 'la_handling' and {late_step} = 'tribunal_order'");
  // clock_date: straight from the late step, or after the kind of Tribunal order.
  for (const s of questionOf("late_step").options.map((o) => o.value)) {
    const clock = ["assessment_decision", "plan_after_assessment", "review_decision", "amended_plan", "tribunal_order"].includes(s);
    assert.equal(run(v.get("clock_date"), { about: "la_handling", late_step: s }), clock, `clock_date for ${s}`);
    assert.equal(run(v.get("clock_date"), { about: "health", late_step: s }), false);
  }
  assert.equal(v.get("tribunal_decision_date"), "{about} = 'tribunal_decision'");
  assert.equal(v.get("tribunal_case"), "{about} = 'tribunal_decision'");
});

// --- 2. survey-core's model in Node, every path. -------------------------------------------------

/** Answers a question could get after the answers `before`: each choice offered; for many,
 * each single one, each pair and all. */
function candidates(q, before) {
  const options = offered(q, before);
  if (q.kind === "one") return options.map((o) => o.value);
  if (q.kind === "date") return [{ day: 14, month: 10, year: 2026 }, { unknown: true }];
  const vs = options.map((o) => o.value);
  const normal = options.filter((o) => !o.exclusive).map((o) => o.value);
  const out = vs.map((v) => [v]);
  for (let i = 0; i < normal.length; i++) for (let j = i + 1; j < normal.length; j++) out.push([normal[i], normal[j]]);
  if (normal.length > 2) out.push(normal);
  return out;
}

/** Every answer set the graph allows (answers only to the questions on its path). */
function allAnswerSets(fixed = {}) {
  const out = [];
  const go = (answers) => {
    const asked = path(rules, answers);
    const last = asked[asked.length - 1];
    if (answers[last] !== undefined) return out.push(answers); // reached the results
    const q = questionOf(last);
    for (const a of fixed[last] !== undefined ? [fixed[last]] : candidates(q, answers)) go({ ...answers, [last]: a });
  };
  go({});
  return out;
}

/** Walk a survey-core model page by page, answering from `answers`, as a person would.
 * (One model, cleared between walks: building one takes ~40 ms.) */
let shared;
function surveyWalk(answers) {
  if (!shared) {
    shared = new Survey.Model(json);
    shared.autoFocusFirstError = false; // no DOM in Node to scroll to an error
  }
  const model = shared;
  model.clear(true, true);
  assert.equal(model.state, "running");
  const values = toSurvey(answers);
  const seen = [];
  for (let guard = 0; guard < 40; guard++) {
    const page = model.currentPage;
    // The choices shown are those our engine offers after the answers so far.
    const rq = questionOf(page.name);
    if (rq.kind !== "date") {
      const before = Object.fromEntries(seen.map((id) => [id, answers[id]]));
      const shown = page.questions[0].visibleChoices.map((c) => c.value);
      assert.deepEqual(shown, offered(rq, before).map((o) => o.value), `choices of ${page.name} after ${JSON.stringify(before)}`);
    }
    seen.push(page.name);
    // Without an answer the page has errors, so Continue is refused, as in our widget
    // (optional questions too). (The page's own validation, as nextPage runs it; nextPage
    // itself would focus the error, which needs a DOM.)
    assert.equal(model.isCurrentPageHasErrors, true, `${page.name} needs an answer`);
    for (const q of page.questions) if (values[q.name] !== undefined) q.value = values[q.name];
    if (model.isLastPage) {
      assert.ok(model.completeLastPage(), `completes after ${seen.join(" → ")}`);
      assert.equal(model.state, "completed");
      return seen;
    }
    assert.ok(model.nextPage(), `goes on from ${page.name} (${JSON.stringify(page.questions.map((q) => q.value))})`);
  }
  throw new Error("too many pages");
}

test("survey-core asks what our engine asks, on every path", (t) => {
  // role, age (finished_year_11) and ehcp lead to "about" whatever the answer: every answer
  // after "about" once, then every answer before it (each choice the role allows).
  const sets = [
    ...allAnswerSets({ role: "parent", age: "under_16", ehcp: "yes" }),
    ...allAnswerSets({ about: "la_decision", decision: "refuse_plan", decision_date: { unknown: true }, certificate: "no" }),
  ];
  assert.ok(sets.length > 300, `${sets.length} answer sets`);
  // Every question is asked on some path, and the role decides the choices of age.
  const everAsked = new Set(sets.flatMap((a) => path(rules, a)));
  assert.deepEqual([...everAsked].sort(), rules.questions.map((q) => q.id).sort(), "every question walked");
  assert.ok(!sets.some((a) => a.role === "young_person" && a.age === "under_16"));
  assert.ok(sets.some((a) => a.role === "parent" && a.age === "under_16"));
  t.diagnostic(`${sets.length} answer sets walked`);
  let count = 0;
  for (const answers of sets) {
    const expected = path(rules, answers);
    assert.deepEqual(surveyWalk(answers), expected, JSON.stringify(answers));
    count++;
  }
  assert.ok(count > 300);
});

test("an answer off the path changes nothing (going back and changing an answer)", () => {
  const model = new Survey.Model(json);
  model.data = { role: "parent", age: "under_16", ehcp: "yes", about: "la_decision", decision: "plan_issued", plan_parts: ["needs"] };
  assert.ok(model.getQuestionByName("plan_parts").isVisible);
  model.setValue("decision", "refuse_plan");
  assert.equal(model.getQuestionByName("plan_parts").isVisible, false);
  assert.equal(model.getValue("plan_parts"), undefined, "cleared when hidden");
  // A choice no longer offered: "Under 16", then the role changed to a young person. Our
  // widget asks the age again with nothing chosen; SurveyJS clears it and needs a new one.
  model.data = { role: "parent", age: "under_16", ehcp: "yes", about: "health" };
  assert.equal(model.getValue("age"), "under_16");
  model.setValue("role", "young_person");
  assert.equal(model.getValue("age"), undefined, "cleared when its choice is hidden");
  assert.deepEqual(path(rules, { role: "young_person", age: "under_16", ehcp: "yes", about: "health" }), ["role", "age"]);
  model.autoFocusFirstError = false;
  model.currentPage = model.getPageByName("age");
  assert.equal(model.isCurrentPageHasErrors, true, "the age is needed again");
});

// The engine's JS walk against the known sequences of rules.json (independent of the port).
const JOURNEYS = {
  la_decision: {
    answers: { role: "parent", age: "under_16", ehcp: "in_progress", about: "la_decision", decision: "refuse_plan", decision_date: { day: 14, month: 10, year: 2026 }, certificate: "no" },
    known: ["role", "age", "ehcp", "about", "decision", "decision_date", "certificate"],
  },
  health: {
    answers: { role: "parent", age: "16_to_17", finished_year_11: "yes", ehcp: "yes", about: "health" },
    known: ["role", "age", "finished_year_11", "ehcp", "about"],
  },
  setting_support: {
    answers: { role: "parent", age: "under_16", ehcp: "no", about: "setting_support", setting: "academy", steps_taken: ["spoke_to_setting", "setting_complaint"] },
    known: ["role", "age", "ehcp", "about", "setting", "steps_taken"],
  },
  plan_not_delivered: {
    answers: { role: "parent", age: "18_to_25", ehcp: "yes", about: "plan_not_delivered", not_delivered: ["education", "health"], health_section: "section_g", setting: "fe_college", steps_taken: ["none"] },
    known: ["role", "age", "ehcp", "about", "not_delivered", "health_section", "setting", "steps_taken"],
  },
  la_handling: {
    // A young person: "Under 16" is not offered.
    answers: {
      role: "young_person",
      age: "16_to_17",
      finished_year_11: "no",
      ehcp: "in_progress",
      about: "la_handling",
      steps_taken: ["la_complaint"],
      missing_education: "no",
      late_step: "tribunal_order",
      order_kind: "amend_plan",
      clock_date: { day: 2, month: 3, year: 2026 },
    },
    known: ["role", "age", "finished_year_11", "ehcp", "about", "steps_taken", "missing_education", "late_step", "order_kind", "clock_date"],
  },
};

test("the engine's walk in JS gives the known sequences", () => {
  for (const [name, j] of Object.entries(JOURNEYS)) {
    assert.deepEqual(path(rules, j.answers), j.known, name);
    // Every question on the path is asked, optional or not: without its answer the walk stops there.
    for (const [i, id] of j.known.entries()) {
      const { [id]: _, ...rest } = j.answers;
      assert.deepEqual(path(rules, rest), j.known.slice(0, i + 1), `${name} without ${id}`);
    }
  }
  assert.ok(Object.values(JOURNEYS).some((j) => j.known.some((id) => questionOf(id).optional)), "journeys with optional questions");
  assert.equal(holds({ answer: "x", only: ["a"] }, { x: [] }), false, "only needs an answer");
});

// --- 3. In Chromium: SurveyJS rendered, and our widget. ------------------------------------------

test("in Chromium, SurveyJS shows the questions our widget asks, in the same order", { timeout: 300000 }, async (t) => {
  const { serve } = await import("../tests/web/server.mjs");
  const { launchBrowser, inWidget, fill, submit, waitScreen } = await import("../tests/web/lib.mjs");
  const { benchRoutes } = await import("./pages.mjs");
  const dist = join(repo, "dist");
  const haveDist = existsSync(join(dist, "send_route_finder_bg.wasm"));
  const server = await serve(haveDist ? dist : here, { routes: benchRoutes(rules) });
  const browser = await launchBrowser();
  try {
    for (const [name, j] of Object.entries(JOURNEYS)) {
      await t.test(name, async () => {
        // SurveyJS, answered with clicks and typing; the question shown read from the page.
        const page = await browser.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(server.url + "bench/surveyjs.html");
        const shown = [];
        for (let guard = 0; guard < 30; guard++) {
          await page.waitForSelector(".sd-page .sd-question, .sd-completedpage");
          if (await page.$(".sd-completedpage")) break;
          const names = await page.$$eval(".sd-page .sd-question[data-name]", (els) => els.map((e) => e.dataset.name));
          const q = names[0];
          shown.push(q);
          assert.deepEqual(names.filter((n) => !n.endsWith("_unknown")), [q], "one question a page");
          const title = await page.textContent(`[data-name="${q}"] .sd-question__title`);
          const rq = questionOf(q);
          assert.ok(title.includes(typeof rq.text === "string" ? rq.text : rq.text.parent), `title of ${q}: ${title}`);
          const a = j.answers[q];
          assert.notEqual(a, undefined, `SurveyJS asked ${q}, which this journey does not answer (shown: ${shown.join(" → ")})`);
          if (rq.kind !== "date") {
            const before = Object.fromEntries(shown.slice(0, -1).map((id) => [id, j.answers[id]]));
            const choices = await page.$$eval(`[data-name="${q}"] input[type="radio"], [data-name="${q}"] input[type="checkbox"]`, (els) => els.map((e) => e.value));
            assert.deepEqual(choices, offered(rq, before).map((o) => o.value), `SurveyJS's choices of ${q}`);
          }
          if (typeof a === "string" || Array.isArray(a)) {
            for (const v of [].concat(a)) {
              const label = rq.options.find((o) => o.value === v).label;
              await page.click(`[data-name="${q}"] .sd-item:has(input[value="${v}"]) .sd-item__control-label`);
              await page.waitForFunction(([q, v]) => document.querySelector(`[data-name="${q}"] input[value="${v}"]`).checked, [q, v]);
              assert.ok(label);
            }
          } else {
            const boxes = page.locator(`[data-name="${q}"] input`);
            assert.equal(await boxes.count(), 3);
            await boxes.nth(0).fill(String(a.day));
            await boxes.nth(1).fill(String(a.month));
            await boxes.nth(2).fill(String(a.year));
          }
          await page.click(".sd-navigation__next-btn:visible, .sd-navigation__complete-btn:visible");
          await page.waitForFunction((q) => !document.querySelector(`.sd-page [data-name="${q}"]`) || document.querySelector(".sd-completedpage"), q);
        }
        assert.ok(await page.$(".sd-completedpage"), "SurveyJS reached its end");
        assert.deepEqual(errors, []);
        await page.close();

        assert.deepEqual(shown, j.known, "SurveyJS's questions are the known sequence");
        assert.deepEqual(shown, path(rules, j.answers), "and the engine walk's");

        // Our widget, from dist/, with the same answers.
        if (!haveDist) return t.diagnostic("dist/ not built: our widget not compared");
        const ours = await browser.newPage();
        await ours.goto(server.url);
        await inWidget(ours, ".srf-button--start").click();
        const asked = [];
        for (let i = 0; i < j.known.length + 2; i++) {
          await inWidget(ours, 'form button[type="submit"], .srf-results').first().waitFor({ state: "attached" });
          if ((await inWidget(ours, ".srf-results").count()) > 0) break;
          const { q, choices } = await ours.evaluate(() => {
            const root = document.querySelector("send-route-finder").shadowRoot;
            const input = root.querySelector("form input");
            const choices = [...root.querySelectorAll('form input[type="radio"], form input[type="checkbox"]')].map((e) => e.value);
            return { q: input.name.replace(/-(day|month|year|unknown)$/, ""), choices };
          });
          asked.push(q);
          if (questionOf(q).kind !== "date") {
            const before = Object.fromEntries(asked.slice(0, -1).map((id) => [id, j.answers[id]]));
            assert.deepEqual(choices, offered(questionOf(q), before).map((o) => o.value), `our widget's choices of ${q}`);
          }
          const a = j.answers[q];
          assert.notEqual(a, undefined, `our widget asked ${q}`);
          await fill(ours, q, typeof a === "object" && !Array.isArray(a) ? { day: a.day, month: a.month, year: a.year } : a);
          await submit(ours);
          const next = path(rules, j.answers)[asked.length] ?? "results";
          await waitScreen(ours, next);
        }
        await ours.close();
        assert.deepEqual(shown, asked, "SurveyJS shows what our widget asks");
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

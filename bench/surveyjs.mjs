// The SEND Route Finder questionnaire (rules.json) as a SurveyJS survey, for the benchmark:
// the same questions, one per page (as GOV.UK asks them), in an order every path follows,
// each shown only when our engine would ask it.
//
//   import { convert, path, reachConditions } from "./surveyjs.mjs";
//   const json = convert(rules, "parent");   // SurveyJS JSON: new Survey.Model(json)
//   path(rules, answers)                     // the questions our engine asks, in order
//
// How a question becomes visible: walk the `next` graph from the first question. A question
// is on the path when it is reached, and a step out of it is taken when its condition holds and
// no earlier step's does (the engine takes the first step that holds). So the condition of
// reaching a question is the OR, over every step into it, of (reaching the step's question AND
// the step's own condition AND NOT each earlier step's condition). That condition, translated
// into a SurveyJS expression, is the question's visibleIf. With clearInvisibleValues "onHidden"
// an answer off the path is cleared, as the engine ignores it. A condition sees only the
// questions asked so far: a test of a question that is not before it in path order (or is that
// question, for a step) is false, and so are the tests of what the engine works out, `clock`
// and `rights_holder`, which only routes' `when` can use (a step's condition never sees them).
//
// Every question is asked and needs an answer, optional ones too ("optional" only lets
// `evaluate` do without it; our widget asks it like any other). A choice with an "if" is offered
// only when its condition holds on the answers before the question: it becomes a choice with
// that condition as its own visibleIf (SurveyJS hides the choice otherwise).
//
// Mapping: kind "one" → radiogroup; "many" → checkbox (an option with "exclusive" becomes an
// isExclusive choice, like showNoneItem's "None"; a choice with an "if" gets a visibleIf); "date" → a multipletext of Day, Month and
// Year (the GOV.UK date input our widget shows) plus, on the same page, a one-choice checkbox
// `<id>_unknown` with the question's unknown_label. Texts that differ for a parent and a young
// person are taken for `role`. A question's hint is the SurveyJS description. The hints of
// single options have no place in SurveyJS's choices and are left out.

export const RESULTS = "results";

// ---------------------------------------------------------------------------------------------
// Conditions as a small boolean tree: true, false, { and: [...] }, { or: [...] }, { not: x },
// or a test { test: <the rules.json condition object> }.

const TRUE = true;
const FALSE = false;

function and(...xs) {
  let out = [];
  for (const x of xs) {
    if (x === FALSE) return FALSE;
    if (x === TRUE) continue;
    for (const y of x.and || [x]) if (!out.some((z) => same(z, y))) out.push(y);
  }
  out = foldAnd(out);
  if (out === FALSE) return FALSE;
  if (out.length === 0) return TRUE;
  return out.length === 1 ? out[0] : { and: out };
}

// Tests of a one-answer question ("is", "in") as the set of values they allow.
function valueSet(x) {
  const t = x && x.test;
  if (!t) return null;
  if ("is" in t) return { q: t.answer, vs: [t.is] };
  if ("in" in t) return { q: t.answer, vs: [...t.in] };
  return null;
}

function setTest(q, vs) {
  return vs.length === 1 ? { test: { answer: q, is: vs[0] } } : { test: { answer: q, in: vs } };
}

// In an AND, a question tested for being in a set is answered, so its tests fold into one:
// (q in A) and (q in B) and not (q in C) = q in (A ∩ B) \ C. (Without a positive test the
// negative ones stay: they also hold when the question has no answer.)
function foldAnd(items) {
  const pos = new Map();
  const neg = new Map();
  for (const x of items) {
    const p = valueSet(x);
    if (p) pos.set(p.q, pos.has(p.q) ? pos.get(p.q).filter((v) => p.vs.includes(v)) : p.vs);
    const n = x.not && valueSet(x.not);
    if (n) neg.set(n.q, [...(neg.get(n.q) || []), ...n.vs]);
  }
  if (pos.size === 0) return items;
  const out = [];
  const done = new Set();
  for (const x of items) {
    const q = valueSet(x)?.q ?? (x.not && valueSet(x.not)?.q);
    if (q === undefined || !pos.has(q)) {
      out.push(x);
      continue;
    }
    if (done.has(q)) continue;
    done.add(q);
    const vs = pos.get(q).filter((v) => !(neg.get(q) || []).includes(v));
    if (vs.length === 0) return FALSE;
    out.push(setTest(q, vs));
  }
  return out;
}

// In an OR, tests of one question for sets join: (q in A) or (q in B) = q in (A ∪ B).
function foldOr(items) {
  const out = [];
  const at = new Map();
  for (const x of items) {
    const p = valueSet(x);
    if (!p) {
      out.push(x);
      continue;
    }
    if (at.has(p.q)) {
      const i = at.get(p.q);
      const vs = valueSet(out[i]).vs;
      out[i] = setTest(p.q, [...vs, ...p.vs.filter((v) => !vs.includes(v))]);
    } else {
      at.set(p.q, out.length);
      out.push(x);
    }
  }
  return out;
}

function or(...xs) {
  let out = [];
  for (const x of xs) {
    if (x === TRUE) return TRUE;
    if (x === FALSE) continue;
    for (const y of x.or || [x]) if (!out.some((z) => same(z, y))) out.push(y);
  }
  out = foldOr(out);
  // (A and B) or (A and not B) = A: merge two alternatives that differ only in one test and
  // its negation, then simplify again.
  const conj = (x) => x.and || [x];
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const a = conj(out[i]);
      const b = conj(out[j]);
      if (a.length !== b.length) continue;
      const onlyA = a.filter((x) => !b.some((y) => same(x, y)));
      const onlyB = b.filter((y) => !a.some((x) => same(x, y)));
      if (onlyA.length === 1 && onlyB.length === 1 && same(not(onlyA[0]), onlyB[0])) {
        const merged = and(...a.filter((x) => x !== onlyA[0]));
        return or(...out.filter((_, k) => k !== i && k !== j), merged);
      }
    }
  }
  // x OR NOT x is true.
  if (out.some((x) => out.some((y) => y.not && same(y.not, x)))) return TRUE;
  // Absorption: A or (A and B) = A.
  out = out.filter((x, i) => !out.some((y, j) => j !== i && conj(y).length < conj(x).length && conj(y).every((c) => conj(x).some((d) => same(c, d)))));
  if (out.length === 0) return FALSE;
  if (out.length === 1) return out[0];
  // Take out what every alternative shares: (A and B) or (A and C) = A and (B or C).
  const parts = out.map((x) => x.and || [x]);
  const common = parts[0].filter((c) => parts.every((p) => p.some((d) => same(c, d))));
  if (common.length > 0) {
    const rests = parts.map((p) => and(...p.filter((d) => !common.some((c) => same(c, d)))));
    return and(...common, or(...rests));
  }
  return { or: out };
}

function not(x) {
  if (x === TRUE) return FALSE;
  if (x === FALSE) return TRUE;
  if (x.not) return x.not;
  return { not: x };
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A rules.json condition as a tree, as seen where only the questions in `seen` (a Set, or
 * null for all) can have been asked: a test of any other question is false. The tests of what
 * the engine works out from the answers (`clock`, `rights_holder`) are false too: only routes
 * see them, never a step or a choice. */
function tree(c, seen = null) {
  if (c == null) return TRUE;
  if (c.all) return and(...c.all.map((x) => tree(x, seen)));
  if (c.any) return or(...c.any.map((x) => tree(x, seen)));
  if (c.not) return not(tree(c.not, seen));
  if (!("answer" in c)) return FALSE; // clock, rights_holder
  if (seen && !seen.has(c.answer)) return FALSE;
  return { test: c };
}

// ---------------------------------------------------------------------------------------------
// The graph.

function byId(rules) {
  return new Map(rules.questions.map((q) => [q.id, q]));
}

/** The questions in an order every path follows (each step goes forward), ties broken by
 * their order in rules.json. Throws on a loop. */
export function pathOrder(rules) {
  const ids = rules.questions.map((q) => q.id);
  const incoming = new Map(ids.map((id) => [id, 0]));
  for (const q of rules.questions) {
    for (const to of new Set(q.next.map((n) => n.to))) if (to !== RESULTS) incoming.set(to, incoming.get(to) + 1);
  }
  const questions = byId(rules);
  const order = [];
  const ready = ids.filter((id) => incoming.get(id) === 0);
  while (ready.length > 0) {
    ready.sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
    const id = ready.shift();
    order.push(id);
    for (const to of new Set(questions.get(id).next.map((n) => n.to))) {
      if (to === RESULTS) continue;
      incoming.set(to, incoming.get(to) - 1);
      if (incoming.get(to) === 0) ready.push(to);
    }
  }
  if (order.length !== ids.length) throw new Error("the questions' steps make a loop");
  // The first question first (it has no step into it, so it is among the first anyway).
  if (order[0] !== rules.start) throw new Error(`the first question ${rules.start} is not the first in order`);
  return order;
}

/** For each question id, the condition (as a tree) under which the engine asks it. Questions
 * that cannot be reached get false. */
export function reachTrees(rules) {
  const questions = byId(rules);
  const reach = new Map(rules.questions.map((q) => [q.id, FALSE]));
  reach.set(rules.start, TRUE);
  const seen = new Set();
  for (const id of pathOrder(rules)) {
    seen.add(id); // a step sees the questions before it in path order, and its own
    const here = reach.get(id);
    if (here === FALSE) continue;
    let earlier = TRUE; // no earlier step held
    for (const step of questions.get(id).next) {
      const cond = tree(step.if, seen);
      if (step.to !== RESULTS) reach.set(step.to, or(reach.get(step.to), and(here, earlier, cond)));
      earlier = and(earlier, not(cond));
      if (earlier === FALSE) break;
    }
  }
  return reach;
}

// ---------------------------------------------------------------------------------------------
// SurveyJS expressions.

function quote(v) {
  return `'${String(v).replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function list(vs) {
  return `[${vs.map(quote).join(", ")}]`;
}

function testExpression(t, questions) {
  const q = `{${t.answer}}`;
  if ("is" in t) return `${q} = ${quote(t.is)}`;
  if ("in" in t) return `${q} anyof ${list(t.in)}`;
  if ("has" in t) return `${q} contains ${quote(t.has)}`;
  if ("has_any" in t) return `${q} anyof ${list(t.has_any)}`;
  if ("only" in t) {
    // Some chosen, and none outside the list.
    const question = questions.get(t.answer);
    const others = (question?.options || []).map((o) => o.value).filter((v) => !t.only.includes(v));
    return others.length ? `(${q} notempty and !(${q} anyof ${list(others)}))` : `${q} notempty`;
  }
  if ("known" in t) {
    const unknown = `{${t.answer}_unknown}`;
    return t.known ? `(${q} notempty and ${unknown} empty)` : `${unknown} notempty`;
  }
  throw new Error(`a condition this converter does not know: ${JSON.stringify(t)}`);
}

/** A condition tree as a SurveyJS expression ("" for true). */
export function expression(x, questions, top = true) {
  if (x === TRUE) return top ? "" : "true";
  if (x === FALSE) return "false";
  if (x.test) return testExpression(x.test, questions);
  if (x.not) return `!(${expression(x.not, questions, false)})`;
  const op = x.and ? "and" : "or";
  const inner = (x.and || x.or).map((y) => {
    const e = expression(y, questions, false);
    // Bracket an "or" inside an "and" (and each nested group, to be plain about it).
    return y.and || y.or ? `(${e})` : e;
  });
  return inner.join(` ${op} `);
}

/** For each question id, its SurveyJS visibleIf ("" when always asked). */
export function reachConditions(rules) {
  const questions = byId(rules);
  const out = new Map();
  for (const [id, t] of reachTrees(rules)) out.set(id, expression(t, questions));
  return out;
}

/** For each question id, a Map from the value of each choice with an "if" to its SurveyJS
 * visibleIf: the condition on the questions before it in path order ("false" when it can never
 * hold there). */
export function choiceConditions(rules) {
  const questions = byId(rules);
  const out = new Map();
  const before = new Set();
  for (const id of pathOrder(rules)) {
    const choices = new Map();
    for (const o of questions.get(id).options || []) {
      if (o.if != null) choices.set(o.value, expression(tree(o.if, before), questions) || "true");
    }
    out.set(id, choices);
    before.add(id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The survey.

function text(t, role) {
  if (t == null) return undefined;
  if (typeof t === "string") return t;
  return t[role] ?? t.parent ?? Object.values(t)[0];
}

/** rules.json as SurveyJS JSON, for a parent or a young person. */
export function convert(rules, role = "parent") {
  const questions = byId(rules);
  const visible = reachConditions(rules);
  const choiceVisible = choiceConditions(rules);
  const pages = pathOrder(rules).map((id) => {
    const q = questions.get(id);
    const visibleIf = visible.get(id) || undefined;
    const base = {
      name: id,
      title: text(q.text, role),
      description: text(q.hint, role),
      visibleIf,
      // Optional questions too: our widget asks every question on the path and needs an answer.
      isRequired: true,
      requiredErrorText: text(q.error, role),
    };
    const choice = (o) => ({
      value: o.value,
      text: text(o.label, role),
      ...(o.exclusive ? { isExclusive: true } : {}),
      ...(choiceVisible.get(id).has(o.value) ? { visibleIf: choiceVisible.get(id).get(o.value) } : {}),
    });
    let elements;
    if (q.kind === "one") {
      elements = [{ type: "radiogroup", ...base, choices: q.options.map(choice) }];
    } else if (q.kind === "many") {
      elements = [{ type: "checkbox", ...base, choices: q.options.map(choice) }];
    } else if (q.kind === "date") {
      const unknown = `${id}_unknown`;
      elements = [
        {
          type: "multipletext",
          ...base,
          isRequired: false,
          requiredIf: `{${unknown}} empty`,
          colCount: 3,
          itemTitleWidth: "60px",
          items: [
            { name: "day", title: "Day", inputType: "text", maxLength: 2 },
            { name: "month", title: "Month", inputType: "text", maxLength: 2 },
            { name: "year", title: "Year", inputType: "text", maxLength: 4 },
          ],
        },
        {
          type: "checkbox",
          name: unknown,
          titleLocation: "hidden",
          visibleIf,
          choices: [{ value: "unknown", text: text(q.unknown_label, role) || "I do not know" }],
        },
      ];
    } else {
      throw new Error(`a question kind this converter does not know: ${q.kind}`);
    }
    return { name: id, elements: elements.map(clean) };
  });
  return {
    showQuestionNumbers: "off",
    questionErrorLocation: "top",
    checkErrorsMode: "onNextPage",
    clearInvisibleValues: "onHidden",
    showPrevButton: true,
    pagePrevText: "Back",
    pageNextText: "Continue",
    completeText: "Continue",
    completedHtml: "<h2>Your options</h2><p>The routes would be listed here.</p>",
    pages,
  };
}

function clean(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ""));
}

// ---------------------------------------------------------------------------------------------
// Our engine's walk, in JavaScript (the same rules as src/engine/walk.rs and condition.rs):
// from the first question, take the first step whose condition holds; a condition sees only
// the answers to questions on the path so far; a test of a question with no answer is false,
// and so is a test of the clock or of whose right it is (only routes see those). As our widget
// walks it (src/ui/journey.rs): every question on the path is asked, optional or not, so the
// walk stops at the first one with no answer, or whose answer picks a choice that is not
// offered after the answers before it (a choice with an "if" is offered when it holds).

/** answers: { id: "v" | ["a", "b"] | { day, month, year } | { unknown: true } }. */
export function holds(c, answers) {
  if (c == null) return true;
  if (c.all) return c.all.every((x) => holds(x, answers));
  if (c.any) return c.any.some((x) => holds(x, answers));
  if (c.not) return !holds(c.not, answers);
  if (!("answer" in c)) return false; // clock, rights_holder: not seen by steps or choices
  const a = answers[c.answer];
  if (a == null) return false;
  if ("is" in c) return typeof a === "string" && a === c.is;
  if ("in" in c) return typeof a === "string" && c.in.includes(a);
  if ("has" in c) return Array.isArray(a) && a.includes(c.has);
  if ("has_any" in c) return Array.isArray(a) && a.some((v) => c.has_any.includes(v));
  if ("only" in c) return Array.isArray(a) && a.length > 0 && a.every((v) => c.only.includes(v));
  if ("known" in c) return typeof a === "object" && !Array.isArray(a) && !a.unknown === c.known;
  return false;
}

/** The choices of question `q` offered after the answers `before` (those on the path before it). */
export function offered(q, before) {
  return (q.options || []).filter((o) => holds(o.if, before));
}

/** The questions our engine and widget ask for these answers, in order (ending at the first
 * question with no answer or with a choice not offered, or at the results). */
export function path(rules, answers) {
  const questions = byId(rules);
  const asked = [];
  let at = rules.start;
  while (at !== RESULTS) {
    const q = questions.get(at);
    if (!q) throw new Error(`no question ${at}`);
    if (asked.includes(at)) throw new Error(`loop at ${at}`);
    const before = Object.fromEntries(asked.filter((id) => answers[id] != null).map((id) => [id, answers[id]]));
    asked.push(at);
    const a = answers[at];
    if (a == null) break;
    if (typeof a === "string" || Array.isArray(a)) {
      const values = offered(q, before).map((o) => o.value);
      if (![].concat(a).every((v) => values.includes(v))) break;
    }
    const seen = { ...before, [at]: a };
    const step = q.next.find((n) => holds(n.if, seen));
    if (!step) throw new Error(`dead end at ${at}`);
    at = step.to;
  }
  return asked;
}

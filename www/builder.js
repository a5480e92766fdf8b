// The overlay builder (builder.html): a council's SEND officer makes or changes the council's
// file (the "overlay", as in councils/luton.json) with a form, without a developer and without
// typing JSON. It exists because the overlay is the one part of SEND Route Finder each council
// owns, and the people who know the local contacts and services are rarely the people who edit
// JSON files.
//
// How it works, all in this browser (nothing is sent anywhere; it fetches only this site's own
// files):
// - rules.json (this site's own) gives every label: the contacts a council fills in (those with
//   "local": true), the national routes, the groups, and the questions and answers that decide
//   when a council's own route shows. The officer chooses them by their words, never by id.
// - build() reads the form into an overlay and a map from each JSON path to the field it came
//   from. The checker (`route-finder check` compiled to wasm, preview/check.js, as on the demo
//   page) checks it in a worker (builder-worker.js: a check takes seconds, and the form must
//   stay quick to type in); every problem's path (such as `contacts[2].phone`) is mapped back to its
//   field, and shown there and in an error summary at the top (GOV.UK Design System patterns).
// - The widget beside the form shows the overlay as it is typed (a blob: address), whenever the
//   checker finds no error in it.
// - "Download the file" saves it formatted like councils/*.json; "Open a file you made before"
//   fills the form from one. What the form cannot show (for example words for a young person,
//   a letter, a rule for when a route shows that is not a simple list of answers) is kept from
//   the opened file as it was.

const CONTACT_FIELDS = [
  ["name", "Name of the service", "Families see this name.", "input"],
  ["about", "What they do, in one sentence (you do not have to)", "", "input"],
  ["phone", "Phone number", "Numbers and spaces only. For example, 01582 548156.", "tel"],
  ["email", "Email address", "", "email"],
  ["web", "Web page", "It must start with https://", "url"],
  ["address", "Postal address", "", "textarea"],
  ["not_known", "If you do not know how to contact them, say so here", "For example: The council's page gives no phone number or email for this service.", "textarea"],
];
const SCHEMA = "../../schema/overlay.schema.json";
const TOP_KEYS = ["$schema", "council", "last_reviewed", "contacts", "routes", "texts"];

const $ = (id) => document.getElementById(id);
const form = $("builder");
const status = $("status");
const summary = $("error-summary");
const baseTitle = document.title;

let rules, rulesText, rulesUrl;
let placeholders = []; // the national contacts a council fills in
let counter = 0; // numbers for the ids of added parts; never reused
const originals = new Map(); // field id → { shown, value }: a value from an opened file
let opened = null; // what the form keeps from an opened file: { extra, schema, council, contactOrder, placeholders }
const ownContacts = []; // { n, el, original }
const notes = []; // { n, el, original }
const routes = []; // { n, el, original, keptIf, conds: [{ m, el }] }
let idTouched = false;

// ---------------------------------------------------------------------------------------------
// Small helpers.

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) el.append(c);
  return el;
}

/** A text of the ruleset in words: the same for everyone, or the parent's version. */
function words(t) {
  if (typeof t === "string") return t;
  return t && typeof t === "object" ? String(t.parent ?? t.young_person ?? "") : "";
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A short id from words: "Family Information Service" → "family_information_service". */
function slug(text, sep = "_") {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, "g"), "")
    .slice(0, 40)
    .replace(new RegExp(`\\${sep}+$`), "");
}

function setValue(id, value) {
  const el = $(id);
  if (value === undefined || value === null) {
    el.value = "";
    originals.delete(id);
    return;
  }
  const shown = Array.isArray(value) ? value.map(words).join("\n") : words(value);
  el.value = shown;
  if (typeof value === "string") originals.delete(id);
  else originals.set(id, { shown, value });
}

/** A field's text; a value from an opened file that the form shows only in part (such as words
 * for a parent and a young person) is given back as it was, unless the officer changed it. */
function readText(id) {
  const el = $(id);
  const o = originals.get(id);
  if (o && o.shown === el.value && !Array.isArray(o.value)) return o.value;
  return el.value.trim();
}

/** A box of one item a line (first steps). */
function readLines(id) {
  const el = $(id);
  const o = originals.get(id);
  if (o && o.shown === el.value && Array.isArray(o.value)) return o.value;
  return el.value.split("\n").map((s) => s.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Form parts, in the GOV.UK Design System's patterns.

function hintId(id, hint) {
  return hint ? `${id}-hint` : undefined;
}

function textField(id, label, hint = "", kind = "input") {
  const attrs = { class: kind === "textarea" ? "textarea" : "input", id, "aria-describedby": hintId(id, hint) };
  let control;
  if (kind === "textarea") control = h("textarea", { ...attrs, rows: 3 });
  else {
    const type = { tel: "tel", email: "email", url: "url" }[kind] || "text";
    control = h("input", { ...attrs, type, spellcheck: type === "text" ? undefined : "false" });
  }
  const group = h("div", { class: "form-group" }, h("label", { class: "label", for: id, text: label }), hint ? h("p", { class: "hint", id: `${id}-hint`, text: hint }) : null, control);
  return group;
}

function selectField(id, label, hint, options, value = "") {
  const select = h("select", { class: "select", id, "aria-describedby": hintId(id, hint) });
  fillSelect(select, options, value);
  return h("div", { class: "form-group" }, h("label", { class: "label", for: id, text: label }), hint ? h("p", { class: "hint", id: `${id}-hint`, text: hint }) : null, select);
}

/** options: [{ value, label }] or [{ group, options: [...] }] */
function fillSelect(select, options, value = "") {
  const opt = (o) => h("option", { value: o.value, text: o.label, selected: o.value === value });
  select.replaceChildren(...options.map((o) => (o.group ? h("optgroup", { label: o.group }, o.options.map(opt)) : opt(o))));
  select.value = value;
}

function radios(id, legend, hint, options, value = "") {
  return h(
    "div",
    { class: "form-group" },
    h(
      "fieldset",
      { class: "fieldset", "aria-describedby": hintId(id, hint) },
      h("legend", { class: "fieldset__legend fieldset__legend--s", text: legend }),
      hint ? h("p", { class: "hint", id: `${id}-hint`, text: hint }) : null,
      h(
        "div",
        { class: "radios", "data-error-anchor": true },
        options.map((o, i) =>
          h("div", { class: "radios__item" }, h("input", { class: "radios__input", type: "radio", id: `${id}-${i}`, name: id, value: o.value, checked: o.value === value }), h("label", { class: "label radios__label", for: `${id}-${i}`, text: o.label })),
        ),
      ),
    ),
  );
}

function checkedValue(name) {
  const el = form.querySelector(`input[name="${name}"]:checked`);
  return el ? el.value : "";
}

/** A list of contacts to tick, for a note or a route. It is drawn again when contacts change. */
function contactChoices(id, legend, hint, keys = []) {
  const box = h("div", { class: "checkboxes", "data-error-anchor": true, "data-choices": id });
  const group = h(
    "div",
    { class: "form-group" },
    h("fieldset", { class: "fieldset", "aria-describedby": hintId(id, hint) }, h("legend", { class: "fieldset__legend fieldset__legend--s", text: legend }), hint ? h("p", { class: "hint", id: `${id}-hint`, text: hint }) : null, box),
  );
  box.dataset.extra = JSON.stringify(keys.filter((k) => k.startsWith("x:")));
  drawChoices(box, keys);
  return group;
}

function contactOptions(extra) {
  const own = ownContacts.map((c, i) => ({ value: `o:${c.n}`, label: $(`oc-${c.n}-name`)?.value.trim() || `Your contact ${i + 1} (no name yet)` }));
  const ext = extra.map((k) => {
    const id = k.slice(2);
    const national = rules.contacts.find((c) => c.id === id);
    return { value: k, label: national ? words(national.name) : id };
  });
  return [...placeholders.map((c) => ({ value: `p:${c.id}`, label: words(c.name) })), ...own, ...ext];
}

function drawChoices(box, keys) {
  const id = box.dataset.choices;
  const options = contactOptions(JSON.parse(box.dataset.extra || "[]"));
  const focused = box.contains(document.activeElement) ? document.activeElement.value : null;
  box.replaceChildren(
    ...options.map((o, i) =>
      h("div", { class: "checkboxes__item" }, h("input", { class: "checkboxes__input", type: "checkbox", id: `${id}-${i}`, value: o.value, checked: keys.includes(o.value) }), h("label", { class: "label checkboxes__label", for: `${id}-${i}`, text: o.label })),
    ),
  );
  if (focused) box.querySelector(`input[value="${focused}"]`)?.focus();
}

function choicesOf(id) {
  return [...form.querySelectorAll(`[data-choices="${id}"] input:checked`)].map((i) => i.value);
}

function redrawAllChoices() {
  for (const box of form.querySelectorAll("[data-choices]")) drawChoices(box, choicesOf(box.dataset.choices));
}

function removeButton(text, onClick) {
  const b = h("button", { type: "button", class: "button button--warning button--small", text });
  b.addEventListener("click", onClick);
  return b;
}

/** "Your contact 2", "Note 1", "Route 3": in the legend and on the item's Remove button. */
function renumber(list, word) {
  list.forEach((item, i) => {
    item.el.querySelector(":scope > legend").textContent = `${word} ${i + 1}`;
    const remove = item.el.querySelector(":scope > button");
    if (remove) remove.textContent = `Remove ${word.toLowerCase()} ${i + 1}`;
  });
}

// ---------------------------------------------------------------------------------------------
// The contacts a council fills in, its own contacts, notes and routes.

function contactFields(prefix) {
  return CONTACT_FIELDS.map(([f, label, hint, kind]) => textField(`${prefix}-${f}`, label, hint, kind));
}

function drawPlaceholders() {
  $("placeholders").replaceChildren(
    ...placeholders.map((c) =>
      h(
        "fieldset",
        { class: "fieldset contact", id: `c-${c.id}` },
        h("legend", { class: "fieldset__legend fieldset__legend--m", text: words(c.name) }),
        h("p", { class: "hint", text: `If you leave this empty, families see: “${words(c.not_known)}”` }),
        contactFields(`c-${c.id}`),
      ),
    ),
  );
}

function addOwnContact(original) {
  const n = ++counter;
  const el = h("fieldset", { class: "fieldset contact item", id: `oc-${n}` }, h("legend", { class: "fieldset__legend fieldset__legend--m" }), contactFields(`oc-${n}`));
  const item = { n, el, original };
  el.append(
    removeButton("Remove this contact", () => {
      ownContacts.splice(ownContacts.indexOf(item), 1);
      el.remove();
      renumber(ownContacts, "Your contact");
      redrawAllChoices();
      $("add-contact").focus();
      say("The contact was removed.");
      schedulePreview();
    }),
  );
  ownContacts.push(item);
  $("own-contacts").append(el);
  renumber(ownContacts, "Your contact");
  for (const [f] of CONTACT_FIELDS) if (original) setValue(`oc-${n}-${f}`, original[f]);
  $(`oc-${n}-name`).addEventListener("input", redrawAllChoices);
  redrawAllChoices();
  return item;
}

function routeOptions(extraKey) {
  const groups = rules.groups.map((g) => ({
    group: words(g.heading),
    options: rules.routes.filter((r) => r.group === g.id).map((r) => ({ value: r.id, label: words(r.title) })),
  }));
  const extra = extraKey && !rules.routes.some((r) => r.id === extraKey) ? [{ value: extraKey, label: extraKey }] : [];
  return [{ value: "", label: "Choose a route" }, ...extra, ...groups];
}

function addNote(key = "", original) {
  const n = ++counter;
  const p = `n-${n}`;
  const keys = original?.extra_contacts ? original.extra_contacts.map(keyOfContact) : [];
  const el = h(
    "fieldset",
    { class: "fieldset item", id: p },
    h("legend", { class: "fieldset__legend fieldset__legend--m" }),
    selectField(`${p}-route`, "Which route is the note for?", "", routeOptions(key), key),
    textField(`${p}-note`, "Your note (you do not have to)", "Families see it under what the route is.", "textarea"),
    textField(`${p}-steps`, "More first steps (you do not have to)", "One step on each line. Families see them after the route's own steps.", "textarea"),
    contactChoices(`${p}-contacts`, "More contacts to show with the route (you do not have to)", "", keys),
  );
  const item = { n, el, original };
  el.append(
    removeButton("Remove this note", () => {
      notes.splice(notes.indexOf(item), 1);
      el.remove();
      renumber(notes, "Note");
      $("add-note").focus();
      say("The note was removed.");
      schedulePreview();
    }),
  );
  notes.push(item);
  $("notes").append(el);
  renumber(notes, "Note");
  if (original) {
    setValue(`${p}-note`, original.note);
    setValue(`${p}-steps`, original.extra_steps);
  }
  return item;
}

function questionOptions() {
  return [{ value: "", label: "Choose a question" }, ...rules.questions.map((q) => ({ value: q.id, label: words(q.text) }))];
}

function answerOptions(qid) {
  const q = rules.questions.find((q) => q.id === qid);
  if (!q) return [{ value: "", label: "Choose a question first" }];
  const first = { value: "", label: "Choose an answer" };
  if (q.kind === "date") return [first, { value: "yes", label: "They give a date" }, { value: "no", label: "They do not know the date" }];
  const prefix = q.kind === "many" ? "One of the answers they tick is: " : "";
  return [first, ...(q.options || []).map((o) => ({ value: o.value, label: prefix + words(o.label) }))];
}

function addCondition(route, test) {
  const m = ++counter;
  const p = `r-${route.n}-c-${m}`;
  const value = test ? (test.is ?? test.has ?? (test.known === undefined ? "" : test.known ? "yes" : "no")) : "";
  const el = h("div", { class: "condition", id: p });
  const cond = { m, el };
  el.append(
    selectField(`${p}-q`, "Question", "", questionOptions(), test ? test.answer : ""),
    selectField(`${p}-a`, "Answer", "", answerOptions(test ? test.answer : ""), value),
    removeButton("Remove this answer", () => {
      route.conds.splice(route.conds.indexOf(cond), 1);
      el.remove();
      renumberConditions(route);
      $(`r-${route.n}-add-cond`).focus();
      say("The answer was removed.");
      schedulePreview();
    }),
  );
  const [question, answer] = el.querySelectorAll("select");
  question.addEventListener("change", () => fillSelect(answer, answerOptions(question.value)));
  route.conds.push(cond);
  $(`r-${route.n}-conds`).append(el);
  renumberConditions(route);
  return cond;
}

function renumberConditions(route) {
  route.conds.forEach((c, i) => {
    const p = `r-${route.n}-c-${c.m}`;
    document.querySelector(`label[for="${p}-q"]`).textContent = `Question ${i + 1}`;
    document.querySelector(`label[for="${p}-a"]`).textContent = `Answer to question ${i + 1}`;
    c.el.querySelector("button").textContent = `Remove question ${i + 1}`;
  });
}

/** The tests of a route's condition the form can show: one answer, or answers that must all be
 * given; otherwise null (the condition is kept as it is). */
function simpleTests(cond) {
  const one = (c) => {
    if (!c || typeof c !== "object" || typeof c.answer !== "string" || Object.keys(c).length !== 2) return false;
    const q = rules.questions.find((q) => q.id === c.answer);
    if (!q) return false;
    if (q.kind === "one") return typeof c.is === "string" && (q.options || []).some((o) => o.value === c.is);
    if (q.kind === "many") return typeof c.has === "string" && (q.options || []).some((o) => o.value === c.has);
    return q.kind === "date" && typeof c.known === "boolean";
  };
  if (one(cond)) return [cond];
  if (cond && Array.isArray(cond.all) && Object.keys(cond).length === 1 && cond.all.length > 0 && cond.all.every(one)) return cond.all;
  return null;
}

function groupOptions() {
  return rules.groups.map((g) => ({ value: g.id, label: `${words(g.heading)}: ${words(g.intro)}` }));
}

function afterOptions(group, value) {
  const list = rules.routes.filter((r) => r.group === group).map((r) => ({ value: r.id, label: `After “${words(r.title)}”` }));
  const extra = value && !list.some((o) => o.value === value) ? [{ value, label: `After ${value}` }] : [];
  return [{ value: "", label: group ? "At the end of its group" : "Choose where it shows first" }, ...extra, ...list];
}

function addRoute(original) {
  const n = ++counter;
  const p = `r-${n}`;
  const first = original?.when?.[0];
  const tests = original ? simpleTests(first?.if) : [];
  const route = { n, original, keptIf: original && !tests ? first?.if : undefined, conds: [] };
  const keys = original?.contacts ? original.contacts.map(keyOfContact) : [];
  const condBox = h("div", { id: `${p}-conds` });
  const addCond = h("button", { type: "button", class: "button button--secondary button--small", id: `${p}-add-cond`, text: "Add a question" });
  const el = h(
    "fieldset",
    { class: "fieldset item", id: p },
    h("legend", { class: "fieldset__legend fieldset__legend--m" }),
    textField(`${p}-title`, "Title", "A few words that say what the family can do. For example, Go to a Way Forward meeting.", "input"),
    textField(`${p}-summary`, "What it is", "Two or three short sentences.", "textarea"),
    radios(`${p}-group`, "Where it shows in the results", "", groupOptions(), original?.group ?? ""),
    selectField(`${p}-after`, "Where it goes in that part", "", afterOptions(original?.group ?? "", original?.after ?? ""), original?.after ?? ""),
    h(
      "fieldset",
      { class: "fieldset conditions" },
      h("legend", { class: "fieldset__legend fieldset__legend--s", text: "When it shows" }),
      route.keptIf
        ? h("p", { class: "hint", id: `${p}-kept`, tabindex: "-1", text: "This route has a rule for when it shows that this page cannot show. It stays as it is in your file." })
        : h("p", { class: "hint", id: `${p}-conds-hint`, text: "Choose the questions and answers that make the route show. It shows only when the family gives every answer you choose here." }),
      route.keptIf ? null : condBox,
      route.keptIf ? null : h("div", { class: "form-group" }, addCond),
    ),
    textField(`${p}-why`, "Why it is for the family", "Families read this under the route. For example, The council will not do an assessment. In Luton, it offers you this meeting.", "textarea"),
    textField(`${p}-steps`, "First steps", "One step on each line.", "textarea"),
    contactChoices(`${p}-contacts`, "Who to contact (you do not have to)", "", keys),
    textField(`${p}-source`, "Where this comes from", "Advisers read this, so each route needs it. Give the name of the page on your Local Offer that describes it.", "input"),
  );
  route.el = el;
  el.append(
    removeButton("Remove this route", () => {
      routes.splice(routes.indexOf(route), 1);
      el.remove();
      renumber(routes, "Route");
      $("add-route").focus();
      say("The route was removed.");
      schedulePreview();
    }),
  );
  routes.push(route);
  $("routes").append(el);
  renumber(routes, "Route");
  addCond.addEventListener("click", () => {
    const c = addCondition(route);
    $(`r-${n}-c-${c.m}-q`).focus();
  });
  el.addEventListener("change", (e) => {
    if (e.target.name === `${p}-group`) fillSelect($(`${p}-after`), afterOptions(e.target.value, ""));
  });
  if (original) {
    setValue(`${p}-title`, original.title);
    setValue(`${p}-summary`, original.summary);
    setValue(`${p}-why`, first?.why);
    setValue(`${p}-steps`, original.steps);
    setValue(`${p}-source`, original.source);
  }
  for (const t of tests || []) addCondition(route, t);
  if (!original) addCondition(route);
  return route;
}

function keyOfContact(id) {
  if (placeholders.some((c) => c.id === id)) return `p:${id}`;
  const own = ownContacts.find((c) => c.original && c.original.id === id);
  return own ? `o:${own.n}` : `x:${id}`;
}

// ---------------------------------------------------------------------------------------------
// The form as an overlay, with a map from each JSON path to its field, and the builder's own
// checks (fields it needs before the checker can say anything useful).

function build() {
  const map = new Map();
  const own = [];
  const put = (segs, id) => map.set(JSON.stringify(segs), id);
  const need = (id, message) => own.push({ fieldId: id, message });
  const out = {};
  const schema = opened ? opened.schema : SCHEMA;
  if (schema !== undefined) out.$schema = schema;

  // The council.
  const name = $("council-name").value.trim();
  const id = $("council-id").value.trim();
  const page = $("council-page").value.trim();
  if (!name) need("council-name", "Enter your council's name");
  if (!id) need("council-id", "Enter a short name for the file");
  else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) need("council-id", "The short name can only have small letters, numbers and hyphens (-), like tower-hamlets");
  out.council = { ...(opened?.council || {}), id, name };
  if (page) out.council.page = page;
  else delete out.council.page;
  put(["council"], "council-name");
  put(["council", "name"], "council-name");
  put(["council", "id"], "council-id");
  put(["council", "page"], "council-page");
  const date = readDate();
  if (date.error) need(date.field, date.error);
  out.last_reviewed = date.value || today();
  put(["last_reviewed"], "reviewed-day");

  // Contacts: the ones a council fills in, then its own, in the opened file's order.
  const ownIds = new Map();
  const taken = new Set(rules.contacts.map((c) => c.id));
  for (const c of ownContacts) {
    let cid = c.original?.id;
    if (!cid) {
      const base = slug($(`oc-${c.n}-name`).value) || `contact_${c.n}`;
      cid = base;
      for (let k = 2; taken.has(cid); k++) cid = `${base}_${k}`;
    }
    taken.add(cid);
    ownIds.set(`o:${c.n}`, cid);
  }
  const contactId = (key) => (key.startsWith("o:") ? ownIds.get(key) : key.slice(2));
  const contacts = [];
  const contactOut = (prefix, cid, original) => {
    const c = { ...(original || {}), id: cid };
    let any = false;
    for (const [f] of CONTACT_FIELDS) {
      const v = readText(`${prefix}-${f}`);
      if (v === "") delete c[f];
      else {
        c[f] = v;
        any = true;
      }
    }
    if (!any) return;
    if (!c.name) {
      need(`${prefix}-name`, "Enter the name of the service");
      // Kept empty, so the checker can still look at the rest of the file.
      c.name = "";
    }
    contacts.push({ c, prefix });
  };
  for (const p of placeholders) contactOut(`c-${p.id}`, p.id, opened?.placeholders?.[p.id]);
  for (const c of ownContacts) contactOut(`oc-${c.n}`, ownIds.get(`o:${c.n}`), c.original);
  const order = opened?.contactOrder || [];
  const rank = (c) => (order.includes(c.c.id) ? order.indexOf(c.c.id) : order.length);
  contacts.sort((a, b) => rank(a) - rank(b));
  if (contacts.length || opened?.hadContacts) out.contacts = contacts.map((x) => x.c);
  contacts.forEach(({ prefix }, k) => {
    put(["contacts", k], `${prefix}-phone`);
    put(["contacts", k, "id"], `${prefix}-name`);
    for (const [f] of CONTACT_FIELDS) put(["contacts", k, f], `${prefix}-${f}`);
  });

  // The council's own routes.
  const routeIds = new Set();
  const outRoutes = routes.map((r, i) => {
    const p = `r-${r.n}`;
    const o = r.original || {};
    let rid = o.id;
    if (!rid) {
      const base = `local:${slug($(`${p}-title`).value) || `route_${r.n}`}`;
      rid = base;
      for (let k = 2; routeIds.has(rid); k++) rid = `${base}_${k}`;
    }
    routeIds.add(rid);
    const route = { ...o, id: rid };
    for (const [f, message] of [
      ["title", "Enter a title for the route"],
      ["summary", "Say what the route is"],
    ]) {
      route[f] = readText(`${p}-${f}`);
      if (route[f] === "") need(`${p}-${f}`, message);
    }
    route.group = checkedValue(`${p}-group`);
    if (!route.group) need(`${p}-group-0`, "Choose where the route shows in the results");
    const after = $(`${p}-after`).value;
    if (after) route.after = after;
    else delete route.after;
    const at = ["routes", i];
    put(at, `${p}-title`);
    put([...at, "id"], `${p}-title`);
    put([...at, "title"], `${p}-title`);
    put([...at, "summary"], `${p}-summary`);
    put([...at, "group"], `${p}-group-0`);
    put([...at, "after"], `${p}-after`);
    // When it shows.
    let cond = r.keptIf;
    const firstCond = r.conds[0] ? `${p}-c-${r.conds[0].m}-q` : `${p}-add-cond`;
    if (!cond) {
      const tests = [];
      r.conds.forEach((c, m) => {
        const q = $(`${p}-c-${c.m}-q`).value;
        const a = $(`${p}-c-${c.m}-a`).value;
        if (!q) return need(`${p}-c-${c.m}-q`, `Choose question ${m + 1}, or remove it`);
        if (!a) return need(`${p}-c-${c.m}-a`, `Choose the answer to question ${m + 1}`);
        const kind = rules.questions.find((x) => x.id === q).kind;
        tests.push({ test: kind === "date" ? { answer: q, known: a === "yes" } : kind === "many" ? { answer: q, has: a } : { answer: q, is: a }, c });
      });
      if (r.conds.length === 0) need(`${p}-add-cond`, "Add a question and the answer that makes the route show");
      cond = tests.length === 1 ? tests[0].test : { all: tests.map((t) => t.test) };
      const base = [...at, "when", 0, "if"];
      if (tests.length === 1) {
        put(base, `${p}-c-${tests[0].c.m}-a`);
        put([...base, "answer"], `${p}-c-${tests[0].c.m}-q`);
      } else {
        put(base, firstCond);
        tests.forEach((t, k) => {
          put([...base, "all", k], `${p}-c-${t.c.m}-a`);
          put([...base, "all", k, "answer"], `${p}-c-${t.c.m}-q`);
        });
      }
    } else {
      put([...at, "when", 0, "if"], `${p}-kept`);
    }
    put([...at, "when"], r.keptIf ? `${p}-kept` : firstCond);
    const why = readText(`${p}-why`);
    if (why === "") need(`${p}-why`, "Say why the route is for the family");
    route.when = [{ ...(o.when?.[0] || {}), if: cond, why }, ...(o.when?.slice(1) || [])];
    put([...at, "when", 0, "why"], `${p}-why`);
    route.steps = readLines(`${p}-steps`);
    if (route.steps.length === 0) need(`${p}-steps`, "Enter at least one first step");
    put([...at, "steps"], `${p}-steps`);
    const keys = choicesOf(`${p}-contacts`);
    if (keys.length || o.contacts) route.contacts = keys.map(contactId);
    else delete route.contacts;
    put([...at, "contacts"], `${p}-contacts-0`);
    route.source = readText(`${p}-source`);
    if (route.source === "") need(`${p}-source`, "Say where this route comes from, such as the name of a page on your Local Offer");
    put([...at, "source"], `${p}-source`);
    return route;
  });
  if (outRoutes.length || opened?.hadRoutes) out.routes = outRoutes;

  // Notes on routes.
  const texts = {};
  for (const note of notes) {
    const p = `n-${note.n}`;
    const key = $(`${p}-route`).value;
    if (!key) {
      need(`${p}-route`, "Choose the route this note is for");
      continue;
    }
    if (key in texts) {
      need(`${p}-route`, "You have another note for this route. Put them together in one note");
      continue;
    }
    const t = { ...(note.original || {}) };
    const text = readText(`${p}-note`);
    if (text === "") delete t.note;
    else t.note = text;
    const steps = readLines(`${p}-steps`);
    if (steps.length) t.extra_steps = steps;
    else delete t.extra_steps;
    const keys = choicesOf(`${p}-contacts`);
    if (keys.length) t.extra_contacts = keys.map(contactId);
    else delete t.extra_contacts;
    if (!t.note && !t.extra_steps && !t.extra_contacts) need(`${p}-note`, "Write a note, add a step or choose a contact, or remove this note");
    texts[key] = t;
    put(["texts", key], `${p}-route`);
    put(["texts", key, "note"], `${p}-note`);
    put(["texts", key, "extra_steps"], `${p}-steps`);
    put(["texts", key, "extra_contacts"], `${p}-contacts-0`);
  }
  if (notes.length || opened?.hadTexts) out.texts = texts;

  for (const [k, v] of Object.entries(opened?.extra || {})) out[k] = v;
  return { overlay: out, map, own };
}

function readDate() {
  const [d, m, y] = ["day", "month", "year"].map((p) => $(`reviewed-${p}`).value.trim());
  if (!d && !m && !y) return { error: "Enter the day you last checked these details", field: "reviewed-day" };
  if (!d) return { error: "The date must have a day", field: "reviewed-day" };
  if (!m) return { error: "The date must have a month", field: "reviewed-month" };
  if (!y) return { error: "The date must have a year", field: "reviewed-year" };
  const [dn, mn, yn] = [d, m, y].map(Number);
  const date = new Date(Date.UTC(yn, mn - 1, dn));
  const real = /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && date.getUTCFullYear() === yn && date.getUTCMonth() === mn - 1 && date.getUTCDate() === dn;
  if (!real) return { error: "The date must be a real date, like 27 3 2026", field: "reviewed-day" };
  return { value: date.toISOString().slice(0, 10) };
}

// ---------------------------------------------------------------------------------------------
// Checking: the builder's own checks and the checker's, each problem at its field.

function parsePath(path) {
  if (path === "$") return [];
  const segs = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === ".") i++;
    else if (path[i] === "[" && path[i + 1] === '"') {
      let j = i + 2;
      let s = "";
      while (j < path.length && path[j] !== '"') {
        if (path[j] === "\\") {
          s += path[j + 1];
          j += 2;
        } else s += path[j++];
      }
      segs.push(s);
      i = j + 2;
    } else if (path[i] === "[") {
      const j = path.indexOf("]", i);
      segs.push(Number(path.slice(i + 1, j)));
      i = j + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
      segs.push(path.slice(i, j));
      i = j;
    }
  }
  return segs;
}

function locate(map, path) {
  const segs = parsePath(path);
  for (let k = segs.length; k >= 0; k--) {
    const id = map.get(JSON.stringify(segs.slice(0, k)));
    if (id && $(id)) return id;
  }
  return "council-name";
}

/** The checker's message in plain words, for the field it is about. */
function plain(message) {
  const table = [
    [/is not a phone number/, "Enter a phone number with numbers and spaces only, like 01582 548156"],
    [/does not look like an email address/, "Enter an email address in the right form, like name@example.com"],
    [/is not an https: link/, "Enter a web address that starts with https://"],
    [/has no phone, email, web page or address/, "Enter a phone number, email, web page or address. If you do not know any of them, say so in the last box"],
    [/no route uses the contact/, "No note or route shows this contact, so families will not see it. Choose it in a note or a route, or remove it"],
    [/this text is empty/, "Write something here, or leave it out"],
    [/more than a year ago/, "This date is more than a year ago. Check the details, then put today's date"],
    [/which is after today/, "The date must be today or in the past"],
    [/invisible control character/, "This text has a hidden character in it. Type the text again"],
    [/looks like HTML/, "Write plain words here, with no HTML tags"],
  ];
  for (const [re, text] of table) if (re.test(message)) return text;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

// The checker, in its worker. One check runs at a time, and the page only needs the latest
// text: a check still waiting to run is replaced by a newer one. (A running check is left to
// finish: a new worker would have to load the checker again, which fails offline.) The form's
// `data-checker` says where the checker is: "loading", "ready" (a check now works offline) or
// "failed" (it could not load, say offline too early: the next check starts a new worker).
let worker = null;
let busy = null; // { text, promise, resolve }
let waiting = null;
const checked = new Map(); // text → the checker's answer, for the last few texts

function newWorker() {
  const w = new Worker("builder-worker.js", { type: "module" });
  form.dataset.checker = "loading";
  const lost = (error) => {
    if (worker !== w) return;
    w.terminate();
    worker = null;
    form.dataset.checker = "failed";
    finished({ overlay: busy?.text, error, unloaded: true });
  };
  w.onmessage = ({ data }) => {
    if (data.ready) form.dataset.checker = "ready";
    else if (data.failed) lost(data.failed);
    else finished(data);
  };
  w.onerror = (event) => {
    event.preventDefault();
    if (form.dataset.checker === "ready") finished({ overlay: busy?.text, error: event.message || "the checker stopped" });
    else lost(event.message || "the checker did not load");
  };
  w.postMessage({ rules: rulesText });
  return w;
}

function run(j) {
  busy = j;
  worker ??= newWorker();
  worker.postMessage({ overlay: j.text, today: today() });
}

function finished({ overlay, result, error, unloaded }) {
  if (!busy || overlay !== busy.text) return;
  const answer = error ? { error, unloaded } : JSON.parse(result);
  if (!error) {
    checked.set(busy.text, answer);
    if (checked.size > 20) checked.delete(checked.keys().next().value);
  }
  busy.resolve(answer);
  busy = null;
  if (waiting) {
    const next = waiting;
    waiting = null;
    run(next);
  }
}

/** The checker's answer for an overlay's text, or null if a newer text took its place. */
function checkText(text) {
  if (checked.has(text)) return Promise.resolve(checked.get(text));
  if (busy && busy.text === text) return busy.promise;
  if (waiting && waiting.text === text) return waiting.promise;
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  const j = { text, promise, resolve };
  if (!busy) run(j);
  else {
    if (waiting) waiting.resolve(null);
    waiting = j;
  }
  return promise;
}

/** The form's overlay, checked: every problem at its field, in the form's order; null when a
 * newer check took its place. */
async function runChecks() {
  const { overlay, map, own } = build();
  const text = JSON.stringify(overlay, null, 1) + "\n";
  const answer = await checkText(text);
  if (!answer) return null;
  const problems = [...own];
  if (answer.unloaded) problems.push({ fieldId: "check", message: "Sorry, the checker did not load. Check you are online, then check again" });
  else if (answer.error) problems.push({ fieldId: "check", message: "Sorry, the file could not be checked. Reload the page and try again" });
  const ownFields = new Set(own.map((p) => p.fieldId));
  const blank = [];
  for (const d of answer.problems || []) {
    // Not a problem: families see the national words, as the hint under its heading says. The
    // page lists them after a check, so the officer knows which are left.
    const empty = d.severity === "warning" && /does not fill in the local contact "([^"]+)"/.exec(d.message);
    if (empty) {
      blank.push(placeholders.find((c) => c.id === empty[1])?.name || empty[1]);
      continue;
    }
    const fieldId = locate(map, d.path);
    if (ownFields.has(fieldId)) continue;
    const message = plain(d.message);
    if (!problems.some((p) => p.fieldId === fieldId && p.message === message)) problems.push({ fieldId, message });
  }
  problems.sort((a, b) => ($(a.fieldId).compareDocumentPosition($(b.fieldId)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return { overlay, text, problems, blank, usable: !answer.error && answer.ok && own.length === 0 };
}

function clearProblems() {
  for (const el of form.querySelectorAll(".error-message")) el.remove();
  for (const el of form.querySelectorAll(".form-group--error")) el.classList.remove("form-group--error");
  for (const el of form.querySelectorAll(".input--error")) el.classList.remove("input--error");
  for (const el of form.querySelectorAll("[data-described]")) {
    el.setAttribute("aria-describedby", el.dataset.described);
    if (!el.dataset.described) el.removeAttribute("aria-describedby");
    delete el.dataset.described;
  }
  summary.hidden = true;
  document.title = baseTitle;
}

function showProblems(problems) {
  clearProblems();
  if (problems.length === 0) return;
  const list = $("error-list");
  list.replaceChildren();
  problems.forEach(({ fieldId, message }, i) => {
    const field = $(fieldId);
    const group = field.closest(".form-group");
    const errorId = `${fieldId}-error-${i}`;
    const p = h("p", { class: "error-message", id: errorId }, h("span", { class: "visually-hidden", text: "Error: " }), message);
    if (group) {
      group.classList.add("form-group--error");
      const anchor = field.closest("[data-error-anchor]") || field.closest(".date-input") || field;
      anchor.before(p);
    } else field.before(p);
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(field.tagName) && field.type !== "radio" && field.type !== "checkbox") field.classList.add("input--error");
    const described = field.type === "radio" || field.type === "checkbox" || fieldId.startsWith("reviewed-") ? field.closest("fieldset") : field;
    if (!("described" in described.dataset)) described.dataset.described = described.getAttribute("aria-describedby") || "";
    described.setAttribute("aria-describedby", `${described.getAttribute("aria-describedby") || ""} ${errorId}`.trim());
    const a = h("a", { href: `#${fieldId}`, text: message });
    list.append(h("li", {}, a));
  });
  summary.hidden = false;
  document.title = `Error: ${baseTitle}`;
}

// A link in the error summary moves focus to its field, with the field's label in view.
$("error-list").addEventListener("click", (e) => {
  const a = e.target.closest("a");
  if (!a) return;
  e.preventDefault();
  const field = $(a.getAttribute("href").slice(1));
  if (!field) return;
  const label = field.closest("fieldset")?.querySelector("legend") && (field.type === "radio" || field.type === "checkbox" || field.id.startsWith("reviewed-")) ? field.closest("fieldset").querySelector("legend") : document.querySelector(`label[for="${field.id}"]`);
  (label || field).scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
});

function say(text) {
  status.textContent = "";
  setTimeout(() => (status.textContent = text), 50);
}

// ---------------------------------------------------------------------------------------------
// The widget beside the form.

let previewTimer;
let previewed;
let overlayUrl;

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(updatePreview, 1200);
}

function showWidget(text) {
  const widget = h("send-route-finder", { rules: rulesUrl, "heading-level": "3" }, h("p", { text: "The route finder is loading. If it does not start, reload the page." }));
  const old = overlayUrl;
  overlayUrl = text ? URL.createObjectURL(new Blob([text], { type: "application/json" })) : undefined;
  if (overlayUrl) widget.setAttribute("council", overlayUrl);
  $("preview-slot").replaceChildren(widget);
  if (old) URL.revokeObjectURL(old);
}

async function updatePreview(result) {
  result ??= await runChecks();
  if (!result) return;
  const note = $("preview-status");
  if (!result.usable) {
    note.textContent = previewed
      ? "The route finder shows your last version with no problems. To see what is wrong, select “Check the file”."
      : "The route finder shows the national contacts until your file has no problems. To see what is wrong, select “Check the file”.";
    return;
  }
  note.textContent = "The route finder below uses what you have typed.";
  if (result.text === previewed) return;
  previewed = result.text;
  showWidget(result.text);
}

form.addEventListener("input", schedulePreview);
form.addEventListener("change", schedulePreview);

// ---------------------------------------------------------------------------------------------
// Check, download and open.

// "Check the file" and "Download the file" wait for the checker: the page says so meanwhile. A
// press while a check runs is not lost: it waits its turn (each button at most once).
let turn = Promise.resolve();
const queued = new Set();
let running = false;

function inTurn(name, what) {
  if (queued.has(name)) return;
  queued.add(name);
  turn = turn
    .then(async () => {
      queued.delete(name);
      running = true;
      try {
        await what();
      } finally {
        running = false;
      }
    })
    .catch(() => {});
}

async function checkAndShow(saying) {
  say(saying);
  $("blank").hidden = true;
  const result = await runChecks();
  if (!result) return null;
  showProblems(result.problems);
  if (result.problems.length) {
    status.textContent = "";
    summary.focus();
  }
  updatePreview(result);
  return result;
}

/** After a check with no problems: how many contacts are left empty (for the status line), and
 * their names in the list under it. */
function showBlank(blank) {
  $("blank").hidden = blank.length === 0;
  $("blank-list").replaceChildren(...blank.map((name) => h("li", { text: name })));
  if (blank.length === 0) return "";
  return blank.length === 1 ? " You have not filled in 1 contact (see below)." : ` You have not filled in ${blank.length} contacts (see below).`;
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  inTurn("check", async () => {
    const result = await checkAndShow("Checking your file. This can take up to a minute.");
    if (result && !result.problems.length) say(`There are no problems. You can download the file.${showBlank(result.blank)}`);
  });
});

$("download").addEventListener("click", () => {
  if (running) say("Your file will download when the check is done.");
  inTurn("download", async () => {
    const result = await checkAndShow("Checking your file before it downloads. This can take up to a minute.");
    if (!result || result.problems.length) return;
    const { text, overlay } = result;
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = h("a", { href: url, download: `${overlay.council.id}.json` });
    a.click();
    // Let the download start before the address goes.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(`Your file ${overlay.council.id}.json is downloading. Send it to your web team.${showBlank(result.blank)}`);
  });
});

$("council-id").addEventListener("input", () => (idTouched = true));
$("council-name").addEventListener("input", () => {
  if (idTouched) return;
  const words = $("council-name").value.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !["council", "borough", "county", "city", "district", "metropolitan", "royal", "of", "the", "and"].includes(w));
  $("council-id").value = slug(words.join(" "), "-");
});

function setDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  $("reviewed-day").value = m ? String(Number(m[3])) : "";
  $("reviewed-month").value = m ? String(Number(m[2])) : "";
  $("reviewed-year").value = m ? m[1] : "";
}

function reset() {
  for (const list of [ownContacts, notes, routes]) {
    for (const item of list) item.el.remove();
    list.length = 0;
  }
  originals.clear();
  for (const el of form.querySelectorAll("#placeholders input, #placeholders textarea, #council-name, #council-id, #council-page")) el.value = "";
  clearProblems();
}

function fillFrom(o) {
  reset();
  const contacts = Array.isArray(o.contacts) ? o.contacts : [];
  opened = {
    schema: o.$schema,
    council: o.council,
    contactOrder: contacts.map((c) => c.id),
    placeholders: {},
    hadContacts: "contacts" in o,
    hadRoutes: "routes" in o,
    hadTexts: "texts" in o,
    extra: Object.fromEntries(Object.entries(o).filter(([k]) => !TOP_KEYS.includes(k))),
  };
  $("council-name").value = o.council?.name ?? "";
  $("council-id").value = o.council?.id ?? "";
  $("council-page").value = o.council?.page ?? "";
  idTouched = true;
  setDate(o.last_reviewed);
  for (const c of contacts) {
    if (placeholders.some((p) => p.id === c.id)) {
      opened.placeholders[c.id] = c;
      for (const [f] of CONTACT_FIELDS) setValue(`c-${c.id}-${f}`, c[f]);
    } else addOwnContact(c);
  }
  for (const [key, t] of Object.entries(o.texts || {})) addNote(key, t);
  for (const r of o.routes || []) addRoute(r);
  redrawAllChoices();
}

$("open-file").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  let o;
  try {
    o = JSON.parse(await file.text());
    if (!o || typeof o !== "object" || Array.isArray(o) || !o.council || typeof o.council !== "object") throw new Error("not an overlay");
  } catch {
    showProblems([{ fieldId: "open-file", message: `${file.name} is not a council file for the route finder. Choose another file` }]);
    summary.focus();
    return;
  }
  fillFrom(o);
  schedulePreview();
  say(`The form now shows ${file.name}. Change what you need, then download the file again.`);
});

for (const [button, add] of [
  ["add-contact", () => $(`oc-${addOwnContact().n}-name`)],
  ["add-note", () => $(`n-${addNote().n}-route`)],
  ["add-route", () => $(`r-${addRoute().n}-title`)],
]) {
  $(button).addEventListener("click", () => {
    add().focus();
    schedulePreview();
  });
}

// ---------------------------------------------------------------------------------------------
// Start: this site's rules.json and the checker, then the form.

try {
  const response = await fetch("rules.json");
  if (!response.ok) throw new Error(`rules.json: ${response.status}`);
  rulesText = await response.text();
  rules = JSON.parse(rulesText);
  rulesUrl = URL.createObjectURL(new Blob([rulesText], { type: "application/json" }));
  worker = newWorker();
  placeholders = rules.contacts.filter((c) => c.local);
  drawPlaceholders();
  setDate(today());
  form.hidden = false;
  $("loading").remove();
  showWidget();
  updatePreview();
} catch (error) {
  $("loading").textContent = `Sorry, the form could not start. Reload the page to try again. (${error.message || error})`;
}

// SEND Route Finder: the one script a council page includes (docs/contract.md, section 6).
//
//   <send-route-finder rules="…/rules.json" council="…/councils/luton.json" heading-level="2">
//     fallback content: shown until the widget starts, and for good if it cannot
//   </send-route-finder>
//   <script type="module" src="…/send-route-finder.js"></script>
//
// Everything else (the wasm, its glue, the stylesheet) is found next to this file, so the
// files can sit on any static host. No inline scripts or styles: it runs under a strict
// Content Security Policy with script-src 'self' 'wasm-unsafe-eval'.
//
// Everything starts at once: the glue, the wasm, the stylesheet, the ruleset and the overlay
// are all requested before any of them has arrived. The build puts the stylesheet inside
// this file, so at once (or once the stylesheet file is in, in older browsers) the
// start screen is drawn from the fallback's marked texts (data-srf="title", "paragraph",
// "time", "privacy"), the same markup the widget draws, so a person can press Start while
// the wasm is still on its way; the widget then opens at the first question. The element
// gets the attribute data-srf-ready once the widget itself runs.

const here = import.meta.url;
const stylesheet = new URL("send-route-finder.css", here).href;
const CSS = null; // the build puts the stylesheet here (scripts/inline-css.mjs)
const WASM_INTEGRITY = null; // the build puts the wasm's hash here (scripts/release-files.mjs)
// The loader's words: English defaults from the table of interface texts (src/model/interface.rs),
// by key. Each widget lays its ruleset's and its overlay's interface_texts over them (wording).
const WORDS = null; // the build puts the loader's words here (scripts/inline-words.mjs)

/** The stylesheet, made once and shared by every widget on the page; null where the browser
 *  cannot (before Safari 16.4) or the build did not inline it: then each root links the file. */
const sheet = (() => {
  if (!CSS || !("adoptedStyleSheets" in Document.prototype)) return null;
  try {
    const made = new CSSStyleSheet();
    made.replaceSync(CSS);
    return made;
  } catch {
    return null;
  }
})();
// With its Subresource Integrity hash: a changed wasm is refused. The browser gives the page
// the same "Failed to fetch" for a wrong hash as for a network or CORS failure, so when the
// hash was set the file is asked for once more without it, to tell the council which.
const wasmUrl = new URL("send_route_finder_bg.wasm", here).href;
const wasm = fetch(wasmUrl, WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {}).catch(async (error) => {
  if (!WASM_INTEGRITY) throw error;
  const again = await fetch(wasmUrl).catch(() => null);
  again?.body?.cancel();
  if (!again) throw new Error(`${wasmUrl} could not be fetched (${error.message}): the network failed, or its site does not send Access-Control-Allow-Origin, or a Content Security Policy blocks it`);
  if (!again.ok) throw new Error(`${wasmUrl} answered ${again.status} ${again.statusText}`.trim());
  throw new Error(`${wasmUrl} is not the wasm file of this loader (its integrity hash differs): use the files of one version's folder together`);
});
wasm.catch(() => {}); // a failure is reported per element below
const ready = import("./send_route_finder.js").then(async (glue) => {
  await glue.default({ module_or_path: wasm });
  return glue;
});
ready.catch(() => {}); // reported per element below

const FIND_COUNCIL = "https://www.gov.uk/find-local-council";

/** A widget's words: the loader's English, then those its ruleset and its overlay give under
 *  interface_texts (the overlay's win), once both files are in. `say(node, key)` gives a node
 *  its words now, and again when the files' words change. `use(texts)` lays the words of
 *  these files alone over the English: when the widget cannot use the overlay, neither does
 *  the loader. */
function wording(files) {
  const words = { ...WORDS };
  const said = new Map();
  const say = (node, key) => {
    said.set(node, key);
    node.textContent = words[key];
    return node;
  };
  const use = (texts) => {
    Object.assign(words, WORDS);
    for (const text of texts) {
      try {
        const over = JSON.parse(text).interface_texts;
        for (const key in words) if (typeof over?.[key] === "string" && over[key].trim()) words[key] = over[key];
      } catch {
        // not JSON: the widget says why; the loader keeps its words
      }
    }
    for (const [node, key] of said) if (node.textContent !== words[key]) node.textContent = words[key];
  };
  return { words, say, use, done: files.then(use) };
}

/** The one line a family sees when the council's file could not be used: a link to the
 *  council's own page from the element's fallback content (an https link), else GOV.UK's
 *  "Find your local council". */
function noLocalNotice(element, { words }) {
  let href = FIND_COUNCIL;
  let text = words.find_council;
  for (const a of element.querySelectorAll("a[href]")) {
    try {
      const url = new URL(a.getAttribute("href"), document.baseURI);
      if (url.protocol === "https:" && a.textContent.trim()) {
        href = url.href;
        text = a.textContent.trim();
        break;
      }
    } catch {
      // not an address: keep looking
    }
  }
  const link = make("a", "", text);
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  link.append(make("span", "srf-visually-hidden", ` ${words.new_tab}`));
  // The words around {link}; the link at the end if a translation left it out.
  const [before, after = ""] = words.no_local.split("{link}");
  const notice = make("p", "srf-body srf-inset srf-no-local", before);
  notice.append(link, after);
  return notice;
}

/** An attribute as an absolute URL, resolved against the page. */
function absolute(element, name) {
  const value = element.getAttribute(name);
  if (!value) return undefined;
  try {
    return new URL(value, document.baseURI).href;
  } catch {
    return undefined;
  }
}

/** Fetch a file as text: a promise that rejects with a message on any failure. */
function fetchText(url, what) {
  if (!url) return Promise.reject(new Error(`the element has no "${what}" attribute`));
  const text = fetch(url, { cache: "no-cache", credentials: "omit" }).then((response) => {
    if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
    // A web page where the file should be (a CMS's "not found" page sent with 200, a login
    // page): say so, rather than that the JSON is broken.
    const type = response.headers.get("content-type") || "";
    if (/^\s*text\/html\b/i.test(type)) throw new Error(`${url} is a web page (${type}), not the ${what} file: check the address`);
    return response.text();
  });
  text.catch(() => {}); // reported when the widget starts, not as an unhandled rejection
  return text;
}

/** An element with a class and, optionally, text. */
function make(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Tell the page, with an event that bubbles out of the shadow root (docs/contract.md, section 6). */
function tell(element, name) {
  element.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: null }));
}

/** The start screen as the widget draws it (src/ui/view/start.rs and mod.rs), from the
 *  fallback's marked texts; or nothing when the fallback has no title. */
function startScreen(element, level, onStart, { say }) {
  const texts = (name) => [...element.querySelectorAll(`[data-srf="${name}"]`)].map((e) => e.textContent.trim());
  const [title] = texts("title");
  if (!title) return undefined;
  const app = make("div", "srf");
  const screen = make("div", "srf-screen");
  const heading = make(`h${level}`, "srf-heading-l", title);
  heading.setAttribute("tabindex", "-1");
  screen.append(heading);
  for (const p of [...texts("paragraph"), ...texts("time")]) screen.append(make("p", "srf-body", p));
  for (const p of texts("privacy")) screen.append(make("p", "srf-body srf-inset", p));
  const button = make("button", "srf-button srf-button--start");
  const label = say(new Text(), "start_now");
  button.append(label);
  button.type = "button";
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  for (const [k, v] of Object.entries({ class: "srf-button__start-icon", width: "17.5", height: "19", viewBox: "0 0 33 40", "aria-hidden": "true", focusable: "false" })) {
    svg.setAttribute(k, v);
  }
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", "M0 0h13l20 20-20 20H0l20-20z");
  svg.append(path);
  button.append(svg);
  screen.append(button);
  const live = make("div", "srf-visually-hidden");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  button.addEventListener("click", () => {
    if (button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    say(label, "starting");
    say(live, "loading_questions");
    onStart();
  });
  app.append(screen, live);
  return app;
}

/** Style a shadow root: the shared sheet at once, or a link to the file. Returns the nodes
 *  to put first in the root (none, or the link) and a promise of the styles being in. */
function style(root) {
  if (sheet) {
    root.adoptedStyleSheets = [sheet];
    return { nodes: [], styled: Promise.resolve() };
  }
  const link = make("link");
  link.setAttribute("rel", "stylesheet");
  link.setAttribute("href", stylesheet);
  const styled = new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
  return { nodes: [link], styled };
}

// ---------------------------------------------------------------------------------------------
// Quick exit (GOV.UK "Exit this page"), switched on by the council with the quick-exit
// attribute: a button above the widget, and Shift pressed three times, leave at once for a
// neutral page (the attribute's https address, or BBC Weather), blank the page first, forget
// anything the widget saved, and replace the page in the history, so Back does not return.

const NEUTRAL = "https://www.bbc.co.uk/weather";
let exitTo = null;

/** The neutral page: an https address, or one on this site; anything else gives BBC Weather. */
function neutralPage(value) {
  try {
    const url = new URL(value || NEUTRAL, document.baseURI);
    return url.protocol === "https:" || url.origin === location.origin ? url.href : NEUTRAL;
  } catch {
    return NEUTRAL;
  }
}

/** Forget everything the widgets saved on this device (their keys start "srf:"). */
function forgetSaved() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith("srf:")) localStorage.removeItem(key);
  } catch {
    // Storage may be blocked; then nothing was saved.
  }
  if (/(^#|&)srf-/.test(location.hash)) history.replaceState(null, "", location.pathname + location.search);
}

function exitNow() {
  document.documentElement.hidden = true;
  forgetSaved();
  location.replace(exitTo || NEUTRAL);
}

function exitButton(url, { say }) {
  exitTo = exitTo || url;
  const box = make("div", "srf-exit");
  const button = make("button", "srf-exit__button");
  button.type = "button";
  const hint = make("span", "srf-visually-hidden", ", ");
  hint.append(say(new Text(), "exit_shift"));
  button.append(say(new Text(), "exit_page"), hint);
  button.addEventListener("click", exitNow);
  box.append(button);
  return box;
}

// Shift pressed three times within 5 seconds, as in GOV.UK Frontend's Exit This Page: a press
// counts when Shift is let go without another key in between (so Shift+Tab, or a capital letter,
// never counts), and any other key starts the count again.
let shifts = [];
let shiftAlone = false;
document.addEventListener("keydown", (event) => {
  if (!exitTo) return;
  if (event.key === "Shift") {
    if (!event.repeat) shiftAlone = true;
  } else {
    shiftAlone = false;
    shifts = [];
  }
});
document.addEventListener("keyup", (event) => {
  if (!exitTo || event.key !== "Shift") return;
  const alone = shiftAlone;
  shiftAlone = false;
  if (!alone) return;
  const now = Date.now();
  shifts = [...shifts.filter((t) => now - t < 5000), now];
  if (shifts.length >= 3) exitNow();
});

// ---------------------------------------------------------------------------------------------
// Read-aloud and reader modes. Tools that read a page aloud (Android Chrome's "Listen to this
// page", Safari's "Listen to Page") and reader modes (Firefox's Reader View is Mozilla's
// Readability) read the page's own DOM and skip shadow roots. So the text of the screen on show
// is copied, as plain headings and paragraphs, into a child of the element in the page's own
// DOM: slotted at the end of the shadow root, where the widget's stylesheet hides it from sight
// (with !important, which beats the page's styles on a slotted element), and inert, which
// takes it out of the accessibility tree: screen readers read the shadow root itself, so they
// hear nothing twice. It follows every change of the screen. docs/architecture.md says why
// this and not drawing the widget in the page's DOM.

// Elements that sit inside a line of text (font: what page translation wraps text in).
const INLINE = /^(A|ABBR|B|BDI|BDO|BR|CITE|CODE|DFN|EM|FONT|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|WBR)$/;
// Never read: out of sight, for screen readers only, or what a person types.
const UNREAD = "[hidden], [aria-hidden='true'], .srf-visually-hidden, svg, style, script, template, textarea, select, input";

/** The screen's text as [tag, text] pairs: a heading keeps its level, any other block of
 *  text is a paragraph. Text in a closed details element is not read, except its summary.
 *  One walk down the screen, which passes by whatever is never read. */
function screenText(box) {
  const blocks = [];
  let last = null;
  // parent: an element to read; block: the block of text its own text belongs to; tag: "p",
  // or the heading it is in.
  const visit = (parent, block, tag) => {
    const closed = parent.tagName === "DETAILS" && !parent.open;
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.matches(UNREAD) || (closed && node.tagName !== "SUMMARY")) continue;
        const name = node.tagName;
        visit(node, INLINE.test(name) ? block : node, /^H[1-6]$/.test(name) ? name.toLowerCase() : tag);
      } else if (node.nodeType === Node.TEXT_NODE && !closed && node.data.trim()) {
        if (block === last?.block) {
          last.text += node.data;
        } else {
          last = { block, tag, text: node.data };
          blocks.push(last);
        }
      }
    }
  };
  visit(box, box, "p");
  return blocks.map(({ tag, text }) => [tag, text.replace(/\s+/g, " ").trim()]).filter(([, text]) => text);
}

const mirrors = new WeakMap(); // element → its reader copy's observer, while it runs

/** Keep the element's reader copy the same as its screen, from now on; the slot for it goes
 *  at the end of the shadow root. */
function mirrorForReaders(element, root, box) {
  stopMirror(element);
  const copy = make("div", "srf-reader");
  copy.setAttribute("slot", "reader");
  copy.setAttribute("inert", "");
  let shown = "";
  let queued = false;
  let rest = []; // the screen's blocks not yet in the copy
  // A few blocks at a time, each few when the browser has nothing else to do: every block is
  // laid out (out of sight, but read by innerText), and the results' 180 or so at once kept a
  // slow phone busy for some 60 ms just after they were drawn.
  const add = () => {
    copy.append(...rest.splice(0, 24).map(([tag, text]) => make(tag, "", text)));
    if (rest.length) (window.requestIdleCallback || setTimeout)(add);
  };
  const update = () => {
    if (!queued) return;
    queued = false;
    const blocks = box.hidden ? [] : screenText(box);
    const now = JSON.stringify(blocks);
    if (now === shown) return;
    shown = now;
    copy.replaceChildren();
    rest = blocks;
    add();
  };
  // After the next frame is painted, when the browser has nothing else to do (where it can
  // say), so the copy never delays what the family sees: reading the results' blocks took a
  // slow phone some 5 ms, which fell between the results' first two frames; a page in the
  // background paints no frames: then after a second.
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => (window.requestIdleCallback || setTimeout)(update));
    setTimeout(update, 1000);
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["hidden", "open", "class"] });
  mirrors.set(element, observer);
  const slot = document.createElement("slot");
  slot.name = "reader";
  root.append(slot);
  element.append(copy);
}

/** Stop copying and take the copy away (the widget stopped, or could not start); the
 *  fallback content is the page's text again. */
function stopMirror(element) {
  mirrors.get(element)?.disconnect();
  mirrors.delete(element);
  for (const old of element.querySelectorAll(":scope > .srf-reader[slot='reader']")) old.remove();
  hideFallback(element, false);
}

/** The fallback content is out of sight once the widget draws its screen, but reader modes
 *  read the DOM, not the screen: mark it hidden while the widget shows (and only what this
 *  script hid is shown again). */
function hideFallback(element, hide) {
  for (const child of element.children) {
    if (child.slot === "reader") continue;
    if (hide && !child.hidden) {
      child.hidden = true;
      child.setAttribute("data-srf-hid", "");
    } else if (!hide && child.hasAttribute("data-srf-hid")) {
      child.hidden = false;
      child.removeAttribute("data-srf-hid");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Come back later. Each widget has a name: the element's id, or its place among the widgets
// of the page ("0", "1", …). Its answers, when the person chose to keep them, are in
// localStorage under "srf:answers:<page path>:<name>"; a link to its results carries them in
// the fragment as "#srf-<name>=<answers>", never in the query string, and the fragment is
// taken out of the address bar as soon as it has been read.

/** The answers in this page's fragment for a widget, removed from the address bar. */
function answersFromLink(name) {
  const hash = location.hash.slice(1);
  if (!hash) return undefined;
  const parts = hash.split("&");
  const mine = parts.find((p) => p.startsWith(`srf-${name}=`));
  if (!mine) return undefined;
  const rest = parts.filter((p) => p !== mine).join("&");
  history.replaceState(history.state, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
  try {
    return decodeURIComponent(mine.slice(name.length + 5));
  } catch {
    return undefined;
  }
}

function savedAnswers(key) {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined; // storage blocked: nothing was saved
  }
}

/** If the widget cannot start: keep the fallback, add a message above it. */
function showFailure(element, root, { say }) {
  const message = say(make("p", "srf-load-error"), "load_failed");
  message.setAttribute("role", "alert");
  const exit = root.querySelector(".srf-exit"); // the quick exit stays
  stopMirror(element);
  root.replaceChildren(...style(root).nodes, ...(exit ? [exit] : []), message, document.createElement("slot"));
}

class SendRouteFinder extends HTMLElement {
  /** Taken off the page (not just moved): stop the widget and free its memory; put back, it
   *  starts afresh. */
  disconnectedCallback() {
    queueMicrotask(() => {
      if (this.isConnected || !this.hasAttribute("data-srf-started")) return;
      this.removeAttribute("data-srf-started");
      this.removeAttribute("data-srf-ready");
      stopMirror(this);
      ready.then((glue) => glue.stop(this)).catch(() => {});
    });
  }

  connectedCallback() {
    if (this.hasAttribute("data-srf-started")) return;
    this.setAttribute("data-srf-started", "");
    const parsed = Number.parseInt(this.getAttribute("heading-level") || "2", 10);
    const level = Number.isFinite(parsed) ? Math.min(6, Math.max(1, parsed)) : 2;
    const rules = fetchText(absolute(this, "rules"), "rules");
    const councilUrl = absolute(this, "council");
    // A council's file that cannot be fetched does not stop the widget: it runs with the
    // national routes (below), so the failure is kept as a value.
    const council = councilUrl
      ? fetchText(councilUrl, "council").then((text) => ({ text }), (error) => ({ error: String(error && error.message ? error.message : error) }))
      : Promise.resolve({});
    const said = wording(Promise.all([rules.catch(() => ""), council.then((c) => c.text)]));

    // The shadow root: the stylesheet, a box for the widget, and a slot that shows the
    // fallback until the start screen can be drawn styled.
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    const { nodes, styled } = style(root);
    const box = make("div", "srf-root");
    box.hidden = true;
    const slot = document.createElement("slot");
    const exit = this.hasAttribute("quick-exit") ? [exitButton(neutralPage(this.getAttribute("quick-exit")), said)] : [];
    root.replaceChildren(...nodes, ...exit, box, slot);
    mirrorForReaders(this, root, box);

    let begun = false;
    const early = startScreen(this, level, () => {
      begun = true;
      tell(this, "srf-start");
    }, said);
    const showEarly = () => {
      if (early && !box.hasChildNodes() && root.contains(box)) {
        box.append(early);
        box.hidden = false;
        slot.remove();
        hideFallback(this, true);
      }
    };
    // With the shared sheet the styles are in already: draw the start screen now, before the
    // page's first paint if the script came in time.
    if (sheet) showEarly();
    else styled.then(showEarly);

    const name = this.id || String([...document.querySelectorAll("send-route-finder")].indexOf(this));
    const storeKey = `srf:answers:${location.pathname}:${name}`;
    const linked = answersFromLink(name);
    const saved = linked === undefined ? savedAnswers(storeKey) : undefined;

    Promise.all([ready, rules, council, styled, said.done])
      .then(([glue, rulesText, councilFile]) => {
        if (!this.isConnected) return; // taken off the page while loading
        const focused = early && root.activeElement && early.contains(root.activeElement);
        const widget = make("div");
        const answers = begun ? undefined : (linked ?? saved);
        const unused = glue.start({ host: this, container: widget, rules: rulesText, council: councilFile.text, headingLevel: level, begun, answers, saved: answers !== undefined && answers === saved, storeKey, linkName: `srf-${name}` });
        const why = councilFile.error
          ? `the council's file could not be loaded, so the widget shows national contacts only: ${councilFile.error}`
          : unused;
        if (why) {
          // For the council: why, in the console. For the family: one line and a way on, in
          // the ruleset's words alone, as the widget now is (an overlay that could not be
          // fetched never gave its words; one the widget refused did).
          console.error(`send-route-finder: ${why}`);
          if (unused) said.use([rulesText]);
          box.replaceChildren(noLocalNotice(this, said), widget);
        } else {
          box.replaceChildren(widget);
        }
        box.hidden = false;
        slot.remove();
        hideFallback(this, true);
        this.setAttribute("data-srf-ready", "");
        // Keep the keyboard where it was: on Start (once begun, the widget moves focus itself).
        if (focused && !begun) setTimeout(() => root.querySelector(".srf-button--start")?.focus(), 0);
      })
      .catch((error) => {
        console.error("send-route-finder: could not start:", error);
        showFailure(this, root, said);
        // For the page (the demo's preview shows it): why, in words. Never an answer.
        this.dispatchEvent(new CustomEvent("srf-failed", { bubbles: true, composed: true, detail: String(error && error.message ? error.message : error) }));
      });
  }
}

if (!customElements.get("send-route-finder")) {
  customElements.define("send-route-finder", SendRouteFinder);
}

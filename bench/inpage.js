// The benchmark's in-page part, added to every page before its own scripts run (Playwright's
// addInitScript) after a line that sets window.__benchSubject to "ours", "surveyjs" or
// "floor". It only watches: it records when things appear (MutationObserver on the document
// and on shadow roots as they are attached, and a requestAnimationFrame loop), when trusted
// clicks arrive, and when WebAssembly is compiled and instantiated (by wrapping the
// WebAssembly functions, which it passes through unchanged). It also holds the journey driver,
// which runs inside the page so that no DevTools round trip is inside a measured step.
// Times are performance.now(): milliseconds from the navigation's start.
(() => {
  "use strict";
  const subject = window.__benchSubject;
  const now = () => performance.now();
  const B = (window.__bench = { subject, marks: {}, clicks: [], wasm: [] });
  const mark = (name, t = now()) => {
    if (!(name in B.marks)) B.marks[name] = t;
  };

  // What to look for, per subject. control: the first thing a person can use. first: the
  // first question. results: the last screen.
  const SEL = {
    ours: {
      control: ".srf-button--start",
      first: 'input[name="role"]',
      results: ".srf-results",
      screen: (q) => (q === "results" ? ".srf-results" : `input[name="${q}"], input[name="${q}-day"]`),
      submit: 'form button[type="submit"]',
    },
    surveyjs: {
      // The first radio as drawn (the input itself is visually hidden; its label takes the click).
      control: '[data-name="role"] .sd-item__decorator',
      first: '[data-name="role"] input[type="radio"]',
      results: ".sd-completedpage",
      screen: (q) => (q === "results" ? ".sd-completedpage" : `[data-name="${q}"]`),
      submit: ".sd-navigation__next-btn, .sd-navigation__complete-btn",
    },
    floor: {
      control: 'input[name="role"]',
      first: 'input[name="role"]',
      results: null,
      screen: () => null,
      submit: 'button[type="submit"]',
    },
  }[subject];

  /** Where the subject's content lives: our widget's shadow root, or the document. */
  function root() {
    if (subject === "ours") {
      const host = document.querySelector("send-route-finder");
      return (host && host.shadowRoot) || null;
    }
    return document;
  }
  B.root = root;

  // --- WebAssembly: when it is compiled and instantiated, and its memories. ---------------
  for (const name of ["instantiateStreaming", "instantiate", "compileStreaming", "compile"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...args) {
      mark(`wasm ${name} called`);
      return original.apply(this, args).then((result) => {
        mark(`wasm ${name} done`);
        const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
        if (instance) B.wasm.push(instance);
        return result;
      });
    };
  }
  B.wasmMemory = () => {
    let bytes = 0;
    for (const instance of B.wasm) {
      for (const value of Object.values(instance.exports)) {
        if (value instanceof WebAssembly.Memory) bytes += value.buffer.byteLength;
      }
    }
    return bytes;
  };

  // --- Watching the DOM. --------------------------------------------------------------------
  const observer = new MutationObserver(() => check());
  observer.observe(document, { childList: true, subtree: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attachShadow.call(this, init);
    mark("shadow root attached");
    observer.observe(shadow, { childList: true, subtree: true });
    return shadow;
  };

  const waiters = new Set();
  function check() {
    const t = now();
    if (subject === "ours" && document.querySelector("send-route-finder h2")) mark("fallback in DOM", t);
    const r = root();
    if (r) {
      if (!("control" in B.marks) && r.querySelector(SEL.control)) {
        mark("control", t);
        // Painted: the second animation frame after it is in the DOM.
        requestAnimationFrame(() => requestAnimationFrame(() => mark("control painted")));
      }
      if (subject === "ours" && "control" in B.marks && !("control styled" in B.marks)) {
        const link = r.querySelector('link[rel="stylesheet"]');
        if (link && link.sheet) mark("control styled", t);
      }
      if (!("first question" in B.marks) && r.querySelector(SEL.first)) mark("first question", t);
    }
    for (const w of waiters) w(t);
  }
  // Also every frame, for what does not change the DOM (a stylesheet finishing loading).
  (function frame() {
    check();
    const styled = subject !== "ours" || "control styled" in B.marks;
    if (!("control" in B.marks) || !styled) requestAnimationFrame(frame);
  })();
  if (subject !== "ours") {
    // Only our widget loads a stylesheet after its control appears; elsewhere styled = present.
    const t = setInterval(() => {
      if ("control" in B.marks) {
        mark("control styled", B.marks.control);
        clearInterval(t);
      }
    }, 5);
  }

  /** Resolves with the time when pred() first holds (checked now, on every DOM change seen and
   * every 10 ms), or rejects after `timeout` ms. */
  function waitFor(pred, timeout = 15000) {
    return new Promise((resolve, reject) => {
      const t0 = now();
      if (pred()) return resolve(t0);
      let timer;
      const done = (t) => {
        if (!pred()) return;
        waiters.delete(done);
        clearInterval(timer);
        resolve(t === undefined ? now() : t);
      };
      waiters.add(done);
      timer = setInterval(() => {
        done();
        if (waiters.has(done) && now() - t0 > timeout) {
          waiters.delete(done);
          clearInterval(timer);
          reject(new Error("timed out waiting in the page"));
        }
      }, 10);
    });
  }
  const frame2 = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));

  // --- Layout shifts (the Layout Instability API): what moves under a person's pointer. ----
  B.shifts = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.shifts.push({ t: e.startTime, value: e.value, input: e.hadRecentInput });
    }).observe({ type: "layout-shift", buffered: true });
  } catch {}

  // --- Long animation frames (over 50 ms): how a long frame splits into script and rendering,
  // and which scripts ran in it.
  B.loaf = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loaf.push({
          start: e.startTime,
          duration: e.duration,
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
          blocking: e.blockingDuration,
          scripts: e.scripts.map((x) => ({
            invoker: x.invoker,
            type: x.invokerType,
            source: x.sourceURL ? new URL(x.sourceURL).pathname + (x.sourceFunctionName ? ` ${x.sourceFunctionName}` : "") : "",
            start: x.startTime,
            duration: x.duration,
            forcedLayout: x.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {}

  // --- Clicks. ------------------------------------------------------------------------------
  function describe(el) {
    if (!el || !el.tagName) return String(el && el.nodeName);
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls;
  }
  // Each trusted click: when, whether it landed on the control, on what, and (ours) whether the
  // widget's stylesheet had loaded by then.
  addEventListener(
    "click",
    (e) => {
      if (!e.isTrusted) return;
      const r = root();
      const control = r && r.querySelector(SEL.control);
      const link = subject === "ours" && r ? r.querySelector('link[rel="stylesheet"]') : null;
      B.clicks.push({
        t: now(),
        hit: !!control && e.composedPath().includes(control),
        target: describe(e.composedPath()[0]),
        styled: subject !== "ours" || !!(link && link.sheet),
      });
    },
    true,
  );

  /** Waits for the control, brings it into view, and returns the point to click. */
  B.waitControl = async (timeout = 60000) => {
    let el;
    await waitFor(() => {
      const r = root();
      el = r && r.querySelector(SEL.control);
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    }, timeout);
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) el.scrollIntoView({ block: "center" });
    const b = el.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  };

  /** Did the last click work? Ours: the first question is shown. The others: the first radio
   * is selected. Waits up to `ms` (two frames at least) for it. */
  B.success = () => {
    const r = root();
    if (!r) return false;
    const input = r.querySelector(SEL.first);
    if (subject === "ours") return !!input;
    return !!input && input.checked;
  };
  B.waitSuccess = async (ms = 150) => {
    const t0 = now();
    await frame2();
    while (!B.success() && now() - t0 < ms) await new Promise((ok) => setTimeout(ok, 10));
    return B.success();
  };
  /** After a click: if it missed the control, say so at once (the harness clicks again);
   * if it landed on it, wait up to `ms` for it to work. */
  B.afterClick = async (ms = 1000) => {
    const last = B.clicks[B.clicks.length - 1];
    if (!last || !last.hit) return { hit: false, ok: B.success() };
    return { hit: true, ok: await B.waitSuccess(ms) };
  };

  // --- The journey. -------------------------------------------------------------------------
  function setText(input, value) {
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    input.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
    input.blur();
  }

  function fill(q, v) {
    const r = root();
    if (typeof v === "string" || Array.isArray(v)) {
      for (const value of [].concat(v)) {
        const input =
          subject === "ours" ? r.querySelector(`#srf-${q}-${value}`) : r.querySelector(`[data-name="${q}"] input[value="${value}"]`);
        if (!input) throw new Error(`no input for ${q} = ${value}`);
        if (!input.checked) input.click();
      }
    } else if (v && v.unknown) {
      const input = subject === "ours" ? r.querySelector(`#srf-${q}-unknown`) : r.querySelector(`[data-name="${q}_unknown"] input`);
      input.click();
    } else {
      const parts = ["day", "month", "year"];
      const inputs =
        subject === "ours" ? parts.map((p) => r.querySelector(`#srf-${q}-${p}`)) : [...r.querySelectorAll(`[data-name="${q}"] input`)];
      if (inputs.length !== 3 || inputs.some((x) => !x)) throw new Error(`no date boxes for ${q}`);
      parts.forEach((p, i) => setText(inputs[i], String(v[p])));
    }
  }

  function submitButton() {
    const r = root();
    const all = [...r.querySelectorAll(SEL.submit)].filter((b) => b.offsetParent !== null || b.getClientRects().length > 0);
    if (all.length === 0) throw new Error("no Continue button");
    return all[all.length - 1];
  }

  /** steps: [[question, answer, next screen], ...]. For each: answer (not timed), wait two
   * frames, then time from the click on Continue to the next screen in the DOM and to the
   * second animation frame after that (painted). */
  B.journey = async (steps) => {
    const out = [];
    for (const [q, v, next] of steps) {
      await waitFor(() => !!root().querySelector(SEL.screen(q)));
      fill(q, v);
      await frame2();
      const selector = SEL.screen(next);
      const button = submitButton();
      const t0 = now();
      button.click();
      const dom = await waitFor(() => !!root().querySelector(selector));
      await frame2();
      const painted = now();
      out.push({ q, next, dom: dom - t0, painted: painted - t0, at: painted });
    }
    return out;
  };

  /** The results on screen, as static HTML: the same markup in a new shadow root with the
   *  widget's stylesheet, inserted, its first heading focused, and two frames (as a step is
   *  timed); `n` times, the widget hidden meanwhile; the median in ms. */
  B.staticResults = async (n) => {
    const host = document.querySelector("send-route-finder");
    const markup = host.shadowRoot.querySelector(".srf-results").outerHTML;
    const sheets = host.shadowRoot.adoptedStyleSheets;
    const hidden = host.style.display;
    host.style.display = "none";
    const times = [];
    for (let i = 0; i < n; i++) {
      const copy = document.createElement("div");
      host.after(copy);
      const shadow = copy.attachShadow({ mode: "open" });
      shadow.adoptedStyleSheets = sheets;
      const box = document.createElement("div");
      box.className = "srf-root";
      const app = document.createElement("div");
      app.className = "srf";
      box.append(app);
      shadow.append(box);
      await frame2();
      const t0 = now();
      app.innerHTML = markup;
      app.querySelector("h1, h2, h3, h4, h5, h6")?.focus();
      await frame2();
      times.push(now() - t0);
      copy.remove();
    }
    host.style.display = hidden;
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };

  /** The browser's own timings: navigation, paints, resources. */
  B.timings = () => {
    const nav = performance.getEntriesByType("navigation")[0];
    const paints = Object.fromEntries(performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]));
    const resources = performance.getEntriesByType("resource").map((r) => ({
      name: new URL(r.name).pathname,
      start: r.startTime,
      responseStart: r.responseStart,
      end: r.responseEnd,
      encoded: r.encodedBodySize,
      decoded: r.decodedBodySize,
    }));
    return {
      responseEnd: nav && nav.responseEnd,
      domContentLoaded: nav && nav.domContentLoadedEventEnd,
      load: nav && nav.loadEventEnd,
      paints,
      resources,
    };
  };
})();

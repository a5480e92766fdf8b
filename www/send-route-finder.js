// SEND Route Finder: the one script a council page includes (contract section 6).
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
// are all requested before any of them has arrived.

const here = import.meta.url;
const stylesheet = new URL("send-route-finder.css", here).href;
const wasm = fetch(new URL("send_route_finder_bg.wasm", here));
const ready = import("./send_route_finder.js").then(async (glue) => {
  await glue.default({ module_or_path: wasm });
  return glue;
});
ready.catch(() => {}); // reported per element below

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
  const text = fetch(url, { cache: "no-cache" }).then((response) =>
    response.ok ? response.text() : Promise.reject(new Error(`${url} answered ${response.status}`)),
  );
  text.catch(() => {}); // reported by the widget, not as an unhandled rejection
  return text;
}

/** The shadow root with the widget's stylesheet and a slot that keeps showing the fallback,
 *  made at once so the stylesheet loads side by side with the wasm. Resolves when the
 *  stylesheet has loaded (or failed), so the widget never paints unstyled. */
function prepare(element) {
  const root = element.shadowRoot || element.attachShadow({ mode: "open" });
  const link = document.createElement("link");
  link.setAttribute("rel", "stylesheet");
  link.setAttribute("href", stylesheet);
  const loaded = new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
  root.replaceChildren(link, document.createElement("slot"));
  return loaded;
}

/** If the wasm cannot load at all: keep the fallback, add a message. */
function showFailure(element) {
  const root = element.shadowRoot || element.attachShadow({ mode: "open" });
  if (root.querySelector("[data-srf-failed]")) return;
  const link = document.createElement("link");
  link.setAttribute("rel", "stylesheet");
  link.setAttribute("href", stylesheet);
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.setAttribute("class", "srf-load-error");
  message.setAttribute("data-srf-failed", "");
  message.textContent = "Sorry, the route finder could not start. The information below still applies.";
  root.replaceChildren(link, message, document.createElement("slot"));
}

class SendRouteFinder extends HTMLElement {
  connectedCallback() {
    if (this.hasAttribute("data-srf-started")) return;
    this.setAttribute("data-srf-started", "");
    const level = Number.parseInt(this.getAttribute("heading-level") || "2", 10);
    const styled = prepare(this);
    const rules = fetchText(absolute(this, "rules"), "rules");
    const councilUrl = absolute(this, "council");
    const council = councilUrl ? fetchText(councilUrl, "council") : undefined;
    Promise.all([ready, styled])
      .then(([glue]) => glue.start_fetched(this, rules, council, Number.isFinite(level) ? level : 2, stylesheet))
      .catch((error) => {
        console.error("send-route-finder: could not start:", error);
        showFailure(this);
      });
  }
}

if (!customElements.get("send-route-finder")) {
  customElements.define("send-route-finder", SendRouteFinder);
}

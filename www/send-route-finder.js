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

import init, { start_fetched } from "./send_route_finder.js";

const here = import.meta.url;
const ready = init({ module_or_path: new URL("send_route_finder_bg.wasm", here) });
const stylesheet = new URL("send-route-finder.css", here).href;

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
    // The ruleset and overlay are fetched now, side by side with the wasm, not after it.
    const rules = fetchText(absolute(this, "rules"), "rules");
    const councilUrl = absolute(this, "council");
    const council = councilUrl ? fetchText(councilUrl, "council") : undefined;
    ready
      .then(() => start_fetched(this, rules, council, Number.isFinite(level) ? level : 2, stylesheet))
      .catch((error) => {
        console.error("send-route-finder: could not start:", error);
        showFailure(this);
      });
  }
}

if (!customElements.get("send-route-finder")) {
  customElements.define("send-route-finder", SendRouteFinder);
}

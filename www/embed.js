// embed.html's script: set up the widget from the page's query (council=, rules=,
// heading-level=, quick-exit), then load it, and tell the page around the frame its height.
// The ruleset and overlay must be addresses on this site: a link to this page cannot make it
// show someone else's rules under this site's name.
const query = new URLSearchParams(location.search);
const element = document.querySelector("send-route-finder");

/** A same-site address from the query, or undefined. */
function local(name, fallback) {
  const value = query.get(name) || fallback;
  if (!value) return undefined;
  try {
    const url = new URL(value, location.href);
    return url.origin === location.origin ? url.href : "refused:" + name;
  } catch {
    return undefined;
  }
}

element.setAttribute("rules", local("rules", "rules.json"));
const council = local("council");
if (council) element.setAttribute("council", council);
const level = query.get("heading-level");
if (level && /^[1-6]$/.test(level)) element.setAttribute("heading-level", level);
if (query.has("quick-exit")) element.setAttribute("quick-exit", query.get("quick-exit") || "");

// The height, to the page that holds the frame (only a number: nothing about the answers).
if (window.parent !== window) {
  let last = 0;
  const tell = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "srf-height", height }, "*");
    }
  };
  new ResizeObserver(tell).observe(document.documentElement);
  tell();
}

await import("./send-route-finder.js");

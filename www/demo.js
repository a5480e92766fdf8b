// The demo page's council switch: replace the widget with one for the chosen overlay.
const select = document.getElementById("council");
const slot = document.getElementById("route-finder");
const fallback = slot.querySelector("send-route-finder").innerHTML;

select.addEventListener("change", () => {
  const widget = document.createElement("send-route-finder");
  widget.setAttribute("rules", "rules.json");
  if (select.value) widget.setAttribute("council", select.value);
  widget.setAttribute("heading-level", "2");
  widget.innerHTML = fallback;
  slot.replaceChildren(widget);
});
document.getElementById("council-switch").addEventListener("submit", (e) => e.preventDefault());

// Preview for council teams: a ruleset or overlay from this browser (a file or pasted text).
// First `route-finder check`, compiled to wasm (preview/check.js, loaded only now), finds every
// problem with its line and column; if there are no errors, the widget above is started with
// the files, given to it as blob: addresses. Nothing leaves the page.
const form = document.getElementById("preview-form");
const result = document.getElementById("preview-result");
const status = document.getElementById("preview-status");
const blobUrls = [];
let checker;

// The chosen file or pasted text, with a name for messages; or undefined.
async function chosen(fileId, textId, pastedName) {
  const file = document.getElementById(fileId).files[0];
  if (file) return { name: file.name, text: await file.text() };
  const text = document.getElementById(textId).value.trim();
  return text ? { name: pastedName, text } : undefined;
}

// One of this site's files, for the side the council team did not give.
async function ours(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return { name: path, text: await response.text(), url: path };
}

function blobUrl(file) {
  if (file.url) return file.url;
  const url = URL.createObjectURL(new Blob([file.text], { type: "application/json" }));
  blobUrls.push(url);
  return url;
}

function element(tag, text, attributes = {}) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  return el;
}

// The heading, the problems as a list, and the command's last line; focus on the heading.
function show(headingText, checked) {
  const heading = element("h3", headingText, { tabindex: "-1" });
  const parts = [heading];
  if (checked && checked.problems.length > 0) {
    const list = element("ul", undefined, { class: "preview-problems" });
    for (const d of checked.problems) {
      const item = element("li", undefined, { class: `preview-${d.severity}` });
      item.append(
        element("strong", d.severity === "error" ? "Error" : "Warning"),
        ` in ${d.file}, line ${d.line}, column ${d.column} (at ${d.path}): ${d.message}`,
      );
      list.append(item);
    }
    parts.push(list);
  }
  if (checked) parts.push(element("p", checked.summary, { class: "preview-summary" }));
  result.replaceChildren(...parts);
  // The heading takes focus, so it is read out; the status line only said "Checking".
  status.textContent = "";
  heading.focus();
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  status.textContent = "Checking your files…";
  result.replaceChildren();
  let rules, council, checked;
  try {
    rules = (await chosen("preview-rules-file", "preview-rules-text", "pasted ruleset")) || (await ours("rules.json"));
    council = await chosen("preview-council-file", "preview-council-text", "pasted overlay");
    if (!council && select.value) council = await ours(select.value);
    // A checker that could not load (offline, say) is loaded again by the next check.
    checker ??= import("./preview/check.js").then(async (module) => {
      await module.default();
      return module;
    });
    const { check_files } = await checker.catch(() => {
      checker = undefined;
      throw new Error("the checker did not load. Check you are online, then check again");
    });
    const today = new Date().toISOString().slice(0, 10);
    checked = JSON.parse(check_files(rules.name, rules.text, council?.name, council?.text, today));
  } catch (error) {
    show(`The files could not be checked: ${error.message || error}`);
    return;
  }
  if (!checked.ok) {
    show("These files have errors, so the widget cannot use them yet", checked);
    return;
  }
  const widget = document.createElement("send-route-finder");
  widget.setAttribute("rules", blobUrl(rules));
  if (council) widget.setAttribute("council", blobUrl(council));
  widget.setAttribute("heading-level", "2");
  widget.innerHTML = fallback;
  // A backstop: the checks above are the widget's and more, so this should never be seen.
  widget.addEventListener("srf-failed", (event) => {
    show("The widget cannot use these files");
    result.append(element("pre", event.detail));
  });
  slot.replaceChildren(widget);
  show("The widget above now uses your files", checked);
});

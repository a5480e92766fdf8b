// The demo page's council switch: replace the widget with one for the chosen overlay.
const select = document.getElementById("council");
const slot = document.getElementById("widget-slot");
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

// Preview for council teams: the widget above with a ruleset or overlay from this browser
// (a file or pasted text, given to the widget as a blob: address). If the widget cannot use
// them, it says why in an srf-failed event, shown here.
const form = document.getElementById("preview-form");
const result = document.getElementById("preview-result");
const blobUrls = [];

async function chosen(fileId, textId) {
  const file = document.getElementById(fileId).files[0];
  const text = file ? await file.text() : document.getElementById(textId).value.trim();
  if (!text) return undefined;
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  blobUrls.push(url);
  return url;
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const rules = (await chosen("preview-rules-file", "preview-rules-text")) || "rules.json";
  const council = (await chosen("preview-council-file", "preview-council-text")) || select.value;
  const widget = document.createElement("send-route-finder");
  widget.setAttribute("rules", rules);
  if (council) widget.setAttribute("council", council);
  widget.setAttribute("heading-level", "2");
  widget.innerHTML = fallback;
  result.replaceChildren();
  widget.addEventListener("srf-failed", (event) => {
    const heading = document.createElement("p");
    heading.textContent = "The widget cannot use these files:";
    const pre = document.createElement("pre");
    pre.textContent = event.detail;
    result.replaceChildren(heading, pre);
  });
  slot.replaceChildren(widget);
  const ready = () => {
    if (widget.hasAttribute("data-srf-ready")) {
      result.textContent = "The widget above now uses your files.";
    } else if (!result.hasChildNodes()) {
      setTimeout(ready, 100);
    }
  };
  ready();
  slot.scrollIntoView({ block: "start" });
});

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

// For a council page that shows SEND Route Finder in a frame (embed.html): makes each
// <iframe data-srf-embed> as tall as what it shows, so the page has one scroll bar. A plain
// script (not a module), for content systems that strip module scripts:
//   <iframe data-srf-embed src="https://example.org/srf/embed.html?council=councils/luton.json"
//           title="Find your options if you disagree about SEND help" width="100%" height="900"></iframe>
//   <script src="https://example.org/srf/embed-frame.js"></script>
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "srf-height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-srf-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        // Only from our own frames, and a sensible height.
        frames[i].height = String(Math.max(200, Math.min(20000, Math.round(data.height))));
      }
    }
  });
})();

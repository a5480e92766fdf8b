import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { serve } from "../../tests/web/server.mjs";
import { CHROMIUM, CHROMIUM_ARGS, journey, open, waitReady } from "../../tests/web/lib.mjs";
const s = await serve("dist");
const b = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const ctx = await b.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
const page = await ctx.newPage();
await open(page, s.url);
await waitReady(page);
await journey(page, [["role","parent"],["age","under_16"],["ehcp","in_progress"],["about","la_decision"],["decision","refuse_plan"],["decision_date",{day:"14",month:"10",year:"2026"}],["certificate","no"]]);
const html = await page.evaluate(() => document.querySelector("send-route-finder").shadowRoot.querySelector(".srf-results").outerHTML);
const css = readFileSync("dist/send-route-finder.css", "utf8");
const p2 = await ctx.newPage();
await p2.setContent(`<!doctype html><html lang=en><body><main><div id=host></div></main></body></html>`);
const cdp = await ctx.newCDPSession(p2);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
const variants = {
  full: [html, css],
  cv: [html, css + "\n.srf-route,.srf-help,.srf-answers{content-visibility:auto;contain-intrinsic-size:auto 600px}"],
  firstRoute: [html.replace(/(<article[\s\S]*?<\/article>)[\s\S]*$/, "$1</div>"), css],
  noRoutes: [html.replace(/<article[\s\S]*$/, "</div>"), css],
};
const res = {};
for (let i = 0; i < 10; i++) for (const [k, [html, css]] of Object.entries(variants)) {
  (res[k] ??= []).push(await p2.evaluate(async ({ html, css }) => {
    const host = document.getElementById("host");
    host.replaceChildren();
    const h = document.createElement("div"); host.append(h);
    const root = h.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet(); sheet.replaceSync(css); root.adoptedStyleSheets = [sheet];
    const w = document.createElement("div"); w.className = "srf"; root.append(w);
    w.innerHTML = "<p>question</p>";
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const t0 = performance.now();
    w.innerHTML = html;
    w.querySelector("h2")?.focus();
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, { html, css }));
}
for (const [k, times] of Object.entries(res)) { times.sort((a,b)=>a-b); console.log(k, variants[k][0].length, times.map(t=>t.toFixed(0)).join(" "), "median", times[5].toFixed(0)); }
await b.close(); await s.close();

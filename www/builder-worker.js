// The overlay builder's checker (builder.js), in a worker: `route-finder check` compiled to wasm
// (preview/check.js) takes seconds on the whole ruleset, so it runs here, off the page's main
// thread, and the form stays quick to type in. The first message is this site's rules.json;
// each one after it is an overlay's text, answered with the checker's JSON for that text.
import init, { check_files } from "./preview/check.js";

const ready = init();
let rules = "";

onmessage = async (event) => {
  await ready;
  const { rules: text, overlay, today } = event.data;
  if (text !== undefined) {
    rules = text;
    return;
  }
  try {
    postMessage({ overlay, result: check_files("rules.json", rules, "your file", overlay, today) });
  } catch (error) {
    postMessage({ overlay, error: String(error && error.message ? error.message : error) });
  }
};

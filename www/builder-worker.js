// The overlay builder's checker (builder.js), in a worker: `route-finder check` compiled to wasm
// (preview/check.js) takes seconds on the whole ruleset, so it runs here, off the page's main
// thread, and the form stays quick to type in. The first message is this site's rules.json;
// each one after it is an overlay's text, answered with the checker's JSON for that text. Once
// the checker is loaded the worker says so ({ ready }), so the page knows it can check offline;
// if it cannot load, the worker says that ({ failed }) and the page starts a new worker later.
import init, { check_files } from "./preview/check.js";

const ready = init().then(
  () => postMessage({ ready: true }),
  (error) => {
    postMessage({ failed: String(error && error.message ? error.message : error) });
    throw error;
  },
);
let rules = "";

onmessage = async (event) => {
  const { rules: text, overlay, today } = event.data;
  if (text !== undefined) {
    rules = text;
    return;
  }
  try {
    await ready;
    postMessage({ overlay, result: check_files("rules.json", rules, "your file", overlay, today) });
  } catch (error) {
    postMessage({ overlay, error: String(error && error.message ? error.message : error) });
  }
};

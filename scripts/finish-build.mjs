// Trunk's one post-build hook (Trunk.toml). Trunk starts all hooks of a stage at once, so the
// steps that change the loader run here, one after the other:
//   1. inline-css.mjs: the stylesheet inside the loader, and inline-words.mjs: the loader's
//      words (from the table of interface texts);
//   2. short-names.mjs: short names for what the wasm and the glue call each other by;
//   3. release-files.mjs: the wasm's hash inside the loader, the glue and the loader minified
//      (minify.mjs), then the loader's hash in
//      snippet.html and integrity.json (the last step that changes the widget's files);
//   4. build-preview.mjs: the demo page's preview checker, into preview/;
//   5. council-list.mjs: the demo page's list of councils, from www/councils/.
await import("./inline-css.mjs");
await import("./inline-words.mjs");
await import("./short-names.mjs");
await import("./release-files.mjs");
await import("./build-preview.mjs");
await import("./council-list.mjs");

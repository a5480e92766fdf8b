// Minify the widget's two scripts for the release files, with terser (npm, pinned): the loader
// (send-route-finder.js) and wasm-bindgen's glue (send_route_finder.js). Families download them
// on every visit to a council's page, often on a phone: without their comments and long names
// they are about half the size gzipped. The readable sources stay in www/ and in wasm-bindgen's
// output; only dist/ holds the minified copies.
//
// Used by release-files.mjs, so that the hashes of Subresource Integrity and of the addresses
// are taken of the files as they ship.
import { minify as terser } from "terser";

/** The code minified as an ES module: no comments, local names shortened, property names and
 *  strings kept as they are (the glue's imports are looked up by name). */
export async function minify(code, name) {
  const out = await terser(code, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (!out.code) throw new Error(`minify: terser gave nothing for ${name}`);
  return out.code;
}

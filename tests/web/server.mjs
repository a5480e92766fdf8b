// A tiny static file server for the browser checks: one directory on 127.0.0.1 at a random
// free port, with the right MIME types (the wasm must be application/wasm for streaming
// compilation), gzip when the client accepts it, optional extra headers on every response
// (e.g. a Content-Security-Policy), and extra routes for test pages that exist only here.
//
//   import { serve } from "./server.mjs";
//   const server = await serve("dist", {
//     headers: { "Content-Security-Policy": "default-src 'self'" },
//     routes: { "/hostile.html": "<!doctype html>…", "/x.json": { type: "application/json", body: "{}" } },
//   });
//   server.url            // "http://127.0.0.1:PORT/"
//   server.requests       // [{ method, path, status }] in order
//   await server.close();
//
// A route's value is a string (served as text/html), { body, type, status, headers }, or a
// function (req, res) that answers by itself.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

export const MIME = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript)|image\/svg)/;

/** Serve `root` (a directory) until close() is called. */
export async function serve(root, { headers = {}, routes = {}, host = "127.0.0.1" } = {}) {
  const base = resolve(root);
  const requests = [];

  function send(req, res, status, type, body, extra = {}) {
    let data = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
    const out = { ...headers, ...extra, "Content-Type": type, "Cache-Control": "no-store", Vary: "Accept-Encoding" };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] || "") && data.length > 0) {
      data = gzipSync(data);
      out["Content-Encoding"] = "gzip";
    }
    out["Content-Length"] = data.length;
    res.writeHead(status, out);
    res.end(req.method === "HEAD" ? undefined : data);
    requests.push({ method: req.method, path: req.url, status });
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = decodeURIComponent(url.pathname);
      const route = routes[path];
      if (route !== undefined) {
        if (typeof route === "function") {
          requests.push({ method: req.method, path: req.url, status: "route" });
          return route(req, res);
        }
        if (typeof route === "string") return send(req, res, 200, MIME[".html"], route);
        return send(req, res, route.status || 200, route.type || MIME[".html"], route.body ?? "", route.headers || {});
      }
      if (req.method !== "GET" && req.method !== "HEAD") return send(req, res, 405, MIME[".txt"], "method not allowed");
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) return send(req, res, 403, MIME[".txt"], "forbidden");
      let info;
      try {
        info = await stat(file);
      } catch {
        return send(req, res, 404, MIME[".txt"], "not found");
      }
      if (!info.isFile()) return send(req, res, 404, MIME[".txt"], "not found");
      const type = MIME[extname(file).toLowerCase()] || "application/octet-stream";
      return send(req, res, 200, type, await readFile(file));
    } catch (error) {
      if (!res.headersSent) send(req, res, 500, MIME[".txt"], String(error));
      else res.destroy();
    }
  });

  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, host, ok);
  });
  const { port } = server.address();
  return {
    url: `http://${host}:${port}/`,
    port,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// `node tests/web/server.mjs dist` serves a directory by hand, for looking at it.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[2] || "dist");
  console.log(`serving ${process.argv[2] || "dist"} at ${s.url} (Ctrl-C to stop)`);
}

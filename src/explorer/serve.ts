/**
 * Serves the visual explorer at /explorer: the page Vite built into dist/explorer (see
 * vite.config.ts; `npm start` builds it first). The page talks only to /graphql, so this is a
 * static file server and nothing more. Returns true when it handled the request.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { PROJECT_ROOT } from "../paths.js";

/** Where the build puts the page (vite.config.ts's outDir). */
export const EXPLORER_DIST = `${join(PROJECT_ROOT, "dist", "explorer")}${sep}`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/**
 * Cytoscape adds this one rule to the page as a <style> element (cytoscape.esm.mjs, "position:
 * relative" for its container); the policy lets in exactly this text and no other inline style.
 */
const CYTOSCAPE_RULE = ".__________cytoscape_container { position: relative; }";

/**
 * Only this origin: the page's own script and styles, and fetch to /graphql. Styles that
 * Cytoscape sets on elements from script are not governed by style-src.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' 'sha256-${createHash("sha256").update(CYTOSCAPE_RULE).digest("base64")}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Explorer not built</title>
<p>The explorer has not been built. Run <code>npm run build:explorer</code> (<code>npm start</code>
does it for you), then reload. GraphiQL is at <a href="/graphql">/graphql</a>.</p></html>`;

/** Longer than any path the build writes (assets/<name>-<hash>.js), and than NAME_MAX (255). */
const MAX_NAME = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL = /[\u0000-\u001f\u007f]/;

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): true {
  res.writeHead(status, {
    "x-content-type-options": "nosniff",
    "content-length": String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/** `dist` is for tests; the server always serves the build. */
export async function serveExplorer(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  dist: string = EXPLORER_DIST,
): Promise<boolean> {
  // OPTIONS is answered as /health and / answer it (http.ts): 204 with the methods served.
  if (req.method === "OPTIONS") return send(req, res, 204, { allow: "GET, HEAD, OPTIONS" }, "");
  if (req.method !== "GET" && req.method !== "HEAD")
    return send(req, res, 405, { allow: "GET, HEAD, OPTIONS", "content-type": "text/plain" }, "");
  let name: string;
  try {
    name =
      path === "/explorer" || path === "/explorer/"
        ? "index.html"
        : decodeURIComponent(path.slice("/explorer/".length));
  } catch {
    return send(req, res, 400, { "content-type": "text/plain" }, "Bad path.");
  }
  // No built file has a control character (a NUL makes the file system call throw) or a name
  // this long (the file system refuses those too); a path with either is the client's mistake.
  if (name.length > MAX_NAME || CONTROL.test(name))
    return send(req, res, 400, { "content-type": "text/plain" }, "Bad path.");
  // Source maps are not published (vite.config.ts builds none); a stray one is not served either.
  if (extname(name) === ".map")
    return send(req, res, 404, { "content-type": "text/plain" }, "Not found.");
  const root = resolve(dist);
  const file = resolve(join(root, name));
  // Nothing outside the build folder, whatever the path says.
  if (!file.startsWith(root + sep))
    return send(req, res, 404, { "content-type": "text/plain" }, "Not found.");
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code;
    if (missing !== "ENOENT" && missing !== "EISDIR" && missing !== "ENOTDIR") throw error;
    if (name === "index.html")
      return send(
        req,
        res,
        503,
        { "content-type": TYPES[".html"] ?? "", "cache-control": "no-store" },
        NOT_BUILT,
      );
    return send(req, res, 404, { "content-type": "text/plain" }, "Not found.");
  }
  const html = extname(file) === ".html";
  return send(
    req,
    res,
    200,
    {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      // Built assets carry a content hash in their name, so they never change; the page does.
      "cache-control": name.startsWith("assets/")
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      ...(html ? { "content-security-policy": CSP, "referrer-policy": "no-referrer" } : {}),
    },
    body,
  );
}

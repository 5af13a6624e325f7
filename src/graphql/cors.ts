/**
 * Cross-origin access (CORS). Clients authenticate with a bearer token in `Authorization`, which
 * a page on another origin sends only if it holds the token, never with cookies: so no origin is
 * ever told it may send credentials. Which origins may call the API is configured (CORS_ORIGINS):
 * any (`*`, the default), a list, or none (same origin only).
 *
 * yoga's own CORS (useCORS) cannot answer a literal `*`: asked for any origin it echoes each one,
 * and without `credentials: false` it tells every origin it may send credentials. Its answer to
 * an origin not on a list is `Access-Control-Allow-Origin: null`. So it is off (server.ts), and
 * this plugin answers instead.
 */
import type { Plugin } from "graphql-yoga";
import { CSRF_HEADER } from "./csrf.js";

/** Any origin (`*`), or only those listed (none: same origin only). */
export type CorsOrigins = "*" | readonly string[];

/** What a page may send beyond the CORS-safelisted headers. */
const ALLOWED_HEADERS = ["authorization", "content-type", "accept", "x-request-id", CSRF_HEADER];
/** What a page may read beyond the CORS-safelisted response headers. */
const EXPOSED_HEADERS = ["x-request-id", "retry-after"];
/** How long a browser may keep a preflight's answer (seconds). */
const PREFLIGHT_MAX_AGE = 600;

/** The CORS headers for a request (a preflight when `preflight`) under `origins`. */
export function corsHeaders(
  origins: CorsOrigins,
  origin: string | null,
  preflight: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {};
  // With a list, the answer depends on the Origin header: say so, for caches, even without one.
  if (origins !== "*") headers.vary = "Origin";
  if (origin === null) return headers;
  if (origins === "*") headers["access-control-allow-origin"] = "*";
  else if (origins.includes(origin)) headers["access-control-allow-origin"] = origin;
  else return headers;
  if (preflight) {
    headers["access-control-allow-methods"] = "GET, POST, OPTIONS";
    headers["access-control-allow-headers"] = ALLOWED_HEADERS.join(", ");
    headers["access-control-max-age"] = String(PREFLIGHT_MAX_AGE);
  } else {
    headers["access-control-expose-headers"] = EXPOSED_HEADERS.join(", ");
  }
  return headers;
}

/** Answers preflights (204) and marks every other answer with its CORS headers. */
export function cors(origins: CorsOrigins): Plugin {
  const isPreflight = (request: Request) =>
    request.method === "OPTIONS" && request.headers.has("access-control-request-method");
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.method !== "OPTIONS") return;
      const headers = isPreflight(request)
        ? corsHeaders(origins, request.headers.get("origin"), true)
        : {};
      // Safari waits for a body on a 204 without Content-Length.
      endResponse(
        new fetchAPI.Response(null, {
          status: 204,
          headers: { ...headers, "content-length": "0" },
        }),
      );
    },
    onResponse({ request, response }) {
      if (request.method === "OPTIONS") return;
      const headers = corsHeaders(origins, request.headers.get("origin"), false);
      for (const [name, value] of Object.entries(headers)) {
        if (name === "vary") {
          const vary = response.headers.get("vary");
          response.headers.set("vary", vary ? `${vary}, ${value}` : value);
        } else response.headers.set(name, value);
      }
    },
  };
}

/**
 * Random reads drawn from the server's own schema, against the server as `npm start` runs it:
 * every root query field, arguments of every input type as variables and as literals, hostile
 * strings and numbers (test/helpers/arbitraries.ts), nested selections, aliases and fragments.
 * Whatever the request, the answer is a GraphQL answer: no 5xx (but 503 admission), every error
 * with a stable code, no unexpected (masked) error, no error-level log line, and the server lives.
 * Reads only: the suite's Neo4j is shared with the other test files.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { float, hostileString, int32, readKey, show } from "../helpers/arbitraries.js";
import { INTROSPECTION, type Introspection, randomQuery } from "../helpers/schema-requests.js";
import { errorLines, post, type ShippedServer, startShipped } from "../helpers/shipped.js";

let server: ShippedServer;
let schema: Introspection;
beforeAll(async () => {
  server = await startShipped();
  const r = await post(server, { query: INTROSPECTION });
  schema = r.body.data;
});
afterAll(async () => {
  await server?.stop();
});

/** Codes a client may meet on a read it got wrong, or on a busy server. */
const EXPECTED = new Set([
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "LIMIT_EXCEEDED",
  "TIMEOUT",
  "OVERLOADED",
  "SERVICE_UNAVAILABLE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "PAYLOAD_TOO_LARGE",
]);

describe("random reads from the schema, on the server as npm start runs it", () => {
  it("always get a GraphQL answer with a stable code, and the server lives on", async () => {
    const pools = fc.record({
      strings: fc.array(fc.oneof(readKey, hostileString), { minLength: 6, maxLength: 6 }),
      ints: fc.array(int32, { minLength: 4, maxLength: 4 }),
      floats: fc.array(float, { minLength: 3, maxLength: 3 }),
    });
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 2 }), pools, async (seed, p) => {
        const request = randomQuery(schema, seed, p);
        const r = await post(server, request);
        const context = show(request);
        // 413: a hostile string made the body larger than MAX_BODY_BYTES.
        expect([200, 400, 413, 503], context).toContain(r.status);
        expect(typeof r.body, context).toBe("object");
        for (const e of r.body.errors ?? []) {
          const code = e.extensions?.code;
          seen.set(code, (seen.get(code) ?? 0) + 1);
          expect(EXPECTED.has(code), `${code}: ${e.message}\n${context}`).toBe(true);
        }
        if (!r.body.errors) seen.set("ok", (seen.get("ok") ?? 0) + 1);
      }),
      { seed: 20261205, numRuns: 400, endOnFailure: true },
    );
    // The requests reached the resolvers, not only validation.
    expect(seen.get("ok") ?? 0).toBeGreaterThan(30);
    expect(server.alive()).toBe(true);
    expect(errorLines(server)).toEqual([]);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  }, 300_000);
});

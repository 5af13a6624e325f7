/**
 * Operations no test wrote: 200 read operations built at random from the schema as shipped
 * (test/helpers/random-operations.ts: every root field, arguments as variables, ordinary and
 * hostile values, selections through interfaces and unions), sent to the server as `npm start`
 * runs it. Whatever they ask, each is answered as the API promises: JSON, never a 5xx but a
 * 503 of admission, every error with a stable code and none of them masked as unexpected, no
 * error-level log line, and the process alive.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomOperations } from "../helpers/random-operations.js";
import { errorLines, post, type ShippedServer, startShipped } from "../helpers/shipped.js";

let server: ShippedServer;
beforeAll(async () => {
  server = await startShipped();
});
afterAll(async () => {
  await server?.stop();
});

describe("random read operations built from the schema", () => {
  it("are each answered with data or an error a client can act on", async () => {
    const unacceptable: string[] = [];
    let answered = 0;
    const codes = new Map<string, number>();
    for (const [i, operation] of randomOperations(200, { seed: 16, hostile: 0.15 }).entries()) {
      const r = await post(server, operation, { authorization: server.authorization });
      const where = `#${i} ${JSON.stringify(operation).slice(0, 400)}`;
      if (typeof r.body !== "object" || r.body === null) {
        unacceptable.push(`${where}: not JSON (${r.status})`);
        continue;
      }
      if (r.status >= 500 && r.status !== 503) unacceptable.push(`${where}: HTTP ${r.status}`);
      const errors: Array<{ message: string; extensions?: { code?: string } }> =
        r.body.errors ?? [];
      for (const e of errors) {
        const code = e.extensions?.code;
        codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
        if (!code || code === "INTERNAL_SERVER_ERROR")
          unacceptable.push(`${where}: ${code ?? "no code"}: ${e.message}`);
      }
      if (errors.length === 0 && r.body.data?.r !== undefined) answered += 1;
    }
    expect(unacceptable).toEqual([]);
    // The operations reach the resolvers: a good share is answered (78 of 200 at the time of writing), not refused.
    expect(answered, JSON.stringify(Object.fromEntries(codes))).toBeGreaterThan(50);
    expect(errorLines(server)).toEqual([]);
    expect(server.alive()).toBe(true);
  }, 240_000);
});

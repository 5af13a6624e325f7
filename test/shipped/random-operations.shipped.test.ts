/**
 * Operations no test wrote, built at random from the schema as shipped
 * (test/helpers/random-operations.ts: every root field, arguments as variables, ordinary and
 * hostile values, selections through interfaces and unions), sent to the server as `npm start`
 * runs it. Whatever they ask, each is answered as the API promises: JSON, never a 5xx but a 503
 * of admission, every error with a stable code and none of them masked as unexpected, no
 * error-level log line, and the process alive. Reads run on the suite's Neo4j; mutations (an
 * admin's: deletes and retractions of seed entities among them) on a local Neo4j of their own.
 */
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { freePort } from "../helpers/process.js";
import { randomOperations, runOperations } from "../helpers/random-operations.js";
import { errorLines, type ShippedServer, startShipped } from "../helpers/shipped.js";

const servers: ShippedServer[] = [];
const localDir = mkdtempSync(join(tmpdir(), "random-operations-"));
afterAll(async () => {
  for (const s of servers) await s.stop();
  rmSync(localDir, { recursive: true, force: true });
});

describe("operations built at random from the schema", () => {
  it("reads are each answered with data or an error a client can act on", async () => {
    const server = await startShipped();
    servers.push(server);
    const run = await runOperations(server, randomOperations(200, { seed: 16, hostile: 0.15 }));
    expect(run.unacceptable).toEqual([]);
    // The operations reach the resolvers: a good share is answered (78 of 200 when written),
    // not refused.
    expect(run.answered, JSON.stringify(run.codes)).toBeGreaterThan(50);
    expect(errorLines(server)).toEqual([]);
    expect(server.alive()).toBe(true);
  }, 240_000);

  it("mutations and reads by an admin, on a graph of their own, likewise", async () => {
    symlinkSync(realpathSync(join(PROJECT_ROOT, ".neo4j", "lib")), join(localDir, "lib"));
    const server = await startShipped({
      localDir,
      env: {
        NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
        NEO4J_LOCAL_HEAP: "256m",
        NEO4J_LOCAL_PAGECACHE: "64m",
      },
    });
    servers.push(server);
    const operations = randomOperations(150, { seed: 17, hostile: 0.15, mutations: true });
    expect(operations.filter((o) => o.query.startsWith("mutation")).length).toBeGreaterThan(30);
    const run = await runOperations(server, operations);
    expect(run.unacceptable).toEqual([]);
    expect(run.answered, JSON.stringify(run.codes)).toBeGreaterThan(30);
    expect(errorLines(server)).toEqual([]);
    expect(server.alive()).toBe(true);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  }, 420_000);
});

/**
 * SIGTERM (what a supervisor sends, and Ctrl-C's SIGINT) to the server as `npm start` runs it,
 * while it is still starting: before, Node's default action killed it at once, saying nothing
 * (exit by signal, no line in its log), its database left open and its local Neo4j to the
 * watchdog. Start-up takes tens of seconds (Neo4j's start, migrations, the seed, planning the
 * write statements), so a deploy or a Ctrl-C often lands there.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { alive } from "../../src/db/pids.js";
import { freePort } from "../helpers/process.js";
import { freshLocalNeo4j, post, type ShippedServer, startShipped } from "../helpers/shipped.js";

const { localDir, home, env } = freshLocalNeo4j("start-signal-shipped-", await freePort());
const servers: ShippedServer[] = [];

function neo4jPid(): number {
  try {
    return Number(readFileSync(join(home, "neo4j.pid"), "utf8")) || 0;
  } catch {
    return 0;
  }
}

afterAll(async () => {
  for (const s of servers) await s.stop();
  const pid = neo4jPid();
  if (pid && alive(pid)) process.kill(pid, "SIGKILL");
  rmSync(localDir, { recursive: true, force: true });
});

describe("SIGTERM while the server is starting", () => {
  it("after the database opened: stops its Neo4j itself, says so, exits 0; the next start serves the seed", async () => {
    // Signalled once Neo4j answers and migrations ran: the first start of this store then seeds
    // it and plans the write statements, writes a signal lands in the middle of.
    const starting = await startShipped({ localDir, env, readyWhen: /Connected to Neo4j/ });
    servers.push(starting);
    const pid = neo4jPid();
    expect(alive(pid)).toBe(true);
    starting.child.kill("SIGTERM");
    expect(await starting.stop()).toBe("0");
    expect(starting.output()).toMatch(/SIGTERM during start-up/);
    expect(starting.output()).toContain("Stopped.");
    // Stopped by the server before it exited, not seconds later by the watchdog.
    expect(alive(pid)).toBe(false);

    // Nothing left half-done: the next start serves the seed's article whole.
    const server = await startShipped({ localDir, env });
    servers.push(server);
    const r = await post(server, {
      query: '{ entity(key: "canada") { name } }',
    });
    expect(r.body.data?.entity?.name).toBe("Canada");
    expect(await server.stop()).toBe("0");
  }, 600_000);

  it("while its local Neo4j boots: says so and exits 0 at once; the Neo4j it started does not outlive it long", async () => {
    const starting = await startShipped({
      localDir,
      env,
      readyWhen: /Starting the local Neo4j/,
    });
    servers.push(starting);
    starting.child.kill("SIGTERM");
    expect(await starting.stop()).toBe("0");
    expect(starting.output()).toMatch(/SIGTERM during start-up/);
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      const pid = neo4jPid();
      if (!pid || !alive(pid)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const pid = neo4jPid();
    expect(pid !== 0 && alive(pid)).toBe(false);
  }, 300_000);
});

/**
 * Two servers as `npm start` runs them, started at the same moment on one NEO4J_LOCAL_DIR (two
 * terminals, a supervisor's two replicas) on a machine where the local Neo4j was never started
 * (sixteenth red-team round). Before, each generated a password and set it, and started a Java
 * of its own: one exited at once with a stack (ENOENT renaming the other's password.pending), the
 * other waited 120 s for a Bolt that refused the password it held, and the instance's password
 * file then matched neither, so no later start could log in; with the password race gone, the
 * two ran the schema's IF NOT EXISTS statements together and one exited on DeadlockDetected or
 * EquivalentSchemaRuleAlreadyExists. Now the second waits for the first's start, reuses its
 * Neo4j, and both serve. And when the first stops (and its Neo4j with it), the second, which
 * answered SERVICE_UNAVAILABLE for ever, starts it again.
 *
 * The folder has no jars either: both resolve them with Maven at once. Maven wrote into `lib/`
 * itself, so the second could find the Neo4j jar there before the rest and start a Java on half
 * a class path; each now resolves into a folder of its own, renamed to `lib/` when whole.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/driver.js";
import { alive } from "../../src/db/pids.js";
import { freePort } from "../helpers/process.js";
import {
  errorLines,
  freshLocalNeo4j,
  post,
  type ShippedServer,
  startShipped,
} from "../helpers/shipped.js";

const BOLT_PORT = await freePort();
const local = freshLocalNeo4j("two-servers-shipped-", BOLT_PORT);
const { localDir, home } = local;
const env = { ...local.env, WARM_UP_WRITES: "false" };
const READ = { query: '{ entity(key: "canada") { name } }' };
const servers: ShippedServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  let pid = 0;
  try {
    pid = Number(readFileSync(join(home, "neo4j.pid"), "utf8")) || 0;
  } catch {
    // no server left
  }
  if (pid && alive(pid)) process.kill(pid, "SIGKILL");
  rmSync(localDir, { recursive: true, force: true });
});

describe("two servers started at once on one fresh local Neo4j folder", () => {
  it("both start, on one Neo4j whose password file opens it, and both answer", async () => {
    rmSync(join(localDir, "lib")); // the link to the project's jars: both resolve their own
    const started = await Promise.allSettled([
      startShipped({ localDir, env }),
      startShipped({ localDir, env }),
    ]);
    for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
    expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "ready"))).toEqual([
      "ready",
      "ready",
    ]);
    for (const server of servers) {
      const r = await post(server, READ);
      expect(r.body).toMatchObject({ data: { entity: { name: "Canada" } } });
      expect(errorLines(server)).toEqual([]);
    }
    // One whole set of jars, and no half-resolved copy left beside it.
    expect(readdirSync(localDir).filter((f) => f.startsWith("lib"))).toEqual(["lib"]);
    expect(readdirSync(join(localDir, "lib")).length).toBeGreaterThan(100);
    // The password kept beside the data is the one Neo4j holds: a later start can log in.
    const db = createDb({
      uri: `bolt://127.0.0.1:${BOLT_PORT}`,
      user: "neo4j",
      password: readFileSync(join(home, "password"), "utf8").trim(),
      database: "neo4j",
    });
    try {
      await db.driver.verifyConnectivity({ database: "neo4j" });
    } finally {
      await db.driver.close();
    }
  }, 240_000);

  it("when the one that started the Neo4j stops, the other starts it again and answers", async () => {
    // Before: the other kept answering SERVICE_UNAVAILABLE ("try again shortly") for ever, and
    // logged nothing; /ready said 503 until it was restarted by hand.
    expect(servers).toHaveLength(2);
    const ownerPid = Number(readFileSync(join(home, "owner.pid"), "utf8"));
    const owner = servers.find((s) => s.child.pid === ownerPid);
    const other = servers.find((s) => s.child.pid !== ownerPid);
    if (!owner || !other) throw new Error(`neither server owns the Neo4j (owner.pid ${ownerPid})`);
    await owner.stop();
    let answer = await post(other, READ);
    for (let i = 0; i < 120 && !answer.body.data?.entity; i++) {
      await new Promise((r) => setTimeout(r, 500));
      answer = await post(other, READ);
    }
    expect(answer.body).toMatchObject({ data: { entity: { name: "Canada" } } });
    expect((await fetch(`${other.url}/ready`)).status).toBe(200);
    expect(errorLines(other)).toEqual([]);
    // It owns the Neo4j now, so its own stop (afterAll) stops it.
    expect(Number(readFileSync(join(home, "owner.pid"), "utf8"))).toBe(other.child.pid);
  }, 120_000);
});

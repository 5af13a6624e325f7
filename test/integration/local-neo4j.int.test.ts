import { existsSync, statSync } from "node:fs";
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { type LocalNeo4jOptions, startLocalNeo4j } from "../../src/db/local-neo4j.js";

const config = loadConfig();
const options: LocalNeo4jOptions = {
  dir: config.NEO4J_LOCAL_DIR,
  instance: "lifecycle-check",
  boltPort: Number(process.env.NEO4J_LIFECYCLE_BOLT_PORT ?? 7699),
  heap: "256m",
  pagecache: "64m",
  txTimeout: "10s",
  startTimeoutMs: 120_000,
};

async function answers(uri: string, password: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), {
    connectionTimeout: 2_000,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

describe("the local Neo4j (embedded default)", () => {
  it("starts on 127.0.0.1 with a generated password, is reused by a second start, and stops cleanly", async () => {
    const first = await startLocalNeo4j(options);
    try {
      expect(first.startedHere).toBe(true);
      expect(first.uri).toBe(`bolt://127.0.0.1:${options.boltPort}`);
      const passwordFile = `${options.dir}/instances/${options.instance}/password`;
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      // The password went to neo4j-admin through a file, removed once it was set.
      expect(existsSync(`${passwordFile}.pending`)).toBe(false);
      expect(await answers(first.uri, "neo4j")).toBe(false);

      const second = await startLocalNeo4j(options);
      expect(second.startedHere).toBe(false);
      expect(second.password).toBe(first.password);
      await second.stop(); // not its to stop
      expect(await answers(first.uri, first.password)).toBe(true);
    } finally {
      await first.stop();
    }
    expect(await answers(first.uri, first.password)).toBe(false);
    expect(existsSync(`${options.dir}/instances/${options.instance}/data/databases/neo4j`)).toBe(
      true,
    );
  }, 240_000);
});

/**
 * Evidence for the report, against the bench instance as it is now loaded (run `npm run bench`
 * first, with --keep-neo4j to skip the restart):
 *
 *   npx tsx bench/profile.ts plans            every operation's Cypher from all three servers,
 *                                             PROFILEd (db hits, rows, plan) and timed alone
 *   npx tsx bench/profile.ts cpu --op search  a CPU profile of our server under load on one
 *                                             operation (c16), as a flame graph PNG and a table
 *   npx tsx bench/profile.ts memory           our RSS idle and under load, by Node heap flags
 *   npx tsx bench/profile.ts overhead         each server's cost per request without any Cypher
 *   npx tsx bench/profile.ts cpusplit --op pageTotal
 *                                             CPU per request under load: the server's main
 *                                             thread, its other threads, Neo4j; GC pauses
 *   npx tsx bench/profile.ts alloc --op pageTotal
 *                                             what a request allocates, ours against the floor,
 *                                             by package and function
 *   npx tsx bench/profile.ts gcflags --op pageTotal ["--a=<node flags>"] ["--b=<node flags>"]
 *                                             ours under two sets of Node flags, both running,
 *                                             timed in alternating windows (paired)
 *   npx tsx bench/profile.ts reads --a <dist> [--b <dist>]
 *                                             the build as npm start runs it, on the read
 *                                             operations at concurrency 1: a CPU profile, or two
 *                                             builds paired (p50, CPU per request)
 *   npx tsx bench/profile.ts ingest           the next document's ingest PROFILEd query by query
 *                                             in a rolled-back transaction, the same rows through
 *                                             the floor's bulk MERGE, and a CPU profile of it
 *   npx tsx bench/profile.ts txceiling         Neo4j's own transactional write rate here: the bulk
 *                                             path's rows (100k entities) as plain UNWIND CREATE
 *                                             into an empty, migrated scratch instance
 *
 * Everything is written to bench/results/profile/. One file per command in bench/profile/; what
 * they share is in bench/profile/common.ts.
 */
import { join } from "node:path";
import { createDb } from "../src/db/driver.js";
import { pickFixtures } from "./fixtures.js";
import { PROJECT_ROOT, startBenchNeo4j } from "./neo4j.js";
import { alloc } from "./profile/alloc.js";
import { args, log, positionals } from "./profile/common.js";
import { cpu } from "./profile/cpu.js";
import { cpuSplit } from "./profile/cpusplit.js";
import { gcFlags } from "./profile/gcflags.js";
import { ingest } from "./profile/ingest.js";
import { memory } from "./profile/memory.js";
import { overhead } from "./profile/overhead.js";
import { plans } from "./profile/plans.js";
import { reads } from "./profile/reads.js";
import { txCeiling } from "./profile/txceiling.js";

const command = positionals[0] ?? "plans";

async function main() {
  if (command === "txceiling") return txCeiling();
  const neo = await startBenchNeo4j({
    dir: process.env.NEO4J_LOCAL_DIR ?? join(PROJECT_ROOT, ".neo4j"),
    boltPort: Number(args["bolt-port"] ?? process.env.BENCH_NEO4J_BOLT_PORT ?? 7689),
    heap: "1g",
    pagecache: "1g",
    log,
  });
  const db = createDb(neo.target, { txTimeoutMs: 60_000 });
  try {
    const counts = await db.driver.executeQuery(
      "MATCH (n:Entity) WHERE n.key STARTS WITH 'gen-' AND NOT n:Source RETURN count(n) AS n",
      {},
      { database: db.database },
    );
    const size = Number(counts.records[0]?.get("n") ?? 0);
    log(`bench graph: ${size} entities`);
    if (command === "ingest") await ingest(db);
    else if (command === "overhead") await overhead(neo.target);
    else {
      const fx = await pickFixtures(db, size);
      if (command === "plans") await plans(db, fx);
      else if (command === "cpu") await cpu(db, neo.target, fx);
      else if (command === "memory") await memory(neo.target, fx);
      else if (command === "cpusplit") await cpuSplit(neo, fx);
      else if (command === "alloc") await alloc(neo, fx);
      else if (command === "gcflags") await gcFlags(neo, fx);
      else if (command === "reads") await reads(neo.target, fx);
      else throw new Error(`unknown command ${command}`);
    }
  } finally {
    await db.driver.close();
    if (neo.startedHere) await neo.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

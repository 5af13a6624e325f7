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

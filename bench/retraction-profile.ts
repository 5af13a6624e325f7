/**
 * `npx tsx bench/retraction-profile.ts [-- --entities N] [--runs R] [--bolt-port B] [--reuse]`:
 * where a large source's retraction spends its time (edges26). Bulk loads the seed and N
 * generated entities (default 30,000: the middle generated source then makes about 21,500
 * claims, as gen-source-11 of the 100,000 graph) into a local instance of its own (kept, so
 * `--reuse` opens it again), then R times: a retraction and a restore, each in one transaction
 * as retractSource runs it, split into the statement, the relations' settle and the entities'
 * settle (the rest is the commit); then the statement's PROFILE (rolled back): its db hits and
 * the rows each scan read. db hits do not depend on the machine's load; the times do.
 */
import { parseArgs } from "node:util";
import type { ProfiledPlan } from "neo4j-driver";
import { retractSourceStatement } from "../src/cypher/writes.js";
import { bulkLoad } from "../src/data/bulk-load.js";
import {
  settleEntities,
  settleRelations,
  type Touched,
  type TouchedEntity,
} from "../src/data/claims.js";
import { readDocumentFile, seedFiles } from "../src/data/seed.js";
import { run } from "../src/data/statement.js";
import { openDatabase } from "../src/db/database.js";
import { writeTx } from "../src/db/run.js";
import { generateDocuments } from "../src/generate/documents.js";
import { longBudgetConfig } from "./neo4j.js";

const { values } = parseArgs({
  options: {
    entities: { type: "string", default: "30000" },
    runs: { type: "string", default: "3" },
    "bolt-port": { type: "string", default: "7804" },
    reuse: { type: "boolean", default: false },
  },
});
const INSTANCE = "bench-retraction-profile";
const config = longBudgetConfig(values["bolt-port"]);
const generated = [...generateDocuments({ entities: Number(values.entities) })] as Array<{
  source: { key: string };
}>;
const key = generated[Math.floor(generated.length / 2)]?.source.key ?? "";
const database = values.reuse
  ? await openDatabase(config, (m) => console.log(m), { instance: INSTANCE })
  : (
      await bulkLoad([...seedFiles().map((f) => readDocumentFile(f)), ...generated], {
        config,
        instance: INSTANCE,
        by: "bench",
        log: (m) => console.log(`  ${m}`),
        keepOpen: true,
      })
    ).database;
if (!database) throw new Error("no database");
const { db } = database;
try {
  for (let i = 0; i < Number(values.runs); i++) {
    for (const retracted of [true, false]) {
      const laps: string[] = [];
      const started = performance.now();
      let t = started;
      const lap = (name: string) => {
        laps.push(`${name} ${(performance.now() - t).toFixed(0)}`);
        t = performance.now();
      };
      await writeTx(
        db,
        { roundTrips: 0 },
        async (tx) => {
          const [row] = await run(tx, retractSourceStatement({ key, retracted, by: "bench" }));
          lap("statement");
          await settleRelations(tx, (row?.touched ?? []) as unknown as Touched[]);
          lap("relations' settle");
          await settleEntities(tx, (row?.claimed ?? []) as unknown as TouchedEntity[]);
          lap("entities' settle");
        },
        300_000,
      );
      lap("commit");
      const total = (performance.now() - started).toFixed(0);
      console.log(`${retracted ? "retract" : "restore"} ${key}: ${total} ms (${laps.join(", ")})`);
    }
  }
  const s = retractSourceStatement({ key, retracted: true, by: "bench" });
  const session = db.driver.session({ database: db.database });
  const tx = await session.beginTransaction({ timeout: 300_000 });
  const result = await tx.run(`PROFILE ${s.cypher}`, s.params);
  await tx.rollback();
  await session.close();
  let hits = 0;
  const scans: string[] = [];
  const walk = (p: ProfiledPlan) => {
    hits += p.dbHits;
    if (/Scan/.test(p.operatorType)) scans.push(`${p.operatorType} rows ${p.rows}`);
    for (const c of p.children) walk(c);
  };
  if (result.summary.profile) walk(result.summary.profile);
  console.log(`PROFILE of the statement: ${hits} db hits; scans: ${scans.join(", ")}`);
} finally {
  await database.close();
}

/**
 * `npx tsx bench/profile.ts ingest`: the next document's ingest PROFILEd query by query in a
 * rolled-back transaction, the same rows through the floor's bulk MERGE, and a CPU profile of it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session as Inspector } from "node:inspector/promises";
import { join } from "node:path";
import type neo4j from "neo4j-driver";
import type { ProfiledPlan } from "neo4j-driver";
import { ingestInTx } from "../../src/data/ingest.js";
import type { Db } from "../../src/db/driver.js";
import type { Tx } from "../../src/db/run.js";
import { toPlain } from "../../src/db/serialize.js";
import { generateDocuments } from "../../src/generate/documents.js";
import { BATCH, floorMergeEntities, floorMergeRelations, floorRows } from "../dataset.js";
import type { CpuProfile } from "../flamegraph.js";
import { formatJson } from "../report.js";
import { dbHitsOf, log, outDir, writeCpuReport } from "./common.js";

/** A Tx over an explicit transaction that PROFILEs (or just times) every query. */
function recordingTx(
  tx: neo4j.Transaction,
  profile: boolean,
  log2: { cypher: string; ms: number; dbHits: number; rows: number }[],
): Tx {
  const exec = async (cypher: string, params: Record<string, unknown> = {}) => {
    const t0 = performance.now();
    const res = await tx.run(profile ? `PROFILE ${cypher}` : cypher, params);
    const ms = performance.now() - t0;
    const plan = res.summary.profile as ProfiledPlan | false;
    log2.push({ cypher, ms, dbHits: plan ? dbHitsOf(plan) : 0, rows: res.records.length });
    return res;
  };
  return {
    async run(cypher, params) {
      const res = await exec(cypher, params);
      return res.records.map((r) => toPlain(r.toObject()) as Record<string, never>);
    },
    async runWithCounters(cypher, params) {
      const res = await exec(cypher, params);
      return {
        rows: res.records.map((r) => toPlain(r.toObject()) as Record<string, never>),
        counters: { ...res.summary.counters.updates() },
      };
    },
  };
}

const kindOfQuery = (c: string) => {
  const rel = /MERGE \(a\)-\[r:(\w+)\]->\(b\)/.exec(c);
  if (rel) return `upsert relations ${rel[1]}`;
  const created = /CREATE \(a\)-\[r:(\w+)\]->\(b\)/.exec(c);
  if (created) return `create relations ${created[1]}`;
  const ent = /SET n:(\w+), n.kind/.exec(c);
  if (ent) return `upsert entities ${ent[1]}`;
  if (c.includes("n.key IN $keys")) return "kinds of keys";
  return c.trim().split("\n")[0]?.slice(0, 60) ?? "?";
};

export async function ingest(db: Db) {
  const counts = await db.driver.executeQuery(
    "MATCH (s:Source) WHERE s.key STARTS WITH 'gen-source-' RETURN count(s) AS n",
    {},
    { database: db.database },
  );
  const loaded = Number(counts.records[0]?.get("n") ?? 0);
  const docs = [
    ...generateDocuments({ entities: (loaded + 1) * BATCH, seed: 42, batchSize: BATCH }),
  ];
  const doc = docs[loaded];
  if (!doc) throw new Error("no next document");
  log(
    `document ${loaded + 1}: ${doc.entities.length} entities, ${doc.relations.length} relations (rolled back after each pass)`,
  );
  const passes: Record<string, { cypher: string; ms: number; dbHits: number; rows: number }[]> = {};
  let cpuProfile: CpuProfile | null = null;
  const timings: Record<string, number> = {};
  for (const mode of ["warm", "timed", "profiled"] as const) {
    const session = db.driver.session({ database: db.database });
    const tx = session.beginTransaction();
    const rec: { cypher: string; ms: number; dbHits: number; rows: number }[] = [];
    const inspector = new Inspector();
    try {
      if (mode === "timed") {
        inspector.connect();
        await inspector.post("Profiler.enable");
        await inspector.post("Profiler.setSamplingInterval", { interval: 200 });
        await inspector.post("Profiler.start");
      }
      const t0 = performance.now();
      await ingestInTx(recordingTx(tx, mode === "profiled", rec), structuredClone(doc), "generate");
      timings[mode] = performance.now() - t0;
      if (mode === "timed") {
        const { profile } = await inspector.post("Profiler.stop");
        cpuProfile = profile as unknown as CpuProfile;
        inspector.disconnect();
      }
    } finally {
      await tx.rollback();
      await session.close();
    }
    passes[mode] = rec;
  }
  // The floor's bulk MERGE of the same rows, in a rolled-back transaction too.
  const floorRec: { cypher: string; ms: number; dbHits: number; rows: number }[] = [];
  let floorMs = 0;
  for (const mode of ["warm", "timed"]) {
    const session = db.driver.session({ database: db.database });
    const tx = session.beginTransaction();
    try {
      const t0 = performance.now();
      const { byKind, byType, source } = floorRows(doc);
      const t = recordingTx(tx, false, mode === "timed" ? floorRec : []);
      for (const [kind, rows] of byKind) await t.run(floorMergeEntities(kind), { rows, kind });
      for (const [type, rows] of byType) await t.run(floorMergeRelations(type), { rows, source });
      if (mode === "timed") floorMs = performance.now() - t0;
    } finally {
      await tx.rollback();
      await session.close();
    }
  }
  const group = (rec: { cypher: string; ms: number; dbHits: number; rows: number }[]) => {
    const m = new Map<string, { n: number; ms: number; dbHits: number }>();
    for (const r of rec) {
      const k = kindOfQuery(r.cypher);
      const e = m.get(k) ?? { n: 0, ms: 0, dbHits: 0 };
      e.n += 1;
      e.ms += r.ms;
      e.dbHits += r.dbHits;
      m.set(k, e);
    }
    return [...m].sort((a, b) => b[1].ms - a[1].ms);
  };
  const timed = group(passes.timed ?? []);
  const profiled = new Map(group(passes.profiled ?? []));
  const cypherMs = (passes.timed ?? []).reduce((a, r) => a + r.ms, 0);
  const totalMs = timings.timed ?? Number.NaN;
  const floorCypher = floorRec.reduce((a, r) => a + r.ms, 0);
  const md = [
    `# Ingest profile: document ${loaded + 1} (${doc.entities.length} entities, ${doc.relations.length} relations) on a graph of ${loaded} documents`,
    "",
    `Ours (\`ingestInTx\`, rolled back): **${totalMs.toFixed(0)} ms** in all = ${Math.round(doc.relations.length / (totalMs / 1000)).toLocaleString("en")} relations/s; of which Cypher ${cypherMs.toFixed(0)} ms (${((cypherMs / totalMs) * 100).toFixed(0)}%) in ${(passes.timed ?? []).length} queries, the rest in Node (validation, building rows, result conversion).`,
    "",
    `The floor (plain UNWIND MERGE per kind and type, same rows, rolled back): **${floorMs.toFixed(0)} ms** = ${Math.round(doc.relations.length / (floorMs / 1000)).toLocaleString("en")} relations/s (Cypher ${floorCypher.toFixed(0)} ms).`,
    "",
    "| our query | count | ms (timed pass) | db hits (PROFILE pass) |",
    "| --- | ---: | ---: | ---: |",
    ...timed.map(
      ([k, v]) => `| ${k} | ${v.n} | ${v.ms.toFixed(0)} | ${profiled.get(k)?.dbHits ?? "–"} |`,
    ),
    "",
    "| floor query | count | ms | ",
    "| --- | ---: | ---: |",
    ...group(floorRec).map(([k, v]) => `| ${k} | ${v.n} | ${v.ms.toFixed(0)} |`),
    "",
    "CPU profile of the timed pass (Node side): [ingest-cpu.md](ingest-cpu.md).",
    "",
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "ingest.md"), md.join("\n"));
  writeFileSync(
    join(outDir, "ingest.json"),
    `${JSON.stringify({ totalMs, cypherMs, floorMs, timed, profiled: [...profiled], timings }, null, 2)}\n`,
  );
  formatJson(join(outDir, "ingest.json"));
  if (cpuProfile)
    writeCpuReport(
      cpuProfile,
      "ingest-cpu",
      `CPU profile: ingesting document ${loaded + 1} (Node side)`,
    );
  log(md.slice(0, 4).join("\n"));
}

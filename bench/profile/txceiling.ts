/**
 * `npx tsx bench/profile.ts txceiling`: Neo4j's own transactional write rate here: the bulk path's
 * rows (100k entities) as plain UNWIND CREATE into an empty, migrated scratch instance.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BulkGraph, storedRelation } from "../../src/data/bulk.js";
import { chunks } from "../../src/data/ingest.js";
import { Corpus, groupRows } from "../dataset.js";
import { startScratchNeo4j } from "../neo4j.js";
import { formatJson } from "../report.js";
import { args, log, outDir } from "./common.js";

/**
 * The ceiling of the transactional path on this machine: the rows the bulk path would import
 * (validated and merged by the same BulkGraph), written with the plainest Cypher there is:
 * UNWIND CREATE in batches of 10,000, no MERGE, no reads before writes, into an empty scratch
 * instance with the shipped constraints and indexes. The relationships are written twice: bare,
 * then (after deleting them) with their properties, to split structure from property records.
 */
export async function txCeiling() {
  const entities = Number(args.entities ?? 100_000);
  const batch = 10_000;
  const corpus = new Corpus(42, entities);
  const t0 = performance.now();
  const graph = new BulkGraph();
  for (const doc of corpus.docs) graph.add(structuredClone(doc));
  const validateMs = performance.now() - t0;
  const scratch = await startScratchNeo4j(
    "txceiling",
    Number(args["bolt-port"] ?? process.env.BENCH_TXCEILING_BOLT_PORT ?? 7695),
    log,
  );
  const at = new Date().toISOString();
  const timed: { step: string; rows: number; ms: number }[] = [];
  try {
    const session = scratch.db.driver.session({ database: scratch.db.database });
    const write = async (
      step: string,
      groups: Map<string, Record<string, unknown>[]>,
      cypher: (label: string) => string,
    ) => {
      let rows = 0;
      const t = performance.now();
      for (const [label, all] of groups)
        for (const slice of chunks(all, batch)) {
          await session.executeWrite((tx) => tx.run(cypher(label), { rows: slice, at }));
          rows += slice.length;
        }
      timed.push({ step, rows, ms: performance.now() - t });
      log(`${step}: ${rows} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    try {
      // Labels and types come from the vocabulary, through the BulkGraph's validated records.
      await write(
        "entities (CREATE, all properties, indexes maintained)",
        groupRows(
          graph.nodes.values(),
          (n) => n.kind,
          (n) => ({
            key: n.key,
            kind: n.kind,
            name: n.name,
            nameLower: n.name.toLowerCase(),
            aliases: n.aliases,
            description: n.description,
            ...n.properties,
            updatedBy: "txceiling",
          }),
        ),
        (kind) =>
          `UNWIND $rows AS row CREATE (n:Entity:${kind}) SET n = row, n.updatedAt = datetime($at)`,
      );
      const relations = (props: boolean) =>
        groupRows(
          graph.relations.values(),
          (r) => r.type,
          (r) => ({
            from: r.from,
            to: r.to,
            props: props ? { ...storedRelation(r), updatedBy: "txceiling" } : {},
          }),
        );
      const createRelations = (type: string) =>
        `UNWIND $rows AS row MATCH (a:Entity {key: row.from}) MATCH (b:Entity {key: row.to})
         CREATE (a)-[r:${type}]->(b) SET r = row.props, r.updatedAt = datetime($at)`;
      await write(
        "relationships, bare: only updatedAt (CREATE between keyed entities)",
        relations(false),
        createRelations,
      );
      await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS");
      await write(
        "relationships with their properties (evidence lists, excerpts)",
        relations(true),
        createRelations,
      );
    } finally {
      await session.close();
    }
  } finally {
    await scratch.close();
  }
  const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString("en");
  const md = [
    `# The transactional ceiling: ${graph.nodes.size.toLocaleString("en")} entities and ${graph.relationCount.toLocaleString("en")} relationships as plain UNWIND CREATE`,
    "",
    `\`npx tsx bench/profile.ts txceiling\` (${at}): the ${corpus.docs.length} documents of the ${entities.toLocaleString("en")}-entity graph, validated and merged as the bulk path does (${(validateMs / 1000).toFixed(1)} s), written into an empty scratch instance with the shipped constraints and indexes, in transactions of ${batch.toLocaleString("en")} rows: the plainest Cypher there is (no MERGE, no reads of the state before), one session, as a hand-written loader would.`,
    "",
    "| step | rows | s | rows/s |",
    "| --- | ---: | ---: | ---: |",
    ...timed.map(
      (t) =>
        `| ${t.step} | ${t.rows.toLocaleString("en")} | ${(t.ms / 1000).toFixed(1)} | ${rate(t.rows, t.ms)} |`,
    ),
    "",
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "ingest-ceiling.md"), md.join("\n"));
  writeFileSync(
    join(outDir, "ingest-ceiling.json"),
    `${JSON.stringify({ at, entities, batch, validateMs, nodes: graph.nodes.size, relationships: graph.relationCount, timed }, null, 2)}\n`,
  );
  formatJson(join(outDir, "ingest-ceiling.json"));
  log(md.join("\n"));
}

/**
 * The bulk path (`--bulk`: Neo4j's offline importer into an empty, stopped local instance) writes
 * the graph the transactional ingest writes. The same documents are loaded both ways: through
 * ingest into the suite's Neo4j, and in bulk into a fresh instance of their own
 * (NEO4J_BULK_BOLT_PORT, else a port the system gives as free); both are then read back, in
 * Cypher and through GraphQL. The instances of the later cases take free ports of their own.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { BulkLoadError, type BulkLoadReport, bulkLoad } from "../../src/data/bulk-load.js";
import { clearGenerated } from "../../src/data/generated.js";
import { ingestDocument } from "../../src/data/ingest.js";
import { localNeo4jOptions } from "../../src/db/database.js";
import type { Db } from "../../src/db/driver.js";
import { localInstance } from "../../src/db/local-neo4j.js";
import { BadInputError } from "../../src/domain/errors.js";
import { generateDocuments } from "../../src/generate/documents.js";
import { createClient, cypher, testDb } from "../helpers/client.js";
import { freePort } from "../helpers/process.js";

const PREFIX = "bulktest-";
const TEXT_A = [
  'Line one, with a comma; and a "quote".',
  "Alice leads Ruritania.",
  'Alice, "the chief", heads Ruritania.',
  "Ruritania pledged 2% of GDP.",
].join("\n");
const TEXT_B = ["Ruritania's leader is Alice.", "Ruritania pledged 2% of GDP."].join("\n");

/** Hand-made documents for the edges: quoting, line breaks, a relation stated twice, updates. */
const DOC_A = {
  source: {
    key: `${PREFIX}source-a`,
    name: "Bulk test A",
    properties: { title: 'A, "quoted" title', text: TEXT_A },
  },
  entities: [
    {
      key: `${PREFIX}alice`,
      kind: "Person",
      name: 'Alice "Al" Smith',
      aliases: ["Al, the chief", "A. Smith"],
      description: "First line\nsecond line, with a comma",
    },
    {
      key: `${PREFIX}ruritania`,
      kind: "Nation",
      name: "Ruritania",
      properties: { isoCode: "RUR" },
    },
    {
      key: `${PREFIX}pledge`,
      kind: "Pledge",
      name: "Two percent",
      properties: { metric: "PERCENT_GDP", value: 2, unit: "percent of GDP" },
    },
    { key: `${PREFIX}riga`, kind: "Place", name: "Riga", description: "" },
    // Accents: its plain spelling (plainNames) is loaded as an ingest stores it.
    { key: `${PREFIX}adazi`, kind: "Place", name: "Ādaži", aliases: ["Ādažu bāze"] },
  ],
  relations: [
    {
      from: `${PREFIX}alice`,
      type: "LEADS",
      to: `${PREFIX}ruritania`,
      properties: { role: "Queen" },
      evidence: "Alice leads Ruritania.",
    },
    {
      from: `${PREFIX}alice`,
      type: "LEADS",
      to: `${PREFIX}ruritania`,
      inferred: true,
      evidence: 'Alice, "the chief", heads Ruritania.',
    },
    {
      from: `${PREFIX}ruritania`,
      type: "PLEDGED",
      to: `${PREFIX}pledge`,
      evidence: "Ruritania pledged 2% of GDP.",
    },
    {
      from: `${PREFIX}source-a`,
      type: "MENTIONS",
      to: `${PREFIX}alice`,
      evidence: "Alice leads Ruritania.",
    },
  ],
};
const DOC_B = {
  source: { key: `${PREFIX}source-b`, name: "Bulk test B", properties: { text: TEXT_B } },
  entities: [
    { key: `${PREFIX}ruritania`, kind: "Nation", name: "Ruritania", description: "Updated, later" },
  ],
  relations: [
    {
      from: `${PREFIX}alice`,
      type: "LEADS",
      to: `${PREFIX}ruritania`,
      inferred: true,
      evidence: "Ruritania's leader is Alice.",
    },
    {
      from: `${PREFIX}ruritania`,
      type: "PLEDGED",
      to: `${PREFIX}pledge`,
      evidence: "Ruritania pledged 2% of GDP.",
    },
  ],
};
const DOCS: unknown[] = [
  ...generateDocuments({ entities: 600, seed: 11, batchSize: 200 }),
  DOC_A,
  DOC_B,
  DOC_A, // a replay changes nothing
];

const config = loadConfig({
  ...process.env,
  NEO4J_URI: "",
  // A free port from the system, as every other test takes one: a fixed 7797 (and 7798 for the
  // second instance) clashed with whatever else ran on the machine (edges28).
  NEO4J_LOCAL_BOLT_PORT: process.env.NEO4J_BULK_BOLT_PORT ?? String(await freePort()),
});
const INSTANCE = "bulk-check";
const local = !process.env.NEO4J_URI;

const db = testDb();
let bulk: BulkLoadReport;
let bulkDb: Db;

async function removeOurs(target: Db) {
  await clearGenerated(target, { roundTrips: 0 });
  await cypher(target, "MATCH (n:Entity) WHERE n.key STARTS WITH $p DETACH DELETE n", {
    p: PREFIX,
  });
}

/** Every node and relationship of the documents' keys, updatedAt replaced by its type. */
async function dump(target: Db) {
  const nodes = await cypher(
    target,
    `MATCH (n:Entity) WHERE n.key STARTS WITH 'gen-' OR n.key STARTS WITH $p
     RETURN n.key AS key, COLLECT { UNWIND labels(n) AS l RETURN l ORDER BY l } AS labels, valueType(n.updatedAt) AS at,
            properties(n) AS props ORDER BY key`,
    { p: PREFIX },
  );
  const rels = await cypher(
    target,
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.key STARTS WITH 'gen-' OR a.key STARTS WITH $p
     RETURN a.key + '|' + type(r) + '|' + b.key AS id, valueType(r.updatedAt) AS at,
            properties(r) AS props ORDER BY id`,
    { p: PREFIX },
  );
  const plain = (rows: Record<string, unknown>[]) =>
    rows.map(({ props, ...rest }): Record<string, unknown> & { props: Record<string, unknown> } => {
      const { updatedAt: _, ...kept } = props as Record<string, unknown>;
      for (const [k, v] of Object.entries(kept)) if (neo4j.isInt(v)) kept[k] = `int ${v}`;
      return { ...rest, props: kept };
    });
  return { nodes: plain(nodes), relationships: plain(rels) };
}

beforeAll(async () => {
  if (!local) return;
  await removeOurs(db);
  for (const doc of DOCS) await ingestDocument(db, { roundTrips: 0 }, structuredClone(doc));
  rmSync(join(config.NEO4J_LOCAL_DIR, "instances", INSTANCE), { recursive: true, force: true });
  bulk = await bulkLoad(
    DOCS.map((d) => structuredClone(d)),
    { config, instance: INSTANCE, by: "ingest", log: () => {}, keepOpen: true },
  );
  if (!bulk.database) throw new Error("bulkLoad kept no database open");
  bulkDb = bulk.database.db;
}, 300_000);

afterAll(async () => {
  await bulk?.database?.close();
  if (local) await removeOurs(db);
  await db.driver.close();
});

describe.runIf(local)("bulk load (neo4j-admin database import full)", () => {
  it("writes the graph the transactional ingest writes", async () => {
    expect(bulk.documents).toBe(DOCS.length);
    const [ours, theirs] = [await dump(bulkDb), await dump(db)];
    expect(ours.nodes.length).toBeGreaterThan(600);
    expect(ours.relationships.length).toBe(bulk.relationships);
    expect(ours.nodes).toEqual(theirs.nodes);
    expect(ours.relationships).toEqual(theirs.relationships);
    for (const row of [...ours.nodes, ...ours.relationships])
      expect(row.at).toBe("ZONED DATETIME NOT NULL");
    const leads = ours.relationships.find(
      (r) => r.id === `${PREFIX}alice|LEADS|${PREFIX}ruritania`,
    );
    expect(leads?.props).toMatchObject({
      evidenceSources: [`${PREFIX}source-a`, `${PREFIX}source-a`, `${PREFIX}source-b`],
      evidenceInferred: [false, true, true],
      inferred: false,
      role: "Queen",
    });
  });

  it("reads the same through GraphQL, and the migrations' indexes serve it", async () => {
    const query = `query ($key: String!) {
      entity(key: $key) {
        key name aliases description kind updatedBy
        relations(first: 50) { totalCount edges {
          type direction inferred properties node { key name } evidence { excerpt source { key } }
        } }
      }
      search(query: "ruritania", first: 5) { edges { node { key } } }
      plain: search(query: "adazu baze", first: 5) { edges { node { key } } }
    }`;
    const hub = await cypher(
      bulkDb,
      "MATCH (n:Nation) WHERE n.key STARTS WITH 'gen-' RETURN n.key AS key ORDER BY COUNT { (n)--() } DESC LIMIT 1",
    );
    for (const key of [`${PREFIX}alice`, `${PREFIX}ruritania`, String(hub[0]?.key)]) {
      const [a, b] = [
        await createClient(bulkDb).gql(query, { key }),
        await createClient(db).gql(query, { key }),
      ];
      expect(a.errors).toBeUndefined();
      expect(a.data.entity.key).toBe(key);
      expect(a.data).toEqual(b.data);
      expect(a.data.plain.edges).toEqual([{ node: { key: `${PREFIX}adazi` } }]);
    }
  });

  it("refuses a running instance and a server at NEO4J_URI, writing nothing", async () => {
    const options = { config, instance: INSTANCE, by: "ingest", log: () => {} };
    await expect(bulkLoad([DOC_A], options)).rejects.toThrow(BulkLoadError);
    await expect(bulkLoad([DOC_A], options)).rejects.toThrow(/is running/);
    await expect(
      bulkLoad([DOC_A], { ...options, config: { ...config, NEO4J_URI: "bolt://127.0.0.1:1" } }),
    ).rejects.toThrow(/NEO4J_URI/);
    const [row] = await cypher(bulkDb, "MATCH (n) RETURN count(n) AS n");
    expect(Number(row?.n)).toBe(bulk.nodes);
  });

  it("waits for a start of the same instance under way, then loads (they took no turns)", async () => {
    const instance = "bulk-locked";
    const home = join(config.NEO4J_LOCAL_DIR, "instances", instance);
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    // A start under way holds the instance's start lock: a process that lives 3 s.
    const starting = spawn("sleep", ["3"], { stdio: "ignore" });
    writeFileSync(join(home, "start.lock"), String(starting.pid));
    const lines: string[] = [];
    // A port of its own: the instance loaded above still holds the suite's bulk port.
    const port = await freePort();
    const report = await bulkLoad([structuredClone(DOC_A)], {
      config: { ...config, NEO4J_LOCAL_BOLT_PORT: port },
      instance,
      by: "ingest",
      log: (line) => lines.push(line),
    });
    expect(
      lines.some((l) =>
        /is starting the local Neo4j \(bulk-locked\) or importing into it; waiting/.test(l),
      ),
    ).toBe(true);
    expect(starting.exitCode).toBe(0); // the import ran once the start was over
    expect(report.documents).toBe(1);
    expect(report.nodes).toBeGreaterThan(0);
  }, 300_000); // an import, then a start of the instance to apply the schema, on a loaded machine

  it("loads a database emptied of its graph, and says what a non-empty one holds (tidy23)", async () => {
    const instance = "bulk-emptied";
    rmSync(join(config.NEO4J_LOCAL_DIR, "instances", instance), { recursive: true, force: true });
    // A port of its own: the instance loaded above still holds the suite's bulk port.
    const options = {
      config: { ...config, NEO4J_LOCAL_BOLT_PORT: await freePort() },
      instance,
      by: "ingest",
      log: () => {},
    };
    const first = await bulkLoad([structuredClone(DOC_A)], { ...options, keepOpen: true });
    if (!first.database) throw new Error("bulkLoad kept no database open");
    // Used and then emptied: a containment write left its lock node, the graph was deleted.
    await cypher(first.database.db, "MERGE (:WriteLock {name: 'containment'})");
    await cypher(first.database.db, "MATCH (n:Entity) DETACH DELETE n");
    await first.database.close();
    // Refused before as "already holds 1 nodes" (the lock).
    const again = await bulkLoad([structuredClone(DOC_A)], options);
    expect(again.documents).toBe(1);
    // Holding a graph, it is refused in words: what it holds, and what to do.
    const refused = await bulkLoad([structuredClone(DOC_A)], options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(BulkLoadError);
    expect((refused as Error).message).toMatch(
      /already holds a graph \(\d+ entities and 1 source\); --bulk only loads an empty database\. Load without --bulk to add to it, or delete .*bulk-emptied to start afresh\./,
    );
  }, 400_000); // three looks at the instance, two imports, each started to apply the schema

  it("refuses a containment cycle, across documents or within one, before it writes anything", async () => {
    const instance = "bulk-cycles";
    rmSync(join(config.NEO4J_LOCAL_DIR, "instances", instance), { recursive: true, force: true });
    const text = "Ayr lies in Bel. Bel lies in Cor. Cor lies in Ayr.";
    const doc = (key: string, relations: [string, string, string][]) => ({
      source: { key: `${PREFIX}${key}`, name: key, properties: { text } },
      entities: ["ayr", "bel", "cor"].map((k) => ({
        key: `${PREFIX}${k}`,
        kind: "Place",
        name: k,
      })),
      relations: relations.map(([from, type, to]) => ({
        from: `${PREFIX}${from}`,
        type,
        to: `${PREFIX}${to}`,
        evidence: text,
      })),
    });
    const loaded: string[] = [];
    const refusal = (docs: unknown[]) =>
      bulkLoad(docs, {
        config,
        instance,
        by: "ingest",
        log: () => {},
        onDocument: (s) => loaded.push(s.source),
      }).then(
        () => null,
        (e: unknown) => e,
      );
    const base = doc("base", [
      ["ayr", "PART_OF", "bel"],
      ["bel", "PART_OF", "cor"],
    ]);
    // With what an earlier document placed: cor LOCATED_IN ayr closes ayr-bel-cor (ingest's message).
    const across = await refusal([
      base,
      doc("later", [
        ["ayr", "LOCATED_IN", "cor"],
        ["cor", "LOCATED_IN", "ayr"],
      ]),
    ]);
    expect(across).toBeInstanceOf(BadInputError);
    expect((across as BadInputError).problems).toEqual([
      {
        path: ["relations", 0, "to"],
        message: `LOCATED_IN would close a cycle: "${PREFIX}cor" already lies within "${PREFIX}ayr" (PART_OF, LOCATED_IN)`,
      },
      {
        path: ["relations", 1, "to"],
        message: `LOCATED_IN would close a cycle: "${PREFIX}ayr" already lies within "${PREFIX}cor" (PART_OF, LOCATED_IN)`,
      },
    ]);
    expect(loaded).toEqual([`${PREFIX}base`]);
    // Within one document, and a second path down the hierarchy is no cycle.
    const own = await refusal([
      doc("own", [
        ["ayr", "PART_OF", "bel"],
        ["ayr", "LOCATED_IN", "cor"],
        ["bel", "LOCATED_IN", "ayr"],
      ]),
    ]);
    expect((own as BadInputError).problems.map((p) => p.path)).toEqual([
      ["relations", 0, "to"],
      ["relations", 2, "to"],
    ]);
    const here = localInstance(localNeo4jOptions(config, () => {}, instance));
    expect(here.hasStore).toBe(false);
    expect(here.runningPid).toBeFalsy();
  });
});

/**
 * `npx tsx bench/profile.ts plans`: every operation's Cypher from all three servers, PROFILEd (db
 * hits, rows, plan) and timed alone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { graphql } from "graphql";
import type { Driver, ProfiledPlan } from "neo4j-driver";
import { pino } from "pino";
import type { Db } from "../../src/db/driver.js";
import { createApp } from "../../src/server.js";
import { ANCHOR_TYPE_DEFS } from "../anchor/typedefs.js";
import { FLOOR } from "../floor/queries.js";
import { type Fixtures, OPERATIONS } from "../operations.js";
import { formatJson } from "../report.js";
import { dbHitsOf, log, outDir } from "./common.js";

interface Captured {
  cypher: string;
  params: Record<string, unknown>;
}

async function captureOurs(db: Db, fx: Fixtures, opId: string): Promise<Captured[]> {
  const op = OPERATIONS.find((o) => o.id === opId);
  if (!op) throw new Error(opId);
  const captured: Captured[] = [];
  const app = createApp({
    db,
    logger: pino({ level: "silent" }),
    onQuery: (cypher, params) => captured.push({ cypher, params }),
  });
  const res = await app.fetch("http://bench.local/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(op.ours(fx, 0)),
  });
  const json = (await res.json()) as { errors?: unknown };
  if (json.errors) throw new Error(`ours ${opId}: ${JSON.stringify(json.errors)}`);
  return captured;
}

async function captureAnchor(driver: Driver, fx: Fixtures, opId: string): Promise<Captured[]> {
  const op = OPERATIONS.find((o) => o.id === opId);
  if (!op?.anchor) return [];
  const captured: Captured[] = [];
  type AnyFn = (...a: unknown[]) => unknown;
  const wrapTx = (tx: { run: AnyFn }) =>
    new Proxy(tx, {
      get(t, p) {
        if (p === "run")
          return (cypher: string, params: Record<string, unknown>) => {
            captured.push({ cypher, params });
            return t.run(cypher, params);
          };
        const v = Reflect.get(t, p, t) as unknown;
        return typeof v === "function" ? (v as AnyFn).bind(t) : v;
      },
    });
  const proxy = new Proxy(driver, {
    get(t, p) {
      if (p === "session")
        return (cfg: object) => {
          const s = t.session(cfg);
          return new Proxy(s, {
            get(st, sp) {
              if (sp === "executeRead" || sp === "executeWrite")
                return (work: AnyFn, c: object) =>
                  (st[sp] as AnyFn)((tx: { run: AnyFn }) => work(wrapTx(tx)), c);
              const v = Reflect.get(st, sp, st) as unknown;
              return typeof v === "function" ? (v as AnyFn).bind(st) : v;
            },
          });
        };
      const v = Reflect.get(t, p, t) as unknown;
      return typeof v === "function" ? (v as AnyFn).bind(t) : v;
    },
  }) as Driver;
  const lib = new Neo4jGraphQL({ typeDefs: ANCHOR_TYPE_DEFS, driver: proxy });
  await lib.checkNeo4jCompat();
  const schema = await lib.getSchema();
  const req = op.anchor(fx, 0);
  // Once to get past the library's first-request version check, then the one that counts.
  await graphql({ schema, source: req.query, variableValues: req.variables, contextValue: {} });
  captured.length = 0;
  const r = await graphql({
    schema,
    source: req.query,
    variableValues: req.variables,
    contextValue: {},
  });
  if (r.errors) throw new Error(`anchor ${opId}: ${JSON.stringify(r.errors)}`);
  return captured;
}

function captureFloor(fx: Fixtures, opId: string): Captured[] {
  const op = OPERATIONS.find((o) => o.id === opId);
  const q = FLOOR[opId];
  if (!op || !q) return [];
  return [{ cypher: q.cypher, params: q.params(op.floor(fx, 0)) }];
}

const stripVersion = (c: string) => c.replace(/^\s*CYPHER\s+5\s*\n/, "");

function planText(p: ProfiledPlan, depth = 0): string[] {
  const args = p.arguments as Record<string, unknown>;
  const details = typeof args.Details === "string" ? ` ${args.Details.slice(0, 160)}` : "";
  const line = `${"  ".repeat(depth)}${p.operatorType} rows=${p.rows} dbHits=${p.dbHits}${details}`;
  return [line, ...p.children.flatMap((c) => planText(c, depth + 1))];
}

async function profileQuery(db: Db, q: Captured) {
  const session = db.driver.session({ database: db.database, defaultAccessMode: "READ" });
  try {
    const res = await session.executeRead((tx) =>
      tx.run(`PROFILE ${stripVersion(q.cypher)}`, q.params),
    );
    const plan = res.summary.profile as ProfiledPlan | false;
    // Timed alone: the same query through the driver, as the servers send it.
    const times: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      const t0 = performance.now();
      await session.executeRead((tx) => tx.run(q.cypher, q.params));
      if (i >= 5) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return {
      dbHits: plan ? dbHitsOf(plan) : 0,
      rows: plan ? plan.rows : 0,
      plan: plan ? planText(plan) : [],
      medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    };
  } finally {
    await session.close();
  }
}

export async function plans(db: Db, fx: Fixtures) {
  const out: string[] = [
    `# Cypher plans at ${fx.size.toLocaleString("en")} entities`,
    "",
    "Every read operation's Cypher as each server sends it, PROFILEd once (db hits summed over the plan) and timed alone through the driver (median of 20 runs after 5 warm-up, in a read transaction like the servers). 'Σ ms' is the sum over the operation's round trips: the database's share of a request; the rest of a server's latency is its own work.",
    "",
    "| operation | server | round trips | Σ db hits | Σ ms (queries alone) |",
    "| --- | --- | ---: | ---: | ---: |",
  ];
  const detail: string[] = [];
  const summary: Record<string, unknown>[] = [];
  for (const op of OPERATIONS.filter((o) => !o.write)) {
    const sets: [string, Captured[]][] = [
      ["ours", await captureOurs(db, fx, op.id)],
      ["floor", captureFloor(fx, op.id)],
      ["anchor", await captureAnchor(db.driver, fx, op.id)],
    ];
    for (const [server, queries] of sets) {
      if (queries.length === 0) continue;
      let hits = 0;
      let ms = 0;
      detail.push(`## ${op.id} / ${server}`, "");
      for (const [i, q] of queries.entries()) {
        const p = await profileQuery(db, q);
        hits += p.dbHits;
        ms += p.medianMs;
        detail.push(
          `### query ${i + 1} of ${queries.length}: ${p.dbHits} db hits, ${p.rows} rows, ${p.medianMs.toFixed(2)} ms alone`,
          "",
          "```cypher",
          q.cypher.trim(),
          "```",
          "",
          `params: \`${JSON.stringify(q.params).slice(0, 400)}\``,
          "",
          "```",
          ...p.plan,
          "```",
          "",
        );
      }
      out.push(`| ${op.id} | ${server} | ${queries.length} | ${hits} | ${ms.toFixed(2)} |`);
      summary.push({ op: op.id, server, roundTrips: queries.length, dbHits: hits, ms });
      log(`${op.id} ${server}: ${queries.length} queries, ${hits} db hits, ${ms.toFixed(2)} ms`);
    }
  }
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `plans-${fx.size}.md`);
  writeFileSync(file, `${[...out, "", ...detail].join("\n")}\n`);
  writeFileSync(join(outDir, `plans-${fx.size}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  formatJson(join(outDir, `plans-${fx.size}.json`));
  log(`wrote ${file}`);
}

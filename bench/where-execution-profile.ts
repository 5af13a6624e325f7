/**
 * `npx tsx bench/where-execution-profile.ts --bolt-port P --password-file F [--runs N]`: for each
 * shape and order of where-execution-shapes.ts, the statement this tree's app sends (captured in
 * process), then over Bolt: once unmeasured (planned), PROFILE's total db hits, and the median of
 * N runs' resultAvailableAfter + resultConsumedAfter (Neo4j's own time, no HTTP). Run from each
 * tree (`npx tsx /path/to/tree/bench/...` needs this file in that tree) to compare statements.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type Captured, capturingApp } from "./where-common.js";
import { query, SHAPES } from "./where-execution-shapes.js";

const { values } = parseArgs({
  options: {
    "bolt-port": { type: "string", default: "7805" },
    "password-file": { type: "string" },
    runs: { type: "string", default: "20" },
    print: { type: "boolean", default: false },
  },
});
const password = readFileSync(values["password-file"] ?? "", "utf8").trim();
let captured: Captured[] = [];
const { db, app } = capturingApp(values["bolt-port"], password, () => captured);
interface P {
  dbHits?: { toNumber(): number } | number;
  children?: P[];
}
const hits = (p: P): number =>
  (typeof p.dbHits === "number" ? p.dbHits : (p.dbHits?.toNumber() ?? 0)) +
  (p.children ?? []).reduce((a, c) => a + hits(c), 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const [name, s] of Object.entries(SHAPES)) {
  for (const order of [null, s.other]) {
    captured = [];
    const r = await app.fetch("http://x/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: query(s, order) }),
    });
    await r.text();
    const sent = captured[0];
    if (!sent) throw new Error(`${name}: no statement sent`);
    const { cypher, params } = sent;
    const prof = await db.driver.executeQuery(`PROFILE ${cypher}`, params);
    const dbHits = hits(prof.summary.profile as unknown as P);
    const ms: number[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const res = await db.driver.executeQuery(cypher, params);
      ms.push(
        res.summary.resultAvailableAfter.toNumber() + res.summary.resultConsumedAfter.toNumber(),
      );
    }
    console.log(
      JSON.stringify({
        name,
        order: order ?? "NAME",
        dbHits,
        median: median(ms),
        queries: captured.length,
      }),
    );
    if (values.print) console.log(cypher);
  }
}
await db.driver.close();

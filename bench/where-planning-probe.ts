/**
 * `npx tsx bench/where-planning-probe.ts --bolt-port P [--shape NAME]`: for each shape of
 * where-planning.ts, the statement the app in this process sends (captured), and Neo4j's planning
 * time for it: EXPLAIN's resultAvailableAfter right after db.clearQueryCaches(), median of 3.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "./neo4j.js";
import { type Captured, capturingApp } from "./where-common.js";
import { SHAPES } from "./where-planning-shapes.js";

const { values } = parseArgs({
  options: {
    "bolt-port": { type: "string", default: "7805" },
    shape: { type: "string" },
    print: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
  },
});
const password = readFileSync(join(PROJECT_ROOT, ".neo4j/instances/dev/password"), "utf8").trim();
let captured: Captured[] = [];
const { db, app } = capturingApp(values["bolt-port"], password, () => captured);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const [name, s] of Object.entries(SHAPES)) {
  if (values.shape && values.shape !== name) continue;
  captured = [];
  const q = `{ ${s.field}(where: ${s.where}, first: 10) { totalCount edges { node { key name } } } }`;
  const r = await app.fetch("http://x/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: q }),
  });
  await r.text();
  const sent = captured[0];
  if (!sent) throw new Error(`${name}: no statement sent`);
  const { cypher, params } = sent;
  const ms: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    await db.driver.executeQuery("CALL db.clearQueryCaches()");
    const res = await db.driver.executeQuery(`EXPLAIN ${cypher}`, params);
    ms.push(res.summary.resultAvailableAfter.toNumber());
  }
  const exists = (cypher.match(/EXISTS \{/g) ?? []).length;
  const counts = (cypher.match(/COUNT \{/g) ?? []).length;
  console.log(
    `${name.padEnd(16)} plan ${String(median(ms)).padStart(5)} ms  [${ms.join(",")}]  chars ${cypher.length}  EXISTS ${exists}  COUNT ${counts}  queries ${captured.length}`,
  );
  if (values.print) console.log(cypher, JSON.stringify(params));
}
await db.driver.close();

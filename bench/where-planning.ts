/**
 * `npx tsx bench/where-planning.ts --bolt-port P [--password-file F] [--rounds N] [--cypher]
 * NAME=URL...`: what a list query's `where` of a new shape costs the first time, against servers
 * as `npm start` runs them (each NAME=URL a server's /graphql, all over the one Neo4j at P).
 * For each round and each shape, for each server in turn (the order alternates by round): Neo4j's
 * query caches are cleared (`db.clearQueryCaches()`), then the query is sent twice; ms of the first
 * and second answer. `--cypher` also prints, per shape, the statement the first server's code
 * compiles (in this process, by src/cypher) and Neo4j's planning time for it (EXPLAIN's
 * resultAvailableAfter after a cache clear), its size and its EXISTS subqueries.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { PROJECT_ROOT } from "./neo4j.js";
import { post } from "./where-common.js";
import { SHAPES } from "./where-planning-shapes.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "bolt-port": { type: "string", default: "7805" },
    "password-file": {
      type: "string",
      default: join(PROJECT_ROOT, ".neo4j", "instances", "dev", "password"),
    },
    rounds: { type: "string", default: "3" },
    only: { type: "string" },
    // Leave Neo4j's query caches as they are: what a client meets right after a start.
    "no-clear": { type: "boolean", default: false },
  },
});

const query = (s: { field: string; where: string }) =>
  `{ ${s.field}(where: ${s.where}, first: 10) { totalCount edges { node { key name } } } }`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (i: number) => s[i] ?? Number.NaN;
  return s.length % 2 ? at((s.length - 1) / 2) : (at(s.length / 2 - 1) + at(s.length / 2)) / 2;
};

async function main() {
  const servers = positionals.map((p) => {
    const at = p.indexOf("=");
    return { name: p.slice(0, at), url: p.slice(at + 1) };
  });
  if (servers.length === 0) throw new Error("give NAME=URL for at least one server");
  const password = readFileSync(values["password-file"], "utf8").trim();
  const driver = neo4j.driver(
    `bolt://127.0.0.1:${values["bolt-port"]}`,
    neo4j.auth.basic("neo4j", password),
  );
  // Neo4j's own CPU time (utime + stime, in ms) around the first answer: planning is CPU work,
  // and this does not count the time spent waiting for a core on a busy machine.
  const pid = readFileSync(join(values["password-file"], "..", "neo4j.pid"), "utf8").trim();
  const neo4jCpu = () => {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  const cpu = new Map<string, number[]>();
  const clear = () => driver.executeQuery("CALL db.clearQueryCaches()");
  const shapes = Object.entries(SHAPES).filter(([n]) => !values.only || n === values.only);
  const rounds = Number(values.rounds);
  // ms[server][shape] = [first..], [second..]
  const first = new Map<string, number[]>();
  const second = new Map<string, number[]>();
  const answers = new Map<string, string>();
  const loads: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [name, shape] of shapes) {
      const order = r % 2 === 0 ? servers : [...servers].reverse();
      for (const s of order) {
        if (!values["no-clear"]) await clear();
        loads.push(loadavg()[0] ?? 0);
        const c0 = neo4jCpu();
        const a = await post(s.url, query(shape));
        const c1 = neo4jCpu();
        const b = await post(s.url, query(shape));
        const k = `${s.name}\t${name}`;
        first.set(k, [...(first.get(k) ?? []), a.ms]);
        cpu.set(k, [...(cpu.get(k) ?? []), c1 - c0]);
        second.set(k, [...(second.get(k) ?? []), b.ms]);
        // The same answer from every server and both times (the data, without extensions).
        const data = JSON.stringify(JSON.parse(a.body).data);
        if (JSON.stringify(JSON.parse(b.body).data) !== data)
          throw new Error(`${k}: answers differ`);
        const seen = answers.get(name);
        if (seen !== undefined && seen !== data)
          throw new Error(`${name}: servers answer differently`);
        answers.set(name, data);
      }
    }
  }
  await driver.close();
  console.log(
    `${new Date().toISOString()} rounds=${rounds} load1 min/median/max ${Math.min(...loads).toFixed(2)}/${median(loads).toFixed(2)}/${Math.max(...loads).toFixed(2)}`,
  );
  console.log(
    `| shape | ${servers.map((s) => `${s.name}: first, ms | Neo4j CPU in it, ms | second, ms`).join(" | ")} |`,
  );
  console.log(`| --- | ${servers.map(() => "---: | ---: | ---:").join(" | ")} |`);
  const totals = servers.map(() => [0, 0, 0]);
  for (const [name] of shapes) {
    const cells = servers.map((s, i) => {
      const f = median(first.get(`${s.name}\t${name}`) ?? []);
      const g = median(second.get(`${s.name}\t${name}`) ?? []);
      const c = median(cpu.get(`${s.name}\t${name}`) ?? []);
      const total = totals[i] as number[];
      total[0] = (total[0] ?? 0) + f;
      total[1] = (total[1] ?? 0) + c;
      total[2] = (total[2] ?? 0) + g;
      return `${f.toFixed(0)} | ${c.toFixed(0)} | ${g.toFixed(0)}`;
    });
    console.log(`| ${name} | ${cells.join(" | ")} |`);
  }
  console.log(
    `| **sum of medians** | ${totals.map(([f = 0, c = 0, g = 0]) => `${f.toFixed(0)} | ${c.toFixed(0)} | ${g.toFixed(0)}`).join(" | ")} |`,
  );
}

await main();

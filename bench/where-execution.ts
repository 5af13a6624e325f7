/**
 * `npx tsx bench/where-execution.ts [--repeats N] [--only SHAPE] NAME=URL...`: what a counted,
 * filtered list costs once its shape is planned (the second and later answers), on a large graph
 * (`npm run generate -- --entities 100000 --bulk`), against servers as `npm start` runs them (each
 * NAME=URL a server's /graphql, all over the one Neo4j). Per shape and order: two answers from
 * each server unmeasured (planning, warming), then N repeats, the servers' order alternating each
 * repeat; median and p90 ms per server, the ratio of the last server's median to the first's, and
 * the load average (1 min) during the shape. Every answer must be the same from every server.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { post } from "./where-common.js";
import { query, SHAPES } from "./where-execution-shapes.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    repeats: { type: "string", default: "20" },
    only: { type: "string" },
  },
});

/** One answer: its time (ms) and its data, to compare across servers. */
async function answer(url: string, q: string): Promise<{ ms: number; data: string }> {
  const { ms, body } = await post(url, q);
  return { ms, data: JSON.stringify(JSON.parse(body).data) };
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (s[lo] ?? Number.NaN) + ((s[hi] ?? Number.NaN) - (s[lo] ?? Number.NaN)) * (i - lo);
};

async function main() {
  const servers = positionals.map((p) => {
    const at = p.indexOf("=");
    return { name: p.slice(0, at), url: p.slice(at + 1) };
  });
  if (servers.length === 0) throw new Error("give NAME=URL for at least one server");
  const repeats = Number(values.repeats);
  console.log(`${new Date().toISOString()} repeats=${repeats}`);
  console.log(
    `| shape | order | total | ${servers.map((s) => `${s.name} median ms | ${s.name} p90 ms`).join(" | ")} | ratio of medians | load1 |`,
  );
  console.log(
    `| --- | --- | ---: | ${servers.map(() => "---: | ---:").join(" | ")} | ---: | ---: |`,
  );
  for (const [name, shape] of Object.entries(SHAPES)) {
    if (values.only && values.only !== name) continue;
    for (const order of [null, shape.other]) {
      const q = query(shape, order);
      let seen: string | undefined;
      const check = (data: string) => {
        if (seen !== undefined && seen !== data) throw new Error(`${name}: answers differ`);
        seen = data;
      };
      for (const s of servers) for (let i = 0; i < 2; i++) check((await answer(s.url, q)).data);
      const ms = new Map<string, number[]>(servers.map((s) => [s.name, []]));
      const loads: number[] = [];
      for (let r = 0; r < repeats; r++) {
        for (const s of r % 2 === 0 ? servers : [...servers].reverse()) {
          loads.push(loadavg()[0] ?? 0);
          const a = await answer(s.url, q);
          check(a.data);
          ms.get(s.name)?.push(a.ms);
        }
      }
      const total = JSON.parse(seen ?? "{}")[shape.field]?.totalCount;
      const medians = servers.map((s) => quantile(ms.get(s.name) ?? [], 0.5));
      const cells = servers.map(
        (s, i) => `${medians[i]?.toFixed(0)} | ${quantile(ms.get(s.name) ?? [], 0.9).toFixed(0)}`,
      );
      const ratio = (medians[medians.length - 1] ?? 0) / (medians[0] ?? 1);
      console.log(
        `| ${name} | ${order ?? "NAME (default)"} | ${total} | ${cells.join(" | ")} | ${ratio.toFixed(2)}x | ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} |`,
      );
    }
  }
}

await main();

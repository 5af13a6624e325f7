/**
 * `npx tsx bench/profile.ts overhead`: each server's cost per request without any Cypher.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateToken } from "../../src/auth/tokens.js";
import { concurrency1, concurrencyN } from "../load.js";
import { startServer } from "../servers/spawn.js";
import { args, log, outDir, writerTokens } from "./common.js";

/**
 * What each server costs without any Cypher: ours and the anchor answer `{ __typename }` (parse,
 * validate, plugins, execute, serialise, log), the floor a POST it answers without a query.
 */
export async function overhead(target: {
  uri: string;
  user: string;
  password: string;
  database: string;
}) {
  const seconds = Number(args.seconds ?? 3);
  const rows: string[] = [
    "# Per-request cost without Cypher",
    "",
    `Each server answers a request that sends no Cypher (ours and the anchor: \`{ __typename }\` through the whole GraphQL stack; the floor: a POST answered without a query), concurrency 1 for ${seconds} s then concurrency 16 for ${seconds} s, one server at a time.`,
    "",
    "| server | p50 c1 ms | p99 c1 ms | req/s c16 | p50 c16 ms |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  const { sha256 } = generateToken();
  for (const [i, name] of (["ours", "floor", "anchor"] as const).entries()) {
    const s = await startServer(name, 4180 + i, target, {
      env: { API_TOKENS: writerTokens(sha256) },
    });
    try {
      const body = JSON.stringify({ query: "{ __typename }", variables: {} });
      const t = {
        port: s.port,
        path: name === "floor" ? "/floor/noop" : "/graphql",
        headers: {},
        body: () => body,
        ok: (b: string) => !b.includes('"errors"'),
      };
      await concurrencyN(t, 1, 16, { next: 0 });
      const c1 = await concurrency1(t, seconds, 30, { next: 0 });
      const c16 = await concurrencyN(t, seconds, 16, { next: 0 });
      rows.push(
        `| ${name} | ${c1.p50.toFixed(2)} | ${c1.p99.toFixed(2)} | ${Math.round(c16.rps)} | ${c16.p50.toFixed(2)} |`,
      );
      log(`${name}: c1 p50 ${c1.p50.toFixed(2)} ms, c16 ${Math.round(c16.rps)} req/s`);
    } finally {
      await s.stop();
    }
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "overhead.md"), `${rows.join("\n")}\n`);
}

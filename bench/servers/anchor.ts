/**
 * "The anchor": the Neo4j GraphQL Library (@neo4j/graphql v7) with type definitions for the same
 * graph (anchor/typedefs.ts), served by graphql-yoga on node:http, through the same driver
 * settings as the API (createDb). checkNeo4jCompat() runs once at start: it checks the version
 * and that APOC is there, and caches the database info (without it the library asks Neo4j for
 * its version on every request, a second round trip). The driver is wrapped to count every
 * Cypher query it runs: GET /bench/stats.
 */
import { createServer } from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import type { Driver } from "neo4j-driver";
import { createDb } from "../../src/db/driver.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { ANCHOR_TYPE_DEFS } from "../anchor/typedefs.js";
import { serverEnv } from "./env.js";

const env = serverEnv();
const db = createDb(env.target, { txTimeoutMs: DEFAULT_LIMITS.queryTimeoutMs });
let queries = 0;

type AnyFn = (...args: unknown[]) => unknown;
function counting<T extends object>(target: T, wrap: Record<string, (fn: AnyFn) => AnyFn>): T {
  return new Proxy(target, {
    get(t, prop, _receiver) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (typeof value !== "function") return value;
      const bound = (value as AnyFn).bind(t);
      const w = typeof prop === "string" ? wrap[prop] : undefined;
      return w ? w(bound) : bound;
    },
  });
}
const countRun =
  (run: AnyFn): AnyFn =>
  (...a) => {
    queries += 1;
    return run(...a);
  };
const wrapTx = (tx: object) => counting(tx, { run: countRun });
const withTx =
  (exec: AnyFn): AnyFn =>
  (work, config) =>
    exec((tx: object) => (work as AnyFn)(wrapTx(tx)), config);
const driver = counting(db.driver, {
  session:
    (open) =>
    (...a) =>
      counting(open(...a) as object, { run: countRun, executeRead: withTx, executeWrite: withTx }),
  executeQuery: countRun,
}) as Driver;

const neoSchema = new Neo4jGraphQL({ typeDefs: ANCHOR_TYPE_DEFS, driver });
// Before getSchema(): the resolvers capture the database info when the schema is built.
await neoSchema.checkNeo4jCompat();
const schema = await neoSchema.getSchema();
queries = 0;

const yoga = createYoga({
  schema,
  graphqlEndpoint: "/graphql",
  landingPage: false,
  graphiql: false,
  logging: false,
});
const server = createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0];
  if (path === "/health" || path === "/bench/stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(path === "/health" ? { status: "ok" } : { queries }));
    return;
  }
  void yoga(req, res);
});
server.listen(env.port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void db.driver.close().then(() => process.exit(0)));
});

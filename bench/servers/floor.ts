/**
 * "The floor": a bare node:http server; POST /floor/<operation> with {"variables": {...}}
 * runs that operation's one hand-written Cypher query (floor/queries.ts), a read as an
 * auto-commit statement and a write in one managed transaction, as the API does, through the same driver settings as the API (createDb), and answers
 * {"data": ...} in the API's JSON shape. GET /bench/stats counts the Cypher queries sent.
 */
import { createServer } from "node:http";
import { createDb } from "../../src/db/driver.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { FLOOR, runFloor, runFloorAutoCommit } from "../floor/queries.js";
import { serverEnv } from "./env.js";

const env = serverEnv();
const db = createDb(env.target, { txTimeoutMs: DEFAULT_LIMITS.queryTimeoutMs });
let queries = 0;

const server = createServer((req, res) => {
  const send = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/health") return send(200, { status: "ok" });
  if (path === "/bench/stats") return send(200, { queries });
  // No Cypher at all: what the bare HTTP layer costs (bench/profile.ts overhead).
  if (path === "/floor/noop" && req.method === "POST") {
    req.resume();
    req.on("end", () => send(200, { data: { __typename: "Query" } }));
    return;
  }
  const q = path.startsWith("/floor/") ? FLOOR[path.slice("/floor/".length)] : undefined;
  if (req.method !== "POST" || !q) return send(404, { errors: [{ message: "not found" }] });
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const vars = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { variables?: object })
      .variables as Record<string, unknown>;
    const session = db.driver.session({ database: db.database, defaultAccessMode: q.mode });
    const work = (tx: Parameters<typeof runFloor>[0]) => {
      queries += 1;
      return runFloor(tx, q, vars ?? {});
    };
    const config = { timeout: DEFAULT_LIMITS.queryTimeoutMs };
    // As the API does: a read is one auto-commit statement (no COMMIT round trip), a write a
    // managed transaction.
    (q.mode === "READ"
      ? runFloorAutoCommit(session, q, vars ?? {}, config).then((rows) => {
          queries += 1;
          return rows;
        })
      : session.executeWrite(work, config)
    )
      .then((rows) => send(200, { data: q.shape(rows, vars ?? {}) }))
      .catch((error: unknown) =>
        send(200, {
          errors: [{ message: error instanceof Error ? error.message : String(error) }],
        }),
      )
      .finally(() => void session.close());
  });
});
server.listen(env.port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void db.driver.close().then(() => process.exit(0)));
});

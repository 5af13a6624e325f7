/**
 * "Ours": the API as shipped (src/main.ts without the local-Neo4j start-up): createApp with
 * DEFAULT_LIMITS and every plugin, behind createHttp, one driver from createDb, the shipped
 * logger (one JSON line per request; the harness sends stdout to /dev/null). Run as its own
 * process (`node --import tsx bench/servers/ours.ts`, as the Dockerfile runs the API) so its
 * resident memory is its own.
 */
import { loadTokenEntries } from "../../src/auth/tokens.js";
import { createDb } from "../../src/db/driver.js";
import { createHttp } from "../../src/http.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { logger } from "../../src/logger.js";
import { createApp } from "../../src/server.js";
import { serverEnv } from "./env.js";

const env = serverEnv();
const db = createDb(env.target, { txTimeoutMs: DEFAULT_LIMITS.queryTimeoutMs });
const tokens = loadTokenEntries({ API_TOKENS: process.env.API_TOKENS });
const app = createApp({ db, logger, tokens, limits: DEFAULT_LIMITS });
const server = createHttp({ app, db, logger, maxBodyBytes: DEFAULT_LIMITS.maxBodyBytes });
server.listen(env.port, "127.0.0.1");
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void db.driver.close().then(() => process.exit(0)));
});

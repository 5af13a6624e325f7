/** A real HTTP server around the app, on a free loopback port, for tests that need the network. */
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import type { Db } from "../../src/db/driver.js";
import { createHttp } from "../../src/http.js";
import type { Logger } from "../../src/logger.js";
import { type App, createApp } from "../../src/server.js";
import type { ClientOptions } from "./client.js";

/** createHttp around `app`, listening on a free loopback port. */
export async function listenOnLoopback(app: App, db: Db, logger: Logger, maxBodyBytes: number) {
  const server = createHttp({ app, db, logger, maxBodyBytes });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function startServer(
  db: Db,
  options: ClientOptions & { logger?: Logger; maxBodyBytes?: number } = {},
) {
  const logger = options.logger ?? pino({ level: "silent" });
  const app = createApp({ db, logger, ...options });
  const { server, url } = await listenOnLoopback(
    app,
    db,
    logger,
    options.maxBodyBytes ?? 2_000_000,
  );
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** One JSON line of the logs. */
export interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  err?: { message: string };
  [field: string]: unknown;
}

/** A logger (level info) whose lines a test reads back, parsed. */
export function captureLogs() {
  let text = "";
  const logger = pino(
    { level: "info" },
    new Writable({
      write(chunk, _e, done) {
        text += chunk.toString();
        done();
      },
    }),
  );
  return {
    logger,
    /** Every line logged since the start or the last clear. */
    lines: (): LogLine[] =>
      text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
    clear() {
      text = "";
    },
  };
}

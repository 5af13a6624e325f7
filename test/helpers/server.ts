/** A real HTTP server around the app, on a free loopback port, for tests that need the network. */
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import type { Db } from "../../src/db/driver.js";
import { createHttp } from "../../src/http.js";
import type { Logger } from "../../src/logger.js";
import { createApp } from "../../src/server.js";
import type { ClientOptions } from "./client.js";

export async function startServer(
  db: Db,
  options: ClientOptions & { logger?: Logger; maxBodyBytes?: number } = {},
) {
  const logger = options.logger ?? pino({ level: "silent" });
  const app = createApp({ db, logger, ...options });
  const server = createHttp({ app, db, logger, maxBodyBytes: options.maxBodyBytes ?? 2_000_000 });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

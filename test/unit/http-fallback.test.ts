/**
 * An error thrown outside yoga's own error handling (here: an onRequest hook, which the server
 * adapter runs before yoga's handler, as it builds the fetch Request before either) reaches the
 * client as masked, coded JSON with the request id, and the log at error level: @whatwg-node's
 * fallback answered it 500 with the error's stack trace as a text/plain body, and logged nothing.
 * No Neo4j: the app is a yoga with a one-field schema, behind the server's real HTTP layer.
 */
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createSchema, createYoga } from "graphql-yoga";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/driver.js";
import { createHttp } from "../../src/http.js";
import type { Logger } from "../../src/logger.js";
import type { App } from "../../src/server.js";

const lines: { level: number; msg: string; reqId?: string; err?: { message?: string } }[] = [];
const logger = pino(
  { level: "debug", base: undefined },
  new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  }),
) as unknown as Logger;

const app = createYoga({
  schema: createSchema({ typeDefs: "type Query { ok: Boolean }", resolvers: {} }),
  plugins: [
    {
      onRequest({ request }) {
        if (request.headers.get("x-fail") !== null)
          throw new TypeError("hook failed at /srv/app/node_modules/some/file.js:1:2");
      },
    },
  ],
}) as unknown as App;

const server = createHttp({ app, db: {} as Db, logger, maxBodyBytes: 1_000_000 });
let url = "";
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe("an error thrown before yoga's error handling", () => {
  it("is answered 500 INTERNAL_SERVER_ERROR as JSON with the request id, no stack, and logged", async () => {
    const r = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-fail": "1",
        "x-request-id": "fallback-1",
        origin: "https://page.example",
      },
      body: JSON.stringify({ query: "{ ok }" }),
    });
    const text = await r.text();
    expect(r.status).toBe(500);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    // A page on another origin reads the failure (and its id) instead of a network error.
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(text).not.toMatch(/TypeError|node_modules|hook failed|\n\s+at /);
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: "Unexpected error.",
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "fallback-1" },
        },
      ],
    });
    const logged = lines.find((l) => l.level === 50 && l.reqId === "fallback-1");
    expect(logged?.err?.message).toMatch(/hook failed/);
  });

  it("leaves every other request to the app", async () => {
    const r = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ ok }" }),
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ data: { ok: null } });
  });
});

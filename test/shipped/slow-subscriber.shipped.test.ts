/**
 * A subscriber that stops reading (a paused socket on a graphChanged event stream) while the
 * graph keeps changing. By reasoning (src/http.ts, slowReaders), once its socket buffers are full
 * the events wait in the server's memory, and the connection is closed STALL_MS (10 s) after they
 * stop moving: here that is shown on the server as `npm start` runs it, as a client notices it.
 * The stream slot comes back (MAX_SUBSCRIPTIONS is 1, so a second subscriber is refused until
 * then) and the server's resident memory stays bounded, however many events it was sent.
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeByPrefix, testDb } from "../helpers/client.js";
import { post, type ShippedServer, startShipped } from "../helpers/shipped.js";

const db = testDb();
const P = "slowsub-";
let server: ShippedServer;
beforeAll(async () => {
  await removeByPrefix(db, P);
  // Ingests of thousands of entities on a busy machine: a generous budget.
  server = await startShipped({
    env: { MAX_SUBSCRIPTIONS: "1", REQUEST_TIMEOUT_MS: "60000", QUERY_TIMEOUT_MS: "50000" },
  });
});
afterAll(async () => {
  await server?.stop();
  await removeByPrefix(db, P);
  await db.driver.close();
});

const SUBSCRIBE = JSON.stringify({
  query: "subscription { graphChanged { operation entities relations } }",
});

/** A subscription over a raw socket that reads the response's first bytes, then no more. */
function pausedSubscriber(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once("error", fail);
    socket.once("data", (chunk) => {
      expect(chunk.toString("latin1")).toMatch(/^HTTP\/1\.1 200/);
      socket.pause();
      done(socket);
    });
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
        `Accept: text/event-stream\r\nContent-Length: ${Buffer.byteLength(SUBSCRIBE)}\r\n\r\n${SUBSCRIBE}`,
    );
  });
}

/** Whether a second subscriber gets its stream (200) rather than 503 OVERLOADED. */
async function streamSlotFree(): Promise<boolean> {
  const controller = new AbortController();
  const r = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: SUBSCRIBE,
    signal: controller.signal,
  });
  controller.abort();
  if (r.status === 503) expect(r.headers.get("content-type")).toMatch(/json/);
  return r.status === 200;
}

/**
 * One source stating 4,000 places, each round with another description: every ingest changes
 * them all, and its event lists every key (about 450 kB).
 */
function documentFor(round: number) {
  const entities = Array.from({ length: 4_000 }, (_, i) => ({
    key: `${P}place-${i}-with-a-key-long-enough-that-each-event-listing-four-thousand-of-them-is-large`,
    kind: "Place",
    name: `Slow Reader Place ${i}`,
    description: `Round ${round}.`,
  }));
  return {
    source: { key: `${P}source`, name: "Slow reader", properties: { text: "None." } },
    entities,
    relations: [],
  };
}

describe("a subscriber that stops reading", () => {
  it("is closed once its events stop moving: the stream slot comes back and memory stays bounded", async () => {
    const socket = await pausedSubscriber(server.url);
    try {
      // Its stream holds the only slot.
      expect(await streamSlotFree()).toBe(false);
      const before = server.rssKb();
      let peak = before;
      let freed = false;
      // The socket's buffers take a few MB, then events wait in the server until the
      // connection is closed, STALL_MS after they stopped moving.
      for (let round = 0; round < 40 && !freed; round++) {
        const r = await post(
          server,
          {
            query:
              "mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename ... on ValidationError { message } } }",
            variables: { d: documentFor(round) },
          },
          { authorization: server.authorization },
        );
        expect(r.body.data?.ingestDocument?.__typename, JSON.stringify(r.body.errors)).toBe(
          "IngestDocumentSuccess",
        );
        peak = Math.max(peak, server.rssKb());
        freed = await streamSlotFree();
      }
      expect(freed).toBe(true);
      // Tens of MB at most (the waiting answers' budget is 64 MB), not every event sent.
      expect(peak - before).toBeLessThan(150_000);
      expect(server.alive()).toBe(true);
    } finally {
      socket.destroy();
    }
  }, 240_000);
});

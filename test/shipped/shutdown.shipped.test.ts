/**
 * SIGTERM to the server as `npm start` runs it, with clients connected: what they are told.
 */
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { cypher, removeByPrefix, testDb } from "../helpers/client.js";
import { errorLines, type ShippedServer, startShipped } from "../helpers/shipped.js";

/** Resolves once the server's output matches `pattern`. */
async function logged(server: ShippedServer, pattern: RegExp): Promise<void> {
  while (!pattern.test(server.output())) await new Promise((r) => setTimeout(r, 50));
}

describe("SIGTERM with a live-update stream open", () => {
  it("ends the stream as a stream ends (event: complete), and the server exits 0", async () => {
    // The server drained its requests, but an open graphChanged stream held the drain until the
    // server cut every connection 10 s later: the subscriber met a socket torn down (a network
    // error), and a supervisor with a 10 s grace (Docker's) would have killed the server first.
    const server = await startShipped();
    try {
      const res = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query: "subscription { graphChanged { operation entities } }" }),
      });
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = "";
      // Its first bytes (a ping) say it is open.
      const first = await reader.read();
      text += decoder.decode(first.value, { stream: true });
      expect(text).toBe(":\n\n");

      server.child.kill("SIGTERM");
      // The rest of the stream, read to its end: an error here is the connection cut.
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      expect(text).toMatch(/event: complete/);
      expect(await server.stop()).toBe("0");
      expect(server.output()).toContain("Stopped.");
      expect(errorLines(server)).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 120_000);
});

describe("SIGTERM with a write in flight", () => {
  it("answers it whole, commits it, closes its connection after the answer, and exits 0", async () => {
    // Node's close left a keep-alive connection answered after SIGTERM open until its keep-alive
    // timeout, serving what its client sent next; a client that kept sending was cut by the
    // force 10 s later, mid-request, not knowing whether its write committed.
    const prefix = "shipped-shutdown-";
    const db = testDb();
    await removeByPrefix(db, prefix);
    const server = await startShipped();
    try {
      const body = JSON.stringify({
        query: "mutation ($i: CreateEntityInput!) { createEntity(input: $i) { __typename } }",
        variables: { i: { key: `${prefix}late`, kind: "Place", name: "Late place" } },
      });
      const { hostname, port } = new URL(server.url);
      const socket = connect(Number(port), hostname);
      let read = "";
      socket.on("data", (chunk) => {
        read += chunk.toString("utf8");
      });
      const closed = new Promise<void>((done) => socket.on("close", () => done()));
      // The request is in (100 Continue says its headers were read) before the SIGTERM is.
      socket.write(
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
          `Authorization: ${server.authorization}\r\nConnection: keep-alive\r\n` +
          `Expect: 100-continue\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      );
      while (!read.includes("100 Continue")) await new Promise((r) => setTimeout(r, 20));
      server.child.kill("SIGTERM");
      await logged(server, /SIGTERM: draining/);
      socket.write(body);
      await closed;
      expect(read).toMatch(/HTTP\/1\.1 200 /);
      expect(read).toContain('"createEntity":{"__typename":"CreateEntitySuccess"}');
      expect(read).toMatch(/\r\nConnection: close\r\n/i);
      expect(await server.stop()).toBe("0");
      expect(errorLines(server)).toEqual([]);
      const rows = await cypher(db, "MATCH (e:Entity {key: $k}) RETURN e.name AS name", {
        k: `${prefix}late`,
      });
      expect(rows).toEqual([{ name: "Late place" }]);
    } finally {
      await server.stop();
      await removeByPrefix(db, prefix);
      await db.driver.close();
    }
  }, 120_000);
});

describe("SIGTERM to npm, as a supervisor that runs `npm start` sends it", () => {
  it("reaches the server, which drains and exits; nothing is left answering", async () => {
    // The start script ran node under a shell: a SIGTERM to npm's process ended npm and the
    // shell, and left the server running, holding its port (and a local Neo4j) with no parent.
    const server = await startShipped({ viaNpm: true });
    try {
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      server.child.kill("SIGTERM");
      await logged(server, /Stopped\./);
      await new Promise((r) => setTimeout(r, 500));
      const after = await fetch(`${server.url}/ready`).then(
        (r) => r.status,
        () => "refused",
      );
      expect(after).toBe("refused");
    } finally {
      await server.stop();
    }
  }, 120_000);
});

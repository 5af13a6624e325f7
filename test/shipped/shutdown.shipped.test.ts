/**
 * SIGTERM to the server as `npm start` runs it, with clients connected: what they are told.
 */
import { describe, expect, it } from "vitest";
import { errorLines, startShipped } from "../helpers/shipped.js";

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

/**
 * One client's share of the subscription streams (MAX_SUBSCRIPTIONS_PER_CLIENT), on the server
 * as `npm start` runs it. Before it, one client could hold every MAX_SUBSCRIPTIONS stream: by
 * opening them, or by leaving streams that vanished without a FIN (their slots held until TCP
 * gives up on them, about 15 minutes), and every other client's subscription was refused 503.
 * Who the client is comes from the connection, or from X-Forwarded-For when TRUST_PROXY names
 * the proxy that sent it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ShippedServer, startShipped } from "../helpers/shipped.js";

let direct: ShippedServer;
let proxied: ShippedServer;
beforeAll(async () => {
  const limits = { MAX_SUBSCRIPTIONS: "4", MAX_SUBSCRIPTIONS_PER_CLIENT: "2" };
  [direct, proxied] = await Promise.all([
    startShipped({ env: limits }),
    startShipped({ env: { ...limits, TRUST_PROXY: "loopback" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

const open: AbortController[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.abort();
});

const SUBSCRIBE = JSON.stringify({ query: "subscription { graphChanged { operation } }" });

interface Attempt {
  status: number;
  code?: string;
  message?: string;
  /** Closes the stream (a refused attempt has none). */
  close: () => void;
}

/**
 * A graphChanged subscription from `forwardedFor` (sent as X-Forwarded-For) or from the test
 * itself; `accept: false` sends it as curl does, without asking for a stream.
 */
async function subscribe(
  server: ShippedServer,
  { forwardedFor, accept = true }: { forwardedFor?: string; accept?: boolean } = {},
): Promise<Attempt> {
  const controller = new AbortController();
  open.push(controller);
  const r = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(accept ? { accept: "text/event-stream" } : {}),
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
    body: SUBSCRIBE,
    signal: controller.signal,
  });
  const close = () => controller.abort();
  if (r.status === 200) return { status: 200, close };
  const body = (await r.json()) as {
    errors: Array<{ message: string; extensions: { code: string } }>;
  };
  return {
    status: r.status,
    code: body.errors[0]?.extensions.code,
    message: body.errors[0]?.message,
    close,
  };
}

/** Until the server has seen a closed stream go (its slot is given back on the socket's close). */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("subscription streams per client", () => {
  it("refuses a client its third stream with 429 LIMIT_EXCEEDED, and serves the next client", async () => {
    const a = "203.0.113.7";
    const b = "198.51.100.9";
    const mine = [
      await subscribe(proxied, { forwardedFor: a }),
      await subscribe(proxied, { forwardedFor: a }),
    ];
    expect(mine.map((m) => m.status)).toEqual([200, 200]);

    const third = await subscribe(proxied, { forwardedFor: a });
    expect(third).toMatchObject({ status: 429, code: "LIMIT_EXCEEDED" });
    expect(third.message).toMatch(
      /already has 2 subscription streams open.*MAX_SUBSCRIPTIONS_PER_CLIENT.*close one/,
    );
    // Sent as curl sends it (no Accept: text/event-stream), GraphQL finds it is a stream: the same.
    const curlStyle = await subscribe(proxied, { forwardedFor: a, accept: false });
    expect(curlStyle).toMatchObject({ status: 429, code: "LIMIT_EXCEEDED" });

    // Another client still finds the streams this one could not take.
    const theirs = [
      await subscribe(proxied, { forwardedFor: b }),
      await subscribe(proxied, { forwardedFor: b }),
    ];
    expect(theirs.map((t) => t.status)).toEqual([200, 200]);
    // The server is now full: a third client is told so (503), not blamed (429).
    const full = await subscribe(proxied, { forwardedFor: "192.0.2.1" });
    expect(full).toMatchObject({ status: 503, code: "OVERLOADED" });

    // A stream closed gives its client's share back.
    mine[0]?.close();
    expect(
      await eventually(async () => {
        const again = await subscribe(proxied, { forwardedFor: a });
        if (again.status !== 200) again.close();
        return again.status === 200;
      }),
    ).toBe(true);
  });

  it("believes X-Forwarded-For only from a proxy TRUST_PROXY names: by default the client is the connection", async () => {
    const first = await subscribe(direct, { forwardedFor: "203.0.113.7" });
    const second = await subscribe(direct, { forwardedFor: "198.51.100.9" });
    expect([first.status, second.status]).toEqual([200, 200]);
    // A third address in the header does not make a third client: the connection is one.
    const third = await subscribe(direct, { forwardedFor: "192.0.2.1" });
    expect(third).toMatchObject({ status: 429, code: "LIMIT_EXCEEDED" });
    // Queries are not streams: the client is served as before.
    const r = await fetch(`${direct.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ entity(key: "nato") { name } }' }),
    });
    expect(await r.json()).toMatchObject({ data: { entity: { name: "NATO" } } });
    expect(direct.alive()).toBe(true);
  });
});

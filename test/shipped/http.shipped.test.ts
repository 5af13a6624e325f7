/**
 * The HTTP surface of the server as shipped (issue 22): the explorer's static paths, the access
 * log, CSRF refusals and GraphiQL's subscriptions, and malformed global ids. The server logs at
 * debug here, so that what a refusal logs (and what a client's text costs the log) shows.
 */
import { readdirSync } from "node:fs";
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, rawExchange, type ShippedServer, startShipped } from "../helpers/shipped.js";

/**
 * The raw answer to POST /graphql with exactly these header lines (after Host) and body, as
 * written on one connection: fetch would join repeated headers and refuse odd ones.
 */
function rawPost(body: string, headers: string[]): Promise<string> {
  return rawExchange(
    server.url,
    ["POST /graphql HTTP/1.1", "Host: x", ...headers, "", body].join("\r\n"),
  );
}

let server: ShippedServer;

/** All a connection is sent back for `bytes`; the client ends its side after 3 s. */
const sendRaw = (bytes: string | Buffer) => rawExchange(server.url, bytes, 3_000);
beforeAll(async () => {
  server = await startShipped({ env: { LOG_LEVEL: "debug" } });
});
afterAll(async () => {
  await server?.stop();
});

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body as sent, not decoded (a gzipped page stays gzipped). */
  bytes: Buffer;
}

/** A request with its path sent byte for byte (fetch would normalise `..` and `%2e%2e`). */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request(
      { hostname, port, path, method: options.method ?? "GET", headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
        });
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: bytes.toString("utf8"),
            bytes,
          });
        });
      },
    );
    req.on("error", fail);
    req.end();
  });
}

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

function logLines(): LogLine[] {
  return server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as LogLine);
}

/** The access line of a request (written when its answer is sent, so it may lag a moment). */
async function accessLine(reqId: string): Promise<{ line: LogLine; length: number }> {
  for (let i = 0; i < 50; i++) {
    const text = server
      .output()
      .split("\n")
      .find((l) => l.includes('"msg":"request"') && l.includes(`"reqId":"${reqId}"`));
    if (text) return { line: JSON.parse(text) as LogLine, length: text.length };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no access line for ${reqId}`);
}

describe("the explorer's static files", () => {
  const hostile = [
    "/explorer/%00",
    "/explorer/index.html%00",
    "/explorer/%00/../index.html",
    "/explorer/assets/%00.js",
    "/explorer/%0a",
    "/explorer/%ff",
    "/explorer/%e0%80%80",
    "/explorer/%2e%2e",
    "/explorer/%2e%2e/%2e%2e/package.json",
    "/explorer/..%2f..",
    "/explorer/..%2f..%2fpackage.json",
    "/explorer/../../package.json",
    "/explorer/%2f%2fetc%2fpasswd",
    "/explorer/%5c..%5c..%5cpackage.json",
    `/explorer/${"a".repeat(300)}`,
    `/explorer/${"a".repeat(8_000)}`,
    `/explorer/${"a/".repeat(3_000)}x`,
    `/explorer/${"%2e%2e%2f".repeat(800)}etc/passwd`,
  ];

  it("answers malformed, NUL-carrying, escaping and overlong paths with 400 or 404, never 500", async () => {
    for (const path of hostile) {
      for (const method of ["GET", "HEAD"]) {
        const r = await raw(path, { method });
        expect([400, 404], `${method} ${path.slice(0, 60)}`).toContain(r.status);
        expect(r.body).not.toContain("allies-graph");
      }
    }
    expect(server.alive()).toBe(true);
    expect(logLines().filter((l) => l.msg === "request failed")).toEqual([]);
    // The page itself is still served.
    const page = await raw("/explorer/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<!doctype html>");
  });
});

describe("the access log", () => {
  it("a client that hangs up before its body is sent is no error: nothing at error level", async () => {
    const { hostname, port } = new URL(server.url);
    const before = server.output().length;
    await Promise.all(
      Array.from(
        { length: 5 },
        () =>
          new Promise<void>((done) => {
            const socket = connect(Number(port), hostname, () => {
              socket.write(
                "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
                  'Content-Length: 100\r\n\r\n{"query":',
              );
              setTimeout(() => socket.destroy(), 300);
            });
            socket.on("close", () => done());
          }),
      ),
    );
    const r = await post(server, { query: "{ __typename }" });
    expect(r.body.data).toEqual({ __typename: "Query" });
    const lines = server
      .output()
      .slice(before)
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(server.alive()).toBe(true);
  });

  it("clients trickling their bodies take no request slot: with 24 of them open, a query is answered", async () => {
    const { hostname, port } = new URL(server.url);
    // More slow clients than MAX_IN_FLIGHT (16 as npm start runs it), each with half a body sent.
    const sockets = await Promise.all(
      Array.from(
        { length: 24 },
        () =>
          new Promise<ReturnType<typeof connect>>((done) => {
            const socket = connect(Number(port), hostname, () => {
              socket.write(
                "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
                  'Content-Length: 40\r\n\r\n{"query":',
              );
              done(socket);
            });
            socket.on("error", () => {});
          }),
      ),
    );
    try {
      await new Promise((r) => setTimeout(r, 300));
      for (let i = 0; i < 3; i++) {
        const r = await post(server, { query: "{ __typename }" });
        expect(r.status).toBe(200);
        expect(r.body.data).toEqual({ __typename: "Query" });
      }
      // A slow client that does finish is answered like any other.
      const last = sockets[0] as ReturnType<typeof connect>;
      const answer = new Promise<string>((done) => {
        let text = "";
        last.on("data", (d) => {
          text += d;
          if (text.includes("Query")) done(text);
        });
      });
      last.write(' "{ __typename }"}'.padEnd(40 - 9, " "));
      expect(await answer).toMatch(/^HTTP\/1\.1 200[\s\S]*"__typename":"Query"/);
    } finally {
      for (const s of sockets) s.destroy();
    }
    expect(server.alive()).toBe(true);
  });

  it("a subscription stream the client drops is logged once, with its status and duration", async () => {
    const stream = new AbortController();
    const r = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        "x-request-id": "sse-dropped",
      },
      body: JSON.stringify({
        query: 'subscription Watch { graphChanged(keys: ["canada"]) { operation } }',
      }),
      signal: stream.signal,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/event-stream");
    await new Promise((done) => setTimeout(done, 300));
    stream.abort();
    const { line } = await accessLine("sse-dropped");
    expect(line).toMatchObject({
      path: "/graphql",
      operation: "Watch",
      status: 200,
      aborted: true,
    });
    expect(line.ms).toEqual(expect.any(Number));
    expect(line.ms as number).toBeGreaterThanOrEqual(300);
    // Once: the close that follows is not a second line.
    await new Promise((done) => setTimeout(done, 300));
    const lines = logLines().filter((l) => l.msg === "request" && l.reqId === "sse-dropped");
    expect(lines).toHaveLength(1);
  });

  it("a request answered whole is logged once, without aborted", async () => {
    const r = await post(server, { query: "{ __typename }" }, { "x-request-id": "logged-once" });
    expect(r.body.data).toEqual({ __typename: "Query" });
    const { line } = await accessLine("logged-once");
    expect(line.aborted).toBeUndefined();
    expect(line.status).toBe(200);
    await new Promise((done) => setTimeout(done, 300));
    const lines = logLines().filter((l) => l.msg === "request" && l.reqId === "logged-once");
    expect(lines).toHaveLength(1);
  });

  it("keeps the first 100 characters of a huge operation name, with an ellipsis", async () => {
    const name = `Op${"x".repeat(450_000)}`;
    const before = server.output().length;
    const r = await post(
      server,
      { query: `query ${name} { __typename }`, operationName: name },
      { "x-request-id": "log-cap-operation" },
    );
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ __typename: "Query" });
    const { line, length } = await accessLine("log-cap-operation");
    expect(line.operation).toBe(`${name.slice(0, 100)}…`);
    expect(length).toBeLessThan(1_000);
    // Nor does any other line carry it: the whole log of this request is a few lines.
    expect(server.output().length - before).toBeLessThan(5_000);
  });

  it("writes little for a huge operationName parameter that names no operation", async () => {
    const before = server.output().length;
    const r = await post(
      server,
      { query: "{ __typename }", operationName: "y".repeat(450_000) },
      { "x-request-id": "log-cap-parameter" },
    );
    expect(r.body.errors?.[0]).toBeDefined();
    const { line, length } = await accessLine("log-cap-parameter");
    expect(line.operation).toBeNull();
    expect(length).toBeLessThan(1_000);
    expect(server.output().length - before).toBeLessThan(5_000);
  });

  it("replaces a huge X-Request-Id with its own id", async () => {
    const given = "z".repeat(8_000);
    const r = await post(server, { query: "{ __typename }" }, { "x-request-id": given });
    const id = r.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const { length } = await accessLine(id);
    expect(length).toBeLessThan(1_000);
    expect(server.output()).not.toContain("z".repeat(200));
  });

  it("keeps the first 200 characters of a long path", async () => {
    const path = `/graphql/${"p".repeat(10_000)}`;
    const r = await raw(path, { headers: { "x-request-id": "log-cap-path" } });
    expect(r.status).toBe(404);
    const { line, length } = await accessLine("log-cap-path");
    expect(line.path).toBe(`${path.slice(0, 200)}…`);
    expect(length).toBeLessThan(1_000);
  });
});

describe("CSRF prevention", () => {
  const watch = `subscription WatchCanada { graphChanged(keys: ["canada"]) { operation entities } }`;

  it("refuses a browser's simple GET with 403 FORBIDDEN, logged at debug without a stack", async () => {
    const r = await raw(`/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "application/graphql-response+json", "x-request-id": "csrf-refused" },
    });
    expect(r.status).toBe(403);
    const body = JSON.parse(r.body);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(body.errors[0].message).toContain("x-graphql-yoga-csrf");
    await accessLine("csrf-refused");
    const csrf = logLines().filter((l) => /csrf/i.test(JSON.stringify(l)));
    expect(csrf.length).toBeGreaterThan(0);
    for (const l of csrf) {
      expect(l.level).toBeLessThanOrEqual(30);
      expect(JSON.stringify(l)).not.toMatch(/stack|\n\s+at /);
    }
    expect(logLines().filter((l) => l.level >= 40)).toEqual([]);
  });

  it("refuses a subscription GET without the header: the protection stays for other pages", async () => {
    const r = await raw(`/graphql?query=${encodeURIComponent(watch)}`, {
      headers: { accept: "text/event-stream" },
    });
    expect(r.status).toBe(403);
    // yoga answers in the format asked for: one event whose data is the refusal.
    const data = /^data: (.*)$/m.exec(r.body)?.[1] ?? "{}";
    expect(JSON.parse(data).errors[0].extensions.code).toBe("FORBIDDEN");
  });

  it("GraphiQL's subscription tab gets its event stream: the page sends the header on every request", async () => {
    // The options the served page hands to GraphiQL, as the browser gets them.
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    const html = await page.text();
    const start = html.lastIndexOf("querySelector('#root'),");
    const end = html.lastIndexOf(");");
    const options = JSON.parse(
      html
        .slice(start + "querySelector('#root'),".length, end)
        .trim()
        .replace(/,$/, ""),
    ) as { additionalHeaders?: Record<string, string>; defaultTabs: { query: string }[] };
    const headers = options.additionalHeaders ?? {};
    expect(Object.keys(headers)).toContain("x-graphql-yoga-csrf");
    const tab = options.defaultTabs.find((t) => t.query.includes("subscription WatchCanada"));
    expect(tab).toBeDefined();

    // What GraphiQL's executor sends for a subscription: a GET asking for text/event-stream,
    // with the page's additional headers.
    const url = new URL(`${server.url}/graphql`);
    url.searchParams.set("query", tab?.query ?? "");
    url.searchParams.set("operationName", "WatchCanada");
    const stream = new AbortController();
    const r = await fetch(url, {
      headers: { accept: "text/event-stream", ...headers },
      signal: stream.signal,
    });
    try {
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toContain("text/event-stream");
    } finally {
      stream.abort();
    }
  });
});

describe("GraphiQL's page (about 9 MB)", () => {
  const page = (headers: Record<string, string> = {}) =>
    raw("/graphql", { headers: { accept: "text/html", ...headers } });

  it("is sent gzipped to a browser that accepts it, the same page in a quarter of the bytes", async () => {
    const plain = await page({ "accept-encoding": "identity" });
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toContain("explorer-link");
    const zipped = await page({ "accept-encoding": "br, gzip;q=0.8, deflate" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 3);
    expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true);
    // gzip refused with q=0: the page as it is.
    const refused = await page({ "accept-encoding": "gzip;q=0, identity" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.bytes.equals(plain.bytes)).toBe(true);
    // gzip's own entry wins over `*` (RFC 9110 12.5.3), in whatever case it is written.
    const starred = await page({ "accept-encoding": "GZIP;Q=0, *" });
    expect(starred.headers["content-encoding"]).toBeUndefined();
    expect(starred.bytes.equals(plain.bytes)).toBe(true);
    for (const header of ["*", "GZIP", "x-gzip"]) {
      const r = await page({ "accept-encoding": header });
      expect(r.headers["content-encoding"], header).toBe("gzip");
      expect(gunzipSync(r.bytes).equals(plain.bytes), header).toBe(true);
    }
  });

  it("goes to a client that prefers it; one that ranks JSON higher gets its answer (redteam24)", async () => {
    const query = (accept: string) =>
      raw("/graphql?query=%7B__typename%7D", {
        headers: { accept, "accept-encoding": "identity", "x-graphql-yoga-csrf": "1" },
      });
    for (const accept of ["text/html;q=0, application/json", "application/json, text/html;q=0.5"]) {
      const r = await query(accept);
      expect(r.headers["content-type"], accept).toMatch(/^application\/json/);
      expect(JSON.parse(r.body), accept).toMatchObject({ data: { __typename: "Query" } });
    }
    const browser = await query("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    expect(browser.headers["content-type"]).toMatch(/^text\/html/);
    expect(browser.body).toContain("explorer-link");
    // One URL, two answers chosen by Accept: both say so, so a cache between keys on it.
    for (const r of [browser, await query("application/json")]) {
      const vary = String(r.headers.vary)
        .toLowerCase()
        .split(/\s*,\s*/);
      expect(vary, String(r.headers["content-type"])).toContain("accept");
    }
  });

  it("has an entity tag: a reload that sends it back gets 304 and no body", async () => {
    const first = await page({ "accept-encoding": "gzip" });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const again = await page({ "accept-encoding": "gzip", "if-none-match": `W/${etag}` });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const other = await page({ "if-none-match": '"another-version"' });
    expect(other.status).toBe(200);
    expect(other.body).toContain("explorer-link");
  });

  // Eleventh red-team round: `gzip;q=0, *` was sent gzip (the `*` was taken for gzip too), both
  // codings carried one strong tag, and a 304 carried Content-Type.
  it("follows Accept-Encoding and If-None-Match as RFC 9110 reads them", async () => {
    const plain = await page({ "accept-encoding": "identity" });
    // `*` stands for the codings the header does not name: gzip refused by name stays refused.
    for (const refusing of ["gzip;q=0, *", "*, GZIP;q=0", "x-gzip;q=0, *;q=1", "*;q=0"]) {
      const r = await page({ "accept-encoding": refusing });
      expect(r.headers["content-encoding"], refusing).toBeUndefined();
      expect(r.bytes.equals(plain.bytes), refusing).toBe(true);
    }
    // x-gzip is gzip (RFC 9110 8.4.1.3); `*` alone takes it.
    for (const accepting of ["x-gzip", "*", "deflate, *;q=0.5"]) {
      const r = await page({ "accept-encoding": accepting });
      expect(r.headers["content-encoding"], accepting).toBe("gzip");
      expect(gunzipSync(r.bytes).equals(plain.bytes), accepting).toBe(true);
    }
    // Two representations, two strong tags (RFC 9110 8.8.3.3); each revalidates itself.
    const zipped = await page({ "accept-encoding": "gzip" });
    const plainTag = plain.headers.etag as string;
    const zippedTag = zipped.headers.etag as string;
    expect(zippedTag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(zippedTag).not.toBe(plainTag);
    const fresh = await page({ "accept-encoding": "gzip", "if-none-match": `"old", ${zippedTag}` });
    expect(fresh.status).toBe(304);
    expect(fresh.headers.etag).toBe(zippedTag);
    expect(fresh.headers.vary).toMatch(/accept-encoding/i);
    // A 304 describes no content (RFC 9110 15.4.5).
    expect(fresh.headers["content-type"]).toBeUndefined();
    // The plain page's tag does not validate the gzipped page, nor the other way round.
    const switched = await page({ "accept-encoding": "gzip", "if-none-match": plainTag });
    expect(switched.status).toBe(200);
    expect(switched.headers["content-encoding"]).toBe("gzip");
    const back = await page({ "accept-encoding": "identity", "if-none-match": zippedTag });
    expect(back.status).toBe(200);
    expect(back.bytes.equals(plain.bytes)).toBe(true);
    // HEAD answers as GET would, without a body.
    const head = await raw("/graphql", {
      method: "HEAD",
      headers: { accept: "text/html", "accept-encoding": "gzip", "if-none-match": zippedTag },
    });
    expect(head.status).toBe(304);
    const headFull = await raw("/graphql", {
      method: "HEAD",
      headers: { accept: "text/html", "accept-encoding": "gzip" },
    });
    expect(headFull.status).toBe(200);
    expect(headFull.headers.etag).toBe(zippedTag);
    expect(headFull.headers["content-length"]).toBe(String(zipped.bytes.length));
    expect(headFull.bytes.length).toBe(0);
  });
});

describe("global ids", () => {
  const nodeQuery = "query ($id: ID!) { node(id: $id) { id } }";

  /** How often `text` appears in the whole answer (message, extensions and all). */
  const echoes = (body: unknown, text: string) => JSON.stringify(body).split(text).length - 1;

  it("node(id:) with a malformed key inside a well-formed id is BAD_USER_INPUT, echoed once", async () => {
    const id = b64("Nation:Not A Key!");
    const r = await post(server, { query: nodeQuery, variables: { id } });
    expect(r.body.data?.node ?? null).toBeNull();
    expect(r.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(echoes(r.body, "Not A Key!")).toBe(0);
    expect(echoes(r.body, id)).toBe(1);
  });

  it("node(id:) with a huge key echoes it cut short", async () => {
    const id = b64(`Nation:${"x".repeat(5_000)}`);
    const r = await post(server, { query: nodeQuery, variables: { id } });
    expect(r.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(r.body.errors[0].message).toContain("…");
    expect(JSON.stringify(r.body).length).toBeLessThan(1_000);
  });

  it("node(id:) with a well-formed key that no entity has is still NOT_FOUND", async () => {
    const r = await post(server, {
      query: nodeQuery,
      variables: { id: b64("Nation:no-such-nation") },
    });
    expect(r.body.errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("nodes(ids:) refuses a malformed key among good ids with BAD_USER_INPUT", async () => {
    const ids = [b64("Nation:canada"), b64(`Nation:${"Y".repeat(3_000)}`)];
    const r = await post(server, {
      query: "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids },
    });
    expect(r.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(echoes(r.body, "Y".repeat(100))).toBe(0);
    expect(JSON.stringify(r.body).length).toBeLessThan(1_000);
  });

  it("neighbourhood(id:) refuses a malformed key and an unknown type with BAD_USER_INPUT", async () => {
    const query = "query ($id: ID!) { neighbourhood(id: $id) { truncated } }";
    for (const id of [b64("Nation:Not A Key!"), b64("Foo:canada"), `%%${"q".repeat(3_000)}`]) {
      const r = await post(server, { query, variables: { id } });
      expect(r.body.errors[0].extensions.code, id.slice(0, 40)).toBe("BAD_USER_INPUT");
      expect(echoes(r.body, id.slice(0, 80)), id.slice(0, 40)).toBeLessThanOrEqual(1);
      expect(JSON.stringify(r.body).length).toBeLessThan(1_000);
    }
    const ok = await post(server, { query, variables: { id: b64("Nation:canada") } });
    expect(ok.body.errors).toBeUndefined();
  });
});

describe("the Authorization header", () => {
  it("takes the Bearer scheme in any case and after several spaces, as RFC 7235 and 6750 allow", async () => {
    const token = server.authorization.slice("Bearer ".length);
    for (const header of [`bearer ${token}`, `BEARER ${token}`, `Bearer  ${token}`]) {
      const r = await post(
        server,
        { query: 'mutation { deleteEntity(key: "no-such-entity-here") { __typename } }' },
        { authorization: header },
      );
      expect(r.body.errors, header.slice(0, 10)).toBeUndefined();
      expect(r.body.data.deleteEntity.__typename).toBe("DeleteEntitySuccess");
    }
    // Another scheme, or none, is still refused, and so is a token in the wrong place.
    for (const header of [`Basic ${token}`, token, `Bearer${token}`, `Bearer ${token} x`]) {
      const r = await post(
        server,
        { query: 'mutation { deleteEntity(key: "no-such-entity-here") { __typename } }' },
        { authorization: header },
      );
      expect(r.body.errors?.[0]?.extensions?.code, header.slice(0, 10)).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses two Authorization headers, whichever comes first, rather than taking the first", async () => {
    const token = server.authorization.slice("Bearer ".length);
    const body = JSON.stringify({
      query: 'mutation { deleteEntity(key: "no-such-entity-here") { __typename } }',
    });
    /** The raw answer to a POST with these Authorization headers (fetch would join them). */
    const send = (headers: string[]) =>
      rawPost(body, [
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Connection: close",
        ...headers.map((h) => `Authorization: ${h}`),
      ]);
    // Node kept the first: a good token then a wrong one was let in, the other order refused.
    for (const pair of [
      [`Bearer ${token}`, "Bearer wrong"],
      ["Bearer wrong", `Bearer ${token}`],
      [`Bearer ${token}`, `Bearer ${token}`],
    ]) {
      const text = await send(pair);
      expect(text, pair.join(" | ").slice(0, 30)).toMatch(/^HTTP\/1\.1 400 /);
      expect(text).toContain('"code":"UNAUTHENTICATED"');
      expect(text).toContain("Send one Authorization header, not 2.");
      expect(text).not.toContain("DeleteEntitySuccess");
    }
    // One is still fine.
    expect(await send([`Bearer ${token}`])).toContain("DeleteEntitySuccess");
  });
});

describe("very many header fields", () => {
  /** The raw answer to a POST carrying `extra` header fields before its own. */
  const send = (extra: number) => {
    const body = JSON.stringify({ query: "{ __typename }" });
    return rawPost(body, [
      ...Array.from({ length: extra }, (_, i) => `x-${i}: v`),
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
    ]);
  };

  it("are refused with 431 saying so, not cut short (the cut-off fields were the request's own)", async () => {
    // Before: Node dropped every field after the thousandth, so this request, which sends its
    // Content-Length, was told 411 "Send Content-Length with the request body".
    const text = await send(1_200);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(text).toContain('"code":"LIMIT_EXCEEDED"');
    expect(text).toContain("more than 1000 header fields");
    expect(text).not.toContain("Send Content-Length");
    // Within the limit, the request is answered as any other.
    const within = await send(990);
    expect(within).toMatch(/^HTTP\/1\.1 200 /);
    expect(within).toContain('"__typename":"Query"');
    expect(server.alive()).toBe(true);
  });
});

describe("a GET whose query string is longer than Node reads", () => {
  it("is refused with 431 and a body saying to POST it (it was a bare 431 with no body)", async () => {
    const query = `{ entity(key: "canada") { name } }${" ".repeat(20_000)}`;
    const r = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { accept: "application/json", "x-graphql-yoga-csrf": "1" },
    });
    expect(r.status).toBe(431);
    expect(r.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await r.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.extensions).toEqual({ code: "LIMIT_EXCEEDED" });
    expect(body.errors[0]?.message).toContain("exceed 16384 bytes");
    expect(body.errors[0]?.message).toContain("POST body");
    // The same query by POST is answered.
    const posted = await post(server, { query });
    expect(posted.body).toEqual({
      data: { entity: { name: "Canada" } },
      extensions: { cypherRoundTrips: 1 },
    });
  });
});

describe("paging with first and last together", () => {
  const keys = (r: { body: { data: { nations: { edges: { node: { key: string } }[] } } } }) =>
    r.body.data.nations.edges.map((e) => e.node.key);

  it("gives the last of the first rows even when there are fewer rows than first", async () => {
    const all = await post(server, {
      query: "{ nations(first: 100) { edges { cursor node { key } } } }",
    });
    const every = keys(all);
    expect(every.length).toBeGreaterThan(3);
    expect(every.length).toBeLessThan(100);
    // The last one of the first 100 (there are fewer): the last nation, not an empty page.
    const last = await post(server, {
      query:
        "{ nations(first: 100, last: 1) { edges { cursor node { key } } pageInfo { hasPreviousPage hasNextPage } } }",
    });
    expect(last.body.errors).toBeUndefined();
    expect(keys(last)).toEqual(every.slice(-1));
    expect(last.body.data.nations.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
    // Its cursor is the row's own: paging back from it gives the rows before it.
    const cursor = last.body.data.nations.edges[0].cursor;
    const before = await post(server, {
      query: `{ nations(last: 2, before: "${cursor}") { edges { node { key } } } }`,
    });
    expect(keys(before)).toEqual(every.slice(-3, -1));
    // Within the rows there are, it was right already, and stays so.
    const within = await post(server, {
      query: "{ nations(first: 3, last: 2) { edges { node { key } } } }",
    });
    expect(keys(within)).toEqual(every.slice(1, 3));
    // After a cursor too.
    const after = await post(server, {
      query: `{ nations(first: 100, last: 2, after: "${all.body.data.nations.edges[0].cursor}") { edges { node { key } } } }`,
    });
    expect(after.body.errors).toBeUndefined();
    expect(keys(after)).toEqual(every.slice(-2));
  });

  it("does the same for an entity's relations and for the timeline", async () => {
    const rels = await post(server, {
      query:
        '{ entity(key: "canada") { all: relations(first: 100) { edges { to { key } } } last: relations(first: 100, last: 2) { edges { to { key } } } } }',
    });
    expect(rels.body.errors).toBeUndefined();
    const all = rels.body.data.entity.all.edges.map((e: { to: { key: string } }) => e.to.key);
    expect(rels.body.data.entity.last.edges.map((e: { to: { key: string } }) => e.to.key)).toEqual(
      all.slice(-2),
    );
    const timeline = await post(server, {
      query:
        '{ all: timeline(entity: "canada", first: 100) { edges { date } } last: timeline(entity: "canada", first: 100, last: 1) { edges { date } } }',
    });
    expect(timeline.body.errors).toBeUndefined();
    expect(timeline.body.data.all.edges.length).toBeGreaterThan(0);
    expect(timeline.body.data.last.edges).toEqual(timeline.body.data.all.edges.slice(-1));
  });
});

describe("timeline's bounds", () => {
  it("a bound that is not a date is BAD_USER_INPUT naming the argument the client wrote", async () => {
    for (const [name, value] of [
      ["from", "2022-02-30"],
      ["to", "soon"],
    ]) {
      const r = await post(server, {
        query: `{ timeline(entity: "canada", ${name}: "${value}") { edges { date } } }`,
      });
      expect(r.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(r.body.errors[0].message).toMatch(new RegExp(`^${name} must be a date`));
      expect(r.body.errors[0].extensions.problems).toEqual([
        { path: [name], message: expect.stringContaining("must be a date") },
      ]);
    }
  });
});

describe("a compressed request body", () => {
  it("is refused with 415 saying to send it uncompressed, not as invalid JSON", async () => {
    const { gzipSync } = await import("node:zlib");
    const r = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(JSON.stringify({ query: "{ __typename }" })),
    });
    expect(r.status).toBe(415);
    const body = (await r.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors[0]?.message).toMatch(/uncompressed/);
    // identity is no encoding at all.
    const plain = await post(
      server,
      { query: "{ __typename }" },
      { "content-encoding": "identity" },
    );
    expect(plain.body.data).toEqual({ __typename: "Query" });
  });
});

describe("Expect: 100-continue", () => {
  /** Sends `head` on a new socket; resolves with everything read until `until` matches or close. */
  function exchange(head: string, until: RegExp, body?: (socket: Socket, read: string) => void) {
    const { hostname, port } = new URL(server.url);
    return new Promise<string>((done) => {
      let read = "";
      const socket = connect(Number(port), hostname, () => socket.write(head));
      socket.on("data", (chunk) => {
        read += chunk.toString("utf8");
        body?.(socket, read);
        if (until.test(read)) {
          socket.destroy();
          done(read);
        }
      });
      socket.on("error", () => {});
      socket.on("close", () => done(read));
    });
  }
  const head = (length: number) =>
    "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
    `Expect: 100-continue\r\nContent-Length: ${length}\r\n\r\n`;

  it("a body announced over the limit is refused at once, without 100 Continue, so it is never uploaded", async () => {
    const read = await exchange(head(3_000_000), /LIMIT_EXCEEDED/);
    expect(read).toMatch(/^HTTP\/1\.1 413 /);
    expect(read).not.toContain("100 Continue");
    expect(read).toContain("at most");
  });

  it("a body within the limit is asked for with 100 Continue and answered", async () => {
    const query = JSON.stringify({ query: "{ __typename }" });
    let sent = false;
    const read = await exchange(head(Buffer.byteLength(query)), /"Query"\}/, (socket, sofar) => {
      if (!sent && sofar.includes("100 Continue")) {
        sent = true;
        socket.write(query);
      }
    });
    expect(read).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(read).toContain('"data":{"__typename":"Query"}');
  });

  it("another expectation is refused with 417 and a coded error, logged (it was a bare 417 with no body)", async () => {
    const query = JSON.stringify({ query: "{ __typename }" });
    const read = await exchange(
      "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        `Expect: 200-ok\r\nX-Request-Id: expect-417\r\nContent-Length: ${Buffer.byteLength(query)}\r\n\r\n${query}`,
      /BAD_REQUEST/,
    );
    expect(read).toMatch(/^HTTP\/1\.1 417 /);
    expect(read).toContain("no expectation but 100-continue");
    expect((await accessLine("expect-417")).line).toMatchObject({ status: 417, path: "/graphql" });
  });
});

describe("connections a client opens and leaves silent", () => {
  /** File descriptors the server's process holds open. */
  const descriptors = () => readdirSync(`/proc/${server.child.pid}/fd`).length;

  it("are refused with 408 and closed whole: a client that never hangs up holds none of the server's descriptors", async () => {
    const before = descriptors();
    const { hostname, port } = new URL(server.url);
    // Sockets that read what comes but never close their side, as a careless or hostile client.
    const sockets = Array.from({ length: 200 }, () => {
      const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: true });
      socket.on("error", () => {});
      return socket;
    });
    const answers = await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<string>((done) => {
            let read = "";
            socket.on("data", (chunk: Buffer) => {
              read += chunk.toString("latin1");
            });
            socket.on("end", () => done(read));
          }),
      ),
    );
    expect(new Set(answers.map((a) => a.split("\r\n")[0]))).toEqual(
      new Set(["HTTP/1.1 408 Request Timeout"]),
    );
    // Every connection was ended by the server; none of them is still held by it.
    let held = descriptors() - before;
    for (let i = 0; i < 50 && held >= 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      held = descriptors() - before;
    }
    expect(held).toBeLessThan(100);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    for (const socket of sockets) socket.destroy();
  }, 90_000);
});

describe("an Accept header that names nothing the server answers in", () => {
  const entity = (key: string) =>
    post(server, { query: `{ entity(key: "${key}") { key } }` }).then((r) => r.body.data.entity);

  it("refuses a mutation with 406 and a coded error before it runs: nothing is written", async () => {
    // Before: yoga ran the mutation, then found no way to answer and sent 406 with an empty
    // body; the entity was created and the client told only "Not Acceptable".
    const key = `accept-probe-${Date.now()}`;
    const mutation = `mutation { createEntity(input: { key: "${key}", kind: Person, name: "Ann Lee" }) { __typename } }`;
    try {
      for (const accept of ["application/xml", "text/html", "application/json; charset=latin1"]) {
        const r = await post(
          server,
          { query: mutation },
          { accept, authorization: server.authorization },
        );
        expect(r.status, accept).toBe(406);
        expect(r.body.errors[0].extensions.code).toBe("BAD_REQUEST");
        expect(r.body.errors[0].message).toContain("Send Accept: application/json");
        expect(r.body.errors[0].message).toContain("Nothing was run");
        expect(await entity(key)).toBeNull();
      }
      // Ranges and wildcards that cover JSON still run it.
      const ok = await post(
        server,
        { query: mutation },
        { accept: "application/*;q=0.5, text/html", authorization: server.authorization },
      );
      expect(ok.body.data.createEntity.__typename).toBe("CreateEntitySuccess");
    } finally {
      await post(
        server,
        { query: `mutation { deleteEntity(key: "${key}") { __typename } }` },
        { authorization: server.authorization },
      );
    }
  });

  it("tells a subscription sent for JSON to ask for an event stream, in a JSON body", async () => {
    const r = await post(
      server,
      { query: "subscription { graphChanged { operation } }" },
      { accept: "application/json" },
    );
    expect(r.status).toBe(406);
    expect(r.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(r.body.errors[0].message).toMatch(/stream of results: send Accept: text\/event-stream/);
  });
});

describe("an operationName that is not a string", () => {
  it("is refused as a bad request naming the parameter, not as an operation not found", async () => {
    for (const [value, type] of [
      [5, "number"],
      [["A"], "array"],
      [{ a: 1 }, "object"],
    ] as const) {
      const r = await post(server, { query: "query A { __typename }", operationName: value });
      expect(r.body.errors[0].extensions.code).toBe("BAD_REQUEST");
      expect(r.body.errors[0].message).toBe(
        `Expected "operationName" param to be a string, but given ${type}.`,
      );
    }
    // null picks the document's only operation, as before.
    const r = await post(server, { query: "query A { __typename }", operationName: null });
    expect(r.body.data).toEqual({ __typename: "Query" });
  });
});

describe("an operation that cannot be told from the document and operationName", () => {
  it("is refused saying which name was not found and which operations the document has", async () => {
    // Before: "Could not determine what operation to execute." for all of these (redteam30).
    const cases: [Record<string, unknown>, string][] = [
      [
        { query: "query A { __typename } query B { __typename }", operationName: "C" },
        'operationName "C" names no operation of the document; it has "A", "B".',
      ],
      [
        { query: "query A { __typename } { __typename }" },
        'The document has 2 operations ("A", an anonymous one): name the one to run in operationName.',
      ],
      [
        { query: "{ __typename }", operationName: "Canada" },
        'operationName "Canada" names no operation of the document: its one operation has no name, so send it without operationName.',
      ],
      [
        { query: "fragment F on Query { __typename }" },
        "The document has no operation (only fragments): add the query, mutation or subscription to run.",
      ],
      [
        {
          query: Array.from({ length: 12 }, (_, i) => `query Q${i} { __typename }`).join(" "),
          operationName: "y".repeat(450_000),
        },
        `operationName "${"y".repeat(100)}…" names no operation of the document; it has "Q0", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9" and 2 more.`,
      ],
    ];
    for (const [body, message] of cases) {
      const r = await post(server, body);
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([
        { message, extensions: { code: "OPERATION_RESOLUTION_FAILURE" } },
      ]);
    }
    // A GET is told the same (its operation is resolved before mutations are refused over GET).
    const url = new URL(`${server.url}/graphql`);
    url.searchParams.set("query", "query A { __typename } query B { __typename }");
    url.searchParams.set("operationName", "C");
    const got = await fetch(url, {
      headers: { accept: "application/json", "x-graphql-yoga-csrf": "1" },
    });
    expect(got.status).toBe(400);
    expect((await got.json()).errors[0].message).toBe(
      'operationName "C" names no operation of the document; it has "A", "B".',
    );
    // The one named runs, as before.
    const ran = await post(server, {
      query: "query A { a: __typename } query B { b: __typename }",
      operationName: "B",
    });
    expect(ran.body.data).toEqual({ b: "Query" });
  });
});

describe("a path with nothing at it", () => {
  it("is a 404 with a coded error saying where the API and the explorer are", async () => {
    // Before: yoga's 404 with an empty body (`//explorer/`, `/graphq`, `/api`).
    for (const path of ["//explorer/", "/graphq", "/api/graphql", `/${"x".repeat(500)}`]) {
      for (const method of ["GET", "POST"]) {
        const r = await raw(path, { method });
        expect(r.status, `${method} ${path}`).toBe(404);
        const body = JSON.parse(r.body) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(body.errors[0]?.extensions.code).toBe("NOT_FOUND");
        expect(body.errors[0]?.message).toContain("the GraphQL API is at /graphql");
        expect(body.errors[0]?.message.length).toBeLessThan(250);
      }
    }
    // The endpoint itself, with or without its trailing slash, is served as before.
    for (const path of ["/graphql", "/graphql/"]) {
      const r = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(await r.json(), path).toMatchObject({ data: { __typename: "Query" } });
    }
  });
});

describe("requests pipelined on one connection", () => {
  it("hold at most a quarter of the request slots; the rest are told why, and other clients are served", async () => {
    // Before: one connection that pipelined took all sixteen slots (MAX_IN_FLIGHT), and every
    // other client was told 503 OVERLOADED while it did.
    const { port } = new URL(server.url);
    const query = encodeURIComponent("{ nations(first: 100) { edges { node { key name } } } }");
    const get = `GET /graphql?query=${query} HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nx-graphql-yoga-csrf: 1\r\n\r\n`;
    const text = await new Promise<string>((done, fail) => {
      const socket = connect(Number(port), "127.0.0.1");
      let out = "";
      socket.on("data", (d) => {
        out += d.toString();
        // An answer's status line follows the body before it, with no line break between.
        if ((out.match(/HTTP\/1\.1 \d{3} /g) ?? []).length >= 12) socket.end();
      });
      socket.on("error", fail);
      socket.on("close", () => done(out));
      socket.write(get.repeat(12));
    });
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
    // The first four (16 / 4) are answered; those that find the connection's share taken are
    // refused with 429 and a message saying what to do, not 503 "at capacity".
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(text).toContain('"code":"LIMIT_EXCEEDED"');
    expect(text).toContain("This connection already has 4 requests in flight (pipelined)");
    // Another client is served meanwhile and after.
    const r = await post(server, { query: "{ __typename }" });
    expect(r.body.data).toEqual({ __typename: "Query" });
  });

  /** A createEntity of `key` as raw bytes, with `extra` header lines. */
  function createRequest(key: string, extra: string[]): string {
    const body = JSON.stringify({
      query: `mutation { createEntity(input: { key: "${key}", kind: Nation, name: "${key}" }) { __typename } }`,
    });
    return [
      "POST /graphql HTTP/1.1",
      "Host: x",
      "Content-Type: application/json",
      `Authorization: ${server.authorization}`,
      ...extra,
      `Content-Length: ${Buffer.byteLength(body)}`,
      "",
      body,
    ].join("\r\n");
  }
  const stored = async (key: string) =>
    (await post(server, { query: `{ entity(key: "${key}") { key } }` })).body.data.entity;
  const remove = (key: string) =>
    post(
      server,
      { query: `mutation { deleteEntity(key: "${key}") { __typename } }` },
      { authorization: server.authorization },
    );

  // Before (redteam26): Node's parser met the bytes after the request while it ran, and the
  // server answered 400 "not a well-formed HTTP/1.1 request" at once, in place of the answer
  // owed, and closed the connection: a mutation that committed was reported malformed.
  it("a mutation followed by bytes that are no request is answered, then they are refused: what it wrote is never reported malformed", async () => {
    const key = `http-pipelined-garbage-${Date.now()}`;
    const text = await sendRaw(`${createRequest(key, [])}\u0001\u0002 not a request\r\n\r\n`);
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 400]);
    expect(text.indexOf('"__typename":"CreateEntitySuccess"')).toBeGreaterThan(-1);
    expect(text.indexOf('"__typename":"CreateEntitySuccess"')).toBeLessThan(
      text.indexOf("not a well-formed HTTP/1.1 request"),
    );
    expect(await stored(key)).toEqual({ key });
    await remove(key);
  });

  it("bytes after a request that said Connection: close are ignored, as RFC 9112 says: the request is answered and the connection closed", async () => {
    const key = `http-pipelined-close-${Date.now()}`;
    const text = await sendRaw(
      `${createRequest(key, ["Connection: close"])}GET /health HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200]);
    expect(text).toContain('"__typename":"CreateEntitySuccess"');
    expect(await stored(key)).toEqual({ key });
    await remove(key);
  });
});

describe("the Host header", () => {
  /** The raw answer to a POST of `{ __typename }` with these Host lines. */
  function postWithHosts(hosts: string[]): Promise<string> {
    const body = JSON.stringify({ query: "{ __typename }" });
    return rawExchange(
      server.url,
      [
        "POST /graphql HTTP/1.1",
        ...hosts.map((h) => `Host: ${h}`),
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Connection: close",
        "",
        body,
      ].join("\r\n"),
    );
  }

  // Before (redteam26): the app builds the request's URL from Host, and @whatwg-node answered
  // a Host it could not parse with 500 and its stack trace (file paths and all) as text/plain.
  it("that is no host[:port] is a 400 BAD_REQUEST saying so, never a 500 with a stack trace", async () => {
    for (const host of ["x:abc", "a b", "[::1", "x:99999", "x@y", "api.example/graphql"]) {
      const text = await postWithHosts([host]);
      expect(text, host).toMatch(/^HTTP\/1\.1 400 /);
      expect(text, host).toContain('"code":"BAD_REQUEST"');
      expect(text, host).toContain("The Host header must be one host name or address");
      expect(text, host).not.toMatch(/node_modules|TypeError|\n\s+at /);
    }
  });

  it("given twice is a 400, as RFC 9112 says, not the first one taken", async () => {
    const text = await postWithHosts(["a.example", "b.example"]);
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('"code":"BAD_REQUEST"');
  });

  it("with a name and a port, or an IPv6 address, is served", async () => {
    for (const host of ["api.example:4000", "[::1]:4000", "127.0.0.1"]) {
      const text = await postWithHosts([host]);
      expect(text, host).toMatch(/^HTTP\/1\.1 200 /);
      expect(text, host).toContain('{"data":{"__typename":"Query"}');
    }
  });
});

describe("a body that is not UTF-8", () => {
  /** The raw answer to POST /graphql of these bytes, with the admin token. */
  function postBytes(bytes: Buffer): Promise<string> {
    const head = [
      "POST /graphql HTTP/1.1",
      "Host: x",
      "Content-Type: application/json",
      `Authorization: ${server.authorization}`,
      `Content-Length: ${bytes.length}`,
      "Connection: close",
      "",
      "",
    ].join("\r\n");
    return sendRaw(Buffer.concat([Buffer.from(head), bytes]));
  }

  // Before (redteam26): the body was decoded with U+FFFD for the bytes that are not UTF-8, and
  // a name sent in Latin-1 was stored as "Caf\uFFFD Nation", answered CreateEntitySuccess.
  it("is refused as BAD_REQUEST, and nothing it asks for is written", async () => {
    const key = `http-latin1-${Date.now()}`;
    const mutation = `mutation { createEntity(input: { key: "${key}", kind: Nation, name: "Caf\xe9 Nation" }) { __typename } }`;
    const text = await postBytes(Buffer.from(JSON.stringify({ query: mutation }), "latin1"));
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('"code":"BAD_REQUEST"');
    expect(text).toContain("The request body is not UTF-8 text");
    const r = await post(server, { query: `{ entity(key: "${key}") { name } }` });
    expect(r.body.data).toEqual({ entity: null });
  });

  it("a UTF-8 body that starts with a byte-order mark is read", async () => {
    const text = await postBytes(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(JSON.stringify({ query: "{ __typename }" })),
      ]),
    );
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toContain('{"data":{"__typename":"Query"}');
  });
});

describe("a request target in absolute form", () => {
  // Before (redteam26): 404 "Nothing is at http://api.example/graphql", though RFC 9112 3.2.2
  // says a server must accept the absolute form.
  it("is answered as its path: /graphql runs the operation, /health answers", async () => {
    const answer = (line: string) => rawExchange(server.url, line);
    const body = JSON.stringify({ query: "{ __typename }" });
    const graphql = await answer(
      `POST http://api.example/graphql HTTP/1.1\r\nHost: api.example\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(graphql).toMatch(/^HTTP\/1\.1 200 /);
    expect(graphql).toContain('{"data":{"__typename":"Query"}');
    const health = await answer(
      "GET http://api.example/health HTTP/1.1\r\nHost: api.example\r\nConnection: close\r\n\r\n",
    );
    expect(health).toMatch(/^HTTP\/1\.1 200 /);
  });
});

/**
 * What one request may read, and what a write's answer may claim (issue 22), against the
 * server as shipped with a small read budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, type ShippedServer, shippedWithPrefix, startShipped } from "../helpers/shipped.js";

let server: ShippedServer;
beforeAll(async () => {
  server = await startShipped({ env: { MAX_READ_BYTES: "50000" } });
});
afterAll(async () => {
  await server?.stop();
});

/**
 * What a write stopped at its transaction's budget carries: TIMEOUT, marked retryable only when
 * Neo4j stopped it while it took a lock, which a write too large for the budget meets too and
 * which cannot be told from a lock another write held (src/db/run.ts); else no retry is offered.
 */
const stoppedWrite = (message: string) =>
  /while it waited for a lock/.test(message)
    ? { code: "TIMEOUT", retryable: true, retryAfterSeconds: 1 }
    : { code: "TIMEOUT" };

describe("the per-request read budget", () => {
  it("stops a request that reads more than its budget, with LIMIT_EXCEEDED", async () => {
    const query =
      "{ nations(first: 50) { edges { node { key relations(first: 50) { edges { type evidence { excerpt } } } } } } }";
    const r = await post(server, { query });
    expect(r.status).toBe(200);
    const codes = (r.body.errors ?? []).map(
      (e: { extensions?: { code?: string } }) => e.extensions?.code,
    );
    expect(codes).toContain("LIMIT_EXCEEDED");
    expect(JSON.stringify(r.body.errors)).toMatch(/read more than 50000 bytes/);
    expect(r.body.data).toEqual({ nations: null });
    // A request within the budget is served as usual.
    const small = await post(server, { query: '{ entity(key: "canada") { name } }' });
    expect(small.body.data).toEqual({ entity: { name: "Canada" } });
    expect(server.alive()).toBe(true);
  });
});

describe("a write's answer under a tight request budget", () => {
  let tight: ShippedServer;
  beforeAll(async () => {
    tight = await startShipped({ env: { REQUEST_TIMEOUT_MS: "100", QUERY_TIMEOUT_MS: "90" } });
  });
  afterAll(async () => {
    await tight?.stop();
  });

  it("never says a write was stopped when it committed", async () => {
    const prefix = `budget-${Date.now()}-`;
    const keys = Array.from({ length: 24 }, (_, i) => `${prefix}${i}`);
    const answers = await Promise.all(
      keys.map((key) =>
        post(
          tight,
          {
            query:
              "mutation ($i: CreateEntityInput!) { createEntity(input: $i) { ... on CreateEntitySuccess { data { key } } } }",
            variables: { i: { key, kind: "Place", name: key } },
          },
          { authorization: tight.authorization },
        ),
      ),
    );
    // What committed, read after every answer is in (and any write still running has ended).
    await new Promise((r) => setTimeout(r, 1_000));
    const read = await post(server, {
      query: "query ($k: [ID!]!) { nodes(ids: $k) { ... on Entity { key } } }",
      variables: { k: keys.map((k) => Buffer.from(`Place:${k}`).toString("base64")) },
    });
    const committed = new Set(
      (read.body.data.nodes as Array<{ key: string } | null>).filter(Boolean).map((n) => n?.key),
    );
    for (const [i, answer] of answers.entries()) {
      const key = keys[i] as string;
      const error = answer.body.errors?.[0];
      if (!error) expect(committed.has(key), `${key} answered as created`).toBe(true);
      else if (error.extensions?.outcome !== "UNKNOWN")
        expect(committed.has(key), `${key} answered ${error.extensions?.code}`).toBe(false);
    }
    const remove = `mutation ($k: String!) { deleteEntity(key: $k) { __typename } }`;
    for (const key of committed)
      await post(
        server,
        { query: remove, variables: { k: key } },
        { authorization: server.authorization },
      );
  });
});

describe("a document too large for a write transaction's budget", () => {
  // Whatever a failing run did commit is removed after it, so it cannot spill into other files.
  const LARGE = "budget-large-";
  const { server: tight } = shippedWithPrefix(LARGE, { env: { QUERY_TIMEOUT_MS: "100" } });

  it("is TIMEOUT saying nothing was written and how to get it in, and nothing is written", async () => {
    // 3,000 places, the first 1,000 in a PART_OF chain (each relation checked for a cycle against
    // the chain above it): a document within every request limit, and a write of seconds on any
    // machine. It once committed in 1.5 s against its 100 ms budget: Neo4j checked timeouts only
    // every 2 s (db.transaction.monitor.check.interval, now 100 ms in the instance's template).
    // It was told "The query took too long and was stopped; narrow it and retry.": neither that
    // nothing was written, nor how a document that size gets in.
    const prefix = `${LARGE}${Date.now()}-`;
    const entities = Array.from({ length: 3_000 }, (_, i) => ({
      key: `${prefix}${i}`,
      kind: "Place",
      name: `Place ${i}`,
    }));
    const relations = Array.from({ length: 999 }, (_, i) => ({
      from: `${prefix}${i}`,
      type: "PART_OF",
      to: `${prefix}${i + 1}`,
      evidence: `Place ${i} lies in Place ${i + 1}.`,
    }));
    const r = await post(
      tight,
      {
        query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
        variables: {
          d: {
            source: {
              key: `${prefix}source`,
              name: "Large",
              properties: { text: relations.map((x) => x.evidence).join(" ") },
            },
            entities,
            relations,
          },
        },
      },
      { authorization: tight.authorization },
    );
    expect(r.status).toBe(200);
    expect(r.body.errors).toHaveLength(1);
    const [error] = r.body.errors;
    expect(error.extensions).toEqual(stoppedWrite(error.message));
    expect(error.message).toMatch(/budget of 100 ms .*rolled back: nothing was written/);
    expect(error.message).toMatch(
      /split a large document into several, or load it with `npm run ingest`/,
    );
    const read = await post(server, {
      query: "query ($p: String!) { places(where: { key: { startsWith: $p } }) { totalCount } }",
      variables: { p: prefix },
    });
    expect(read.body.data).toEqual({ places: { totalCount: 0 } });
    expect(tight.alive()).toBe(true);
  });
});

describe("a delete or a retraction too large for a write transaction's budget", () => {
  // Eleventh red-team round: deleteEntity and retractSource of a source stating many entities,
  // stopped at the budget, were told to split a document or use npm run ingest, which neither
  // sent nor can: a dead end. They are told what made them large and who can let them through.
  const WHOLE = "budget-whole-";
  // The least budget the config takes (50 ms) and 2,000 entities: with 100 ms and 600, a delete
  // on a quiet machine once committed within the budget (CI at 6214d55), so nothing was tested.
  const { server: tight } = shippedWithPrefix(WHOLE, { env: { QUERY_TIMEOUT_MS: "50" } });
  // The file's server reads at most 50 kB a request: the fixture is written by one with the
  // default budgets.
  let roomy: ShippedServer;
  beforeAll(async () => {
    roomy = await startShipped();
  });
  afterAll(async () => {
    await roomy?.stop();
  });

  it("is TIMEOUT saying nothing was written and that the budget must be raised for it", async () => {
    const prefix = `${WHOLE}${Date.now()}-`;
    const source = `${prefix}source`;
    // 2,000 places one source introduced, ingested within the default budget.
    const ingest = await post(
      roomy,
      {
        query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
        variables: {
          d: {
            source: { key: source, name: "Whole", properties: { text: "None." } },
            entities: Array.from({ length: 2_000 }, (_, i) => ({
              key: `${prefix}${i}`,
              kind: "Place",
              name: `Whole Place ${i}`,
            })),
            relations: [],
          },
        },
      },
      { authorization: roomy.authorization },
    );
    expect(ingest.body.data?.ingestDocument, JSON.stringify(ingest.body.errors)).toEqual({
      __typename: "IngestDocumentSuccess",
    });
    const writes = {
      deleteEntity: `mutation ($k: String!) { deleteEntity(key: $k) { __typename } }`,
      retractSource: `mutation ($k: String!) { retractSource(key: $k) { __typename } }`,
    };
    for (const [field, query] of Object.entries(writes)) {
      const r = await post(
        tight,
        { query, variables: { k: source } },
        { authorization: tight.authorization },
      );
      expect(r.body.errors, `${field}: ${JSON.stringify(r.body)}`).toHaveLength(1);
      const [error] = r.body.errors;
      expect(error.extensions, field).toEqual(stoppedWrite(error.message));
      expect(error.message, field).toMatch(/budget of 50 ms .*rolled back: nothing was written/);
      expect(error.message, field).toMatch(
        /in one transaction; the server's operator can raise QUERY_TIMEOUT_MS \(below REQUEST_TIMEOUT_MS\)/,
      );
      expect(error.message, field).not.toMatch(/document|npm run ingest/);
    }
    // A corrected article of that source: small itself, but superseding retracts all of it.
    const corrected = await post(
      tight,
      {
        query: `mutation ($d: JSONObject!, $old: String!) {
          ingestDocument(document: $d, supersedes: $old) { __typename }
        }`,
        variables: {
          old: source,
          d: {
            source: {
              key: `${source}-v2`,
              name: "Whole, corrected",
              properties: { text: "None." },
            },
            entities: [{ key: `${prefix}0`, kind: "Place", name: "Whole Place 0" }],
            relations: [],
          },
        },
      },
      { authorization: tight.authorization },
    );
    expect(corrected.body.errors, JSON.stringify(corrected.body)).toHaveLength(1);
    const [refused] = corrected.body.errors;
    expect(refused.extensions).toEqual(stoppedWrite(refused.message));
    expect(refused.message).toMatch(/budget of 50 ms .*rolled back: nothing was written/);
    expect(refused.message).toContain(
      `superseding retracts what "${source}" states in the same transaction`,
    );
    expect(refused.message).toContain(`npm run ingest -- --supersedes ${source} FILE`);
    expect(refused.message).not.toMatch(/split/);
    // Nothing written: the source and its places are there, and it counts.
    const read = await post(roomy, {
      query: `query ($p: String!, $k: String!) {
        places(where: { key: { startsWith: $p } }) { totalCount }
        entity(key: $k) { key ... on Source { retracted } } }`,
      variables: { p: prefix, k: source },
    });
    expect(read.body.data).toEqual({
      places: { totalCount: 2_000 },
      entity: { key: source, retracted: false },
    });
    expect(tight.alive()).toBe(true);
  });
});

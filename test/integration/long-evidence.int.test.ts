/**
 * A relation many sources state with long sentences (redteam31): through the server as npm start
 * runs it, 1,515 sources quoting 5,000 characters each for one relation made every later write of
 * it LIMIT_EXCEEDED with "ask for smaller pages", and at about 950 drawing either end failed.
 * Here the same graph at a smaller scale against a server whose read budget (MAX_READ_BYTES) is
 * as much smaller: 60 sources of 4,900 characters (about 0.6 MB of sentences as the budget counts
 * them, 2 bytes a character) against 0.5 MB, as about 1,600 such sources are to the default
 * 16 MB; built through GraphQL in about 10 s, where a thousand would take minutes.
 * The fixture is written by a client with the default budget; the client under test, through
 * GraphQL, is the one with the small budget.
 */
import { describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { EVIDENCE_PAGE, EXPAND, OPEN_RELATION } from "../../src/explorer/page/api.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, writerWithPrefix } from "../helpers/client.js";

const P = "lev-";
const SOURCES = 60;
const { db, gql: writer, auth } = writerWithPrefix(P);
const token = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "small-budget", sha256: token.sha256, scopes: ["write"] }],
  limits: { ...DEFAULT_LIMITS, maxReadBytes: 500_000 },
});
const small = `Bearer ${token.token}`;

/** Source i's one sentence: 4,900 characters, its own. */
const sentence = (i: number) => {
  const words = `Report ${i} says that ${P}north invaded ${P}south; ${"and it goes on at length ".repeat(200)}`;
  return `${words.slice(0, 4_899)}.`;
};

async function ok(r: { errors?: unknown; data?: Record<string, { __typename: string }> | null }) {
  expect(r.errors).toBeUndefined();
  for (const v of Object.values(r.data ?? {})) expect(v.__typename).toMatch(/Success$/);
}

const CREATE = "mutation ($i: CreateEntityInput!) { createEntity(input: $i) { __typename } }";
const ADD = `mutation ($i: AddRelationInput!) { addRelation(input: $i) {
  __typename ... on AddRelationSuccess { data { sourceCount } } } }`;
const source = (i: number) => ({
  key: `${P}source-${i}`,
  kind: "Source",
  name: `Report ${i}`,
  properties: { title: `Report ${i}`, text: sentence(i) },
});
const relation = (i: number) => ({
  from: `${P}north`,
  type: "INVADED",
  to: `${P}south`,
  evidence: { source: `${P}source-${i}`, excerpt: sentence(i) },
});

describe("a relation stated by many sources with long sentences", () => {
  it("is built", async () => {
    for (const key of ["north", "south"])
      await ok(
        await writer(
          CREATE,
          { i: { key: `${P}${key}`, kind: "Nation", name: `Lev ${key}` } },
          auth,
        ),
      );
    for (let i = 0; i < SOURCES; i++) {
      await ok(await writer(CREATE, { i: source(i) }, auth));
      await ok(await writer(ADD, { i: relation(i) }, auth));
    }
    await ok(await writer(CREATE, { i: source(SOURCES) }, auth));
  });

  it("is drawn from either end with its count of sources, its sentences read when asked for", async () => {
    // The explorer's own query (src/explorer/page/api.ts): the relations and their counts, no
    // sentences. It read every sentence twice (once from each end): LIMIT_EXCEEDED before.
    for (const end of ["north", "south"]) {
      const r = await gql(EXPAND, { key: `${P}${end}`, limit: 500 }, small);
      expect(r.errors).toBeUndefined();
      expect(r.data.neighbourhood.edges).toEqual([
        {
          id: `${P}north|INVADED|${P}south`,
          type: "INVADED",
          inferred: false,
          sourceCount: SOURCES,
          // Every source's sentence is its own (counted where they are stored, not read).
          independentSourceCount: SOURCES,
          disputed: false,
          properties: {},
          from: { key: `${P}north`, name: "Lev north", kind: "Nation" },
          to: { key: `${P}south`, name: "Lev south", kind: "Nation" },
        },
      ]);
    }
    // Opened, its sentences are read (the explorer's query, here from a client with room for
    // the relation whole: 0.6 MB of sentences, as a thousand are 10 MB of the default 16 MB).
    const r = await writer(OPEN_RELATION, { id: `${P}north|INVADED|${P}south`, n: EVIDENCE_PAGE });
    expect(r.errors).toBeUndefined();
    const opened = r.data.relation;
    expect(opened.claims.totalCount).toBe(SOURCES);
    // Every source's sentence (claims without a date are ordered by their source's key).
    const excerpts = opened.claims.edges.map((e: { node: { excerpt: string } }) => e.node.excerpt);
    expect(excerpts.sort()).toEqual(Array.from({ length: SOURCES }, (_, i) => sentence(i)).sort());
  });

  it("opened by a client with a small budget, pages its claims: a page reads its own sentences alone", async () => {
    // A page of 10 claims (about 0.1 MB of sentences): every claim's sentence was read to slice
    // the page in memory, 0.6 MB past the 0.5 MB budget (LIMIT_EXCEEDED) before.
    const PAGE = `query ($id: ID!, $after: String) { relation(id: $id) {
      sourceCount disputed
      claimsConnection(first: 10, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { excerpt source { key } } } } } }`;
    const id = `${P}north|INVADED|${P}south`;
    const seen: string[] = [];
    const cursors: (string | null)[] = [null];
    for (let page = 0; page < 6; page++) {
      const r = await gql(PAGE, { id, after: cursors[page] }, small);
      expect(r.errors).toBeUndefined();
      const { sourceCount, disputed, claimsConnection: c } = r.data.relation;
      expect({ sourceCount, disputed, totalCount: c.totalCount }).toEqual({
        sourceCount: SOURCES,
        disputed: false,
        totalCount: SOURCES,
      });
      expect(c.edges).toHaveLength(10);
      expect(c.pageInfo.hasNextPage).toBe(page < 5);
      // Each claim's own sentence, its source's.
      for (const e of c.edges as { node: { excerpt: string; source: { key: string } } }[]) {
        const i = Number(e.node.source.key.slice(`${P}source-`.length));
        expect(e.node.excerpt).toBe(sentence(i));
        seen.push(e.node.source.key);
      }
      cursors.push(c.pageInfo.endCursor);
    }
    // Six pages: every claim once, in the order one read of them all gives (the default budget).
    const whole = await writer(`{ relation(id: "${id}") { claims { source { key } } } }`);
    expect(whole.errors).toBeUndefined();
    expect(seen).toEqual(
      whole.data.relation.claims.map((c: { source: { key: string } }) => c.source.key),
    );
    // The same from a relation page (entity -> relations -> claimsConnection), in one request.
    const paged = await gql(
      `{ entity(key: "${P}north") { relations(types: [INVADED], first: 5) { edges {
        to { key } sourceCount claimsConnection(last: 3) { totalCount edges { node { excerpt source { key } } } } } } } }`,
      {},
      small,
    );
    expect(paged.errors).toBeUndefined();
    const [edge] = paged.data.entity.relations.edges;
    expect(edge.sourceCount).toBe(SOURCES);
    expect(edge.claimsConnection.totalCount).toBe(SOURCES);
    expect(
      edge.claimsConnection.edges.map(
        (e: { node: { excerpt: string; source: { key: string } } }) => [
          e.node.source.key,
          e.node.excerpt === sentence(Number(e.node.source.key.slice(`${P}source-`.length))),
        ],
      ),
    ).toEqual(seen.slice(-3).map((k) => [k, true]));
  });

  it("too large to rewrite, is refused for what it is: the relation named, nothing written, what an operator can do", async () => {
    const added = await gql(ADD, { i: relation(SOURCES) }, small);
    expect(added.data?.addRelation ?? null).toBeNull();
    expect(added.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    const message = String(added.errors?.[0]?.message);
    expect(message).not.toMatch(/smaller pages|nested levels/);
    expect(message).toContain(`the relation ${P}north|INVADED|${P}south is too large to rewrite`);
    expect(message).toMatch(/nothing was written.*MAX_READ_BYTES/);
    // An ingest of a document that states it again: refused as a write, never "smaller pages".
    const ingested = await gql(
      `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
      {
        d: {
          source: {
            key: `${P}article`,
            name: "An article",
            properties: { title: "An article", text: sentence(SOURCES + 1) },
          },
          entities: [
            { key: `${P}north`, kind: "Nation", name: "Lev north" },
            { key: `${P}south`, kind: "Nation", name: "Lev south" },
          ],
          relations: [
            {
              from: `${P}north`,
              type: "INVADED",
              to: `${P}south`,
              evidence: sentence(SOURCES + 1),
            },
          ],
        },
      },
      small,
    );
    expect(ingested.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(String(ingested.errors?.[0]?.message)).not.toMatch(/smaller pages|nested levels/);
    expect(String(ingested.errors?.[0]?.message)).toMatch(/nothing was written/);
    // Nothing was written: still the 60 sources, and no article.
    const after = await writer(
      `{ neighbourhood(key: "${P}north") { edges { sourceCount } } entity(key: "${P}article") { key } }`,
    );
    expect(after.data).toEqual({
      neighbourhood: { edges: [{ sourceCount: SOURCES }] },
      entity: null,
    });
  });

  it("opened, a relation beside it is read alone: the heavy one's sentences are not read with it", async () => {
    // A light relation of the same type from the same start: the explorer found an opened
    // relation by reading its start's relations 20 at a time, each with 100 claims, so opening
    // this one read the heavy one's 0.6 MB too, past the small budget (LIMIT_EXCEEDED). Now it
    // reads it by its id alone.
    const text = `${P}north invaded ${P}east at dawn.`;
    await ok(
      await writer(CREATE, { i: { key: `${P}east`, kind: "Nation", name: "Lev east" } }, auth),
    );
    await ok(
      await writer(
        CREATE,
        {
          i: {
            key: `${P}east-report`,
            kind: "Source",
            name: "East report",
            properties: { title: "East report", text },
          },
        },
        auth,
      ),
    );
    await ok(
      await writer(
        ADD,
        {
          i: {
            from: `${P}north`,
            type: "INVADED",
            to: `${P}east`,
            evidence: { source: `${P}east-report`, excerpt: text },
          },
        },
        auth,
      ),
    );
    // Opened by its id (the explorer's query), one round trip.
    const r = await gql(
      OPEN_RELATION,
      { id: `${P}north|INVADED|${P}east`, n: EVIDENCE_PAGE },
      small,
    );
    expect(r.errors).toBeUndefined();
    const opened = r.data.relation;
    expect(opened.claims.totalCount).toBe(1);
    expect(opened.claims.edges.map((e: { node: { excerpt: string } }) => e.node.excerpt)).toEqual([
      text,
    ]);
  });
});

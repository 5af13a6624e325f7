import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { generateToken, type TokenEntry } from "../../src/auth/tokens.js";
import { ingestDocument } from "../../src/data/ingest.js";
import { createGraphEvents } from "../../src/events.js";
import { createClient, cypher, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const P = "wr-";
const SOURCE = "ctv-2022-nato-defence-spending";
const SENTENCE =
  "Stoltenberg expects the topic to be addressed when NATO defence ministers converge next week.";

const tokens = { read: generateToken(), write: generateToken(), admin: generateToken() };
const entries: TokenEntry[] = (["read", "write", "admin"] as const).map((s) => ({
  name: `${s}-client`,
  sha256: tokens[s].sha256,
  scopes: [s],
}));
const events = createGraphEvents();
const { app, gql } = createClient(db, { tokens: entries, events });
const bearer = (s: keyof typeof tokens) => `Bearer ${tokens[s].token}`;

/** Everything a user could see change. */
async function fingerprint() {
  const [row] = await cypher(
    db,
    `MATCH (n) WITH count(n) AS nodes, collect(n {.*}) AS all
     OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels, all, collect(r {.*}) AS rall`,
  );
  const sort = (xs: unknown) => (xs as unknown[]).map((x) => JSON.stringify(x)).sort();
  return {
    nodes: Number(row?.nodes),
    rels: Number(row?.rels),
    all: sort(row?.all),
    rall: sort(row?.rall),
  };
}

const FIXTURE = {
  source: {
    key: `${P}source`,
    name: "Fixture",
    properties: { text: "Ann leads Freedonia. Freedonia is in NATO." },
  },
  entities: [
    { key: `${P}ann`, kind: "Person", name: "Ann" },
    { key: `${P}freedonia`, kind: "Nation", name: "Freedonia" },
    { key: `${P}gone`, kind: "Place", name: "Soon Gone" },
  ],
  relations: [
    { from: `${P}ann`, type: "LEADS", to: `${P}freedonia`, evidence: "Ann leads Freedonia." },
    { from: `${P}freedonia`, type: "MEMBER_OF", to: "nato", evidence: "Freedonia is in NATO." },
  ],
};

async function cleanUp() {
  await removeByPrefix(db, P);
}

beforeEach(async () => {
  await cleanUp();
  await ingestDocument(db, { roundTrips: 0 }, FIXTURE, "fixture");
});
afterAll(async () => {
  await cleanUp();
  await db.driver.close();
});

/** Each mutation with an input that writes when allowed, and the scope it needs. */
const MUTATIONS: Record<string, { scope: "write" | "admin"; query: string }> = {
  createEntity: {
    scope: "write",
    query: `mutation { createEntity(input: { key: "${P}new", kind: Person, name: "New Person" }) { __typename ... on CreateEntitySuccess { data { key } } } }`,
  },
  updateEntity: {
    scope: "write",
    query: `mutation { updateEntity(key: "${P}ann", input: { description: "Leader of Freedonia." }) { __typename ... on UpdateEntitySuccess { data { key } } } }`,
  },
  deleteEntity: {
    scope: "admin",
    query: `mutation { deleteEntity(key: "${P}gone") { __typename ... on DeleteEntitySuccess { data { deleted } } } }`,
  },
  addRelation: {
    scope: "write",
    query: `mutation { addRelation(input: { from: "${P}ann", type: VISITED, to: "latvia", evidence: { source: "${P}source", excerpt: "Ann leads Freedonia." } }) { __typename } }`,
  },
  removeRelation: {
    scope: "write",
    query: `mutation { removeRelation(from: "${P}ann", type: LEADS, to: "${P}freedonia") { __typename ... on RemoveRelationSuccess { data { removed } } } }`,
  },
  ingestDocument: {
    scope: "write",
    query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
  },
};
const DOC = {
  source: { key: `${P}doc`, name: "Doc", properties: { text: "Bo visited Latvia." } },
  entities: [{ key: `${P}bo`, kind: "Person", name: "Bo" }],
  relations: [{ from: `${P}bo`, type: "VISITED", to: "latvia", evidence: "Bo visited Latvia." }],
};

const REFUSALS: Array<[string, string | undefined, string]> = [
  ["no token", undefined, "UNAUTHENTICATED"],
  ["a malformed header", "Token abc", "UNAUTHENTICATED"],
  ["a malformed token", "Bearer not-a-token", "UNAUTHENTICATED"],
  ["an unknown token", `Bearer ${generateToken().token}`, "UNAUTHENTICATED"],
  ["a token without the scope", bearer("read"), "FORBIDDEN"],
];

describe("authorization: every mutation, every kind of caller", () => {
  for (const [name, m] of Object.entries(MUTATIONS)) {
    const refusals =
      m.scope === "admin"
        ? [...REFUSALS, ["a write token", bearer("write"), "FORBIDDEN"] as [string, string, string]]
        : REFUSALS;
    for (const [who, header, code] of refusals) {
      it(`${name} with ${who}: ${code}, nothing written`, async () => {
        const before = await fingerprint();
        const r = await gql(m.query, { d: DOC }, header);
        expect(r.errors?.[0]?.extensions?.code).toBe(code);
        expect(r.data?.[name] ?? null).toBeNull();
        expect(await fingerprint()).toEqual(before);
      });
    }
    it(`${name} with the ${m.scope} scope: done, and stamped with the token's name`, async () => {
      const before = await fingerprint();
      const r = await gql(m.query, { d: DOC }, bearer(m.scope));
      expect(r.errors).toBeUndefined();
      expect(r.data[name].__typename).toBe(
        `${name.charAt(0).toUpperCase()}${name.slice(1)}Success`,
      );
      expect(await fingerprint()).not.toEqual(before);
    });
  }

  it("records who changed what, and when", async () => {
    await gql(MUTATIONS.updateEntity?.query ?? "", {}, bearer("write"));
    const { data } = await gql(`{ entity(key: "${P}ann") { description updatedBy updatedAt } }`);
    expect(data.entity).toMatchObject({
      description: "Leader of Freedonia.",
      updatedBy: "write-client",
    });
    expect(Date.parse(data.entity.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe("validation: every problem, with its path, and nothing written", () => {
  it("lists every problem of an entity", async () => {
    const before = await fingerprint();
    const r = await gql(
      `mutation { createEntity(input: { key: "Bad Key", kind: Nation, name: " ", properties: { isoCode: 12, colour: "red" } }) {
        __typename ... on ValidationError { code problems { path message } } } }`,
      {},
      bearer("write"),
    );
    const e = r.data.createEntity;
    expect(e.__typename).toBe("ValidationError");
    expect(e.code).toBe("BAD_USER_INPUT");
    const paths = e.problems.map((p: { path: string[] }) => p.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "input.key",
        "input.name",
        "input.properties.isoCode",
        "input.properties",
      ]),
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("checks a relation's endpoints against the vocabulary and its evidence against a known source", async () => {
    const before = await fingerprint();
    const r = await gql(
      `mutation { addRelation(input: { from: "${P}freedonia", type: SAID, to: "nowhere", evidence: { source: "no-such-source", excerpt: "x" } }) {
        __typename ... on ValidationError { problems { path message } } } }`,
      {},
      bearer("write"),
    );
    const paths = r.data.addRelation.problems.map((p: { path: string[] }) => p.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["input.to", "input.evidence.source"]));
    const wrongEnds = await gql(
      `mutation { addRelation(input: { from: "${P}freedonia", type: SAID, to: "${P}ann", evidence: { source: "${SOURCE}", excerpt: "${SENTENCE}" } }) {
        __typename ... on ValidationError { problems { path message } } } }`,
      {},
      bearer("write"),
    );
    expect(wrongEnds.data.addRelation.problems[0].message).toMatch(
      /SAID cannot link Nation -> Person/,
    );
    const notQuoted = await gql(
      `mutation { addRelation(input: { from: "${P}ann", type: VISITED, to: "latvia", evidence: { source: "${SOURCE}", excerpt: "Ann visited Latvia." } }) {
        __typename ... on ValidationError { problems { path } } } }`,
      {},
      bearer("write"),
    );
    expect(notQuoted.data.addRelation.problems[0].path).toEqual(["input", "evidence", "excerpt"]);
    // The checks and the write are one statement, which wrote nothing.
    for (const rejected of [r, wrongEnds, notQuoted])
      expect(rejected.extensions?.cypherRoundTrips).toBe(1);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a property named __proto__ in an update, as createEntity does, and writes nothing", async () => {
    const before = await fingerprint();
    // As a client's JSON carries it: an own key (an object literal here would set a prototype).
    const input = JSON.parse('{ "properties": { "__proto__": { "isoCode": "ZZZ" } } }');
    const r = await gql(
      `mutation ($i: UpdateEntityInput!) { updateEntity(key: "${P}freedonia", input: $i) {
        __typename ... on ValidationError { problems { path message } } } }`,
      { i: input },
      bearer("write"),
    );
    // It answered UpdateEntitySuccess, and neither refused the key nor wrote it.
    expect(r.data.updateEntity).toEqual({
      __typename: "ValidationError",
      problems: [{ path: ["input", "properties"], message: 'Unrecognized key: "__proto__"' }],
    });
    expect(await fingerprint()).toEqual(before);
  });

  it("names a few of thousands of unknown property keys and counts the rest, instead of echoing them all", async () => {
    const before = await fingerprint();
    const properties = Object.fromEntries(
      Array.from({ length: 2_000 }, (_, i) => [`unknown-${i}-${"x".repeat(300)}`, 1]),
    );
    const update = await gql(
      `mutation ($i: UpdateEntityInput!) { updateEntity(key: "${P}freedonia", input: $i) {
        __typename ... on ValidationError { problems { path message } } } }`,
      { i: { properties } },
      bearer("write"),
    );
    const ingest = await gql(
      `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
        __typename ... on ValidationError { problems { path message } } } }`,
      { d: { ...DOC, entities: [{ ...DOC.entities[0], properties }, ...DOC.entities.slice(1)] } },
      bearer("write"),
    );
    for (const r of [update.data.updateEntity, ingest.data.ingestDocument]) {
      expect(r.__typename).toBe("ValidationError");
      const [problem] = r.problems;
      expect(problem.message).toMatch(/^Unrecognized keys: "unknown-0-x+…", .* and 1990 more$/);
      // it echoed all 2,000 keys: 600 kB for the one problem
      expect(JSON.stringify(r).length).toBeLessThan(2_000);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("a document with an error in its last relation leaves the graph untouched", async () => {
    const before = await fingerprint();
    const bad = {
      ...DOC,
      relations: [
        ...DOC.relations,
        { from: `${P}bo`, type: "INVADED", to: "latvia", evidence: "Bo visited Latvia." },
      ],
    };
    const r = await gql(
      MUTATIONS.ingestDocument?.query.replace(
        "{ __typename }",
        "{ __typename ... on ValidationError { problems { path message } } }",
      ) ?? "",
      { d: bad },
      bearer("write"),
    );
    expect(r.data.ingestDocument.__typename).toBe("ValidationError");
    expect(r.data.ingestDocument.problems).toEqual([
      {
        path: ["relations", "1", "type"],
        message: expect.stringMatching(/INVADED cannot link Person -> Nation/),
      },
    ]);
    expect(await fingerprint()).toEqual(before);
  });
});

describe("idempotence", () => {
  it("ingesting the same document twice is a no-op the second time", async () => {
    const q = `mutation ($d: JSONObject!) { ingestDocument(document: $d) { ... on IngestDocumentSuccess { data {
      entities { created updated unchanged } relations { created updated unchanged } } } } }`;
    const first = await gql(q, { d: DOC }, bearer("write"));
    expect(first.data.ingestDocument.data.entities.created).toBe(2);
    const before = await fingerprint();
    const second = await gql(q, { d: DOC }, bearer("write"));
    expect(second.data.ingestDocument.data).toEqual({
      entities: { created: 0, updated: 0, unchanged: 2 },
      relations: { created: 0, updated: 0, unchanged: 1 },
    });
    expect(await fingerprint()).toEqual(before);
  });

  it("replaying a mutation changes nothing; a second source adds evidence, not a duplicate relation", async () => {
    for (const m of ["createEntity", "updateEntity", "addRelation"] as const) {
      await gql(MUTATIONS[m]?.query ?? "", {}, bearer("write"));
      const before = await fingerprint();
      const again = await gql(MUTATIONS[m]?.query ?? "", {}, bearer("write"));
      expect(again.data[m].__typename).toBe(`${m.charAt(0).toUpperCase()}${m.slice(1)}Success`);
      // addRelation checks and writes in one statement.
      if (m === "addRelation") expect(again.extensions?.cypherRoundTrips).toBe(1);
      expect(await fingerprint()).toEqual(before);
    }
    const q = (
      source: string,
      excerpt: string,
    ) => `mutation { addRelation(input: { from: "jens-stoltenberg", type: PARTICIPATED_IN,
      to: "nato-defence-ministers-meeting", evidence: { source: "${source}", excerpt: "${excerpt}" } }) {
      ... on AddRelationSuccess { data { evidence { excerpt source { key } } } } } }`;
    const seeded = await gql(q(SOURCE, SENTENCE), {}, bearer("write"));
    const count = seeded.data.addRelation.data.evidence.length;
    const second = await gql(q(`${P}source`, "Freedonia is in NATO."), {}, bearer("write"));
    expect(second.data.addRelation.data.evidence).toHaveLength(count + 1);
    const [{ n } = { n: 0 }] = await cypher(
      db,
      "MATCH (:Entity {key: 'jens-stoltenberg'})-[r:PARTICIPATED_IN]->(:Entity {key: 'nato-defence-ministers-meeting'}) RETURN count(r) AS n",
    );
    expect(Number(n)).toBe(1);
    // Deleting the second source takes its evidence off the relation, which stays (the seed still states it).
    const del = await gql(
      `mutation { deleteEntity(key: "${P}source") { ... on DeleteEntitySuccess { data { deleted } } } }`,
      {},
      bearer("admin"),
    );
    expect(del.data.deleteEntity.data.deleted).toBe(true);
    const after = await gql(q(SOURCE, SENTENCE), {}, bearer("write"));
    expect(after.data.addRelation.data.evidence).toHaveLength(count);
    await gql(
      `mutation { removeRelation(from: "${P}ann", type: LEADS, to: "${P}freedonia") { __typename } }`,
      {},
      bearer("write"),
    );
    const removedTwice = await gql(MUTATIONS.removeRelation?.query ?? "", {}, bearer("write"));
    expect(removedTwice.data.removeRelation.data.removed).toBe(false);
  });
});

describe("deleting what is not there", () => {
  it("answers success, as the schema promises a retry, with an outcome and a message that say nothing was there", async () => {
    const del = (key: string) =>
      gql(
        `mutation ($k: String!) { deleteEntity(key: $k) { __typename
           ... on DeleteEntitySuccess { data { key deleted outcome message relationsRemoved } } } }`,
        { k: key },
        bearer("admin"),
      );
    const removed = await gql(
      `mutation { removeRelation(from: "${P}ann", type: VISITED, to: "${P}freedonia") {
         ... on RemoveRelationSuccess { data { removed outcome message } } } }`,
      {},
      bearer("write"),
    );
    expect(removed.data.removeRelation.data).toEqual({
      removed: false,
      outcome: "NOT_FOUND",
      message: `No relation ${P}ann -[VISITED]-> ${P}freedonia: nothing was removed.`,
    });
    const first = await del(`${P}ann`);
    expect(first.errors).toBeUndefined();
    expect(first.data.deleteEntity.data).toMatchObject({
      key: `${P}ann`,
      deleted: true,
      outcome: "DELETED",
      message: `Deleted ${P}ann and 1 relation.`,
    });
    // The retry of a delete that went through, or a typo: the same type, told apart by outcome.
    const again = await del(`${P}ann`);
    expect(again.data.deleteEntity).toEqual({
      __typename: "DeleteEntitySuccess",
      data: {
        key: `${P}ann`,
        deleted: false,
        outcome: "NOT_FOUND",
        message: `No entity has the key ${P}ann: nothing was deleted.`,
        relationsRemoved: 0,
      },
    });
  });
});

describe("live updates", () => {
  it("a subscriber sees exactly the committed changes, in order", async () => {
    const res = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: `subscription { graphChanged(keys: ["${P}ann", "${P}new", "${P}bo"]) { operation by entities relations removedRelations } }`,
      }),
    });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    // Read from the start: the stream subscribes when it is first pulled.
    const seen: unknown[] = [];
    const collected = (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      while (seen.length < 2) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        const complete = buffer.slice(0, buffer.lastIndexOf("\n") + 1);
        buffer = buffer.slice(complete.length);
        for (const line of complete.split("\n")) {
          if (line.startsWith("data: ")) seen.push(JSON.parse(line.slice(6)).data.graphChanged);
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 300));

    await gql(MUTATIONS.createEntity?.query ?? "", {}, bearer("write")); // committed
    await gql(MUTATIONS.createEntity?.query ?? "", {}, bearer("write")); // a replay: no change
    await gql(MUTATIONS.createEntity?.query ?? "", {}, undefined); // refused
    const bad = {
      ...DOC,
      relations: [
        ...DOC.relations,
        { from: `${P}bo`, type: "INVADED", to: "latvia", evidence: "Bo visited Latvia." },
      ],
    };
    await gql(MUTATIONS.ingestDocument?.query ?? "", { d: bad }, bearer("write")); // rolled back
    await gql(
      `mutation { createEntity(input: { key: "${P}other", kind: Person, name: "Other" }) { __typename } }`,
      {},
      bearer("write"),
    ); // not watched
    await gql(MUTATIONS.removeRelation?.query ?? "", {}, bearer("write")); // committed

    await collected;
    await reader.cancel();
    expect(seen).toEqual([
      {
        operation: "createEntity",
        by: "write-client",
        entities: [`${P}new`],
        relations: [],
        removedRelations: [],
      },
      {
        operation: "removeRelation",
        by: "write-client",
        entities: [],
        relations: [],
        removedRelations: [`${P}ann|LEADS|${P}freedonia`],
      },
    ]);
  });
});

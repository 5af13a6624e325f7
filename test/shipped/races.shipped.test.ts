/**
 * Writes racing on the same keys, against the server as `npm start` runs it: ten clients send
 * the same (or a conflicting) write at once, as a retrying client or two ingest workers do. The
 * answers must agree with what committed, and the graph must stay one entity per key, of one
 * kind.
 */
import { describe, expect, it } from "vitest";
import { cypher, removeByPrefix } from "../helpers/client.js";
import { type Answer, post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-race-";
const { db, server } = shippedWithPrefix(P);

const write = (query: string, variables: Record<string, unknown>) =>
  post(server, { query, variables }, { authorization: server.authorization });

/** Ten at once: below MAX_IN_FLIGHT (16), so every one is executed. */
const tenAtOnce = (send: (i: number) => Promise<Answer>) =>
  Promise.all(Array.from({ length: 10 }, (_, i) => send(i)));

/** What the listings say of `key`: the kinds it is listed under, and any error they gave. */
async function listedKinds(key: string) {
  const r = await post(server, {
    query: `query ($k: [String!]) {
      nations(where: { key: { in: $k } }) { edges { node { __typename } } }
      people(where: { key: { in: $k } }) { edges { node { __typename } } }
      entity(key: "${key}") { kind }
    }`,
    variables: { k: [key] },
  });
  expect(r.body.errors).toBeUndefined();
  const listed = [...r.body.data.nations.edges, ...r.body.data.people.edges].map(
    (e: { node: { __typename: string } }) => e.node.__typename,
  );
  return { listed, kind: r.body.data.entity.kind as string };
}

describe("createEntity racing on one new key", () => {
  it("one kind wins: the other answers are CONFLICT, and the entity is listed under one kind", async () => {
    for (const round of [1, 2, 3]) {
      const key = `${P}create-${round}`;
      const answers = await tenAtOnce((i) =>
        write(
          `mutation ($i: CreateEntityInput!) { createEntity(input: $i) {
            __typename ... on Error { code } ... on CreateEntitySuccess { data { kind } } } }`,
          { i: { key, kind: i % 2 ? "Person" : "Nation", name: `Racer ${round}` } },
        ),
      );
      for (const a of answers) expect(a.body.errors).toBeUndefined();
      const results = answers.map((a) => a.body.data.createEntity);
      const won = results.filter((r) => r.__typename === "CreateEntitySuccess");
      const kinds = new Set(won.map((r) => r.data.kind));
      expect(kinds.size).toBe(1);
      const [kind] = [...kinds];
      // Every caller asking for the winning kind succeeds (a replay); the others are refused.
      expect(won).toHaveLength(5);
      expect(results.filter((r) => r.__typename === "ConflictError")).toHaveLength(5);
      expect(await listedKinds(key)).toEqual({ listed: [kind], kind });
    }
  });
});

describe("ingestDocument racing on one new key", () => {
  it("documents declaring it with another kind are refused, and it keeps one kind", async () => {
    for (const round of [1, 2, 3]) {
      const key = `${P}ingest-${round}`;
      const answers = await tenAtOnce((i) =>
        write(
          `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
            __typename ... on ValidationError { problems { message } } } }`,
          {
            d: {
              source: {
                key: `${P}source-${round}-${i}`,
                name: `Race source ${i}`,
                properties: { text: "Nothing quoted." },
              },
              entities: [{ key, kind: i % 2 ? "Person" : "Nation", name: `Racer ${round}` }],
            },
          },
        ),
      );
      for (const a of answers) expect(a.body.errors).toBeUndefined();
      const { listed, kind } = await listedKinds(key);
      expect(listed).toEqual([kind]);
      answers.forEach((a, i) => {
        const asked = i % 2 ? "Person" : "Nation";
        expect(a.body.data.ingestDocument.__typename).toBe(
          asked === kind ? "IngestDocumentSuccess" : "ValidationError",
        );
      });
    }
  });
});

describe("deleteEntity racing with updateEntity and other deletes", () => {
  it("one delete deletes; each update succeeds or is NOT_FOUND, never an internal error", async () => {
    for (const round of [1, 2, 3]) {
      const key = `${P}doomed-${round}`;
      const created = await write(
        `mutation ($i: CreateEntityInput!) { createEntity(input: $i) { __typename } }`,
        { i: { key, kind: "Person", name: "Doomed" } },
      );
      expect(created.body.data.createEntity.__typename).toBe("CreateEntitySuccess");
      const answers = await tenAtOnce((i) =>
        i % 2
          ? write(
              `mutation ($k: String!) { deleteEntity(key: $k) {
                ... on DeleteEntitySuccess { data { deleted } } } }`,
              { k: key },
            )
          : write(
              `mutation ($k: String!, $i: UpdateEntityInput!) { updateEntity(key: $k, input: $i) {
                __typename } }`,
              { k: key, i: { description: `Edit ${i}` } },
            ),
      );
      for (const a of answers) expect(a.body.errors).toBeUndefined();
      const deletes = answers.filter((_, i) => i % 2).map((a) => a.body.data.deleteEntity.data);
      expect(deletes.filter((d) => d.deleted)).toHaveLength(1);
      for (const a of answers.filter((_, i) => i % 2 === 0))
        expect(["UpdateEntitySuccess", "NotFoundError"]).toContain(
          a.body.data.updateEntity.__typename,
        );
      const gone = await post(server, { query: `{ entity(key: "${key}") { key } }` });
      expect(gone.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });
});

describe("an entity the API could not have written", () => {
  it("is an internal error to the client (masked, with the request id), not BAD_USER_INPUT echoing the record", async () => {
    // What the racing creates above used to leave behind: one node with two kind labels.
    const key = `${P}two-kinds`;
    await cypher(
      db,
      "CREATE (:Entity:Nation:Person {key: $key, kind: 'Person', name: 'Secret Two Kinds', nameLower: 'secret two kinds', aliases: []})",
      { key },
    );
    const r = await post(server, {
      query: `{ nations(where: { key: { equals: "${key}" } }) { edges { node { name } } } }`,
    });
    expect(r.body.errors, JSON.stringify(r.body)).toHaveLength(1);
    expect(r.body.errors[0].message).toBe("Unexpected error.");
    expect(r.body.errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect(r.body.errors[0].extensions.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(r.body)).not.toContain("Secret");
    await removeByPrefix(db, key);
  });
});

const DELETE_ENTITY = `mutation ($k: String!) { deleteEntity(key: $k) {
  ... on DeleteEntitySuccess { data { deleted } } } }`;
const ADD_RELATION = `mutation ($i: AddRelationInput!) { addRelation(input: $i) {
  __typename ... on ValidationError { problems { path message } } } }`;

/** Creates an entity over GraphQL, checking it was created. */
async function createEntity(i: {
  key: string;
  kind: string;
  name: string;
  properties?: Record<string, unknown>;
}) {
  const r = await write(
    `mutation ($i: CreateEntityInput!) { createEntity(input: $i) { __typename } }`,
    { i },
  );
  expect(r.body.data.createEntity.__typename).toBe("CreateEntitySuccess");
}

/**
 * Ten writes at once, adds (even, `add(i)` their input) racing deletes of `doomed` (odd): none
 * gets an error and exactly one delete deletes. The adds' answers, in order.
 */
async function addsRacingDeletes(doomed: string, add: (i: number) => object) {
  const answers = await tenAtOnce((i) =>
    i % 2 ? write(DELETE_ENTITY, { k: doomed }) : write(ADD_RELATION, { i: add(i) }),
  );
  for (const a of answers) expect(a.body.errors, JSON.stringify(a.body)).toBeUndefined();
  const deletes = answers.filter((_, i) => i % 2).map((a) => a.body.data.deleteEntity.data);
  expect(deletes.filter((d) => d.deleted)).toHaveLength(1);
  return answers
    .filter((_, i) => i % 2 === 0)
    .map((a) => a.body.data.addRelation as { __typename: string; problems?: unknown });
}

describe("addRelation racing with deletes of its ends", () => {
  it("each add succeeds between two live entities or is refused; no internal error, no relation to a deleted entity", async () => {
    const source = `${P}rel-source`;
    await createEntity({
      key: source,
      kind: "Source",
      name: "Race source",
      properties: { text: "Alpha leads Beta." },
    });
    for (const round of [1, 2, 3, 4, 5, 6]) {
      const [from, to] = [`${P}rel-from-${round}`, `${P}rel-to-${round}`];
      await createEntity({ key: from, kind: "Person", name: `Racer ${from}` });
      await createEntity({ key: to, kind: "Nation", name: `Racer ${to}` });
      // Odd rounds delete the relation's start, even ones its end.
      const doomed = round % 2 ? from : to;
      const adds = await addsRacingDeletes(doomed, () => ({
        from,
        type: "LEADS",
        to,
        evidence: { source, excerpt: "Alpha leads Beta." },
      }));
      for (const added of adds) {
        if (added.__typename === "ValidationError")
          expect(added.problems).toEqual([
            {
              path: ["input", doomed === from ? "from" : "to"],
              message: `unknown entity "${doomed}"`,
            },
          ]);
        else expect(added.__typename).toBe("AddRelationSuccess");
      }
      // The entity left has no relation: the delete took any that was added before it.
      const left = doomed === from ? to : from;
      const r = await post(server, {
        query: `{ entity(key: "${left}") { relations { totalCount } } }`,
      });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.entity.relations.totalCount).toBe(0);
      // Nor in the graph itself: the doomed key is gone, with every relationship it had.
      const [graph] = await cypher(
        db,
        "OPTIONAL MATCH (n:Entity {key: $doomed}) OPTIONAL MATCH (:Entity {key: $left})-[r]-() RETURN count(DISTINCT n) AS nodes, count(r) AS relations",
        { doomed, left },
      );
      expect({ nodes: Number(graph?.nodes), relations: Number(graph?.relations) }).toEqual({
        nodes: 0,
        relations: 0,
      });
    }
  });
});

describe("addRelation racing with deletes of its source", () => {
  it("each add succeeds or is refused for an unknown source; no internal error, nothing left citing the deleted source", async () => {
    for (const round of [1, 2, 3, 4, 5, 6]) {
      const source = `${P}cited-${round}`;
      await createEntity({
        key: source,
        kind: "Source",
        name: `Cited ${round}`,
        properties: { text: "Gamma leads Delta." },
      });
      // Each add has its own two ends, as different clients citing one source do: only the
      // source is shared.
      const ends = (i: number) => [`${P}cite-from-${round}-${i}`, `${P}cite-to-${round}-${i}`];
      for (let i = 0; i < 10; i += 2) {
        const [from, to] = ends(i) as [string, string];
        await createEntity({ key: from, kind: "Person", name: `Citer ${from}` });
        await createEntity({ key: to, kind: "Nation", name: `Citer ${to}` });
      }
      const adds = await addsRacingDeletes(source, (i) => ({
        from: ends(i)[0],
        type: "LEADS",
        to: ends(i)[1],
        evidence: { source, excerpt: "Gamma leads Delta." },
      }));
      for (const added of adds) {
        if (added.__typename === "ValidationError")
          expect(added.problems).toEqual([
            { path: ["input", "evidence", "source"], message: `unknown source "${source}"` },
          ]);
        else expect(added.__typename).toBe("AddRelationSuccess");
      }
      // Every end is left without relations: an add that committed before the delete had its
      // relation removed with the source (its only evidence); none committed after it.
      for (let i = 0; i < 10; i += 2) {
        const r = await post(server, {
          query: `{ entity(key: "${ends(i)[0]}") { relations { totalCount } } }`,
        });
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data.entity.relations.totalCount).toBe(0);
      }
      const [graph] = await cypher(
        db,
        "MATCH ()-[r]->() WHERE $source IN r.evidenceSources RETURN count(r) AS citing",
        { source },
      );
      expect(Number(graph?.citing)).toBe(0);
    }
  });
});

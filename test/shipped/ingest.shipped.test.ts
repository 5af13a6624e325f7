/**
 * Nothing lost on ingest (issue 22, item 6), against the server as `npm start` runs it: a second
 * document that declares an entity with fewer fields adds to it instead of emptying it.
 */
import { describe, expect, it } from "vitest";
import { cypher } from "../helpers/client.js";
import { post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-ingest-";
const { db, server } = shippedWithPrefix(P);

const declaring = (src: string, entity: object) => ({
  source: { key: `${P}${src}`, name: src, properties: { text: "Nothing quoted." } },
  entities: [{ key: `${P}ann`, kind: "Person", ...entity }],
});

async function ingest(document: object) {
  const r = await post(
    server,
    {
      query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
        __typename ... on Error { message } } }`,
      variables: { d: document },
    },
    { authorization: server.authorization },
  );
  expect(r.status).toBe(200);
  expect(r.body.data.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
}

describe("ingest on the server as npm start runs it", () => {
  it("unions the aliases and keeps the description a second document leaves out", async () => {
    await ingest(
      declaring("a", {
        name: "Ann Lee",
        aliases: ["Annie", "A. Lee"],
        description: "Chief of Freedonia.",
      }),
    );
    await ingest(declaring("b", { name: "Ann Lee", aliases: ["ANNIE", "Ms Lee"] }));
    const r = await post(server, {
      query: `{ entity(key: "${P}ann") { aliases description } }`,
    });
    expect(r.body.data.entity).toEqual({
      aliases: ["Annie", "A. Lee", "Ms Lee"],
      description: "Chief of Freedonia.",
    });
    // The fixture is the suite's own database: nothing else of ours is left behind.
    const [{ n } = { n: -1 }] = await cypher(
      db,
      "MATCH (n:Entity) WHERE n.key STARTS WITH $p RETURN count(n) AS n",
      { p: P },
    );
    expect(Number(n)).toBe(3);
  });
});

describe("a document stating one relation over and over", () => {
  const restating = (src: string, times: number) => ({
    source: { key: `${P}${src}`, name: src, properties: { text: "Gamma. Delta." } },
    entities: [{ key: `${P}gamma`, kind: "Person", name: "Gamma" }],
    relations: Array.from({ length: times }, (_, i) => ({
      from: `${P}${src}`,
      type: "MENTIONS",
      to: `${P}gamma`,
      evidence: i % 2 ? "Gamma." : "Delta.",
    })),
  });
  const send = (document: object) =>
    post(
      server,
      {
        query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
          __typename ... on ValidationError { problems { path message } } } }`,
        variables: { d: document },
      },
      { authorization: server.authorization },
    );

  it("is refused at once with the statement over the limit, not written in thousands of round trips", async () => {
    const r = await send(restating("restated-3000", 3_000));
    expect(r.body.errors, JSON.stringify(r.body).slice(0, 300)).toBeUndefined();
    expect(r.body.data.ingestDocument.__typename).toBe("ValidationError");
    expect(r.body.data.ingestDocument.problems).toEqual([
      {
        path: ["relations", "20"],
        message: expect.stringMatching(/states .*\|MENTIONS\|.* more than 20 times/),
      },
    ]);
    expect(r.body.extensions.cypherRoundTrips).toBeLessThanOrEqual(2);
    const gone = await post(server, { query: `{ entity(key: "${P}gamma") { key } }` });
    expect(gone.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("is ingested when it states it 20 times", async () => {
    const r = await send(restating("restated-20", 20));
    expect(r.body.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
  });
});

describe("a document whose excerpts are not sentences of its text", () => {
  it("stops searching its text past a budget, and says so, instead of searching it once per excerpt", async () => {
    // 3,000 excerpts of 20-odd characters against a 600 kB text: each one a search of the whole
    // text on the server's only thread (1.8 s, every other request waiting).
    const text = `${"a".repeat(600_000)}. Alpha leads Beta.`;
    const r = await post(
      server,
      {
        query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
          __typename ... on ValidationError { problems { path message } } } }`,
        variables: {
          d: {
            source: { key: `${P}scan-source`, name: "Scan", properties: { text } },
            entities: [
              { key: `${P}scan-a`, kind: "Person", name: "Alpha" },
              { key: `${P}scan-b`, kind: "Nation", name: "Beta" },
            ],
            relations: Array.from({ length: 3_000 }, (_, i) => ({
              from: `${P}scan-a`,
              type: "LEADS",
              to: `${P}scan-b`,
              evidence: `${"a".repeat(20)}b${i}`,
            })),
          },
        },
      },
      { authorization: server.authorization },
    );
    expect(r.body.errors, JSON.stringify(r.body.errors)?.slice(0, 300)).toBeUndefined();
    const result = r.body.data.ingestDocument;
    expect(result.__typename).toBe("ValidationError");
    const budget = result.problems.filter((p: { message: string }) =>
      p.message.includes("were not checked"),
    );
    expect(budget).toHaveLength(1);
    expect(budget[0].message).toMatch(/quote whole sentences, or split the document/);
    // The excerpts searched before the budget ran out are reported as usual; no more.
    expect(result.problems.length).toBeLessThan(200);
    expect(server.alive()).toBe(true);
  });
});

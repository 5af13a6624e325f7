/**
 * Nothing lost on ingest (issue 22, item 6), against the server as `npm start` runs it: a second
 * document that declares an entity with fewer fields adds to it instead of emptying it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, removeByPrefix, testDb } from "../helpers/client.js";
import { post, type ShippedServer, startShipped } from "../helpers/shipped.js";

const P = "shipped-ingest-";
const db = testDb();
let server: ShippedServer;
beforeAll(async () => {
  await removeByPrefix(db, P);
  server = await startShipped();
});
afterAll(async () => {
  await server?.stop();
  await removeByPrefix(db, P);
  await db.driver.close();
});

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

import { getOperationAST, parse, validate } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_QUERY, EXAMPLES, GRAPHIQL_OPTIONS, renderGraphiQL } from "../../src/graphiql.js";
import { schema } from "../../src/graphql/index.js";
import { createClient, testDb } from "../helpers/client.js";

const db = testDb();
const { app, gql } = createClient(db);
afterAll(() => db.driver.close());

describe("GraphiQL", () => {
  it("serves GraphiQL at /graphql with the example query in its default tab", async () => {
    const res = await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Allies graph");
    expect(html).toContain("query CanadaInLatvia");
  });

  it("the example runs: Canada -> the mission it leads -> Latvia and the troops, each with its sentence", async () => {
    const { data, errors } = await gql(DEFAULT_QUERY);
    expect(errors).toBeUndefined();
    const mission = data.entity.ledMissions.edges[0];
    expect(mission.node.name).toBe("Operation Reassurance");
    expect(mission.evidence[0].excerpt).toContain("Canada is the lead nation in the Baltic region");
    expect(
      mission.node.deployedTo.edges.map((e: { node: { name: string } }) => e.node.name),
    ).toContain("Latvia");
    const canada = mission.node.contributors.edges.find(
      (e: { node: { name: string } }) => e.node.name === "Canada",
    );
    expect(canada).toMatchObject({ troops: 540, additionalTroops: 130 });
    expect(canada.evidence[0].excerpt).toBe(
      "Approximately 540 Canadian Armed Forces members are deployed to Latvia under the NATO mission, and 130 more will join in the coming weeks.",
    );
  });

  it("its default tabs are the curated examples: named operations, valid, one per capability, the traversal first", () => {
    expect(EXAMPLES[0]?.query).toBe(DEFAULT_QUERY);
    expect(GRAPHIQL_OPTIONS.defaultTabs.map((t) => t.query)).toEqual(EXAMPLES.map((e) => e.query));
    const names = EXAMPLES.map((e) => {
      const document = parse(e.query);
      expect(validate(schema, document), e.capability).toEqual([]);
      return getOperationAST(document)?.name?.value;
    });
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(EXAMPLES.length);
    expect(new Set(EXAMPLES.map((e) => e.capability)).size).toBe(EXAMPLES.length);
    const kinds = EXAMPLES.map((e) => getOperationAST(parse(e.query))?.operation);
    expect(kinds).toContain("mutation");
    expect(kinds).toContain("subscription");
  });

  it("every query example runs on the seed and returns data", async () => {
    for (const example of EXAMPLES) {
      if (getOperationAST(parse(example.query))?.operation !== "query") continue;
      const { data, errors } = await gql(example.query);
      expect(errors, example.capability).toBeUndefined();
      expect(
        Object.values(data ?? {}).every((v) => v !== null),
        example.capability,
      ).toBe(true);
    }
  });

  it("the write example, with its placeholder token, is refused and writes nothing", async () => {
    const write = EXAMPLES.find((e) => getOperationAST(parse(e.query))?.operation === "mutation");
    const headers = JSON.parse(write?.headers ?? "{}") as { Authorization?: string };
    expect(headers.Authorization).toMatch(/^Bearer /);
    const { data, errors } = await gql(write?.query ?? "", {}, headers.Authorization);
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(data?.addRelation ?? null).toBeNull();
  });

  it("renders GraphiQL with its assets inlined (no CDN) and a link to the explorer", async () => {
    const html = await renderGraphiQL({ ...GRAPHIQL_OPTIONS, endpoint: "/graphql" });
    expect(html).not.toMatch(/https:\/\/unpkg\.com/);
    expect(html).toContain('<a id="explorer-link" href="/explorer"');
    for (const e of EXAMPLES) expect(html).toContain(JSON.stringify(e.query).slice(1, 40));
    // Rendered once per set of options: the page is large.
    expect(await renderGraphiQL({ ...GRAPHIQL_OPTIONS, endpoint: "/graphql" })).toBe(html);
  });

  it("the server uses that renderer and those tabs", async () => {
    const res = await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    const html = await res.text();
    expect(html).not.toMatch(/https:\/\/unpkg\.com/);
    expect(html).toContain('href="/explorer"');
    expect(html).toContain("query TrudeauToLatvia");
  });
});

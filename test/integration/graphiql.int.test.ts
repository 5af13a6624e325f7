import { getOperationAST, parse, validate, visit } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { DEFAULT_QUERY, EXAMPLES, GRAPHIQL_OPTIONS, renderGraphiQL } from "../../src/graphiql.js";
import { schema } from "../../src/graphql/index.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, testDb } from "../helpers/client.js";

const db = testDb();
const admin = generateToken();
const { app, gql } = createClient(db, {
  // The extraction example loads the language model first: a loaded machine takes longer
  // than the production budget (as in extract.int.test.ts).
  limits: { ...DEFAULT_LIMITS, requestTimeoutMs: 120_000, queryTimeoutMs: 110_000 },
  tokens: [{ name: "graphiql-examples", sha256: admin.sha256, scopes: ["admin"] }],
});
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

  it("the write examples, with their placeholder tokens, are refused and write nothing", async () => {
    const writes = EXAMPLES.filter(
      (e) => getOperationAST(parse(e.query))?.operation === "mutation",
    );
    expect(writes.length).toBeGreaterThan(0);
    for (const write of writes) {
      const headers = JSON.parse(write.headers ?? "{}") as { Authorization?: string };
      expect(headers.Authorization, write.capability).toMatch(/^Bearer /);
      const { data, errors } = await gql(write.query, {}, headers.Authorization);
      expect(errors?.[0]?.extensions?.code, write.capability).toBe("UNAUTHENTICATED");
      expect(data ?? null, write.capability).toBeNull();
    }
  });

  /** The root fields an example selects, and the arguments it passes anywhere. */
  function uses(e: (typeof EXAMPLES)[number]) {
    const fields = new Set<string>();
    const args = new Set<string>();
    visit(parse(e.query), {
      Field: (node) => {
        fields.add(node.name.value);
      },
      Argument: (node) => {
        args.add(node.name.value);
      },
    });
    return { fields, args };
  }

  it("there are examples of claims, evidence, asOf, sources, retractSource and extractDocument, and each one runs", async () => {
    const find = (field: string) => EXAMPLES.find((e) => uses(e).fields.has(field));
    const claims = find("claims");
    expect(claims, "an example reading claims").toBeDefined();
    expect(uses(claims as (typeof EXAMPLES)[number]).fields).toContain("evidence");
    expect(uses(claims as (typeof EXAMPLES)[number]).fields).toContain("sources");
    expect(uses(claims as (typeof EXAMPLES)[number]).args).toContain("asOf");

    // The read one answers on the seed: the seed's claim on Canada's troops, as a user sees it.
    const read = await gql(claims?.query ?? "");
    expect(read.errors).toBeUndefined();
    const contributes = read.data.entity.relations.edges.find(
      (e: { node: { name: string } }) => e.node.name === "Operation Reassurance",
    );
    expect(contributes.claims[0]).toMatchObject({
      source: { key: "ctv-2022-nato-defence-spending" },
      values: { troops: 540, additionalTroops: 130 },
    });
    expect(contributes.claims[0].rank).not.toBe("DEPRECATED");
    expect(read.data.sources.totalCount).toBeGreaterThan(0);

    // The write ones run as they stand with a token of the scope their comment names.
    const extract = find("extractDocument");
    expect(extract?.headers).toMatch(/--scopes write/);
    const draft = await gql(extract?.query ?? "", {}, `Bearer ${admin.token}`);
    expect(draft.errors).toBeUndefined();
    expect(draft.data.extractDocument.entities).toContainEqual(
      expect.objectContaining({ key: "canada", status: "LINKED" }),
    );

    const retract = find("retractSource");
    expect(retract?.headers).toMatch(/--scopes admin/);
    const restored = await gql(retract?.query ?? "", {}, `Bearer ${admin.token}`);
    expect(restored.errors).toBeUndefined();
    expect(restored.data.retractSource).toMatchObject({
      __typename: "RetractSourceSuccess",
      data: { key: "ctv-2022-nato-defence-spending", retracted: false },
    });
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

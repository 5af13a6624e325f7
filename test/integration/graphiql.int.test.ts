import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_QUERY } from "../../src/graphiql.js";
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
});

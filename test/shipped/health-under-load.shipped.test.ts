/**
 * /health while every request slot is taken (edges29: it took up to 3.5 s while 16 costly
 * requests ran on a machine with a load average of 8 to 18). /health touches neither Neo4j nor
 * the admission of requests (http.ts answers it before either): its wait was the machine's CPU,
 * not request work. This holds it so: the slots are filled with writes that wait on a lock the
 * test holds, and /health answers while every one of them is still waiting.
 */
import { describe, expect, it } from "vitest";
import { errorLines, post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-health-";
const SLOTS = 3;
const { db, server } = shippedWithPrefix(P, {
  env: { MAX_IN_FLIGHT: String(SLOTS), QUERY_TIMEOUT_MS: "20000", REQUEST_TIMEOUT_MS: "30000" },
});

describe("/health with every request slot held", () => {
  it("answers 200 while the requests holding the slots wait on a lock, and they finish once it is free", async () => {
    const key = `${P}held`;
    const created = await post(
      server,
      {
        query: `mutation { createEntity(input: { key: "${key}", kind: Person, name: "Held" }) { __typename } }`,
      },
      { authorization: server.authorization },
    );
    expect(created.body.data?.createEntity?.__typename).toBe("CreateEntitySuccess");

    // Another writer (a session of its own) holds the entity's lock: the updates wait on it.
    const session = db.driver.session({ database: db.database });
    const holder = await session.beginTransaction();
    let settled = 0;
    let held: Promise<unknown[]> = Promise.resolve([]);
    try {
      await holder.run("MATCH (e:Entity {key: $key}) SET e.description = 'Held.'", { key });
      held = Promise.all(
        Array.from({ length: SLOTS }, (_, i) =>
          post(
            server,
            {
              query: `mutation ($k: String!, $d: String!) { updateEntity(key: $k, input: { description: $d }) {
                __typename } }`,
              variables: { k: key, d: `Update ${i}.` },
            },
            { authorization: server.authorization },
          ).finally(() => {
            settled += 1;
          }),
        ),
      );
      // Every slot taken: a query is refused OVERLOADED (probed until it is).
      let overloaded = false;
      for (let i = 0; i < 100 && !overloaded; i++) {
        const probe = await post(server, { query: "{ __typename }" });
        overloaded =
          probe.status === 503 && probe.body.errors?.[0]?.extensions?.code === "OVERLOADED";
        if (!overloaded) await new Promise((r) => setTimeout(r, 100));
      }
      expect(overloaded).toBe(true);
      const health = await fetch(`${server.url}/health`);
      expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
      // Answered while every request holding a slot still waited.
      expect(settled).toBe(0);
    } finally {
      await holder.rollback();
      await session.close();
    }
    const answers = (await held) as { body: { data: { updateEntity: { __typename: string } } } }[];
    expect(answers.map((a) => a.body.data.updateEntity.__typename)).toEqual(
      Array(SLOTS).fill("UpdateEntitySuccess"),
    );
    expect(errorLines(server)).toEqual([]);
  });
});

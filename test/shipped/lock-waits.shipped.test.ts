/**
 * A write that waits for a lock longer than its transaction may run (sixth red-team round),
 * against the server as `npm start` runs it. On a busy server, writers to the same entities
 * queue behind each other; Neo4j stops one still waiting at the transaction timeout.
 */
import { describe, expect, it } from "vitest";
import { errorLines, post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-lockwait-";
// A short transaction timeout, well inside the request budget, so the wait ends in Neo4j.
const { db, server } = shippedWithPrefix(P, {
  env: { QUERY_TIMEOUT_MS: "2500", REQUEST_TIMEOUT_MS: "10000" },
});

describe("a write stopped by Neo4j while it waits for a lock", () => {
  it("is TIMEOUT saying it did not commit, not an internal error; the write goes through once the lock is free", async () => {
    const key = `${P}held`;
    const update = () =>
      post(
        server,
        {
          query: `mutation ($k: String!) { updateEntity(key: $k, input: { description: "Updated." }) {
            __typename ... on Error { code } } }`,
          variables: { k: key },
        },
        { authorization: server.authorization },
      );
    const created = await post(
      server,
      {
        query: `mutation { createEntity(input: { key: "${key}", kind: Person, name: "Held" }) { __typename } }`,
      },
      { authorization: server.authorization },
    );
    expect(created.body.data?.createEntity?.__typename, JSON.stringify(created.body)).toBe(
      "CreateEntitySuccess",
    );

    // Another writer (a session of its own) holds the entity's lock past the server's timeout.
    const session = db.driver.session({ database: db.database });
    const holder = await session.beginTransaction();
    try {
      await holder.run("MATCH (e:Entity {key: $key}) SET e.description = 'Held.'", { key });
      const r = await update();
      expect(r.body.data?.updateEntity ?? null, JSON.stringify(r.body)).toBeNull();
      expect(r.body.errors, JSON.stringify(r.body)).toHaveLength(1);
      // Rolled back, so a client may send it again as it is, and is told so without the words.
      expect(r.body.errors[0].extensions).toEqual({
        code: "TIMEOUT",
        retryable: true,
        retryAfterSeconds: 1,
      });
      expect(r.body.errors[0].message).toMatch(
        /stopped at its transaction's budget of 2500 ms .* while it waited for a lock, and was rolled back: nothing was written\. Either other writes were changing the same entities \(retry it\)/,
      );
    } finally {
      await holder.rollback();
      await session.close();
    }
    const retried = await update();
    expect(retried.body.data?.updateEntity?.__typename, JSON.stringify(retried.body)).toBe(
      "UpdateEntitySuccess",
    );
    expect(errorLines(server)).toEqual([]);
  });
});

/**
 * Page statements are kept per plan (src/cypher/entities.ts, bench/findings.md "speed2"): the key
 * (planKey) is the whole plan but its window, written so that two different plans never share
 * it, and what is kept still holds every value as a parameter.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entityPageStatement } from "../../src/cypher/entities.js";
import type { EntityPagePlan } from "../../src/cypher/plan.js";
import { planKey } from "../../src/cypher/plan-key.js";

const plan = (over: Partial<EntityPagePlan>): EntityPagePlan => ({
  kind: "Nation",
  offset: 0,
  limit: 11,
  withTotal: false,
  ...over,
});

describe("planKey", () => {
  it("gives two values one key only when they are the same data", () => {
    const plain = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(null, undefined, true, false, 0, -0, 1, "", "0", "u", "n", "-0"),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("a", "b", "where", '"'), tie("value"), {
          maxKeys: 3,
          noNullPrototype: true,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        const [ka, kb] = [planKey(a), planKey(b)];
        expect(ka).toBeDefined();
        // The same data with its keys in another order may have another key: only a miss.
        if (ka === kb) expect(isDeepStrictEqual(a, b)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    // What JSON would merge stays apart.
    const apart: [unknown, unknown][] = [
      [{ a: undefined }, {}],
      [0, -0],
      [[undefined], [null]],
      ["1", 1],
      [{ a: [1, 2] }, { a: "[1,2]" }],
    ];
    for (const [a, b] of apart) expect(planKey(a)).not.toBe(planKey(b));
    for (const odd of [new Map(), new Set([1]), new Date(0), Number.NaN, () => 1])
      expect(planKey({ where: odd })).toBeUndefined();
  });
});

describe("entityPageStatement's cache", () => {
  it("never hands one plan's statement to another, and keeps every value a parameter", () => {
    const plans: EntityPagePlan[] = [
      plan({ where: { name: { startsWith: "Ca" } } }),
      plan({ where: { name: { startsWith: "Ge" } } }),
      plan({ where: { name: { startsWith: "Ge" } }, withTotal: true }),
      plan({ where: { name: { equals: "Ge" } } }),
      plan({ where: { name: { startsWith: "Ge" } }, kind: "Person" }),
      plan({ where: { related: [{ type: "MEMBER_OF", direction: "OUT", keys: ["nato"] }] } }),
      plan({ where: { related: [{ type: "MEMBER_OF", direction: "OUT", keys: ["eu"] }] } }),
      plan({ where: { properties: { isoCode: { equals: "CAN" } } } }),
      plan({ where: { properties: { isoCode: { equals: "DEU" } } } }),
      plan({ orderBy: [{ field: "isoCode", direction: "DESC" }] }),
      plan({ properties: ["isoCode"] }),
      plan({ properties: [] }),
    ];
    // Each plan's statement, built before any other plan was cached (a fresh key each: the
    // cache cannot have it yet), then asked again after all the others, out of order.
    const first = plans.map((p) => entityPageStatement(structuredClone(p)));
    for (const i of [...plans.keys()].reverse()) {
      expect(entityPageStatement(structuredClone(plans[i] as EntityPagePlan))).toEqual(first[i]);
    }
    // Values only in the parameters: the two prefixes share a text, not their values.
    expect(first[0]?.cypher).toBe(first[1]?.cypher);
    expect(first[0]?.params).not.toEqual(first[1]?.params);
    for (const s of first)
      for (const v of ["ca", "ge", "Ge", "nato", "eu", "CAN", "DEU"])
        expect(s.cypher).not.toContain(`"${v}"`);
  });

  it("gives every page of a list the same text and its own window", () => {
    const where = { name: { startsWith: "Ca" } };
    const a = entityPageStatement(plan({ where, offset: 0, limit: 11 }));
    const b = entityPageStatement(plan({ where, offset: 20, limit: 6 }));
    expect(b.cypher).toBe(a.cypher);
    expect(Number(a.params.offset)).toBe(0);
    expect(Number(b.params.offset)).toBe(20);
    expect(Number(b.params.limit)).toBe(6);
    // Each call has its own parameters object: a caller that changed it changes no other's.
    b.params.w0 = "changed";
    expect(entityPageStatement(plan({ where })).params.w0).toBe("ca");
  });
});

/**
 * Two bodies joined by "and" ("the Royal Navy and Royal Air Force") were drafted as one
 * organisation named by both; each is its own. A name with "and" inside it stays one. Sentences
 * are written for the test.
 */
import { describe, expect, it } from "vitest";
import { entities } from "../helpers/extract.js";

const on = "2024-05-02";

describe("extract: two bodies joined by 'and'", () => {
  it("'the Royal Navy and Royal Air Force' are two organisations", async () => {
    const found = await entities("The Royal Navy and Royal Air Force joined the drills.", on);
    expect(found).toContain("Organization royal-navy");
    expect(found).toContain("Organization royal-air-force");
    expect(found.some((e) => /royal-navy-and/.test(e))).toBe(false);
  });

  it("so are two committees of two bodies", async () => {
    const found = await entities(
      "The EU Military Committee and NATO Military Committee met in Brussels.",
      on,
    );
    expect(found.some((e) => /military-committee-and/.test(e))).toBe(false);
  });

  it("a name with 'and' inside stays one: a ministry, an agency", async () => {
    expect(await entities("The Ministry of Trade and Industry said so.", on)).toContain(
      "Organization ministry-of-trade-and-industry",
    );
    expect(
      await entities("The NATO Support and Procurement Agency signed the contract.", on),
    ).toContain("Organization nato-support-and-procurement-agency");
  });
});

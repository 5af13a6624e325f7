/**
 * Text as it comes from the wild, not from the tune set (session 24): a bulleted list, a building
 * named where a speech was given. Every sentence here is written for the test.
 */
import { describe, expect, it } from "vitest";
import { entities } from "../helpers/extract.js";

describe("extract: buildings are not people", () => {
  it("a name ending in House, Palace, Castle ... is no person, unless a title names one", async () => {
    const ents = await entities(
      "During an address at Lancaster House, the minister spoke. Leaders dined at Bellevue Palace. Minister Jane Castle and Sun-woo Park said they would go.",
    );
    expect(ents).not.toContain("Person lancaster-house");
    expect(ents).not.toContain("Person bellevue-palace");
    expect(ents).toContain("Person jane-castle");
    expect(ents).toContain("Person sun-woo-park");
  });
});

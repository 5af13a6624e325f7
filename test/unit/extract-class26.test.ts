/**
 * Session 26 (extclass26): error classes seen recurring in drafts of unannotated articles
 * (/work/wild24, /work/wild25), fixed as general mechanisms. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, entities, facts } from "../helpers/extract.js";

describe("extract: a nation's demonym, every NATO/EU/partner form (class 3)", () => {
  it.each([
    ["Luxembourgian", "luxembourg"],
    ["Bosnian", "bosnia-and-herzegovina"],
    ["Herzegovinian", "bosnia-and-herzegovina"],
  ])("'%s officers' name %s", async (demonym, key) => {
    const e = await entities(`A group of ${demonym} officers visited the base on Monday.`);
    expect(e).toContain(`Nation ${key}`);
  });

  it("the people in the plural of an '-er' demonym: 'the Icelanders', 'the Luxembourgers'", async () => {
    const e = await entities("The Icelanders and the Luxembourgers joined the drill on Monday.");
    expect(e).toContain("Nation iceland");
    expect(e).toContain("Nation luxembourg");
  });
});

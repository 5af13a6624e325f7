/**
 * A person whose first name is a nation's (thirteenth red-team round): "Latvia Smith, a Toronto
 * lawyer" was read as the nation Latvia, so the person was lost and a draft linked to the graph
 * gave Latvia's NATO membership the lawyer's sentence as evidence. A nation's name right before a
 * surname is the person's first name; the nation named as a place is still the nation.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

describe("extract: a nation's name as a person's first name", () => {
  it.each([
    [
      "Latvia Smith, a Toronto lawyer, was appointed to the board of the Canadian Press on Monday.",
      "Person latvia-smith",
    ],
    ["Georgia Walton said the alliance had to spend more.", "Person georgia-walton"],
  ])("%s", async (text, person) => {
    const found = await entities(text);
    expect(found).toContain(person);
    expect(found.filter((e) => e.startsWith("Nation "))).toEqual([]);
    expect((await facts(text)).filter((f) => f.includes(" MEMBER_OF "))).toEqual([]);
  });

  it("leaves the nation where it is named as a place, beside the namesake", async () => {
    const text = "Latvia Smith, a Toronto lawyer, visited Latvia on Monday.";
    const found = await entities(text);
    expect(found).toContain("Person latvia-smith");
    expect(found).toContain("Nation latvia");
    expect(await facts(text)).toContain("latvia-smith VISITED latvia");
  });
});

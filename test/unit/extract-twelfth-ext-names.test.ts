/**
 * The twelfth pass (issue 25, ext-names): named things a reader records that the mention stage
 * missed, and inferred NATO membership kept to where the text speaks of the alliance. Each family
 * has cases that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, entities, facts } from "../helpers/extract.js";

const people = async (text: string) =>
  (await draft(text)).document.entities.filter((e) => e.kind === "Person").map((e) => e.name);

describe("extract: a person after a rank or office inside a run of capitalised words", () => {
  it("a rank after a body's or a place's name: the name is what follows the rank", async () => {
    expect(
      await people(
        "The parade was attended by the commander of the Joint Force Command Brunssum Lieutenant General Karl Weiss.",
      ),
    ).toContain("Karl Weiss");
    expect(
      await people("Royal Navy Fleet Commander Vice Admiral Jude Terry said the ships were ready."),
    ).toContain("Jude Terry");
  });

  it("a name particle stays in the name", async () => {
    expect(
      await people("Air Component Major General Pieter Van Dam inspected the jets on Monday."),
    ).toContain("Pieter Van Dam");
  });

  it("'Secretary of State' is a title, not part of the name", async () => {
    const p = await people("Britain's Secretary of State Mary Lamb met the troops in Tapa.");
    expect(p).toContain("Mary Lamb");
    expect(p).not.toContain("State Mary Lamb");
  });

  it("a body's name with no name after the rank is no person", async () => {
    expect(await people("The Land Forces Command General Staff approved the plan.")).toEqual([]);
    expect(
      await people("The contract went to General Dynamics European Land Systems on Monday."),
    ).toEqual([]);
  });
});

describe("extract: organisations by their head word and a nation's ministry by its full name", () => {
  it("a capitalised name ending in Force or Network is an organisation", async () => {
    const e = await entities(
      "Soldiers of the Joint Rapid Response Force trained with the Nordic Defence Network in May.",
    );
    expect(e).toContain("Organization joint-rapid-response-force");
    expect(e).toContain("Organization nordic-defence-network");
  });

  it("a bare 'Air Force' is not an organisation of its own", async () => {
    const e = await entities("The Air Force said the jets had landed.");
    expect(e).not.toContain("Organization air-force");
  });

  it("a nation's ministry keeps the 'of ...' of its name", async () => {
    const e = await entities("The Estonian Ministry of Foreign Affairs said the talks went well.");
    expect(e).toContain("Organization estonian-ministry-of-foreign-affairs");
    expect(e).not.toContain("Organization estonian-ministry");
  });
});

describe("extract: inferred NATO membership only where the text speaks of the alliance", () => {
  it("a member named in a sentence about NATO or its allies is a member (inferred)", async () => {
    const f = await facts(
      "NATO leaders met on Tuesday. Allies such as Portugal praised the plan. Troops from Greece took part in an exercise in Crete.",
      "2024-06-14",
    );
    expect(f).toContain("portugal MEMBER_OF nato (inferred)");
    expect(f).not.toContain("greece MEMBER_OF nato (inferred)");
  });

  it("'non-NATO countries' are no members, however the sentence reads", async () => {
    const f = await facts(
      "NATO and the Nordic Defence Network, which comprises non-NATO countries Austria and Ireland, will be there.",
    );
    expect(f).not.toContain("austria MEMBER_OF nato");
    expect(f).not.toContain("ireland MEMBER_OF nato");
  });

  it("a member named where the article speaks of the alliance's target is a member", async () => {
    const f = await facts(
      "NATO figures were published on Monday. Italy has already exceeded the two per cent target.",
    );
    expect(f).toContain("italy MEMBER_OF nato (inferred)");
  });
});

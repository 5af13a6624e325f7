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

describe("extract: no inferred NATO membership for a nation the text calls a non-member", () => {
  it("'non-NATO countries' are no members, however the sentence reads", async () => {
    const f = await facts(
      "NATO and the Nordic Defence Network, which comprises non-NATO countries Austria and Ireland, will be there.",
    );
    expect(f).not.toContain("austria MEMBER_OF nato");
    expect(f).not.toContain("ireland MEMBER_OF nato");
  });

  it("a member named anywhere else in an article about NATO stays a member (inferred)", async () => {
    const f = await facts(
      "NATO leaders met on Tuesday. Troops from Greece took part in an exercise in Crete. Sweden, a non-NATO country until 2024, sent observers.",
      "2022-06-14",
    );
    expect(f).toContain("greece MEMBER_OF nato (inferred)");
    expect(f).not.toContain("sweden MEMBER_OF nato (inferred)");
  });

  it("a member written 'non-NATO' only in one sentence is a member where it is named again", async () => {
    const f = await facts(
      "The plan worries non-NATO observers such as Austria. Later, NATO ally Italy and Austria's neighbour Slovenia agreed.",
    );
    expect(f).toContain("slovenia MEMBER_OF nato (inferred)");
  });
});

describe("extract: names a reader knows for one thing", () => {
  it("'the Baltic air policing mission' in lower case is the Baltic Air Policing, as written too", async () => {
    const e = (await draft("Czech pilots joined the Baltic air policing mission in May.")).document
      .entities;
    const m = e.find((x) => x.kind === "Mission");
    expect(m?.key).toBe("baltic-air-policing");
    expect(m?.aliases).toContain("Baltic air policing mission");
  });

  it("'the enhanced air policing mission' is a mission; an air policing 'exercise' is none", async () => {
    expect(await entities("Canada took part in the enhanced air policing mission.")).toContain(
      "Mission enhanced-air-policing",
    );
    const e = await entities("Canada took part in an enhanced air policing exercise.");
    expect(e.filter((x) => x.startsWith("Mission"))).toEqual([]);
  });

  it("'the Baltic states' are the Baltic region", async () => {
    const e = await entities("Russian jets flew close to the Baltic states on Monday.");
    expect(e).toContain("Place baltic-region");
    expect(e).not.toContain("Place baltic-states");
  });

  it("'Mr Surname' without a full stop is the person named before, not a new one", async () => {
    const e = await entities(
      "Latvian Defence Minister Andris Spruds visited Adazi on Monday. Mr Spruds said the brigade was ready.",
    );
    expect(e).toContain("Person andris-spruds");
    expect(e).not.toContain("Person mr-spruds");
  });

  it("a border named by two nations is a place, and the nations stay named", async () => {
    const e = await entities("Polish troops patrol the Polish-Belarusian border.");
    expect(e).toContain("Place poland-belarus-border");
    expect(e).toContain("Nation belarus");
    expect(e).toContain("Nation poland");
  });

  it("a hyphenated pair that is no border ('Polish-Lithuanian talks') makes no border", async () => {
    const e = await entities("The Polish-Lithuanian talks ended and the German-led brigade moved.");
    expect(e.filter((x) => x.startsWith("Place") && x.endsWith("-border"))).toEqual([]);
  });
});

describe("extract: a battle group placed 'on the territory of' a nation", () => {
  it("'the Battle Group coordinated by France on the territory of Romania' is the battle group in Romania", async () => {
    const f = await facts(
      "The minister presented the progress of the Battle Group coordinated by France on the territory of Romania.",
    );
    expect(f).toContain("nato-battle-group-in-romania DEPLOYED_TO romania");
  });

  it("'on the territory of' a place that is no nation places no battle group", async () => {
    const e = await entities("The battle group trained on the territory of the old airfield.");
    expect(e.filter((x) => x.startsWith("Mission nato-battle-group-in"))).toEqual([]);
  });
});

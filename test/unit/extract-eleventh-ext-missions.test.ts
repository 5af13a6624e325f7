/**
 * The eleventh pass (issue 25, ext-missions): missions, units and pledges, the deployment
 * relations between nations, units, missions and places, and coreference. Each construction has
 * cases that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

describe("extract: a definite description refers to the mission last named (mission-anaphora.ts)", () => {
  it.each([
    [
      "Canada leads Operation Reassurance in Latvia. Germany leads the NATO battle group in Lithuania. The battalion also includes military personnel from Norway and the Netherlands.",
      [
        "norway CONTRIBUTES_TO nato-battle-group-in-lithuania",
        "netherlands CONTRIBUTES_TO nato-battle-group-in-lithuania",
      ],
    ],
    [
      "Canada leads Operation Reassurance in Latvia. Finland hosts NATO Forward Land Forces in Lapland. Denmark and Iceland have also joined the initiative.",
      [
        "denmark CONTRIBUTES_TO nato-battle-group-in-finland",
        "iceland CONTRIBUTES_TO nato-battle-group-in-finland",
      ],
    ],
    [
      "Canada leads Operation Reassurance in Latvia. The Standing NATO Maritime Group 1 arrived in Tallinn. The group includes ships from Belgium and Portugal.",
      [
        "belgium CONTRIBUTES_TO standing-nato-maritime-group-1",
        "portugal CONTRIBUTES_TO standing-nato-maritime-group-1",
      ],
    ],
  ])("%s", async (text, wanted) => {
    const f = await facts(text);
    for (const w of wanted) expect(f).toContain(w);
  });

  it("a unit another word names is not the mission: the Danish battalion, the air force", async () => {
    const f = await facts(
      "Canada leads Operation Reassurance in Latvia. Germany leads the NATO battle group in Lithuania. The Danish battalion includes troops from Norway, and the Latvian air force includes pilots from Sweden.",
    );
    expect(f.filter((x) => /^(?:norway|sweden) CONTRIBUTES_TO/.test(x))).toEqual([]);
  });

  it("a brigade placed elsewhere is not the mission named before", async () => {
    const f = await facts(
      "Operation Reassurance is Canada's contribution to NATO in Latvia. The brigade in Vilnius includes troops from Norway.",
    );
    expect(f.filter((x) => x.startsWith("norway CONTRIBUTES_TO"))).toEqual([]);
  });

  it("the presence of forces and the group of countries are nouns of their own", async () => {
    const f = await facts(
      "Estonia hosts the NATO battle group in Estonia. Rutte said “The presence of NATO forces in Estonia deters Russia.” The group of countries met in Tallinn and includes Sweden.",
    );
    expect(f.filter((x) => / ABOUT nato-battle-group|^sweden CONTRIBUTES_TO/.test(x))).toEqual([]);
  });
});

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

describe("extract: a nation contributes to a mission through its forces (contributors.ts)", () => {
  it.each([
    [
      "Germany leads the NATO battle group in Lithuania. The battle group also involves French, Danish and Icelandic components.",
      [
        "france CONTRIBUTES_TO nato-battle-group-in-lithuania",
        "denmark CONTRIBUTES_TO nato-battle-group-in-lithuania",
        "iceland CONTRIBUTES_TO nato-battle-group-in-lithuania",
      ],
    ],
    [
      "The Netherlands will maintain a military presence in Lithuania as part of the NATO battle group in Lithuania until 2026.",
      ["netherlands CONTRIBUTES_TO nato-battle-group-in-lithuania"],
    ],
    [
      "About 250 Czech army paratroopers left on Monday to build the NATO battle group in Slovakia.",
      [
        "czech-army CONTRIBUTES_TO nato-battle-group-in-slovakia",
        "czechia CONTRIBUTES_TO nato-battle-group-in-slovakia (inferred)",
      ],
    ],
  ])("%s", async (text, wanted) => {
    const f = await facts(text);
    for (const w of wanted) expect(f).toContain(w);
  });

  it.each([
    "Elements of the US Army are to take over responsibility in the NATO battle group in Poland.",
    "After Russia's invasion of Ukraine, Russian troops massed near the NATO battle group in Estonia.",
    "The Danish contingent was part of the Mechanized Infantry Brigade of the Ground Forces, while now it will be integrated into the NATO battle group in Latvia.",
    "The Netherlands said on Monday that Germany had sent troops to the NATO battle group in Lithuania.",
  ])("no contribution: %s", async (text) => {
    const f = await facts(text);
    expect(
      f.filter((x) =>
        /^(?:us-army|russia|ground-forces|mechanized-infantry-brigade|netherlands) CONTRIBUTES_TO/.test(
          x,
        ),
      ),
    ).toEqual([]);
  });
});

describe("extract: a nation's commitment to keep or send forces up to a date is a pledge (deployment-pledges.ts)", () => {
  it("a nation subject keeping troops in a mission until a date", async () => {
    const f = await facts(
      "Portugal will keep its troops in Romania as part of the NATO battle group in Romania until the end of 2026.",
    );
    const pledged = f.find((x) => x.startsWith("portugal PLEDGED "));
    expect(pledged).toBeDefined();
    const pledge = pledged?.split(" ")[2];
    expect(f).toContain(`${pledge} ABOUT nato-battle-group-in-romania`);
    expect(f).toContain(`${pledge} ABOUT romania`);
  });

  it("a nation's contribution that will continue, with the minister who announced it", async () => {
    const f = await facts(
      "The UK's contribution to Operation Atalanta will continue until at least 2027, Defence Minister John Smith has announced.",
    );
    const pledged = f.find((x) => x.startsWith("united-kingdom PLEDGED "));
    expect(pledged).toBeDefined();
    const pledge = pledged?.split(" ")[2];
    expect(f).toContain(`john-smith PLEDGED ${pledge} (inferred)`);
    expect(f).toContain(`${pledge} ABOUT operation-atalanta`);
  });

  it.each([
    "Norway will not keep its jets in Iceland until 2026.",
    "Estonia said Germany will keep its troops in Lithuania until 2027.",
    "Poland will host the NATO summit in 2026.",
    "Latvia will keep its border with Russia closed.",
  ])("no pledge: %s", async (text) => {
    const f = await facts(text);
    expect(f.filter((x) => / PLEDGED /.test(x))).toEqual([]);
  });
});

describe("extract: a nation named by its region is the region's nation last named (nationAnaphora)", () => {
  it("the Nordic country", async () => {
    const f = await facts("Sweden and Belarus disagree. The Nordic country joined NATO in March.");
    expect(f).toContain("sweden MEMBER_OF nato");
    expect(f.filter((x) => x.startsWith("belarus MEMBER_OF"))).toEqual([]);
  });

  it("no nation of that region named before: nothing", async () => {
    const f = await facts("Belarus and Ukraine met. The Nordic country joined NATO in March.");
    expect(f.filter((x) => / MEMBER_OF /.test(x))).toEqual([]);
  });
});

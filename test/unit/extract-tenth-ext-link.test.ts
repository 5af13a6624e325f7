/**
 * The tenth pass (issue 25, ext-link): entities a reader records and the extractor did not find or
 * named so that nothing could be linked (src/extract/gazetteer.ts, qualifiers.ts, governments.ts
 * and their calls in mentions.ts and relations.ts). Each construction has cases that must not
 * fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

describe("extract: nations world-countries does not list as independent, and former states", () => {
  it.each([
    ["The UK has troops in Kosovo and trains the Kosovan police.", "Nation kosovo"],
    ["Officials met in Pristina, the capital, on Monday.", "Place pristina"],
    [
      "The two countries formed Czechoslovakia until a peaceful split in 1993.",
      "Nation czechoslovakia",
    ],
    ["Estonia regained its independence from the Soviet Union in 1991.", "Nation soviet-union"],
  ])("%s", async (text, entity) => {
    expect(await entities(text, "2023-05-01")).toContain(entity);
  });

  it("Pristina lies in Kosovo, which the article names", async () => {
    const f = await facts(
      "Ministers met in Pristina, the capital of Kosovo, on Monday.",
      "2023-05-01",
    );
    expect(f).toContain("pristina LOCATED_IN kosovo (inferred)");
  });

  it("Soviet-era equipment names no state", async () => {
    const e = await entities("Bulgaria is replacing its Soviet-era MiG-29 jets.", "2023-05-01");
    expect(e.some((x) => /soviet/.test(x))).toBe(false);
  });
});

describe("extract: first-level regions, states and provinces are places", () => {
  it.each([
    ["The regiment hails from Pennsylvania, in the United States.", "Place pennsylvania"],
    ["NATO will open a land forces unit in Lapland, in northern Finland.", "Place lapland"],
    ["Soldiers from Alberta and Ontario deployed to Latvia.", "Place alberta"],
    ["Security in the Western Balkans region remains fragile.", "Place western-balkans"],
    ["The brigade is stationed close to the Suwalki gap.", "Place suwalki-gap"],
  ])("%s", async (text, entity) => {
    expect(await entities(text, "2023-05-01")).toContain(entity);
  });

  it("a region lies in its nation when the article names that nation", async () => {
    const f = await facts("The unit hails from Pennsylvania, and US troops will follow.");
    expect(f).toContain("pennsylvania LOCATED_IN united-states (inferred)");
    const g = await facts("NATO will open a land forces unit in Lapland, Finland said.");
    expect(g).toContain("lapland LOCATED_IN finland (inferred)");
  });

  it("no nation the article never names", async () => {
    const f = await facts("The unit hails from Pennsylvania and trains in Germany.");
    expect(f.some((x) => /^pennsylvania LOCATED_IN/.test(x))).toBe(false);
  });

  it("a region after a town only qualifies it: 'Edmonton, Alberta' places no region", async () => {
    const f = await facts("Soldiers deployed today from Edmonton, Alberta to Latvia, Canada said.");
    expect(f.some((x) => /^alberta LOCATED_IN/.test(x))).toBe(false);
  });

  it("names that are a nation, a city or a word are not regions", async () => {
    const e = await entities("Georgia and Washington agreed; the Para unit left Leeds.");
    expect(e.some((x) => /^Place (?:georgia|washington|para|leeds)$/.test(x))).toBe(false);
  });
});

describe("extract: a nation named only as a town's address is no alliance member", () => {
  it("'Vilseck, Germany' makes no MEMBER_OF; Germany named as an actor still does", async () => {
    const f = await facts(
      "The US unit normally stationed in Vilseck, Germany, is sending its personnel to Poland within NATO's framework.",
    );
    expect(f.some((x) => /^germany MEMBER_OF nato/.test(x))).toBe(false);
    expect(f.some((x) => /^poland MEMBER_OF nato/.test(x))).toBe(true);
    const g = await facts("Germany is sending its personnel to Poland within NATO's framework.");
    expect(g.some((x) => /^germany MEMBER_OF nato/.test(x))).toBe(true);
  });

  it("a list of nations is no address: 'Estonia, Latvia and Lithuania' are all members", async () => {
    const f = await facts("NATO jets patrol over Estonia, Latvia and Lithuania.");
    for (const n of ["estonia", "latvia", "lithuania"])
      expect(f.some((x) => x.startsWith(`${n} MEMBER_OF nato`))).toBe(true);
  });
});

describe("extract: a battle group placed by the nation in focus", () => {
  it("'left for Slovakia ... to build a battlegroup there': NATO's battle group in Slovakia", async () => {
    const text =
      "Czech paratroopers left for Slovakia on Monday to build a NATO battlegroup there. The Czechs will command the battlegroup.";
    expect(await entities(text)).toContain("Mission nato-battle-group-in-slovakia");
  });

  it("a battle group after a visit to a nation, placed nowhere else: the nation visited", async () => {
    const text =
      "The NATO Secretary General is visiting Bulgaria today. At the training ground he met the Multinational Battle Group.";
    expect(await entities(text)).toContain("Mission nato-battle-group-in-bulgaria");
  });

  it("no nation in focus, no battle group named", async () => {
    const text = "Officials spoke about budgets. The NATO battlegroup trained in the snow.";
    expect((await entities(text)).some((x) => /battle-group-in/.test(x))).toBe(false);
  });
});

describe("extract: news agencies and broadcasters are organisations", () => {
  it.each([
    ["Brussels, Dec. 20, 2024 (Lusa) - The minister will visit the troops.", "Organization lusa"],
    ["Fallon told the BBC that the troops would stay.", "Organization bbc"],
    ["Warsaw (PAP) - Poland will spend more on defence, the minister said.", "Organization pap"],
  ])("%s", async (text, entity) => {
    expect(await entities(text)).toContain(entity);
  });

  it("'beta' and 'TT' alone name no agency", async () => {
    const e = await entities("The beta version of the TT software was shown in Riga.");
    expect(e.some((x) => /^Organization (?:beta|tt)$/.test(x))).toBe(false);
  });
});

describe("extract: a government named by its head", () => {
  it.each([
    "Hungarian Prime Minister Viktor Orban’s Government is fully involved in strengthening NATO.",
    "Viktor Orbán's government backed the NATO battlegroup in Hungary.",
  ])("%s", async (text) => {
    const e = await entities(text, "2022-08-05");
    expect(e).toContain("Organization government-of-hungary");
    expect(e).toContain("Person viktor-orban");
  });

  it("a possessive of someone who heads no government names none", async () => {
    const e = await entities("Colonel John Smith's government contacts were useful.", "2022-08-05");
    expect(e.some((x) => /government-of/.test(x))).toBe(false);
  });
});

describe("extract: a dateline's town GeoNames knows, with its nation written after it", () => {
  it("'NEWPORT, United Kingdom:' is Newport, in the United Kingdom", async () => {
    const text =
      "NEWPORT, United Kingdom: Britain said on Friday it could contribute 3,500 troops.";
    expect(await entities(text)).toContain("Place newport");
    expect(await facts(text)).toContain("newport LOCATED_IN united-kingdom");
  });

  it("a heading in capitals before a nation names no town", async () => {
    const e = await entities(
      "UPDATE, United Kingdom: Britain said on Friday it would send troops.",
    );
    expect(e.some((x) => /^Place update/.test(x))).toBe(false);
  });
});

describe("extract: NATO's standing missions known by name", () => {
  it.each([
    "The UK's contribution to the Nato Kosovo Force (KFOR) Mission in Kosovo will continue.",
    "Italy and Turkey contribute troops to KFOR in Kosovo.",
    "The minister announced the UK's further commitment to Nato's Kosovo Force in Kosovo.",
  ])("%s", async (text) => {
    const e = await entities(text);
    expect(e).toContain("Mission nato-kosovo-force");
    expect(e.some((x) => /^Organization kosovo-force/.test(x))).toBe(false);
    expect(await facts(text)).toContain("nato-kosovo-force DEPLOYED_TO kosovo");
  });

  it("Kosovo's own security force is not NATO's mission", async () => {
    const e = await entities("The Kosovo Security Force held an exercise near Pristina.");
    expect(e).not.toContain("Mission nato-kosovo-force");
  });
});

describe("extract: a ministry named in its own language is an organisation", () => {
  it.each([
    ["(Photo: Ministero della Difesa)", "Organization ministero-della-difesa"],
    ["The Ministerio de Defensa confirmed the flight.", "Organization ministerio-de-defensa"],
  ])("%s", async (text, entity) => {
    const e = await entities(text);
    expect(e).toContain(entity);
    expect(e.some((x) => x.startsWith("Person "))).toBe(false);
  });

  it("a person whose name has a particle is still a person", async () => {
    const e = await entities(
      "Defence Minister José Nunes da Fonseca visited the troops in Romania.",
    );
    expect(e.some((x) => /^Organization/.test(x))).toBe(false);
  });
});

describe("extract: NATO's rapid response force is the NATO Response Force", () => {
  it("'its rapid response force' after NATO", async () => {
    const text =
      "Jens Stoltenberg said NATO was deploying elements of its rapid response force on allied territory.";
    expect(await entities(text)).toContain("Organization nato-response-force");
  });
});

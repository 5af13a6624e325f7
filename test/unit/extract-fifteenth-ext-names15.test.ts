/**
 * The fifteenth pass (issue 25, ext-names15): named things a reader records (numbered bases,
 * regions, NATO's air policing by its names) and words that are no person. Each family has cases
 * that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

describe("extract: a service word alone is no title", () => {
  it("the rest of a base's, a mission's or a detachment's name is no person", async () => {
    const e = await entities(
      "The jets landed at the 86th Air Base on Monday. NATO Air Policing is a peacetime task. We welcome the Dutch Air Detachment here.",
    );
    expect(e.filter((x) => x.startsWith("Person "))).toEqual([]);
    const f = await facts("The Dutch Air Detachment flew from the base, Dutch officials said.");
    expect(f.some((x) => x.startsWith("detachment "))).toBe(false);
  });

  it("a rank or an office before one name still makes a person", async () => {
    const e = await entities(
      "Defence Minister Kallas met Air Marshal Lewis in Tallinn. Kallas thanked Lewis.",
    );
    expect(e.filter((x) => x.startsWith("Person ")).length).toBeGreaterThanOrEqual(1);
  });
});

describe("extract: numbered bases and a nation's regions are places", () => {
  it("an ordinal is part of a base's name", async () => {
    const e = await entities(
      "The fighters come from the 23rd Tactical Air Base and will fly from the 71st Air Base.",
    );
    expect(e).toContain("Place 23rd-tactical-air-base");
    expect(e).toContain("Place 71st-air-base");
    expect(e).not.toContain("Place tactical-air-base");
  });

  it("a bare number before 'Air Base' is a count, not a name", async () => {
    const e = await entities("About 40 Air Base staff will travel with the jets to Estonia.");
    expect(e.filter((x) => /air-base/.test(x))).toEqual([]);
  });

  it("a county, oblast or voivodeship is a place, and a town before it lies in it", async () => {
    const text =
      "The brigade trains in Tapa, Lääne-Viru County, Estonia, and in Lviv Oblast, Ukraine.";
    expect(await entities(text)).toEqual(
      expect.arrayContaining(["Place laane-viru-county", "Place lviv-oblast"]),
    );
    expect(await facts(text)).toContain("tapa LOCATED_IN laane-viru-county");
  });

  it("a list of places puts none in the next", async () => {
    const f = await facts("Officials came from Kharkiv, Lviv, Kyiv Oblast and Odesa.");
    expect(f.filter((x) => / LOCATED_IN kyiv-oblast/.test(x))).toEqual([]);
  });
});

describe("extract: NATO's air policing by its proper names", () => {
  it("'NATO Air Policing' and 'enhanced Air Policing' are missions of the alliance", async () => {
    const text =
      "NATO Air Policing is a peacetime mission of all allies. Since 2014 NATO has also flown enhanced Air Policing over Romania.";
    const e = await entities(text);
    expect(e).toEqual(
      // (placed by "over Romania", the enhanced one is named as the tune golds name it: session 32)
      expect.arrayContaining([
        "Mission nato-air-policing",
        "Mission nato-enhanced-air-policing-in-romania",
      ]),
    );
    expect(await facts(text)).toContain("nato-air-policing PART_OF nato");
  });

  it("the name of a mission written out with 'Mission' stays as written", async () => {
    const e = await entities(
      "The NATO Air Policing Mission in the Baltic states changed hands on Monday.",
    );
    expect(e).not.toContain("Mission nato-air-policing");
  });
});

describe("extract: air policing told by where it is, and one mission told two ways", () => {
  it("air policing over a Baltic state is the Baltic Air Policing; elsewhere the one of that nation", async () => {
    const e = await entities(
      "Poland is taking over the NATO air policing mission in Lithuania from Denmark. Spain will join the air policing mission in Bulgaria in May.",
    );
    expect(e).toEqual(
      expect.arrayContaining([
        "Mission baltic-air-policing",
        "Mission nato-air-policing-in-bulgaria",
      ]),
    );
  });

  it("a mission in two nations that are not all Baltic is no known mission", async () => {
    const e = await entities(
      "The air policing mission in Bulgaria and Lithuania will grow, the minister said.",
    );
    expect(e.filter((x) => /baltic-air-policing|air-policing-in/.test(x))).toEqual([]);
  });

  it("'NATO's air policing mission there' after 'the Icelandic air policing mission' is that mission", async () => {
    const e = await entities(
      "Norway last took part in the Icelandic air policing mission in 2023. NATO's air policing mission there began in 2008.",
    );
    expect(e.filter((x) => x.startsWith("Mission "))).toEqual(["Mission icelandic-air-policing"]);
  });

  it("a description no named mission of the article shares stays its own mission", async () => {
    const e = await entities(
      "Norway took part in the Icelandic air policing mission. NATO's training mission in Iraq goes on.",
    );
    expect(e.filter((x) => x.startsWith("Mission ")).length).toBe(2);
  });
});

describe("extract: organisations named with their nation or their town", () => {
  it("'the Field Army of Germany', 'the Armed Forces of Ukraine' are named with their nation", async () => {
    const e = await entities(
      "Officers of the Field Army of Germany met the Armed Forces of Ukraine in Poland.",
    );
    expect(e).toEqual(
      expect.arrayContaining([
        "Organization field-army-of-germany",
        "Organization armed-forces-of-ukraine",
        "Nation germany",
        "Nation ukraine",
      ]),
    );
  });

  it("an organisation followed by 'of' and no nation keeps its own name", async () => {
    const e = await entities("The Joint Expeditionary Force of ten nations met in London.");
    expect(e).toContain("Organization joint-expeditionary-force");
  });

  it("a headquarters named by its town is an organisation", async () => {
    const e = await entities(
      "General Salvatore Farina of Allied Joint Force Command Brunssum and officers of the Combined Air Operations Centre Uedem attended.",
    );
    expect(e).toEqual(
      expect.arrayContaining([
        "Organization allied-joint-force-command-brunssum",
        "Organization combined-air-operations-centre-uedem",
      ]),
    );
  });

  it("a command followed by a word that is no town is not read so", async () => {
    const e = await entities("The Allied Air Command Headquarters Staff met on Monday.");
    expect(e.filter((x) => /staff/.test(x))).toEqual([]);
  });
});

describe("extract: a nation's abbreviation before a body's name, and British air stations", () => {
  it("'the US State Department', 'US European Command' keep the US in their names", async () => {
    const e = await entities(
      "The US State Department and US European Command said on Monday that troops would stay.",
    );
    expect(e).toEqual(
      expect.arrayContaining([
        "Organization us-state-department",
        "Organization us-european-command",
        "Nation united-states",
      ]),
    );
  });

  it("a name that already holds its nation is left as it is", async () => {
    expect(await entities("The U.S. Army sent a brigade to Poland.")).toContain(
      "Organization us-army",
    );
  });

  it("'RAF' before a town is an air station; before a word that is no town it is not", async () => {
    const e = await entities("The jets left RAF Lakenheath on Monday, and RAF Typhoons followed.");
    expect(e).toContain("Place raf-lakenheath");
    expect(e.filter((x) => /typhoons/.test(x))).toEqual([]);
  });

  it("'X Army Base' is a site", async () => {
    expect(await entities("Troops arrived at the Tapa Army Base in Estonia.")).toContain(
      "Place tapa-army-base",
    );
  });
});

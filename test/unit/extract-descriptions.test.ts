/**
 * Missions and events as articles describe them (issue 25, sixth pass): battle groups named in the
 * plural by the nations they are in, the nations a mission's troops come from, and an exercise
 * the troops of a list take part in. Each a family of sentences written for the test, with the
 * cases that must not fire.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

describe("extract: battle groups named in the plural by a list of nations", () => {
  it.each([
    "NATO decided to establish four new multinational battlegroups in Bulgaria, Hungary, Romania and Slovakia.",
    "NATO has had battle groups in Bulgaria, Hungary, Romania and Slovakia since 2022.",
    "The alliance agreed at its NATO summit to set up battle groups in Bulgaria, Hungary, Romania, and Slovakia.",
    "NATO now keeps combat groups stationed in Bulgaria, Hungary, Romania and Slovakia.",
  ])("%s", async (text) => {
    const f = await facts(text);
    for (const [key, nation] of [
      ["nato-battle-group-in-bulgaria", "bulgaria"],
      ["nato-battle-group-in-hungary", "hungary"],
      ["nato-battle-group-in-romania", "romania"],
      ["nato-battle-group-in-slovakia", "slovakia"],
    ]) {
      expect(f).toContain(`${key} DEPLOYED_TO ${nation}`);
      expect(f).toContain(`${nation} HOSTS ${key} (inferred)`);
      expect(f).toContain(`${key} PART_OF nato`);
    }
  });

  it("a later 'the battle group in Hungary' is the same mission as the list's", async () => {
    const text =
      "NATO set up battle groups in Hungary and Slovakia in 2022. The battle group in Hungary is led by Hungary.";
    const e = await entities(text);
    expect(e.filter((x) => x === "Mission nato-battle-group-in-hungary")).toHaveLength(1);
    expect(await facts(text)).toContain("hungary LEADS nato-battle-group-in-hungary");
  });

  it("where the sentence does not name NATO, the alliance's groups are its part by inference", async () => {
    const f = await facts(
      "NATO met in Brussels. The Alliance has had battle groups in Estonia, Latvia and Poland since 2017.",
    );
    expect(f).toContain("nato-battle-group-in-latvia PART_OF nato (inferred)");
    expect(f).toContain("nato-battle-group-in-latvia DEPLOYED_TO latvia");
  });

  it.each([
    // no NATO in the article: whose groups they are is not said
    ["The army sent battle groups in Estonia and Latvia to the border.", "nato-battle-group"],
    // another owner's
    [
      "NATO warned that Russia's battle groups in Belarus and Ukraine were growing.",
      "nato-battle-group-in-belarus",
    ],
    // one nation: the singular rule's business ("the battle group in X"), not a list
    ["NATO said the battle groups in Poland would grow.", "nato-battle-group-in-poland DEPLOYED"],
    // battle groups not placed in the nations: "from" is where troops come from
    ["NATO battle groups drew troops from Estonia and Latvia.", "nato-battle-group-in-estonia"],
  ])("no mission per nation: %s", async (text, absent) => {
    expect((await facts(text)).join("\n")).not.toContain(absent);
  });
});

describe("extract: the nations a mission's troops come from", () => {
  it.each([
    [
      "Troops from Montenegro, Croatia and Italy arrived in Hungary to form the NATO battle group in Hungary.",
      ["montenegro", "croatia", "italy"],
      "nato-battle-group-in-hungary",
    ],
    [
      "The NATO battle group in Bulgaria now has soldiers from Albania, Greece and North Macedonia.",
      ["albania", "greece", "north-macedonia"],
      "nato-battle-group-in-bulgaria",
    ],
    [
      "Germany leads the NATO battle group in Lithuania. The battlegroup also has personnel from the Netherlands, Norway and Belgium.",
      ["netherlands", "norway", "belgium"],
      "nato-battle-group-in-lithuania",
    ],
    [
      'Italy leads the NATO battle group in Bulgaria. "This group works together, with people from Albania, Montenegro, Croatia, Greece," he said.',
      ["albania", "montenegro", "croatia", "greece"],
      "nato-battle-group-in-bulgaria",
    ],
  ])("%s", async (text, nations, mission) => {
    const f = await facts(text);
    // stated where the troop rule reads the sentence, inferred where the mission is the article's
    for (const n of nations)
      expect(f.filter((x) => x.startsWith(`${n} CONTRIBUTES_TO ${mission}`))).toHaveLength(1);
  });

  it("troops from a list that take part in an exercise each take part in it", async () => {
    const f = await facts(
      "Troops from Czechia, Germany, Slovenia and the United States took part in exercise Iron Wolf 2023, which tested the NATO battle group in Slovakia.",
    );
    for (const n of ["czechia", "germany", "slovenia", "united-states"]) {
      expect(f).toContain(`${n} PARTICIPATED_IN iron-wolf-2023`);
      expect(
        f.filter((x) => x.startsWith(`${n} CONTRIBUTES_TO nato-battle-group-in-slovakia`)),
      ).toHaveLength(1);
    }
  });

  it.each([
    // an invader's troops are no contribution
    [
      "The NATO battle group in Latvia was formed after troops from Russia crossed into Ukraine in Russia's invasion of Ukraine.",
      "russia CONTRIBUTES_TO",
    ],
    // no mission in the sentence, and more than one in the article
    [
      "NATO has a battle group in Estonia and a battle group in Latvia. Troops from Denmark and France arrived on Monday.",
      "CONTRIBUTES_TO",
    ],
    // the sentence speaks of no mission
    [
      "The NATO battle group in Estonia is ready. Tourists from Finland and Sweden visited Tallinn.",
      "CONTRIBUTES_TO",
    ],
  ])("no contribution: %s", async (text, absent) => {
    expect((await facts(text)).join("\n")).not.toContain(absent);
  });
});

describe("extract: nations the country list names otherwise", () => {
  it("'Turkey' is Türkiye", async () => {
    expect(await entities("Troops from Turkey joined the exercise.")).toContain("Nation turkiye");
  });
});

describe("extract: quotes said at the one occasion an article tells of", () => {
  const visit =
    "NATO Secretary General Mark Rutte is visiting Estonia on Monday. At the Tapa base he met the troops.";
  it("a quote paragraphs after the visit is said there", async () => {
    const f = await facts(
      `${visit}\n\nEstonia spends more than 3 percent of GDP on defence.\n\nThe base hosts about 1,000 soldiers.\n\n"This is what NATO's strength looks like," Rutte said.`,
    );
    expect(f.join("\n")).toMatch(/^quote-rutte-\S+ SAID_AT rutte-visit-to-estonia \(inferred\)$/m);
  });

  it.each([
    // said before the article puts the speaker there
    `"We are ready," Rutte said last week.\n\n${visit}`,
    // two occasions: which one is not said
    `${visit} On Tuesday he will attend the NATO summit in Vilnius.\n\nEstonia spends more.\n\nThe base hosts soldiers.\n\n"This is NATO's strength," Rutte said.`,
  ])("no SAID_AT: %s", async (text) => {
    expect((await facts(text)).join("\n")).not.toContain("SAID_AT");
  });

  it("a quote that names another occasion is said there, not at the visit", async () => {
    const f = (
      await facts(
        `${visit}\n\nEstonia spends more.\n\nThe base hosts soldiers.\n\n"We are ready," Rutte said in an interview.`,
      )
    ).join("\n");
    expect(f).not.toMatch(/SAID_AT rutte-visit/);
    expect(f).toMatch(/^quote-rutte-\S+ SAID_AT rutte-interview/m);
  });
});

describe("extract: sites named by a description", () => {
  it.each([
    ["At the training ground 'Novo Selo' he met the troops.", "Place novo-selo"],
    ["He flew to the Bergen-Hohne training area on Monday.", "Place bergen-hohne"],
    ["NATO troops are stationed at the Hungarian Ujmajor camp.", "Place ujmajor"],
  ])("%s", async (text, expected) => {
    expect(await entities(text)).toContain(expected);
  });

  it("a site a demonym owns lies in that nation", async () => {
    expect(await facts("NATO troops are stationed at the Hungarian Ujmajor camp.")).toContain(
      "ujmajor LOCATED_IN hungary",
    );
  });

  it.each([
    "They met at the NATO base on Monday.",
    "He visited the Lithuanian military base in Pabradė.",
    "The base Monday was quiet.",
  ])("no site named by the words before the noun: %s", async (text) => {
    const e = await entities(text);
    expect(e.filter((x) => x.startsWith("Place") && x !== "Place pabrade")).toEqual([]);
  });
});

describe("extract: the alliance as British copy writes it, and a battle group 'for' a nation", () => {
  it("'Nato' is NATO", async () => {
    const f = await facts("Italy leads the Nato multinational battle group in Bulgaria.");
    expect(f).toContain("nato-battle-group-in-bulgaria PART_OF nato");
    expect(f).toContain("italy LEADS nato-battle-group-in-bulgaria");
  });

  it("a battle group formed for a nation is there; a possessive after it names no host", async () => {
    const f = await facts(
      "A NATO battlegroup being formed for Slovakia in response to Russia's invasion of Ukraine will grow.",
    );
    expect(f).toContain("nato-battle-group-in-slovakia DEPLOYED_TO slovakia");
    expect(f.join("\n")).not.toContain("DEPLOYED_TO russia");
  });
});

describe("extract: an untitled Secretary-General", () => {
  it("is NATO's in an article that names NATO, never the article's nation's", async () => {
    const f = await facts(
      "Slovakia will host the battle group, Defence Minister Jaroslav Nad said. Secretary-General Jens Stoltenberg said on Friday the North Atlantic Treaty Organization (NATO) was deploying forces.",
    );
    expect(f).toContain("jens-stoltenberg LEADS nato (inferred)");
    expect(f.join("\n")).not.toContain("jens-stoltenberg LEADS slovakia");
  });

  it("names no nation where the article names no alliance", async () => {
    const f = await facts("Secretary-General Ana Petrova visited Slovakia on Monday.");
    expect(f.join("\n")).not.toMatch(/ana-petrova (?:LEADS|SERVES_IN)/);
  });
});

describe("extract: a quoted paragraph after its speaker's reported words", () => {
  it.each([
    [
      'Defence Minister Hanno Pevkur noted the role of the allies.\n\n"Estonia cannot do this alone."',
      /^hanno-pevkur SAID quote-pevkur-\S+$/m,
    ],
    [
      'Estonia\'s foreign minister, Margus Tsahkna, said he was glad to host the troops. In his words, the visit of Mark Rutte sends a signal:\n\n"We are safer together."',
      /^margus-tsahkna SAID quote-tsahkna-\S+$/m,
    ],
  ])("%s", async (text, expected) => {
    expect((await facts(text)).join("\n")).toMatch(expected);
  });

  it("no speaker where the paragraph before says nobody spoke", async () => {
    const f = await facts(
      'Defence Minister Hanno Pevkur visited the base.\n\n"Estonia cannot do this alone."',
    );
    expect(f.join("\n")).not.toContain(" SAID ");
  });
});

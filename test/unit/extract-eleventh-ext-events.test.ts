/**
 * The eleventh pass (issue 25, ext-events): events as a reader names and places them, who takes
 * part in them, and quotation marks read by one reader. Each family has cases that must not fire.
 * Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { quotationsIn, quotedSpans } from "../../src/extract/quotations.js";
import { draft, facts } from "../helpers/extract.js";

const has = (f: string[], re: RegExp) => f.some((x) => re.test(x));
const events = async (text: string) =>
  (await draft(text)).document.entities.filter((e) => e.kind === "Event");
const quotes = async (text: string) =>
  (await draft(text)).document.entities
    .filter((e) => e.kind === "Quote")
    .map((e) => String(e.properties.text));

describe("extract: an event is also known by where it is held and who pays the visit", () => {
  it("a ministers' meeting held in a city is also that meeting 'in' the city and its nation", async () => {
    const [e] = await events(
      "NATO foreign ministers will hold a meeting in the Estonian capital Tallinn next week, NATO Secretary General Mark Rutte said on Thursday.",
    );
    expect(e?.name).toBe("NATO foreign ministers' meeting");
    expect(e?.aliases).toEqual(
      expect.arrayContaining([
        "NATO foreign ministers' meeting in Tallinn",
        "NATO foreign ministers' meeting in Estonia",
      ]),
    );
  });

  it("'held talks in' places a ministers' meeting", async () => {
    const f = await facts("EU defence ministers held talks in Warsaw on Monday.");
    expect(f).toContain("eu-defence-ministers-meeting LOCATED_IN warsaw");
  });

  it("a visit is also the visitor's (full name and surname) visit to the place's nation", async () => {
    const [e] = await events(
      "British Defence Secretary Grant Shapps visited Tapa in Estonia on Monday.",
    );
    expect(e?.aliases).toEqual(
      expect.arrayContaining([
        "Grant Shapps's visit to Tapa",
        "Grant Shapps's visit to Estonia",
        "Shapps's visit to Estonia",
      ]),
    );
  });

  it("an event placed nowhere gets no 'in' name, and a meeting already named for its place keeps it", async () => {
    const [e] = await events("NATO defence ministers will meet next month to discuss Ukraine.");
    expect(e?.aliases ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/ in /)]));
    const summit = (
      await events("Leaders will gather at the NATO summit in The Hague in June.")
    ).find((x) => /summit/i.test(x.name));
    expect(summit?.aliases ?? []).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/ in .* in /)]),
    );
  });
});

describe("extract: a day or session of an event is the event for who is there", () => {
  it.each([
    "Dutch Defence Minister Kajsa Ollongren is taking part in the second and final day of a NATO defence ministers' meeting in Brussels.",
    "Dutch Defence Minister Kajsa Ollongren attended the opening session of the NATO defence ministers' meeting in Brussels.",
  ])("%s", async (text) => {
    expect(await facts(text)).toContain(
      "kajsa-ollongren PARTICIPATED_IN nato-defence-ministers-meeting",
    );
  });

  it("'told the second day of a NATO summit' puts the speaker at the summit", async () => {
    const f = await facts(
      "“We must stand together,” Prime Minister Mette Frederiksen told the second day of a NATO summit in Vilnius.",
    );
    expect(has(f, /^mette-frederiksen PARTICIPATED_IN nato-summit-vilnius/)).toBe(true);
  });

  it("praising a day of a meeting is not taking part in it", async () => {
    const f = await facts(
      "Dutch Defence Minister Kajsa Ollongren praised the second day of a NATO defence ministers' meeting in Brussels.",
    );
    expect(has(f, /^kajsa-ollongren PARTICIPATED_IN/)).toBe(false);
  });
});

describe("extract: words held at arm's length are no one's quotation", () => {
  it.each([
    'The State Department said Russia\'s "unusual military activity" near the border worried allies.',
    'Estonian Prime Minister Kristen Michal said the drones were a "dangerous escalation" by Russia.',
    'Allies voiced concern about an increase in "aggressive actions" near the border, Defence Minister Hanno Pevkur said.',
    "Defence Minister Hanno Pevkur spoke of the so-called “shadow fleet” in the Baltic Sea.",
  ])("no quote: %s", async (text) => {
    expect(await quotes(text)).toEqual([]);
    expect(has(await facts(text), / SAID /)).toBe(false);
  });

  it.each([
    ['"We are ready," Estonian Defence Minister Hanno Pevkur said.', "We are ready,"],
    ['Estonian Defence Minister Hanno Pevkur said he "welcomes" the decision.', "welcomes"],
    [
      'Estonian Defence Minister Hanno Pevkur called it "a dangerous escalation of the conflict" on Monday.',
      "a dangerous escalation of the conflict",
    ],
  ])("still a quote: %s", async (text, inner) => {
    expect(await quotes(text)).toEqual([inner]);
  });
});

describe("extract: one reader of quotation marks for every rule", () => {
  it("reads the spans of every house style's marks, scare quotes and an unclosed mark included", () => {
    const text =
      'Pistorius said: „Lithuania hosts the brigade.“ Nauseda said ‘we thank our German friends’ and called it a "turning point"; then « Merci »';
    const spans = quotedSpans({ start: 10, text }).map((q) => text.slice(q.start - 10, q.end - 10));
    expect(spans).toEqual([
      "„Lithuania hosts the brigade.“",
      "‘we thank our German friends’",
      '"turning point"',
      "« Merci »",
    ]);
    expect(quotedSpans({ start: 0, text: 'He said: "We will stay in Lithuania' })).toEqual([
      { start: 9, end: 35 },
    ]);
    // a scare quote is a quoted span but no quotation
    expect(quotationsIn('They fear a "turning point" now.')).toEqual([]);
  });

  it("a relation stated inside German or single marks is the speaker's words, not the writer's", async () => {
    for (const text of [
      "German Defence Minister Boris Pistorius said: „Lithuania hosts the German brigade.“",
      "German Defence Minister Boris Pistorius said: ‘Lithuania hosts the German brigade.’",
    ]) {
      const f = await facts(text);
      expect(has(f, /^boris-pistorius SAID quote-/)).toBe(true);
      expect(has(f, /^lithuania HOSTS/)).toBe(false);
    }
  });
});

describe("extract: nations named as a group of office-holders take part in the event", () => {
  it("'the foreign ministers of A, B, and C will be present in <the meeting's city>'", async () => {
    const f = await facts(
      "NATO foreign ministers will meet in Tallinn on Tuesday. The foreign ministers of Moldova, Georgia, and Ukraine will be present in Tallinn to discuss their cooperation with NATO.",
    );
    for (const n of ["moldova", "georgia", "ukraine"])
      expect(f).toContain(`${n} PARTICIPATED_IN nato-foreign-ministers-meeting (inferred)`);
  });

  it("'met his counterparts from A and B on the sidelines of <event>'", async () => {
    const f = await facts(
      "Defence Minister Hanno Pevkur met his counterparts from Finland and Sweden on the sidelines of the NATO summit in Vilnius.",
    );
    expect(has(f, /^finland PARTICIPATED_IN nato-summit-vilnius/)).toBe(true);
    expect(has(f, /^sweden PARTICIPATED_IN nato-summit-vilnius/)).toBe(true);
  });

  it.each([
    // the group criticises the meeting: no attending, no one met
    "NATO foreign ministers will meet in Tallinn on Tuesday. The foreign ministers of Moldova and Georgia criticised the plan in Tallinn.",
    // nations without a group of office-holders
    "NATO foreign ministers will meet in Tallinn on Tuesday. Moldova and Georgia will be present in Tallinn.",
  ])("no participant: %s", async (text) => {
    const f = await facts(text);
    expect(has(f, /^(moldova|georgia) PARTICIPATED_IN/)).toBe(false);
  });

  it("whom a ministers' meeting meets takes part in it", async () => {
    const f = await facts(
      "In Tallinn, NATO foreign ministers will meet with their Ukrainian counterpart Andrii Sybiha to discuss Ukraine's needs.",
    );
    expect(f).toContain("andrii-sybiha PARTICIPATED_IN nato-foreign-ministers-meeting");
  });
});

describe("extract: 'Speaking at <a base>' is a visit to it", () => {
  it("the speaker named after the phrase, or the title standing for the person named last", async () => {
    const named = await facts(
      "Speaking at the Amari Air Base in Estonia, Hungarian Foreign Minister Peter Szijjarto said the mission mattered.",
    );
    expect(named).toContain("peter-szijjarto VISITED amari-air-base (inferred)");
    expect(named).toContain("peter-szijjarto VISITED estonia (inferred)");
    expect(has(named, /^peter-szijjarto PARTICIPATED_IN szijjarto-visit-to-amari-air-base/)).toBe(
      true,
    );
    const titled = await facts(
      "Hungarian Foreign Minister Peter Szijjarto met the pilots. Speaking at the Amari Air Base, the foreign minister said the mission mattered.",
    );
    expect(titled).toContain("peter-szijjarto VISITED amari-air-base (inferred)");
  });

  it.each([
    // speaking at an event, not a site
    "Speaking at the NATO summit in Vilnius, Hungarian Foreign Minister Peter Szijjarto said the mission mattered.",
    // a site in the sentence, not where anyone speaks
    "Hungarian Foreign Minister Peter Szijjarto said the Amari Air Base mattered.",
  ])("no visit to a base: %s", async (text) => {
    expect(has(await facts(text), /VISITED amari-air-base/)).toBe(false);
  });
});

describe("extract: everyone a meeting's list names is met", () => {
  it("'met with X and Prime Minister Y'; 'The Turkish minister also met ...' is the person named last", async () => {
    const f = await facts(
      "NATO Secretary General Jens Stoltenberg met with Romanian President Klaus Iohannis and Prime Minister Mihai Tudose in Bucharest.",
    );
    expect(has(f, /^klaus-iohannis PARTICIPATED_IN stoltenberg-meeting-with/)).toBe(true);
    expect(has(f, /^mihai-tudose PARTICIPATED_IN stoltenberg-meeting-with/)).toBe(true);
    const titled = await facts(
      "Defence Minister Yasar Guler arrived in Brussels on Wednesday. The Turkish minister also met with his Greek counterpart Nikos Dendias, and Luxembourg Defence Minister Yuriko Backes.",
    );
    expect(has(titled, /^yasar-guler PARTICIPATED_IN guler-meeting-with-nikos-dendias/)).toBe(true);
    expect(has(titled, /^yuriko-backes PARTICIPATED_IN guler-meeting-with-nikos-dendias/)).toBe(
      true,
    );
  });

  it("a person after a clause of its own is not met", async () => {
    const f = await facts(
      "NATO Secretary General Jens Stoltenberg met with Romanian President Klaus Iohannis, who later thanked Prime Minister Mihai Tudose.",
    );
    expect(has(f, /^mihai-tudose PARTICIPATED_IN/)).toBe(false);
  });
});

describe("extract: a foreign visitor to a city visited its nation", () => {
  it("'German Defence Minister X visited Vilnius': X visited Lithuania (inferred)", async () => {
    const f = await facts("German Defence Minister Boris Pistorius visited Vilnius on Wednesday.");
    expect(f).toContain("boris-pistorius VISITED lithuania (inferred)");
  });

  it("a minister visiting a city of their own nation visits no nation", async () => {
    const f = await facts(
      "Lithuanian Defence Minister Dovile Sakaliene visited Vilnius on Wednesday.",
    );
    expect(has(f, /VISITED lithuania/)).toBe(false);
  });
});

describe("extract: an event is dated by the sentence that tells of it", () => {
  it("'met in Brussels on Tuesday', 'took place ... on Thursday': the weekday before publication", async () => {
    const [meeting] = await events("NATO defence ministers met in Brussels on Tuesday.");
    expect(meeting?.properties.date).toBe("2024-06-11");
    const [ceremony] = await events(
      "A handover ceremony took place at Amari Air Base on Thursday, the ministry said.",
    );
    expect(ceremony?.properties.date).toBe("2024-06-13");
  });

  it("the day something was said about the event is not its date", async () => {
    const [meeting] = await events(
      "On Monday, Stoltenberg said NATO defence ministers met in Brussels to discuss Ukraine.",
    );
    expect(meeting?.properties.date).toBeUndefined();
  });
});

/**
 * The ninth pass (issue 25, ext-events): finding the pledges, events and quotes a careful reader
 * records. Each family has cases that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

const has = (f: string[], re: RegExp) => f.some((x) => re.test(x));
const pledges = async (text: string) =>
  (await draft(text)).document.entities.filter((e) => e.kind === "Pledge");

describe("extract: equipment a nation will send is a pledge", () => {
  it.each([
    ["Italy will send four Eurofighter jets to Poland in March.", "italy", /eurofighter jets/i, 4],
    ["Norway will deploy two frigates to the Baltic Sea next month.", "norway", /frigates/, 2],
    [
      "The Netherlands will station armoured personnel carriers and tanks in southern Lithuania by the end of the year.",
      "netherlands",
      /armoured personnel carriers and tanks/,
      undefined,
    ],
    [
      "Germany will provide a Patriot battery to Slovakia.",
      "germany",
      /Patriot battery/,
      undefined,
    ],
  ])("%s", async (text, nation, unit, value) => {
    const f = await facts(text);
    const [p] = await pledges(text);
    expect(p).toBeDefined();
    expect(String(p?.properties.unit)).toMatch(unit);
    expect(p?.properties.metric).toBe("OTHER");
    expect(p?.properties.status).toBe("COMMITTED");
    if (value !== undefined) expect(p?.properties.value).toBe(value);
    expect(has(f, new RegExp(`^${nation} PLEDGED ${p?.key}$`))).toBe(true);
  });

  it.each([
    "Italy sent four Eurofighter jets to Poland in March.",
    "Italy will not send jets to Poland.",
    "Italy will send a delegation to Poland.",
    "Italy will send jets to Poland if needed.",
    "Germany was sending a Patriot battery to Slovakia.",
  ])("no pledge: %s", async (text) => {
    expect(await pledges(text)).toEqual([]);
  });
});

describe("extract: an offer of troops or equipment is a proposed pledge", () => {
  it.each([
    ["Spain could deploy fighter jets to Romania.", "spain"],
    ["Denmark said it could contribute 200 troops to the NATO Response Force.", "denmark"],
    ["Portugal is ready to send 150 soldiers to Lithuania.", "portugal"],
  ])("%s", async (text, nation) => {
    const [p] = await pledges(text);
    expect(p?.properties.status).toBe("PROPOSED");
    expect(has(await facts(text), new RegExp(`^${nation} PLEDGED ${p?.key}$`))).toBe(true);
  });

  it.each([
    "Spain could raise defence spending to 2.1% of GDP.",
    "Spain could not deploy fighter jets to Romania.",
    "Spain could deploy fighter jets to Romania if the government agrees.",
  ])("no pledge: %s", async (text) => {
    expect(await pledges(text)).toEqual([]);
  });
});

describe("extract: troop pledges read past an adverb and a reporting nation's 'it'", () => {
  it("'would separately provide' is a pledge", async () => {
    const [p] = await pledges(
      "Britain would separately provide some 1,000 troops to the spearhead force.",
    );
    expect(p?.properties.value).toBe(1000);
    expect(p?.properties.metric).toBe("TROOPS");
  });

  it("'X said it will' is X's pledge; a nation named only inside the sentence's topic is not", async () => {
    const f = await facts("Canada said on Monday it will send 250 more troops to Latvia.");
    expect(has(f, /^canada PLEDGED canada-250-more-troops-to-latvia$/)).toBe(true);
    const ps = await pledges(
      "Canada said it will send 250 troops to a NATO force defending against threats like militants in Syria.",
    );
    expect(ps.map((p) => p.key)).toEqual(["canada-250-troops"]);
  });

  it("'it' with no nation saying so pledges nothing", async () => {
    expect(await pledges("Officials said it will send 250 troops to Latvia.")).toEqual([]);
  });
});

const events = async (text: string) =>
  (await draft(text)).document.entities.filter((e) => e.kind === "Event");

describe("extract: events described, not named", () => {
  it.each([
    [
      "A handover ceremony took place at Amari Air Base on Friday.",
      /handover ceremony/i,
      "amari-air-base",
    ],
    ["A welcome ceremony was held in Riga for the new rotation.", /welcome ceremony/i, "riga"],
  ])("a ceremony, and where it is held: %s", async (text, name, place) => {
    const [e] = await events(text);
    expect(e?.name).toMatch(name);
    expect(await facts(text)).toContain(`${e?.key} LOCATED_IN ${place}`);
  });

  it("a body's meeting: the body takes part, and so does whoever attended it", async () => {
    const text = "Prime Minister Petr Fiala attended a European Council meeting in Brussels.";
    const [e] = await events(text);
    expect(e?.name).toBe("European Council meeting");
    expect(e?.properties.category).toBe("MEETING");
    const f = await facts(text);
    expect(has(f, new RegExp(`^european-council PARTICIPATED_IN ${e?.key} \\(inferred\\)$`))).toBe(
      true,
    );
    expect(has(f, new RegExp(`^petr-fiala PARTICIPATED_IN ${e?.key}`))).toBe(true);
    expect(f).toContain(`${e?.key} LOCATED_IN brussels`);
  });

  it("an alliance's unnamed exercise, and a named one with its capitalised head", async () => {
    const [e] = await events("The frigate sailed to the Black Sea for a NATO exercise.");
    expect(e?.name).toBe("NATO exercise");
    expect(
      has(
        await facts("The frigate sailed to the Black Sea for a NATO exercise."),
        /^nato PARTICIPATED_IN nato-exercise/,
      ),
    ).toBe(true);
    expect((await events("Allied units will take part in Exercise Hedgehog."))[0]?.key).toBe(
      "exercise-hedgehog",
    );
  });

  it("a visit by a mission is about it, and where it arrived", async () => {
    const text =
      "Four warships arrived in Latvia on Saturday as part of a visit by the Standing NATO Mine Countermeasures Group 1.";
    const [e] = await events(text);
    expect(e?.properties.category).toBe("VISIT");
    expect(await facts(text)).toContain(`${e?.key} LOCATED_IN latvia`);
  });

  it("a speaker on a programme or at a press conference, by a relative clause", async () => {
    const f = await facts(
      "Defence Secretary Ben Wallace told the BBC's Sunday Morning show that more troops would go to Estonia.",
    );
    expect(has(f, /^ben-wallace PARTICIPATED_IN wallace-.*sunday-morning-show/)).toBe(true);
    const g = await facts(
      "The ministry confirmed the plan announced by Defence Minister Hanno Pevkur, who at a press conference in Tallinn described it as historic.",
    );
    expect(has(g, /^hanno-pevkur PARTICIPATED_IN pevkur-news-conference/)).toBe(true);
  });

  it.each([
    "The meeting ended early.",
    "The ceremony was held in Tapa.",
    "Exercises were held in Tapa.",
    "The Black Sea exercise ended.",
    "A Monday meeting in Riga was cancelled.",
    "NATO exercises are held every year.",
  ])("no described event: %s", async (text) => {
    expect(await events(text)).toEqual([]);
  });
});

describe("extract: quotations a scraped copy leaves open, and confidence expressed in words", () => {
  const quotesOf = async (text: string) =>
    (await draft(text)).document.entities
      .filter((e) => e.kind === "Quote")
      .map((e) => String(e.properties.text));

  it("a quotation opened after a colon and never closed, ending the article, is read to its end", async () => {
    const text =
      'Defence Secretary Grant Shapps spoke to reporters in London.\n\nAsked about the budget, Shapps said: "We will set the budget in the autumn and you will have your answer.';
    expect(await quotesOf(text)).toEqual([
      "We will set the budget in the autumn and you will have your answer.",
    ]);
    expect(has(await facts(text), /^grant-shapps SAID quote-/)).toBe(true);
  });

  it("a quotation running over paragraphs is read part by part (tenth pass); not where the mark is mid-phrase", async () => {
    const over =
      'Defence Secretary Grant Shapps said: "We will set the budget in the autumn and you will have your answer.\n\n"Until then we wait."';
    expect(await quotesOf(over)).toEqual([
      "We will set the budget in the autumn and you will have your answer.",
      "Until then we wait.",
    ]);
    expect(
      await quotesOf('Grant Shapps called the 5" guns obsolete and too heavy for the ship.'),
    ).toEqual([]);
  });

  it("'X, who at a press conference expressed his confidence in “...”' is X's quotation", async () => {
    const text =
      "The ministry confirmed the announcement made by Defence Minister Hanno Pevkur, who at a press conference expressed his confidence in “the arrival in May of our allies with up to six fighter jets”.";
    const f = await facts(text);
    expect(has(f, /^hanno-pevkur SAID quote-pevkur-/)).toBe(true);
  });
});

describe("extract: a pledge's subject past an appositive", () => {
  it.each([
    ["NATO, the Western military alliance, pledged to reinforce its eastern flank.", "nato"],
    ["Italy, having previously lagged behind, committed to boost its defence budget.", "italy"],
  ])("%s", async (text, who) => {
    const [p] = await pledges(text);
    expect(p).toBeDefined();
    expect(has(await facts(text), new RegExp(`^${who} PLEDGED ${p?.key}$`))).toBe(true);
  });

  it("a comma that ends a clause still cuts the subject off", async () => {
    expect(
      await pledges(
        "NATO met in Brussels on Tuesday, and Italy pledged to boost its defence budget.",
      ),
    ).toHaveLength(1);
    expect(
      has(
        await facts(
          "NATO met in Brussels on Tuesday, and Italy pledged to boost its defence budget.",
        ),
        /^nato PLEDGED/,
      ),
    ).toBe(false);
  });
});

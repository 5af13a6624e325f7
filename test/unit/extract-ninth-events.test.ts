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

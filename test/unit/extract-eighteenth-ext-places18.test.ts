/**
 * The eighteenth pass, second wave (ext-places18): where things are and who serves where. Each
 * construction has a case for what it must make and one for what it must not. Sentences are
 * written for the test.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

const on = "2024-05-02";

describe("extract: a counterpart serves in the nation named for them", () => {
  it("'his Greek counterpart X' without a titled subject: SERVES_IN Greece", async () => {
    const found = await facts(
      "The Dutch minister later met his Greek counterpart Nikos Dendias in Athens.",
      on,
    );
    expect(found).toContain("nikos-dendias SERVES_IN greece (inferred)");
  });

  it("'his counterpart from Canada, X': SERVES_IN Canada, the office from the plain noun", async () => {
    const found = await facts(
      "The Romanian defence minister held talks with his counterpart from Canada, Anita Anand, on Tuesday.",
      on,
    );
    expect(found).toContain("anita-anand SERVES_IN canada (inferred)");
  });

  it("does not make the subject serve in the counterpart's nation, nor read 'from' a city", async () => {
    const found = await facts(
      "The Dutch minister later met his Greek counterpart Nikos Dendias in Athens.",
      on,
    );
    expect(found.filter((f) => / SERVES_IN greece/.test(f))).toEqual([
      "nikos-dendias SERVES_IN greece (inferred)",
    ]);
    const city = await facts(
      "The minister met his counterpart from Riga, Andris Spruds, on Monday.",
      on,
    );
    expect(city.filter((f) => f.startsWith("andris-spruds SERVES_IN"))).toEqual([]);
  });
});

describe("extract: an event placed by where it is held", () => {
  it("'the meeting of NATO ministers of defence, in Brussels': LOCATED_IN Brussels", async () => {
    const found = await facts(
      "Estonia's minister spoke at the meeting of NATO Ministers of Defence, in Brussels, on Thursday.",
      on,
    );
    expect(
      found.filter((f) => / LOCATED_IN brussels$/.test(f) && f.includes("meeting")),
    ).toHaveLength(1);
  });

  it("'a ceremony that will take place at NATO's headquarters in Brussels'", async () => {
    const found = await facts(
      "Finland will join during a ceremony that will take place at NATO's headquarters in Brussels.",
      on,
    );
    expect(found).toContain("ceremony LOCATED_IN brussels");
  });

  it("'Exercise Cold Harbour in Norway': the exercise lies in Norway", async () => {
    const found = await facts(
      "Some 800 Dutch soldiers will take part in Exercise Cold Harbour in Norway next month.",
      on,
    );
    expect(found).toContain("exercise-cold-harbour LOCATED_IN norway");
  });

  it("does not place a war, nor an event whose place is a demonym or a part ('in Latvia's east')", async () => {
    const war = await facts("Russia's invasion of Ukraine in 2022 changed NATO.", on);
    // (another reader infers the war's place; this one states none)
    expect(war.filter((f) => f.includes(" LOCATED_IN ") && !f.endsWith("(inferred)"))).toEqual([]);
    const part = await facts(
      "Canadian troops took part in Exercise Silver Arrow in Latvia's east this spring.",
      on,
    );
    expect(part.filter((f) => /^exercise-silver-arrow LOCATED_IN/.test(f))).toEqual([]);
  });

  it("does not place by a nation an event where the article names that nation's capital", async () => {
    const found = await facts(
      "Ministers arrived in Brussels on Monday. The meeting of NATO Ministers of Defence, in Belgium, lasted two days.",
      on,
    );
    expect(found.filter((f) => /meeting\S* LOCATED_IN belgium/.test(f))).toEqual([]);
  });
});

/**
 * The eighteenth pass, second wave (ext-places18): where things are and who serves where. Each
 * construction has a case for what it must make and one for what it must not. Sentences are
 * written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

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

const people = async (text: string) =>
  (await draft(text, on)).document.entities.filter((e) => e.kind === "Person").map((e) => e.name);

describe("extract: a British minister's honorifics and portfolio", () => {
  it("'Minister for Defence People and Families, Rt Hon Dr Jane Doyle MP': the person is Jane Doyle", async () => {
    const text =
      "Minister for Defence People and Families, Rt Hon Dr Jane Doyle MP, visited troops in Cyprus on Friday.";
    expect(await people(text)).toEqual(["Jane Doyle"]);
    expect(await facts(text)).toContain("jane-doyle VISITED cyprus");
  });

  it("does not read a portfolio word or a post-nominal as a person ('People', 'MP')", async () => {
    const text = "The MP said People and Families would get more money, Andrew Smith MP added.";
    const found = await people(text);
    expect(found).not.toContain("People");
    expect(found.filter((n) => /\bMP\b/.test(n))).toEqual([]);
  });
});

describe("extract: a base named 'X Camp'", () => {
  it("'visited troops at Tapa Camp in Estonia': a place, visited, in Estonia", async () => {
    const found = await facts(
      "The minister, Jane Doyle, visited troops at Kadaga Camp in Estonia on Monday.",
      on,
    );
    expect(found).toEqual(
      expect.arrayContaining(["jane-doyle VISITED kadaga-camp", "kadaga-camp LOCATED_IN estonia"]),
    );
  });

  it("does not make a place of a lowercase camp or 'Camp' opening a sentence alone", async () => {
    const found = (await draft("Camp life was hard, the Dutch soldiers said of their camp.", on))
      .document.entities;
    expect(found.filter((e) => e.kind === "Place")).toEqual([]);
  });
});

describe("extract: a visitor's office is not in the nation visited", () => {
  it("'Minister X ... during a visit to Estonia': no office in Estonia inferred", async () => {
    const text = [
      "Estonia hosts a NATO battle group. Estonia's army trains with it. Estonia is grateful.",
      "Defence Minister Jane Doyle visited troops at Kadaga Camp.",
      "Jane Doyle met soldiers during a visit to Estonia.",
    ].join(" ");
    const found = await facts(text, on);
    expect(found.filter((f) => f.startsWith("jane-doyle SERVES_IN estonia"))).toEqual([]);
    expect(found).toContain("jane-doyle VISITED estonia");
  });

  it("still gives the home nation's office to its own untitled-by-nation minister", async () => {
    const text = [
      "Estonia hosts a NATO battle group. Estonia's army trains with it. Estonia is grateful.",
      "Defence Minister Jane Doyle thanked the allies.",
    ].join(" ");
    expect(await facts(text, on)).toContain("jane-doyle SERVES_IN estonia (inferred)");
  });
});

describe("extract: a mission the alliance owns by name", () => {
  it("'NATO's maritime security Operation Sea Guardian': PART_OF NATO, the mission named there", async () => {
    const found = await facts(
      "Standing NATO Maritime Group Two, now serving in NATO's maritime security Operation Sea Guardian, gained a Turkish frigate.",
      on,
    );
    expect(found).toContain("operation-sea-guardian PART_OF nato");
  });

  it("does not make a mission NATO's where NATO names an ally, not the mission", async () => {
    const found = await facts(
      "Spain, a NATO ally, commands Operation Atalanta for the European Union.",
      on,
    );
    expect(found.filter((f) => f.startsWith("operation-atalanta PART_OF nato"))).toEqual([]);
  });
});

describe("extract: a visit with an aside between commas", () => {
  it("'visited, with a group of officers, the corps headquarters in Szczecin': VISITED Szczecin", async () => {
    const found = await facts(
      "General Anna Berg visited, with a group of officers, the corps headquarters in Szczecin, Poland.",
      on,
    );
    expect(found).toContain("anna-berg VISITED szczecin");
  });

  it("does not make the officers' companion a visitor of places inside the aside", async () => {
    const found = await facts(
      "General Anna Berg visited, with Colonel Jan Nowak from Warsaw, the corps headquarters in Szczecin, Poland.",
      on,
    );
    expect(found.filter((f) => / VISITED warsaw/.test(f))).toEqual([]);
    expect(found).toContain("anna-berg VISITED szczecin");
  });
});

describe("extract: a base placed by its distance from a capital", () => {
  it("'Kadaga Camp, 120 km east of Tallinn' in an article naming Estonia: in Estonia (inferred)", async () => {
    const found = await facts(
      "Estonia hosts the battle group. Its troops train at Kadaga Camp, 120 km east of Tallinn.",
      on,
    );
    expect(found).toContain("kadaga-camp LOCATED_IN estonia (inferred)");
  });

  it("does not place it in a nation the article does not name, nor in the capital itself", async () => {
    const found = await facts("Its troops train at Kadaga Camp, about 120 km east of Tallinn.", on);
    expect(found.filter((f) => f.startsWith("kadaga-camp LOCATED_IN"))).toEqual([]);
  });
});

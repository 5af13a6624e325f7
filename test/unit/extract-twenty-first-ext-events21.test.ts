/**
 * The twenty-first pass (ext-events21): what ceremonies and quotations are about, and who attends a
 * ceremony. Each rule is written for a construction that recurs in defence news (a handover or
 * rotation ceremony, "the ceremony was attended by", "this mission" in a quotation): a case it must
 * find and a look-alike it must not. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

const on = "2024-05-02";

describe("extract: a ceremony is about the mission its sentence names", () => {
  it("'detachments of the NATO Baltic Air Policing mission changed over at a ceremony'", async () => {
    expect(
      await facts(
        "Fighter detachments of the NATO Baltic Air Policing mission changed over at a ceremony at Amari Air Base on Friday.",
        on,
      ),
    ).toContain("ceremony ABOUT baltic-air-policing");
  });

  it("'troops serving in the NATO battle group in Lithuania handed over ... in a ceremony'", async () => {
    expect(
      await facts(
        "Dutch troops serving in the NATO battle group in Lithuania handed over to a Norwegian company in a ceremony at Rukla on Monday.",
        on,
      ),
    ).toContain("ceremony ABOUT nato-battle-group-in-lithuania");
  });

  it("'the battle group' in the ceremony's sentence is the article's one mission", async () => {
    expect(
      await facts(
        "The NATO battle group in Estonia is led by the United Kingdom. A handover ceremony took place at Tapa on May 3; the Danes, who led the battle group since January, handed command to the French.",
        on,
      ),
    ).toContain("handover-ceremony ABOUT nato-battle-group-in-estonia");
  });

  it("not a mission named in another sentence than the ceremony's", async () => {
    const found = await facts(
      "A ceremony was held in Riga on Monday to mark Independence Day. Canada leads the NATO battle group in Latvia.",
      on,
    );
    expect(found.filter((f) => f.startsWith("ceremony ABOUT"))).toEqual([]);
  });
});

describe("extract: who attends a ceremony told of before", () => {
  it("'The rotation ceremony was attended by X and Y': both take part; X's words are said there", async () => {
    const found = await facts(
      "A handover ceremony was held at Siauliai Air Base on Tuesday. The rotation ceremony was attended by Defence Minister Laurynas Kasciunas and Colonel Antanas Matutis. “We thank the outgoing airmen,” Kasciunas said.",
      on,
    );
    // Stated (the sentence says they attended), whichever of the two rules for it drafts it.
    expect(found).toContain("laurynas-kasciunas PARTICIPATED_IN handover-ceremony");
    expect(found).toContain("antanas-matutis PARTICIPATED_IN handover-ceremony");
    expect(found).toContain(
      "quote-kasciunas-thank-the-outgoing-airmen SAID_AT handover-ceremony (inferred)",
    );
  });

  it("not a meeting: 'the ceremony' is only a ceremony the article told of", async () => {
    const found = await facts(
      "NATO defence ministers met in Brussels on Thursday. The ceremony was attended by Colonel Antanas Matutis.",
      on,
    );
    expect(found.filter((f) => f.startsWith("antanas-matutis PARTICIPATED_IN"))).toEqual([]);
  });
});

describe("extract: the mission or exercise a quotation describes", () => {
  const two =
    "Spanish troops serve in the NATO battle group in Latvia. In January Polish F-16s joined the Baltic Air Policing mission at Amari.";

  it("'this important NATO peacetime mission': the mission named last before the quotation", async () => {
    const found = await facts(
      `${two} “This important NATO peacetime mission keeps the skies safe,” Lieutenant Colonel Jan Nowak said.`,
      on,
    );
    expect(found).toContain(
      "quote-nowak-this-important-nato-peacetime-mission-keeps ABOUT baltic-air-policing (inferred)",
    );
  });

  it("not 'the mission in Mali': the words name another land", async () => {
    const found = await facts(
      `${two} “The mission in Mali was harder,” Lieutenant Colonel Jan Nowak said.`,
      on,
    );
    expect(found.filter((f) => f.includes("ABOUT baltic-air-policing"))).toEqual([]);
  });

  it("'This exercise proved ...': the exercise named before", async () => {
    expect(
      await facts(
        "Exercise Spring Storm ended in Estonia on Friday. “This exercise proved that we are ready,” General Martin Herem said.",
        on,
      ),
    ).toContain(
      "quote-herem-this-exercise-proved-that-are-ready ABOUT exercise-spring-storm (inferred)",
    );
  });

  it("not 'the exercises in Norway': another exercise, by where it was", async () => {
    const found = await facts(
      "Exercise Spring Storm ended in Estonia on Friday. “The exercises in Norway were harder,” General Martin Herem said.",
      on,
    );
    expect(found.filter((f) => f.includes("ABOUT exercise-spring-storm"))).toEqual([]);
  });
});

describe("extract: words said in an article of one visit or one ceremony are said there", () => {
  it("'arrived ... as part of a visit by SNMG1 ... said the commander of the Estonian Navy'", async () => {
    expect(
      await facts(
        "Warships arrived in Tallinn on Saturday as part of a visit by the Standing NATO Maritime Group 1. The ships will leave on Tuesday. “Allies are welcome in our waters,” said Commodore Ivo Värk, commander of the Estonian Navy.",
        on,
      ),
    ).toContain(
      "quote-vark-allies-are-welcome-our-waters SAID_AT standing-nato-maritime-group-1-visit (inferred)",
    );
  });

  it("'handed over ... in a ceremony at Tapa ... [later] Luik said': at the ceremony", async () => {
    expect(
      await facts(
        "The Belgian company handed over to a French unit in a ceremony at Tapa on Thursday. Defence Minister Jüri Luik thanked the troops. Estonia has hosted the battle group since 2017. “All for one and one for all,” Luik said.",
        on,
      ),
    ).toContain("quote-luik-all-for-one-and-one-for SAID_AT ceremony (inferred)");
  });

  it("not words said 'ahead of the ceremony', nor at a ceremony still to be held", async () => {
    const ahead = await facts(
      "The Belgian company handed over to a French unit in a ceremony at Tapa on Thursday. “All for one and one for all,” Luik said ahead of the ceremony.",
      on,
    );
    expect(ahead.filter((f) => f.includes("SAID_AT"))).toEqual([]);
    const coming = await facts(
      "A closing ceremony will be held on Friday in Warsaw. “This was a success,” Defence Minister Antoni Macierewicz said.",
      on,
    );
    expect(coming.filter((f) => f.includes("SAID_AT"))).toEqual([]);
  });

  it("not where the article tells of a meeting beside the visit", async () => {
    const found = await facts(
      "General Anna Berg visited Tapa on Monday. Estonian Prime Minister Kaja Kallas met German Chancellor Olaf Scholz in Berlin on Tuesday. The weather was cold. “We are ready,” Colonel Jaak Tamm said.",
      on,
    );
    expect(found.filter((f) => f.includes("SAID_AT"))).toEqual([]);
  });
});

describe("extract: a pledge whose subject and verb an adverb parts", () => {
  it("'The Netherlands also intends to supply two minehunters to Ukraine'", async () => {
    const found = await facts(
      "The Netherlands also intends to supply two minehunters to Ukraine.",
      on,
    );
    expect(found).toContain("netherlands PLEDGED netherlands-minehunters-to-ukraine");
    expect(found).toContain("netherlands-minehunters-to-ukraine ABOUT ukraine");
  });

  it("'The Dutch government now plans to deliver ...': the government, for its nation", async () => {
    expect(
      await facts("The Dutch government now plans to deliver two minehunters to Ukraine.", on),
    ).toContain("netherlands PLEDGED netherlands-minehunters-to-ukraine (inferred)");
  });

  it("not the nation of a reporting clause before another subject", async () => {
    const found = await facts(
      "The Netherlands also said Russia will send 100 troops to Belarus.",
      on,
    );
    expect(found.filter((f) => f.startsWith("netherlands PLEDGED"))).toEqual([]);
  });
});

describe("extract: a speaker named by initial and surname after the full name", () => {
  it("'said Vice Minister K. Gogelienė' after 'Kamilė Gogelienė': the same person speaks", async () => {
    const found = await facts(
      "The rotation ceremony was attended by Vice Minister of National Defence Kamilė Gogelienė. “We thank the airmen,” said Vice Minister of National Defence K. Gogelienė.",
      on,
    );
    expect(found).toContain("kamile-gogeliene SAID quote-gogeliene-thank-the-airmen");
    expect(found.filter((f) => f.startsWith("k-gogeliene"))).toEqual([]);
  });

  it("not when two people share the surname and initial", async () => {
    const found = await facts(
      "Anna Berg and Anders Berg met in Oslo. “We are ready,” said A. Berg.",
      on,
    );
    expect(found.filter((f) => /^(?:anna|anders)-berg SAID/.test(f))).toEqual([]);
  });
});

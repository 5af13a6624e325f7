/**
 * The seventeenth pass (issue 25, the coordinator's part): places a reader knows that the
 * extractor did not. A town too small for GeoNames' list, placed by the text in a nation it names
 * right after it ("in Rukla, Lithuania"); the United Kingdom's nations ("in Scotland"); the NATO
 * summit named by its nation ("the summit in Wales", 2014). Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

const names = async (text: string) =>
  (await draft(text, "2024-05-02")).document.entities.map((e) => `${e.kind} ${e.name}`);

describe("extract: a town the text places in a nation", () => {
  it("'in Rukla, Lithuania': a place in Lithuania, though GeoNames lists no Rukla", async () => {
    const text = "Two hundred soldiers arrived in Rukla, Lithuania, on Monday.";
    expect(await names(text)).toContain("Place Rukla");
    expect(await facts(text, "2024-05-02")).toContain("rukla LOCATED_IN lithuania");
  });

  it("does not read a month, a word or a clause's subject as a town ('In March, Canada pledged')", async () => {
    for (const text of [
      "In March, Canada pledged 200 more troops.",
      "In Response, Latvia asked for more air defence.",
      "At Rukla, Lithuania said it would build new barracks.",
    ]) {
      expect(
        (await names(text)).filter((n) => n.startsWith("Place")),
        text,
      ).toEqual([]);
    }
  });
});

describe("extract: the United Kingdom's nations", () => {
  it("'in Scotland', 'in Northern Ireland' are places in the United Kingdom where it is named", async () => {
    const text =
      "British troops trained in Scotland and Northern Ireland before the United Kingdom sent them to Estonia.";
    const found = await names(text);
    expect(found).toEqual(expect.arrayContaining(["Place Scotland", "Place Northern Ireland"]));
    expect(await facts(text, "2024-05-02")).toEqual(
      expect.arrayContaining([
        "scotland LOCATED_IN united-kingdom (inferred)",
        "northern-ireland LOCATED_IN united-kingdom (inferred)",
      ]),
    );
  });
});

describe("extract: the NATO summit known by its nation", () => {
  it("'the NATO summit in Wales' is 2014's, in an article of another year", async () => {
    const found = (
      await draft("Leaders agreed the 2% goal at the NATO summit in Wales.", "2024-05-02")
    ).document.entities;
    expect(found.filter((e) => e.kind === "Event").map((e) => e.key)).toEqual([
      "nato-summit-wales-2014",
    ]);
  });
});

describe("extract: NATO's recurring exercises, named without the word 'exercise'", () => {
  const events = async (text: string) =>
    (await draft(text, "2024-05-02")).document.entities
      .filter((e) => e.kind === "Event")
      .map((e) => `${e.key} ${e.properties?.date ?? ""}`.trim());

  it("'Steadfast Defender 24 is ...', 'joined BALTOPS 2023', 'Dragon-24' are exercises of their year", async () => {
    expect(await events("Steadfast Defender 24 is the largest drill in decades.")).toEqual([
      "steadfast-defender-24 2024",
    ]);
    expect(await events("Ships from 14 nations joined BALTOPS 2023 in the Baltic Sea.")).toEqual([
      "baltops-2023 2023",
    ]);
    expect(await events("Polish troops crossed the Vistula during Dragon-24.")).toEqual([
      "dragon-24 2024",
    ]);
    expect(await events("Cold Response brought 20,000 troops to Norway.")).toEqual([
      "cold-response",
    ]);
  });

  it("a one-word name without its year is a word ('the Dragon', 'Hedgehog drills' are no events)", async () => {
    expect(await events("The Dragon was painted on the flag of Wales.")).toEqual([]);
    expect(await events("Hedgehog numbers fell in England.")).toEqual([]);
  });
});

describe("extract: the alliance's standing forces, written in lower case", () => {
  it("'NATO's rapid reaction force', 'the alliance's spearhead force' are organisations named as NATO's", async () => {
    const found = await names(
      "Britain will send 3,500 troops to NATO's rapid reaction force. The alliance's new spearhead force will be ready in 2016.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        "Organization NATO rapid reaction force",
        "Organization NATO spearhead force",
        "Organization NATO",
      ]),
    );
    // Another force of the alliance's is not made up ("NATO's forces", "NATO's air force").
    expect(await names("NATO's forces in Latvia grew, and NATO's air force flew.")).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/NATO (?:forces|air force)/)]),
    );
  });
});

describe("extract: ranks as British and NATO releases abbreviate them, and an office after a body's name", () => {
  it("'Maj Gen Harald Gante', 'Col Jane Smith', 'Wg Cdr John Smith': the rank is no part of the name", async () => {
    const found = await names(
      "Maj Gen Harald Gante met Col Jane Smith, and Wg Cdr John Smith leads the RAF detachment.",
    );
    expect(found).toEqual(
      expect.arrayContaining(["Person Harald Gante", "Person Jane Smith", "Person John Smith"]),
    );
    expect(found.filter((n) => /Maj|Col|Wg|Cdr/.test(n))).toEqual([]);
  });

  it("'Land Force Commander Artūras Radvilas': a person, after the body's name and its office", async () => {
    expect(
      await names("He met Land Force Commander Brig Gen Artūras Radvilas in Vilnius."),
    ).toContain("Person Artūras Radvilas");
    expect(await names("He met Land Force Commander Artūras Radvilas in Vilnius.")).toContain(
      "Person Artūras Radvilas",
    );
  });
});

describe("extract: a legion named by its nation", () => {
  it("'the French Foreign Legion' is an armed force, beside 'the French Army'", async () => {
    expect(
      await names("Soldiers of the French Army and the French Foreign Legion arrived in Estonia."),
    ).toEqual(
      expect.arrayContaining(["Organization French Army", "Organization French Foreign Legion"]),
    );
  });
});

describe("extract: a region named by its adjective", () => {
  it("Africa's and Asia's parts are places ('Central Africa', 'the Horn of Africa', 'the South Caucasus')", async () => {
    expect(
      await names(
        "Estonian troops served in Kosovo, Central Africa and Mali, and ships off the Horn of Africa.",
      ),
    ).toEqual(expect.arrayContaining(["Place Central Africa", "Place Horn of Africa"]));
  });

  it("'the Crimean peninsula' is Crimea", async () => {
    expect(
      await names("NATO reinforced its eastern flank after Russia annexed the Crimean peninsula."),
    ).toContain("Place Crimea");
  });
});

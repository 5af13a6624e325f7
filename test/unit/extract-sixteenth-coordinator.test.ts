/**
 * The sixteenth pass (issue 25, the coordinator's part), from an article written for a check of
 * the merged passes: a unit named by its nation's adjective ends at a word's end, so an officer's
 * title after it ("the Estonian Division Commander") is no part of the unit's name. Sentences are
 * written for the test. A spokesperson in apposition serves in the body named after "for".
 */
import { describe, expect, it } from "vitest";
import { draft } from "../helpers/extract.js";

describe("extract: a unit's name ends at a word's end", () => {
  it("'X, the Estonian Division Commander': the Estonian Division, led by X", async () => {
    const { document } = await draft(
      "Colonel Mart Tamm, the Estonian Division Commander, said the drills went well.",
      "2025-03-12",
    );
    const names = document.entities.map((e) => e.name);
    expect(names).toContain("Estonian Division");
    expect(names).not.toContain("Estonian Division Command");
    expect(
      document.relations
        .filter((r) => r.type === "LEADS")
        .map((r) => `${r.from} ${r.to} ${r.properties?.role}`),
    ).toContain("mart-tamm estonian-division Commander");
  });

  it("a command that is one keeps its name ('the Polish Division Command said')", async () => {
    const { document } = await draft(
      "The Polish Division Command said on Monday that 300 soldiers would join the exercise.",
      "2025-03-12",
    );
    expect(document.entities.map((e) => e.name)).toContain("Polish Division Command");
  });
});

/** Offices held: "person TYPE owner (role)". */
const offices = async (text: string) =>
  (await draft(text, "2025-03-12")).document.relations
    .filter((r) => r.type === "LEADS" || r.type === "SERVES_IN")
    .map((r) => `${r.from} ${r.type} ${r.to} (${r.properties?.role})`);

describe("extract: a spokesperson in apposition", () => {
  it("'X, a spokeswoman for the Hellenic Navy, said': X serves in it as its spokeswoman", async () => {
    expect(
      await offices(
        "Georgia Harris, a spokeswoman for the Hellenic Navy, said about 1,200 sailors would take part.",
      ),
    ).toContain("georgia-harris SERVES_IN hellenic-navy (Spokeswoman)");
    expect(
      await offices("Anna Berg, spokesperson for NATO, said the ships would sail on Monday."),
    ).toContain("anna-berg SERVES_IN nato (Spokesperson)");
  });

  it("a spokesman for a body the text does not name holds no office found", async () => {
    expect(
      await offices("John Smith, a spokesman for the company, said the order was signed."),
    ).toEqual([]);
  });
});

/** The summits drafted: "key (date)". */
const summits = async (text: string, publishedAt: string) =>
  (await draft(text, publishedAt)).document.entities
    .filter((e) => e.kind === "Event" && e.key.includes("summit"))
    .map((e) => `${e.key} (${e.properties?.date ?? ""})`);

describe("extract: NATO summits named by their town", () => {
  it("'at The Hague summit': the town's 'The' is no determiner; the summit is found", async () => {
    expect(
      await summits(
        "NATO allies agreed at The Hague summit to spend 5 per cent of GDP by 2035.",
        "2025-07-03",
      ),
    ).toEqual(["nato-summit-the-hague-2025 ()"]);
  });

  it("a summit named by its town is the one that town held, not the article's year", async () => {
    expect(
      await summits("NATO leaders agreed at the Vilnius summit to do more.", "2025-07-03"),
    ).toEqual(["nato-summit-vilnius-2023 ()"]);
    // a town that held several: the one nearest the article
    expect(await summits("NATO allies met at the summit in Madrid.", "2022-07-01")).toEqual([
      "nato-summit-madrid-2022 ()",
    ]);
    // a town no summit is known for keeps the sentence's or the article's year
    expect(await summits("NATO allies will meet at a summit in Oslo.", "2031-02-01")).toEqual([
      "nato-summit-oslo-2031 ()",
    ]);
  });
});

/** Contributions with their figures: "from -> to troops/additionalTroops". */
const contributions = async (text: string) =>
  (await draft(text, "2025-07-03")).document.relations
    .filter((r) => r.type === "CONTRIBUTES_TO")
    .map(
      (r) =>
        `${r.from} -> ${r.to} ${r.properties?.troops ?? "-"}/${r.properties?.additionalTroops ?? "-"}`,
    );

describe("extract: a contingent brought to a new total", () => {
  it("'200 more soldiers ..., bringing its contingent there to about 800': 800 in all, 200 more", async () => {
    expect(
      await contributions(
        "Spain will send 200 more soldiers to the NATO battlegroup in Slovakia, bringing its contingent there to about 800.",
      ),
    ).toEqual(["spain -> nato-battle-group-in-slovakia 800/200"]);
    expect(
      await contributions(
        "Canada will send 120 troops to Operation Reassurance in Latvia, bringing Canada's total to 660.",
      ),
    ).toEqual(["canada -> operation-reassurance 660/120"]);
  });

  it("'bringing the total to' names no one's total: the figure sent stays", async () => {
    expect(
      await contributions(
        "Germany will deploy 500 soldiers to the NATO battle group in Lithuania, bringing the total to 1,500.",
      ),
    ).toEqual(["germany -> nato-battle-group-in-lithuania 500/-"]);
  });
});

/** Pledges and who made them: "who PLEDGED key (metric value unit)". */
const pledgesOf = async (text: string) => {
  const { document } = await draft(text, "2025-07-03");
  const pledge = new Map(document.entities.map((e) => [e.key, e.properties ?? {}]));
  return document.relations
    .filter((r) => r.type === "PLEDGED")
    .map((r) => {
      const p = pledge.get(r.to) ?? {};
      return `${r.from} PLEDGED ${r.to} (${p.metric} ${p.value} ${p.unit ?? "-"})`;
    });
};

describe("extract: a sum pledged by 'his government', in its currency", () => {
  it("'He said his government had pledged €10.5 billion': the nation of the one who said it", async () => {
    expect(
      await pledgesOf(
        "Spanish Prime Minister Pedro Sánchez spoke on Thursday. He said his government had pledged €10.5 billion for equipment.",
      ),
    ).toEqual(["spain PLEDGED spain-10-5-billion-for-equipment (MONEY 10500000000 EUR)"]);
  });

  it("a person whose nation no title gives leaves the pledge unowned: none is drafted", async () => {
    expect(
      await pledgesOf(
        "Pedro Sánchez, a Spanish lawyer, spoke on Thursday. He said his government had pledged €10.5 billion for equipment.",
      ),
    ).toEqual([]);
  });

  it("a nation's '$' is its own dollar", async () => {
    expect(await pledgesOf("Canada has pledged $2 billion for new frigates.")).toEqual([
      "canada PLEDGED canada-2-billion-for-new-frigates (MONEY 2000000000 CAD)",
    ]);
  });
});

describe("extract: an exercise named before its head word, and where it is held", () => {
  it("'the two-week Iron Wolf exercise in Lithuania': it lies in Lithuania, which hosts it", async () => {
    const { document } = await draft(
      "About 3,000 troops began the two-week Iron Wolf exercise in Lithuania on Monday.",
      "2025-07-03",
    );
    const facts = document.relations.map((r) => `${r.from} ${r.type} ${r.to}`);
    expect(facts).toContain("iron-wolf LOCATED_IN lithuania");
    expect(facts).toContain("lithuania HOSTS iron-wolf");
  });

  it("a place after other words than the head word is not where it is held", async () => {
    const { document } = await draft(
      "Soldiers who took part in the Iron Wolf exercise praised allies in Lithuania.",
      "2025-07-03",
    );
    expect(
      document.relations.filter((r) => r.from === "iron-wolf" && r.type === "LOCATED_IN"),
    ).toEqual([]);
  });
});

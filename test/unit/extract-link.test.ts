import { describe, expect, it } from "vitest";
import { linkMentions } from "../../src/extract/link.js";
import { documentLinker } from "../../src/extract/linker.js";
import { findMentions } from "../../src/extract/mentions.js";
import { analyse } from "../../src/extract/nlp.js";
import type { Linker } from "../../src/extract/types.js";

const link = async (text: string, linker?: Linker) => {
  const m = findMentions(text, analyse(text), null);
  return linkMentions(m.entities, linker);
};

describe("extract: entity linking", () => {
  it("makes one entity of a nation's forms and of a person's surname after the full name", async () => {
    const { clusters } = await link(
      "Prime Minister Justin Trudeau spoke. Trudeau said British troops and the U.K. would stay in the United Kingdom's plan.",
    );
    const trudeau = clusters.find((c) => c.key === "justin-trudeau");
    expect(trudeau?.mentions.map((m) => m.text)).toEqual(["Justin Trudeau", "Trudeau"]);
    const uk = clusters.find((c) => c.key === "united-kingdom");
    expect(uk?.mentions.map((m) => m.text)).toEqual(["British", "U.K.", "United Kingdom"]);
    expect(clusters.filter((c) => c.kind === "Person").map((c) => c.key)).toEqual([
      "justin-trudeau",
    ]);
  });

  it("links a name the article writes without its accents, or with them, to the one the documents spell otherwise", async () => {
    const known = documentLinker([
      {
        source: { key: "s", name: "s", aliases: [], properties: {} },
        entities: [
          { key: "adazi-base", kind: "Place", name: "Ādaži", aliases: [], properties: {} },
          {
            key: "krisjanis-karins",
            kind: "Person",
            name: "Krisjanis Karins",
            aliases: [],
            properties: {},
          },
        ],
        relations: [],
      },
    ]);
    const found = await known.lookup(["Adazi", "ADAZI", "Krišjānis Kariņš", "Adazu"]);
    expect(Object.fromEntries([...found].map(([name, e]) => [name, e.key]))).toEqual({
      Adazi: "adazi-base",
      ADAZI: "adazi-base",
      "Krišjānis Kariņš": "krisjanis-karins",
    });
  });

  it("takes a known entity's key, name and kind from the linker, asking once for every name", async () => {
    const calls: string[][] = [];
    const known = documentLinker([
      {
        source: { key: "s", name: "s", aliases: [], properties: {} },
        entities: [
          {
            key: "cdn-forces",
            kind: "Organization",
            name: "Canadian Forces",
            aliases: ["Canadian Armed Forces"],
            properties: {},
          },
          { key: "kaja-kallas", kind: "Person", name: "Kaja Kallas", aliases: [], properties: {} },
        ],
        relations: [],
      },
    ]);
    const linker: Linker = {
      lookup: (names, keys) => {
        calls.push(names);
        return known.lookup(names, keys);
      },
    };
    const { clusters } = await link(
      "Estonian Prime Minister Kaja Kallas thanked the Canadian Armed Forces. Kallas said more would come.",
      linker,
    );
    expect(calls).toHaveLength(1);
    expect(clusters.find((c) => c.key === "cdn-forces")).toMatchObject({
      name: "Canadian Forces",
      status: "LINKED",
    });
    expect(clusters.find((c) => c.key === "kaja-kallas")?.status).toBe("LINKED");
    expect(clusters.find((c) => c.key === "estonia")?.status).toBe("NEW");
  });

  it("never proposes as NEW a key the linker already knows: same kind links, another kind gets its own key", async () => {
    const known = documentLinker([
      {
        source: { key: "s", name: "s", aliases: [], properties: {} },
        entities: [
          // Known under its key only (its name is not the one the text uses).
          {
            key: "estonia",
            kind: "Nation",
            name: "Republic of Estonia",
            aliases: [],
            properties: {},
          },
          // The key a nation would get, held by an organisation.
          { key: "latvia", kind: "Organization", name: "Latvia Ltd", aliases: [], properties: {} },
        ],
        relations: [],
      },
    ]);
    const { clusters } = await link("Estonia and Latvia hosted the exercise.", known);
    expect(clusters.find((c) => c.key === "estonia")).toMatchObject({
      kind: "Nation",
      status: "LINKED",
      name: "Republic of Estonia",
    });
    const latvia = clusters.find((c) => c.name === "Latvia");
    expect(latvia).toMatchObject({ kind: "Nation", status: "NEW", key: "latvia-nation" });
  });

  it("links a battle group named by its host by that name only, not by 'the battle group'", async () => {
    const known = documentLinker([
      {
        source: { key: "s", name: "s", aliases: [], properties: {} },
        entities: [
          {
            key: "operation-unity",
            kind: "Mission",
            name: "Operation Unity",
            aliases: ["the battle group", "NATO battle group", "NATO battle group in Latvia"],
            properties: {},
          },
        ],
        relations: [],
      },
    ]);
    const { clusters } = await link(
      "Italy sent tanks to the NATO battle group in Bulgaria. The battle group trains near Novo Selo. The NATO battle group in Latvia stays.",
      known,
    );
    const keys = clusters.filter((c) => c.kind === "Mission").map((c) => `${c.key} ${c.status}`);
    expect(keys).toContain("nato-battle-group-in-bulgaria NEW");
    expect(keys).toContain("operation-unity LINKED");
  });
});

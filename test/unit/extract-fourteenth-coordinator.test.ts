/**
 * The fourteenth pass (issue 25, the coordinator's part), from an article written for a check of
 * the whole extract-review-ingest loop against the server as `npm start` runs it: the person a
 * visitor goes to meet holds the title in the nation visited, not in the nation the article
 * centres on. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { extractDraft } from "../../src/extract/index.js";
import { documentLinker } from "../../src/extract/linker.js";
import { draft } from "../helpers/extract.js";

/** Who holds which office where: "person TYPE nation (role)". */
const offices = async (text: string) =>
  (await draft(text, "2026-03-03")).document.relations
    .filter((r) => r.type === "LEADS" || r.type === "SERVES_IN")
    .map((r) => `${r.from} ${r.type} ${r.to} (${r.properties?.role})`);

const NORWAY =
  "Norway will send four F-35 jets to Iceland next month, the Norwegian government said. Norway has pledged more money for defence. Norway last sent jets in 2023. ";

describe("extract: a title held by the one a visitor meets", () => {
  it("'visit Reykjavik ... to meet Prime Minister X': X leads Iceland, not the article's Norway", async () => {
    const held = await offices(
      `${NORWAY}NATO Secretary General Mark Rutte is due to visit Reykjavik in May to meet Prime Minister Kristrun Frostadottir.`,
    );
    expect(held).toContain("kristrun-frostadottir LEADS iceland (Prime Minister)");
    expect(held.filter((h) => h.startsWith("kristrun-frostadottir"))).toHaveLength(1);
  });

  it("a nation visited, and 'talks with', 'welcomed by': the same", async () => {
    expect(
      await offices(
        `${NORWAY}The Dutch defence minister visited Latvia on Monday for talks with Defence Minister Andris Spruds.`,
      ),
    ).toContain("andris-spruds SERVES_IN latvia (Defence Minister)");
    expect(
      await offices(
        `${NORWAY}On a trip to Vilnius, the ministers were welcomed by Foreign Minister Laura Kairiene.`,
      ),
    ).toContain("laura-kairiene SERVES_IN lithuania (Foreign Minister)");
  });

  it("the visitor's own title is not the host's, and a sentence with no meeting keeps the article's nation", async () => {
    const visitor = await offices(
      `${NORWAY}Prime Minister Jonas Gahr Store will visit Reykjavik in May to meet Prime Minister Kristrun Frostadottir.`,
    );
    expect(visitor).toContain("jonas-gahr-store LEADS norway (Prime Minister)");
    expect(visitor).not.toContain("jonas-gahr-store LEADS iceland (Prime Minister)");
    expect(
      await offices(
        `${NORWAY}Prime Minister Jonas Gahr Store said on Tuesday that the jets were ready.`,
      ),
    ).toContain("jonas-gahr-store LEADS norway (Prime Minister)");
  });

  it("visits to two nations name no host: the title's nation stays unknown", async () => {
    const held = await offices(
      "Rutte will visit Latvia and Estonia next week to meet Prime Minister Evika Silina.",
    );
    expect(held.filter((h) => h.startsWith("evika-silina") && !h.includes("latvia"))).toEqual([]);
    expect(held.filter((h) => h.includes("estonia"))).toEqual([]);
  });
});

describe("extract: who made the visit a phrase opens with", () => {
  const visited = async (text: string) =>
    (await draft(text, "2026-03-03")).document.relations
      .filter((r) => r.type === "VISITED")
      .map((r) => `${r.from} VISITED ${r.to}`);

  it("'On a trip to Vilnius, the ministers were welcomed by X': X is the host, not the visitor", async () => {
    expect(
      await visited(
        "On a trip to Vilnius, the ministers were welcomed by Foreign Minister Laura Kairiene.",
      ),
    ).toEqual([]);
    expect(
      await visited("During a visit to Riga, the delegation met Prime Minister Evika Silina."),
    ).toEqual([]);
  });

  it("'During a visit to Latvia, Prime Minister X said': X is the visitor", async () => {
    expect(
      await visited(
        "During a visit to Latvia on Monday, Prime Minister Mark Carney said the troops would stay.",
      ),
    ).toEqual(["mark-carney VISITED latvia"]);
  });
});

describe("extract: a meeting of the same name on another date is another meeting", () => {
  // The graph holds the seed's meeting of March 2022 and the invasion of February 2022.
  const graph = documentLinker([
    {
      source: { key: "s", name: "s", aliases: [], properties: {} },
      entities: [
        {
          key: "nato-defence-ministers-meeting",
          kind: "Event",
          name: "NATO defence ministers' meeting",
          aliases: [],
          properties: { category: "MEETING", date: "2022-03-16" },
        },
        {
          key: "russian-invasion-of-ukraine",
          kind: "Event",
          name: "Russia's invasion of Ukraine",
          aliases: [],
          properties: { category: "CONFLICT", date: "2022-02-24" },
        },
      ],
      relations: [],
    },
  ]);
  const events = async (text: string, publishedAt: string) =>
    (await extractDraft({ text, source: { publishedAt } }, { linker: graph })).entities
      .filter((e) => e.kind === "Event")
      .map((e) => `${e.key} ${e.status}`);
  const MET =
    "The drills come a week after NATO defence ministers met in Brussels and agreed new plans.";

  it("an article of 2026 telling of a ministers' meeting makes a new event, under a key of its own", async () => {
    const found = await events(MET, "2026-10-12");
    expect(found.filter((e) => e.includes("ministers-meeting"))).toEqual([
      "nato-defence-ministers-meeting-2026 NEW",
    ]);
  });

  it("an article of the same weeks links to the known meeting, and an invasion links whenever it is told of", async () => {
    expect(await events(MET, "2022-03-10")).toContain("nato-defence-ministers-meeting LINKED");
    expect(
      await events(
        "Since Russia's invasion of Ukraine, Poland has doubled its defence budget.",
        "2025-05-01",
      ),
    ).toContain("russian-invasion-of-ukraine LINKED");
  });
});

describe("extract: an exercise the article tells of, and who takes part", () => {
  const ARTICLE = [
    "More than 3,000 troops from eight NATO countries began a two-week exercise in Lithuania on Monday, the armed forces said.",
    "The exercise, Iron Wolf, is led by the Lithuanian Army and includes soldiers from Germany, the Netherlands, Norway and the United States.",
    "German troops of the 45th Panzer Brigade, which is being set up in Lithuania, are taking part for the first time.",
  ].join(" ");

  it("'a two-week exercise' named 'The exercise, Iron Wolf,' after it is one event, in Lithuania", async () => {
    const d = (await draft(ARTICLE, "2026-10-12")).document;
    expect(d.entities.filter((e) => e.kind === "Event").map((e) => e.key)).toEqual(["iron-wolf"]);
    const facts = d.relations.map((r) => `${r.from} ${r.type} ${r.to}`);
    expect(facts).toContain("iron-wolf LOCATED_IN lithuania");
  });

  it("the nations whose soldiers it includes, the force that leads it and the troops taking part take part", async () => {
    const facts = (await draft(ARTICLE, "2026-10-12")).document.relations
      .filter((r) => r.type === "PARTICIPATED_IN")
      .map((r) => r.from);
    expect(facts).toEqual(
      expect.arrayContaining([
        "germany",
        "netherlands",
        "norway",
        "united-states",
        "lithuanian-army",
        "45th-panzer-brigade",
      ]),
    );
    // where the brigade is set up is no participant
    expect(facts).not.toContain("lithuania");
  });

  it("'the exercise, Pistorius said,' names no exercise", async () => {
    const d = (
      await draft(
        "Germany will send 500 soldiers to the exercise, Pistorius said on Monday.",
        "2026-10-12",
      )
    ).document;
    expect(d.entities.filter((e) => e.kind === "Event")).toEqual([]);
  });
});

describe("extract: dates and years of another clause", () => {
  it("'a week after NATO defence ministers met' does not date the meeting a week after the article", async () => {
    const d = (
      await draft(
        "The drills come a week after NATO defence ministers met in Brussels and agreed new plans.",
        "2026-10-12",
      )
    ).document;
    const meeting = d.entities.find((e) => e.kind === "Event");
    expect(meeting?.properties?.date ?? "none").not.toBe("2026-10-19");
  });

  it("a share's year is not the year of a plan told in the next clause", async () => {
    const spends = (
      await draft(
        "Lithuania, a NATO ally, spends about 3.5% of its gross domestic product on defence and has said it will raise that to 5% from next year.",
        "2026-10-12",
      )
    ).document.relations.filter((r) => r.type === "SPENDS");
    expect(spends.map((r) => [r.from, r.properties?.value, r.properties?.year])).toEqual([
      ["lithuania", 3.5, undefined],
    ]);
  });
});

describe("extract: towns whose letters Unicode does not decompose", () => {
  it("'Inowroclaw' and 'Bialystok' as English copy writes them are the Polish towns", async () => {
    const places = (
      await draft(
        "Poland bought jets. He spoke at a base in Inowroclaw on Monday and flew on to Bialystok.",
        "2025-05-14",
      )
    ).document.entities
      .filter((e) => e.kind === "Place")
      .map((e) => e.key);
    expect(places).toEqual(expect.arrayContaining(["inowroclaw", "bialystok"]));
  });
});

describe("extract: a nation that takes part in a mission contributes to it", () => {
  const contributes = async (text: string) =>
    (await draft(text, "2026-03-03")).document.relations
      .filter((r) => r.type === "CONTRIBUTES_TO")
      .map((r) => `${r.from} ${r.to}${r.properties?.since ? ` since ${r.properties.since}` : ""}`);

  it("'took part in', 'has taken part in ... since', 'participates in', 'joined'", async () => {
    expect(
      await contributes("Norway last took part in the Icelandic air policing mission in 2023."),
    ).toEqual(["norway icelandic-air-policing"]);
    expect(
      await contributes("Spain has taken part in the Baltic Air Policing mission since 2006."),
    ).toEqual(["spain baltic-air-policing since 2006"]);
    expect(await contributes("Canada participates in Operation Reassurance in Latvia.")).toEqual([
      "canada operation-reassurance",
    ]);
  });

  it("talks on a mission, or a nation that only said something, are no part in it", async () => {
    expect(await contributes("Canada will take part in talks on Operation Reassurance.")).toEqual(
      [],
    );
    expect(
      await contributes("Latvia said Canada's part in Operation Reassurance was welcome."),
    ).toEqual([]);
  });
});

describe("extract: a place written as lying in another", () => {
  const located = async (text: string) =>
    (await draft(text, "2025-05-14")).document.relations
      .filter((r) => r.type === "LOCATED_IN" && !r.inferred)
      .map((r) => `${r.from} ${r.to}`);

  it("'Camp Kosciuszko in Poznan': the camp lies in the town", async () => {
    expect(
      await located("Many of the troops are at Camp Kosciuszko in Poznan, Poland said."),
    ).toContain("camp-kosciuszko poznan");
  });

  it("a capital lies in its nation only: 'talks between Riga and Vilnius in Brussels'", async () => {
    expect(
      await located("Latvia held talks between Riga and Vilnius in Brussels on Monday."),
    ).not.toContain("vilnius brussels");
  });
});

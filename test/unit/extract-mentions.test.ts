import { describe, expect, it } from "vitest";
import { findMentions, numberIn } from "../../src/extract/mentions.js";
import { analyse } from "../../src/extract/nlp.js";

const at = (iso: string, precision: "day" | "month" | "year" = "day") => ({
  date: new Date(`${iso}T12:00:00Z`),
  precision,
});
const mentions = (text: string, ref = at("2024-06-14")) => findMentions(text, analyse(text), ref);
const entities = (text: string) =>
  mentions(text)
    .entities.filter((m) => !m.bare) // one-word candidates are people only if linking finds them
    .map((m) => ({ text: m.text, kind: m.kind, key: m.key ?? null }));

describe("extract: mentions", () => {
  it("reads nations, their demonyms and short forms as one nation", () => {
    const found = entities(
      "British troops joined the U.K. contingent; the United Kingdom and Britain agree.",
    );
    expect(found.filter((m) => m.kind === "Nation").map((m) => [m.text, m.key])).toEqual([
      ["British", "united-kingdom"],
      ["U.K.", "united-kingdom"],
      ["United Kingdom", "united-kingdom"],
      ["Britain", "united-kingdom"],
    ]);
  });

  it("finds people with their titles and the nation or alliance the title belongs to", () => {
    const m = mentions(
      "Finnish Defence Minister Antti Häkkänen met NATO Secretary-General Mark Rutte.",
    );
    const people = m.entities.filter((x) => x.kind === "Person");
    expect(people.map((p) => [p.name, p.role, p.roleOf?.key])).toEqual([
      ["Antti Häkkänen", "Defence Minister", "finland"],
      ["Mark Rutte", "Secretary-General", "nato"],
    ]);
  });

  it("does not take capitalised phrases for people", () => {
    const found = entities("Troops on the Eastern Flank joined the Forward Presence Battle Group.");
    expect(found.filter((m) => m.kind === "Person")).toEqual([]);
  });

  it("names missions, armed forces, governments, invasions and bases in the house style", () => {
    const found = entities(
      "The Polish Armed Forces and the German government discussed Operation UNIFIER after Russia's full-scale invasion of Ukraine, at a military base in Lithuania.",
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { text: "Polish Armed Forces", kind: "Organization", key: "polish-armed-forces" },
        { text: "German government", kind: "Organization", key: "government-of-germany" },
        { text: "Operation UNIFIER", kind: "Mission", key: "operation-unifier" },
        {
          text: "Russia's full-scale invasion of Ukraine",
          kind: "Event",
          key: "russian-invasion-of-ukraine",
        },
        { text: "military base", kind: "Place", key: "military-base-in-lithuania" },
        { text: "Lithuania", kind: "Nation", key: "lithuania" },
      ]),
    );
  });

  it("reads numbers, money and percentages written in words or figures", () => {
    const q = mentions(
      "About 2,200 troops, two per cent of GDP, 3.5% more and $8.1 billion.",
    ).quantities.map((x) => [x.type, x.value]);
    expect(q).toEqual([
      ["NUMBER", 2200],
      ["PERCENT", 2],
      ["PERCENT", 3.5],
      ["MONEY", 8_100_000_000],
    ]);
    expect(numberIn("1.39 per cent")).toBe(1.39);
  });

  it("resolves relative dates against the publication date, no more precisely than it allows", () => {
    const text = "They met on Tuesday and will meet next week; spending rose last year.";
    expect(mentions(text, at("2022-03-10")).dates.map((d) => [d.text, d.date])).toEqual([
      ["on Tuesday", "2022-03-08"],
      ["next week", "2022-03-17"],
      ["last year", "2021"],
    ]);
    expect(mentions(text, at("2022-03-15", "month")).dates.map((d) => d.date)[0]).toBe("2022-03");
  });

  it("without a publication date, keeps only dates that give their year, as precisely as they do", () => {
    const text = "They met on 3 March 2024 and on Tuesday; in June 2023 they had met in Riga.";
    const found = findMentions(text, analyse(text), null);
    expect(found.dates.map((d) => [d.text, d.date])).toEqual([
      ["on 3 March 2024", "2024-03-03"],
      ["June 2023", "2023-06"],
    ]);
    expect(found.unresolved).toEqual(["on Tuesday"]);
  });
});

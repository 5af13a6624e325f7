import { describe, expect, it } from "vitest";
import {
  mapEntities,
  precisionRecall,
  scoreLinking,
  scoreRelations,
  verbatimEvidence,
} from "../../bench/extract-metrics.js";
import type { Document } from "../../src/domain/document.js";
import { parseDocument } from "../../src/domain/validate.js";

const TEXT =
  "Prime Minister Justin Trudeau visited Latvia on Tuesday. British Prime Minister Boris Johnson said the U.K. has already exceeded the target.";

function doc(entities: unknown[], relations: unknown[], source = "src"): Document {
  const parsed = parseDocument({
    source: { key: source, name: "A source", properties: { text: TEXT } },
    entities,
    relations,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.document;
}

const person = (key: string, name: string, aliases: string[] = []) => ({
  key,
  kind: "Person",
  name,
  aliases,
});
const nation = (key: string, name: string, aliases: string[] = []) => ({
  key,
  kind: "Nation",
  name,
  aliases,
});
const rel = (from: string, type: string, to: string, evidence: string, inferred = false) => ({
  from,
  type,
  to,
  evidence,
  inferred,
});

const VISIT = "Prime Minister Justin Trudeau visited Latvia on Tuesday.";
const JOHNSON =
  "British Prime Minister Boris Johnson said the U.K. has already exceeded the target.";

const GOLD = doc(
  [
    person("justin-trudeau", "Justin Trudeau", ["Trudeau"]),
    person("boris-johnson", "Boris Johnson"),
    nation("latvia", "Latvia"),
    nation("united-kingdom", "United Kingdom", ["U.K.", "British"]),
    nation("canada", "Canada"),
  ],
  [
    rel("justin-trudeau", "VISITED", "latvia", VISIT),
    rel("boris-johnson", "LEADS", "united-kingdom", JOHNSON),
    rel("justin-trudeau", "LEADS", "canada", VISIT, true),
  ],
  "gold-source",
);

describe("extraction metrics", () => {
  it("a relation under other keys matches once its endpoints map to the gold entities", () => {
    // The draft proposes its own key for Trudeau and links Latvia; names decide the mapping.
    const draft = doc(
      [person("trudeau-justin", "Justin Trudeau"), nation("latvia", "Latvia")],
      [rel("trudeau-justin", "VISITED", "latvia", VISIT)],
    );
    const mapping = mapEntities(GOLD, draft);
    expect(mapping.get("trudeau-justin")).toBe("justin-trudeau");
    expect(mapping.get("src")).toBe("gold-source");
    const score = scoreRelations(GOLD, draft, mapping);
    expect(score.byType.get("VISITED")).toEqual({ matched: 1, drafted: 1, gold: 1 });
    expect(score.all).toEqual({ matched: 1, drafted: 1, gold: 3 });
    expect(precisionRecall(score.all)).toEqual({ precision: 1, recall: 1 / 3 });
    // The stated relations are two of the three; the draft has one of them.
    expect(score.stated).toEqual({ matched: 1, gold: 2 });
  });

  it("a relation with a wrong endpoint does not match: it costs precision and recall", () => {
    // Johnson is said to lead Latvia, not the U.K.; the same fact twice counts once.
    const draft = doc(
      [person("boris-johnson", "Boris Johnson"), nation("latvia", "Latvia")],
      [
        rel("boris-johnson", "LEADS", "latvia", JOHNSON),
        rel("boris-johnson", "LEADS", "latvia", VISIT),
      ],
    );
    const score = scoreRelations(GOLD, draft);
    expect(score.byType.get("LEADS")).toEqual({ matched: 0, drafted: 1, gold: 2 });
    expect(precisionRecall(score.all)).toEqual({ precision: 0, recall: 0 });
    expect(score.extra).toEqual(["LEADS|boris-johnson|latvia"]);
    expect(score.missed).toContain("LEADS|boris-johnson|united-kingdom");
  });

  it("an endpoint the gold does not know never matches, even under the right type", () => {
    const draft = doc(
      [person("boris-johnson", "Boris Johnson"), nation("britain", "Britain")],
      [rel("boris-johnson", "LEADS", "britain", JOHNSON)],
    );
    const score = scoreRelations(GOLD, draft);
    expect(score.all.matched).toBe(0);
    expect(score.extra).toEqual(["LEADS|boris-johnson|?britain"]);
  });

  it("evidence that is not a verbatim excerpt of the repaired text is counted", () => {
    const draft = doc(
      [person("boris-johnson", "Boris Johnson"), nation("united-kingdom", "United Kingdom")],
      [
        rel("boris-johnson", "LEADS", "united-kingdom", JOHNSON),
        // Straight quotes and a changed word: not what the text says.
        rel("boris-johnson", "LEADS", "united-kingdom", "Boris Johnson leads the UK."),
      ],
    );
    expect(verbatimEvidence(draft, TEXT)).toEqual({ verbatim: 1, all: 2 });
    // The damaged closing quote is repaired before comparing, as ingest does.
    const damaged = "He said \u201cyes\u2020and left.";
    const quoting = doc(
      [],
      [rel("src", "MENTIONS", "boris-johnson", "He said \u201cyes\u201d and left.")],
    );
    expect(verbatimEvidence(quoting, damaged)).toEqual({ verbatim: 1, all: 1 });
  });

  it("linking: a known entity must keep its key, a new one must get a new key", () => {
    const known = new Set(["latvia", "united-kingdom", "canada"]);
    const draft = doc(
      [
        person("justin-trudeau", "Justin Trudeau"),
        // A known nation under a new key: found, but not linked.
        nation("latvia-2", "Latvia"),
        // "British" linked to the right nation.
        nation("united-kingdom", "United Kingdom"),
        // A new person under the draft's own new key: right, whatever the key's spelling.
        person("boris", "Boris Johnson"),
      ],
      [],
    );
    const score = scoreLinking(GOLD, draft, TEXT, known);
    // Mentioned in the text: Trudeau, Johnson, Latvia, the U.K. (Canada is not).
    expect(score.mentioned).toBe(4);
    expect(score.correct).toBe(3);
    expect(score.wrong).toEqual([
      { key: "latvia", kind: "Nation", found: true, why: "drafted as latvia-2, not linked" },
    ]);
  });
});

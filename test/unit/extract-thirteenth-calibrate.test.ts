/**
 * The thirteenth pass (issue 25, ext-calibrate): a drafted relation's confidence is the chance a
 * reviewer accepts it (src/extract/calibration.ts), and a caller can leave the unsure ones out of
 * the draft as suggestions. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { ratedRelations } from "../../bench/extract-metrics.js";
import type { Document } from "../../src/domain/document.js";
import { calibrated, type Features } from "../../src/extract/calibration.js";
import { extractDraft } from "../../src/extract/index.js";

const TEXT =
  "Canadian Prime Minister Justin Trudeau visited Latvia on Monday. Canada leads the NATO battle group in Latvia, where about 700 Canadian troops are deployed.";
const source = { publishedAt: "2024-06-14" };
const facts = (d: Awaited<ReturnType<typeof extractDraft>>) =>
  d.document.relations
    .filter((r) => r.type !== "MENTIONS")
    .map((r) => `${r.from} ${r.type} ${r.to}`);

describe("extract: confidence is calibrated", () => {
  it("every relation's confidence lies in [0, 1], and the same text gets the same ones", async () => {
    const a = await extractDraft({ text: TEXT, source });
    const b = await extractDraft({ text: TEXT, source });
    expect(a.relations.length).toBeGreaterThan(5);
    for (const r of a.relations) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(b.relations.map((r) => r.confidence)).toEqual(a.relations.map((r) => r.confidence));
    expect(b.document).toEqual(a.document);
  });

  it("rates a relation whose sentence names both ends above one it reaches by a pronoun, and one found twice above one found once", () => {
    const f: Features = {
      type: "PARTICIPATED_IN",
      reader: "visits",
      inferred: false,
      named: 2,
      fresh: false,
      distance: "near",
      support: 1,
      hand: 0.8,
    };
    expect(calibrated(f)).toBeGreaterThan(calibrated({ ...f, named: 1, distance: "none" }));
    expect(calibrated(f)).toBeGreaterThan(calibrated({ ...f, inferred: true }));
    // two readers (or two sentences) that find the same relation are seldom both wrong
    expect(calibrated({ ...f, support: 2 })).toBeGreaterThan(calibrated(f));
    // a reader the table does not know is rated by the rest of its features
    expect(calibrated({ ...f, reader: "a-reader-written-later" })).toBeGreaterThan(0.5);
  });

  it("by default the draft keeps every relation the rules chose: no suggestion is listed", async () => {
    const d = await extractDraft({ text: TEXT, source });
    expect(facts(d)).toEqual(
      expect.arrayContaining([
        "nato-battle-group-in-latvia DEPLOYED_TO latvia",
        "latvia HOSTS trudeau-visit-to-latvia",
      ]),
    );
    expect(d.problems.filter((p) => p.startsWith("suggestion"))).toEqual([]);
  });
});

describe("extract: minConfidence leaves the unsure relations out as suggestions", () => {
  it("keeps a confident relation and lists a weak one as a suggestion; its entity keeps its MENTIONS", async () => {
    const d = await extractDraft({ text: TEXT, source }, { minConfidence: 0.85 });
    // stated, both ends named in its sentence, by the battle-group reader: kept
    expect(facts(d)).toContain("nato-battle-group-in-latvia DEPLOYED_TO latvia");
    // the visit's host, inferred from "visited Latvia": left out, and told as a suggestion
    expect(facts(d)).not.toContain("latvia HOSTS trudeau-visit-to-latvia");
    expect(d.problems).toContainEqual(
      expect.stringMatching(
        /^suggestion \(confidence 0\.\d\d, below 0\.85\): latvia HOSTS trudeau-visit-to-latvia, from "Canadian Prime Minister Justin Trudeau visited Latvia on Monday\."$/,
      ),
    );
    for (const r of d.relations)
      if (r.type !== "MENTIONS") expect(r.confidence).toBeGreaterThanOrEqual(0.85);
    // Latvia, named in the text, is still named by the source; the visit, which the text names
    // by no mention of its own and whose every relation was left out, is not an entity of the draft
    const mentioned = d.document.relations.filter((r) => r.type === "MENTIONS").map((r) => r.to);
    expect(mentioned).toContain("latvia");
    expect(d.document.entities.map((e) => e.key)).not.toContain("trudeau-visit-to-latvia");
    // the draft is still a valid document: every relation's ends are among its entities
    const keys = new Set([d.document.source.key, ...d.document.entities.map((e) => e.key)]);
    for (const r of d.document.relations) {
      expect(keys).toContain(r.from);
      expect(keys).toContain(r.to);
    }
  });

  it("a threshold above every rating leaves only the MENTIONS", async () => {
    const d = await extractDraft({ text: TEXT, source }, { minConfidence: 0.99 });
    expect(facts(d)).toEqual([]);
    expect(d.entities.map((e) => e.key)).toEqual(
      expect.arrayContaining(["justin-trudeau", "canada", "latvia"]),
    );
  });
});

describe("eval: how well confidence predicts being right", () => {
  it("rates each drafted relation but MENTIONS right when its mapped triple is in the gold", () => {
    const gold = {
      source: { key: "s", name: "S", properties: {} },
      entities: [],
      relations: [
        { from: "canada", type: "LEADS", to: "bg", properties: {}, inferred: false, evidence: "x" },
      ],
    } as unknown as Document;
    const rated = ratedRelations(
      gold,
      [
        { type: "LEADS", from: "canada", to: "nato-bg", confidence: 0.9 },
        { type: "HOSTS", from: "latvia", to: "nato-bg", confidence: 0.6 },
        { type: "MENTIONS", from: "src", to: "canada", confidence: 0.95 },
      ],
      new Map([
        ["canada", "canada"],
        ["nato-bg", "bg"],
        ["latvia", "latvia"],
      ]),
    );
    expect(rated).toEqual([
      { confidence: 0.9, right: true },
      { confidence: 0.6, right: false },
    ]);
  });
});

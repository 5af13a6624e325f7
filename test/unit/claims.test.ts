import { describe, expect, it } from "vitest";
import { settledProperties } from "../../src/data/claims.js";
import {
  type Claim,
  decodeClaims,
  encodeClaims,
  mergeClaim,
  numericValues,
  resolveClaims,
  resolveRelationClaims,
  restateClaim,
  sourceCount,
} from "../../src/domain/claims.js";

const claim = (o: Partial<Claim> & Pick<Claim, "sourceKey">): Claim => ({
  excerpt: `${o.sourceKey} says so.`,
  inferred: false,
  at: null,
  values: {},
  rank: "NORMAL",
  ...o,
});

const ctv = claim({ sourceKey: "ctv", at: "2022-03-08", values: { troops: 540 } });
const later = claim({ sourceKey: "ca", at: "2025-01", values: { troops: 1900 } });
const rival = claim({ sourceKey: "cbc", at: "2025-01", values: { troops: 2200 } });

describe("resolving a relation's values from its claims", () => {
  it("takes the latest claim now, and the latest at or before asOf", () => {
    expect(resolveClaims([ctv, later]).values).toEqual({ troops: 1900 });
    expect(resolveClaims([later, ctv], "2022-03").values).toEqual({ troops: 540 });
    expect(resolveClaims([ctv, later], "2024-12-31").values).toEqual({ troops: 540 });
    expect(resolveClaims([ctv, later], "2021").values).toEqual({});
  });

  it("marks disagreeing claims at the same time as disputed, then and after", () => {
    const r = resolveClaims([ctv, later, rival]);
    expect(r.disputedProperties).toEqual(["troops"]);
    expect(r.values.troops).toBe(1900);
    expect(resolveClaims([ctv, later, rival], "2023").disputedProperties).toEqual([]);
    const old = claim({ sourceKey: "oc", at: "2022-03-08", values: { troops: 450 } });
    const now = resolveClaims([ctv, old, later]);
    expect(now.values.troops).toBe(1900);
    expect(now.disputedProperties).toEqual(["troops"]);
  });

  it("resolves a relation's figures together, and its since / until / date one by one", () => {
    const seed = claim({
      sourceKey: "ctv",
      at: "2022-03",
      values: { troops: 540, additionalTroops: 130, asOf: "2022-03", since: "2017" },
    });
    const update = claim({
      sourceKey: "gw",
      at: "2023-07",
      values: { troops: 800, asOf: "2023-07" },
    });
    expect(resolveRelationClaims([seed, update]).values).toEqual({
      troops: 800,
      asOf: "2023-07",
      since: "2017",
    });
    expect(resolveRelationClaims([seed, update], "2022-12").values).toEqual(seed.values);
    // A claim stating only `until` leaves the figures where they were.
    const ended = claim({ sourceKey: "x", at: "2025", values: { until: "2025-03" } });
    expect(resolveRelationClaims([seed, update, ended]).values).toEqual({
      troops: 800,
      asOf: "2023-07",
      since: "2017",
      until: "2025-03",
    });
    // An entity's fields (resolveClaims alone) still resolve one by one.
    expect(resolveClaims([seed, update]).values.additionalTroops).toBe(130);
  });

  it("drops deprecated claims and counts corroborating sources", () => {
    const retracted = { ...rival, rank: "DEPRECATED" as const };
    expect(resolveClaims([ctv, later, retracted]).disputedProperties).toEqual([]);
    expect(sourceCount([ctv, later, retracted])).toBe(2);
  });

  it("keeps one claim per source and sentence, whatever the order", () => {
    const again = { ...later, values: { troops: 1900, additionalTroops: 100 } };
    const a = mergeClaim(mergeClaim(mergeClaim([], ctv), later), again);
    const b = mergeClaim(mergeClaim(mergeClaim([], again), ctv), later);
    expect(a).toHaveLength(2);
    expect(encodeClaims(a)).toEqual(encodeClaims(mergeClaim(b, again)));
  });

  it("round-trips through the stored lists, and reads relations written before claims", () => {
    const stored = encodeClaims([later, ctv]);
    expect(decodeClaims({ ...stored }, {})).toEqual([ctv, later]);
    const legacy = decodeClaims(
      { evidenceSources: ["ctv"], evidenceExcerpts: ["x"], inferred: true },
      { troops: 540 },
    );
    expect(legacy).toEqual([
      {
        sourceKey: "ctv",
        excerpt: "x",
        inferred: true,
        at: null,
        values: { troops: 540 },
        rank: "NORMAL",
      },
    ]);
  });

  it("restates a document's claim as ingest records it (what ingest --check predicts)", () => {
    // A new sentence is a new claim.
    const added = restateClaim([ctv], later);
    expect(added.map((c) => c.sourceKey)).toEqual(["ctv", "ca"]);
    // The same sentence again, without values: values, time and inferred flag are kept.
    const bare = claim({ sourceKey: "ctv", excerpt: ctv.excerpt, inferred: true });
    expect(restateClaim([ctv], bare)).toEqual([ctv]);
    // The same sentence with new values and time: they replace the old ones, the flag stays.
    const corrected = restateClaim(
      [ctv],
      claim({ sourceKey: "ctv", at: "2022-03-09", values: { troops: 560 }, inferred: true }),
    );
    expect(corrected).toEqual([{ ...ctv, at: "2022-03-09", values: { troops: 560 } }]);
  });
});

describe("what a settle sets (edges28)", () => {
  // Before: every claim list was sent back whole (and written) for each relation whose values
  // changed; a 21,500-claim retraction sent back 16,000 relations' lists, sentences and all.
  it("sets only what differs: a retraction's settle sets the values and disputed, never the lists", () => {
    const lists = encodeClaims([
      { ...ctv, rank: "DEPRECATED" },
      { ...later, rank: "NORMAL" },
    ]);
    const props = { ...lists, troops: 540, disputed: false, inferred: false };
    expect(settledProperties(props)).toEqual({ troops: 1900 });
    expect(settledProperties({ ...props, troops: 1900 })).toBeNull();
  });

  it("reads a whole number stored beyond 2^53 as a number, in a claim or on the relation", () => {
    const big = "1152921504606846976";
    const props = {
      evidenceSources: ["old"],
      evidenceExcerpts: ["Countless serve."],
      evidenceInferred: [false],
      evidenceAt: [""],
      evidenceValues: [`{"troops":"${big}"}`],
      evidenceRanks: ["NORMAL"],
    };
    expect(decodeClaims(props, {})[0]?.values).toEqual({ troops: 2 ** 60 });
    expect(numericValues({ troops: big, role: "123" })).toEqual({ troops: 2 ** 60, role: "123" });
  });
});

import { describe, expect, it } from "vitest";
import { neighbourhoodLevelStatement } from "../../src/cypher/neighbourhood.js";
import {
  independentSourceCount,
  repeatsOf,
  type SentenceRow,
  sentenceKey,
} from "../../src/domain/syndication.js";
import { sourcesLabel } from "../../src/explorer/page/panel.js";

const WIRE = "NATO allies agreed on Tuesday to send 130 more troops to Latvia.";
const row = (source: string, publishedAt: string | null, sentence = WIRE): SentenceRow => ({
  source,
  publishedAt,
  sentence,
});

describe("the same sentence", () => {
  it("is the same after NFKC, case folding, spaces, typographic quotes and dashes, and a trailing full stop", () => {
    const plain = `Canada's "Operation Reassurance" - renewed until 2026.`;
    for (const copy of [
      "CANADA\u2019S \u201cOPERATION REASSURANCE\u201d \u2014 RENEWED UNTIL 2026",
      "Canada\u2019s  \u00abOperation\u00a0Reassurance\u00bb \u2013 renewed\nuntil 2026 .",
      '\uff23anada\'s "Operation Reassurance" \u2010 renewed until \uff12\uff10\uff12\uff16.',
      '  canada\'s "operation reassurance" - renewed until 2026.  ',
    ])
      expect(sentenceKey(copy)).toBe(sentenceKey(plain));
    expect(sentenceKey("Die Stra\u00dfe.")).toBe(sentenceKey("DIE STRASSE"));
  });

  it("differs by a word, by other punctuation, or by more than one full stop", () => {
    const key = sentenceKey(WIRE);
    expect(sentenceKey(WIRE.replace("130", "140"))).not.toBe(key);
    expect(sentenceKey(WIRE.replace("on Tuesday ", ""))).not.toBe(key);
    expect(sentenceKey(WIRE.replace(".", "!"))).not.toBe(key);
    expect(sentenceKey(`${WIRE}.`)).not.toBe(key);
    expect(sentenceKey(WIRE.replace("allies", "allies,"))).not.toBe(key);
  });
});

describe("which source a claim repeats", () => {
  it("names the earliest-published source with the same sentence; the original repeats nobody", () => {
    const rows = [
      row("reuters", "2024-05-02"),
      row("globe", "2024-05-03", WIRE.toUpperCase()),
      row("star", "2024-05-04"),
      row("cbc", "2024-05-01", "Ottawa will send 130 more soldiers to Latvia, the minister said."),
    ];
    expect(repeatsOf(rows)).toEqual([null, "reuters", "reuters", null]);
    expect(independentSourceCount(rows)).toBe(2);
  });

  it("orders by date, then by source key on the same date; a source without a date first", () => {
    expect(repeatsOf([row("b", "2024-05-02"), row("a", "2024-05-02")])).toEqual(["a", null]);
    expect(repeatsOf([row("a", "2024-05-02"), row("z", null)])).toEqual(["z", null]);
    // Partial dates order as text: the month before a day in it.
    expect(repeatsOf([row("a", "2024-05-02"), row("z", "2024-05")])).toEqual(["z", null]);
  });

  it("is never the claim's own source: a source repeating itself is one source", () => {
    const rows = [row("reuters", "2024-05-02"), row("reuters", "2024-05-02", `${WIRE}  `)];
    expect(repeatsOf(rows)).toEqual([null, null]);
    expect(independentSourceCount(rows)).toBe(1);
  });

  it("counts a source independent when one of its claims repeats nobody", () => {
    const other = "Germany raised its spending above the target.";
    const rows = [
      row("reuters", "2024-05-01"),
      row("globe", "2024-05-02"),
      row("globe", "2024-05-02", other),
      row("star", "2024-05-03", other),
    ];
    expect(repeatsOf(rows)).toEqual([null, "reuters", null, "globe"]);
    expect(independentSourceCount(rows)).toBe(2);
    expect(independentSourceCount([])).toBe(0);
  });
});

describe("the neighbourhood's count of independent sources", () => {
  it("is computed in the level's statement, from parameters, without returning the sentences", () => {
    const { cypher, params } = neighbourhoodLevelStatement({
      types: ["LEADS"],
      frontier: ["canada"],
      rows: 10,
      known: [],
      full: false,
      sentences: false,
      independent: true,
    });
    expect(cypher).toContain("evidenceExcerpts: null");
    expect(cypher).toContain("independent: independent");
    expect(cypher).toContain("RETURN count(DISTINCT row.source) AS independent");
    expect(cypher).toContain('normalize(coalesce(r.evidenceExcerpts[i], ""), NFKC)');
    expect(params.sentenceUnify).toContainEqual(["\u2019", "'"]);
    expect(cypher).not.toContain("\u2019");
    // Not asked for (the selection reads no independentSourceCount): no subquery, no sentences.
    const plain = neighbourhoodLevelStatement({
      types: ["LEADS"],
      frontier: ["canada"],
      rows: 10,
      known: [],
      full: false,
      sentences: false,
    });
    expect(plain.cypher).not.toContain("CALL (r)");
    expect(plain.params.sentenceUnify).toBeUndefined();
  });
});

describe("the explorer's count of sources", () => {
  it("says how many are independent where that differs", () => {
    expect(sourcesLabel(5, 1)).toBe("5 sources (1 independent)");
    expect(sourcesLabel(4, 2)).toBe("4 sources (2 independent)");
    expect(sourcesLabel(3, 3)).toBe("3 sources");
    expect(sourcesLabel(1, 1)).toBe("1 source");
  });
});

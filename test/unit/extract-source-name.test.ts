/**
 * The name a draft gives its source when no title is given is taken from the article's first
 * sentence. It was that sentence's first 120 code units as they stood, so an article whose first
 * sentence held a control character, or was cut inside an emoji, or began with invisible joiners,
 * was drafted with a source name ingest refuses: the draft came back with a "draft: source.name"
 * problem for a name the reviewer never wrote (redteam26, through extractDocument).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/domain/validate.js";
import { extractDraft } from "../../src/extract/index.js";

const REST = " Canada leads Operation Reassurance in Latvia, NATO said on Monday.";

const FIRST_SENTENCES: Record<string, string> = {
  "a tab and a NUL": "Canada\tleads\u0000 NATO's battle group in Latvia.",
  "C1 controls (NEL, U+0080)": "Canada\u0085leads\u0080 Operation\u009fReassurance in Latvia.",
  "an emoji across the 120th code unit": `a${"😀".repeat(100)} Canada leads NATO.`,
  "130 zero-width joiners first": `${"\u200d".repeat(130)} Canada leads NATO.`,
};

describe("a draft's source name taken from its first sentence", () => {
  for (const [what, first] of Object.entries(FIRST_SENTENCES)) {
    it(`is one ingest takes when that sentence holds ${what}`, async () => {
      const draft = await extractDraft({ text: first + REST, source: {} });
      expect(draft.problems.filter((p) => p.startsWith("draft:"))).toEqual([]);
      const name = draft.document.source.name;
      expect(name.isWellFormed()).toBe(true);
      expect(name).not.toMatch(/\p{Cc}/u);
      expect(name).toMatch(/\p{L}/u);
      expect(name.length).toBeLessThanOrEqual(120);
      expect(parseDocument(draft.document)).toMatchObject({ ok: true });
    }, 60_000);
  }

  it("is the first sentence as it was when it is plain", async () => {
    const draft = await extractDraft({
      text: `Canada leads NATO's battle group in Latvia.${REST}`,
      source: {},
    });
    expect(draft.document.source.name).toBe("Canada leads NATO's battle group in Latvia.");
  }, 60_000);
});

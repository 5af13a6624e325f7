/**
 * A draft's problems are bounded like every other problem list (MAX_PROBLEMS): a text built of
 * thousands of quotations with no speaker was answered one problem a quotation (3,801 lines,
 * 290 kB, for a 99,000-character text), the same line again and again (redteam16).
 */
import { describe, expect, it } from "vitest";
import { MAX_PROBLEMS } from "../../src/domain/errors.js";
import { extractDraft, listedProblems } from "../../src/extract/index.js";

describe("a draft's problems", () => {
  it("list each message once, the first 100, then how many more", async () => {
    const same = Array.from({ length: 400 }, () => "“Step up,” said the man.").join(" ");
    const distinct = Array.from(
      { length: 300 },
      (_, i) => `“We need ${i + 1} more ships,” said the man.`,
    ).join(" ");
    for (const text of [same, distinct]) {
      const draft = await extractDraft({ text, source: { publishedAt: "2024-01-02" } });
      expect(draft.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
      expect(new Set(draft.problems).size).toBe(draft.problems.length);
    }
    const draft = await extractDraft({ text: distinct, source: { publishedAt: "2024-01-02" } });
    expect(draft.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(draft.problems.at(-1)).toMatch(/^\d+ more problems: only the first 100 are listed\.$/);
  });

  it("are cut only past the limit", () => {
    const some = Array.from({ length: MAX_PROBLEMS }, (_, i) => `p${i}`);
    expect(listedProblems(some)).toEqual(some);
    expect(listedProblems(["a", "a", "b"])).toEqual(["a", "b"]);
    expect(listedProblems([...some, "x", "y"]).at(-1)).toBe(
      "2 more problems: only the first 100 are listed.",
    );
  });
});

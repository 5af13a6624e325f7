/**
 * Texts that are not prose and used to take the whole extraction budget (8 s, then TIMEOUT):
 * each made some pattern or loop quadratic in its length. Extracting them is linear now; the
 * test's own timeout (under the budget; about a second of work each on a quiet machine, three on
 * a loaded one, while the quadratic versions took minutes) stands for "no longer stuck", and
 * what they yield is checked, not how fast.
 */
import { describe, expect, it } from "vitest";
import { extractDraft } from "../../src/extract/index.js";

const HOSTILE: Record<string, string> = {
  // wink's token patterns on one 60 kB word; and "Conference" tried from each of its letters
  "AbAb... (60 kB, no space)": "Ab".repeat(30_000),
  // wink's e-mail pattern on one run with no space (the shipped limits tests send this)
  "99,000 hyphens": "-".repeat(99_000),
  // thousands of mentions, each checked against every one claimed before
  "Trudeau's repeated": "Trudeau's ".repeat(9_000),
  // a run of capitalised words tried from each of them by the named-event pattern
  "NATO repeated": "NATO ".repeat(18_000),
  // Near the 100,000-character limit, names joined by the marks a name may contain: a name
  // pattern whose start was checked only against letters ("Orban's Government", "X Brigade 2")
  // was tried from each capital after an apostrophe, a full stop or a hyphen (the first took
  // 110 s, the others 8-11 s), and a paragraph's sentences were gathered by copying the list
  // once per sentence.
  "Ab’Ab’... (90 kB)": "Ab’".repeat(30_000),
  "A.A.A.... (90 kB)": "A.".repeat(45_000),
  "Ab-Ab-... (90 kB)": "Ab-".repeat(30_000),
  "Ab.Ab.... (90 kB, 30,000 sentences)": "Ab.".repeat(30_000),
};

describe("extraction stays linear on texts that are not prose", () => {
  it("warms up (the model and the gazetteer load once)", async () => {
    await extractDraft({
      text: "Prime Minister Justin Trudeau visited Adazi, Latvia, and met NATO's Jens Stoltenberg.",
      source: { publishedAt: "2024-06-01" },
    });
  }, 60_000);
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`extracts ${name}`, async () => {
      const draft = await extractDraft({ text, source: { publishedAt: "2024-06-01" } });
      expect(draft.document.source.properties?.text).toBe(text.trim());
      if (name.startsWith("NATO"))
        expect(draft.document.entities.map((e) => e.key)).toContain("nato");
    }, 6_000);
  }
});

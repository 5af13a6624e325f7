/**
 * Texts that are not prose and used to take the whole extraction budget (8 s, then TIMEOUT):
 * each made some pattern or loop quadratic in its length. Extracting them is linear now, and
 * what they yield is checked. "Linear" is checked by growth, not by a time limit: the CPU time
 * this process spends on a text four times as long is compared with that on the shorter one (a
 * linear extraction takes about 4 times as long, a quadratic one about 16 times). CPU time, the
 * best of three interleaved rounds (two let one spike through: a CI run beside six other jobs
 * read 303 ms against 30 for "Ab-Ab-", where it is 93 against 24), and a ratio: other processes'
 * load on the machine slows the clock, not the work, and changes both sides alike.
 */
import { describe, expect, it } from "vitest";
import { extractDraft } from "../../src/extract/index.js";

/** Each text is a unit repeated: `count` times is the size that was once stuck. */
const HOSTILE: Record<string, { unit: string; count: number }> = {
  // wink's token patterns on one 60 kB word; and "Conference" tried from each of its letters
  "AbAb... (no space)": { unit: "Ab", count: 30_000 },
  // wink's e-mail pattern on one run with no space (the shipped limits tests send this)
  hyphens: { unit: "-", count: 99_000 },
  // thousands of mentions, each checked against every one claimed before
  "Trudeau's repeated": { unit: "Trudeau's ", count: 9_000 },
  // a run of capitalised words tried from each of them by the named-event pattern
  "NATO repeated": { unit: "NATO ", count: 18_000 },
  // Near the 100,000-character limit, names joined by the marks a name may contain: a name
  // pattern whose start was checked only against letters ("Orban's Government", "X Brigade 2")
  // was tried from each capital after an apostrophe, a full stop or a hyphen (the first took
  // 110 s at 90 kB, the others 8-11 s), and a paragraph's sentences were gathered by copying the
  // list once per sentence.
  "Ab’Ab’...": { unit: "Ab’", count: 30_000 },
  "A.A.A....": { unit: "A.", count: 45_000 },
  "Ab-Ab-...": { unit: "Ab-", count: 30_000 },
  "Ab.Ab.... (sentences)": { unit: "Ab.", count: 30_000 },
};

/** How much longer the text four times as long may take: linear is about 4, quadratic 16. */
const GROWTH_LIMIT = 8;

/** The draft of `text`, and the CPU time (ms, user and system) this process spent on it. */
async function extractTimed(text: string) {
  const before = process.cpuUsage();
  const draft = await extractDraft({ text, source: { publishedAt: "2024-06-01" } });
  const used = process.cpuUsage(before);
  return { draft, ms: (used.user + used.system) / 1000 };
}

describe("extraction stays linear on texts that are not prose", () => {
  it("warms up (the model and the gazetteer load once)", async () => {
    await extractDraft({
      text: "Prime Minister Justin Trudeau visited Adazi, Latvia, and met NATO's Jens Stoltenberg.",
      source: { publishedAt: "2024-06-01" },
    });
  }, 60_000);
  for (const [name, { unit, count }] of Object.entries(HOSTILE)) {
    // The timeout only keeps a stuck run from hanging the suite; the growth is what is checked.
    it(`extracts ${name}, in time that grows with its length, not its square`, async () => {
      const short = unit.repeat(count / 8);
      const long = unit.repeat(count / 2);
      let shortMs = Number.POSITIVE_INFINITY;
      let longMs = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 3; round++) {
        shortMs = Math.min(shortMs, (await extractTimed(short)).ms);
        const { draft, ms } = await extractTimed(long);
        longMs = Math.min(longMs, ms);
        expect(draft.document.source.properties?.text).toBe(long.trim());
        if (name.startsWith("NATO"))
          expect(draft.document.entities.map((e) => e.key)).toContain("nato");
      }
      const growth = longMs / Math.max(shortMs, 1);
      expect(growth, `${longMs} ms against ${shortMs} ms`).toBeLessThan(GROWTH_LIMIT);
    }, 300_000);
  }
});

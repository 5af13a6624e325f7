/**
 * An exercise named in quotation marks (coordinator, twenty-first pass): 'the "Defender 21" military
 * exercise', 'the exercise "Cold Response"' are exercises a reader records, taken part in by who the
 * article says; a quoted phrase that is not an exercise's name stays a quotation or nothing.
 * Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

const on = "2021-05-02";

describe("extract: an exercise named in quotation marks", () => {
  it("before its noun, with curly quotes and a modifier: who takes part in 'the exercise' later", async () => {
    const found = await facts(
      "Albania hosted the “Defender 21” military exercise in May. US troops took part in the exercise.",
      on,
    );
    expect(found).toContain("united-states PARTICIPATED_IN defender-21");
  });

  it("right after its noun", async () => {
    const found = await facts(
      "Norway hosts the exercise “Cold Response” every two years. British marines took part in the exercise.",
      on,
    );
    expect(found).toContain("united-kingdom PARTICIPATED_IN cold-response");
  });

  it("not a quoted phrase of lower-case words, nor a capitalised one that names no exercise", async () => {
    for (const text of [
      'The minister called the drills "a turning point" for the region. Poland took part in the drills.',
      'He said the exercise was "Very Good" news. Poland took part in the exercise.',
      "“We are ready,” the general said after the exercise. Poland took part in the exercise.",
    ]) {
      const found = await facts(text, on);
      expect(
        found.filter((f) => /turning-point|very-good|we-are-ready/.test(f) && !f.includes("SAID")),
        text,
      ).toEqual([]);
    }
  });
});

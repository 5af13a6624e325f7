import { describe, expect, it } from "vitest";
import { analyse } from "../../src/extract/nlp.js";
import { MAX_SENTENCE, sentencesOf } from "../../src/extract/sentences.js";
import { facts } from "../helpers/extract.js";

const sentences = (text: string) => sentencesOf(text, analyse(text).sentences).map((s) => s.text);

describe("extract: sentences", () => {
  it("keeps a quotation of several sentences with its attribution", () => {
    const text =
      "“We are ready. Our troops are trained,” the commander said. Poland agreed.\n\nLatvia thanked them.";
    expect(sentences(text)).toEqual([
      "“We are ready. Our troops are trained,” the commander said.",
      "Poland agreed.",
      "Latvia thanked them.",
    ]);
  });

  it("does not cut at abbreviations such as U.K. and U.S. before a lower-case word", () => {
    expect(sentences("The U.K. has met the target and the U.S. has too. Germany has not.")).toEqual(
      ["The U.K. has met the target and the U.S. has too.", "Germany has not."],
    );
  });

  it("does not end a sentence at a rank's abbreviation", () => {
    expect(
      sentences("“We are ready,” company commander Maj. John Miller said. They left."),
    ).toEqual(["“We are ready,” company commander Maj. John Miller said.", "They left."]);
  });

  it("never runs across a paragraph, even inside an unclosed quotation", () => {
    const text =
      "“This is the first paragraph of a long quote.\n\n“And this continues it,” she said.";
    const out = sentencesOf(text, analyse(text).sentences);
    expect(out.map((s) => s.text)).toEqual([
      "“This is the first paragraph of a long quote.",
      "“And this continues it,” she said.",
    ]);
    expect(out.map((s) => s.paragraph)).toEqual([0, 1]);
    for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("cuts a run with no full stop longer than MAX_SENTENCE into pieces that keep every word", () => {
    const clause = "Poland sends troops to Latvia, and Canada leads the battle group there";
    const text = Array.from({ length: 60 }, () => clause).join(" and ");
    const out = sentencesOf(text, analyse(text).sentences);
    expect(out.length).toBeGreaterThan(1);
    for (const s of out) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(
      out
        .map((s) => s.text)
        .join(" ")
        .replace(/\s+/g, " "),
    ).toBe(text);
  });

  it("leaves a list item's marker out of its sentence, at the start of a line only", () => {
    const text =
      "Key points:\n\n* Poland sends troops.\n• Latvia hosts them.\n- Canada leads.\n1. Spain joins.\n(2) Italy pays.\nA 2-1 vote - a close one - passed.";
    const out = sentencesOf(text, analyse(text).sentences);
    expect(out.map((s) => s.text)).toEqual([
      "Key points:",
      "Poland sends troops.",
      "Latvia hosts them.",
      "Canada leads.",
      "Spain joins.",
      "Italy pays.",
      "A 2-1 vote - a close one - passed.",
    ]);
    for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("a fact stated in a bulleted list is drafted as it is in running text", async () => {
    for (const marker of ["* ", "• ", "- ", "1. ", "— "]) {
      const out = await facts(
        `Key points:\n\n${marker}Germany will send 4,800 troops to Lithuania by 2027.\n`,
      );
      expect(out.some((f) => /^germany PLEDGED /.test(f))).toBe(true);
    }
  });
});

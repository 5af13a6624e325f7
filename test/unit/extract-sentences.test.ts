import { describe, expect, it } from "vitest";
import { analyse } from "../../src/extract/nlp.js";
import { sentencesOf } from "../../src/extract/sentences.js";

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
});

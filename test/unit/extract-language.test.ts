/**
 * Texts the extractor cannot read as English prose say so in the draft's problems (drafts18). A
 * German or Arabic article gave a draft of a few names or none, with no problem: the reviewer
 * was left with an empty review and no reason. A text all in capitals gave words as names ("Of",
 * "Will Replace", "Nd Battalion") and relations between them, with no problem either. The texts
 * here are written for this test.
 */
import { describe, expect, it } from "vitest";
import { characterCount } from "../../src/domain/document.js";
import { articleTextProblem, languageProblems } from "../../src/extract/article-text.js";
import { extractDraft } from "../../src/extract/index.js";

const ENGLISH = [
  "Canada will send another 120 soldiers to Latvia this spring, the defence minister said on Monday.",
  "The troops will join the NATO battle group near Riga, where about 800 Canadians already serve.",
  "Latvia's prime minister thanked Ottawa for the decision and said the alliance was stronger for it.",
].join(" ");

const GERMAN = [
  "Die Regierung in Berlin schickt im Frühjahr weitere Soldaten nach Litauen, teilte das Ministerium am Montag mit.",
  "Die neue Brigade soll bis Ende des Jahres einsatzbereit sein und ihren Standort bei Vilnius haben.",
  "Der litauische Minister dankte der Bundesregierung für die schnelle Entscheidung.",
].join(" ");

const RUSSIAN =
  "Правительство Эстонии объявило о новом увеличении расходов на оборону в следующем году.";

const CAPITALS = ENGLISH.toUpperCase();

describe("a text that is not English prose", () => {
  it("an article in another script is said to be not English", async () => {
    expect(languageProblems(RUSSIAN)).toEqual([
      "the text is not in English (most of its letters are not Latin letters): the extractor reads English only, so this draft has little or nothing of the article; give an English text (a translation)",
    ]);
    const draft = await extractDraft({ text: RUSSIAN, source: { publishedAt: "2024-01-02" } });
    expect(draft.problems).toContain(languageProblems(RUSSIAN)[0]);
  });

  it("an article in another language in Latin letters is said not to read as English", async () => {
    const [problem] = languageProblems(GERMAN);
    expect(problem).toMatch(/^the text does not read as English/);
    const draft = await extractDraft({ text: GERMAN, source: { publishedAt: "2024-01-02" } });
    expect(draft.problems).toContain(problem);
  });

  it("an article all in capitals is said to be in capitals", async () => {
    const problems = languageProblems(CAPITALS);
    expect(problems).toEqual([expect.stringMatching(/^the text is in capitals: /)]);
    const draft = await extractDraft({ text: CAPITALS, source: { publishedAt: "2024-01-02" } });
    expect(draft.problems).toEqual(problems);
  });

  it("English prose, a capital headline over it and short texts say nothing", async () => {
    expect(languageProblems(ENGLISH)).toEqual([]);
    expect(languageProblems(`CANADA SENDS MORE TROOPS TO LATVIA\n\n${ENGLISH}`)).toEqual([]);
    // Too short to tell: a headline, a line of names, a figure.
    for (const short of ["NATO LEADERS MEET IN VILNIUS", "Kallas, Macron, Attal", "2.5%"])
      expect(languageProblems(short)).toEqual([]);
    const draft = await extractDraft({ text: ENGLISH, source: { publishedAt: "2024-01-02" } });
    expect(draft.problems).toEqual([]);
  });
});

describe("the length of an article's text", () => {
  it("is counted in characters (code points), as the README says: an emoji is one", () => {
    expect(characterCount("a🚀é\u4e2d")).toBe(4);
    // a lone surrogate is one (such a text is refused as not valid Unicode, not for its length)
    expect(characterCount("\ud83d")).toBe(1);
    expect(characterCount("\ud83d\ud83d\ude80")).toBe(2);
    // 50,001 emoji are 100,002 UTF-16 units, and were refused as "100002 characters".
    expect(articleTextProblem("🚀".repeat(50_001))).toBeUndefined();
    expect(articleTextProblem("🚀".repeat(100_000))).toBeUndefined();
    expect(articleTextProblem("🚀".repeat(100_001))).toEqual({
      code: "LIMIT",
      message:
        "text is 100001 characters; extraction takes at most 100000 (about 15,000 words): split it",
      limit: 100_000,
      length: 100_001,
    });
  });
});

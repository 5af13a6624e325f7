/**
 * One article's address as links and shares spell it differently is one article (redteam18):
 * the same article under its key at https://ex.com/a/ or ?utm_source=... was refused as
 * "already the article at https://ex.com/a" and told to take another key, so it was stored
 * twice, its statements counted twice as corroboration.
 */
import { describe, expect, it } from "vitest";
import { onStoredText, sameArticle, sourceUrlProblems } from "../../src/domain/validate.js";

const STORED = "https://ex.com/news/a";
const TEXT = "Ann Url leads Urland.";

describe("a source's URL, as compared for identity", () => {
  it("takes the same address spelled otherwise for the same article", () => {
    for (const url of [
      "https://ex.com/news/a/",
      "https://EX.com/news/a",
      "http://ex.com/news/a",
      "https://www.ex.com/news/a",
      "https://ex.com/news/a#top",
      "https://ex.com/news/a?utm_source=tw&utm_medium=social",
      "https://ex.com/news/a?fbclid=xyz",
      " https://ex.com/news/a ",
    ]) {
      expect(sameArticle(STORED, url, TEXT, TEXT), url).toBe(true);
      const doc = { source: { key: "s", name: "s", properties: { url, text: TEXT } } };
      expect(sourceUrlProblems(doc as never, STORED, undefined, TEXT), url).toEqual([]);
    }
  });

  it("still tells other articles apart", () => {
    for (const url of [
      "https://ex.com/news/b",
      "https://ex.com/news/a/b",
      "https://ex.com/news?id=1",
      "https://other.com/news/a",
    ])
      expect(sameArticle(STORED, url, TEXT, TEXT), url).toBe(false);
    expect(sameArticle("https://ex.com/news?id=1", "https://ex.com/news?id=2")).toBe(false);
    expect(sameArticle("not a url", "not a url")).toBe(true);
  });
});

describe("onStoredText: the same article with other spacing, read against the stored text", () => {
  const stored = "Ann Spacing leads Spaceland.\r\nSpaceland  is a member of NATO.";
  const doc = (text: string, evidence: string) =>
    ({
      source: { key: "s", name: "s", properties: { text } },
      entities: [],
      relations: [{ from: "a", type: "LEADS", to: "b", evidence }],
    }) as never;

  it("keeps the stored text and takes each excerpt as the stored text's own span", () => {
    const given = "Ann\u00a0Spacing leads Spaceland.\nSpaceland is a member of NATO.";
    const out = onStoredText(doc(given, "Spaceland is a member of NATO."), stored);
    expect(out.source.properties.text).toBe(stored);
    expect(out.relations[0]?.evidence).toBe("Spaceland  is a member of NATO.");
    const across = onStoredText(doc(given, "Spaceland.\nSpaceland is"), stored);
    expect(across.relations[0]?.evidence).toBe("Spaceland.\r\nSpaceland  is");
  });

  it("takes curly quotes and dashes for straight ones as the same article, excerpts the stored text's", () => {
    const curly = "\u201cWe stay,\u201d said Ann Spacing \u2013 Spaceland\u2019s leader.";
    const straight = '"We stay," said Ann Spacing - Spaceland\'s leader.';
    expect(sameArticle(undefined, undefined, curly, straight)).toBe(true);
    expect(sameArticle(undefined, undefined, curly, '"We go," said Ann Spacing.')).toBe(false);
    const out = onStoredText(doc(straight, "Spaceland's leader"), curly);
    expect(out.source.properties.text).toBe(curly);
    expect(out.relations[0]?.evidence).toBe("Spaceland\u2019s leader");
    const back = onStoredText(doc(curly, "\u201cWe stay,\u201d said"), straight);
    expect(back.relations[0]?.evidence).toBe('"We stay," said');
  });

  it("leaves another text, and an excerpt the stored text does not hold, as sent", () => {
    const other = doc("Another text altogether.", "Another text");
    expect(onStoredText(other, stored)).toBe(other);
    const missing = onStoredText(
      doc("Ann Spacing leads Spaceland. Spaceland is a member of NATO.", "Not there"),
      stored,
    ) as { relations: { evidence: string }[] };
    expect(missing.relations[0]?.evidence).toBe("Not there");
  });
});

/**
 * One article's address as links and shares spell it differently is one article (redteam18):
 * the same article under its key at https://ex.com/a/ or ?utm_source=... was refused as
 * "already the article at https://ex.com/a" and told to take another key, so it was stored
 * twice, its statements counted twice as corroboration.
 */
import { describe, expect, it } from "vitest";
import { sameArticle, sourceUrlProblems } from "../../src/domain/validate.js";

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

/**
 * The source's metadata as a draft proposes it (drafts18): a title of nothing a key can keep
 * ("!!! ???", emoji) gave the source key "entity", one key for every such article, and so did a
 * text in another script with no title; a publication date no article has (2999, 0001) was
 * taken without a word, though every relative date is resolved against it. Texts written here.
 */
import { describe, expect, it } from "vitest";
import { extractDraft, proposeSourceKey } from "../../src/extract/index.js";

const TEXT = "Canada is a member of NATO. Prime Minister Justin Trudeau said so on Monday.";

describe("a draft's source", () => {
  it("a title without letters or digits gives way to the first sentence", async () => {
    for (const title of ["!!! ???", "🚀🚀"]) {
      const draft = await extractDraft({
        text: TEXT,
        source: { title, publishedAt: "2024-03-04" },
      });
      expect(draft.document.source.key).toBe("2024-canada-is-a-member-of-nato");
    }
  });

  it("with no words to slug, the key is article- and a digest of the text", async () => {
    const greek = "Η κυβέρνηση ανακοίνωσε νέα αύξηση των αμυντικών δαπανών.";
    const other = "Η Εσθονία στέλνει περισσότερους στρατιώτες στη Λετονία.";
    const a = await extractDraft({ text: greek, source: { title: "🚀" } });
    const b = await extractDraft({ text: other, source: { title: "🚀" } });
    expect(a.document.source.key).toMatch(/^article-[0-9a-f]{8}$/);
    expect(b.document.source.key).toMatch(/^article-[0-9a-f]{8}$/);
    expect(a.document.source.key).not.toBe(b.document.source.key);
    expect(proposeSourceKey(greek, "Test Wire", "2024", [undefined, "…"])).toMatch(
      /^test-wire-2024-[0-9a-f]{8}$/,
    );
    // A title that is the word itself is a title.
    expect(proposeSourceKey(TEXT, undefined, undefined, ["Entity"])).toBe("entity");
  });

  it("a publication date after today or before 1800 is kept and questioned", async () => {
    const future = await extractDraft({ text: TEXT, source: { publishedAt: "2999-01-01" } });
    expect(future.document.source.properties.publishedAt).toBe("2999-01-01");
    expect(future.problems).toContain(
      'publishedAt "2999-01-01" is after today: check it (relative dates such as "on Monday" are resolved against it)',
    );
    const old = await extractDraft({ text: TEXT, source: { publishedAt: "0001" } });
    expect(old.problems).toContain(
      'publishedAt "0001" is before 1800: check it (relative dates such as "on Monday" are resolved against it)',
    );
    const fine = await extractDraft({ text: TEXT, source: { publishedAt: "2024-03-04" } });
    expect(fine.problems).toEqual([]);
  });
});

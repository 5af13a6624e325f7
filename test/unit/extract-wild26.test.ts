/**
 * Session 26 (extwild26): error classes found by reading the drafts of eleven news articles nobody
 * annotated (outside every set). Each rule is checked with sentences written for the test: the
 * construction that went wrong, and its look-alike that must still be read.
 */
import { describe, expect, it } from "vitest";
import { draft, entities, facts } from "../helpers/extract.js";

const on = "2019-05-24";

describe("extract: a curly opening mark closed by a straight one is a quotation", () => {
  it("“…,\" said Mr. X: the words are X's, and the next sentence is not swallowed", async () => {
    const r = await draft(
      'Jens Stoltenberg spoke in Brussels on Thursday. “Allies will report their spending every year," said Mr. Stoltenberg. Montenegro joined the Alliance.',
      on,
    );
    const said = r.document.relations.filter((x) => x.type === "SAID");
    expect(said).toHaveLength(1);
    expect(said[0]?.from).toBe("jens-stoltenberg");
    expect(said[0]?.evidence).not.toMatch(/Montenegro/);
  });

  it("“…,\" he said after the speaker's sentence", async () => {
    const found = await facts(
      'Jens Stoltenberg spoke in Brussels on Thursday. “Our meeting will show that the Alliance stands united," he said.',
      on,
    );
    expect(found.filter((f) => f.startsWith("jens-stoltenberg SAID"))).toHaveLength(1);
  });

  it("keeps a straight-quoted title inside a curly quotation whole", async () => {
    const r = await draft(
      'Jens Stoltenberg spoke in Brussels on Thursday. “We call it "Steadfast Defender" and it will test our plans,” he said.',
      on,
    );
    const quote = r.entities.find((e) => e.kind === "Quote");
    expect(quote?.name).toMatch(/test our plans/);
  });
});

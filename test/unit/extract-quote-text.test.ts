/**
 * A quote's name, which a reader sees in lists, leaves out the comma that hands the quotation to
 * "he said"; its text keeps what stands between the marks, verbatim, as the house style does.
 */
import { describe, expect, it } from "vitest";
import { draft } from "../helpers/extract.js";

describe("a quote's text", () => {
  it("is named without the comma that hands it to its verb", async () => {
    const text =
      'Defence Minister Anita Anand spoke in Ottawa on Tuesday. "We stand with our allies," Anand said. "We will not waver; we will deliver."';
    const doc = await draft(text, "2025-06-03");
    const quotes = doc.document.entities.filter((e) => e.kind === "Quote");
    const said = quotes.map((q) => (q.properties as { text: string }).text);
    expect(said).toContain("We stand with our allies,");
    expect(quotes.map((q) => q.name)).toContain("Anand: We stand with our allies");
    // A quotation that ends its own sentence keeps its full stop.
    expect(said).toContain("We will not waver; we will deliver.");
  });
});

/**
 * A person whose first name is a nation's (thirteenth red-team round): "Latvia Smith, a Toronto
 * lawyer" was read as the nation Latvia, so the person was lost and a draft linked to the graph
 * gave Latvia's NATO membership the lawyer's sentence as evidence. A nation's name right before a
 * surname is the person's first name; the nation named as a place is still the nation.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/domain/validate.js";
import { extractDraft } from "../../src/extract/index.js";
import { entities, facts } from "../helpers/extract.js";

describe("extract: a nation's name as a person's first name", () => {
  it.each([
    [
      "Latvia Smith, a Toronto lawyer, was appointed to the board of the Canadian Press on Monday.",
      "Person latvia-smith",
    ],
    ["Georgia Walton said the alliance had to spend more.", "Person georgia-walton"],
  ])("%s", async (text, person) => {
    const found = await entities(text);
    expect(found).toContain(person);
    expect(found.filter((e) => e.startsWith("Nation "))).toEqual([]);
    expect((await facts(text)).filter((f) => f.includes(" MEMBER_OF "))).toEqual([]);
  });

  it("leaves the nation where it is named as a place, beside the namesake", async () => {
    const text = "Latvia Smith, a Toronto lawyer, visited Latvia on Monday.";
    const found = await entities(text);
    expect(found).toContain("Person latvia-smith");
    expect(found).toContain("Nation latvia");
    expect(await facts(text)).toContain("latvia-smith VISITED latvia");
  });
});

describe("extract: a ship named after a nation", () => {
  it("is no mention of the nation", async () => {
    const text =
      "The frigate Canada sailed from Halifax on Monday to join the NATO exercise in the Baltic Sea.";
    expect((await entities(text)).filter((e) => e.startsWith("Nation "))).toEqual([]);
    expect((await facts(text)).filter((f) => f.includes("canada"))).toEqual([]);
  });
});

describe("extract: a source whose key is an entity's the article names", () => {
  const text =
    "Canada leads the NATO battle group in Latvia, where about 540 Canadian troops serve.";

  it("proposed from a title, names its kind, and the draft is valid", async () => {
    const r = await extractDraft({ text, source: { title: "Canada" } });
    expect(r.document.source.key).toBe("canada-source");
    expect(r.document.entities.map((e) => e.key)).toContain("canada");
    expect(r.problems.filter((p) => p.startsWith("draft:"))).toEqual([]);
    expect(parseDocument(r.document).ok).toBe(true);
  });

  it("given, is reported saying what to change", async () => {
    const r = await extractDraft({ text, source: { key: "canada", publishedAt: "2024-03-05" } });
    expect(r.document.source.key).toBe("canada");
    expect(r.problems[0]).toBe(
      'source key "canada" is the key of the Nation "Canada" the article names: give the source a key of its own, or leave the key out to have one proposed',
    );
  });
});

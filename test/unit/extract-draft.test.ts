/** The whole extractor on the seed article: a draft the document checker accepts, verbatim evidence, offsets that line up. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocumentFile, seedFiles } from "../../src/data/seed.js";
import { parseDocument, validateDocument } from "../../src/domain/validate.js";
import { documentLinker, draftToYaml, extractDraft } from "../../src/extract/index.js";

const [seedDoc] = seedFiles();
const raw = readFileSync((seedDoc as string).replace(/\.yaml$/, ".txt"), "utf8");
const source = {
  title: "NATO's Stoltenberg calls on allies to 'step up' defence spending",
  publisher: "CTV News",
  publishedAt: "2022-03-10",
};

describe("extract: draft document", () => {
  it("reports a malformed source key once, not again at every relation that names it", async () => {
    const r = await extractDraft({
      text: "Canada will send 100 troops to Latvia, Prime Minister Justin Trudeau said on Tuesday.",
      source: { key: "Bad Key", title: "T", publishedAt: "2024-01-02" },
    });
    const drafted = r.problems.filter((p) => p.startsWith("draft: "));
    expect(drafted).toEqual(["draft: source.key: must be a lowercase slug such as justin-trudeau"]);
    expect(r.document.relations.some((x) => x.from === "Bad Key" || x.to === "Bad Key")).toBe(true);
  });

  it("is a valid document: every relation's evidence a verbatim sentence of the repaired text", async () => {
    const r = await extractDraft({ text: raw, source });
    const checked = validateDocument(r.document);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    const text = r.document.source.properties.text as string;
    expect(text).not.toContain("†");
    for (const rel of r.relations) {
      expect(text.slice(rel.span.start, rel.span.end)).toBe(rel.excerpt);
      expect(r.document.relations[rel.index]).toMatchObject({
        type: rel.type,
        from: rel.from,
        to: rel.to,
        evidence: rel.excerpt,
      });
    }
    for (const e of r.entities) {
      for (const m of e.mentions) expect(m.end).toBeGreaterThan(m.start);
    }
    expect(r.problems).toEqual([]);
  });

  it("is the same every time (deterministic), and its YAML parses back to the same document", async () => {
    const a = await extractDraft({ text: raw, source });
    const b = await extractDraft({ text: raw, source });
    expect(b).toEqual(a);
    const { parse } = await import("yaml");
    const back = parseDocument(parse(draftToYaml(a)));
    expect(back.ok && back.document).toEqual(a.document);
  });

  it("links to documents it is given: the seed's entities come back LINKED under their keys", async () => {
    const seed = parseDocument(readDocumentFile(seedDoc as string));
    if (!seed.ok) throw new Error("seed does not parse");
    const r = await extractDraft(
      { text: raw, source },
      { linker: documentLinker([seed.document]) },
    );
    const status = Object.fromEntries(r.entities.map((e) => [e.key, e.status]));
    expect(status).toMatchObject({
      "jens-stoltenberg": "LINKED",
      "justin-trudeau": "LINKED",
      "united-kingdom": "LINKED",
      "canadian-armed-forces": "LINKED",
      "operation-reassurance": "LINKED",
    });
  });

  it("says what it could not settle instead of guessing a date", async () => {
    const r = await extractDraft({
      text: "Latvia's president spoke on Tuesday.",
      source: { publishedAt: "March 2022" },
    });
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/publishedAt "March 2022" is not an ISO date/),
      ]),
    );
  });

  it("without a publication date, keeps dates that give their year and names the relative ones it leaves out", async () => {
    const none = await extractDraft({
      text: "Canada is a member of NATO. Latvia hosts a battle group.",
      source: {},
    });
    // Nothing to resolve: no warning about relative dates (it was given for every such draft).
    expect(none.problems).toEqual([]);
    const r = await extractDraft({
      text: "Prime Minister Justin Trudeau visited Riga on Tuesday. On 3 March 2024 he visited Tallinn, and on Friday Vilnius.",
      source: {},
    });
    expect(r.problems).toEqual([
      'no publication date: the relative dates "on Tuesday", "on Friday" are left unresolved; give publishedAt to resolve them',
    ]);
  });

  it("keeps every evidence within the validator's limit on hostile input with no full stops", async () => {
    const clause = "Prime Minister Justin Trudeau said Canada will send 500 troops to Latvia";
    const text = Array.from({ length: 200 }, () => clause).join(", and ");
    const r = await extractDraft({ text, source });
    const checked = validateDocument(r.document);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(r.relations.length).toBeGreaterThan(0);
    for (const rel of r.relations) expect(rel.excerpt.length).toBeLessThanOrEqual(1_000);
  });
});

describe("a date whose year the extractor cannot read (redteam24)", () => {
  const visited = async (text: string) => {
    const d = await extractDraft({ text, source: { publishedAt: "2024-07-01" } });
    return d.document.relations.filter((r) => r.type === "VISITED").map((r) => r.properties);
  };

  it("is left out, not dated in the publication's year or by the year's first digits", async () => {
    for (const year of ["0999", "0000", "12000"])
      expect(await visited(`Jens Stoltenberg visited Latvia on 1 January ${year}.`)).toEqual([{}]);
  }, 60_000);

  it("while a year it reads, and a day and month without one, are dated as before", async () => {
    expect(await visited("Jens Stoltenberg visited Latvia on 1 January 1999.")).toEqual([
      { date: "1999-01-01" },
    ]);
    expect(
      await visited("Jens Stoltenberg visited Latvia on 3 March, 540 troops arrived."),
    ).toEqual([{ date: "2024-03-03" }]);
  });
});

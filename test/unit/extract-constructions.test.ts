/**
 * The constructions that recur across defence news (issue 25, fourth pass), each as a family of
 * variants written for the test: wire-story furniture, modal and reported pledges, troops stationed
 * somewhere, events at a place, and the names a wire story uses for nations and the alliance.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

describe("extract: wire-story furniture", () => {
  it.each([
    "VILNIUS, Lithuania (AP) — Latvian Prime Minister Evika Silina visited German troops on Monday.",
    "VILNIUS (Reuters) - Latvian Prime Minister Evika Silina visited German troops on Monday.",
    "VILNIUS, June 3 (Reuters) - Latvian Prime Minister Evika Silina visited German troops on Monday.",
    "VILNIUS — Latvian Prime Minister Evika Silina visited German troops on Monday.",
  ])("a dateline's place is where the story was filed, not a fact: %s", async (text) => {
    const r = await draft(text);
    const rel = r.document.relations.filter((x) => x.type !== "MENTIONS");
    // where the city lies is all that is drawn from it ("vilnius LOCATED_IN lithuania")
    for (const x of rel.filter((x) => x.from === "vilnius" || x.to === "vilnius"))
      expect(`${x.type} ${x.to}`).toBe("LOCATED_IN lithuania");
    expect(rel.some((x) => x.type === "VISITED" && x.to === "lithuania")).toBe(false);
    expect(r.entities.map((e) => e.key)).not.toContain("the-associated-press");
    expect(r.entities.map((e) => e.key)).not.toContain("reuters");
    // the person is still found, and leads Latvia
    expect(rel.map((x) => `${x.from} ${x.type} ${x.to}`)).toContain("evika-silina LEADS latvia");
  });

  it("a dateline's nation is not the article's home nation", async () => {
    const out = await facts(
      "RIGA, Latvia (AP) — Defence Minister Hanno Pevkur said Estonia would buy air defence. Estonia and Latvia border Russia. Latvia agreed.",
    );
    expect(out).not.toContain("hanno-pevkur SERVES_IN latvia (inferred)");
  });

  it.each([
    "By JANE DOE Associated Press",
    "By Jane Doe and John Roe, Reuters",
    "Reporting by Jane Doe in Vilnius; Editing by John Roe",
    "(Reporting by Jane Doe; Writing by John Roe; Editing by Mary Major)",
    "Associated Press writer Jane Doe in Riga contributed to this report.",
    "Copyright 2025 The Associated Press. All rights reserved.",
    "© 2025 Thomson Reuters. All rights reserved.",
  ])(
    "bylines, credits and copyright lines make no person, organisation or fact: %s",
    async (line) => {
      const r = await draft(
        `German troops arrived in Lithuania on Monday, Defence Minister Boris Pistorius said.\n\n${line}`,
      );
      const keys = r.entities.map((e) => e.key);
      expect(keys).not.toContain("jane-doe");
      expect(keys).not.toContain("john-roe");
      expect(keys).not.toContain("mary-major");
      expect(keys).not.toContain("riga");
      expect(r.entities.filter((e) => e.kind === "Person").map((e) => e.key)).toEqual([
        "boris-pistorius",
      ]);
      // the agency may be named (a MENTIONS, as a credit line names it), nothing more
      for (const x of r.document.relations.filter((x) => x.evidence.includes(line)))
        expect(x.type).toBe("MENTIONS");
    },
  );

  it("a sentence that starts with 'By' and a date or a month is news, not a byline", async () => {
    const out = await facts(
      "By 2027, Germany will station a brigade in Lithuania as part of NATO's forward presence.\nBy March, about 5,000 German troops will be stationed in Lithuania as part of the brigade.",
    );
    expect(out.length).toBeGreaterThan(0);
  });

  it("'Key points:' bullets are sentences of their own: evidence never spans two lines", async () => {
    const r = await draft(
      "Key points:\n- Germany has 1,000 troops in Lithuania\n- Lithuania hosts about 1,000 German soldiers\n- Moscow's invasion of Ukraine changed the alliance\n\nNATO defence ministers meet in Brussels on Thursday.",
    );
    for (const x of r.document.relations) expect(x.evidence).not.toContain("\n");
  });
});

/**
 * A corrected article in one step (explorer20b), as the page's logic: the way out a refusal
 * offers (the server's `newVersion`, or read from its message when a server has no such field),
 * what the page says of a superseded source, and a sentence clicked in the text made the evidence
 * of the relation whose editor is open. The browser test explorer-review-supersede drives the
 * same through the page.
 */
import { describe, expect, it } from "vitest";
import { lostExcerptsProblems } from "../../src/domain/validate.js";
import type { Draft, Problem } from "../../src/explorer/page/api.js";
import { newVersionOf, supersededLine } from "../../src/explorer/page/new-version.js";
import { clickedEvidence, mended, newReview } from "../../src/explorer/page/review.js";

// Written for this test.
const S1 = "Anna Berg visited Riga in June.";
const S2 = "She stayed in Riga for three days.";
const S3 = "Latvia welcomed the visit.";
const TEXT = `${S1} ${S2} ${S3}`;
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

function draft(): Draft {
  const relation = (index: number, type: string, from: string, to: string) => ({
    index,
    type,
    from,
    to,
    excerpt: S1,
    span: at(S1),
    confidence: 0.8,
    inferred: false,
  });
  return {
    document: {
      source: { key: "src-a", name: "A", properties: { text: TEXT } },
      entities: [
        { key: "anna-berg", kind: "Person", name: "Anna Berg" },
        { key: "riga", kind: "Place", name: "Riga" },
      ],
      relations: [
        { from: "anna-berg", type: "VISITED", to: "riga", evidence: S1 },
        { from: "src-a", type: "MENTIONS", to: "riga", evidence: S1 },
      ],
    },
    entities: [
      { key: "anna-berg", kind: "Person", name: "Anna Berg", status: "NEW", mentions: [] },
      { key: "riga", kind: "Place", name: "Riga", status: "NEW", mentions: [] },
    ],
    relations: [
      relation(0, "VISITED", "anna-berg", "riga"),
      relation(1, "MENTIONS", "src-a", "riga"),
    ],
    sentences: [at(S1), at(S2), at(S3)],
    problems: [],
  };
}

/** The server's refusal of a text that drops a quoted sentence, as ingest words it. */
const refused = (instead?: { key: string; stored: boolean }) =>
  lostExcerptsProblems(
    { source: { key: "ann-article", properties: { text: "x" } } } as never,
    1,
    ["Ann Berg leads Fixland."],
    instead,
  ).map((p) => ({ ...p, path: p.path.map(String) }));

describe("the way out of a refusal of the text", () => {
  it("is the server's newVersion: the free key and the source it supersedes", () => {
    const problems = refused({ key: "ann-article-2", stored: false });
    expect(problems[0]?.newVersion).toEqual({ key: "ann-article-2", supersedes: "ann-article" });
    expect(newVersionOf(problems)).toEqual({ key: "ann-article-2", supersedes: "ann-article" });
  });

  it("is read from the message when the server sends no newVersion", () => {
    const problems: Problem[] = refused({ key: "ann-article-2", stored: false }).map(
      ({ path, message }) => ({ path, message }),
    );
    expect(newVersionOf(problems)).toEqual({ key: "ann-article-2", supersedes: "ann-article" });
  });

  it("is none when no key is free, for another problem, or a newVersion that is no key", () => {
    expect(newVersionOf(refused({ key: "ann-article-2", stored: true }))).toBeNull();
    expect(
      newVersionOf([{ path: ["relations", "0", "to"], message: 'unknown key "riga"' }]),
    ).toBeNull();
    expect(
      newVersionOf([
        {
          path: ["source", "properties", "text"],
          message: "no way out",
          newVersion: { key: "Not A Key", supersedes: "ann-article" },
        },
      ]),
    ).toBeNull();
  });

  it("says what the ingest superseded", () => {
    expect(supersededLine({ key: "ann-article", relations: 1, entities: 2 })).toBe(
      "Superseded ann-article (now retracted): 1 relation and 2 entities changed; what only it stated no longer counts.",
    );
  });
});

describe("evidence by a click in the text", () => {
  it("goes to the relation whose evidence is being picked, as that sentence, verbatim; then the picking stops", () => {
    const review = newReview(draft());
    const [visit, mention] = review.relations;
    if (!visit || !mention) throw new Error("no relations");
    visit.editing = true;
    mention.editing = true;
    review.picking = visit.id;
    expect(clickedEvidence(review, at(S2))).toBe(visit);
    expect(visit.evidence).toBe(S2);
    expect(visit.span).toEqual(at(S2));
    expect(mended(review, visit)).toBe(true);
    expect(mention.evidence).toBe(S1);
    expect(review.picking).toBeNull();
    // The next click starts an addition: it changes no relation.
    expect(clickedEvidence(review, at(S3))).toBeNull();
    expect(visit.evidence).toBe(S2);
  });

  it("changes nothing with an editor merely open, its editor closed, or a stretch that is no sentence", () => {
    const review = newReview(draft());
    const [visit] = review.relations;
    if (!visit) throw new Error("no relation");
    // An editor open (as one the reader just added is) takes no click: it would start an addition.
    visit.editing = true;
    expect(clickedEvidence(review, at(S2))).toBeNull();
    review.picking = visit.id;
    expect(clickedEvidence(review, { start: 0, end: 9 })).toBeNull();
    expect(visit.evidence).toBe(S1);
    expect(review.picking).toBe(visit.id);
    visit.editing = false;
    expect(clickedEvidence(review, at(S3))).toBeNull();
    expect(visit.evidence).toBe(S1);
  });
});

/**
 * The explorer's review as data (src/explorer/page/review.ts, relation-check.ts,
 * article-text.ts): the document sent is the rows as mended and added, and what ingest would
 * refuse in a relation is found in the page, in ingest's words. The browser test
 * explorer-review-mend drives the same through the page.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/domain/validate.js";
import { isAllowedEndpoint, RELATION_TYPE_NAMES } from "../../src/domain/vocabulary.js";
import type { Draft } from "../../src/explorer/page/api.js";
import { sentenceAt, sentencesOf } from "../../src/explorer/page/article-text.js";
import {
  parseValue,
  relationProblems,
  typesBetween,
} from "../../src/explorer/page/relation-check.js";
import {
  mended,
  newReview,
  type RelationReview,
  reviewed,
} from "../../src/explorer/page/review.js";
import { annaDraft, S1 } from "../helpers/review-draft.js";

const S2 = "Latvia hosts the battle group, Berg said.";
const TEXT = `${S1}\n${S2}`;

function draft(): Draft {
  const span1 = { start: 0, end: S1.length };
  return annaDraft(TEXT, {
    entities: [{ key: "latvia", kind: "Nation", name: "Latvia" }],
    relations: [{ from: "src-a", type: "MENTIONS", to: "anna-berg", evidence: S1 }],
    drafted: [
      {
        key: "latvia",
        kind: "Nation",
        name: "Latvia",
        status: "LINKED",
        mentions: [{ start: S1.length + 1, end: S1.length + 7 }],
      },
    ],
    draftedRelations: [
      {
        index: 1,
        type: "MENTIONS",
        from: "src-a",
        to: "anna-berg",
        excerpt: S1,
        span: span1,
        confidence: 0.95,
        inferred: false,
      },
    ],
  });
}

const row = (rows: RelationReview[], id: string) => rows.find((r) => r.id === id) as RelationReview;

describe("the reviewed document", () => {
  it("is the draft as drafted, an entity of the graph left to stand as it is", () => {
    const review = newReview(draft());
    const { document } = reviewed(review);
    expect(document.entities.map((e) => e.key)).toEqual(["anna-berg", "riga"]);
    expect(document.relations[0]).toMatchObject({
      from: "anna-berg",
      type: "VISITED",
      to: "riga",
      properties: { date: "2024-06" },
      evidence: S1,
    });
  });

  it("carries a mended end (an entity of the graph), type and values, and what the reader added", () => {
    const review = newReview(draft());
    const visit = row(review.relations, "0");
    visit.to = { graph: { key: "ottawa", name: "Ottawa", kind: "Place" } };
    visit.properties = { date: "2024-07" };
    review.entities.set("kfl", {
      entity: { key: "kfl", kind: "Place", name: "Keflavik", status: "NEW", mentions: [] },
      accepted: true,
      key: "keflavik",
      linked: null,
      added: true,
    });
    review.relations.push({
      ...visit,
      id: "new-1",
      index: null,
      type: "HOSTS",
      from: { entity: "latvia" },
      to: {
        graph: { key: "operation-reassurance", name: "Operation Reassurance", kind: "Mission" },
      },
      properties: {},
      evidence: S2,
      span: { start: S1.length + 1, end: TEXT.length },
      confidence: null,
    });
    // A rejected row counts no more: the added one is the document's relations.1 all the same.
    row(review.relations, "1").accepted = false;
    expect(mended(review, visit)).toBe(true);
    expect(mended(review, row(review.relations, "1"))).toBe(false);
    const sent = reviewed(review);
    expect(sent.document.entities).toEqual([
      { key: "anna-berg", kind: "Person", name: "Anna Berg" },
      { key: "riga", kind: "Place", name: "Riga" },
      { kind: "Place", name: "Keflavik", key: "keflavik" },
    ]);
    expect(sent.document.relations).toEqual([
      {
        from: "anna-berg",
        type: "VISITED",
        to: "ottawa",
        properties: { date: "2024-07" },
        inferred: false,
        evidence: S1,
      },
      {
        from: "latvia",
        type: "HOSTS",
        to: "operation-reassurance",
        properties: {},
        inferred: false,
        evidence: S2,
      },
    ]);
    expect(sent.relationOf.map((r) => r.id)).toEqual(["0", "new-1"]);
    // And it is a document the format takes.
    expect(parseDocument(sent.document).ok).toBe(true);
  });
});

describe("what ingest would refuse, found in the page", () => {
  it("an end of a kind the type does not link, in ingest's words, beside the type", () => {
    const review = newReview(draft());
    const visit = row(review.relations, "0");
    visit.to = { graph: { key: "nato", name: "NATO", kind: "Organization" } };
    expect(relationProblems(review, visit).fields).toEqual({
      type: "VISITED cannot link Person -> Organization; it links Person -> Place | Nation",
    });
    expect(typesBetween("Person", "Organization")).toEqual(
      RELATION_TYPE_NAMES.filter((t) => isAllowedEndpoint(t, "Person", "Organization")),
    );
    expect(typesBetween("Person", "Organization")).toContain("SERVES_IN");
    expect(typesBetween("Person", "Organization")).not.toContain("MEMBER_OF");
  });

  it("a value the document format refuses, beside its field; a relation of an entity to itself", () => {
    const review = newReview(draft());
    const visit = row(review.relations, "0");
    visit.properties = { date: "2024-13" };
    visit.to = { entity: "anna-berg" };
    expect(relationProblems(review, visit)).toEqual({
      fields: {
        date: "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a day its month has",
        to: "must not be the entity it starts from: a relation joins two entities",
        type: "VISITED cannot link Person -> Person; it links Person -> Place | Nation",
      },
      row: [],
    });
  });

  it("reads figures as numbers, and keeps what is none to say so", () => {
    const review = newReview(draft());
    const contributes = row(review.relations, "0");
    contributes.type = "CONTRIBUTES_TO";
    contributes.from = { entity: "latvia" };
    contributes.to = {
      graph: { key: "operation-reassurance", name: "Operation Reassurance", kind: "Mission" },
    };
    contributes.typed = { troops: "forty" };
    expect(relationProblems(review, contributes).fields).toEqual({
      troops: "must be a whole number",
    });
    expect(parseValue({ type: "integer", description: "" }, "1,200")).toEqual({ value: 1200 });
    expect(parseValue({ type: "integer", description: "" }, "forty")).toEqual({ typed: "forty" });
    expect(parseValue({ type: "partialDate", description: "" }, " 2024-06 ")).toEqual({
      value: "2024-06",
    });
    expect(parseValue({ type: "string", description: "" }, "  ")).toBeNull();
  });
});

describe("the text's sentences", () => {
  it("are the extractor's where it quoted them, the segmenter's elsewhere, never across a line", () => {
    const text = "One. Two. Three, “a quote. Still the quote,” he said.\nFour";
    const quoted = { start: text.indexOf("Three"), end: text.indexOf("\n") };
    const sentences = sentencesOf(text, [quoted]);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      "One.",
      "Two.",
      "Three, “a quote. Still the quote,” he said.",
      "Four",
    ]);
    expect(sentenceAt(sentences, text.indexOf("Still"))).toEqual(quoted);
  });
});

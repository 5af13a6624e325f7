/**
 * The review's relation-end box offers the draft's own entities first (draftCandidates), ranked as
 * a reader means what they type: the whole name, then a name with a word that starts so, then one
 * that merely holds it; ties in the draft's order (noticed31). The graph's come after, from the
 * API's search, which ranks the same way (src/cypher/search.ts).
 */
import { describe, expect, it } from "vitest";
import { draftCandidates } from "../../src/explorer/page/relation-row.js";
import { newReview } from "../../src/explorer/page/review.js";
import { annaDraft, S1 } from "../helpers/review-draft.js";

const entity = (key: string, name: string) => ({ key, kind: "Organization" as const, name });
const drafted = (key: string, name: string) => ({
  ...entity(key, name),
  status: "NEW" as const,
  mentions: [],
});

const review = newReview(
  annaDraft(S1, {
    entities: [
      entity("undefeated-club", "Undefeated Club"),
      entity("latvian-defence-ministry", "Latvian Defence Ministry"),
      entity("defence", "Defence"),
      entity("united-kingdom-office", "United Kingdom Office"),
    ],
    drafted: [
      drafted("undefeated-club", "Undefeated Club"),
      drafted("latvian-defence-ministry", "Latvian Defence Ministry"),
      drafted("defence", "Defence"),
      drafted("united-kingdom-office", "United Kingdom Office"),
    ],
  }),
);
const names = (typed: string) => draftCandidates(review, typed).map((e) => e.name);

describe("the draft's entities offered for a relation's end", () => {
  it("ranks the whole name, then a word's start, then a part of a word; ties in the draft's order", () => {
    // "def" is inside "Undefeated", which the draft names first: it came first.
    expect(names("def")).toEqual(["Latvian Defence Ministry", "Defence", "Undefeated Club"]);
    expect(names("defence")).toEqual(["Defence", "Latvian Defence Ministry"]);
    expect(names("Kingdom")).toEqual(["United Kingdom Office"]);
    expect(names("ngdom")).toEqual(["United Kingdom Office"]);
    expect(names("berg")).toEqual(["Anna Berg"]);
  });
});

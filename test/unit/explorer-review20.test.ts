/**
 * The review's last dead ends (explorer20), as the page's logic: an added row removed (an
 * entity with the relations that use it), a relation's evidence and `inferred` mended, the
 * server's check after edits (debounced, a newer edit cancelling, one in flight at most), the
 * extractor's sentences used instead of the browser's, and a name marked word by word. The
 * browser test explorer-review-dead-ends drives the same through the page.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDocument } from "../../src/domain/validate.js";
import type { Draft } from "../../src/explorer/page/api.js";
import { autoCheck } from "../../src/explorer/page/auto-check.js";
import { relationProblems } from "../../src/explorer/page/relation-check.js";
import {
  mended,
  newReview,
  type RelationReview,
  removeEntity,
  removeRelation,
  reviewed,
  setEvidence,
} from "../../src/explorer/page/review.js";
import { draftSentences, wordsOf } from "../../src/explorer/page/sentences.js";
import { extractDraft } from "../../src/extract/index.js";
import { annaDraft, S1 } from "../helpers/review-draft.js";

// Written for this test. The segmenter cuts after "Gen." (an abbreviation it takes for an end);
// the extractor keeps "Maj. Gen. Ola Dahl" in one sentence.
const S2 = "Latvia hosts the battle group, said Maj. Gen. Ola Dahl of the Norwegian Army.";
const S3 = "The Coast Guard of Iceland flew the specialists to Riga.";
const TEXT = `${S1} ${S2}\n${S3}`;
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

function draft(sentences?: Draft["sentences"]): Draft {
  return annaDraft(TEXT, sentences ? { sentences } : {});
}

/** The review with an entity the reader added, its mention, and a relation they added to it. */
function withAdded() {
  const review = newReview(draft([at(S1), at(S2), at(S3)]));
  review.entities.set("coast-guard", {
    entity: {
      key: "coast-guard",
      kind: "Organization",
      name: "Coast Guard of Iceland",
      status: "NEW",
      mentions: [at("Coast Guard of Iceland")],
    },
    accepted: true,
    key: "coast-guard",
    linked: null,
    added: true,
  });
  const added = (id: string, type: string, from: RelationReview["from"]): RelationReview => ({
    id,
    index: null,
    type,
    from,
    to: { entity: "coast-guard" },
    properties: {},
    typed: {},
    evidence: S3,
    span: at(S3),
    confidence: null,
    inferred: false,
    accepted: true,
    editing: false,
    refused: [],
  });
  review.relations.push(added("new-1", "MENTIONS", { source: true }));
  review.relations.push(added("new-2", "MEMBER_OF", { entity: "anna-berg" }));
  review.added = 2;
  return review;
}

describe("removing what the reader added", () => {
  it("an added relation goes from the review and the document; a drafted one cannot", () => {
    const review = withAdded();
    expect(removeRelation(review, "0")).toBe(false);
    expect(removeRelation(review, "new-2")).toBe(true);
    expect(review.relations.map((r) => r.id)).toEqual(["0", "new-1"]);
    expect(reviewed(review).document.relations.map((r) => r.type)).toEqual(["VISITED", "MENTIONS"]);
  });

  it("an added entity goes with the relations that use it, which are returned to be said", () => {
    const review = withAdded();
    expect(removeEntity(review, "riga")).toBeNull();
    const gone = removeEntity(review, "coast-guard");
    expect(gone?.map((r) => r.id)).toEqual(["new-1", "new-2"]);
    expect(review.entities.has("coast-guard")).toBe(false);
    const { document } = reviewed(review);
    expect(document.entities.map((e) => e.key)).toEqual(["anna-berg", "riga"]);
    expect(JSON.stringify(document)).not.toContain("coast-guard");
    expect(parseDocument(document).ok).toBe(true);
  });
});

describe("a relation's evidence and inferred flag, mended", () => {
  it("takes another sentence of the text, verbatim, and the flag, into the document", () => {
    const review = newReview(draft([at(S1), at(S2), at(S3)]));
    const visit = review.relations[0] as RelationReview;
    expect(setEvidence(review, visit, at(S3))).toBe(true);
    visit.inferred = true;
    expect(mended(review, visit)).toBe(true);
    expect(reviewed(review).document.relations[0]).toMatchObject({
      evidence: S3,
      inferred: true,
    });
    expect(visit.span).toEqual(at(S3));
  });

  it("refuses a stretch that is no sentence of the text; an evidence too long is said beside its field", () => {
    const review = newReview(draft([at(S1), at(S2), at(S3)]));
    const visit = review.relations[0] as RelationReview;
    expect(setEvidence(review, visit, { start: 0, end: 9 })).toBe(false);
    expect(visit.evidence).toBe(S1);
    expect(mended(review, visit)).toBe(false);
    visit.evidence = "x".repeat(5_001);
    expect(Object.keys(relationProblems(review, visit).fields)).toContain("evidence");
  });
});

describe("the text's sentences", () => {
  it("are the extractor's when the draft carries them, where the segmenter cuts otherwise", () => {
    const text = (s: { start: number; end: number }) => TEXT.slice(s.start, s.end);
    const own = draftSentences(draft([at(S3), at(S1), at(S2)])).map(text);
    expect(own).toEqual([S1, S2, S3]);
    // Without them (an older server), the browser's segmenter cuts the abbreviation.
    const fallback = draftSentences(draft()).map(text);
    expect(fallback).not.toContain(S2);
    expect(newReview(draft([at(S1), at(S2), at(S3)])).sentences.map(text)).toEqual([S1, S2, S3]);
  });

  it("come from extractDocument's result, each relation's evidence one of them", async () => {
    const r = await extractDraft({
      text: `${S2}\nNorway will send 200 troops to Latvia, Defence Minister Ola Dahl said on Monday.`,
      source: { title: "T", publishedAt: "2024-01-02" },
    });
    const text = r.document.source.properties.text as string;
    expect(r.sentences.length).toBeGreaterThanOrEqual(2);
    expect(r.sentences.map((s) => text.slice(s.start, s.end))).toContain(S2);
    for (const rel of r.relations)
      expect(r.sentences).toContainEqual({ start: rel.span.start, end: rel.span.end });
  });

  it("give their words for a name marked by keyboard, a title's dots kept", () => {
    const words = wordsOf(TEXT, at(S2)).map((w) => TEXT.slice(w.start, w.end));
    expect(words.slice(0, 3)).toEqual(["Latvia", "hosts", "the"]);
    expect(words).toContain("Maj");
    expect(words.at(-1)).toBe("Army");
    expect(wordsOf("The U.S. Army left.", { start: 0, end: 19 }).map((w) => w.end)).toEqual([
      3, 8, 13, 18,
    ]);
  });
});

describe("the server's check as the reader edits", () => {
  afterEach(() => vi.useRealTimers());

  it("waits for a pause, drops an answer a newer edit made moot, and has one check in flight at most", async () => {
    vi.useFakeTimers();
    const calls: { signal: AbortSignal; resolve: (v: string) => void }[] = [];
    const done: string[] = [];
    let inFlight = 0;
    let most = 0;
    const check = autoCheck<string>({
      delay: 500,
      run: (signal) =>
        new Promise<string>((resolve) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          calls.push({
            signal,
            resolve: (v) => {
              inFlight -= 1;
              resolve(v);
            },
          });
        }),
      done: (v) => done.push(v),
      failed: () => done.push("failed"),
    });
    // Three edits in quick succession: one check, after the last.
    check.edited();
    vi.advanceTimersByTime(300);
    check.edited();
    vi.advanceTimersByTime(300);
    check.edited();
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(1);
    // An edit while it is in flight: it is cancelled, and the next waits for it to end.
    check.edited();
    expect(calls[0]?.signal.aborted).toBe(true);
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve("first");
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve("second");
    await vi.runAllTimersAsync();
    expect(done).toEqual(["second"]);
    expect(most).toBe(1);
    check.stop();
    check.edited();
    vi.advanceTimersByTime(1_000);
    expect(calls).toHaveLength(2);
  });
});

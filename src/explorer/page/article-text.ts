/**
 * The article's text in the review: what the draft found marked in it (entities, and the
 * sentences of relations), every piece carrying its offset so that words the reader selects, or
 * a sentence they click, are found again in the text; and the text's sentences, the evidence
 * unit a relation the reader adds quotes, as the extractor's relations do.
 */
import type { TextSpan } from "./api.js";
import { h } from "./dom.js";
import type { Review } from "./review.js";

export { sentenceAt, sentencesOf } from "./sentences.js";

/** The text cut where any mention or relation starts or ends, each piece with what covers it. */
function segments(review: Review) {
  const cuts = new Set([0, review.text.length]);
  for (const { entity } of review.entities.values())
    for (const m of entity.mentions) cuts.add(m.start).add(m.end);
  for (const { span } of review.relations) cuts.add(span.start).add(span.end);
  const points = [...cuts].filter((n) => n >= 0 && n <= review.text.length).sort((a, b) => a - b);
  const out: { start: number; end: number; entities: string[]; relations: string[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const entities = [...review.entities.entries()]
      .filter(([, r]) => r.entity.mentions.some((m) => m.start <= start && m.end >= end))
      .map(([key]) => key);
    const relations = review.relations
      .filter((r) => r.span.start <= start && r.span.end >= end)
      .map((r) => r.id);
    out.push({ start, end, entities, relations });
  }
  return out;
}

export function textView(review: Review): HTMLElement {
  const accepted = new Set(review.relations.filter((x) => x.accepted).map((x) => x.id));
  return h(
    "div",
    {
      id: "article-view",
      class: "text",
      "aria-label": "The article, with what the draft found: select words to add what it missed",
    },
    segments(review).map((s) => {
      const piece = review.text.slice(s.start, s.end);
      const ent = s.entities.map((k) => review.entities.get(k)).filter((x) => x !== undefined);
      const classes = [
        ent.length > 0 ? (ent.some((e) => e.accepted) ? "ent" : "ent rejected") : "",
        s.relations.length > 0
          ? s.relations.some((i) => accepted.has(i))
            ? "rel"
            : "rel rejected"
          : "",
      ].join(" ");
      return h(
        ent.length > 0 ? "mark" : "span",
        {
          class: classes.trim() || null,
          "data-start": s.start,
          "data-entities": s.entities.join(" ") || null,
          "data-relations": s.relations.join(" ") || null,
          title:
            ent.length > 0
              ? ent.map((e) => `${e.entity.name} (${e.entity.kind})`).join(", ")
              : null,
        },
        piece,
      );
    }),
  );
}

/** The offset in the text of a point of the DOM inside `view` (a selection's end), or null. */
function offsetOf(view: HTMLElement, node: Node, offset: number): number | null {
  const el = node instanceof HTMLElement ? node : node.parentElement;
  const piece = el?.closest<HTMLElement>("[data-start]");
  if (!piece || !view.contains(piece)) return null;
  const start = Number(piece.dataset.start);
  // A point in a text node counts characters; a point in an element counts its children.
  if (node.nodeType === Node.TEXT_NODE) return start + offset;
  return offset === 0 ? start : start + (piece.textContent?.length ?? 0);
}

/** The stretch of the text the reader selected in `view` (empty for a click), or null. */
export function selectionIn(view: HTMLElement): TextSpan | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(view, range.startContainer, range.startOffset);
  const end = offsetOf(view, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

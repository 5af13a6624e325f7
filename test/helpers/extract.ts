/** Drafts of sentences written for the extractor's unit tests, as the tests compare them. */
import { extractDraft } from "../../src/extract/index.js";

/** The draft of `text`, published on `publishedAt` (relative dates resolve against it). */
export async function draft(text: string, publishedAt = "2024-06-14") {
  return extractDraft({ text, source: { publishedAt } });
}

/** The draft's relations but MENTIONS, as "from TYPE to" with " (inferred)" where implied. */
export async function facts(text: string, publishedAt?: string) {
  const r = await draft(text, publishedAt);
  return r.document.relations
    .filter((x) => x.type !== "MENTIONS")
    .map((x) => `${x.from} ${x.type} ${x.to}${x.inferred ? " (inferred)" : ""}`);
}

/** The draft's entities as "Kind key". */
export async function entities(text: string, publishedAt?: string) {
  const r = await draft(text, publishedAt);
  return r.entities.map((e) => `${e.kind} ${e.key}`);
}

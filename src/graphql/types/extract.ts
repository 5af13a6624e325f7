/**
 * extractDocument: an article's text in, a draft document out (src/extract), for review before
 * ingestDocument. Needs the write scope like ingestDocument (it reads the graph to link names and
 * is the first step of a write), writes nothing.
 */
import { graphLinker } from "../../data/extract-linker.js";
import { DOCUMENT_LIMITS } from "../../domain/document.js";
import { BadInputError, type InputProblem, LimitExceededError } from "../../domain/errors.js";
import { KEY_MAX_LENGTH } from "../../domain/vocabulary.js";
import {
  articleTextProblem,
  EXTRACT_TEXT_LIMIT,
  SOURCE_LIMITS,
  type SourceField,
  sourceFieldProblem,
} from "../../extract/article-text.js";
import type { DraftEntity, DraftRelation, ExtractResult, TextSpan } from "../../extract/types.js";
import { draftToYaml } from "../../extract/yaml.js";
import { builder } from "../builder.js";
import { keyProblems } from "../keys.js";
import { EntityKindEnum, RelationTypeEnum } from "./enums.js";

/**
 * What every offset of a draft is, said once and on each field that carries one: UTF-16 code
 * units, as JavaScript indexes strings; a client counting code points (Python's str) would land
 * past the mention after every emoji (noticed31).
 */
const UTF16_OFFSETS =
  "UTF-16 code unit offsets into the draft's text (document.source.properties.text, the text as sent, repaired as ingest stores it: line ends \\n, accents composed, quotation marks damaged in transit mended, ends trimmed), end exclusive: text.slice(start, end) in JavaScript; a character beyond the Basic Multilingual Plane (an emoji) counts 2, so a client that counts code points (Python's str) converts.";

/** What each field carrying offsets says of them, pointing at the whole story on TextSpan. */
const OFFSETS_SHORT =
  "UTF-16 code unit offsets into document.source.properties.text, as JavaScript's text.slice(start, end) takes them (an emoji counts 2; see TextSpan).";

const TextSpanRef = builder.objectRef<TextSpan>("TextSpan").implement({
  description: `A stretch of the source text: ${UTF16_OFFSETS}`,
  fields: (t) => ({
    start: t.exposeInt("start", {
      description: "UTF-16 code unit offset of the first character (see TextSpan).",
    }),
    end: t.exposeInt("end", {
      description: "UTF-16 code unit offset just past the last character (see TextSpan).",
    }),
  }),
});

const DraftEntityStatusEnum = builder.enumType("DraftEntityStatus", {
  description:
    "LINKED: the graph (or the linker) already has this entity, under this key; NEW: proposed.",
  values: ["NEW", "LINKED"] as const,
});

const DraftEntityRef = builder.objectRef<DraftEntity>("DraftEntity").implement({
  description: "An entity the draft names: LINKED to one the graph has, or NEW.",
  fields: (t) => ({
    key: t.exposeString("key"),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    name: t.exposeString("name"),
    status: t.field({ type: DraftEntityStatusEnum, resolve: (e) => e.status }),
    mentions: t.field({
      type: [TextSpanRef],
      description: `Where the text names it, in order: ${OFFSETS_SHORT}`,
      resolve: (e) => e.mentions,
    }),
  }),
});

const DraftRelationRef = builder.objectRef<DraftRelation>("DraftRelation").implement({
  description: "A relation of the draft, with the sentence that states it.",
  fields: (t) => ({
    index: t.exposeInt("index", { description: "Its place in document.relations." }),
    type: t.field({ type: RelationTypeEnum, resolve: (r) => r.type }),
    from: t.exposeString("from"),
    to: t.exposeString("to"),
    excerpt: t.exposeString("excerpt", { description: "The evidence, verbatim." }),
    span: t.field({
      type: TextSpanRef,
      description: `Where the excerpt stands in the text: ${OFFSETS_SHORT}`,
      resolve: (r) => r.span,
    }),
    confidence: t.exposeFloat("confidence", {
      description:
        "0 to 1: the chance a reviewer accepts the relation, calibrated on the extractor's tuning articles (lower on articles like none of them).",
    }),
    inferred: t.exposeBoolean("inferred"),
  }),
});

const ExtractDraftRef = builder.objectRef<ExtractResult>("ExtractDraft").implement({
  description: "A draft document for review; nothing has been written.",
  fields: (t) => ({
    yaml: t.string({ resolve: (r) => draftToYaml(r) }),
    document: t.field({
      type: "JSONObject",
      description: "The draft in the document format, ready for ingestDocument once reviewed.",
      resolve: (r) => r.document as unknown as Record<string, unknown>,
    }),
    entities: t.field({ type: [DraftEntityRef], resolve: (r) => r.entities }),
    relations: t.field({ type: [DraftRelationRef], resolve: (r) => r.relations }),
    sentences: t.field({
      type: [TextSpanRef],
      description: `The text's sentences as the extractor cut them, in order: the evidence units its relations quote (a quotation kept with its attribution, never across a line break). A reviewer choosing a relation's evidence picks among these. ${OFFSETS_SHORT}`,
      resolve: (r) => r.sentences,
    }),
    problems: t.stringList({ resolve: (r) => r.problems }),
  }),
});

const ExtractSourceInput = builder.inputType("ExtractSourceInput", {
  description:
    "The article's metadata. A field too long for a document (see each), or a key that is not a key, is refused with BAD_USER_INPUT, as keys are everywhere; a short malformed date (not ISO) is reported in the draft's problems.",
  fields: (t) => ({
    key: t.string({
      description: `The source's key (a lowercase slug such as nato-2026-article, at most ${KEY_MAX_LENGTH} characters; anything else is BAD_USER_INPUT); proposed from the metadata when left out.`,
    }),
    title: t.string({ description: `At most ${DOCUMENT_LIMITS.name} characters.` }),
    publisher: t.string({ description: `At most ${DOCUMENT_LIMITS.name} characters.` }),
    publishedAt: t.string({
      description: "ISO date (YYYY, YYYY-MM or YYYY-MM-DD): relative dates resolve against it.",
    }),
    url: t.string({ description: `An http(s) URL, at most ${DOCUMENT_LIMITS.url} characters.` }),
  }),
});

/**
 * Every field of the metadata that no document could carry: too long, not valid Unicode, or a
 * key that is not a key (keys mean the same in every argument: the client typed it, no article
 * can mend it, and no draft under it could be ingested). A malformed but short date still
 * drafts, and the draft's problems say what to correct.
 */
function sourceProblems(source: Partial<Record<SourceField, string | null>>) {
  const problems: InputProblem[] = [];
  for (const field of Object.keys(SOURCE_LIMITS) as SourceField[]) {
    const value = source[field];
    if (typeof value !== "string") continue;
    const problem = sourceFieldProblem(field, value);
    if (problem) problems.push({ path: ["source", field], message: problem });
    else if (field === "key") problems.push(...keyProblems([[value, ["source", "key"]]]));
  }
  return problems;
}

builder.mutationField("extractDocument", (t) =>
  t.field({
    type: ExtractDraftRef,
    authScopes: { write: true },
    description: `Extracts a draft document from an article's text: entities linked to the graph's where they exist, relations with their sentences and confidences. Writes nothing; review the draft, then ingestDocument. Text over ${EXTRACT_TEXT_LIMIT.toLocaleString("en")} characters is refused (LIMIT_EXCEEDED).`,
    args: {
      text: t.arg.string({ required: true }),
      source: t.arg({ type: ExtractSourceInput }),
    },
    resolve: async (_, { text, source }, ctx) => {
      const refused = articleTextProblem(text);
      if (refused?.code === "LIMIT")
        throw new LimitExceededError(refused.message, {
          limit: refused.limit,
          length: refused.length,
        });
      if (refused) throw new BadInputError(refused.message);
      const s = source ?? {};
      const problems = sourceProblems(s);
      if (problems.length > 0)
        throw new BadInputError(
          "The source's metadata is invalid; nothing was extracted.",
          problems,
        );
      return ctx.extractor.extract(
        {
          text,
          source: {
            ...(s.key ? { key: s.key } : {}),
            ...(s.title ? { title: s.title } : {}),
            ...(s.publisher ? { publisher: s.publisher } : {}),
            ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}),
            ...(s.url ? { url: s.url } : {}),
          },
        },
        graphLinker(ctx.db, ctx.stats),
        ctx.signal,
      );
    },
  }),
);

/**
 * The document format: one source, the entities it names and the relations it states, each
 * relation with the sentence that states it. The seed, the ingest CLI and the ingest mutation
 * all read this format; `npm run schema` prints its JSON Schema to `schema/document.schema.json`.
 */
import { z } from "zod";
import { endsBeforeItStarts, PARTIAL_DATE } from "./dates.js";
import type { InputProblem } from "./errors.js";
import { foldTyped } from "./fold.js";
import { unionAliases } from "./merge.js";
import {
  KEY_MAX_LENGTH,
  KEY_PATTERN,
  KIND_NAMES,
  KINDS,
  type Kind,
  type PropertyType,
  RELATION_TYPE_NAMES,
  type RelationType,
  relationProperties,
} from "./vocabulary.js";

/**
 * Whether `s` is a date at year, month or day precision that the calendar has: the pattern, and
 * a day that its month has ("2023-02-29" and "2024-04-31" are not dates; "2024-02-29" is).
 */
export function isPartialDate(s: string): boolean {
  if (!PARTIAL_DATE.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  if (d === undefined) return true;
  // setUTCFullYear takes years 0-99 as they are (Date.UTC would read them as 1900-1999).
  const day = new Date(0);
  day.setUTCFullYear(y as number, (m as number) - 1, d);
  return day.getUTCMonth() === (m as number) - 1 && day.getUTCDate() === d;
}

/**
 * Whether a range of two partial dates is empty: `from` begins after `to` ends ("2022-03-31" to
 * "2022-03-01", "2023" to "2022-12"). "2022-03" to "2022-03-15" overlap, so are not. As strings,
 * a partial date sorts before its completions and `to + "~"` after them.
 */
export function startsAfterEnd(from: string, to: string): boolean {
  return from > `${to}~`;
}

/**
 * Text Neo4j stores exactly: a lone UTF-16 surrogate would come back as U+FFFD, so it is refused
 * rather than silently changed.
 */
export const wellFormed = (schema: z.ZodString) =>
  schema.refine((s) => s.isWellFormed(), "must be valid Unicode text (no lone surrogates)");

/**
 * Characters that show nothing and mean nothing in a name: zero-width space, word joiner, byte
 * order mark, soft hyphen. (Zero-width joiner and non-joiner stay: some scripts and emoji need them.)
 */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;

/**
 * Text as a user reads and types it: composed (NFC, so "é" typed as one character and as "e" plus
 * an accent are the same) and without invisible characters. Full-width letters and other
 * compatibility forms are kept (NFKC would change what a source wrote).
 */
export const normalizeText = (s: string): string => s.normalize("NFC").replace(INVISIBLE, "");

/** A name or alias as stored: normalizeText, each run of spaces (any Unicode space) one space, trimmed. */
export const normalizeName = (s: string): string => normalizeText(s).replace(/\s+/gu, " ").trim();

/**
 * Free text (a description, a title, a quote, an evidence excerpt, a role) is stored as written:
 * joiners, direction marks and zero-width spaces inside it are legitimate in some scripts. But
 * text of nothing else (and spaces) shows as blank, as a name of them would, and is refused with
 * the name's message; the empty description, which says there is none, stays allowed.
 */
/** Whether a text holds a character that shows (not only spaces, joiners, direction, combining or control characters). */
export const hasVisibleCharacter = (s: string): boolean => /[^\p{Z}\p{Cf}\p{M}\p{Cc}]/u.test(s);

/**
 * `text`'s length in characters (code points), as the README and a person count them: an emoji
 * or a CJK extension character is one, where `text.length` counts two UTF-16 units. A lone
 * surrogate counts as one.
 */
export function characterCount(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs += 1;
        i += 1;
      }
    }
  }
  return text.length - pairs;
}

export const visibleText = (schema: z.ZodString) =>
  schema.refine(
    (s) => s === "" || hasVisibleCharacter(s),
    "must contain a visible character, not only spaces, joiners, direction marks or combining marks",
  );

/**
 * What a user typed to find names by, as filters compare it with a stored name's fold (nameLower):
 * normalised as names are stored (normalizeText), then folded (foldTyped): invisible characters
 * out, each run of spaces one space; a whole name (`equals`, `in`) trimmed, the start of a name
 * with no space before it, a part with its spaces. A space at the end of a start or around a part
 * is kept: "Justin " is a whole word.
 */
export const foldNameQuery = (s: string, as: "whole" | "start" | "part"): string =>
  foldTyped(normalizeText(s), as);

export { endsBeforeItStarts, PARTIAL_DATE };

const DATE_MESSAGE = "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a day its month has";

/** What a GraphQL Int holds (32 bits, signed): every integer property is read as one. */
export const GRAPHQL_INT_MIN = -(2 ** 31);
export const GRAPHQL_INT_MAX = 2 ** 31 - 1;

/** Limits that keep one document bounded; the CLI splits larger loads into several documents. */
export const DOCUMENT_LIMITS = {
  entities: 50_000,
  relations: 200_000,
  text: 1_000_000,
  /** Short properties are indexed, and an index entry holds about 8 kB. */
  shortText: 1_000,
  url: 2_000,
  name: 500,
  excerpt: 5_000,
  aliases: 50,
  /**
   * Aliases one entity holds in all: a document adds its own to those stored (a union), so
   * without a bound a writer could grow one entity's list until every later ingest naming it read
   * past MAX_READ_BYTES and was refused (redteam31: 3,900 aliases of 500 characters).
   */
  storedAliases: 100,
  /**
   * Statements of one relation (from, type, to) in a document: ingest writes a relation stated
   * again in rounds, one statement per round (data/ingest.ts), so 3,000 restatements were 3,000
   * round trips.
   */
  restatements: 20,
} as const;

/**
 * A date given as a number is refused with a message saying how to write it: in YAML a bare year
 * (`since: 2022`) is a number, which "expected string, received number" left a user to puzzle out.
 */
const dateAsText = (issue: { code: string; input?: unknown }) =>
  issue.code === "invalid_type" && typeof issue.input === "number"
    ? `must be an ISO date written as text: "${issue.input}" in quotes (in YAML a bare ${issue.input} is a number)`
    : undefined;

/**
 * A number as a user reads it: -0 is 0. JSON and GraphQL both carry a -0 (a rounded -0.004, say),
 * which Neo4j keeps apart from 0 (neither equal to it nor `>=` it) while every answer shows it as
 * 0: a pledge written with -0 was shown as 0 and left out by `value: { equals: 0 }` and
 * `{ gte: 0 }` (redteam23). Every write's values and every filter's bounds go through this.
 */
export const withoutNegativeZero = (n: number): number => (n === 0 ? 0 : n);

function propertySchema(spec: PropertyType): z.ZodType {
  const described = <T extends z.ZodType>(s: T) => s.describe(spec.description);
  switch (spec.type) {
    case "string":
      return described(
        wellFormed(
          spec.pattern
            ? z.string().regex(new RegExp(spec.pattern), `must match ${spec.pattern}`)
            : visibleText(
                z
                  .string()
                  .min(1)
                  .max(spec.long ? DOCUMENT_LIMITS.text : DOCUMENT_LIMITS.shortText),
              ),
        ),
      );
    case "number":
      return described(z.number().finite().overwrite(withoutNegativeZero));
    case "integer": {
      // One problem, one message: .int() and .max() each reported a number past 2^53 (zod's int
      // has a bound of its own), and a GraphQL Int, which every integer property is read as,
      // holds 32 bits: 2^31 troops were stored and then could not be read (edges26).
      const min = spec.min ?? GRAPHQL_INT_MIN;
      const range = `must be a whole number from ${min} to ${GRAPHQL_INT_MAX} (a GraphQL Int)`;
      const inRange = (n: number) => n >= min && n <= GRAPHQL_INT_MAX;
      return z
        .number()
        .int({
          error: (issue) => (Number.isInteger(issue.input) ? range : "must be a whole number"),
        })
        .refine((n) => !Number.isSafeInteger(n) || inRange(n), range)
        .overwrite(withoutNegativeZero)
        .meta({ description: spec.description, minimum: min, maximum: GRAPHQL_INT_MAX });
    }
    case "boolean":
      return described(z.boolean());
    case "partialDate":
      // One message whichever way a date is wrong: the pattern and the calendar were two checks,
      // so "2024-13-45" got both.
      return described(
        z
          .string({ error: dateAsText })
          .regex(PARTIAL_DATE, DATE_MESSAGE)
          // The calendar's days, once the pattern holds (a date that fails both is one problem).
          .refine((s) => !PARTIAL_DATE.test(s) || isPartialDate(s), DATE_MESSAGE),
      );
    case "url":
      // Checked, never normalised: what is accepted is stored as sent.
      return described(
        wellFormed(
          z
            .string()
            .max(DOCUMENT_LIMITS.url)
            .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/, "must be an http(s) URL without spaces"),
        ),
      );
    case "enum":
      return described(z.enum(spec.values as [string, ...string[]]));
  }
}

function propertiesSchema(spec: Readonly<Record<string, PropertyType>>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, type] of Object.entries(spec)) shape[name] = propertySchema(type).optional();
  return z.strictObject(shape);
}

/** An entity key: a readable slug such as `justin-trudeau`. */
export const keySchema = z
  .string()
  .max(KEY_MAX_LENGTH, `must be at most ${KEY_MAX_LENGTH} characters`)
  .regex(KEY_PATTERN, "must be a lowercase slug such as justin-trudeau");

/**
 * Names and aliases are stored as normalizeName gives them, so that what looks the same is the
 * same. Control characters (NUL, escape, ...) that are not spaces have no place in a name, are
 * invisible or worse in every client, and are refused rather than dropped.
 */
const nameSchema = wellFormed(
  z
    .string()
    .overwrite(normalizeName)
    .min(1, "must not be empty")
    .max(DOCUMENT_LIMITS.name)
    .refine((s) => !/\p{Cc}/u.test(s), "must not contain control characters (such as NUL)")
    // normalizeName drops the invisible characters a name may carry by accident, not joiners and
    // direction marks (they shape real names); a name of nothing else shows as nothing.
    .refine(
      (s) => s === "" || /[^\p{Z}\p{Cf}\p{M}]/u.test(s),
      "must contain a visible character, not only joiners, direction marks or combining marks",
    ),
);

/**
 * Aliases, each a name; those that read the same but for case are one (the first given), as
 * when documents' aliases are merged: "AL", "AL " and "al" given together were stored thrice.
 */
const aliasesSchema = z
  .array(nameSchema)
  .max(DOCUMENT_LIMITS.aliases)
  .overwrite((aliases) => unionAliases([], aliases))
  .default([]);

function entitySchemaFor(kind: Kind) {
  return z.strictObject({
    key: keySchema,
    kind: z.literal(kind),
    name: nameSchema,
    aliases: aliasesSchema,
    description: wellFormed(visibleText(z.string().max(DOCUMENT_LIMITS.text))).optional(),
    properties: orderedEntityPropertiesSchema(kind).default({}),
  });
}

/**
 * A kind's properties, and for a kind with a start and an end (a Mission) the end not before the
 * start: a mission that began in 2024-05 and ended in 2024-04 was stored as given, by createEntity,
 * updateEntity (the end alone, against the stored start) and ingest alike (redteam24). Compared
 * as relations' since and until are (endsBeforeItStarts): overlapping partial dates are in order.
 */
function orderedEntityPropertiesSchema(kind: Kind) {
  const schema = propertiesSchema(KINDS[kind].properties);
  if (!("startDate" in KINDS[kind].properties && "endDate" in KINDS[kind].properties))
    return schema;
  return schema.refine((p) => !endsBeforeItStarts(p.startDate, p.endDate), {
    path: ["endDate"],
    message: "must not be before startDate: it would end before it began",
  });
}

/** One entity of any kind; `properties` are checked against the kind's own. */
export const entitySchema = z.discriminatedUnion(
  "kind",
  KIND_NAMES.map(entitySchemaFor) as unknown as [
    ReturnType<typeof entitySchemaFor>,
    ...ReturnType<typeof entitySchemaFor>[],
  ],
);

/**
 * A relation's properties, and `since` not after `until`: such a relation would hold on no date
 * at all (every asOf leaves it out) while its timeline showed it ending before it began.
 */
const orderedPropertiesSchema = (type: RelationType) =>
  propertiesSchema(relationProperties(type)).refine((p) => !endsBeforeItStarts(p.since, p.until), {
    path: ["until"],
    message: "must not be before since: the relation would hold on no date",
  });

function relationSchemaFor(type: RelationType) {
  return z
    .strictObject({
      from: keySchema,
      type: z.literal(type),
      to: keySchema,
      properties: orderedPropertiesSchema(type).default({}),
      inferred: z
        .boolean()
        .default(false)
        .describe("True where the source implies the relation rather than states it."),
      evidence: wellFormed(
        visibleText(
          z
            .string()
            .min(1, "must quote the sentence that states the relation")
            .max(DOCUMENT_LIMITS.excerpt),
        ),
      ).describe("The sentence of the source that states (or implies) the relation, verbatim."),
    })
    .refine((r) => r.from !== r.to, {
      // No type of the vocabulary relates a thing to itself (a nation invading itself, a place
      // part of itself): such a statement is a slip of the pen or of the extractor.
      path: ["to"],
      message: "must not be the entity it starts from: a relation joins two entities",
    });
}

/** One relation; endpoints must be kinds the relationship type allows (checked below). */
export const relationSchema = z.discriminatedUnion(
  "type",
  RELATION_TYPE_NAMES.map(relationSchemaFor) as unknown as [
    ReturnType<typeof relationSchemaFor>,
    ...ReturnType<typeof relationSchemaFor>[],
  ],
);

export const sourceSchema = z.strictObject({
  key: keySchema,
  name: nameSchema,
  aliases: aliasesSchema,
  description: wellFormed(visibleText(z.string().max(DOCUMENT_LIMITS.text))).optional(),
  properties: propertiesSchema(KINDS.Source.properties).default({}),
});

/** The document, structurally. Cross-references are checked by `validateDocument`. */
export const documentSchema = z
  .strictObject({
    source: sourceSchema.describe("The source every relation's evidence is quoted from."),
    entities: z.array(entitySchema).max(DOCUMENT_LIMITS.entities).default([]),
    relations: z.array(relationSchema).max(DOCUMENT_LIMITS.relations).default([]),
  })
  .describe("One source article: the entities it names and the relations it states.");

export type Document = z.infer<typeof documentSchema>;
export type DocumentEntity = z.infer<typeof entitySchema>;
export type DocumentRelation = z.infer<typeof relationSchema>;

/** A problem found in a document, with its path (e.g. `relations.3.to`). */
export interface DocumentProblem {
  path: (string | number)[];
  message: string;
  /** A free key for the document as a new version of the stored source `supersedes`. */
  newVersion?: { key: string; supersedes: string };
}

/**
 * The problem of a document that would give the stored entity `key` (its source, or one of its
 * entities) more aliases than an entity holds (DOCUMENT_LIMITS.storedAliases), adding `added`
 * to the `stored` it has; none when it adds none (an entity stored with more before the bound
 * keeps them, and documents that add nothing still name it).
 */
export function tooManyAliases(
  doc: Pick<Document, "source" | "entities">,
  key: string,
  stored: number,
  added: number,
): InputProblem[] {
  if (added === 0 || stored + added <= DOCUMENT_LIMITS.storedAliases) return [];
  const i = doc.entities.findIndex((e) => e.key === key);
  if (i < 0 && doc.source.key !== key) return [];
  return [
    {
      path: i < 0 ? ["source", "aliases"] : ["entities", i, "aliases"],
      message: `would give "${key}" ${stored + added} aliases (it has ${stored}, this adds ${added}); an entity holds at most ${DOCUMENT_LIMITS.storedAliases}: give fewer, or replace its list with updateEntity`,
    },
  ];
}

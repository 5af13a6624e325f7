import { z } from "zod";
import {
  DOCUMENT_LIMITS,
  type Document,
  type DocumentProblem,
  documentSchema,
  endsBeforeItStarts,
  entitySchema,
  keySchema,
  relationSchema,
  sourceSchema,
} from "./document.js";
import { capProblems, MAX_PROBLEMS } from "./errors.js";
import { repairText } from "./repair.js";
import { isAllowedEndpoint, isKind, type Kind, RELATION_TYPES } from "./vocabulary.js";

/** The outcome of checking a document: the repaired document, or every problem found. */
export type ValidationResult =
  | { ok: true; document: Document; externalKeys: string[] }
  | { ok: false; problems: DocumentProblem[] };

function repairDocument(doc: Document): Document {
  const text = doc.source.properties.text;
  const repaired = typeof text === "string" ? repairText(text) : undefined;
  // An excerpt is repaired as its text was: one damaged sequence alone is left as written, so
  // an excerpt quoting one of the text's two ("itâ€™s said" of a text with "GroÃŸstadt" too) was
  // refused as not verbatim, though copied from the text sent (redteam18).
  const excerpt = (e: string) => {
    const once = repairText(e);
    if (repaired === undefined || repaired.includes(once)) return once;
    const always = repairText(e, "always");
    return repaired.includes(always) ? always : once;
  };
  const quoteText = (e: Document["entities"][number]) => e.properties.text;
  return {
    source: {
      ...doc.source,
      properties: {
        ...doc.source.properties,
        ...(repaired !== undefined ? { text: repaired } : {}),
      },
    },
    entities: doc.entities.map((e) =>
      e.kind === "Quote" && typeof quoteText(e) === "string"
        ? { ...e, properties: { ...e.properties, text: repairText(String(quoteText(e))) } }
        : e,
    ),
    relations: doc.relations.map((r) => ({ ...r, evidence: excerpt(r.evidence) })),
  };
}

/** A document that passed the structural (zod) check, not yet checked for cross-references. */
export type ParseResult =
  | { ok: true; document: Document }
  | { ok: false; problems: DocumentProblem[] };

/** Keys an "unrecognized keys" problem names at most; the rest are counted. */
const KEYS_SHOWN = 10;

/**
 * A zod issue's message, bounded: an object with 2,000 unknown keys was answered with every one
 * of them (821 kB for an 830 kB request); the first few, each cut to 60 characters, and a count
 * tell the client as much.
 */
export function issueMessage(issue: {
  code?: string;
  message: string;
  keys?: unknown;
  expected?: unknown;
  origin?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: unknown;
}): string {
  // zod's "Invalid input: expected string, received undefined" for a field left out.
  if (issue.code === "invalid_type" && / received undefined$/.test(issue.message))
    return `Required: ${String(issue.expected ?? "a value")} expected, none given.`;
  // zod's "Too big: expected string to have <=120 characters" (a bound without a message of
  // ours), in the words of every other problem: "must be at most 120 characters".
  if (
    (issue.code === "too_big" || issue.code === "too_small") &&
    /^Too (big|small):/.test(issue.message)
  ) {
    const big = issue.code === "too_big";
    const bound = String(big ? issue.maximum : issue.minimum);
    const unit =
      issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : "";
    const inclusive = issue.inclusive !== false;
    const bounded = big
      ? inclusive
        ? "at most"
        : "less than"
      : inclusive
        ? "at least"
        : "more than";
    return `must be ${bounded} ${bound}${unit}`;
  }
  if (issue.code !== "unrecognized_keys" || !Array.isArray(issue.keys)) return issue.message;
  const keys = issue.keys.map(String);
  if (keys.length <= KEYS_SHOWN && keys.every((k) => k.length <= 60)) return issue.message;
  const shown = keys
    .slice(0, KEYS_SHOWN)
    .map((k) => JSON.stringify(k.length > 60 ? `${k.slice(0, 59)}…` : k));
  const more = keys.length - KEYS_SHOWN;
  return `Unrecognized keys: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** What an entity sharing the source's key is told (its key names two things). */
const sharesSourceKey = (key: string) =>
  `duplicate key "${key}": the source has it too; give the source a key of its own (such as ${key}-source)`;

/**
 * Entities whose key is the source's, found before the structural check is passed: a relation
 * from the source to such an entity was reported only as "must not be the entity it starts
 * from", which does not say what to change.
 */
function sourceKeyClashes(input: unknown): DocumentProblem[] {
  const doc = input as { source?: { key?: unknown }; entities?: unknown };
  const key = doc?.source?.key;
  if (typeof key !== "string" || !Array.isArray(doc.entities)) return [];
  return doc.entities.flatMap((e: { key?: unknown } | null, i) =>
    e?.key === key ? [{ path: ["entities", i, "key"], message: sharesSourceKey(key) }] : [],
  );
}

const zodProblem =
  (prefix: (string | number)[]) =>
  (i: { path: PropertyKey[]; code?: string; message: string }): DocumentProblem => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    message: issueMessage(i),
  });

type Parts = { entities: Document["entities"]; relations: Document["relations"] };

/**
 * The entities and relations, each checked alone, stopping once more than MAX_PROBLEMS are found
 * (a whole document's check finds every one before it returns); and any list longer than its
 * limit. `parts` holds what passed, in order.
 */
function checkParts(doc: Record<string, unknown>): { parts: Parts; problems: DocumentProblem[] } {
  const parts: Parts = { entities: [], relations: [] };
  const problems: DocumentProblem[] = [];
  for (const [field, schema, max] of [
    ["entities", entitySchema, DOCUMENT_LIMITS.entities],
    ["relations", relationSchema, DOCUMENT_LIMITS.relations],
  ] as const) {
    const items = doc[field];
    if (!Array.isArray(items)) continue;
    const length = z.array(z.unknown()).max(max).safeParse(items);
    if (!length.success) problems.push(...length.error.issues.map(zodProblem([field])));
    const into = parts[field] as unknown[];
    for (let i = 0; i < items.length && problems.length <= MAX_PROBLEMS; i++) {
      const parsed = schema.safeParse(items[i]);
      if (parsed.success) into.push(parsed.data);
      else problems.push(...parsed.error.issues.map(zodProblem([field, i])));
    }
  }
  return { parts, problems };
}

/**
 * The structural check alone: shape and property types (zod, from the vocabulary). Entities and
 * relations are checked one at a time, so that the check stops after MAX_PROBLEMS of them.
 */
export function parseDocument(input: unknown): ParseResult {
  const raw = input as Record<string, unknown> | null;
  const lists = (field: string) => raw?.[field] === undefined || Array.isArray(raw[field]);
  if (
    typeof raw !== "object" ||
    raw === null ||
    Array.isArray(raw) ||
    !lists("entities") ||
    !lists("relations")
  ) {
    const parsed = documentSchema.safeParse(input);
    if (parsed.success) return { ok: true, document: parsed.data };
    return {
      ok: false,
      problems: capProblems([
        ...sourceKeyClashes(input),
        ...parsed.error.issues.map(zodProblem([])),
      ]),
    };
  }
  const { parts, problems } = checkParts(raw);
  // The rest of the document (its source, no unknown fields) with the lists checked above.
  const shell = documentSchema.safeParse({ ...raw, entities: [], relations: [] });
  if (shell.success && problems.length === 0)
    return { ok: true, document: { ...shell.data, ...parts } };
  const all = [
    ...sourceKeyClashes(input),
    ...(shell.success ? [] : shell.error.issues.map(zodProblem([]))),
    ...problems,
  ];
  return { ok: false, problems: capProblems(all, problems.length > MAX_PROBLEMS ? 0 : undefined) };
}

/**
 * Checks a document completely and reports every problem with its path, not just the first:
 * the shape and property types (zod, from the vocabulary), unique keys, relation endpoints of
 * kinds the type allows, and evidence that is a verbatim excerpt of the source text.
 * Endpoints not defined in the document are returned as `externalKeys`; `kindsOf` supplies
 * their kinds when known (e.g. looked up in the graph), and an unknown one is a problem.
 */
export function validateDocument(
  input: unknown,
  kindsOf: ReadonlyMap<string, Kind> = new Map(),
): ValidationResult {
  const parsed = parseDocument(input);
  return parsed.ok ? checkDocument(parsed.document, kindsOf) : parsed;
}

/**
 * Characters of source text that checking a document's excerpts may search: an excerpt that is
 * a whole sentence or line of the text is found at once, any other one searches the text. 3,000
 * excerpts of 20 characters against a 690 kB text searched 2 billion characters, 1.8 s with the
 * event loop blocked (every other request, /health included, waited). This is about 0.1 s, and
 * 2,000 such excerpts of a 50 kB article.
 */
export const EXCERPT_SCAN_BUDGET = 100_000_000;

/** `validateDocument` after the structural check: `parsed` comes from `parseDocument`. */
export function checkDocument(
  parsed: Document,
  kindsOf: ReadonlyMap<string, Kind> = new Map(),
): ValidationResult {
  const doc = repairDocument(parsed);
  const problems: DocumentProblem[] = [];
  const kinds = new Map<string, Kind>([[doc.source.key, "Source"]]);
  doc.entities.forEach((e, i) => {
    if (kinds.has(e.key)) {
      const message =
        e.key === doc.source.key ? sharesSourceKey(e.key) : `duplicate key "${e.key}"`;
      problems.push({ path: ["entities", i, "key"], message });
    }
    kinds.set(e.key, e.kind);
  });

  const external = new Set<string>();
  const text = doc.source.properties.text;
  // Most evidence is a whole line or sentence of the text: check those in O(1) before scanning.
  const pieces =
    typeof text === "string"
      ? new Set(text.split(/\n|(?<=[.!?…”])\s+/).map((s) => s.trim()))
      : new Set<string>();
  let scanned = 0;
  let overBudget = false;
  const statements = new Map<string, number>();
  const sameSentence = new Map<string, { at: number; shape: string }>();
  const spans = new Map<
    string,
    Partial<Record<"since" | "until", { value: string; at: number }>>
  >();
  doc.relations.forEach((r, i) => {
    const id = `${r.from}|${r.type}|${r.to}`;
    const times = (statements.get(id) ?? 0) + 1;
    statements.set(id, times);
    if (times === DOCUMENT_LIMITS.restatements + 1) {
      problems.push({
        path: ["relations", i],
        message: `states ${id} more than ${DOCUMENT_LIMITS.restatements} times; state each relation at most ${DOCUMENT_LIMITS.restatements} times, with its strongest sentences`,
      });
    }
    // One sentence is one statement of a relation: a second statement citing the same sentence
    // with other properties would silently replace the first's (they are one claim).
    const said = `${id}|${r.evidence}`;
    const reading = sameSentence.get(said);
    const shape = statementShape(r.properties, r.inferred);
    if (!reading) sameSentence.set(said, { at: i, shape });
    else if (reading.shape !== shape) {
      problems.push({
        path: ["relations", i],
        message: `states ${id} with the same evidence as relations.${reading.at} but other properties or inferred flag: one sentence is one statement, so give it once, with all its properties`,
      });
    }
    // Statements of one relation merge field by field (the first value of each wins): one that
    // gives since and another until must still leave the relation holding on some date.
    const span = spans.get(id) ?? {};
    spans.set(id, span);
    for (const field of ["since", "until"] as const) {
      const value = r.properties[field];
      if (typeof value !== "string" || span[field]) continue;
      span[field] = { value, at: i };
      const other = span[field === "since" ? "until" : "since"];
      if (!other) continue;
      const [since, until] = field === "since" ? [value, other.value] : [other.value, value];
      if (endsBeforeItStarts(since, until)) {
        problems.push({
          path: ["relations", i, "properties", field],
          message: `contradicts relations.${other.at}, a statement of the same relation: since ${since} would be after until ${until}, so it would hold on no date`,
        });
      }
    }
    const endKinds: Partial<Record<"from" | "to", Kind>> = {};
    for (const end of ["from", "to"] as const) {
      const key = r[end];
      if (!kinds.has(key)) external.add(key);
      const kind = kinds.get(key) ?? kindsOf.get(key);
      if (kind) endKinds[end] = kind;
      else {
        problems.push({
          path: ["relations", i, end],
          message: `unknown entity "${key}": define it in entities or ingest it first`,
        });
      }
    }
    if (endKinds.from && endKinds.to && !isAllowedEndpoint(r.type, endKinds.from, endKinds.to)) {
      const spec = RELATION_TYPES[r.type];
      problems.push({
        path: ["relations", i, "type"],
        message: `${r.type} cannot link ${endKinds.from} -> ${endKinds.to}; it links ${spec.from.join(" | ")} -> ${spec.to.join(" | ")}`,
      });
    }
    if (typeof text === "string" && !pieces.has(r.evidence)) {
      // Any other excerpt is a search of the whole text, on the request's thread: bounded.
      scanned += text.length;
      if (scanned > EXCERPT_SCAN_BUDGET) {
        // First, so that it is among the problems listed when there are more than MAX_PROBLEMS.
        if (!overBudget)
          problems.unshift({
            path: ["relations", i, "evidence"],
            message: `this and the later excerpts were not checked: the document's excerpts that are not whole sentences or lines of its text need more than ${EXCERPT_SCAN_BUDGET} characters of text searched; quote whole sentences, or split the document`,
          });
        overBudget = true;
      } else if (!text.includes(r.evidence)) {
        problems.push({
          path: ["relations", i, "evidence"],
          message: "evidence must be a verbatim excerpt of the source text",
        });
      }
    }
  });

  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return { ok: true, document: doc, externalKeys: [...external] };
}

/** A statement's properties (in key order) and inferred flag, to compare two statements. */
function statementShape(properties: Record<string, unknown>, inferred: boolean): string {
  const keys = Object.keys(properties).sort();
  return JSON.stringify([inferred, keys.map((k) => [k, properties[k]])]);
}

const known = (v: unknown): v is string => typeof v === "string" && v !== "";
/**
 * Typographic quotes, apostrophes and dashes as their plain forms, one character for one (so a
 * position in the folded text is the same position in the text). One article is sent with curly
 * quotes by one CMS or copy and straight ones by another: compared as written, it was another
 * article, refused under its own key and, under another, stored and counted twice.
 */
const foldTypography = (t: string) =>
  t
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/gu, '"')
    .replace(/[\u2010-\u2015\u2212]/gu, "-");
/** A text as compared for identity: composed, typography folded, each run of spaces one space, trimmed. */
const textForIdentity = (t: string) => foldTypography(repairText(t)).replace(/\s+/gu, " ").trim();

/** Query parameters that track a reader, not name an article (utm_source, fbclid, ...). */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|at_\w+)$/i;

/**
 * A URL as compared for identity: one article's address as links and shares spell it differently
 * (http or https, "www." or not, the host's case, a trailing slash, a #fragment, tracking
 * parameters) is one address. Compared as written, the same article (the same text) under its
 * key was refused as "already the article at https://ex.com/a" for https://ex.com/a/ or
 * ?utm_source=..., and told to take another key: one article, two sources, its statements
 * counted twice as corroboration (redteam18).
 */
export function urlForIdentity(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return u.href;
  const params = [...u.searchParams].filter(([name]) => !TRACKING.test(name));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : "";
  const path = u.pathname.replace(/\/+$/, "") || "/";
  return `https://${u.host.replace(/^www\./, "")}${path}${query}`;
}

/**
 * Whether a stored source and a document's are one article: by their URLs when both are known;
 * else by their texts when both are known (the same words, whatever the spacing); else (nothing
 * to compare) taken as one. Without the texts, two articles with no URL under one key (two of
 * one publisher, year and title, or a key typed over another's) were one: the second replaced
 * the first one's text, and every sentence the first one's relations quote was no longer in it.
 */
export function sameArticle(
  stored: unknown,
  given: unknown,
  storedText?: unknown,
  givenText?: unknown,
): boolean {
  if (known(stored) && known(given)) return urlForIdentity(stored) === urlForIdentity(given);
  if (known(storedText) && known(givenText))
    return textForIdentity(storedText) === textForIdentity(givenText);
  return true;
}

/**
 * A document of a stored article (the same words as the stored text, `sameArticle`) whose text
 * differs only in spacing (no-break spaces, Windows line ends, a doubled space), in its quotes and
 * dashes (curly or straight) or in what repairText undoes, read against the stored text: its text is the stored one, and each excerpt
 * the stored text's own span of the same words. The document's text replaced the stored one, and
 * each sentence the article's relations quoted before was no longer verbatim in it, the same
 * sentence now held twice as evidence (once per spacing) (redteam18).
 */
export function onStoredText(doc: Document, storedText: unknown): Document {
  const given = doc.source.properties?.text;
  if (!known(storedText) || !known(given) || repairText(given) === storedText) return doc;
  if (textForIdentity(storedText) !== textForIdentity(given)) return doc;
  // The stored text with each run of white space one space, and where each of its characters
  // stands in the stored text: an excerpt is found in it by indexOf (no pattern to backtrack).
  let spaced = "";
  const at: number[] = [];
  for (const m of storedText.matchAll(/\s+|\S+/gu)) {
    const blank = /^\s/u.test(m[0]);
    const piece = blank ? " " : foldTypography(m[0]);
    for (let i = 0; i < piece.length; i++) at.push((m.index ?? 0) + (blank ? 0 : i));
    spaced += piece;
  }
  at.push(storedText.length);
  const align = (excerpt: string) => {
    const repaired = repairText(excerpt);
    if (storedText.includes(repaired)) return repaired;
    const wanted = foldTypography(repaired).replace(/\s+/gu, " ").trim();
    const found = wanted === "" ? -1 : spaced.indexOf(wanted);
    if (found < 0) return excerpt;
    const last = found + wanted.length - 1;
    return storedText.slice(at[found], (at[last] ?? storedText.length) + 1);
  };
  return {
    ...doc,
    source: { ...doc.source, properties: { ...doc.source.properties, text: storedText } },
    relations: doc.relations.map((r) => ({ ...r, evidence: align(r.evidence) })),
  };
}

/** The keys an article whose source key is taken may use instead: key-2 ... key-9. */
export function sourceKeyAlternatives(key: string): string[] {
  return Array.from({ length: 8 }, (_, i) => `${key}-${i + 2}`);
}

/** What is stored at a key, as far as choosing a source key goes. */
export interface StoredAtKey {
  kind: unknown;
  url?: unknown;
  /** A Source's text. */
  text?: unknown;
}

/**
 * The first of `alternatives` that is free or already this article's source (a Source with the
 * same URL, or none), with which of the two it is; undefined when every one is taken.
 */
export function ownSourceKey(
  alternatives: readonly string[],
  url: unknown,
  stored: ReadonlyMap<string, StoredAtKey>,
  text?: unknown,
): { key: string; stored: boolean } | undefined {
  for (const key of alternatives) {
    const at = stored.get(key);
    if (!at) return { key, stored: false };
    if (at.kind === "Source" && sameArticle(at.url, url, at.text, text))
      return { key, stored: true };
  }
  return undefined;
}

/**
 * A source key names one article. A document whose source key is already a source with another
 * URL is a second article under the first one's key (two articles of one publisher, year and
 * title get the same proposed key): written, it would move the first article's claims and
 * evidence to the second one's URL and text. Refused at the URL, with what to do: `instead` is
 * the key this article may take (free, or already its own: then it is in the graph under it).
 */
export function sourceUrlProblems(
  doc: Pick<Document, "source">,
  storedUrl: unknown,
  instead?: { key: string; stored: boolean },
  storedText?: unknown,
): DocumentProblem[] {
  const url = doc.source.properties?.url;
  const text = doc.source.properties?.text;
  if (sameArticle(storedUrl, url, storedText, text)) return [];
  const key = doc.source.key;
  const remedy = !instead
    ? "give this article a source key of its own"
    : instead.stored
      ? `this article is already in the graph as the source "${instead.key}": send it under that key`
      : `give this article a source key of its own (such as ${instead.key}, which is free)`;
  if (known(storedUrl) && known(url))
    return [
      {
        path: ["source", "properties", "url"],
        message: `the source "${key}" is already the article at ${storedUrl}: ${remedy}, or, if the stored URL is wrong, correct it first with updateEntity`,
      },
    ];
  // No URL to tell them apart (one of them has none), and another text: another article.
  const opening = textForIdentity(String(storedText)).slice(0, 60);
  return [
    {
      path: ["source", "properties", "text"],
      message: `the source "${key}" is already another article, with another text ("${opening}…"${known(storedUrl) ? `, at ${storedUrl}` : ""}): ${remedy}; to replace that article's text, delete its source first (deleteEntity)`,
    },
  ];
}

/**
 * Whether a document of a stored article (sameArticle by its URL) brings another text than the
 * stored one: not the same words (spacing, typography and repairable damage aside).
 */
export function textChanged(storedText: unknown, givenText: unknown): boolean {
  return (
    known(storedText) &&
    known(givenText) &&
    textForIdentity(storedText) !== textForIdentity(givenText)
  );
}

/**
 * A stored article sent again with another text (a correction, an update, a longer version) may
 * replace the stored text only if every sentence the graph quotes from it as evidence is still in
 * the new one: written anyway, those relations' evidence was no longer verbatim in its source
 * (drafts18). Refused at the text, with what to do: `lost` counts the quoted sentences the new text
 * lacks, `examples` shows some; `instead` is a free key for the new version.
 */
export function lostExcerptsProblems(
  doc: Pick<Document, "source">,
  lost: number,
  examples: readonly string[],
  instead?: { key: string; stored: boolean },
): DocumentProblem[] {
  if (lost === 0) return [];
  const key = doc.source.key;
  const shown = examples
    .slice(0, 2)
    .map((e) => `"${e.length > 80 ? `${e.slice(0, 80)}…` : e}"`)
    .join(", ");
  const other =
    instead && !instead.stored
      ? `a key of its own (such as ${instead.key}, which is free)`
      : "a key of its own";
  return [
    {
      path: ["source", "properties", "text"],
      message: `the source "${key}" already holds another text of this article, and ${lost === 1 ? "1 sentence" : `${lost} sentences`} the graph quotes from it as evidence ${lost === 1 ? "is" : "are"} not in this one (${shown}): send the stored text, or ingest this version under ${other} with supersedes: "${key}" (the old version is retracted in the same transaction)`,
      ...(instead && !instead.stored ? { newVersion: { key: instead.key, supersedes: key } } : {}),
    },
  ];
}

/**
 * What a document may not supersede (ingest's `supersedes`): its own source (a corrected version
 * goes under a key of its own, and the old one is retracted), or a key that names no stored
 * Source (`storedKind`: the kind stored under it, if any). Nor anything while its own source is
 * stored and retracted (`ownRetracted`): ingest keeps that one retracted, so the old version
 * would be retracted for a new one that counts no more than it (a chain A <- B sent A again
 * superseding B left neither counting, their entities gone from every list, and said it
 * superseded B).
 */
export function supersedesProblems(
  doc: Pick<Document, "source">,
  key: string,
  storedKind: unknown,
  ownRetracted = false,
): DocumentProblem[] {
  const path = ["supersedes"];
  if (key === doc.source.key)
    return [
      {
        path,
        message: `a document cannot supersede its own source "${key}": ingest the new version under a key of its own`,
      },
    ];
  if (storedKind === "Source" && ownRetracted)
    return [
      {
        path,
        message: `the document's source "${doc.source.key}" is retracted, and ingest keeps it so: this version would not count, and "${key}" would be retracted too. Restore "${doc.source.key}" first (retractSource(key: "${doc.source.key}", retracted: false)), or ingest this version under a key of its own`,
      },
    ];
  if (storedKind === "Source") return [];
  return [
    {
      path,
      message:
        storedKind === undefined || storedKind === null
          ? `there is no stored article with the source key "${key}" for this one to replace: give the source key of the article it corrects, or stop superseding (leave supersedes out) to add it as an article of its own`
          : `"${key}" is a ${String(storedKind)}, not an article: supersedes takes the source key of the stored article this one corrects`,
    },
  ];
}

/** Keys a parsed document's relations use without defining them. */
export function externalKeys(doc: Document): string[] {
  const defined = new Set([doc.source.key, ...doc.entities.map((e) => e.key)]);
  const external = new Set<string>();
  for (const r of doc.relations) {
    if (!defined.has(r.from)) external.add(r.from);
    if (!defined.has(r.to)) external.add(r.to);
  }
  return [...external];
}

/** The parts of a structurally invalid document that are well formed, to check them further. */
export interface Salvaged {
  document: Document;
  /** The input's index of each entity and relation kept. */
  entityIndex: number[];
  relationIndex: number[];
  /** Keys and kinds of the entities left out whose key and kind are themselves well formed. */
  declaredKinds: Map<string, Kind>;
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const array = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * What can still be checked in a document that fails the structural check: its well-formed
 * entities and relations, and the source's key and text (when those are well formed), so that
 * one pass reports the cross-reference problems (unknown keys, endpoints, evidence) along with the
 * structural ones. Entities left out still lend their kind to the relations that use them.
 */
export function salvageDocument(input: unknown): Salvaged {
  const raw = record(input);
  const rawSource = record(raw.source);
  const source = sourceSchema.safeParse(rawSource);
  const key = keySchema.safeParse(rawSource.key);
  const text = record(rawSource.properties).text;
  const entityIndex: number[] = [];
  const relationIndex: number[] = [];
  const declaredKinds = new Map<string, Kind>();
  const entities: Document["entities"] = [];
  array(raw.entities).forEach((e, i) => {
    const parsed = entitySchema.safeParse(e);
    if (parsed.success) {
      entities.push(parsed.data);
      entityIndex.push(i);
      return;
    }
    const k = keySchema.safeParse(record(e).key);
    const kind = record(e).kind;
    if (k.success && typeof kind === "string" && isKind(kind)) declaredKinds.set(k.data, kind);
  });
  const relations: Document["relations"] = [];
  array(raw.relations).forEach((r, i) => {
    const parsed = relationSchema.safeParse(r);
    if (parsed.success) {
      relations.push(parsed.data);
      relationIndex.push(i);
    }
  });
  return {
    document: {
      source: source.success
        ? source.data
        : {
            key: key.success ? key.data : "source",
            name: "source",
            aliases: [],
            properties: typeof text === "string" ? { text } : {},
          },
      entities,
      relations,
    },
    entityIndex,
    relationIndex,
    declaredKinds,
  };
}

/** A salvaged document's problem, with the input's indexes in its path. */
export function unsalvagePath(s: Salvaged, problem: DocumentProblem): DocumentProblem {
  const [list, index, ...rest] = problem.path;
  const map =
    list === "entities" ? s.entityIndex : list === "relations" ? s.relationIndex : undefined;
  if (!map || typeof index !== "number") return problem;
  return { ...problem, path: [list as string, map[index] ?? index, ...rest] };
}

/** Problems in input order (source, entities, relations, by index), each once. */
export function sortProblems(problems: readonly DocumentProblem[]): DocumentProblem[] {
  const seen = new Set<string>();
  const rank = (p: DocumentProblem) =>
    ["source", "entities", "relations"].indexOf(String(p.path[0]));
  const index = (p: DocumentProblem) => (typeof p.path[1] === "number" ? p.path[1] : -1);
  return problems
    .filter((p) => {
      const id = `${p.path.join(".")}\u0000${p.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || index(a.p) - index(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

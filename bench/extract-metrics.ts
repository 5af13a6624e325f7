/**
 * How a draft document is scored against a gold document (`npm run eval:extract`). Pure: no I/O,
 * no extractor, so the rules can be checked on small hand-made cases (test/unit/extract-eval.test.ts).
 *
 * The rules, as the report states them:
 * - Entities: each draft entity is mapped to at most one gold entity: the gold entity with the same
 *   key; else the one gold entity of the same kind whose name or an alias equals the draft
 *   entity's name or an alias (compared without case, accents, punctuation or a leading "the");
 *   else, for a quote, the one gold quote whose text contains the draft quote's text or is
 *   contained in it; else, for an event or a pledge (kinds whose names are descriptions an
 *   annotator words, not names the text gives), the one gold entity of that kind that is still
 *   free and is introduced by the same sentence (its first MENTIONS evidence). The draft's source
 *   maps to the gold's source. Anything else stays unmapped. The mapping is one to one for the
 *   entities mapped by their sentence; `{ bySentence: false }` leaves that last rule out.
 * - Relations: a draft relation matches a gold relation when their type is the same and its two
 *   endpoints map to the gold relation's two endpoints. Relations are compared as sets of
 *   (type, from, to): a fact stated twice counts once, on either side. A relation with an
 *   unmapped endpoint cannot match and counts against precision.
 * - Linking: of the gold entities mentioned in the text (a Person, Nation, Organization, Place,
 *   Mission, Event or Pledge whose name or an alias occurs in the text), the share that some draft
 *   entity maps to, under the gold key when that key is already known to the linker (the graph),
 *   and under a new key (one the linker does not know) otherwise.
 * - Verbatim: the share of draft relations whose evidence occurs, character for character, in
 *   the repaired text.
 */
import type { Document, DocumentEntity } from "../src/domain/document.js";
import { repairText } from "../src/domain/repair.js";

type GoldEntity = {
  key: string;
  kind: string;
  name: string;
  aliases: string[];
  text?: string;
  /** The sentence that introduces it: the evidence of its first MENTIONS, if any. */
  introducedBy?: string;
};

/** Kinds named by a description the annotator (or the extractor) words, not by the text. */
const DESCRIBED_KINDS = new Set(["Event", "Pledge"]);

/** A (type, from, to) triple as one string. */
const triple = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

/** A name compared loosely: no case, accents, punctuation, leading article or extra spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']s\b/g, "s")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

function entitiesOf(doc: Document): GoldEntity[] {
  const introduced = new Map<string, string>();
  for (const r of doc.relations)
    if (r.type === "MENTIONS" && !introduced.has(r.to)) introduced.set(r.to, r.evidence);
  return doc.entities.map((e: DocumentEntity) => {
    const introducedBy = introduced.get(e.key);
    return {
      key: e.key,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases ?? [],
      ...(e.kind === "Quote" && typeof e.properties.text === "string"
        ? { text: e.properties.text }
        : {}),
      ...(introducedBy !== undefined ? { introducedBy } : {}),
    };
  });
}

const namesOf = (e: GoldEntity) => new Set([e.name, ...e.aliases].map(normaliseName));

/** Draft key -> gold key, by the rules above. Keys without a counterpart are absent. */
export function mapEntities(
  gold: Document,
  draft: Document,
  options: { bySentence?: boolean } = {},
): Map<string, string> {
  const goldEntities = entitiesOf(gold);
  const goldKeys = new Set(goldEntities.map((e) => e.key));
  const out = new Map<string, string>([[draft.source.key, gold.source.key]]);
  const unmapped: GoldEntity[] = [];
  for (const d of entitiesOf(draft)) {
    if (goldKeys.has(d.key)) {
      out.set(d.key, d.key);
      continue;
    }
    const names = namesOf(d);
    let candidates = goldEntities.filter(
      (g) => g.kind === d.kind && [...namesOf(g)].some((n) => names.has(n)),
    );
    if (candidates.length === 0 && d.kind === "Quote" && d.text) {
      const text = normaliseName(d.text);
      candidates = goldEntities.filter((g) => {
        if (g.kind !== "Quote" || !g.text) return false;
        const other = normaliseName(g.text);
        return text.length > 0 && (other.includes(text) || text.includes(other));
      });
    }
    const [only] = candidates;
    if (only && candidates.length === 1) out.set(d.key, only.key);
    else if (candidates.length === 0 && DESCRIBED_KINDS.has(d.kind)) unmapped.push(d);
  }
  if (options.bySentence === false) return out;
  // Events and pledges the names did not map: by the sentence that introduces them, one to one.
  const taken = new Set(out.values());
  const bySentence = (d: GoldEntity) =>
    goldEntities.filter(
      (g) =>
        g.kind === d.kind &&
        !taken.has(g.key) &&
        d.introducedBy !== undefined &&
        g.introducedBy === d.introducedBy,
    );
  const wanted = new Map<string, string[]>();
  for (const d of unmapped) {
    const candidates = bySentence(d);
    const [only] = candidates;
    if (only && candidates.length === 1)
      wanted.set(only.key, [...(wanted.get(only.key) ?? []), d.key]);
  }
  // A gold entity two draft entities claim goes to neither: the sentence cannot tell them apart.
  for (const [goldKey, draftKeys] of wanted)
    if (draftKeys.length === 1 && draftKeys[0] !== undefined) out.set(draftKeys[0], goldKey);
  return out;
}

export interface Counts {
  /** Draft relations (distinct triples) that match a gold one. */
  matched: number;
  /** Distinct draft triples. */
  drafted: number;
  /** Distinct gold triples. */
  gold: number;
}

export interface RelationScore {
  byType: Map<string, Counts>;
  /** Every type. */
  all: Counts;
  /** Every type but MENTIONS (which follow from the entities found, scored by linking). */
  facts: Counts;
  /** Gold relations but MENTIONS the text states (not inferred), and how many the draft has. */
  stated: { matched: number; gold: number };
  /** Gold triples the draft lacks, and draft triples (in gold keys where mapped) gold lacks. */
  missed: string[];
  extra: string[];
  /** Why each missed gold relation but MENTIONS was missed (see `MissCause`). */
  missCauses: Record<MissCause, number>;
  /** Gold entities an `endpoint` miss lacks, counted once per entity, by kind. */
  notFoundByKind: Map<string, number>;
  /**
   * Why each drafted relation but MENTIONS the gold lacks is wrong: an endpoint that maps to no
   * gold entity (`unmapped`), or both mapped and the gold does not relate them so (`mapped`).
   */
  extraCauses: { unmapped: number; mapped: number };
}

/**
 * Why a gold relation was not drafted: an endpoint the draft has no entity for (`endpoint`); both
 * endpoints found but the draft relates them by another type or the other way round
 * (`otherType`); both found and not related at all (`unrelated`).
 */
export type MissCause = "endpoint" | "otherType" | "unrelated";

const empty = (): Counts => ({ matched: 0, drafted: 0, gold: 0 });

/** Relations of `draft` against `gold`, by (type, from, to) after mapping draft keys to gold keys. */
export function scoreRelations(
  gold: Document,
  draft: Document,
  mapping: ReadonlyMap<string, string> = mapEntities(gold, draft),
): RelationScore {
  const goldSet = new Map<string, { type: string; inferred: boolean }>();
  for (const r of gold.relations) {
    const id = triple(r.type, r.from, r.to);
    const known = goldSet.get(id);
    // Stated when any of its sentences states it.
    goldSet.set(id, { type: r.type, inferred: (known?.inferred ?? true) && r.inferred });
  }
  const draftSet = new Map<string, string>();
  for (const r of draft.relations) {
    const from = mapping.get(r.from);
    const to = mapping.get(r.to);
    const id =
      from !== undefined && to !== undefined
        ? triple(r.type, from, to)
        : triple(r.type, from ?? `?${r.from}`, to ?? `?${r.to}`);
    draftSet.set(id, r.type);
  }
  const byType = new Map<string, Counts>();
  const all = empty();
  const facts = empty();
  const bump = (type: string, field: keyof Counts) => {
    const c = byType.get(type) ?? empty();
    c[field]++;
    byType.set(type, c);
    all[field]++;
    if (type !== "MENTIONS") facts[field]++;
  };
  const stated = { matched: 0, gold: 0 };
  const missed: string[] = [];
  const missCauses: Record<MissCause, number> = { endpoint: 0, otherType: 0, unrelated: 0 };
  const found = new Set(mapping.values());
  const kindOf = new Map<string, string>(gold.entities.map((e) => [e.key, e.kind]));
  const notFound = new Set<string>();
  const pairs = new Set<string>();
  for (const r of draft.relations) {
    const from = mapping.get(r.from);
    const to = mapping.get(r.to);
    if (from !== undefined && to !== undefined) pairs.add(`${from}|${to}`).add(`${to}|${from}`);
  }
  for (const [id, g] of goldSet) {
    bump(g.type, "gold");
    const counts = !g.inferred && g.type !== "MENTIONS";
    if (counts) stated.gold++;
    if (draftSet.has(id)) {
      bump(g.type, "matched");
      if (counts) stated.matched++;
    } else {
      missed.push(id);
      if (g.type !== "MENTIONS") {
        const [, from = "", to = ""] = id.split("|");
        if (!found.has(from) || !found.has(to)) {
          missCauses.endpoint++;
          for (const key of [from, to]) if (!found.has(key)) notFound.add(key);
        } else if (pairs.has(`${from}|${to}`)) missCauses.otherType++;
        else missCauses.unrelated++;
      }
    }
  }
  const extra: string[] = [];
  const extraCauses = { unmapped: 0, mapped: 0 };
  for (const [id, type] of draftSet) {
    bump(type, "drafted");
    if (goldSet.has(id)) continue;
    extra.push(id);
    if (type !== "MENTIONS") extraCauses[id.includes("|?") ? "unmapped" : "mapped"]++;
  }
  const notFoundByKind = new Map<string, number>();
  for (const key of notFound) {
    const kind = kindOf.get(key) ?? "Source";
    notFoundByKind.set(kind, (notFoundByKind.get(kind) ?? 0) + 1);
  }
  return { byType, all, facts, stated, missed, extra, missCauses, notFoundByKind, extraCauses };
}

/** Precision and recall of counts; NaN where nothing was drafted (or nothing was to be found). */
export function precisionRecall(c: Counts): { precision: number; recall: number } {
  return {
    precision: c.drafted === 0 ? Number.NaN : c.matched / c.drafted,
    recall: c.gold === 0 ? Number.NaN : c.matched / c.gold,
  };
}

/** Adds `b` into `a`. */
export function addCounts(a: Counts, b: Counts): Counts {
  a.matched += b.matched;
  a.drafted += b.drafted;
  a.gold += b.gold;
  return a;
}

/** Kinds whose entities are named in the text, and so are linked; quotes and sources are not. */
const LINKED_KINDS = new Set([
  "Person",
  "Nation",
  "Organization",
  "Place",
  "Mission",
  "Event",
  "Pledge",
]);

/** Precision and recall as a report's cell: "0.83 / 0.84 (173/209, /205)" ("–" for NaN). */
export function countsCell(c: Counts): string {
  const { precision, recall } = precisionRecall(c);
  const fmt = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));
  return `${fmt(precision)} / ${fmt(recall)} (${c.matched}/${c.drafted}, /${c.gold})`;
}

/** Whether `name` occurs in `text` as words (not inside a longer word). */
function occursIn(text: string, name: string): boolean {
  if (name.length === 0) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(text);
}

export interface LinkingScore {
  /** Gold entities mentioned in the text. */
  mentioned: number;
  /** Of those, mapped to the right key (linked) or to a new key (new). */
  correct: number;
  /** Gold keys not found, with their kind and why (`found`: drafted under another key). */
  wrong: { key: string; kind: string; found: boolean; why: string }[];
}

/**
 * Entity linking: of the gold entities mentioned in `text`, how many the draft maps to the right
 * key. `known` holds the keys the linker knows (the graph's): a known gold entity must appear in
 * the draft under its own key; an unknown one under a key the linker does not know.
 */
export function scoreLinking(
  gold: Document,
  draft: Document,
  text: string,
  known: ReadonlySet<string>,
  mapping: ReadonlyMap<string, string> = mapEntities(gold, draft),
): LinkingScore {
  const byGold = new Map<string, string[]>();
  for (const [draftKey, goldKey] of mapping) {
    const list = byGold.get(goldKey) ?? [];
    list.push(draftKey);
    byGold.set(goldKey, list);
  }
  const wrong: LinkingScore["wrong"] = [];
  let mentioned = 0;
  let correct = 0;
  for (const g of entitiesOf(gold)) {
    if (!LINKED_KINDS.has(g.kind)) continue;
    if (![g.name, ...g.aliases].some((n) => occursIn(text, n))) continue;
    mentioned++;
    const drafts = byGold.get(g.key) ?? [];
    if (known.has(g.key)) {
      if (drafts.includes(g.key)) correct++;
      else
        wrong.push({
          key: g.key,
          kind: g.kind,
          found: drafts.length > 0,
          why: drafts.length > 0 ? `drafted as ${drafts.join(", ")}, not linked` : "not found",
        });
    } else if (drafts.some((k) => !known.has(k))) correct++;
    else
      wrong.push({
        key: g.key,
        kind: g.kind,
        found: drafts.length > 0,
        why: drafts.length > 0 ? `linked to ${drafts.join(", ")}` : "not found",
      });
  }
  return { mentioned, correct, wrong };
}

/** Draft relations whose evidence is a verbatim excerpt of the (repaired) text, of all of them. */
export function verbatimEvidence(draft: Document, text: string): { verbatim: number; all: number } {
  const repaired = repairText(text);
  let verbatim = 0;
  for (const r of draft.relations)
    if (r.evidence.length > 0 && repaired.includes(r.evidence)) verbatim++;
  return { verbatim, all: draft.relations.length };
}

/** Words in a text, as the speed figure counts them: runs of non-space characters. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

/**
 * Each drafted relation but MENTIONS with its confidence and whether the gold has it (its type and
 * both endpoints mapped to a gold relation's): how well confidence predicts being right.
 */
export function ratedRelations(
  gold: Document,
  relations: readonly { type: string; from: string; to: string; confidence: number }[],
  mapping: ReadonlyMap<string, string> = new Map(),
): { confidence: number; right: boolean }[] {
  const goldSet = new Set(gold.relations.map((r) => triple(r.type, r.from, r.to)));
  return relations
    .filter((r) => r.type !== "MENTIONS")
    .map((r) => {
      const from = mapping.get(r.from);
      const to = mapping.get(r.to);
      return {
        confidence: r.confidence,
        right: from !== undefined && to !== undefined && goldSet.has(triple(r.type, from, to)),
      };
    });
}

/** Relations but MENTIONS, as triples in the document's own keys. */
const factsOf = (d: Document) =>
  new Set(
    d.relations.filter((r) => r.type !== "MENTIONS").map((r) => triple(r.type, r.from, r.to)),
  );

/**
 * A draft against two annotators' golds of one article together: recall of the relations both record (B's mapped
 * into A's keys), precision with a drafted relation right when either annotator records it.
 */
export function scoreAgainstTwo(
  a: Document,
  b: Document,
  draft: Document,
): { both: Counts; either: Counts } {
  const bToA = mapEntities(a, b);
  const aFacts = factsOf(a);
  const bFacts = factsOf(b);
  const agreed = new Set<string>();
  for (const r of b.relations) {
    if (r.type === "MENTIONS") continue;
    const from = bToA.get(r.from);
    const to = bToA.get(r.to);
    if (from !== undefined && to !== undefined && aFacts.has(triple(r.type, from, to)))
      agreed.add(triple(r.type, from, to));
  }
  const toA = mapEntities(a, draft);
  const toB = mapEntities(b, draft);
  const drafted = new Set<string>();
  let right = 0;
  const foundAgreed = new Set<string>();
  for (const r of draft.relations) {
    if (r.type === "MENTIONS") continue;
    const id = triple(r.type, r.from, r.to);
    if (drafted.has(id)) continue;
    drafted.add(id);
    const inA = toA.get(r.from) !== undefined && toA.get(r.to) !== undefined;
    const aId = inA ? triple(r.type, toA.get(r.from) ?? "", toA.get(r.to) ?? "") : undefined;
    const inB = toB.get(r.from) !== undefined && toB.get(r.to) !== undefined;
    const bId = inB ? triple(r.type, toB.get(r.from) ?? "", toB.get(r.to) ?? "") : undefined;
    const rightA = aId !== undefined && aFacts.has(aId);
    const rightB = bId !== undefined && bFacts.has(bId);
    if (rightA || rightB) right++;
    if (aId !== undefined && agreed.has(aId)) foundAgreed.add(aId);
  }
  return {
    both: { matched: foundAgreed.size, drafted: drafted.size, gold: agreed.size },
    either: { matched: right, drafted: drafted.size, gold: agreed.size },
  };
}

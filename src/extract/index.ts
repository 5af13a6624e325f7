/**
 * From an article's text to a draft document (issue 25): repair -> sentences -> mentions ->
 * linking -> relations -> document. Deterministic and offline. The draft is for review: every
 * relation quotes its sentence verbatim and says how sure the extractor is.
 */
import { createHash } from "node:crypto";
import { type Document, hasVisibleCharacter, isPartialDate } from "../domain/document.js";
import { MAX_PROBLEMS } from "../domain/errors.js";
import { repairText } from "../domain/repair.js";
import { parseDocument } from "../domain/validate.js";
import { isAllowedEndpoint, KINDS, type Kind } from "../domain/vocabulary.js";
import { languageProblems, looksLikeMarkup } from "./article-text.js";
import {
  calibrated,
  DEFAULT_MIN_CONFIDENCE,
  featuresOf,
  RATINGS,
  type Rated,
} from "./calibration.js";
import { titleCased } from "./capitals.js";
import type { Context, Proposal } from "./context.js";
import { furnitureOf, within } from "./furniture.js";
import { slug } from "./keys.js";
import type { Cluster } from "./link.js";
import { linkLate, linkMentions } from "./link.js";
import { findMentions, nationNamedIn } from "./mentions.js";
import { missionAnaphora, nationAnaphora } from "./mission-anaphora.js";
import { analyse } from "./nlp.js";
import { findRelations } from "./relations.js";
import { pairedRespectively } from "./respectively.js";
import { sentencesOf } from "./sentences.js";
import type {
  DraftEntity,
  DraftRelation,
  ExtractInput,
  ExtractOptions,
  ExtractResult,
} from "./types.js";

export { documentLinker } from "./linker.js";
export type {
  DraftEntity,
  DraftRelation,
  ExtractInput,
  ExtractOptions,
  ExtractResult,
  ExtractSource,
  LinkedEntity,
  Linker,
  TextSpan,
} from "./types.js";
export { draftToYaml } from "./yaml.js";

/** The earliest sentence of a relation (MENTIONS apart) the cluster is an end of. */
function firstTelling(c: Cluster, relations: readonly { p: Proposal }[]) {
  let first: Proposal["sentence"] | undefined;
  for (const { p } of relations)
    if (
      p.type !== "MENTIONS" &&
      (p.from === c || p.to === c) &&
      (!first || p.sentence.start < first.start)
    )
      first = p.sentence;
  return first;
}

function reference(publishedAt: string | undefined) {
  if (!publishedAt || !isPartialDate(publishedAt)) return null;
  const parts = publishedAt.split("-");
  const precision = parts.length === 3 ? "day" : parts.length === 2 ? "month" : "year";
  const date = new Date(
    Date.UTC(Number(parts[0]), Number(parts[1] ?? 7) - 1, Number(parts[2] ?? 15), 12),
  );
  return { date, precision } as const;
}

const onlyProperties = (kind: Kind, props: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(props).filter(([k]) => Object.hasOwn(KINDS[kind].properties, k)),
  );

/** Whether `words` give a slug of their own (not slug's fallback for nothing: "entity"). */
const slugs = (words: string | undefined): words is string =>
  !!words && /[a-z0-9]/.test(slug(words)) && (slug(words) !== "entity" || /entity/i.test(words));

/**
 * The source key proposed from the publisher, year and title (else the first sentence). A title
 * of nothing a slug keeps ("!!! ???", "🚀") and a text in another script used to give the key
 * "entity" (drafts18), one key for every such article: the title is passed over for the first
 * sentence, and with no words at all the key is "article-" and a digest of the text (the same
 * text, the same key).
 */
export function proposeSourceKey(
  text: string,
  publisher: string | undefined,
  year: string | undefined,
  names: ReadonlyArray<string | undefined>,
): string {
  const named = names.find(slugs);
  if (named) return slug([publisher, year, named].filter(Boolean).join(" "), 9);
  const digest = createHash("sha256").update(text).digest("hex").slice(0, 8);
  const by = [publisher, year].filter(slugs).join(" ");
  return `${by ? slug(by, 6) : "article"}-${digest}`;
}

/**
 * The draft's problems as listed: each message once, the first MAX_PROBLEMS of them, then a line
 * saying how many more there were. A text of 3,800 quotations without a speaker was answered
 * 3,801 problems (290 kB), one a quotation, most of them the same line (redteam16).
 */
export function listedProblems(problems: readonly string[]): string[] {
  const unique = [...new Set(problems)];
  if (unique.length <= MAX_PROBLEMS) return unique;
  const more = unique.length - MAX_PROBLEMS;
  return [
    ...unique.slice(0, MAX_PROBLEMS),
    `${more} more problem${more === 1 ? "" : "s"}: only the first ${MAX_PROBLEMS} are listed.`,
  ];
}

export async function extractDraft(
  input: ExtractInput,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const problems: string[] = [];
  const text = repairText(input.text.replace(/\r\n?/g, "\n")).trim();
  const src = input.source ?? {};
  let publishedAt = src.publishedAt;
  if (publishedAt && !isPartialDate(publishedAt)) {
    problems.push(
      `publishedAt "${publishedAt}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD, a day its month has); left out`,
    );
    publishedAt = undefined;
  }
  // A date no article has (a year typed 2999 for 2009, or 0001): kept, since it may be meant, but
  // every relative date ("on Monday", "last year") is resolved against it (drafts18).
  if (publishedAt && publishedAt > new Date().toISOString().slice(0, 10))
    problems.push(
      `publishedAt "${publishedAt}" is after today: check it (relative dates such as "on Monday" are resolved against it)`,
    );
  else if (publishedAt && publishedAt.slice(0, 4) < "1800")
    problems.push(
      `publishedAt "${publishedAt}" is before 1800: check it (relative dates such as "on Monday" are resolved against it)`,
    );
  if (looksLikeMarkup(text))
    problems.push(
      "the text looks like HTML: tags and scripts are read as words; give the article's text, not the page's source",
    );
  else problems.push(...languageProblems(text));

  // names in capitals are read in title case, and British copy's "Nato" as the alliance's
  // acronym; offsets stay the text's
  const forNames = titleCased(text).replace(/\bNato(?=[^\p{L}]|$)/gu, "NATO");
  const analysis = analyse(forNames);
  // bylines, credits and copyright lines are no evidence; a dateline's place is mentioned only
  const furniture = furnitureOf(text);
  const sentences = sentencesOf(text, analysis.sentences);
  const news = sentences.filter((s) => !within(s, furniture.lines));
  const found = findMentions(forNames, analysis, reference(publishedAt), furniture.datelinePlaces);
  if (found.unresolved.length > 0) {
    const shown = found.unresolved.slice(0, 3).map((d) => JSON.stringify(d));
    const more = found.unresolved.length > 3 ? ` and ${found.unresolved.length - 3} more` : "";
    const one = found.unresolved.length === 1;
    problems.push(
      `no publication date: the relative date${one ? "" : "s"} ${shown.join(", ")}${more} ${one ? "is" : "are"} left unresolved; give publishedAt to resolve ${one ? "it" : "them"}`,
    );
  }
  const dateline = furniture.dateline ? [furniture.dateline] : [];
  const notFurniture = <T extends { start: number; end: number }>(x: T) =>
    !within(x, furniture.lines) && !within(x, dateline);
  const mentions = {
    entities: found.entities.filter(
      (m) =>
        notFurniture(m) ||
        ((m.kind === "Place" || m.kind === "Nation") && within(m, furniture.datelinePlaces)) ||
        // "With a file from The Canadian Press", "VILNIUS (AP) —": the agency is named (a
        // MENTIONS, as the seed's gold records it), its people not
        (m.known?.properties?.category === "MEDIA" &&
          (within(m, furniture.lines) || within(m, dateline))),
    ),
    quantities: found.quantities.filter(notFurniture),
    dates: found.dates.filter(notFurniture),
  };
  const linked = await linkMentions(mentions.entities, options.linker, publishedAt);
  const clusters = new Map<string, Cluster>(linked.clusters.map((c) => [c.key, c]));
  const all = mentions.entities
    .filter((m) => linked.of.has(m))
    .map((m) => ({ mention: m, cluster: linked.of.get(m) as Cluster }));
  const placed = all.filter(
    (p) => !within(p.mention, dateline) && !within(p.mention, furniture.lines),
  );
  const filedFrom = all.filter((p) => within(p.mention, dateline));
  // "the battalion", "the mission": the mission last named (mission-anaphora.ts)
  placed.push(...missionAnaphora(text, news, placed), ...nationAnaphora(text, news, placed));
  placed.sort((a, b) => a.mention.start - b.mention.start);

  const proposals: Proposal[] = [];
  const ctx: Context = {
    text,
    sentences: news,
    placed,
    filedFrom,
    quantities: mentions.quantities,
    dates: mentions.dates,
    tokens: analysis.tokens,
    ...(publishedAt ? { publishedAt } : {}),
    ...(src.publisher && nationNamedIn(src.publisher)
      ? { publisherNation: nationNamedIn(src.publisher) }
      : {}),
    entity(kind, key, name, properties = {}, span) {
      let c = clusters.get(key);
      if (!c) {
        c = { key, kind, name, status: "NEW", aliases: new Set(), mentions: [], properties };
        clusters.set(key, c);
      }
      if (span && !c.mentions.some((m) => m.start === span.start)) {
        c.mentions.push({ ...span, kind, name });
      }
      return c;
    },
    propose(p) {
      proposals.push({
        properties: {},
        inferred: false,
        confidence: 0.8,
        ...(ctx.reader ? { reader: ctx.reader } : {}),
        ...p,
      });
    },
    problem(message) {
      problems.push(message);
    },
  };
  findRelations(ctx);
  // "A and B lead the groups in C and D, respectively": pairs in order, or none (respectively.ts)
  const paired = pairedRespectively(text, news, placed, proposals);
  proposals.length = 0;
  for (const p of paired) proposals.push(p);
  if (options.linker) {
    const first = new Set(linked.clusters);
    const late = [...clusters.values()].filter((c) => !first.has(c));
    const merged = await linkLate(late, clusters, options.linker, publishedAt);
    for (const p of proposals) {
      p.from = merged.get(p.from) ?? p.from;
      p.to = merged.get(p.to) ?? p.to;
    }
    const kept = [...clusters.values()].filter((c) => !merged.has(c));
    clusters.clear();
    for (const c of kept) clusters.set(c.key, c);
  }

  // One relation per (from, type, to): the most confident proposal, its first sentence.
  const chosen = new Map<string, Proposal>();
  // how many readers or sentences proposed each (calibration.ts: agreement is a feature)
  const support = new Map<string, Set<string>>();
  const closes = new Map<string, NonNullable<Proposal["closes"]>>();
  for (const p of proposals) {
    if (p.from === p.to) continue;
    if (!isAllowedEndpoint(p.type, p.from.kind, p.to.kind)) continue;
    const id = `${p.from.key}|${p.type}|${p.to.key}`;
    const had = chosen.get(id);
    if (!had || p.confidence > had.confidence) chosen.set(id, p);
    support.set(id, (support.get(id) ?? new Set()).add(`${p.reader}|${p.sentence.start}`));
    if (p.closes) closes.set(id, { ...closes.get(id), ...p.closes });
  }
  // A handover closes the relation whichever sentence drafted it (command-handovers.ts): its date
  // is the outgoing one's `until` and the incoming one's `since`; an undated handover leaves the
  // outgoing one's relation out rather than open.
  for (const [id, c] of closes) {
    const p = chosen.get(id);
    if (!p) continue;
    if (c.until === null) {
      chosen.delete(id);
      continue;
    }
    const properties = { ...p.properties };
    if (c.until) properties.until = c.until;
    if (c.since) properties.since = c.since;
    chosen.set(id, { ...p, properties });
  }

  // The source.
  const year = publishedAt?.slice(0, 4);
  const firstSentence = (news[0] ?? sentences[0])?.text ?? text.slice(0, 120);
  const title = src.title?.trim() || undefined;
  const proposedKey = proposeSourceKey(text, src.publisher, year, [title, firstSentence]);
  // A source under an entity's key ("canada", given, or proposed from a title "Canada") was a
  // draft that named itself: its problem read "relations.6.to: must not be the entity it starts
  // from", not what to change. A proposed key names its kind instead; a given one is reported.
  const namesake = clusters.get(src.key ?? proposedKey);
  const sourceKey = src.key ?? (namesake ? `${proposedKey}-source` : proposedKey);
  if (src.key && namesake)
    problems.push(
      `source key "${src.key}" is the key of the ${namesake.kind} "${namesake.name}" the article names: give the source a key of its own, or leave the key out to have one proposed`,
    );
  const credit = text.match(/^(?:With (?:a )?files? from|Written by|By) [^\n]{3,200}$/m)?.[0];
  const sourceProps: Record<string, string> = { text };
  if (title) sourceProps.title = title;
  if (src.publisher) sourceProps.publisher = src.publisher;
  if (publishedAt) sourceProps.publishedAt = publishedAt;
  if (src.url) sourceProps.url = src.url;
  if (credit) sourceProps.credit = credit;

  // MENTIONS: the source names each entity; evidence is the first sentence that does.
  const sourceCluster: Cluster = {
    key: sourceKey,
    kind: "Source",
    name: title ?? sourceNameOf([...news, ...sentences].map((s) => s.text)) ?? sourceKey,
    status: "NEW",
    aliases: new Set(),
    mentions: [],
    properties: {},
  };
  // How sure the draft is of each, as the chance a reviewer accepts it (calibration.ts); those
  // below the threshold are suggestions for the reviewer, not relations of the draft.
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const rated: Rated[] = [];
  const relations: { p: Proposal; confidence: number }[] = [];
  for (const p of chosen.values()) {
    const features = featuresOf(p, support.get(`${p.from.key}|${p.type}|${p.to.key}`)?.size);
    const confidence = calibrated(features);
    const kept = confidence >= minConfidence;
    rated.push({ type: p.type, from: p.from.key, to: p.to.key, features, confidence, kept });
    if (kept) relations.push({ p, confidence });
    else
      problems.push(
        `suggestion (confidence ${confidence.toFixed(2)}, below ${minConfidence}): ${p.from.key} ${p.type} ${p.to.key}, from "${p.sentence.text}"`,
      );
  }
  // an entity the text names stays (with its MENTIONS) though its relations were left out
  const entityList = [...clusters.values()].filter(
    (c) => c.mentions.length > 0 || relations.some(({ p }) => p.from === c || p.to === c),
  );
  for (const c of entityList) {
    const first = [...c.mentions].sort((a, b) => a.start - b.start)[0];
    // an event or pledge a clause tells of (no name in the text) is introduced by the first
    // sentence that relates it
    const s = first
      ? sentences.find((x) => x.start <= first.start && first.start < x.end)
      : firstTelling(c, relations);
    if (!s) continue;
    relations.push({
      confidence: 0.95,
      p: {
        type: "MENTIONS",
        from: sourceCluster,
        to: c,
        properties: {},
        inferred: false,
        confidence: 0.95,
        sentence: s,
      },
    });
  }

  const document = {
    source: {
      key: sourceKey,
      name: sourceCluster.name,
      properties: sourceProps,
    },
    entities: entityList.map((c) => ({
      key: c.key,
      kind: c.kind,
      name: c.name,
      aliases: [...c.aliases].filter((a) => a.trim().length > 0).slice(0, 50),
      properties: onlyProperties(c.kind, c.properties),
    })),
    relations: relations.map(({ p }) => ({
      from: p.from.key,
      type: p.type,
      to: p.to.key,
      properties: p.properties,
      inferred: p.inferred,
      evidence: p.sentence.text,
    })),
  };
  const parsed = parseDocument(document);
  if (!parsed.ok) {
    // A malformed key is reported where it is given (the source's, an entity's), not again at
    // every relation that names it: a `--key "Bad Key"` gave one line per relation of the source.
    const reported = new Set<string>();
    for (const pr of parsed.problems) {
      const [part, at, field] = pr.path;
      if (part === "source" && at === "key") reported.add(document.source.key);
      if (part === "entities" && field === "key" && typeof at === "number")
        reported.add(document.entities[at]?.key ?? "");
    }
    for (const pr of parsed.problems) {
      const [part, at, field] = pr.path;
      const end =
        part === "relations" && typeof at === "number" && (field === "from" || field === "to")
          ? document.relations[at]?.[field]
          : undefined;
      if (end !== undefined && reported.has(end)) continue;
      problems.push(`draft: ${pr.path.join(".")}: ${pr.message}`);
    }
  }
  const entities: DraftEntity[] = entityList.map((c) => ({
    key: c.key,
    kind: c.kind,
    name: c.name,
    status: c.status,
    mentions: c.mentions.map((m) => ({ start: m.start, end: m.end })),
  }));
  const draftRelations: DraftRelation[] = relations.map(({ p, confidence }, index) => ({
    index,
    type: p.type,
    from: p.from.key,
    to: p.to.key,
    excerpt: p.sentence.text,
    span: { start: p.sentence.start, end: p.sentence.end },
    confidence,
    inferred: p.inferred,
  }));
  const result: ExtractResult = {
    document: parsed.ok ? parsed.document : (document as unknown as Document),
    entities,
    relations: draftRelations,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end })),
    problems: listedProblems(problems),
  };
  RATINGS.set(result, rated);
  return result;
}

/** The draft as YAML in the house style, with a header saying it is a draft to review. */

/** Code units of a sentence the draft takes as its source's name when no title is given. */
const SOURCE_NAME_CHARS = 120;
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * The name a draft gives its source without a title: the first sentence with something to
 * read, its control characters and line breaks as spaces, cut at 120 code units between
 * characters as they are seen. It was the first sentence's first 120 code units, so a name cut
 * inside an emoji (a lone surrogate), holding a NUL or a tab, or of nothing but joiners, made the
 * draft one that ingest refuses ("draft: source.name: ..."), for a name the reviewer never wrote.
 */
export function sourceNameOf(sentences: readonly string[]): string | undefined {
  for (const sentence of sentences) {
    const spaced = sentence
      .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, " ")
      .replace(/^[\p{Z}\p{Cf}\p{M}]+/u, "")
      .trim();
    let name = "";
    for (const { segment } of graphemes.segment(spaced)) {
      if (name.length + segment.length > SOURCE_NAME_CHARS) break;
      name += segment;
    }
    name = name.trim();
    if (name.isWellFormed() && hasVisibleCharacter(name)) return name;
  }
  return undefined;
}

/**
 * A deterministic synthetic generator of documents in the seed's format, for load tests and for
 * exploring a graph far bigger than one article. The same options give byte-identical documents:
 * all randomness comes from seeded PRNG streams, never from the clock or Math.random.
 *
 * Each document is one synthetic Source plus up to `batchSize` new entities and the relations
 * that involve them; every relation's evidence is its own line of the source's text. Relations
 * only ever reach entities created by the same or an earlier document, so documents ingested in
 * order always validate against the graph. Endpoints are chosen by preferential attachment
 * (probability proportional to degree + 1, mixed with uniform draws: see UNIFORM_SHARE), which
 * gives the power-law degrees of real news graphs: a few nations and organisations become hubs
 * that many facts run through.
 *
 * Everything here is pure (no database): src/data/generated.ts deletes what the generator made.
 */
import { DOCUMENT_LIMITS, type Document, type DocumentRelation } from "../domain/document.js";
import {
  EVENT_CATEGORIES,
  isAllowedEndpoint,
  type Kind,
  MISSION_STATUSES,
  ORGANIZATION_CATEGORIES,
  PLEDGE_METRICS,
  PLEDGE_STATUSES,
  RELATION_TYPES,
  type RelationType,
} from "../domain/vocabulary.js";

/** Every key the generator makes starts with this, so its data can be told apart and cleared. */
export const GENERATED_KEY_PREFIX = "gen-";
/** New entities per document unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 5_000;
/** The PRNG seed unless told otherwise. */
export const DEFAULT_SEED = 42;

/** What to generate. */
export interface GenerateOptions {
  /** How many entities in all (sources not counted). */
  entities: number;
  /** PRNG seed (an unsigned 32-bit integer); the same seed gives the same documents. */
  seed?: number;
  /** At most this many new entities per document. */
  batchSize?: number;
}

/**
 * A seeded PRNG (mulberry32): fast, 32-bit state, good enough for synthetic data, and identical
 * on every platform because it uses only 32-bit integer arithmetic.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(values: readonly T[]): T {
    const value = values[Math.floor(this.next() * values.length)];
    if (value === undefined) throw new Error("pick from an empty list");
    return value;
  }
  /** A count whose mean is `rate`: its whole part always, its fraction by chance. */
  count(rate: number): number {
    const whole = Math.floor(rate);
    return whole + (this.chance(rate - whole) ? 1 : 0);
  }
  /** A heavy-tailed integer in [min, max] (log-uniform), like troop numbers or budgets. */
  logInt(min: number, max: number): number {
    return Math.round(min * (max / min) ** this.next());
  }
}

type GeneratedKind = Exclude<Kind, "Source">;

/**
 * Share of new entities per kind, roughly as a news corpus names them: many people, quotes and
 * events, few nations (which is what lets them become hubs).
 */
const KIND_SHARES: Readonly<Record<GeneratedKind, number>> = {
  Person: 0.295,
  Quote: 0.17,
  Event: 0.17,
  Pledge: 0.13,
  Place: 0.1,
  Mission: 0.06,
  Organization: 0.05,
  Nation: 0.025,
};
const GENERATED_KINDS = Object.keys(KIND_SHARES) as GeneratedKind[];

/** One sort of relation a new entity states about itself, and how many on average. */
interface Plan {
  readonly type: RelationType;
  /** `out`: the new entity is the relation's `from`; `in`: its `to`. */
  readonly dir: "out" | "in";
  /** Expected number of such relations per new entity. */
  readonly rate: number;
  /**
   * Narrows the registry's kinds at the other end to the plausible ones (a place is part of a
   * place or nation, not of an organisation). Checked against the registry, never trusted.
   */
  readonly only?: readonly GeneratedKind[];
}

/**
 * What each new entity brings with it. The other end is always an existing entity picked by
 * preferential attachment; together with MENTIONS these average about 3.3 relations per entity.
 */
const PLANS: Readonly<Record<GeneratedKind, readonly Plan[]>> = {
  Person: [
    { type: "LEADS", dir: "out", rate: 0.2 },
    { type: "SERVES_IN", dir: "out", rate: 0.8 },
    { type: "VISITED", dir: "out", rate: 0.5 },
    { type: "PARTICIPATED_IN", dir: "out", rate: 1.2 },
    { type: "CALLED_ON", dir: "out", rate: 0.15 },
    { type: "PLEDGED", dir: "out", rate: 0.1 },
  ],
  Nation: [
    { type: "MEMBER_OF", dir: "out", rate: 1.5 },
    { type: "INVADED", dir: "out", rate: 0.15 },
    { type: "SPENDS", dir: "out", rate: 0.8 },
    { type: "PLEDGED", dir: "out", rate: 0.5 },
  ],
  Organization: [
    { type: "MEMBER_OF", dir: "in", rate: 2 },
    { type: "CONTRIBUTES_TO", dir: "out", rate: 0.3 },
    { type: "CALLED_ON", dir: "out", rate: 0.3 },
    { type: "PARTICIPATED_IN", dir: "out", rate: 0.5 },
    { type: "PLEDGED", dir: "out", rate: 0.2 },
  ],
  Place: [
    { type: "PART_OF", dir: "out", rate: 1, only: ["Place", "Nation"] },
    { type: "LOCATED_IN", dir: "out", rate: 0.1, only: ["Nation"] },
  ],
  Mission: [
    { type: "LEADS", dir: "in", rate: 1, only: ["Nation"] },
    { type: "CONTRIBUTES_TO", dir: "in", rate: 3 },
    { type: "HOSTS", dir: "in", rate: 0.8 },
    { type: "DEPLOYED_TO", dir: "out", rate: 1 },
    { type: "PART_OF", dir: "out", rate: 0.7, only: ["Organization"] },
  ],
  Event: [
    { type: "HOSTS", dir: "in", rate: 0.6 },
    { type: "LOCATED_IN", dir: "out", rate: 0.7 },
    { type: "PARTICIPATED_IN", dir: "in", rate: 2.5 },
    { type: "ABOUT", dir: "out", rate: 0.3 },
  ],
  Pledge: [
    { type: "PLEDGED", dir: "in", rate: 1 },
    { type: "SPENDS", dir: "in", rate: 0.3 },
    { type: "ABOUT", dir: "out", rate: 0.6, only: ["Nation", "Organization", "Mission"] },
  ],
  Quote: [
    { type: "SAID", dir: "in", rate: 1 },
    { type: "SAID_AT", dir: "out", rate: 0.6 },
    { type: "ABOUT", dir: "out", rate: 1 },
  ],
};

/** The share of a document's new entities its source MENTIONS. */
const MENTION_RATE = 0.3;
/** The share of relations marked as implied rather than stated. */
const INFERRED_RATE = 0.1;
/**
 * A document closes early when its text or relations near the format's limits; the margin is
 * far more than one entity's sentences, so the limits themselves are never reached.
 */
const TEXT_BUDGET = Math.floor(DOCUMENT_LIMITS.text * 0.9);
const RELATION_BUDGET = DOCUMENT_LIMITS.relations - 1_000;

/** The kinds allowed at the other end of a plan, from the registry, narrowed by `only`. */
function otherKinds(kind: GeneratedKind, plan: Plan): readonly GeneratedKind[] {
  const spec = RELATION_TYPES[plan.type];
  const ownSide: readonly Kind[] = plan.dir === "out" ? spec.from : spec.to;
  if (!ownSide.includes(kind)) {
    throw new Error(
      `plan error: ${plan.type} has no ${kind} at its ${plan.dir === "out" ? "from" : "to"} end`,
    );
  }
  const registry: readonly Kind[] = plan.dir === "out" ? spec.to : spec.from;
  const kinds = GENERATED_KINDS.filter(
    (k) => registry.includes(k) && (plan.only === undefined || plan.only.includes(k)),
  );
  if (kinds.length === 0)
    throw new Error(`plan error: ${kind} ${plan.dir} ${plan.type} has no kinds`);
  return kinds;
}

/** Resolved once: each kind's plans with the kinds their other ends may have. */
const RESOLVED_PLANS = Object.fromEntries(
  GENERATED_KINDS.map((kind) => [
    kind,
    PLANS[kind].map((plan) => ({ ...plan, kinds: otherKinds(kind, plan) })),
  ]),
) as Record<GeneratedKind, Array<Plan & { kinds: readonly GeneratedKind[] }>>;

// Syllables for pseudo-names in aliases, so search has something besides "Nation 0042".
const SYLLABLES = (
  "al ba cor da el fen gar hal is jor ka lin mar nor os pra quin ros " +
  "sel tar ul ven wis yar zel bri dov esk"
).split(" ");
const PLACE_SUFFIXES = ["City", "Valley", "Harbour", "Province", "Coast", "Heights", "Base"];
const NATION_ROLES = ["President", "Prime Minister", "Chancellor", "Head of State"];
const ORGANIZATION_ROLES = ["Secretary-General", "Chair", "Director", "Commander"];
const MISSION_ROLES = ["Commander", "Force Commander", "Head of Mission"];
const OFFICES = [
  "Minister of Defence",
  "Minister of Finance",
  "Foreign Minister",
  "Deputy Prime Minister",
  "Ambassador",
  "Chief of Defence Staff",
  "Senior Adviser",
];
const PARTICIPANT_ROLES = ["speaker", "host", "attendee", "aggressor", "target"];
const REQUESTS = [
  "raise defence spending",
  "send more troops",
  "renew the mission",
  "step up",
  "share intelligence",
  "meet the two per cent target",
];
const QUOTE_OPENINGS = [
  "We will continue to look at what more we can do",
  "All allies need to step up",
  "Our shared security depends on all of us",
  "This mission is defending all of our allies",
  "We need a serious assessment of our posture",
  "We stand with our partners",
];
const QUOTE_TOPICS = [
  "on defence spending",
  "in the region",
  "for our collective defence",
  "in the coming weeks",
  "over the next ten years",
  "ahead of the budget",
];

/** Dates spread over 2000-2025; a share are partial, as articles often give only a year or month. */
function isoDate(rng: Random, fromYear = 2000, toYear = 2025): string {
  const year = String(rng.int(fromYear, toYear));
  const precision = rng.next();
  if (precision < 0.15) return year;
  const month = String(rng.int(1, 12)).padStart(2, "0");
  if (precision < 0.3) return `${year}-${month}`;
  // Day 28 at most keeps every month valid without a calendar.
  return `${year}-${month}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function pseudoName(rng: Random, syllables = rng.int(2, 3)): string {
  let name = "";
  for (let i = 0; i < syllables; i += 1) name += rng.pick(SYLLABLES);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A three-letter code; multiplying by a prime spreads neighbours apart and stays a bijection. */
function isoCode(n: number): string {
  let i = ((n - 1) * 7_919) % 26 ** 3;
  let code = "";
  for (let d = 0; d < 3; d += 1) {
    code = String.fromCharCode(65 + (i % 26)) + code;
    i = Math.floor(i / 26);
  }
  return code;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

type NewEntity = Document["entities"][number];

/** Builds a new entity of `kind`, the `n`th of its kind (1-based). */
function makeEntity(rng: Random, kind: GeneratedKind, n: number, seed: number): NewEntity {
  const num = String(n).padStart(4, "0");
  const key = `${GENERATED_KEY_PREFIX}${kind.toLowerCase()}-${num}`;
  const name = `${kind} ${num}`;
  const base = { key, kind, name };
  const note = `Synthetic (seed ${seed}).`;
  switch (kind) {
    case "Person": {
      const alias = pseudoName(rng);
      return {
        ...base,
        aliases: rng.chance(0.6) ? [alias] : [],
        description: `A synthetic official known as ${alias}. ${note}`,
        properties: {},
      };
    }
    case "Nation": {
      const code = isoCode(n);
      const alias = pseudoName(rng);
      return {
        ...base,
        aliases: [code, `Republic of ${alias}`],
        description: `A synthetic nation, ${alias} (${code}). ${note}`,
        properties: { isoCode: code },
      };
    }
    case "Organization": {
      const category = rng.pick(ORGANIZATION_CATEGORIES);
      const acronym = pseudoName(rng, 2).toUpperCase();
      return {
        ...base,
        aliases: [acronym],
        description: `A synthetic ${category.toLowerCase().replace("_", " ")} organisation. ${note}`,
        properties: { category },
      };
    }
    case "Place": {
      const alias = `${pseudoName(rng)} ${rng.pick(PLACE_SUFFIXES)}`;
      return {
        ...base,
        aliases: [alias],
        description: `A synthetic place, ${alias}. ${note}`,
        properties: {},
      };
    }
    case "Mission": {
      const status = rng.pick(MISSION_STATUSES);
      const startDate = isoDate(rng, 2000, 2023);
      const properties: Record<string, string> = { startDate, status };
      if (status === "ENDED") properties.endDate = String(rng.int(yearOf(startDate), 2025));
      const alias = `Operation ${pseudoName(rng)}`;
      return {
        ...base,
        aliases: [alias],
        description: `A synthetic ${status.toLowerCase()} mission, ${alias}, since ${startDate}. ${note}`,
        properties,
      };
    }
    case "Event": {
      const category = rng.pick(EVENT_CATEGORIES);
      const date = isoDate(rng);
      return {
        ...base,
        aliases: [],
        description: `A synthetic ${category.toLowerCase()} on ${date}. ${note}`,
        properties: { date, category },
      };
    }
    case "Pledge": {
      const metric = rng.pick(PLEDGE_METRICS);
      const [value, unit] =
        metric === "PERCENT_GDP"
          ? [round2(1 + rng.next() * 3), "percent of GDP"]
          : metric === "MONEY"
            ? [rng.logInt(1, 500), "billion USD"]
            : metric === "TROOPS"
              ? [rng.logInt(100, 20_000), "troops"]
              : [rng.int(1, 100), "units"];
      return {
        ...base,
        aliases: [],
        description: `A synthetic pledge of ${value} ${unit}. ${note}`,
        properties: {
          metric,
          value,
          unit,
          period: `by ${rng.int(2024, 2035)}`,
          status: rng.pick(PLEDGE_STATUSES),
        },
      };
    }
    case "Quote":
      return {
        ...base,
        aliases: [],
        description: `A synthetic statement. ${note}`,
        properties: { text: `${rng.pick(QUOTE_OPENINGS)} ${rng.pick(QUOTE_TOPICS)}.` },
      };
  }
}

/** A relation's own properties and the sentence that states it (its evidence). */
function describeRelation(
  rng: Random,
  relation: { type: RelationType; from: string; fromKind: Kind; to: string; toKind: Kind },
): { properties: Record<string, unknown>; sentence: string } {
  const { type, from, fromKind, to, toKind } = relation;
  switch (type) {
    case "LEADS": {
      const role =
        fromKind === "Nation"
          ? "lead nation"
          : rng.pick(
              toKind === "Nation"
                ? NATION_ROLES
                : toKind === "Organization"
                  ? ORGANIZATION_ROLES
                  : MISSION_ROLES,
            );
      const since = isoDate(rng, 2000, 2024);
      return {
        properties: { role, since },
        sentence: `${from} leads ${to} as ${role} since ${since}.`,
      };
    }
    case "SERVES_IN": {
      const role = rng.pick(OFFICES);
      const since = isoDate(rng, 2000, 2022);
      if (rng.chance(0.3)) {
        const until = String(rng.int(yearOf(since), 2025));
        return {
          properties: { role, since, until },
          sentence: `${from} served in ${to} as ${role} from ${since} to ${until}.`,
        };
      }
      return { properties: { role, since }, sentence: `${from} serves in ${to} as ${role}.` };
    }
    case "MEMBER_OF": {
      const since = String(rng.int(2000, 2024));
      return { properties: { since }, sentence: `${from} joined ${to} in ${since}.` };
    }
    case "HOSTS":
      return { properties: {}, sentence: `${from} hosts ${to}.` };
    case "CONTRIBUTES_TO": {
      const troops = rng.logInt(10, 5_000);
      const asOf = isoDate(rng, 2015, 2025);
      if (rng.chance(0.3)) {
        const additionalTroops = rng.logInt(10, 500);
        return {
          properties: { troops, additionalTroops, asOf },
          sentence: `${from} has ${troops} troops in ${to} and ${additionalTroops} more coming.`,
        };
      }
      return { properties: { troops, asOf }, sentence: `${from} has ${troops} troops in ${to}.` };
    }
    case "DEPLOYED_TO":
      return { properties: {}, sentence: `${from} is deployed to ${to}.` };
    case "PART_OF":
      return { properties: {}, sentence: `${from} is part of ${to}.` };
    case "PLEDGED":
      return { properties: {}, sentence: `${from} pledged ${to}.` };
    case "SPENDS": {
      const value = round2(0.5 + rng.next() * 3.5);
      const year = rng.int(2000, 2025);
      const estimated = rng.chance(0.4);
      return {
        properties: { value, unit: "percent of GDP", year, estimated },
        sentence: `${from} spent ${estimated ? "an estimated " : ""}${value} per cent of GDP in ${year} against ${to}.`,
      };
    }
    case "PARTICIPATED_IN": {
      const role = rng.pick(PARTICIPANT_ROLES);
      return { properties: { role }, sentence: `${from} was a ${role} at ${to}.` };
    }
    case "SAID":
      return { properties: {}, sentence: `${from} said ${to}.` };
    case "SAID_AT":
      return { properties: {}, sentence: `${from} was said at ${to}.` };
    case "ABOUT":
      return { properties: {}, sentence: `${from} is about ${to}.` };
    case "INVADED": {
      const date = isoDate(rng);
      return { properties: { date }, sentence: `${from} invaded ${to} in ${date}.` };
    }
    case "VISITED": {
      const date = isoDate(rng);
      return { properties: { date }, sentence: `${from} visited ${to} on ${date}.` };
    }
    case "CALLED_ON": {
      const request = rng.pick(REQUESTS);
      const date = isoDate(rng, 2010, 2025);
      return {
        properties: { request, date },
        sentence: `${from} called on ${to} to ${request} on ${date}.`,
      };
    }
    case "LOCATED_IN":
      return { properties: {}, sentence: `${from} is in ${to}.` };
    case "MENTIONS":
      return { properties: {}, sentence: `${from} mentions ${to}.` };
  }
}

/**
 * The share of endpoint draws made uniformly rather than by degree. Pure "degree + 1" attachment
 * let the first nation, alone in its urn while the first forty entities were made, keep about
 * 40 % of all nation links at 100,000 entities: each nation brings some fifty links, so the "+ 1"
 * hardly counts against the head start. Mixing in uniform draws is shifted-linear attachment
 * (degree + A): still a power law (exponent near 3, as in Barabási-Albert), with a handful of
 * hubs instead of one.
 */
const UNIFORM_SHARE = 0.5;

/**
 * The graph generated so far, as far as choosing endpoints needs it: every entity's key, name
 * and kind by a dense index; per kind, its members and an urn holding each member once plus
 * once per relation it has, so a uniform draw from the urns is a draw proportional to degree + 1.
 */
class Graph {
  readonly keys: string[] = [];
  readonly names: string[] = [];
  readonly kinds: GeneratedKind[] = [];
  private readonly urns = new Map<GeneratedKind, number[]>(GENERATED_KINDS.map((k) => [k, []]));
  private readonly members = new Map<GeneratedKind, number[]>(GENERATED_KINDS.map((k) => [k, []]));

  add(entity: NewEntity): number {
    this.keys.push(entity.key);
    this.names.push(entity.name);
    this.kinds.push(entity.kind as GeneratedKind);
    return this.keys.length - 1;
  }

  /** Makes `index` eligible as an endpoint: after its own relations, so it never links itself. */
  enter(index: number): void {
    this.list(this.members, this.kinds[index]).push(index);
    this.touch(index);
  }

  /** One more ball for `index` in its kind's urn, for each relation it gains. */
  touch(index: number): void {
    this.list(this.urns, this.kinds[index]).push(index);
  }

  /**
   * An existing entity of one of `kinds`: by preferential attachment (probability proportional
   * to degree + 1), or in UNIFORM_SHARE of draws uniformly.
   */
  pick(rng: Random, kinds: readonly GeneratedKind[]): number | undefined {
    const pool = rng.chance(UNIFORM_SHARE) ? this.members : this.urns;
    let total = 0;
    for (const kind of kinds) total += this.list(pool, kind).length;
    if (total === 0) return undefined;
    let draw = Math.floor(rng.next() * total);
    for (const kind of kinds) {
      const list = this.list(pool, kind);
      if (draw < list.length) return list[draw];
      draw -= list.length;
    }
    return undefined;
  }

  private list(pool: Map<GeneratedKind, number[]>, kind: GeneratedKind | undefined): number[] {
    const list = kind === undefined ? undefined : pool.get(kind);
    if (!list) throw new Error(`no entities of kind ${kind}`);
    return list;
  }
}

function checkOptions(options: GenerateOptions): Required<GenerateOptions> {
  const { entities, seed = DEFAULT_SEED, batchSize = DEFAULT_BATCH_SIZE } = options;
  if (!Number.isSafeInteger(entities) || entities < 0) {
    throw new RangeError(`entities must be a whole number of at least 0, not ${entities}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(`seed must be a whole number from 0 to ${0xffff_ffff}, not ${seed}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > DOCUMENT_LIMITS.entities) {
    throw new RangeError(
      `batchSize must be a whole number from 1 to ${DOCUMENT_LIMITS.entities}, not ${batchSize}`,
    );
  }
  return { entities, seed, batchSize };
}

/**
 * Generates `entities` synthetic entities and their relations as documents in the seed's
 * format, lazily (a 100,000-entity run never holds more than one document's worth of output).
 * Ingest them in the order given: a document's relations may reach entities of earlier
 * documents, never of later ones. Throws a RangeError for options out of range.
 */
export function* generateDocuments(options: GenerateOptions): Generator<Document, void, undefined> {
  const { entities, seed, batchSize } = checkOptions(options);
  const rng = new Random(seed);
  // Mentions (which feed the degrees) and the sources' own dates draw from streams of their
  // own, so `batchSize` only changes how the same entities and relations are cut into
  // documents, not what they are.
  const mentionRng = new Random((seed ^ 0x5bd1e995) >>> 0);
  const sourceRng = new Random((seed ^ 0x27d4eb2f) >>> 0);
  const graph = new Graph();
  // Smooth weighted round-robin: the kinds' counts follow KIND_SHARES exactly at every prefix,
  // so even a small run has some of every kind, and the n-th entity's kind never depends on the seed.
  const credit = new Map<GeneratedKind, number>(GENERATED_KINDS.map((k) => [k, 0]));
  const made = new Map<GeneratedKind, number>(GENERATED_KINDS.map((k) => [k, 0]));
  const nextKind = (): GeneratedKind => {
    let best: GeneratedKind = "Person";
    let bestCredit = Number.NEGATIVE_INFINITY;
    for (const kind of GENERATED_KINDS) {
      const c = (credit.get(kind) ?? 0) + KIND_SHARES[kind];
      credit.set(kind, c);
      if (c > bestCredit) {
        best = kind;
        bestCredit = c;
      }
    }
    credit.set(best, bestCredit - 1);
    return best;
  };

  let created = 0;
  for (let d = 1; created < entities; d += 1) {
    const sourceKey = `${GENERATED_KEY_PREFIX}source-${d}`;
    const title = `Synthetic report ${d} (seed ${seed})`;
    const lines = [`${title}.`];
    let textLength = title.length + 1;
    const docEntities: NewEntity[] = [];
    const relations: DocumentRelation[] = [];
    const mentions: DocumentRelation[] = [];
    const mentionLines: string[] = [];
    const seen = new Set<string>();

    const relate = (type: RelationType, from: number, to: number) => {
      const fromKind = graph.kinds[from] as GeneratedKind;
      const toKind = graph.kinds[to] as GeneratedKind;
      if (!isAllowedEndpoint(type, fromKind, toKind)) {
        throw new Error(`generator error: ${type} cannot link ${fromKind} -> ${toKind}`);
      }
      const fromKey = graph.keys[from] as string;
      const toKey = graph.keys[to] as string;
      const id = `${fromKey} ${type} ${toKey}`;
      // A second draw of the same pair is a duplicate fact, not a second relation: drop it.
      // Every relation involves the entity being made, so no duplicate can span documents.
      if (seen.has(id)) return;
      seen.add(id);
      const { properties, sentence } = describeRelation(rng, {
        type,
        from: graph.names[from] as string,
        fromKind,
        to: graph.names[to] as string,
        toKind,
      });
      relations.push({
        from: fromKey,
        type,
        to: toKey,
        properties,
        inferred: rng.chance(INFERRED_RATE),
        evidence: sentence,
        // A union member per type cannot be picked from a RelationType variable; the
        // properties come from the switch on that same type, and the tests validate them.
      } as DocumentRelation);
      lines.push(sentence);
      textLength += sentence.length + 1;
      graph.touch(from);
      graph.touch(to);
    };

    while (
      created < entities &&
      docEntities.length < batchSize &&
      textLength < TEXT_BUDGET &&
      relations.length + mentions.length < RELATION_BUDGET
    ) {
      const kind = nextKind();
      const n = (made.get(kind) ?? 0) + 1;
      made.set(kind, n);
      const entity = makeEntity(rng, kind, n, seed);
      docEntities.push(entity);
      created += 1;
      const self = graph.add(entity);
      for (const plan of RESOLVED_PLANS[kind]) {
        for (let i = rng.count(plan.rate); i > 0; i -= 1) {
          const other = graph.pick(rng, plan.kinds);
          if (other === undefined) break;
          if (plan.dir === "out") relate(plan.type, self, other);
          else relate(plan.type, other, self);
        }
      }
      graph.enter(self);
      // The source mentions a share of what it introduces. Its sentences go last in the text,
      // but count against the budget now so the text can never outgrow the format's limit.
      if (mentionRng.chance(MENTION_RATE)) {
        const { sentence } = describeRelation(rng, {
          type: "MENTIONS",
          from: title,
          fromKind: "Source",
          to: entity.name,
          toKind: kind,
        });
        mentions.push({
          from: sourceKey,
          type: "MENTIONS",
          to: entity.key,
          properties: {},
          inferred: false,
          evidence: sentence,
        });
        mentionLines.push(sentence);
        textLength += sentence.length + 1;
        graph.touch(self);
      }
    }

    const publishedAt = isoDate(sourceRng, 2020, 2025);
    yield {
      source: {
        key: sourceKey,
        name: title,
        aliases: [],
        description: `A synthetic report introducing ${docEntities.length} entities. Synthetic (seed ${seed}).`,
        properties: {
          title,
          publisher: "Synthetic Wire",
          url: `https://example.org/synthetic/${seed}/${d}`,
          publishedAt,
          text: [...lines, ...mentionLines].join("\n"),
        },
      },
      entities: docEntities,
      relations: [...relations, ...mentions],
    };
  }
}

/** The kind of every entity a document defines (its source included), by key. */
export function documentKinds(doc: Document): Map<string, Kind> {
  return new Map<string, Kind>([
    [doc.source.key, "Source"],
    ...doc.entities.map((e): [string, Kind] => [e.key, e.kind]),
  ]);
}

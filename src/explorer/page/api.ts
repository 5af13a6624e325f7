/**
 * The explorer's only way to the data: the public GraphQL API, POSTed as JSON to /graphql (a JSON
 * content type is what the server's CSRF prevention accepts from a browser). No other endpoint,
 * no private shortcut: what the page shows, any client of the API can get.
 */
import type { Kind } from "./kinds.js";

export const ENDPOINT = "/graphql";

export interface EntityRef {
  key: string;
  name: string;
  kind: Kind;
}

/** One source's claim of a relation: its sentence, the values it states and its point in time. */
export interface Evidence {
  excerpt: string;
  /** ISO, may be partial; null when not known. */
  at: string | null;
  values: Record<string, unknown>;
  /** DEPRECATED when the source was retracted. */
  rank: string;
  /** Null when the source was deleted while the read ran (its claims go with it). */
  source: {
    key: string;
    name: string;
    title: string | null;
    url: string | null;
    publisher: string | null;
  } | null;
}

export interface Relation {
  /** from|TYPE|to: stable, so it can stand in a URL. */
  id: string;
  type: string;
  inferred: boolean;
  properties: Record<string, unknown>;
  from: EntityRef;
  to: EntityRef;
  /**
   * Every source's claim, oldest first (retracted ones included). Absent where the relation was
   * drawn (a neighbourhood): relationEvidence reads them when it is opened.
   */
  evidence?: Evidence[];
  /** Sources at the same point in time disagree. */
  disputed: boolean;
  sourceCount: number;
  /** Sources less those that only repeat an earlier source's sentences (a wire story reprinted). */
  independentSourceCount: number;
}

export interface SearchHit {
  node: EntityRef;
  score: number;
  /** HTML-escaped text with <mark> around the matched words. */
  snippet: string | null;
}

export interface Neighbourhood {
  truncated: boolean;
  nodes: EntityRef[];
  edges: Relation[];
}

export interface PathResult {
  length: number;
  nodes: EntityRef[];
  steps: { from: EntityRef; to: EntityRef; relation: Relation }[];
}

/** An entity's own properties: the common ones and, by kind, its typed fields. */
export interface EntityDetails extends EntityRef {
  description: string | null;
  aliases: string[];
  isoCode?: string | null;
  organizationCategory?: string | null;
  missionStatus?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  eventCategory?: string | null;
  date?: string | null;
  metric?: string | null;
  value?: number | null;
  unit?: string | null;
  period?: string | null;
  pledgeStatus?: string | null;
  text?: string | null;
  title?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  credit?: string | null;
  url?: string | null;
}

export interface TimelineItem {
  date: string;
  event: EntityRef | null;
  relation: Relation | null;
}

export interface Details {
  entity: EntityDetails;
  timeline: { totalCount: number; items: TimelineItem[] };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
    /**
     * Seconds to wait before sending the same request again, when the server marked the error
     * transient (`extensions.retryable`, `extensions.retryAfterSeconds`); null when it did not,
     * whatever its message says.
     */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

interface GqlBody<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: {
      code?: string;
      problems?: { path?: unknown[]; message?: string }[];
      retryable?: unknown;
      retryAfterSeconds?: unknown;
    };
  }[];
}

/** The wait a transient error asks for (README, Retrying), or null for any other error. */
function retryAfterOf(error: NonNullable<GqlBody<unknown>["errors"]>[number]): number | null {
  const { retryable, retryAfterSeconds } = error.extensions ?? {};
  if (retryable !== true) return null;
  return typeof retryAfterSeconds === "number" && Number.isFinite(retryAfterSeconds)
    ? Math.max(0, retryAfterSeconds)
    : 1;
}

/** An error's message, with the problems it lists (`source.title: is 600 characters; ...`). */
function errorMessage(error: NonNullable<GqlBody<unknown>["errors"]>[number]): string {
  const problems = Array.isArray(error.extensions?.problems) ? error.extensions.problems : [];
  const listed = problems
    .map((p) => `${Array.isArray(p.path) ? p.path.join(".") : ""}: ${p.message ?? ""}`)
    .join("; ");
  return listed ? `${error.message} ${listed}` : error.message;
}

async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      signal,
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        // Writes only: the token the reader pasted, held by the page for this visit alone.
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    if (signal?.aborted) throw new ApiError("Cancelled.", "CANCELLED");
    throw new ApiError("The server cannot be reached.");
  }
  let body: GqlBody<T>;
  try {
    body = (await response.json()) as GqlBody<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without a GraphQL result.`);
  }
  const [first] = body.errors ?? [];
  if (first)
    throw new ApiError(errorMessage(first), first.extensions?.code ?? null, retryAfterOf(first));
  if (!body.data) throw new ApiError("The server sent no data.");
  return body.data;
}

const ENTITY = "fragment E on Entity { key name kind }";
const CLAIM = "excerpt at values rank source { key name title url publisher }";
const RELATION = `fragment R on Relation {
  id type inferred properties disputed sourceCount independentSourceCount from { ...E } to { ...E }
  evidence: claims { ${CLAIM} }
}`;
/**
 * A relation as drawn: its count of sources and whether they disagree, not their sentences. A
 * relation a thousand sources state with long sentences is megabytes of them, and reading them
 * for every relation of a neighbourhood took drawing either end past the server's read budget
 * (LIMIT_EXCEEDED; redteam31). They are read when the relation is opened (relationEvidence).
 */
const DRAWN = `fragment R on Relation {
  id type inferred properties disputed sourceCount independentSourceCount from { ...E } to { ...E }
}`;

export async function search(text: string, first = 8): Promise<SearchHit[]> {
  const data = await gql<{ search: { edges: SearchHit[] } | null }>(
    `query ExplorerSearch($q: String!, $first: Int!) {
      search(query: $q, first: $first) { edges { score snippet node { ...E } } }
    }
    ${ENTITY}`,
    { q: text, first },
  );
  return data.search?.edges ?? [];
}

/** The entity of the graph under `key`, or null when there is none. */
export async function entityByKey(key: string): Promise<EntityRef | null> {
  try {
    const data = await gql<{ entity: EntityRef | null }>(
      `query ExplorerEntity($key: String!) { entity(key: $key) { ...E } }
      ${ENTITY}`,
      { key },
    );
    return data.entity;
  } catch (error) {
    // An unknown key is NOT_FOUND (with data.entity null): the key is free.
    if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** The query that draws one entity's neighbourhood (exported for the tests that send it). */
export const EXPAND = `query ExplorerExpand($key: String!, $limit: Int!) {
  neighbourhood(key: $key, depth: 1, limit: $limit) { truncated nodes { ...E } edges { ...R } }
}
${ENTITY} ${DRAWN}`;

/** One entity's neighbours (one hop) and the relations to them; null for an unknown key. */
export async function neighbourhood(key: string, limit: number): Promise<Neighbourhood | null> {
  const data = await gql<{ neighbourhood: Neighbourhood | null }>(EXPAND, { key, limit });
  return data.neighbourhood;
}

/**
 * Neighbourhoods per request. The server prices each at its `limit` (500 entities, each with its
 * relations' claims when an export asks for them: about 7,500 of the 50,000 an operation may
 * cost), so five fit in one request with room to spare; more keys go in parallel requests.
 */
const ALIASES_PER_REQUEST = 5;

/**
 * Each key's entity and every relation it has (one hop, all of them), so that what is drawn is
 * always every relation among the entities shown, whatever order they arrived in. Unknown keys
 * are left out of the answer. As drawn (no sentences), unless `sentences` (an export of the view).
 */
export async function incident(
  keys: readonly string[],
  sentences = false,
): Promise<Map<string, { entity: EntityRef; edges: Relation[] }>> {
  const out = new Map<string, { entity: EntityRef; edges: Relation[] }>();
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += ALIASES_PER_REQUEST)
    chunks.push(keys.slice(i, i + ALIASES_PER_REQUEST));
  await Promise.all(
    chunks.map(async (chunk) => {
      const vars = chunk.map((_, i) => `$k${i}: String!`).join(", ");
      const fields = chunk
        .map((_, i) => `n${i}: neighbourhood(key: $k${i}, depth: 1, limit: 500) { ...S }`)
        .join("\n");
      const data = await gql<Record<string, Neighbourhood | null>>(
        `query ExplorerIncident(${vars}) { ${fields} }
        fragment S on Subgraph { nodes { ...E } edges { ...R } }
        ${ENTITY} ${sentences ? RELATION : DRAWN}`,
        Object.fromEntries(chunk.map((key, i) => [`k${i}`, key])),
      );
      chunk.forEach((key, i) => {
        const sub = data[`n${i}`];
        const entity = sub?.nodes.find((n) => n.key === key);
        if (sub && entity) out.set(key, { entity, edges: sub.edges });
      });
    }),
  );
  return out;
}

/**
 * The query that reads an opened relation's claims: the relation by its id, with its first $n
 * claims and how many there are (exported for the tests that send it). One round trip, and no
 * other relation's claims are read.
 */
export const OPEN_RELATION = `query ExplorerRelation($id: ID!, $n: Int!) {
relation(id: $id) {
  claims: claimsConnection(first: $n) { totalCount edges { node { ${CLAIM} } } }
}
}`;

/** Claims read when a relation is opened: the first page of them. */
export const EVIDENCE_PAGE = 100;

/**
 * A relation's claims, oldest first, read when it is opened: the first EVIDENCE_PAGE of them
 * and how many there are; null when it is no longer there (NOT_FOUND).
 */
export async function relationEvidence(
  r: Pick<Relation, "id">,
): Promise<{ evidence: Evidence[]; total: number } | null> {
  try {
    const data = await gql<{
      relation: { claims: { totalCount: number; edges: { node: Evidence }[] } } | null;
    }>(OPEN_RELATION, { id: r.id, n: EVIDENCE_PAGE });
    const claims = data.relation?.claims;
    if (!claims) return null;
    return { evidence: claims.edges.map((e) => e.node), total: claims.totalCount };
  } catch (error) {
    // Deleted (or only retracted sources state it now) since it was drawn.
    if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** Up to `first` shortest paths (distinct chains of entities), shortest first; [] when none. */
export async function shortestPaths(from: string, to: string, first = 3): Promise<PathResult[]> {
  const data = await gql<{ paths: PathResult[] | null }>(
    `query ExplorerPaths($from: String!, $to: String!, $first: Int!) {
      paths(from: $from, to: $to, first: $first) {
        length nodes { ...E } steps { from { ...E } to { ...E } relation { ...R } }
      }
    }
    ${ENTITY} ${RELATION}`,
    { from, to, first },
  );
  return data.paths ?? [];
}

/** The entity's properties and its timeline, in one round trip. */
export async function details(key: string): Promise<Details> {
  const data = await gql<{
    entity: EntityDetails;
    timeline: { totalCount: number; edges: TimelineItem[] } | null;
  }>(
    `query ExplorerDetails($key: String!) {
      entity(key: $key) {
        ...E description aliases
        ... on Nation { isoCode }
        ... on Organization { organizationCategory: category }
        ... on Mission { missionStatus: status startDate endDate }
        ... on Event { eventCategory: category date }
        ... on Pledge { metric value unit period pledgeStatus: status }
        ... on Quote { text }
        ... on Source { title publisher publishedAt credit url }
      }
      timeline(entity: $key, first: 50) {
        totalCount edges { date event { ...E } relation { ...R } }
      }
    }
    ${ENTITY} ${RELATION}`,
    { key },
  );
  return {
    entity: data.entity,
    timeline: {
      totalCount: data.timeline?.totalCount ?? 0,
      items: data.timeline?.edges ?? [],
    },
  };
}

// ---- adding an article: extraction, then ingestion (both need a write token) -------------------

export interface TextSpan {
  start: number;
  end: number;
}

export interface DraftEntity {
  key: string;
  kind: Kind;
  name: string;
  /** LINKED: the key is an entity of the graph; NEW: proposed. */
  status: string;
  mentions: TextSpan[];
}

export interface DraftRelation {
  /** Its place in document.relations. */
  index: number;
  type: string;
  from: string;
  to: string;
  excerpt: string;
  span: TextSpan;
  confidence: number;
  inferred: boolean;
}

export interface Draft {
  /** The draft in the document format (schema/document.schema.json). */
  document: DraftDocument;
  entities: DraftEntity[];
  relations: DraftRelation[];
  /** The text's sentences as the extractor cut them (absent from a server without the field). */
  sentences?: TextSpan[];
  problems: string[];
}

export interface DraftDocument {
  source: { key: string; name?: string; properties: { text: string } & Record<string, unknown> };
  entities: ({ key: string; kind: string; name: string } & Record<string, unknown>)[];
  relations: ({ from: string; type: string; to: string } & Record<string, unknown>)[];
  [field: string]: unknown;
}

export interface ArticleMeta {
  title?: string;
  publisher?: string;
  publishedAt?: string;
  url?: string;
}

export async function extractDocument(
  text: string,
  source: ArticleMeta,
  token: string,
  signal?: AbortSignal,
): Promise<Draft> {
  const data = await gql<{ extractDocument: Draft }>(
    `mutation ExplorerExtract($text: String!, $source: ExtractSourceInput) {
      extractDocument(text: $text, source: $source) {
        document problems
        entities { key kind name status mentions { start end } }
        relations { index type from to excerpt span { start end } confidence inferred }
        sentences { start end }
      }
    }`,
    { text, source },
    token,
    signal,
  );
  return data.extractDocument;
}

export interface Outcomes {
  created: number;
  updated: number;
  corroborated: number;
  unchanged: number;
}

/** A new version's way out of a refusal: its free key and the stored source it supersedes. */
export interface NewVersion {
  key: string;
  supersedes: string;
}

/** One problem the server found in a document sent, with where it is. */
export interface Problem {
  path: string[];
  message: string;
  newVersion?: NewVersion | null;
}

/** The source an ingest superseded (now retracted), and how much that changed. */
export interface Superseded {
  key: string;
  relations: number;
  entities: number;
}

export type IngestResult =
  | {
      ok: true;
      source: string;
      entities: Outcomes;
      relations: Outcomes;
      superseded: Superseded | null;
    }
  | { ok: false; problems: Problem[] };

const PROBLEMS = "problems { path message newVersion { key supersedes } }";

/**
 * Ingests `document`; with `supersedes`, as a new version of that stored source, which is
 * retracted in the same transaction (the server wants the admin scope for that).
 */
export async function ingestDocument(
  document: DraftDocument,
  token: string,
  supersedes: string | null = null,
): Promise<IngestResult> {
  const data = await gql<{
    ingestDocument:
      | {
          __typename: "IngestDocumentSuccess";
          data: {
            source: string;
            entities: Outcomes;
            relations: Outcomes;
            superseded: Superseded | null;
          };
        }
      | { __typename: "ValidationError"; problems: Problem[] };
  }>(
    `mutation ExplorerIngest($document: JSONObject!, $supersedes: String) {
      ingestDocument(document: $document, supersedes: $supersedes) {
        __typename
        ... on IngestDocumentSuccess {
          data {
            source
            entities { created updated corroborated unchanged }
            relations { created updated corroborated unchanged }
            superseded { key relations entities }
          }
        }
        ... on ValidationError { ${PROBLEMS} }
      }
    }`,
    { document, supersedes },
    token,
  );
  const r = data.ingestDocument;
  return r.__typename === "IngestDocumentSuccess"
    ? { ok: true, ...r.data }
    : { ok: false, problems: r.problems };
}

export type CheckResult = { ok: true; summary: string[] } | { ok: false; problems: Problem[] };

/**
 * What ingesting `document` (with `supersedes`, as a new version of that stored source) would
 * do: ingest's dry run, checkDocument, writing nothing.
 */
export async function checkDocument(
  document: DraftDocument,
  token: string,
  signal?: AbortSignal,
  supersedes: string | null = null,
): Promise<CheckResult> {
  const data = await gql<{
    checkDocument:
      | { __typename: "CheckDocumentSuccess"; data: { summary: string[] } }
      | { __typename: "ValidationError"; problems: Problem[] };
  }>(
    `query ExplorerCheck($document: JSONObject!, $supersedes: String) {
      checkDocument(document: $document, supersedes: $supersedes) {
        __typename
        ... on CheckDocumentSuccess { data { summary } }
        ... on ValidationError { ${PROBLEMS} }
      }
    }`,
    { document, supersedes },
    token,
    signal,
  );
  const r = data.checkDocument;
  return r.__typename === "CheckDocumentSuccess"
    ? { ok: true, summary: r.data.summary }
    : { ok: false, problems: r.problems };
}

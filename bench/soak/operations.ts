/**
 * What the soak sends: the README's read examples (one per capability, so the load touches every
 * kind of Cypher the API issues) and a createEntity mutation; and how a response is classified.
 */

/** A read operation of the mix. */
export interface ReadOperation {
  /** The GraphQL operation name (it reaches the access log, so a slow one can be found there). */
  name: string;
  query: string;
}

/** The read mix, taken from the README's examples, which hold on the seed. */
export const READS: readonly ReadOperation[] = [
  {
    name: "SoakEntityWithRelations",
    query: `query SoakEntityWithRelations {
  entity(key: "canada") {
    id name
    ... on Nation {
      ledMissions { edges {
        evidence { excerpt }
        node { name
          contributors { edges { troops additionalTroops node { name } evidence { excerpt } } } }
      } }
    }
  }
}`,
  },
  {
    name: "SoakSearch",
    query: `query SoakSearch {
  search(query: "stolten", first: 3) { totalCount edges { score node { __typename key name } } }
}`,
  },
  {
    name: "SoakNationsWhere",
    query: `query SoakNationsWhere {
  nations(where: { related: [{ type: MEMBER_OF, to: ["nato"] }], NOT: { isoCode: { equals: "CAN" } } },
          orderBy: [{ field: NAME, direction: DESC }]) { totalCount edges { node { name isoCode } } }
}`,
  },
  {
    name: "SoakPath",
    query: `query SoakPath {
  path(from: "justin-trudeau", to: "latvia") {
    length steps { from { name } to { name } relation { type direction evidence { excerpt } } } }
}`,
  },
  {
    name: "SoakNeighbourhood",
    query: `query SoakNeighbourhood {
  neighbourhood(key: "operation-reassurance", depth: 1, limit: 10) {
    truncated nodes { name kind } edges { type from { key } to { key } } }
}`,
  },
  {
    name: "SoakTimeline",
    query: `query SoakTimeline {
  timeline(entity: "justin-trudeau") {
    totalCount edges { date event { name } relation { type to { name } } } }
}`,
  },
];

const CREATE_ENTITY = `mutation SoakCreateEntity($input: CreateEntityInput!) {
  createEntity(input: $input) {
    __typename
    ... on CreateEntitySuccess { data { key } }
    ... on Error { code }
  }
}`;

/** The JSON body of a read. */
export function readBody(op: ReadOperation): string {
  return JSON.stringify({ query: op.query, operationName: op.name });
}

/** The JSON body of a createEntity for `key` (a Place: its kind has no required properties). */
export function createEntityBody(key: string): string {
  return JSON.stringify({
    query: CREATE_ENTITY,
    operationName: "SoakCreateEntity",
    variables: { input: { key, kind: "Place", name: `Soak ${key}` } },
  });
}

/** The code of a response that went well. */
export const OK = "ok";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function parse(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first GraphQL error's `extensions.code`, or undefined when the response has no errors.
 * An error without a code is reported as UNCODED_ERROR (every error the API raises has one).
 */
function errorCode(response: Record<string, unknown>): string | undefined {
  const errors = response.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first: unknown = errors[0];
  const extensions = isRecord(first) ? first.extensions : undefined;
  const code = isRecord(extensions) ? extensions.code : undefined;
  return typeof code === "string" ? code : "UNCODED_ERROR";
}

/** Classifies a read's body: "ok", the first error's code, or why the body is unusable. */
export function classifyRead(body: string): string {
  const response = parse(body);
  if (!response) return "INVALID_JSON";
  const code = errorCode(response);
  if (code) return code;
  return isRecord(response.data) ? OK : "NO_DATA";
}

/**
 * Classifies a createEntity's body: "ok" only when the API acknowledged exactly this key
 * (CreateEntitySuccess with data.key === key); otherwise the error's code or the result's type.
 */
export function classifyWrite(body: string, key: string): string {
  const response = parse(body);
  if (!response) return "INVALID_JSON";
  const code = errorCode(response);
  if (code) return code;
  const result = isRecord(response.data) ? response.data.createEntity : undefined;
  if (!isRecord(result)) return "NO_DATA";
  if (result.__typename === "CreateEntitySuccess") {
    const data = result.data;
    return isRecord(data) && data.key === key ? OK : "WRONG_KEY";
  }
  if (typeof result.code === "string") return result.code;
  return typeof result.__typename === "string" ? result.__typename : "NO_DATA";
}

/** Limits on what one request may ask for; configured from the environment (see config.ts). */
import type { Config } from "./config.js";

export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxBodyBytes: number;
  /** JSON values (objects, arrays, scalars) in one request body: bounds what parsing it builds. */
  maxJsonValues: number;
  /** Items in any one list argument (ids, keys, where's AND / OR / NOT lists, types). */
  maxListItems: number;
  /** Filter conditions in one `where`, counted through AND / OR / NOT and nested filters. */
  maxFilterNodes: number;
  /** GraphQL requests executing at once; beyond it: HTTP 503 with Retry-After. */
  maxInFlight: number;
  /** Open subscription streams at once; beyond it: HTTP 503 with Retry-After. */
  maxSubscriptions: number;
  /** Of those, the most one client may hold; beyond it: HTTP 429. */
  maxSubscriptionsPerClient: number;
  /** Rows one request may read from Neo4j, counted as they stream in. */
  maxReadRows: number;
  /** Bytes (estimated, decoded) one request may read from Neo4j. */
  maxReadBytes: number;
  /** Bytes of parsed documents kept by the parser cache (estimated from their text). */
  documentCacheBytes: number;
  requestTimeoutMs: number;
  queryTimeoutMs: number;
  introspection: boolean;
  graphiql: boolean;
}

/** The defaults, sized for this schema: the deepest useful query (nations -> leaders -> quotes -> where said -> date) is 13 levels. */
export const DEFAULT_LIMITS: Limits = {
  maxDepth: 16,
  maxCost: 50_000,
  maxAliases: 30,
  maxTokens: 5_000,
  maxDirectives: 20,
  maxBodyBytes: 1_000_000,
  maxJsonValues: 50_000,
  maxListItems: 100,
  maxFilterNodes: 50,
  maxInFlight: 16,
  maxSubscriptions: 64,
  maxSubscriptionsPerClient: 8,
  maxReadRows: 20_000,
  maxReadBytes: 16_000_000,
  documentCacheBytes: 16_000_000,
  requestTimeoutMs: 10_000,
  queryTimeoutMs: 8_000,
  introspection: true,
  graphiql: true,
};

export function limitsFrom(config: Config): Limits {
  return {
    maxDepth: config.MAX_DEPTH,
    maxCost: config.MAX_COST,
    maxAliases: config.MAX_ALIASES,
    maxTokens: config.MAX_TOKENS,
    maxDirectives: config.MAX_DIRECTIVES,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxJsonValues: config.MAX_JSON_VALUES,
    maxListItems: config.MAX_LIST_ITEMS,
    maxFilterNodes: config.MAX_FILTER_NODES,
    maxInFlight: config.MAX_IN_FLIGHT,
    maxSubscriptions: config.MAX_SUBSCRIPTIONS,
    maxSubscriptionsPerClient: config.MAX_SUBSCRIPTIONS_PER_CLIENT,
    maxReadRows: config.MAX_READ_ROWS,
    maxReadBytes: config.MAX_READ_BYTES,
    documentCacheBytes: config.DOCUMENT_CACHE_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
    introspection: config.INTROSPECTION,
    graphiql: config.GRAPHIQL,
  };
}

/** Limits on what one request may ask for; configured from the environment (see config.ts). */
import type { Config } from "./config.js";

export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxBodyBytes: number;
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
  maxBodyBytes: 2_000_000,
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
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
    introspection: config.INTROSPECTION,
    graphiql: config.GRAPHIQL,
  };
}

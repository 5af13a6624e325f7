/**
 * Configuration, read once from the environment and validated. A bad value stops start-up with
 * a message that names the variable.
 */
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";
import proxyAddr from "proxy-addr";
import { z } from "zod";
import { loadTokenEntries } from "./auth/tokens.js";

/**
 * Node's timers hold at most 2^31 - 1 ms (24.8 days): a longer one fires after 1 ms, so a
 * REQUEST_TIMEOUT_MS of 3,000,000,000 stopped every request at once.
 */
const MAX_TIMER_MS = 2_147_483_647;
/**
 * A whole number written in decimal digits, from `min` to `max`. Not z.coerce.number: it took
 * " " for 0 (MAX_ALIASES=" " allowed no alias), "0x50" for 80 and "1e3" for 1000.
 */
const whole = (min: number, max?: number) => {
  const n = (v: number) => v.toLocaleString("en");
  const range = `must be a whole number ${max === undefined ? `of ${n(min)} or more` : `from ${n(min)} to ${n(max)}`}`;
  return z
    .string()
    .regex(/^\s*\d+\s*$/, range)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, range)
        .max(
          max ?? Number.MAX_SAFE_INTEGER,
          max === undefined ? `${range}, and below 2^53` : range,
        ),
    );
};
const port = whole(1, 65_535);
/** Bytes in a Neo4j memory size (512m, 1g); NaN when it is not one. */
function memoryBytes(size: string): number {
  const [, digits, unit] = /^(\d+)([kmg])$/i.exec(size) ?? [];
  if (digits === undefined || unit === undefined) return Number.NaN;
  return Number(digits) * 1024 ** " kmg".indexOf(unit.toLowerCase());
}
const MIB = 1024 ** 2;
/**
 * A Neo4j memory size, written as 512m or 1g, from `min` to the machine's memory. Values outside
 * started a local Neo4j that then failed, with Java's words and not the variable's name:
 * NEO4J_LOCAL_HEAP=0m ("Invalid maximum heap size"), 1k ("Too small maximum heap"), 32m (out
 * of memory while starting), 999999g ("Could not reserve enough space"); a page cache of 1k is
 * no page at all ("Expected positive long value, got 0").
 */
const memory = (min: string) => {
  const machine = `${Math.floor(totalmem() / MIB)}m`;
  const range = `must be from ${min} to this machine's memory (${machine})`;
  return z
    .string()
    .regex(/^\d+[kmg]$/i, "must look like 512m or 1g")
    .refine((v) => {
      const bytes = memoryBytes(v);
      return Number.isNaN(bytes) || (bytes >= memoryBytes(min) && bytes <= totalmem());
    }, range);
};
/**
 * A Neo4j duration from 1 s to 24 h, written as 500ms, 30s or 2m. Neo4j reads 0 as no timeout
 * at all: NEO4J_TX_TIMEOUT=0s started a local Neo4j that let a transaction run for ever.
 */
const duration = z
  .string()
  .regex(/^\d+(ms|s|m)$/, "must look like 500ms, 30s or 2m")
  .refine((v) => {
    const [, digits, unit] = /^(\d+)(ms|s|m)$/.exec(v) ?? [];
    if (digits === undefined) return true; // the regex has said what is wrong
    const ms = Number(digits) * (unit === "m" ? 60_000 : unit === "s" ? 1_000 : 1);
    return ms >= 1_000 && ms <= 86_400_000;
  }, "must be from 1s to 24h (1440m); 0 would turn the timeout off");
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
/**
 * An origin as a browser sends it (scheme, host and port, nothing after), written in any case:
 * browsers send scheme and host in lower case and no default port, so `https://App.Example:443`
 * is kept as `https://app.example`. Null when it is not an origin (a path, a query, user info,
 * a wildcard, a scheme without origins).
 */
function origin(text: string): string | null {
  if (text.includes("*")) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  // "https://a.example/" is accepted (its slash is stripped below); "https://a.example/?" is not.
  if (!bare || /[?#@]/.test(text) || url.origin === "null") return null;
  return url.origin;
}
/**
 * Which proxies in front of the server are believed about the client they forward for (their
 * X-Forwarded-For), as Express's "trust proxy" reads it: a number of hops, or addresses, CIDR
 * ranges and the names loopback, linklocal and uniquelocal, separated by commas. Empty (the
 * default): none is, and the client is the connection's peer.
 */
const trustProxy = z
  .string()
  .default("")
  .transform((v) => v.trim())
  .transform((v, ctx): ((addr: string, i: number) => boolean) => {
    if (v === "") return () => false;
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      return (_addr, i) => i < hops;
    }
    try {
      return proxyAddr.compile(v.split(",").map((a) => a.trim()));
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: `must be a number of hops, or addresses, CIDR ranges, loopback, linklocal or uniquelocal separated by commas (${error instanceof Error ? error.message : String(error)})`,
      });
      return z.NEVER;
    }
  });

/** `*` (any origin), `none` (same origin only) or a comma-separated list of origins. */
const corsOrigins = z
  .string()
  .transform((v) => v.trim())
  .transform((v): "*" | (string | null)[] =>
    v === "*"
      ? "*"
      : v === "none"
        ? []
        : v.split(",").map((o) => origin(o.trim().replace(/\/$/, ""))),
  )
  .refine(
    (v) => v === "*" || v.every((o) => o !== null),
    "must be *, none, or origins separated by commas, such as https://app.example,http://localhost:5173",
  )
  .transform((v): "*" | string[] => (v === "*" ? v : v.filter((o) => o !== null)));

const schema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, "must be a neo4j:// or bolt:// URI")
    .optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  NEO4J_LOCAL_DIR: z.string().min(1).default(".neo4j"),
  NEO4J_LOCAL_BOLT_PORT: port.default(7687),
  NEO4J_LOCAL_HEAP: memory("128m").default("512m"),
  NEO4J_LOCAL_PAGECACHE: memory("1m").default("256m"),
  NEO4J_TX_TIMEOUT: duration.default("30s"),
  NEO4J_START_TIMEOUT_MS: whole(1_000, MAX_TIMER_MS).default(120_000),
  SEED_IF_EMPTY: flag.default(true),
  WARM_UP_WRITES: flag.default(true),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Operation limits (graphql-armor) and request limits; see the README's "Limits".
  MAX_DEPTH: whole(1).default(16),
  MAX_COST: whole(1).default(50_000),
  MAX_ALIASES: whole(0).default(30),
  MAX_TOKENS: whole(10).default(5_000),
  MAX_DIRECTIVES: whole(0).default(20),
  MAX_BODY_BYTES: whole(1_024).default(1_000_000),
  MAX_JSON_VALUES: whole(100).default(50_000),
  /**
   * At most the query compiler's own cap on a `where`'s lists (FILTER_LIMITS.list,
   * src/cypher/filters.ts), which the schema's descriptions of `ids` and `keys` state too.
   */
  MAX_LIST_ITEMS: whole(1, 100).default(100),
  /** At most the query compiler's own cap (FILTER_LIMITS.conditions, src/cypher/filters.ts). */
  MAX_FILTER_NODES: whole(1, 50).default(50),
  MAX_IN_FLIGHT: whole(1).default(16),
  MAX_SUBSCRIPTIONS: whole(0).default(64),
  /** Of those, the most one client may hold (the client as TRUST_PROXY says who it is). */
  MAX_SUBSCRIPTIONS_PER_CLIENT: whole(1).default(8),
  TRUST_PROXY: trustProxy,
  MAX_READ_ROWS: whole(100).default(20_000),
  MAX_READ_BYTES: whole(10_000).default(16_000_000),
  DOCUMENT_CACHE_BYTES: whole(0).default(16_000_000),
  /** The whole execution of one operation. */
  REQUEST_TIMEOUT_MS: whole(100, MAX_TIMER_MS).default(10_000),
  /** Each Neo4j transaction; kept below the request budget so a cut request frees its work. */
  QUERY_TIMEOUT_MS: whole(50, MAX_TIMER_MS).default(8_000),
  INTROSPECTION: flag.default(true),
  GRAPHIQL: flag.default(true),
  /** JSON list of {name, sha256, scopes}; see `npm run token`. */
  API_TOKENS: z.string().optional(),
  /** A file holding such a list. */
  API_TOKENS_FILE: z.string().optional(),
  /** Origins whose pages may call the API from a browser; see cors.ts. */
  CORS_ORIGINS: corsOrigins.default("*"),
  /** Shares graphChanged between processes (API replicas, the ingest CLI) through this Redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL")
    .optional(),
});

export type Config = z.infer<typeof schema>;

/** Raised when the environment holds a bad value; the message names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Variables whose value is a secret: a refusal names them, never shows them. */
const SECRET = new Set(["NEO4J_PASSWORD", "API_TOKENS"]);
/** Variables whose value is a URL that may carry a user and password before an `@`. */
const URLS = new Set(["NEO4J_URI", "REDIS_URL"]);

/**
 * A refused value as the refusal shows it, without a secret: REDIS_URL=redis//:pw@cache (a
 * slash short) printed the Redis password to the start log.
 */
export function shown(name: string, value: string | undefined): string {
  if (value === undefined) return "undefined";
  if (SECRET.has(name)) return "(hidden)";
  const at = value.lastIndexOf("@");
  if (!URLS.has(name) || at < 0) return JSON.stringify(value);
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*(:\/*|\/+)/.exec(value)?.[0] ?? "";
  return JSON.stringify(`${scheme}***${value.slice(at)}`);
}

/**
 * The heap the limits let requests hold at once, by the README's memory model: each request in
 * flight its body, and what it reads (counted at two bytes a character, about 0.6 of it in real
 * heap) twice more as its answer's tree and text; and the parse caches. A server whose limits
 * admit more than its heap started, and the first burst of large requests ended it (MAX_BODY_BYTES
 * or MAX_READ_BYTES of 10^12 were accepted).
 */
function worstCaseHeapBytes(c: Config): number {
  const request = c.MAX_BODY_BYTES + 2 * c.MAX_READ_BYTES;
  return c.MAX_IN_FLIGHT * request + (c.DOCUMENT_CACHE_BYTES * 9) / 8;
}

/**
 * Throws ConfigError when the server's limits admit more than this process's heap. Called by the
 * server at start, not by loadConfig: the CLIs serve no requests, and a small machine's default
 * heap would refuse them for limits they never use.
 */
export function checkServerMemory(config: Config): void {
  const held = worstCaseHeapBytes(config);
  const heap = getHeapStatistics().heap_size_limit;
  if (held > heap) {
    const mb = (bytes: number) => `${Math.ceil(bytes / 1e6).toLocaleString("en")} MB`;
    throw new ConfigError(
      `Invalid configuration:\n  MAX_IN_FLIGHT, MAX_BODY_BYTES, MAX_READ_BYTES, DOCUMENT_CACHE_BYTES: the requests they admit at once may hold about ${mb(held)}, more than this process's heap (${mb(heap)}); lower them, or raise the heap with node's --max-old-space-size (see the README's memory model)`,
    );
  }
}

/** Parses configuration from `env` (default `process.env`); throws ConfigError on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) =>
        `  ${i.path.join(".")}=${shown(String(i.path[0]), env[String(i.path[0])])}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  if (result.data.NEO4J_URI && !result.data.NEO4J_PASSWORD) {
    throw new ConfigError(
      "Invalid configuration:\n  NEO4J_PASSWORD: required when NEO4J_URI is set",
    );
  }
  if (result.data.QUERY_TIMEOUT_MS >= result.data.REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      "Invalid configuration:\n  QUERY_TIMEOUT_MS: must be below REQUEST_TIMEOUT_MS, so a request cut short frees its transaction",
    );
  }
  // One client cannot hold more streams than the server opens: a per-client cap set above the
  // whole cap promised what no client could have. Left unset, its default (8) stands even over a
  // lower MAX_SUBSCRIPTIONS (0 turns subscriptions off), which then bounds every client.
  if (
    present.MAX_SUBSCRIPTIONS_PER_CLIENT !== undefined &&
    result.data.MAX_SUBSCRIPTIONS_PER_CLIENT > result.data.MAX_SUBSCRIPTIONS
  ) {
    throw new ConfigError(
      `Invalid configuration:\n  MAX_SUBSCRIPTIONS_PER_CLIENT=${result.data.MAX_SUBSCRIPTIONS_PER_CLIENT}: must be at most MAX_SUBSCRIPTIONS (${result.data.MAX_SUBSCRIPTIONS}), the streams the server holds for all clients together`,
    );
  }
  try {
    // Parsed here so a bad list stops start-up with the variable's name, not a 401 later.
    loadTokenEntries(result.data);
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return result.data;
}

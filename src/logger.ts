import { pino } from "pino";

/**
 * The level LOG_LEVEL names, if it is one config.ts accepts, else info until config.ts refuses it.
 * The logger is made when this module loads, before the configuration is read: pino threw on
 * LOG_LEVEL=verbose, or an empty LOG_LEVEL (docker-compose's `${LOG_LEVEL}` when unset), and the
 * server died with a stack trace instead of the line naming the variable.
 */
const LEVELS = new Set(["debug", "info", "warn", "error"]);
const level = LEVELS.has(process.env.LOG_LEVEL ?? "") ? (process.env.LOG_LEVEL as string) : "info";

/**
 * Structured logs (one JSON object per line on stdout). Redaction is a second line of defence:
 * passwords and tokens are never passed to the logger in the first place.
 *
 * Lines are written synchronously. pino's default destination writes each line asynchronously
 * through libuv's thread pool: one task, its wake-ups and its callback per line, which under load
 * (concurrency 16, 100k entities) cost about 300-500 µs of CPU per request, a fifth of ours' CPU
 * (`npx tsx bench/profile.ts cpusplit`). A synchronous write to stdout costs a few µs, and a
 * line written is never lost if the process dies.
 */
export const logger = pino(
  {
    level,
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "headers.authorization",
      ],
      censor: "[redacted]",
    },
    base: undefined,
  },
  pino.destination({ dest: 1, sync: true }),
);

export type Logger = typeof logger;

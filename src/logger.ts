import { pino } from "pino";

/**
 * Structured logs (one JSON object per line on stdout). Redaction is a second line of defence:
 * passwords and tokens are never passed to the logger in the first place.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
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
});

export type Logger = typeof logger;

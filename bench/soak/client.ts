/**
 * How the soak's ordinary clients send a request: as a well-behaved client would, a 503
 * OVERLOADED (the server's admission refusal, with Retry-After) is waited out and retried, and
 * counted, so back-pressure is seen apart from failures.
 */
import { setTimeout as sleep } from "node:timers/promises";

/** The code of the server's admission refusal (HTTP 503 with Retry-After). */
export const OVERLOADED = "OVERLOADED";

/** Admission refusals met by the ordinary clients. */
export interface AdmissionCounts {
  /** 503 OVERLOADED answers received. */
  refused: number;
  /** Of those, how many were retried after Retry-After. */
  retried: number;
  /** Requests still refused after the last retry (their 503 is the outcome recorded). */
  gaveUp: number;
}

export const newAdmissionCounts = (): AdmissionCounts => ({ refused: 0, retried: 0, gaveUp: 0 });

/** Whether a response is the admission refusal (status and code; the body is small JSON). */
export function isAdmissionRefusal(status: number, body: string): boolean {
  return status === 503 && body.includes(`"${OVERLOADED}"`);
}

export interface Answered {
  status: number;
  text: string;
  /** Attempts made (1 when the first was admitted). */
  attempts: number;
  /** How long the last attempt took (ms), without the waits before it. */
  lastAttemptMs: number;
}

/** Retry-After in ms (seconds form only, which is what the server sends); 1 s when absent. */
function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 1000;
}

/**
 * POSTs `body` to `url`, retrying an admission refusal up to `maxRetries` times after the
 * Retry-After it names. Throws when no response came (refused, reset, timed out).
 */
export async function postAdmitted(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: {
    signal: AbortSignal;
    timeoutMs: number;
    admission: AdmissionCounts;
    maxRetries?: number;
  },
): Promise<Answered> {
  const maxRetries = options.maxRetries ?? 5;
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.signal]),
    });
    const text = await response.text();
    const answered = { status: response.status, text, attempts: attempt };
    const lastAttemptMs = performance.now() - started;
    if (!isAdmissionRefusal(response.status, text)) return { ...answered, lastAttemptMs };
    options.admission.refused += 1;
    if (attempt > maxRetries || options.signal.aborted) {
      options.admission.gaveUp += 1;
      return { ...answered, lastAttemptMs };
    }
    options.admission.retried += 1;
    await sleep(retryAfterMs(response.headers.get("retry-after")), undefined, {
      signal: options.signal,
    }).catch(() => {});
  }
}

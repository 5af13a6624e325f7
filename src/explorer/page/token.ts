/**
 * A token the server would not take for a step of "Add an article" (a draft, a check, an
 * ingest): what the page says, in words that name the scope the step needs, so the reader knows
 * which token to give and can give it there and then. The server says only that a scope is
 * missing; which one depends on the step (superseding a source needs the admin scope).
 */

/** The step the reader asked for, and the stored source it supersedes (an ingest's). */
export interface Needs {
  step: "extract" | "check" | "ingest";
  supersedes: string | null;
}

/** A refusal of the token itself: no token, an unknown one, or one without the scope. */
export function refusesToken(error: unknown): error is { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "FORBIDDEN" || code === "UNAUTHENTICATED";
}

/** The scope the step needs: superseding a source retracts it, which needs the admin scope. */
export function scopeNeeded(needs: Needs): "write" | "admin" {
  return needs.step === "ingest" && needs.supersedes !== null ? "admin" : "write";
}

const LEAD: Record<Needs["step"], string> = {
  extract: "No draft was made",
  check: "The server did not check the review",
  ingest: "Nothing was written",
};

function doing(needs: Needs): string {
  if (needs.step === "extract") return "extracting a draft";
  if (needs.step === "check") return "checking a review";
  return needs.supersedes
    ? `ingesting a new version that supersedes ${needs.supersedes} (it retracts ${needs.supersedes})`
    : "ingesting an article";
}

/**
 * What the page says of the token refused: why, the scope the step needs, how such a token is
 * made, and `then` (where to give it: "below, and ingest again").
 */
export function tokenRefusedLine(
  error: { code: string | null; message: string },
  needs: Needs,
  then: string,
): string {
  const scope = scopeNeeded(needs);
  const why =
    error.code === "FORBIDDEN"
      ? `this token lacks the ${scope} scope, which ${doing(needs)} needs`
      : "the server did not take this token";
  const scopes = scope === "admin" ? "write,admin" : "write";
  return `${LEAD[needs.step]}: ${why} (the server said: “${error.message}”). Give a token with the ${scope} scope (npm run token -- --name NAME --scopes ${scopes}) ${then}.`;
}

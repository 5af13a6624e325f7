/**
 * A token the server would not take for a step of "Add an article" (explorer21), as the page's
 * logic: which refusals are the token's, the scope each step needs (superseding a source needs the
 * admin scope), and the words the page says. The browser test explorer-review-way-on drives the
 * same through the page, with another token given beside the refusal.
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/explorer/page/api.js";
import { refusesToken, scopeNeeded, tokenRefusedLine } from "../../src/explorer/page/token.js";

const LACKS = 'Token "desk" lacks the scope this operation needs.';

describe("a token refused", () => {
  it("is told from other failures by the server's code", () => {
    expect(refusesToken(new ApiError(LACKS, "FORBIDDEN"))).toBe(true);
    expect(refusesToken(new ApiError("Unknown token.", "UNAUTHENTICATED"))).toBe(true);
    expect(refusesToken(new ApiError("Cancelled.", "CANCELLED"))).toBe(false);
    expect(refusesToken(new ApiError("The server cannot be reached."))).toBe(false);
    expect(refusesToken(new Error("boom"))).toBe(false);
    expect(refusesToken(null)).toBe(false);
  });

  it("needs the admin scope only to ingest a new version that supersedes a source", () => {
    expect(scopeNeeded({ step: "ingest", supersedes: "old-article" })).toBe("admin");
    expect(scopeNeeded({ step: "ingest", supersedes: null })).toBe("write");
    // A check of the new version writes nothing: the write scope is enough.
    expect(scopeNeeded({ step: "check", supersedes: "old-article" })).toBe("write");
    expect(scopeNeeded({ step: "extract", supersedes: null })).toBe("write");
  });

  it("says which scope is missing, what needs it, and how such a token is made", () => {
    expect(
      tokenRefusedLine(
        new ApiError(LACKS, "FORBIDDEN"),
        { step: "ingest", supersedes: "old-article" },
        "below, and ingest again",
      ),
    ).toBe(
      `Nothing was written: this token lacks the admin scope, which ingesting a new version that supersedes old-article (it retracts old-article) needs (the server said: “${LACKS}”). Give a token with the admin scope (npm run token -- --name NAME --scopes write,admin) below, and ingest again.`,
    );
    expect(
      tokenRefusedLine(
        new ApiError(LACKS, "FORBIDDEN"),
        { step: "ingest", supersedes: null },
        "below, and ingest again",
      ),
    ).toContain("this token lacks the write scope, which ingesting an article needs");
  });

  it("says a token was not taken at all, whatever the step", () => {
    const line = tokenRefusedLine(
      new ApiError("Unknown token.", "UNAUTHENTICATED"),
      { step: "extract", supersedes: null },
      "as the write token, then extract again",
    );
    expect(line).toBe(
      "No draft was made: the server did not take this token (the server said: “Unknown token.”). Give a token with the write scope (npm run token -- --name NAME --scopes write) as the write token, then extract again.",
    );
    expect(
      tokenRefusedLine(
        new ApiError("Unknown token.", "UNAUTHENTICATED"),
        { step: "check", supersedes: null },
        "as the write token above",
      ),
    ).toMatch(/^The server did not check the review: the server did not take this token/);
  });
});

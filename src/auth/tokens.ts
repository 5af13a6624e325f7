/**
 * Bearer tokens. The server knows only SHA-256 hashes of tokens (from API_TOKENS or the file
 * API_TOKENS_FILE names), each with a name and scopes; a presented token is hashed and compared
 * with every known hash in constant time. Tokens themselves are never stored or logged.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * read: identifies a client, grants no writes; write: create, update, relate, ingest;
 * admin: write, and delete entities.
 */
export const SCOPES = ["read", "write", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

const entrySchema = z.strictObject({
  name: z.string().min(1).max(100),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits"),
  scopes: z.array(z.enum(SCOPES)).min(1),
});
export type TokenEntry = z.infer<typeof entrySchema>;

/** Parses the JSON list of token entries; throws with the path of every problem. */
export function parseTokenEntries(json: string, origin: string): TokenEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error(`${origin}: not valid JSON (expected [{"name", "sha256", "scopes"}])`);
  }
  const result = z.array(entrySchema).safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`${origin}: invalid token list:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Reads the token entries configured in the environment (none: every write is refused). */
export function loadTokenEntries(env: {
  API_TOKENS?: string | undefined;
  API_TOKENS_FILE?: string | undefined;
}): TokenEntry[] {
  const entries: TokenEntry[] = [];
  if (env.API_TOKENS) entries.push(...parseTokenEntries(env.API_TOKENS, "API_TOKENS"));
  if (env.API_TOKENS_FILE) {
    const origin = `API_TOKENS_FILE (${env.API_TOKENS_FILE})`;
    let text: string;
    try {
      text = readFileSync(env.API_TOKENS_FILE, "utf8");
    } catch (error) {
      // Node's "ENOENT: no such file or directory, open '...'" named no variable.
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new Error(
        `${origin}: cannot be read (${code}); it names a file holding the JSON token list (see npm run token)`,
      );
    }
    entries.push(...parseTokenEntries(text, origin));
  }
  // One token listed twice (in API_TOKENS and again in the file, say, with other scopes) was
  // resolved by the first entry without a word, so an operator who gave a token new scopes, or
  // took them away, in the later list saw nothing change (redteam16). Refused, naming both.
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const earlier = seen.get(entry.sha256);
    if (earlier !== undefined)
      throw new Error(
        `API_TOKENS / API_TOKENS_FILE: the token of "${entry.name}" is listed twice (first as "${earlier}"); list each token once, with all its scopes`,
      );
    seen.set(entry.sha256, entry.name);
  }
  return entries;
}

export const TOKEN_PREFIX = "agt_";
const TOKEN_PATTERN = /^agt_[A-Za-z0-9_-]{43}$/;

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A new random token (256 bits) and the hash to configure. */
export function generateToken(): { token: string; sha256: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, sha256: sha256(token) };
}

/** Who is calling. */
export type Caller =
  | { kind: "anonymous" }
  | { kind: "malformed"; reason: string }
  | { kind: "unknown" }
  | { kind: "token"; name: string; scopes: readonly Scope[] };

/** Resolves an Authorization header against the known hashes, comparing every one in constant time. */
export function authenticate(
  header: string | null | undefined,
  entries: readonly TokenEntry[],
): Caller {
  if (header == null || header === "") return { kind: "anonymous" };
  // The scheme is case-insensitive (RFC 7235), and one or more spaces follow it (RFC 6750).
  const match = /^bearer +(\S+)$/i.exec(header);
  if (!match) return { kind: "malformed", reason: 'expected "Authorization: Bearer <token>"' };
  const token = match[1] ?? "";
  if (!TOKEN_PATTERN.test(token))
    return { kind: "malformed", reason: `a token is ${TOKEN_PREFIX} followed by 43 characters` };
  const presented = Buffer.from(sha256(token), "hex");
  let found: TokenEntry | undefined;
  for (const entry of entries) {
    // No early exit: the time taken does not depend on which entry (if any) matches.
    if (timingSafeEqual(presented, Buffer.from(entry.sha256, "hex")) && !found) found = entry;
  }
  return found ? { kind: "token", name: found.name, scopes: found.scopes } : { kind: "unknown" };
}

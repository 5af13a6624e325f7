import { encodeGlobalID } from "@pothos/plugin-relay";
import { BadInputError, type InputProblem } from "../domain/errors.js";
import { isKind, KEY_MAX_LENGTH, KEY_PATTERN, type Kind } from "../domain/vocabulary.js";

/** How much of a client's text an error message repeats. */
const ECHO_MAX = 80;

/** The client's text for an error message: once, and cut short (marked) when long. */
export function echo(text: string): string {
  return text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}…` : text;
}

function isKey(key: string): boolean {
  return key.length <= KEY_MAX_LENGTH && KEY_PATTERN.test(key);
}

/** Where a value sits in the arguments, e.g. ["where", "related", 0, "to", 1]. */
export type ArgPath = (string | number)[];

/** An argument path as the API's other input errors write it: `where.related.0.to.1`. */
export function formatPath(path: ArgPath): string {
  return path.join(".");
}

/** A problem for each of `keys` (value and where it sits) that can never be an entity key. */
export function keyProblems(keys: Iterable<readonly [string, ArgPath]>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [key, path] of keys) {
    if (!isKey(key)) {
      problems.push({
        path,
        message: `"${echo(key)}" is not a key: keys are lowercase slugs such as justin-trudeau`,
      });
    }
  }
  return problems;
}

/**
 * The one check of every argument and filter that takes entity keys: a value that can never be a
 * key is BAD_USER_INPUT naming where it sits and what it is (every such value in `problems`, the
 * first in the message), rather than a lookup that can only miss. A well-formed key that no
 * entity has is left to the query (matching nothing, or NOT_FOUND where one entity is asked for).
 */
export function checkKeys(keys: Iterable<readonly [string, ArgPath]>): void {
  const problems = keyProblems(keys);
  const [first] = problems;
  if (!first) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more, in problems)` : "";
  throw new BadInputError(`${formatPath(first.path)}: ${first.message}.${more}`, problems);
}

/** Checks that `key`, the argument at `path` (a name or a path), is an entity key (see checkKeys). */
export function checkKey(key: string, path: string | ArgPath = "key"): string {
  checkKeys([[key, typeof path === "string" ? [path] : path]]);
  return key;
}

/**
 * Decodes a global id of this API (base64 of `Kind:key`, the relay plugin's encoding): anything
 * else, a well-formed id of an unknown type or one whose key is not a key included, is
 * BAD_USER_INPUT naming the argument `name`, so it never reaches the database as a lookup that
 * can only miss. So is another spelling of an id it gave out (base64 without its padding, or
 * with stray bits in its last character): a client's cache keys an entity by the `id` it was
 * given, so accepting a variant would answer with an id the client does not hold, and leave it
 * two ids for one entity; the error names the id to use instead.
 */
export function decodeEntityId(globalID: string, name = "id"): { typename: Kind; id: string } {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(globalID)
    ? Buffer.from(globalID, "base64").toString("utf8")
    : "";
  const colon = decoded.indexOf(":");
  const typename = decoded.slice(0, colon);
  const key = decoded.slice(colon + 1);
  if (colon < 1 || !isKind(typename) || !isKey(key)) {
    throw new BadInputError(`"${echo(globalID)}" is not an id this API gave out.`, [
      { path: [name], message: "not a global id of this API" },
    ]);
  }
  const canonical = encodeGlobalID(typename, key);
  if (globalID !== canonical) {
    throw new BadInputError(
      `"${echo(globalID)}" is not an id this API gave out; the id of ${typename} "${key}" is "${canonical}".`,
      [{ path: [name], message: `not the id this API gives out: use "${canonical}"` }],
    );
  }
  return { typename, id: key };
}

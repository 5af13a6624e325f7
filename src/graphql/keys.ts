import { encodeGlobalID } from "@pothos/plugin-relay";
import { BadInputError, type InputProblem } from "../domain/errors.js";
import { isKey, isKind, type Kind } from "../domain/vocabulary.js";

/** How much of a client's text an error message repeats. */
const ECHO_MAX = 80;

/** The client's text for an error message: once, and cut short (marked) when long. */
export function echo(text: string): string {
  return text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}…` : text;
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

type Decoded = { typename: Kind; id: string };

/**
 * Decodes a global id of this API (base64 of `Kind:key`, the relay plugin's encoding), or says
 * what is wrong with it: anything else, a well-formed id of an unknown type or one whose key is
 * not a key included, so it never reaches the database as a lookup that can only miss. So is
 * another spelling of an id it gave out (base64 without its padding, or with stray bits in its
 * last character): a client's cache keys an entity by the `id` it was given, so accepting a
 * variant would answer with an id the client does not hold, and leave it two ids for one
 * entity; the problem names the id to use instead.
 */
function decodeOrProblem(globalID: string): Decoded | { message: string; problem: string } {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(globalID)
    ? Buffer.from(globalID, "base64").toString("utf8")
    : "";
  const colon = decoded.indexOf(":");
  const typename = decoded.slice(0, colon);
  const key = decoded.slice(colon + 1);
  if (colon < 1 || !isKind(typename) || !isKey(key)) {
    return {
      message: `"${echo(globalID)}" is not an id this API gave out.`,
      problem: "not a global id of this API",
    };
  }
  const canonical = encodeGlobalID(typename, key);
  if (globalID !== canonical) {
    return {
      message: `"${echo(globalID)}" is not an id this API gave out; the id of ${typename} "${key}" is "${canonical}".`,
      problem: `not the id this API gives out: use "${canonical}"`,
    };
  }
  return { typename, id: key };
}

/**
 * Decodes the global ids `ids`, the argument `name` (a list, or one id when `single`): any that
 * is not an id this API gave out (see decodeOrProblem) is BAD_USER_INPUT naming where it sits
 * (`["ids", 3]`), every such id in `problems` and the first in the message.
 */
export function decodeEntityIds(ids: readonly string[], name: string, single = false): Decoded[] {
  const decoded: Decoded[] = [];
  const problems: InputProblem[] = [];
  let first = "";
  ids.forEach((globalID, i) => {
    const d = decodeOrProblem(globalID);
    if ("typename" in d) {
      decoded.push(d);
      return;
    }
    if (!first) first = d.message;
    problems.push({ path: single ? [name] : [name, i], message: d.problem });
  });
  if (problems.length === 0) return decoded;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more, in problems)` : "";
  throw new BadInputError(`${first}${more}`, problems);
}

/** Decodes one global id, the argument `name` (see decodeEntityIds). */
export function decodeEntityId(globalID: string, name = "id"): Decoded {
  return decodeEntityIds([globalID], name, true)[0] as Decoded;
}

/**
 * The relay plugin's decoder, which never throws: the complexity budget decodes the ids of
 * `node` and `nodes` while pricing an operation, before anything runs, where an error has no
 * field and no place in the list. An id that is not this API's decodes to no type and the text
 * as given; `node` and `nodes` refuse it as they run (decodeEntityIds), naming where it sits.
 */
export function decodeGlobalIdForRelay(globalID: string): { typename: string; id: string } {
  const d = decodeOrProblem(globalID);
  return "typename" in d ? d : { typename: "", id: globalID };
}

/**
 * Refuses, naming where each sits, the ids among `decoded` (as decodeGlobalIdForRelay gave
 * them) that are not this API's: the argument `name`, a list or one id when `single`.
 */
export function refuseForeignIds(
  decoded: readonly { typename: string; id: string }[],
  name: string,
  single = false,
): void {
  if (decoded.every((d) => d.typename !== "")) return;
  decodeEntityIds(
    decoded.map((d) => (d.typename === "" ? d.id : encodeGlobalID(d.typename, d.id))),
    name,
    single,
  );
}

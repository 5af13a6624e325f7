import { BadInputError } from "../domain/errors.js";
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

/** Checks that `key` (the argument called `name`) is an entity key; throws BAD_USER_INPUT if not. */
export function checkKey(key: string, name = "key"): string {
  if (!isKey(key)) {
    throw new BadInputError(
      `"${echo(key)}" is not a key: keys are lowercase slugs such as justin-trudeau.`,
      [{ path: [name], message: "must be a lowercase slug such as justin-trudeau" }],
    );
  }
  return key;
}

/**
 * Decodes a global id of this API (base64 of `Kind:key`, the relay plugin's encoding): anything
 * else, a well-formed id of an unknown type or one whose key is not a key included, is
 * BAD_USER_INPUT naming the argument `name`, so it never reaches the database as a lookup that
 * can only miss.
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
  return { typename, id: key };
}

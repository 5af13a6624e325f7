/**
 * The Cypher of the extractor's linker: every name of an article looked up in one statement
 * through the full-text index on names and aliases (entity_fulltext) and the name index, kept
 * only where the name or an alias equals the name asked for (case aside), the name as written
 * before a name match, before an alias match, before a match of a name or alias spelled without
 * its accents (plainNames); and the
 * keys a draft would propose, looked up exactly, in the same statement.
 */

import { foldName, plainSpelling } from "../domain/fold.js";
import type { Statement } from "./params.js";

const phrase = (text: string) => `"${text.replace(/[\\"]/g, "\\$&")}"`;

/**
 * Lucene phrase query for one name, in the name or the aliases field, and spelled plain
 * (plainSpelling) in those and in the plain spellings of names and aliases: an article's "Adazi"
 * finds "Ādaži", its "Kariņš" a graph's "Karins".
 */
export const phraseQuery = (name: string) => {
  const quoted = phrase(name);
  const plain = phrase(plainSpelling(name));
  return `name:${quoted} OR aliases:${quoted} OR name:${plain} OR aliases:${plain} OR plainNames:${plain}`;
};

// The entities named exactly as asked come first, from the name index, so that entities whose
// names only fold to it ("CANADA", "\u202eCanada" drawn as "adanaC", twenty of them) neither
// outrank nor crowd out of the full-text index's 20 the one named as the article writes it; then
// a name that folds to it, an alias, a plain spelling. Among equals, the entity with the most
// relations (the one the graph knows), then the score, then the key: a client with a write token
// made an article's "Canada" link to its own nation named "\u202eCanada" (redteam31).
const LOOKUP = `
UNWIND $items AS item
CALL (item) {
  CALL (item) {
    MATCH (node:Entity) WHERE node.name = item.name
    RETURN node, 0.0 AS score
    UNION
    CALL db.index.fulltext.queryNodes('entity_fulltext', item.query, {limit: 20}) YIELD node, score
    RETURN node, score
  }
  WITH node, max(score) AS score
  WITH node, score, CASE
    WHEN node.name = item.name THEN 0
    WHEN node.nameLower = item.lower THEN 1
    WHEN item.lower IN coalesce(node.aliasesLower, []) THEN 2
    // Spelled plain: the name or an alias without its accents, or the name as asked without them.
    WHEN item.plain IN coalesce(node.plainNames, []) OR node.nameLower = item.plain
      OR item.plain IN coalesce(node.aliasesLower, []) THEN 3
  END AS rank
  WHERE rank IS NOT NULL
  RETURN node
  ORDER BY rank, COUNT { (node)--() } DESC, score DESC, node.key
  LIMIT 1
}
RETURN item.name AS asked, node.key AS key, node.kind AS kind, node.name AS name, node.date AS date
UNION ALL
UNWIND $keys AS k
MATCH (node:Entity {key: k})
RETURN k AS asked, node.key AS key, node.kind AS kind, node.name AS name, node.date AS date`;

/**
 * Rows (asked, key, kind, name, date): the entity each name (as given) links to, and each key that
 * exists; names and keys that find nothing have no row.
 */
export function linkLookupStatement(lookup: {
  names: readonly string[];
  keys: readonly string[];
}): Statement {
  const items = lookup.names.map((name) => ({
    name,
    lower: foldName(name),
    plain: plainSpelling(name),
    query: phraseQuery(name),
  }));
  return { cypher: LOOKUP, params: { items, keys: [...lookup.keys] } };
}

/**
 * The Cypher of the extractor's linker: every name of an article looked up in one statement
 * through the full-text index on names and aliases (entity_search), kept only where the name or
 * an alias equals the name asked for (case aside), a name match before an alias match; and the
 * keys a draft would propose, looked up exactly, in the same statement.
 */

import { foldName } from "../domain/fold.js";
import { foldedName } from "./fold.js";
import type { Statement } from "./params.js";

/** Lucene phrase query for one name, in the name or the aliases field. */
export const phraseQuery = (name: string) => {
  const quoted = `"${name.replace(/[\\"]/g, "\\$&")}"`;
  return `name:${quoted} OR aliases:${quoted}`;
};

const LOOKUP = `
UNWIND $items AS item
CALL (item) {
  CALL db.index.fulltext.queryNodes('entity_fulltext', item.query, {limit: 20}) YIELD node, score
  WITH node, score
  WHERE node.nameLower = item.lower OR any(a IN coalesce(node.aliases, []) WHERE ${foldedName("a")} = item.lower)
  RETURN node
  ORDER BY CASE WHEN node.nameLower = item.lower THEN 0 ELSE 1 END, score DESC
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
    query: phraseQuery(name),
  }));
  return { cypher: LOOKUP, params: { items, keys: [...lookup.keys] } };
}

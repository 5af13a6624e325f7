/**
 * The extractor's linker over the graph: every name of an article in ONE round trip, through the
 * full-text index on names and aliases (entity_search), kept only where the name or an alias
 * equals the name asked for (case aside); a name match outranks an alias match. The keys a draft
 * would propose are looked up exactly in the same round trip (see Linker).
 */
import type { Db } from "../db/driver.js";
import { type QueryStats, runRead } from "../db/run.js";
import { isKind } from "../domain/vocabulary.js";
import type { LinkedEntity, Linker } from "../extract/types.js";

/** Lucene phrase query for one name, in the name or the aliases field. */
const phrase = (name: string) => {
  const quoted = `"${name.replace(/[\\"]/g, "\\$&")}"`;
  return `name:${quoted} OR aliases:${quoted}`;
};

const LOOKUP = `
UNWIND $items AS item
CALL (item) {
  CALL db.index.fulltext.queryNodes('entity_search', item.query, {limit: 20}) YIELD node, score
  WITH node, score
  WHERE node.nameLower = item.lower OR any(a IN coalesce(node.aliases, []) WHERE toLower(a) = item.lower)
  RETURN node
  ORDER BY CASE WHEN node.nameLower = item.lower THEN 0 ELSE 1 END, score DESC
  LIMIT 1
}
RETURN item.name AS asked, node.key AS key, node.kind AS kind, node.name AS name
UNION ALL
UNWIND $keys AS k
MATCH (node:Entity {key: k})
RETURN k AS asked, node.key AS key, node.kind AS kind, node.name AS name`;

export function graphLinker(db: Db, stats: QueryStats): Linker {
  return {
    async lookup(names, keys = []) {
      const out = new Map<string, LinkedEntity>();
      const items = [...new Set(names)]
        .map((n) => n.trim().replace(/^the\s+/i, ""))
        .filter((n) => n.length > 0 && n.length <= 200)
        .map((name) => ({ name, lower: name.toLowerCase(), query: phrase(name) }));
      const wanted = [...new Set(keys)];
      if (items.length === 0 && wanted.length === 0) return out;
      const rows = await runRead(db, stats, LOOKUP, { items, keys: wanted });
      const byTrimmed = new Map<string, LinkedEntity>();
      const asKeys = new Set(wanted);
      for (const r of rows) {
        const kind = String(r.kind);
        if (!isKind(kind)) continue;
        const hit = { key: String(r.key), kind, name: String(r.name) };
        // A name and a key can be the same string ("nato"): the name's answer is kept.
        if (asKeys.has(String(r.asked)) && r.key === r.asked) out.set(String(r.asked), hit);
        else byTrimmed.set(String(r.asked), hit);
      }
      for (const n of names) {
        const hit = byTrimmed.get(n.trim().replace(/^the\s+/i, ""));
        if (hit) out.set(n, hit);
      }
      return out;
    },
  };
}

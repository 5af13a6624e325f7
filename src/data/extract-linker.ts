/**
 * The extractor's linker over the graph: every name of an article in ONE round trip, through the
 * full-text index on names and aliases (entity_fulltext) and the name index, kept only where the
 * name or an alias equals the name asked for (case aside); the name as written outranks a name
 * that folds to it, which outranks an alias match; among equals, the most related. The keys a draft
 * would propose are looked up exactly in the same round trip (see Linker). The statement is
 * src/cypher/linker.ts's.
 */
import { linkLookupStatement } from "../cypher/linker.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, runRead } from "../db/run.js";
import { isKind } from "../domain/vocabulary.js";
import type { LinkedEntity, Linker } from "../extract/types.js";

export function graphLinker(db: Db, stats: QueryStats): Linker {
  return {
    async lookup(names, keys = []) {
      const out = new Map<string, LinkedEntity>();
      const asked = [...new Set(names)]
        .map((n) => n.trim().replace(/^the\s+/i, ""))
        .filter((n) => n.length > 0 && n.length <= 200);
      const wanted = [...new Set(keys)];
      if (asked.length === 0 && wanted.length === 0) return out;
      const { cypher, params } = linkLookupStatement({ names: asked, keys: wanted });
      const rows = await runRead(db, stats, cypher, params);
      const byTrimmed = new Map<string, LinkedEntity>();
      const asKeys = new Set(wanted);
      for (const r of rows) {
        const kind = String(r.kind);
        if (!isKind(kind)) continue;
        const hit: LinkedEntity = { key: String(r.key), kind, name: String(r.name) };
        if (typeof r.date === "string") hit.date = r.date;
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

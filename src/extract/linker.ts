/**
 * An offline linker over documents (such as the seed): names and aliases, case-insensitively,
 * then without accents.
 */
import type { Document } from "../domain/document.js";
import { plainSpelling } from "../domain/fold.js";
import type { LinkedEntity, Linker } from "./types.js";

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^the\s+/, "")
    .trim();

/**
 * A name as `norm` has it, without its accents ("adazi" for "Ādaži"): English copy often drops
 * them, so an article's "Adazi" or "Karins" is the entity the documents spell with them (and the
 * other way round). Looked up only when the name as written finds nothing.
 */
const plain = (s: string) => plainSpelling(norm(s));

export function documentLinker(docs: readonly Document[]): Linker {
  const index = new Map<string, LinkedEntity>();
  const plainIndex = new Map<string, LinkedEntity>();
  const byKey = new Map<string, LinkedEntity>();
  const of = (e: Document["entities"][number]): LinkedEntity => {
    const date = e.properties?.date;
    return {
      key: e.key,
      kind: e.kind,
      name: e.name,
      ...(typeof date === "string" ? { date } : {}),
    };
  };
  for (const doc of docs) {
    for (const e of doc.entities) {
      const linked = of(e);
      // a name wins over another entity's alias
      index.set(norm(e.name), linked);
      plainIndex.set(plain(e.name), linked);
    }
  }
  for (const doc of docs) {
    for (const e of doc.entities) {
      for (const a of e.aliases) {
        const n = norm(a);
        if (!index.has(n)) index.set(n, of(e));
        if (!plainIndex.has(plain(a))) plainIndex.set(plain(a), of(e));
      }
      if (!index.has(e.key)) index.set(e.key, of(e));
      byKey.set(e.key, of(e));
    }
  }
  return {
    async lookup(names, keys = []) {
      const out = new Map<string, LinkedEntity>();
      for (const n of names) {
        const hit = index.get(norm(n)) ?? plainIndex.get(plain(n));
        if (hit) out.set(n, hit);
      }
      for (const k of keys) {
        const hit = byKey.get(k);
        if (hit) out.set(k, hit);
      }
      return out;
    },
  };
}

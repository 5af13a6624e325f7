/**
 * Entity linking: mentions become entities. Forms of one entity share a key ("the U.K.",
 * "British", "United Kingdom"); a surname after a full name is that person ("Trudeau" after
 * "Justin Trudeau"); then every name is looked up at once in the linker (the graph, or documents
 * such as the seed), and an entity found there takes its key, name and kind (LINKED). The rest
 * are proposed with house-style keys (NEW).
 */
import type { Kind } from "../domain/vocabulary.js";
import { slug } from "./keys.js";
import type { Mention } from "./mentions.js";
import { occasionYear, sameOccasion } from "./occasions.js";
import type { Linker } from "./types.js";

/**
 * A courtesy title alone ("Mr.", "Ms", "Dr."): it says no office, so a surname it precedes names a
 * person of the draft only as the person the article names in full (gold names every person by
 * at least two words); alone it would be a Person a reviewer must complete or reject (extclass26).
 */
export function courtesyOnly(role: string): boolean {
  return /^(?:Mr|Mrs|Ms|Miss|Dr)\.?$/i.test(role.trim());
}

export interface Cluster {
  key: string;
  kind: Kind;
  name: string;
  status: "NEW" | "LINKED";
  /** Forms the text uses other than the name. */
  aliases: Set<string>;
  mentions: Mention[];
  properties: Record<string, string | number>;
}

export interface Linked {
  clusters: Cluster[];
  of: Map<Mention, Cluster>;
}

const lastWord = (name: string) => name.split(/\s+/).pop() ?? name;

export async function linkMentions(
  mentions: readonly Mention[],
  linker?: Linker,
  publishedAt?: string,
): Promise<Linked> {
  const byKey = new Map<string, Cluster>();
  const of = new Map<Mention, Cluster>();
  const add = (m: Mention, key: string) => {
    let c = byKey.get(key);
    if (!c) {
      c = {
        key,
        kind: m.kind,
        name: m.known?.name ?? m.name,
        status: "NEW",
        aliases: new Set(m.known?.aliases ?? []),
        mentions: [],
        properties: { ...(m.known?.properties ?? {}), ...(m.properties ?? {}) },
      };
      byKey.set(key, c);
    }
    c.mentions.push(m);
    of.set(m, c);
  };
  for (const m of mentions) if (!m.bare) add(m, m.key ?? slug(m.name));
  // A one-word name is the person with that surname named before it (or after, in a headline).
  const people = [...byKey.values()].filter((c) => c.kind === "Person");
  for (const m of mentions.filter((x) => x.bare)) {
    const before = people.filter(
      (p) => lastWord(p.name) === m.text && p.mentions.some((x) => x.start < m.start),
    );
    const any = before.length > 0 ? before : people.filter((p) => lastWord(p.name) === m.text);
    const person = any[any.length - 1];
    if (person) {
      person.aliases.add(m.text);
      person.mentions.push(m);
      of.set(m, person);
    } else if (m.key || (m.role && !courtesyOnly(m.role)))
      // "President Macron": a person, by title; "Rutte": a leader of the time (office-holders.ts);
      // "Mr. Halvorsen" with no full name anywhere is no person of the draft (extclass26)
      add(m, m.key ?? slug(m.name));
  }

  // "K. Gogelienė" after "Kamilė Gogelienė": a given name cut to its initial is the person named
  // in full with that surname and initial (ministry releases write a speaker so after the first
  // mention); with two such people, or none, it stays as it is (twenty-first pass)
  for (const c of [...byKey.values()]) {
    const short = c.kind === "Person" ? /^(\p{Lu})\.\s+(\p{Lu}[\p{L}’'-]+)$/u.exec(c.name) : null;
    if (!short) continue;
    const full = people.filter(
      (p) =>
        p !== c &&
        byKey.get(p.key) === p &&
        lastWord(p.name) === short[2] &&
        p.name.startsWith(short[1] ?? "") &&
        !/^\p{Lu}\.\s/u.test(p.name),
    );
    const person = full.length === 1 ? full[0] : undefined;
    if (!person) continue;
    person.aliases.add(c.name);
    for (const m of c.mentions) {
      person.mentions.push(m);
      of.set(m, person);
    }
    byKey.delete(c.key);
  }

  mergeExerciseYears(byKey, of);

  if (linker) {
    const clusters = [...byKey.values()];
    const names = new Set<string>();
    for (const c of clusters) {
      names.add(c.name);
      for (const m of c.mentions) if (!m.demonym) names.add(m.text);
    }
    const found = await linker.lookup(
      [...names],
      clusters.flatMap((c) => [c.key, `${c.key}-${slug(c.kind)}`]),
    );
    const taken = new Set(byKey.keys());
    for (const c of clusters) {
      // "the battle group" is a description: a battle group named by its host ("NATO battle group
      // in Romania") links by that name only, never to another nation's battle group
      const described = c.kind === "Mission" && c.mentions.some((m) => m.involves);
      const forms = described
        ? [c.name]
        : [c.name, ...c.mentions.filter((m) => !m.demonym).map((m) => m.text)];
      const byName = forms
        .map((n) => found.get(n))
        .find((h) => h && h.kind === c.kind && sameOccasion(c, h, publishedAt));
      // The key it would propose is already an entity's: the same one when the kind agrees.
      const byOwnKey = found.get(c.key);
      const ownKeyOnly =
        byOwnKey?.key === c.key &&
        byOwnKey.kind === c.kind &&
        !sameOccasion(c, byOwnKey, publishedAt);
      const hit =
        byName ??
        (byOwnKey?.key === c.key && byOwnKey.kind === c.kind && !ownKeyOnly ? byOwnKey : null);
      if (!hit) {
        if (byOwnKey?.key === c.key) {
          // An entity of another kind holds that key, or another occasion of the same name:
          // propose one that names the kind, or the year.
          const year = ownKeyOnly ? occasionYear(c, publishedAt) : undefined;
          let key = year ? `${c.key}-${year}` : `${c.key}-${slug(c.kind)}`;
          const base = key;
          for (let i = 2; taken.has(key) || found.get(key)?.key === key; i++) key = `${base}-${i}`;
          byKey.delete(c.key);
          c.key = key;
          taken.add(key);
          byKey.set(key, c);
        }
        continue;
      }
      byKey.delete(c.key);
      const into = byKey.get(hit.key);
      if (into && into !== c) {
        // two forms of one known entity: merge
        for (const m of c.mentions) {
          into.mentions.push(m);
          of.set(m, into);
        }
        for (const a of c.aliases) into.aliases.add(a);
        if (c.name !== into.name) into.aliases.add(c.name);
        continue;
      }
      if (c.name !== hit.name) c.aliases.add(c.name);
      c.key = hit.key;
      c.name = hit.name;
      c.status = "LINKED";
      byKey.set(c.key, c);
    }
  }
  for (const c of byKey.values()) {
    for (const m of c.mentions)
      if (m.text !== c.name && !m.demonym && !m.metonym) c.aliases.add(m.text);
    c.aliases.delete(c.name);
    c.mentions.sort((a, b) => a.start - b.start);
  }
  return { clusters: [...byKey.values()], of };
}

/**
 * Entities the relation rules named that no mention brought to the first lookup ("the two per
 * cent target" becomes a Pledge, "Canadian troops" their nation): looked up by name and by the
 * key proposed for them, in one more call for the whole article. One found takes its key, name
 * and kind (LINKED; merged into the entity of that key if the draft has it already); a key held
 * by an entity of another kind is replaced by one that names the kind. Returns the clusters that
 * were merged away, with the one each became.
 */
export async function linkLate(
  late: readonly Cluster[],
  all: ReadonlyMap<string, Cluster>,
  linker: Linker,
  publishedAt?: string,
): Promise<Map<Cluster, Cluster>> {
  const merged = new Map<Cluster, Cluster>();
  if (late.length === 0) return merged;
  const found = await linker.lookup(
    late.map((c) => c.name),
    late.flatMap((c) => [c.key, `${c.key}-${slug(c.kind)}`]),
  );
  const byKey = new Map(all);
  for (const c of late) {
    const byName = found.get(c.name);
    const byOwnKey = found.get(c.key);
    const ownKeyOnly =
      byOwnKey?.key === c.key &&
      byOwnKey.kind === c.kind &&
      !sameOccasion(c, byOwnKey, publishedAt);
    const hit =
      byName?.kind === c.kind && sameOccasion(c, byName, publishedAt)
        ? byName
        : byOwnKey?.key === c.key && byOwnKey.kind === c.kind && !ownKeyOnly
          ? byOwnKey
          : null;
    if (hit) {
      const into = byKey.get(hit.key);
      if (into && into !== c) {
        into.mentions.push(...c.mentions);
        for (const a of c.aliases) into.aliases.add(a);
        merged.set(c, into);
        continue;
      }
      byKey.delete(c.key);
      if (c.name !== hit.name) c.aliases.add(c.name);
      c.key = hit.key;
      c.name = hit.name;
      c.status = "LINKED";
      byKey.set(c.key, c);
    } else if (byOwnKey?.key === c.key) {
      const year = ownKeyOnly ? occasionYear(c, publishedAt) : undefined;
      const base = year ? `${c.key}-${year}` : `${c.key}-${slug(c.kind)}`;
      let key = base;
      for (let i = 2; byKey.has(key) || found.get(key)?.key === key; i++) key = `${base}-${i}`;
      byKey.delete(c.key);
      c.key = key;
      byKey.set(key, c);
    }
  }
  return merged;
}

/**
 * An exercise's name with its year written in two digits or four, with "Exercise" before it or
 * not ("Exercise Steadfast Defender 24", "STEADFAST DEFENDER 2024", "Steadfast Defender 2024"):
 * one event (wild26). The form with the four-digit year and without "Exercise" names it.
 */
function mergeExerciseYears(byKey: Map<string, Cluster>, of: Map<Mention, Cluster>): void {
  /** `c`'s mentions and names become `into`'s, and `c` is gone. */
  const absorb = (into: Cluster, c: Cluster) => {
    for (const m of c.mentions) {
      into.mentions.push(m);
      of.set(m, into);
    }
    into.aliases.add(c.name);
    for (const a of c.aliases) into.aliases.add(a);
    byKey.delete(c.key);
  };
  const canon = (name: string) => {
    const m = /^(?:Exercise\s+)?(.+?)[\s-]+(?:'|’)?(\d{2}|20\d{2})$/iu.exec(name.trim());
    if (!m) return undefined;
    const year = (m[2] as string).length === 2 ? `20${m[2]}` : (m[2] as string);
    return `${(m[1] as string).toLowerCase().replace(/\s+/g, " ")}|${year}`;
  };
  const groups = new Map<string, Cluster[]>();
  for (const c of byKey.values()) {
    if (c.kind !== "Event") continue;
    const k = canon(c.name);
    if (!k) continue;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const score = (c: Cluster) =>
      (/\d{4}$/.test(c.name) ? 2 : 0) + (/^Exercise\s/i.test(c.name) ? 0 : 1);
    const into = [...group].sort((a, b) => score(b) - score(a))[0] as Cluster;
    for (const c of group) if (c !== into) absorb(into, c);
  }
  // "Exercise Trident Juncture" in the headline, "Exercise Trident Juncture 2015" in the body: a
  // name without its year is the one edition of it the article dates (with two, it stays apart)
  const dated = new Map<string, Cluster[]>();
  for (const c of byKey.values()) {
    const k = c.kind === "Event" ? canon(c.name) : undefined;
    if (!k) continue;
    const base = k.slice(0, k.lastIndexOf("|")).replace(/^exercise\s+/, "");
    dated.set(base, [...(dated.get(base) ?? []), c]);
  }
  for (const c of [...byKey.values()]) {
    if (c.kind !== "Event" || canon(c.name)) continue;
    const base = c.name
      .trim()
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/^exercise\s+/, "");
    const editions = dated.get(base);
    const into = editions?.length === 1 ? editions[0] : undefined;
    if (into && into !== c) absorb(into, c);
  }
}

/**
 * Missions a reader knows by what they do and where (fifteenth pass): NATO's air policing told
 * without a proper name. Any reader of the news knows that air policing over Estonia, Latvia or
 * Lithuania is the Baltic Air Policing and over Iceland the Icelandic Air Policing; elsewhere it
 * is the alliance's air policing of that one nation ("the air policing mission in Bulgaria").
 * And a mission told by its description after the article named it ("the Icelandic air policing
 * mission ... NATO's air policing mission there") is that mission, as any definite description
 * of news copy is: one entity, not two.
 */
import type { KnownEntity } from "./gazetteer.js";
import { slug } from "./keys.js";

/** The Baltic states, where NATO's air policing is the Baltic Air Policing. */
const BALTIC = new Set(["estonia", "latvia", "lithuania"]);

/**
 * The name and key of a mission described by `words` ("air policing", "enhanced air policing")
 * over or in `hosts`, when a reader knows which mission that is; undefined otherwise.
 */
export function describedMission(
  words: string,
  hosts: readonly KnownEntity[],
): { name: string; key: string } | undefined {
  const what = words
    .trim()
    .replace(/[\s-]+/g, " ")
    .toLowerCase();
  if (!/^(?:enhanced )?air policing$/.test(what) || hosts.length === 0) return undefined;
  const keys = new Set(hosts.map((h) => h.key));
  if ([...keys].every((k) => BALTIC.has(k)))
    return { name: "Baltic Air Policing", key: "baltic-air-policing" };
  if (keys.size === 1 && keys.has("iceland"))
    return { name: "Icelandic Air Policing", key: "icelandic-air-policing" };
  if (keys.size !== 1) return undefined;
  const host = hosts[0] as KnownEntity;
  return {
    name: `NATO ${what} mission in ${host.name}`,
    key: slug(`NATO ${what} in ${host.name}`),
  };
}

/** What a mission's description says it does: "air policing" of "NATO's air policing mission". */
const described = (name: string) =>
  /^(?:[a-z][a-z-]*\s+){1,3}(?:mission|operation)$/.test(name)
    ? name.replace(/\s+(?:mission|operation)$/, "")
    : undefined;

/** The fields of a mention this module reads and sets. */
interface MissionMention {
  start: number;
  kind: string;
  name: string;
  key?: string;
  known?: KnownEntity;
}

/**
 * Gives a mission told by its description ("NATO's air policing mission") the name and key of
 * the mission the article named before it whose name holds those words ("Icelandic Air
 * Policing"): the last such one before it, else the one after it when only one is named. A
 * description no named mission of the article shares stays its own mission.
 */
export function describedAsNamed<M extends MissionMention>(mentions: readonly M[]): void {
  const missions = mentions.filter((m) => m.kind === "Mission").sort((a, b) => a.start - b.start);
  const named = missions.filter((m) => described(m.name) === undefined);
  // the named missions holding each description's words, in text order: asked once per wording
  // (a text of thousands of missions stays linear in them)
  const holding = new Map<string, { hold: M[]; onlyFrom: (M | undefined)[] }>();
  for (const m of missions) {
    const words = described(m.name);
    if (!words) continue;
    let found = holding.get(words);
    if (!found) {
      const hold = named.filter((x) => x.name.toLowerCase().includes(words));
      // onlyFrom[i]: the mission, when hold[i..] all name one and the same
      const onlyFrom: (M | undefined)[] = new Array(hold.length);
      for (let i = hold.length - 1; i >= 0; i--) {
        const x = hold[i] as M;
        onlyFrom[i] = i === hold.length - 1 || onlyFrom[i + 1]?.key === x.key ? x : undefined;
      }
      found = { hold, onlyFrom };
      holding.set(words, found);
    }
    const { hold, onlyFrom } = found;
    if (hold.length === 0) continue;
    // the last one before it, else the only mission named after it
    let lo = 0;
    let hi = hold.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((hold[mid] as M).start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const to = hold[lo - 1] ?? onlyFrom[lo];
    if (!to) continue;
    m.name = to.name;
    m.key = to.key;
    if (to.known) m.known = to.known;
  }
}

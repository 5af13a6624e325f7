/**
 * The mission a sentence speaks of, for readers that go sentence by sentence and remember the
 * mission the sentence before named (handovers.ts, rotations.ts).
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

/**
 * The mission of a sentence: the one it names; else the article's one mission; else the one the
 * sentence before it named ("... as part of the Baltic Air Policing mission. The Spanish were
 * replaced by ..."); undefined else.
 */
export function missionOf(
  here: readonly Placed[],
  only: Cluster | undefined,
  before: Cluster | undefined,
): { mission: Cluster; named: boolean } | undefined {
  const named = [
    ...new Set(here.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
  ];
  if (named.length === 1) return { mission: named[0] as Cluster, named: true };
  if (named.length > 0) return undefined;
  const mission = only ?? before;
  return mission ? { mission, named: false } : undefined;
}

/** The one mission a sentence names, if it names one. */
export const oneMission = (here: readonly Placed[]): Cluster | undefined => {
  const named = new Set(here.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster));
  return named.size === 1 ? [...named][0] : undefined;
};

/**
 * A reader of one sentence after another, in text order (relations.ts's per-sentence table),
 * given each sentence's mission (missionOf) as it remembers the one the sentence before named.
 */
export function missionReader(
  only: Cluster | undefined,
  read: (
    s: Sentence,
    here: readonly Placed[],
    of: { mission: Cluster; named: boolean } | undefined,
  ) => void,
): (s: Sentence, here: readonly Placed[]) => void {
  let before: Cluster | undefined;
  return (s, here) => {
    const last = before;
    before = oneMission(here);
    read(s, here, missionOf(here, only, last));
  };
}

/**
 * What a sentence says of its mission (missionOf: `named` in it, or remembered), read by the
 * sentence-by-sentence readers (rotations.ts, unit-contributions.ts); `invaders` are no side.
 */
export type MissionSentenceRule = (
  ctx: Context,
  s: Sentence,
  here: readonly Placed[],
  mission: Cluster,
  named: boolean,
  invaders: ReadonlySet<string>,
) => void;

/**
 * The base a mission works from (seventeenth pass): "a detachment flew Baltic Air Policing sorties
 * out of Amari Air Base", "the ceremony of the NATO battle group at Tapa Army Base", "NATO troops
 * are stationed at the Ujmajor camp", "will operate from Siauliai AB". A reader records the mission
 * as deployed to the base: the mission the sentence names (exactly one), or the article's one
 * mission where the sentence speaks of forces. A base is a place named as one ("... Air Base",
 * "AB", "... Camp", "... Training Area", "... training ground") after "at", "in", "to", "out of" or
 * a verb of operating or flying and "from". Not read: "come from" or "based in" a base of the
 * forces' home ("jets from the 32nd Tactical Air Base"), two missions in one sentence.
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

const BASE_NAME =
  /\b(?:Air Base|Air Force Base|Army Base|Naval Base|Base|AB|Camp|camp|Training Area|Training Centre|Training Center|[Tt]raining [Gg]round|[Gg]arrison)\b/;
/** What puts a mission at the base written right after it. */
const AT_BASE =
  /(?:\b(?:at|in|to|out of)|\b(?:operat\w*|fl(?:y|ies|ew|own|ying)|deploy\w*|stationed|based|sorties)\s+from)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?$/u;
/** A sentence that speaks of forces, where the mission is the article's one and not named. */
const FORCES =
  /\b(?:troops|soldiers|forces|stationed|deployed|battle ?group|battlegroup|contingent|detachment|jets|fighters|aircraft|rotation)\b/i;

export function missionBases(
  ctx: Context,
  only: Cluster | undefined,
): (s: Sentence, here: readonly Placed[]) => void {
  return (s, here) => {
    const named = [
      ...new Set(here.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
    ];
    if (named.length > 1) return;
    const mission = named[0] ?? (only && FORCES.test(s.text) ? only : undefined);
    if (!mission) return;
    for (const p of here) {
      if (p.cluster.kind !== "Place" || !BASE_NAME.test(p.cluster.name)) continue;
      const before = ctx.text.slice(Math.max(s.start, p.mention.start - 50), p.mention.start);
      if (!AT_BASE.test(before) || /\bcom(?:e|es|ing)\s+from\b/.test(before)) continue;
      ctx.propose({
        type: "DEPLOYED_TO",
        from: mission,
        to: p.cluster,
        sentence: s,
        inferred:
          named.length === 0 || !/\b(?:deploy|stationed|based|operat|out of|fl)/.test(before),
        confidence: 0.65,
      });
    }
  };
}

/**
 * Rotations of a presence (nineteenth pass): who serves in a mission told as a presence or as
 * rotations, and where it is.
 *
 * - "the rotational military presence of the Visegrad Group in the Baltic region": whose presence
 *   it is contributes to the mission, and the mission is deployed where the phrase says (a nation
 *   there hosts it, inferred);
 * - "Czech troops deployed to Lithuania, Slovakian rotation in Latvia and Polish rotation to
 *   Lithuania": the demonym's nation contributes to the mission, which is deployed to (and hosted
 *   by) the nation after "to" or "in". The mission is the one the sentence names; where it names
 *   none and the words are a rotation's or a contingent's, the article's one mission or the one
 *   the sentence before named (inferred).
 *
 * Not a side: an invader, a nation the mission's own name places it in ("the NATO battle group in
 * Lithuania" is not deployed to Belarus by "Russian troops in Belarus"), the host itself.
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import { type MissionSentenceRule, missionReader } from "./sentence-mission.js";
import type { Sentence } from "./sentences.js";
import { shipsServing, unitsServing } from "./unit-contributions.js";

/** A demonym's forces and where they are: "Czech troops deployed to", "Hungarian rotation in". */
const FORCES_TO =
  /^\s+(?:(?:mechani[sz]ed|infantry|armou?red|air|naval|engineer|military|tank|light)\s+){0,2}(troops|soldiers|forces|personnel|rotation|contingent|company|battalion|battle ?group|detachment|unit|platoon)\s+(?:(?:were|was|are|is|will\s+be|have\s+been|has\s+been)\s+)?(?:(?:deployed|stationed|based|serving|sent)\s+)?(?:to|in|into)\s+(?:the\s+)?$/i;
/** Before forces that lead a clause: its start, a comma or colon, "and", and an article or figure. */
const CLAUSE_HEAD =
  /(?:^|[,:;]\s+|\b(?:and|while|as|with)\s+)(?:(?:a|an|the|some|about|around|roughly|nearly|over|more\s+than|\d[\d,.]*)\s+)*$/i;
/** "rotated its company into", "has rotated a battalion to". */
const ROTATED_INTO =
  /^\s+(?:(?:has|have|had|will|is|was)\s+)?(?:rotated|rotates|rotating|rotate)\s+(?:its|their|a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:company|companies|battalion|contingent|troops|soldiers|detachment|unit|platoon|squadron|battery)\s+(?:in)?to\s+(?:the\s+)?$/u;
/** A unit's soldiers arriving: "arrived in", "have arrived at", "deployed to". */
const ARRIVED_IN =
  /^\s+(?:(?:have|has|had|will|are|were|was|is)\s+)?(?:arrived|arrive|arrives|arriving|deployed|deploy|deploys)\s+(?:in|to|at)\s+(?:the\s+)?$/;
/** "Soldiers of the", "Troops from the", "Elements of the": the unit's forces. */
const FORCES_OF =
  /\b(?:soldiers|troops|elements|personnel|members|airmen|marines|paratroopers|sailors)\s+(?:of|from)\s+(?:the\s+)?$/i;
/** The subject at its clause's start. */
const SUBJECT_START = /(?:^|[,;:]\s+|\b(?:and|while|as)\s+)$/;
/** Words that are a mission's own, so the article's mission may be meant without its name. */
const ROTATION_WORD = /^(?:rotation|contingent)$/i;
/** After a mission's mention: "of" and whose it is. */
const OF_WHOM = /^\s+of\s+(?:the\s+)?$/;
/** After whose it is: "(soldiers) in (the)" and where. */
const IN_WHERE = /^\s+(?:(?:troops|soldiers|forces|units)\s+)?in\s+(?:the\s+)?$/;
/** A mission named for the nation it is in: "NATO battle group in Slovakia" -> "Slovakia". */
const IN_NAME = /\sin\s+(?:the\s+)?([\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*)$/u;

/** "the air policing of", "protecting the skies over" (not "violated the airspace of"). */
const AIRSPACE_OF =
  /\b(?:air\s+policing\s+(?:of|over)|(?:safeguard|protect|guard|polic|patrol|secur|defend)\w*\s+the\s+(?:airspace|skies)\s+(?:of|over))\s+(?:the\s+)?$/i;

/** The nation a mission's name or any form the text uses places it in ("battle group in Latvia"). */
const placedBy = (mission: Cluster) =>
  [mission.name, ...mission.aliases, ...mission.mentions.map((m) => m.text)]
    .map((n) => IN_NAME.exec(n)?.[1])
    .find((x) => x !== undefined);

/**
 * The reader of one sentence after another, in text order (relations.ts's per-sentence table): it
 * remembers the mission the sentence before named.
 */
export function rotations(
  ctx: Context,
  only: Cluster | undefined,
  invaders: ReadonlySet<string>,
): (s: Sentence, here: readonly Placed[]) => void {
  return missionReader(only, (s, here, of) => {
    presenceOf(ctx, s, here, invaders);
    airspaceOf(ctx, s, here);
    if (of) {
      for (const rule of MISSION_RULES) rule(ctx, s, here, of.mission, of.named, invaders);
    }
  });
}

/**
 * "Denmark rotated its company into Latvia", "Soldiers of the 2nd Cavalry Regiment arrived in
 * Poland": the nation or the unit contributes to the mission (inferred where the sentence does not
 * name it), which is deployed there; only where the mission's own name puts it in no other nation.
 */
const sentInto: MissionSentenceRule = (ctx, s, here, mission, named, invaders) => {
  const placedIn = placedBy(mission);
  for (const [i, p] of here.entries()) {
    const c = p.cluster;
    const unit = c.kind === "Organization" && c.properties.category === "ARMED_FORCES";
    if ((c.kind !== "Nation" && !unit) || p.mention.demonym || invaders.has(c.key)) continue;
    const where = here[i + 1];
    if (!where || (where.cluster.kind !== "Nation" && where.cluster.kind !== "Place")) continue;
    if (where.mention.demonym || where.cluster === c) continue;
    const between = ctx.text.slice(p.mention.end, where.mention.start);
    const before = ctx.text.slice(Math.max(s.start, p.mention.start - 40), p.mention.start);
    const rotated = c.kind === "Nation" && ROTATED_INTO.test(between) && SUBJECT_START.test(before);
    const arrived = unit && ARRIVED_IN.test(between) && FORCES_OF.test(before);
    if (!rotated && !arrived) continue;
    const host = where.cluster.kind === "Nation" ? where.cluster : undefined;
    // a mission placed in a nation by its name: only forces arriving in that nation (a town
    // elsewhere cannot be told from one there)
    if (placedIn && (!host || placedIn !== host.name)) continue;
    ctx.propose({
      type: "CONTRIBUTES_TO",
      from: c,
      to: mission,
      sentence: s,
      inferred: !named,
      confidence: 0.65,
    });
    deployed(ctx, s, mission, where.cluster, !named);
  }
};

/** "the rotational presence of the Visegrad Group in the Baltic region". */
function presenceOf(
  ctx: Context,
  s: Sentence,
  here: readonly Placed[],
  invaders: ReadonlySet<string>,
): void {
  for (const [i, m] of here.entries()) {
    // a presence's own words ("the battle group of NATO's presence" is the alliance's mission)
    if (m.cluster.kind !== "Mission" || !/\bpresence\b/i.test(m.mention.text)) continue;
    const who = here[i + 1];
    if (!who || (who.cluster.kind !== "Nation" && who.cluster.kind !== "Organization")) continue;
    if (who.mention.demonym || invaders.has(who.cluster.key)) continue;
    if (!OF_WHOM.test(ctx.text.slice(m.mention.end, who.mention.start))) continue;
    // "the rotational presence of NATO troops": the alliance's own mission, part of it
    const nato = who.cluster.key === "nato";
    ctx.propose({
      type: nato ? "PART_OF" : "CONTRIBUTES_TO",
      from: nato ? m.cluster : who.cluster,
      to: nato ? who.cluster : m.cluster,
      sentence: s,
      confidence: 0.7,
    });
    const where = here[i + 2];
    if (!where || (where.cluster.kind !== "Nation" && where.cluster.kind !== "Place")) continue;
    if (
      where.mention.demonym ||
      !IN_WHERE.test(ctx.text.slice(who.mention.end, where.mention.start))
    )
      continue;
    deployed(ctx, s, m.cluster, where.cluster, false);
  }
}

/** "Czech troops deployed to Lithuania, Slovakian rotation in Latvia". */
const rotationsTo: MissionSentenceRule = (ctx, s, here, mission, named, invaders) => {
  const placedIn = placedBy(mission);
  for (const [i, p] of here.entries()) {
    if (p.cluster.kind !== "Nation" || invaders.has(p.cluster.key)) continue;
    // "Czech troops", "Poland's contingent": a demonym, or the nation's possessive
    const owns = /^['’]s\s/.test(ctx.text.slice(p.mention.end, p.mention.end + 3));
    if (!p.mention.demonym && !owns) continue;
    const host = here[i + 1];
    if (host?.cluster.kind !== "Nation" || host.mention.demonym) continue;
    if (host.cluster === p.cluster) continue;
    const forces = FORCES_TO.exec(
      ctx.text.slice(p.mention.end + (owns ? 2 : 0), host.mention.start),
    );
    if (!forces) continue;
    // the forces lead their clause ("..., Czech troops deployed to", "and a Dutch rotation in"),
    // not the object of a verb ("has trained 50,000 Ukrainian soldiers in Britain")
    if (!CLAUSE_HEAD.test(ctx.text.slice(Math.max(s.start, p.mention.start - 40), p.mention.start)))
      continue;
    if (!named && !ROTATION_WORD.test(forces[1] ?? "")) continue;
    // the mission is placed by its name in another nation: these forces are not its
    if (placedIn && placedIn !== host.cluster.name) continue;
    ctx.propose({
      type: "CONTRIBUTES_TO",
      from: p.cluster,
      to: mission,
      sentence: s,
      inferred: !named,
      confidence: 0.7,
    });
    deployed(ctx, s, mission, host.cluster, !named);
  }
};

/**
 * "took responsibility for the air policing of Estonia, Latvia and Lithuania, under the Baltic air
 * policing mission": an air policing mission the sentence names is deployed to each nation whose
 * airspace it says is policed (each hosts it, inferred).
 */
function airspaceOf(ctx: Context, s: Sentence, here: readonly Placed[]): void {
  const missions = here.filter(
    (p) => p.cluster.kind === "Mission" && /air policing/i.test(p.cluster.name),
  );
  if (missions.length === 0) return;
  const only = new Set(missions.map((p) => p.cluster)).size === 1 ? missions[0] : undefined;
  // the runs of nations after "the air policing of"
  const runs: Placed[][] = [];
  let run: Placed[] | undefined;
  for (const p of here) {
    const last = run?.at(-1);
    if (p.cluster.kind === "Nation" && !p.mention.demonym) {
      const before = ctx.text.slice(Math.max(s.start, p.mention.start - 40), p.mention.start);
      if (
        run &&
        last &&
        /^(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(ctx.text.slice(last.mention.end, p.mention.start))
      ) {
        run.push(p);
        continue;
      }
      if (AIRSPACE_OF.test(before)) {
        run = [p];
        runs.push(run);
        continue;
      }
    }
    run = undefined;
  }
  for (const nations of runs) {
    const end = (nations.at(-1) as Placed).mention.end;
    // "..., under the Baltic air policing mission": the mission named right after the list
    const after = missions.find(
      (m) =>
        m.mention.start >= end &&
        /^,?\s+(?:under|as\s+part\s+of|within)\s+(?:the\s+)?(?:NATO(?:’s|'s)?\s+)?$/.test(
          ctx.text.slice(end, m.mention.start),
        ),
    );
    const mission = after ?? only;
    if (!mission) continue;
    for (const n of nations) deployed(ctx, s, mission.cluster, n.cluster, false);
  }
}

function deployed(ctx: Context, s: Sentence, mission: Cluster, where: Cluster, inferred: boolean) {
  ctx.propose({
    type: "DEPLOYED_TO",
    from: mission,
    to: where,
    sentence: s,
    inferred,
    confidence: 0.7,
  });
  if (where.kind === "Nation")
    ctx.propose({
      type: "HOSTS",
      from: where,
      to: mission,
      sentence: s,
      inferred: true,
      confidence: 0.6,
    });
}

/** The rules each sentence with a mission is read by, in this order. */
const MISSION_RULES: readonly MissionSentenceRule[] = [
  rotationsTo,
  sentInto,
  unitsServing,
  shipsServing,
];

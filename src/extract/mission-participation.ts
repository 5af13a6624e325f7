/**
 * A nation or a force that takes part in a mission the text names: "Norway last took part in the
 * Icelandic air policing mission in 2023", "Spain has taken part in the Baltic Air Policing mission
 * since 2006", "Canada participates in Operation Reassurance", "Sweden joined the battle group",
 * "A French Air Force unit fulfilled Baltic Air Policing duties" (a verb of doing the mission's
 * duties, sorties or patrols; the force's unit or detachment between).
 * The subject is the nation or force just before the verb (adverbs and auxiliaries between); the
 * mission is named within a few words after it. A year told with "since" is when the part began.
 */
import { type Context, placedIn } from "./context.js";

const BEFORE_VERB =
  /^\s+(?:(?:has|have|had|also|last|already|long|previously|regularly|again|will|would|is|are|was|were|currently|now|first|likewise|since\s+\d{4}|unit|units|detachment|contingent|squadron|company|battalion)\s+)*$/i;
const VERB =
  /^(?:take|takes|took|taken|taking)\s+part\s+in|^participat\w*\s+in|^contribut\w*\s+to|^join(?:s|ed|ing)?(?=\s)|^(?:fulfil(?:l|ls|led|ling|s)?|perform(?:s|ed|ing)?|carr(?:y|ies|ied|ying)\s+out|conduct(?:s|ed|ing)?|fl(?:y|ies|ew|own|ying))(?=\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+\s+(?:duties|sorties|tasks|missions|rotations?|patrols)\b)/iu;
/** Between the verb and the mission: an article and a few words of its name or description. */
const TO_MISSION =
  /^\s+(?:the\s+)?(?:(?!(?:on|about|over|for|with|of|to|talks|discussions|debates?|negotiations|meetings?|review|decisions?|planning)\b)[\p{L}’'-]+\s+){0,3}?$/u;

export function missionParticipation(ctx: Context): void {
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    const missions = here.filter((p) => p.cluster.kind === "Mission");
    if (missions.length === 0) continue;
    for (const subject of here) {
      const c = subject.cluster;
      const force = c.kind === "Organization" && c.properties.category === "ARMED_FORCES";
      if (!(c.kind === "Nation" && !subject.mention.demonym) && !force) continue;
      const rest = ctx.text.slice(subject.mention.end, s.end);
      const aux = /^\s+(?:[\p{L}\d]+\s+){0,4}/u.exec(rest);
      let verbAt = -1;
      for (let i = 0; aux && i <= aux[0].length; i++) {
        if (!BEFORE_VERB.test(rest.slice(0, i))) continue;
        if (VERB.test(rest.slice(i))) {
          verbAt = subject.mention.end + i;
          break;
        }
      }
      if (verbAt < 0) continue;
      const verb = VERB.exec(ctx.text.slice(verbAt, s.end));
      const from = verbAt + (verb?.[0].length ?? 0);
      const mission = missions.find(
        (m) => m.mention.start >= from && TO_MISSION.test(ctx.text.slice(from, m.mention.start)),
      );
      if (!mission) continue;
      const since = /^[^,;]{0,60}?\bsince\s+(\d{4})\b/.exec(
        ctx.text.slice(mission.mention.end, s.end),
      );
      ctx.propose({
        type: "CONTRIBUTES_TO",
        from: c,
        to: mission.cluster,
        properties: since?.[1] ? { since: since[1] } : {},
        sentence: s,
        confidence: 0.75,
      });
    }
  }
}

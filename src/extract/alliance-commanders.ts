/**
 * NATO's strategic commanders named by office (extwild28): "NATO's Supreme Allied Commander Europe
 * General Philip Breedlove", "SACEUR Gen. Phillip Breedlove", "Supreme Allied Commander
 * Transformation, General X": the person serves in NATO in that office (as the tune golds record
 * a SACEUR), whatever rank stands between the office and the name. The name's reader keeps the
 * office's "Europe" out of the name (mentions.ts).
 */
import { type Context, type Placed, placedIn } from "./context.js";

/** The office, then at most a comma and a rank of up to three words, ending where the name starts. */
const OFFICE_BEFORE =
  /\b(Supreme\s+Allied\s+Commander,?\s+(?:Europe|Transformation)|SACEUR|SACT)\s*,?\s+(?:(?:General|Gen\.?|Admiral|Adm\.?|Air\s+Chief\s+Marshal|Lieutenant\s+General|Lt\.?\s+Gen\.?|U\.?S\.?|Army|Air\s+Force|Navy|Marine\s+Corps)\s+){0,3}$/;

const ROLE: Record<string, string> = {
  SACEUR: "Supreme Allied Commander Europe",
  SACT: "Supreme Allied Commander Transformation",
};

export function allianceCommanders(ctx: Context): void {
  let nato: Placed["cluster"] | undefined;
  for (const p of ctx.placed) {
    if (p.cluster.key === "nato") nato = p.cluster;
    if (nato) break;
  }
  for (const s of ctx.sentences)
    for (const p of placedIn(s, ctx.placed)) {
      if (p.cluster.kind !== "Person") continue;
      const before = ctx.text.slice(Math.max(s.start, p.mention.start - 80), p.mention.start);
      const m = OFFICE_BEFORE.exec(before);
      if (!m) continue;
      const office = (m[1] as string).replace(/,?\s+/g, " ");
      nato ??= ctx.entity("Organization", "nato", "NATO", { category: "ALLIANCE" });
      ctx.propose({
        type: "SERVES_IN",
        from: p.cluster,
        to: nato,
        properties: { role: ROLE[office] ?? office },
        sentence: s,
        confidence: 0.85,
      });
    }
}

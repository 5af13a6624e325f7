/**
 * Pledges told in the passive (issue 25, twelfth pass): "1,000 troops would be sent next year",
 * "UK Typhoons ... would be sent back to the Baltic", "up to 350 military personnel will be
 * stationed in Lithuania", "two Patriot batteries are to be deployed". The sentence names what is
 * sent, not who sends it: the owner is the nation the forces are named for ("UK Typhoons",
 * "British troops"), else the nation of the person who says so ("Fallon said", by his office, or
 * the nation the article centres on when the office names none), else none and no pledge. Negated or hedged sentences ("if needed", "would not be") make none,
 * and neither does a sentence the active-voice reader (pledge-sentences.ts) already read.
 */
import { type Context, inSentence, type Placed, placedIn } from "./context.js";
import { slug } from "./keys.js";
import type { Cluster } from "./link.js";
import { EQUIPMENT, type PledgeHelp, speakerOf } from "./pledge-sentences.js";
import type { Sentence } from "./sentences.js";

const FORCES = String.raw`(?:troops|soldiers|personnel|military\s+personnel|service\s*members|marines|sailors|${EQUIPMENT})`;

/** "<count> <forces> [a few words] will/would/are to be <sent|deployed ...>". */
const PASSIVE = new RegExp(
  String.raw`\b(?:((?:\d[\d,]*(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|up\s+to\s+[\d,]+)\s+(?:(?:more|additional|extra|new|[\p{L}-]+)\s+){0,2}))?(${FORCES})\s+(?:[\p{L}\d,’'-]+\s+){0,5}?(will|would|(?:is|are)\s+(?:set\s+|due\s+)?to|shall)\s+(?:also\s+|then\s+|soon\s+)?be\s+(sent|deployed|stationed|dispatched|committed|provided|contributed|based|delivered|donated|supplied|transferred|moved|rotated)\b`,
  "giu",
);

/** The forces are equipment, not people. */
const ONLY_EQUIPMENT = new RegExp(`^${EQUIPMENT}$`, "iu");

const HEDGED = /\b(?:if|unless|not|never|n['’]t|could|may|might|should|whether)\b/i;

/** Passive pledges of the sentences not in `read`; returns the sentences it drafted pledges for. */
export function passivePledges(
  ctx: Context,
  help: PledgeHelp,
  read: ReadonlySet<Sentence>,
): Set<Sentence> {
  const done = new Set<Sentence>();
  for (const s of ctx.sentences) {
    if (read.has(s)) continue;
    for (const m of s.text.matchAll(PASSIVE)) {
      const at = s.start + (m.index ?? 0);
      const end = at + m[0].length;
      if (HEDGED.test(ctx.text.slice(s.start, end))) continue;
      const here = placedIn(s, ctx.placed);
      const forcesAt = at + m[0].indexOf(m[2] ?? "", (m[1] ?? "").length);
      // "UK Typhoons", "British troops", "Germany's soldiers": the nation named for the forces
      const named = here.find(
        (p) =>
          p.cluster.kind === "Nation" &&
          p.mention.end <= forcesAt &&
          /^(?:['’]s)?\s+(?:[\p{L}\d,’'-]+\s+){0,2}$/u.test(
            ctx.text.slice(p.mention.end, forcesAt),
          ) &&
          p.mention.start >= at - 20,
      );
      const speaker = speakerOf(ctx, s, here, at, end, help);
      // a speaker whose office names no nation speaks for the nation the article centres on
      const nation: Cluster | undefined =
        named?.cluster ?? (speaker ? (help.nationOf(speaker) ?? help.home) : undefined);
      if (!nation) continue;
      const qs = inSentence({ ...s, start: at, end: forcesAt }, ctx.quantities).filter(
        (q) => q.type === "NUMBER" && q.value !== null,
      );
      const count = qs[qs.length - 1];
      const troops = !ONLY_EQUIPMENT.test(m[2] ?? "");
      const rest = ctx.text.slice(end, s.end).split(/[;]|,\s+(?:but|while)\b/)[0] ?? "";
      const dest = here.find(
        (p) =>
          (p.cluster.kind === "Nation" || p.cluster.kind === "Place") &&
          !p.mention.demonym &&
          p.cluster !== nation &&
          p.mention.start >= end &&
          p.mention.start <= end + rest.length &&
          /\b(?:to|in)\s+(?:the\s+)?$/.test(ctx.text.slice(p.mention.start - 8, p.mention.start)),
      );
      const period =
        /\b(?:next|this|the coming) year\b|\b(?:in|by|from|until) 20\d\d\b/.exec(rest)?.[0] ??
        /\b(?:next|this|the coming) year\b|\b(?:in|by|from|until) 20\d\d\b/.exec(m[0])?.[0];
      const what = troops ? "troops" : (m[2] ?? "").toLowerCase();
      const figureText = `${m[1] ?? ""}${m[2] ?? ""}`.trim();
      const key = slug(
        `${nation.key} ${count?.value ?? ""} ${what}${dest ? ` to ${dest.cluster.name}` : ""} ${period ?? ""}`,
        14,
      );
      const name = `${nation.name}: ${figureText}${dest ? ` to ${dest.cluster.name}` : ""}${period ? ` ${period}` : ""}`;
      const made = inSentence(s, ctx.dates).find((d) => d.start < at)?.date ?? ctx.publishedAt;
      const pledge = ctx.entity(
        "Pledge",
        key,
        name,
        {
          metric: troops ? "TROOPS" : "OTHER",
          ...(count?.value != null ? { value: count.value } : {}),
          unit: troops ? "troops" : what,
          status: "COMMITTED",
          ...(period ? { period } : {}),
          ...(made ? { date: made } : {}),
        },
        { start: at, end: forcesAt + (m[2] ?? "").length, text: figureText },
      );
      done.add(s);
      ctx.propose({
        type: "PLEDGED",
        from: nation,
        to: pledge,
        sentence: s,
        inferred: named === undefined,
        confidence: 0.7,
      });
      // (the speaker reports it: the passive names no agent, so no PLEDGED of the speaker's own)
      if (dest)
        ctx.propose({
          type: "ABOUT",
          from: pledge,
          to: dest.cluster,
          sentence: s,
          confidence: 0.7,
        });
      const mission = here.find(
        (p: Placed) => p.cluster.kind === "Mission" && p.mention.start >= end,
      );
      if (mission)
        ctx.propose({
          type: "ABOUT",
          from: pledge,
          to: mission.cluster,
          sentence: s,
          confidence: 0.65,
        });
      break;
    }
  }
  return done;
}

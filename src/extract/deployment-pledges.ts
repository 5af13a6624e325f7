/**
 * A nation's commitment to keep or send forces up to a date (eleventh pass): "The Netherlands will
 * maintain a military presence in Lithuania as part of NATO's mission until late 2026", "The UK's
 * contribution to the NATO Kosovo Force will continue until at least 2026", "Sweden said it aimed
 * to contribute a battalion to NATO's deployment in Latvia as early as next year". A reader records
 * a Pledge the nation made (PLEDGED), about the mission and the nation it is in, and the minister
 * who announced it in the same sentence as pledging it too (inferred).
 *
 * Read only with a time limit ("until", "through", "by 2027", "from 2025", "next year", "for two
 * more years"): "Slovakia will provide 300 soldiers" is the contribution itself, which the golds
 * record as such, not as a pledge. The subject is a nation at the sentence's start, or "<nation>'s
 * contribution/presence/deployment"; not read: a negated verb, a sentence in which another rule
 * already drafted a pledge.
 */
import type { Context, Placed } from "./context.js";
import { placedBySentence } from "./contributors.js";
import { slug } from "./keys.js";
import type { Cluster } from "./link.js";

const MODAL =
  "(?:will|would|is to|are to|is set to|plans to|planned to|aims to|aimed to|intends to|is going to|has decided to|decided to|has agreed to|agreed to)";
const KEEP =
  "(?:maintain|keep|send|deploy|station|contribute|continue|remain|extend|provide|commit|rotate|base)";
/** The nation's commitment right after its subject: "will maintain", "said it aimed to contribute". */
const COMMITS = new RegExp(
  `^(?:’s|'s)?\\s+(?:(?:contribution|presence|deployment|participation|commitment|troops|forces|contingent)\\s+(?:to|in)\\s+[^,;]{1,90}?\\s+)?(?:(?:has|had)\\s+)?(?:already\\s+)?(?:(?:said|announced|confirmed)\\s+(?:that\\s+)?(?:it|they)\\s+)?${MODAL}\\s+(?:also\\s+)?${KEEP}\\b`,
  "i",
);
/** A time limit the commitment runs to or starts from. */
const UNTIL =
  /\b(?:until|till|through|beyond)\s+(?:at least\s+)?(?:the end of\s+|late\s+|early\s+|mid-)?(?:\p{Lu}\p{Ll}+\s+)?20\d\d\b|\b(?:by|from|in)\s+(?:the end of\s+|late\s+|early\s+)?20\d\d\b|\b(?:as early as\s+|early\s+|from\s+|by\s+)?next year\b|\bfor (?:another|a further|(?:two|three|four|five|\d+) more) years?\b/u;

/**
 * Pledges of forces up to a date, proposed in `ctx`; `drafted(start, end)` says whether another
 * rule already drafted a pledge in that span of text.
 */
export function deploymentPledges(
  ctx: Context,
  drafted: (start: number, end: number) => boolean,
): void {
  const bySentence = placedBySentence(ctx);
  for (const [si, s] of ctx.sentences.entries()) {
    if (/^[“"‘]/.test(s.text.trim()) || drafted(s.start, s.end)) continue;
    const here = bySentence[si] ?? [];
    // the subject: a nation at the sentence's start ("The Netherlands", "Britain", "The UK's")
    const subject = here.find(
      (p) =>
        p.cluster.kind === "Nation" &&
        /^\s*(?:(?:The|the)\s+)?$/.test(ctx.text.slice(s.start, p.mention.start)),
    );
    if (!subject) continue;
    const after = ctx.text.slice(subject.mention.end, s.end);
    const verb = COMMITS.exec(after);
    if (!verb || /\b(?:not|never|n[’']t)\b/.test(verb[0])) continue;
    const objectStart = subject.mention.end + verb.index + verb[0].length;
    const rest = ctx.text.slice(objectStart, s.end);
    // up to a clause of its own: ", Defence Minister X said", "; ..."
    const cut = rest.search(
      /;|,\s+(?:\p{Lu}[\p{L}’'-]*\s+){0,5}\p{Lu}[\p{L}’'-]*\s+(?:has\s+|had\s+)?(?:said|says|announced|told|confirmed)\b|,\s+(?:TASS|Reuters|AFP)\b/u,
    );
    const object = (cut < 0 ? rest : rest.slice(0, cut)).replace(/[.\s]+$/, "").trim();
    const until = UNTIL.exec(object);
    if (!until || object.length < 8) continue;
    const nation = subject.cluster;
    const inObject = (p: Placed) =>
      p.mention.start >= objectStart && p.mention.end <= objectStart + object.length;
    const missions = [
      ...new Set(here.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
    ];
    const mission = missions.length === 1 ? missions[0] : undefined;
    const troops =
      /\b(?:troops|soldiers|personnel|battalion|battle ?group|brigade|company|forces|military presence|contingent)\b/i.test(
        `${verb[0]} ${object}`,
      );
    const props: Record<string, string | number> = {
      metric: troops ? "TROOPS" : "OTHER",
      status: "COMMITTED",
      period: until[0],
    };
    const name = `${nation.name}: ${`${verb[0].replace(/^(?:’s|'s)?\s+/, "")} ${object}`.slice(0, 180)}`;
    const pledge = ctx.entity("Pledge", slug(name, 8), name, props, {
      start: subject.mention.start,
      end: objectStart + object.length,
      text: ctx.text.slice(subject.mention.start, objectStart + object.length),
    });
    const propose = (type: "PLEDGED" | "ABOUT", from: Cluster, to: Cluster, inferred = false) =>
      ctx.propose({ type, from, to, sentence: s, inferred, confidence: 0.7 });
    propose("PLEDGED", nation, pledge);
    if (mission) propose("ABOUT", pledge, mission);
    // where the forces go or stay: "in Lithuania", "to Latvia"
    const where = here.find(
      (p) =>
        inObject(p) &&
        p.cluster.kind === "Nation" &&
        p.cluster !== nation &&
        !p.mention.demonym &&
        /\b(?:in|to)\s+$/.test(
          ctx.text.slice(Math.max(s.start, p.mention.start - 4), p.mention.start),
        ),
    );
    if (where) propose("ABOUT", pledge, where.cluster);
    // "..., Armed Forces Minister James Heappey has announced": the minister pledged it too
    const announcer = here.find(
      (p) =>
        p.cluster.kind === "Person" &&
        p.mention.start >= objectStart + object.length &&
        /^\s+(?:has\s+|had\s+)?(?:said|says|announced|confirmed|told)\b/.test(
          ctx.text.slice(p.mention.end, p.mention.end + 20),
        ),
    );
    if (announcer) propose("PLEDGED", announcer.cluster, pledge, true);
  }
}

/**
 * The units a mission's forces come from (twenty-first pass): a unit or armed force whose soldiers,
 * companies or aircraft the sentence sends, stations or serves in a mission contributes to it.
 *
 * - "soldiers from the 2nd Armoured Brigade will serve at Tapa", "a company of the 13th Mechanized
 *   Battalion is arriving", "Elements of the 2nd Cavalry Regiment are to take over": the unit after
 *   the forces' word and "of", "from" or "with";
 * - "The contingent consists of the 1st Battalion ...", "the unit was based on the Chasseurs
 *   Ardennais battalion", "fighters are deployed with the 59th Tactical Fighter Wing": the unit after
 *   words that say what a force is made of;
 * - "Polish Air Force F-16 fighter aircraft will deploy to Ämari", "a Turkish army unit": the unit
 *   before its aircraft or forces;
 * - a unit joined to one of these by "and" ("... and the French Foreign Legion") or a possessive
 *   ("the 59th Wing's 1st Squadron") counts too.
 *
 * Only in a sentence that deploys, sends, stations, rotates or serves; the mission is the one the
 * sentence names, else the article's one mission or the one the sentence before named (inferred).
 * Not the forces one trains or works with ("trained with soldiers of the Estonian Defence Forces"),
 * nor a unit of the nation the mission is placed in by its name (the host's own army).
 */
import type { Placed } from "./context.js";
import { GAZETTEER } from "./gazetteer.js";
import type { Cluster } from "./link.js";
import type { MissionSentenceRule } from "./sentence-mission.js";
import { prefixedShips } from "./ship-prefixes.js";

const FORCE_WORDS =
  "soldiers|troops|personnel|elements|members|airmen|crews|company|companies|battalion|battalions|platoon|platoons|squadron|battery|detachment|contingent|units?|core|tanks|aircraft|fighters|jets|brigade|regiment";
/** "soldiers from the", "a company of", "units from the", "troops with the". */
const FORCES_OF = new RegExp(`\\b(?:${FORCE_WORDS})\\s+(?:of|from|with)\\s+(?:the\\s+)?$`, "i");
/** What a force is made of or deployed with. */
const MADE_OF =
  /\b(?:based\s+on|formed\s+by|consists?\s+of|consisted\s+of|composed\s+of|made\s+up\s+of|drawn\s+from|deployed\s+with|serving\s+with|serve\s+with|serves\s+with)\s+(?:the\s+)?$/i;
/** The unit before its forces: "Polish Air Force F-16 fighter aircraft", "Turkish army unit". */
const FORCES_AFTER =
  /^\s+(?:[\p{L}\d-]+\s+){0,2}?(?:fighter\s+aircraft|aircraft|fighters|jets|troops|soldiers|unit|units|company|detachment|contingent)\b/iu;
/** The partner one trains or works with, not a contributor. */
const WORKS_WITH =
  /\b(?:train\w*|exercis\w*|work\w*|operat\w*|cooperat\w*|fight\w*|drill\w*|practi[cs]\w*|met|meet\w*)\s+(?:together\s+)?(?:with|alongside)\s+(?:\S+\s+){0,6}$/i;
/** A sentence that sends, stations, rotates or serves forces somewhere. */
const DEPLOYS =
  /\b(?:deploy\w*|serv(?:e|es|ed|ing)|station\w*|arriv\w*|rotat\w*|dispatch\w*|send\w*|sent|replac\w*|based\s+(?:at|in)|attached|join\w*)\b/i;
/** Joined to a unit counted just before. */
const JOINED = /^(?:\s+and\s+|,\s+and\s+|['’]s\s+)(?:the\s+)?(?:other\s+units\s+from\s+the\s+)?$/i;

/** A mission named for the nation it is in: "NATO battle group in Slovakia" -> "Slovakia". */
const IN_NAME = /\sin\s+(?:the\s+)?([\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*)$/u;

/** Nation key -> the forms naming it (its names and demonyms), built once. */
let FORMS: Map<string, string[]> | undefined;
function formsOf(nationKey: string): string[] {
  if (!FORMS) {
    FORMS = new Map();
    for (const e of GAZETTEER) {
      if (e.entity.kind !== "Nation" || e.people) continue;
      const forms = FORMS.get(e.entity.key) ?? [];
      forms.push(e.form.toLowerCase());
      FORMS.set(e.entity.key, forms);
    }
  }
  return FORMS.get(nationKey) ?? [];
}

/** Each mission's host by its name, asked once a mission (a sentence each would read all its mentions). */
const HOSTS = new WeakMap<Cluster, string | null>();
function hostOf(mission: Cluster): string | undefined {
  let host = HOSTS.get(mission);
  if (host === undefined) {
    host = hostByName(mission) ?? null;
    HOSTS.set(mission, host);
  }
  return host ?? undefined;
}

/** The nation key a mission's own name places it in ("NATO battle group in Latvia" -> latvia). */
function hostByName(mission: Cluster): string | undefined {
  for (const n of [mission.name, ...mission.aliases, ...mission.mentions.map((m) => m.text)]) {
    const where = IN_NAME.exec(n)?.[1]?.toLowerCase();
    if (!where) continue;
    const e = GAZETTEER.find(
      (g) => g.entity.kind === "Nation" && !g.demonym && g.form.toLowerCase() === where,
    );
    if (e) return e.entity.key;
  }
  return undefined;
}

const isUnit = (c: Cluster) =>
  c.kind === "Organization" && c.properties.category === "ARMED_FORCES";

/** Whether a unit's name names the nation (its name or demonym as a word). */
function namesNation(unit: Cluster, nationKey: string): boolean {
  const name = ` ${unit.name.toLowerCase()} `;
  return formsOf(nationKey).some((f) => name.includes(` ${f} `));
}

/** Words before a unit that make it the forces' host: "hosted by the", "deployed at the". */
const HOSTED_BY =
  /\b(?:hosted\s+by|host(?:ing)?\s+(?:unit|brigade|battalion)\s*,?|(?:deployed|stationed|based|housed)\s+at)\s+(?:the\s+)?(?:base\s+of\s+(?:the\s+)?)?$/i;

/**
 * Whether the unit `p` hosts the forces rather than sends them (extclass26, class 7): "hosted by
 * the Estonian 1st Infantry Brigade", "deployed at the X Battalion of the Y Brigade" (the
 * battalion and the brigade it is part of: "Battalion of the" is the battalion's name and "of",
 * not forces of the brigade).
 */
function hostUnit(text: string, from: number, here: readonly Placed[], at: number): boolean {
  // the unit whose part was named just before it ("the X Battalion of the Y Brigade") hosts
  // where its part does (a chain of three at most)
  for (let i = at, step = 0; step < 3; step++) {
    const p = here[i] as Placed;
    const before = text.slice(Math.max(from, p.mention.start - 60), p.mention.start);
    if (HOSTED_BY.test(before)) return true;
    const part = i > 0 ? here[i - 1] : undefined;
    if (
      !part ||
      !isUnit(part.cluster) ||
      !/^\s+of\s+(?:the\s+)?$/i.test(text.slice(part.mention.end, p.mention.start))
    )
      return false;
    i--;
  }
  return false;
}

export const unitsServing: MissionSentenceRule = (ctx, s, here, mission, named, invaders) => {
  if (!DEPLOYS.test(ctx.text.slice(s.start, s.end))) return;
  // forces sent for an exercise the sentence names, beside the mission ("for exercise Saber
  // Strike, alongside the NATO battle group"): the exercise's, not the mission's
  if (here.some((p) => p.cluster.kind === "Event" && p.cluster.properties.category === "OTHER"))
    return;
  const host = hostOf(mission);
  // "arrived in Estonia" where the mission's name places it in Latvia: forces of another mission
  if (
    host &&
    here.some(
      (p) =>
        p.cluster.kind === "Nation" &&
        !p.mention.demonym &&
        p.cluster.key !== host &&
        /\b(?:in|to|into|at)\s+(?:the\s+)?$/.test(
          ctx.text.slice(Math.max(s.start, p.mention.start - 12), p.mention.start),
        ),
    )
  )
    return;
  let last: Placed | undefined;
  for (const [at, p] of here.entries()) {
    const c = p.cluster;
    if (!isUnit(c) || p.mention.demonym || invaders.has(c.key)) continue;
    const before = ctx.text.slice(Math.max(s.start, p.mention.start - 60), p.mention.start);
    const after = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 40));
    const joined =
      last !== undefined && JOINED.test(ctx.text.slice(last.mention.end, p.mention.start));
    const serving =
      joined ||
      (FORCES_OF.test(before) && !WORKS_WITH.test(before)) ||
      MADE_OF.test(before) ||
      FORCES_AFTER.test(after);
    if (!serving || hostUnit(ctx.text, s.start, here, at)) continue;
    last = p;
    const nation = p.mention.involves?.find((e) => e.kind === "Nation");
    if (host && (nation?.key === host || namesNation(c, host))) continue;
    ctx.propose({
      type: "CONTRIBUTES_TO",
      from: c,
      to: mission,
      sentence: s,
      inferred: !named,
      confidence: 0.65,
    });
    // "soldiers of the Belgian Armed Forces": the nation its name involves serves too (inferred)
    if (nation && !invaders.has(nation.key))
      ctx.propose({
        type: "CONTRIBUTES_TO",
        from: ctx.entity("Nation", nation.key, nation.name, { ...nation.properties }),
        to: mission,
        sentence: s,
        inferred: true,
        confidence: 0.6,
      });
  }
};

/** A naval mission: a standing maritime group, a task group or force, a flotilla. */
const NAVAL =
  /\b(?:maritime|naval|task\s+(?:group|force)|flotilla|mine\s*countermeasures?|SNMG\d?|SNMCMG\d?)\b/i;
const NAVAL_MISSIONS = new WeakMap<Cluster, boolean>();
/** A ship after a demonym: "the Turkish frigate", "the German Rhön-class tanker", "mine hunters". */
const SHIP_AFTER =
  /^\s+(?:[\p{L}\d-]+\s+){0,2}?(?:frigate|destroyer|corvette|tanker|mine\s?hunter|minesweeper|submarine|warship|ship|vessel|flagship|supply\s+ship|support\s+ship|patrol\s+vessel)s?\b/iu;
/** A ship that is watched, not sailed with: "shadowed the Russian frigate". */
const WATCHED =
  /\b(?:shadow\w*|track\w*|monitor\w*|follow\w*|intercept\w*|escort\w*|warn\w*|spott\w*|observ\w*)\s+(?:\S+\s+){0,3}$/i;

/**
 * A ship the group trains with, not one of its own: "conducted a PASSEX (Passing Exercise) with the
 * Greek frigate Navarinon", "exercised with the Romanian corvette" (wild27).
 */
const EXERCISED_WITH =
  /\b(?:PASSEX\w*|exercis\w*|train\w*|drill\w*|manoeuv\w*|maneuv\w*)\b[^.;]{0,30}?\bwith\s+(?:the\s+)?(?:\S+\s+){0,2}$/i;

/**
 * "will be joined by the Turkish frigate TCG Gemlik", "The other two ships forming the task group
 * are the German tanker FGS Spessart and the Polish frigate ORP Pulaski", "The Ukrainian mine
 * hunters belong to a Mine Countermeasure Task Group": in a sentence of a naval mission (the one
 * it names, else the article's one or the one the sentence before named), the nation whose ship a
 * demonym names contributes to it. Not a ship that is watched or shadowed, nor an invader's.
 */
export const shipsServing: MissionSentenceRule = (ctx, s, here, mission, named, invaders) => {
  let naval = NAVAL_MISSIONS.get(mission);
  if (naval === undefined) {
    naval = NAVAL.test([mission.name, ...mission.aliases].join(" "));
    NAVAL_MISSIONS.set(mission, naval);
  }
  if (!naval) return;
  for (const p of here) {
    if (p.cluster.kind !== "Nation" || !p.mention.demonym || invaders.has(p.cluster.key)) continue;
    const after = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 50));
    // "Turkish TCG Erdemli": a demonym right before a prefixed ship names it too
    const prefixed = prefixedShips(
      ctx.text,
      p.mention.end,
      p.mention.end + Math.min(after.length, 12),
    )[0];
    if (
      !SHIP_AFTER.test(after) &&
      !(prefixed && /^\s+$/.test(ctx.text.slice(p.mention.end, prefixed.start)))
    )
      continue;
    const before = ctx.text.slice(Math.max(s.start, p.mention.start - 60), p.mention.start);
    if (WATCHED.test(before) || EXERCISED_WITH.test(before)) continue;
    ctx.propose({
      type: "CONTRIBUTES_TO",
      from: p.cluster,
      to: mission,
      sentence: s,
      inferred: !named,
      confidence: 0.65,
    });
  }
  prefixesServing(ctx, s, here, mission, named, invaders);
};

/** A demonym or nation just before a ship ("the Swedish corvette HMS Visby"): it names the navy. */
const NATION_BEFORE_SHIP = /^\s+(?:[\p{Ll}-]+\s+){0,3}$/u;
/** What a naval group is made of: "is composed of", "consists of", "X, Y and Z make up the group". */
const MAKES_UP =
  /\b(?:composed\s+of|consist(?:s|ed|ing)?\s+of|compris(?:e|es|ed|ing)|made\s+up\s+of|formed\s+(?:of|by)|make\s+up|makes\s+up|form(?:s|ing)?\s+the)\b/i;
/** Between two ships of one list: their names, hull numbers, "and", commas, ship words. */
const SHIP_LIST_GAP =
  /^(?:\s*(?:,|\band\b|\bthe\b|\((?:[^()]{0,20})\)|(?:frigate|destroyer|corvette|tanker|cruiser|minehunter|mine\s+hunter|minesweeper|submarine|ship|vessel|flagship|oiler)s?\b|[\p{Lu}\d][\p{L}\d'’.-]*))*\s*$/u;

/**
 * "SNMG2 is currently composed of the flagship USS Leyte Gulf (CG 55), HMCS Toronto (FFH 333) and
 * ESPS Almirante Juan de Borbon" (wild27, extwild28): in a sentence that says what a naval mission
 * is made of, the nation a ship's prefix names contributes to it, an entity of its own where the
 * text names it nowhere. Not a ship that is
 * watched or exercised with (nor the rest of its list), nor one a demonym already names.
 */
const prefixesServing: MissionSentenceRule = (ctx, s, here, mission, named, invaders) => {
  // only where the sentence says what the group is made of: a ship that "has sailed on a NATO
  // deployment" or "joined" names its navy, but the tune golds record no nation for it
  if (!MAKES_UP.test(ctx.text.slice(s.start, s.end))) return;
  // where a nation or demonym ends: the one just before a ship names its navy (checked in O(1))
  const nationEnds = new Set(
    here.filter((p) => p.cluster.kind === "Nation").map((p) => p.mention.end),
  );
  let lastEnd = -1;
  let lastOut = false;
  for (const ship of prefixedShips(ctx.text, s.start, s.end)) {
    const listed =
      lastEnd >= 0 &&
      ship.start - lastEnd <= 80 &&
      SHIP_LIST_GAP.test(ctx.text.slice(lastEnd, ship.start));
    const before = ctx.text.slice(Math.max(s.start, ship.start - 60), ship.start);
    // the ships one watches or trains with, and the rest of their list
    const out: boolean = listed ? lastOut : WATCHED.test(before) || EXERCISED_WITH.test(before);
    lastEnd = ship.end;
    lastOut = out;
    let demonym = false;
    for (let at = ship.start; at >= Math.max(s.start, ship.start - 40) && !demonym; at--)
      demonym = nationEnds.has(at) && NATION_BEFORE_SHIP.test(ctx.text.slice(at, ship.start));
    if (out || demonym || invaders.has(ship.nation.key)) continue;
    ctx.propose({
      type: "CONTRIBUTES_TO",
      from: ctx.entity("Nation", ship.nation.key, ship.nation.name, { ...ship.nation.properties }),
      to: mission,
      sentence: s,
      inferred: !named,
      confidence: 0.65,
    });
  }
};

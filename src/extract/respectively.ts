/**
 * "respectively" (extclass26, class 4 of the wild drafts): "Canada and Germany lead the battle
 * groups in Latvia and Lithuania, respectively", "the battlegroups in Lithuania and Estonia are
 * led respectively by Germany and the United Kingdom". The readers relate every member of one list
 * to every member of the other; the word pairs them in order. A relation of such a sentence from a
 * member of one list to a member of another is kept only for the members in the same place of
 * lists of one length (else none is kept: a cross-link is worse than a miss); a nation in the
 * place of a mission the sentence sends there ("the battlegroups in Lithuania and Estonia") stands
 * for that mission when the relation is one of leading or contributing. And "A and B lead the
 * battle groups in C and D, respectively", which no reader relates, is read here in order.
 */

import type { Placed, Proposal } from "./context.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

const RESPECTIVELY = /\brespectively\b/i;
/** Between two members of one list: ", ", " and ", ", and ", " or ". */
const LIST_GAP = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$/;
const LISTED = new Set(["Nation", "Place", "Organization", "Person", "Mission"]);
/** Relations a mission stands in for its host nation's place in a list. */
const TO_MISSION = new Set(["LEADS", "CONTRIBUTES_TO"]);

/** A cluster's place in one of a sentence's lists. */
interface Slot {
  list: number;
  at: number;
  length: number;
}

/** The lists (two members or more) of a sentence's mentions, in text order. */
function listsOf(text: string, here: readonly Placed[]): Placed[][] {
  const lists: Placed[][] = [];
  let run: Placed[] = [];
  const close = () => {
    if (run.length >= 2) lists.push(run);
    run = [];
  };
  for (const p of here) {
    if (!LISTED.has(p.cluster.kind) || p.mention.demonym) {
      close();
      continue;
    }
    const last = run[run.length - 1];
    if (
      last &&
      last.cluster.kind === p.cluster.kind &&
      LIST_GAP.test(text.slice(last.mention.end, p.mention.start))
    )
      run.push(p);
    else {
      close();
      run = [p];
    }
  }
  close();
  return lists;
}

/**
 * The proposals with those of "respectively" sentences paired: `placed` are the linked mentions in
 * text order, `sentences` the article's. Linear in the proposals and mentions.
 */
export function pairedRespectively(
  text: string,
  sentences: readonly Sentence[],
  placed: readonly Placed[],
  proposals: readonly Proposal[],
): Proposal[] {
  const marked = sentences.filter((s) => RESPECTIVELY.test(s.text));
  if (marked.length === 0) return [...proposals];
  const slots = new Map<number, Map<Cluster, Slot>>();
  const missionsAt = new Map<number, Map<string, Cluster>>();
  const added: Proposal[] = [];
  // the missions each marked sentence sends somewhere, read once (not once a sentence)
  const starts = new Set(marked.map((s) => s.start));
  const sent = new Map<number, Proposal[]>();
  for (const p of proposals)
    if (starts.has(p.sentence.start) && p.type === "DEPLOYED_TO" && p.from.kind === "Mission") {
      const list = sent.get(p.sentence.start);
      if (list) list.push(p);
      else sent.set(p.sentence.start, [p]);
    }
  let pi = 0;
  for (const s of marked) {
    while (pi < placed.length && (placed[pi] as Placed).mention.start < s.start) pi++;
    const here: Placed[] = [];
    for (let j = pi; j < placed.length && (placed[j] as Placed).mention.start < s.end; j++)
      here.push(placed[j] as Placed);
    const of = new Map<Cluster, Slot>();
    const lists = listsOf(text, here);
    for (const [list, members] of lists.entries())
      for (const [at, { cluster: c }] of members.entries())
        if (!of.has(c)) of.set(c, { list, at, length: members.length });
    // a mission the sentence sends to a listed nation takes that nation's place
    const missions = new Map<string, Cluster>();
    for (const p of sent.get(s.start) ?? []) {
      const slot = of.get(p.to);
      if (!slot || of.has(p.from)) continue;
      of.set(p.from, slot);
      if (!missions.has(`${slot.list}:${slot.at}`)) missions.set(`${slot.list}:${slot.at}`, p.from);
    }
    if (of.size > 0) slots.set(s.start, of);
    missionsAt.set(s.start, missions);
    for (const p of pairedLeads(text, s, lists, missions)) added.push(p);
  }
  const out: Proposal[] = [];
  for (const p of [...proposals, ...added]) {
    const of = slots.get(p.sentence.start);
    if (!of || p.type === "MENTIONS" || p.type === "DEPLOYED_TO" || p.inferred) {
      out.push(p);
      continue;
    }
    const a = of.get(p.from);
    const b = of.get(p.to);
    if (!a || !b || a.list === b.list) {
      out.push(p);
      continue;
    }
    if (a.length !== b.length || a.at !== b.at) continue;
    // "led respectively by Germany and the United Kingdom": the nation's place is its mission's
    if (TO_MISSION.has(p.type) && p.to.kind === "Nation") {
      const mission = missionsAt.get(p.sentence.start)?.get(`${b.list}:${b.at}`);
      if (mission) out.push({ ...p, to: mission });
      continue;
    }
    out.push(p);
  }
  return out;
}

/** A verb of leading between two lists: "Canada and Germany lead the battle groups in". */
const LEAD_VERB =
  /^\s+(?:(?:will|would|now|currently|also)\s+)?(?:lead|leads|led|command|commands|head|heads)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}?(?:in|to|of)\s+(?:the\s+)?$/iu;

/**
 * "Canada and Germany lead the battle groups in Latvia and Lithuania, respectively": the nations of
 * the first list lead, in order, the missions the sentence sends to the places of the second
 * (lists of one length only; a nation with no mission in its place leads nothing).
 */
function pairedLeads(
  text: string,
  s: Sentence,
  lists: readonly Placed[][],
  missions: ReadonlyMap<string, Cluster>,
): Proposal[] {
  const out: Proposal[] = [];
  for (let l = 0; l + 1 < lists.length; l++) {
    const leaders = lists[l] as Placed[];
    const places = lists[l + 1] as Placed[];
    if (leaders.length !== places.length || leaders.some((p) => p.cluster.kind !== "Nation"))
      continue;
    const lastLeader = leaders[leaders.length - 1] as Placed;
    const firstPlace = places[0] as Placed;
    if (!LEAD_VERB.test(text.slice(lastLeader.mention.end, firstPlace.mention.start))) continue;
    for (const [at, { cluster: leader }] of leaders.entries()) {
      const mission = missions.get(`${l + 1}:${at}`);
      if (!mission || mission === leader) continue;
      out.push({
        type: "LEADS",
        from: leader,
        to: mission,
        properties: {},
        inferred: false,
        confidence: 0.75,
        sentence: s,
        reader: "respectively",
      });
    }
  }
  return out;
}

import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Document } from "../src/domain/document.js";
import { repairText } from "../src/domain/repair.js";
import { documentLinker, extractDraft } from "../src/extract/index.js";
import { PROJECT_ROOT } from "../src/paths.js";
import { type Article, articlesIn, seedArticles, seedDocuments } from "./extract-articles.js";
import { mapEntities, normaliseName, scoreLinking, scoreRelations } from "./extract-metrics.js";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    half: { type: "string" },
    dir: { type: "string" },
    quiet: { type: "boolean", default: false },
    kinds: { type: "boolean", default: false },
  },
});
if (values.half !== undefined && values.dir !== undefined) {
  console.error("--half and --dir do not go together");
  process.exit(2);
}
if (values.half !== undefined && values.half !== "A" && values.half !== "B") {
  console.error("--half takes A or B");
  process.exit(2);
}

const { docs: seedDocs, keys: known } = seedDocuments();
const linker = documentLinker(seedDocs);

const tune = articlesIn(join(PROJECT_ROOT, "test", "fixtures", "extract", "tune"));
/**
 * The split-half rule: the tune articles (not the seed) sorted by base name; odd positions
 * (first, third, ...) are half A, even positions half B. With --half, only that half is scored
 * and listed, so rules written while reading one half can be judged on the other.
 */
const halfOf = (name: string) => {
  const at = [...tune.map((a) => a.name)].sort().indexOf(name);
  return at < 0 ? undefined : at % 2 === 0 ? "A" : "B";
};
/**
 * With --dir, the articles of another folder (NAME.txt, NAME.json, NAME.yaml, as in tune/) are
 * scored instead: fresh articles annotated blind, to judge a change on text its author never read.
 */
const articles: Article[] = values.dir
  ? articlesIn(values.dir)
  : values.half
    ? tune.filter((a) => halfOf(a.name) === values.half)
    : [...seedArticles(), ...tune];
if (values.dir && articles.length === 0) {
  console.error(`no articles (NAME.yaml with NAME.txt) in ${values.dir}`);
  process.exit(2);
}
const only = values.only ? new Set(values.only.split(",")) : undefined;
if (only && values.half)
  for (const name of only)
    if (halfOf(name) !== values.half) {
      console.error(`${name} is not in half ${values.half}`);
      process.exit(2);
    }

const words = (s: string) =>
  new Set(
    normaliseName(s)
      .split(" ")
      .filter((w) => w.length > 2),
  );
type Ent = Document["entities"][number];
const label = (e: Ent | undefined, key: string) =>
  e ? `${e.kind} "${e.name}" [${key}]` : `[${key}]`;

const totals = { all: { m: 0, d: 0, g: 0, c: 0, n: 0 }, only: { m: 0, d: 0, g: 0, c: 0, n: 0 } };
/**
 * With --kinds: the gold entities that are an end of a missed relation (MENTIONS apart) and that
 * no draft entity maps to, by kind: how many, and how many missed relations they end. What mention
 * detection, not a relation rule, would have to find.
 */
const unfound = new Map<string, { entities: number; relations: number }>();
for (const a of articles) {
  const draft = (await extractDraft({ text: a.text, source: a.meta }, { linker })).document;
  const text = repairText(a.text);
  const mapping = mapEntities(a.gold, draft);
  const rel = scoreRelations(a.gold, draft, mapping);
  const link = scoreLinking(a.gold, draft, text, known, mapping);
  for (const t of only && !only.has(a.name) ? [totals.all] : [totals.all, totals.only]) {
    t.m += rel.facts.matched;
    t.d += rel.facts.drafted;
    t.g += rel.facts.gold;
    t.c += link.correct;
    t.n += link.mentioned;
  }
  if (values.kinds && (!only || only.has(a.name))) {
    const mapped = new Set(mapping.values());
    const lostBy = new Map<string, number>();
    for (const id of rel.missed) {
      const [type, from = "", to = ""] = id.split("|");
      if (type === "MENTIONS") continue;
      for (const k of new Set([from, to]))
        if (!mapped.has(k)) lostBy.set(k, (lostBy.get(k) ?? 0) + 1);
    }
    for (const [k, n] of lostBy) {
      const kind = a.gold.entities.find((e) => e.key === k)?.kind ?? "Source";
      const t = unfound.get(kind) ?? { entities: 0, relations: 0 };
      t.entities += 1;
      t.relations += n;
      unfound.set(kind, t);
    }
  }
  if ((only && !only.has(a.name)) || values.quiet) continue;
  const goldBy = new Map(a.gold.entities.map((e) => [e.key, e]));
  const draftBy = new Map(draft.entities.map((e) => [e.key, e]));
  const lines: string[] = [];
  for (const w of link.wrong) {
    const g = goldBy.get(w.key);
    if (!g) continue;
    const gw = new Set([g.name, ...(g.aliases ?? [])].flatMap((n) => [...words(n)]));
    const near = draft.entities
      .filter((d) =>
        [d.name, ...(d.aliases ?? [])].some((n) => [...words(n)].some((x) => gw.has(x))),
      )
      .map((d) => `${label(d, d.key)}${mapping.has(d.key) ? ` -> ${mapping.get(d.key)}` : ""}`);
    lines.push(`  LINK ${label(g, g.key)}: ${w.why}; near: ${near.join("; ") || "none"}`);
  }
  for (const id of rel.missed) {
    const [type, from = "", to = ""] = id.split("|");
    if (type === "MENTIONS") continue;
    const lost = [from, to].filter((k) => ![...mapping.values()].includes(k));
    lines.push(
      `  MISS ${id}${lost.length ? `: not found ${lost.map((k) => label(goldBy.get(k), k)).join(", ")}` : ""}`,
    );
  }
  const goldPairs = new Map<string, string[]>();
  for (const r of a.gold.relations) {
    const k = `${r.from}|${r.to}`;
    goldPairs.set(k, [...(goldPairs.get(k) ?? []), r.type]);
  }
  for (const id of rel.extra) {
    const [type, from = "", to = ""] = id.split("|");
    if (type === "MENTIONS") continue;
    const causes: string[] = [];
    for (const end of [from, to]) {
      if (!end.startsWith("?")) continue;
      const d = draftBy.get(end.slice(1));
      const dw = d
        ? new Set([d.name, ...(d.aliases ?? [])].flatMap((n) => [...words(n)]))
        : new Set();
      const other = a.gold.entities.filter((g) =>
        [g.name, ...(g.aliases ?? [])].some((n) => [...words(n)].some((x) => dw.has(x))),
      );
      causes.push(
        `${label(d, end.slice(1))} unmapped${
          other.length
            ? ` (gold has ${other
                .slice(0, 4)
                .map((g) => label(g, g.key))
                .join(", ")})`
            : " (gold lacks it)"
        }`,
      );
    }
    if (causes.length === 0) {
      const same = goldPairs.get(`${from}|${to}`);
      const back = goldPairs.get(`${to}|${from}`);
      causes.push(
        same
          ? `gold relates them by ${same.join(", ")}`
          : back
            ? `gold has the other direction: ${back.join(", ")}`
            : "gold does not relate them",
      );
    }
    const ev = draft.relations.find(
      (r) =>
        r.type === type &&
        (mapping.get(r.from) ?? `?${r.from}`) === from &&
        (mapping.get(r.to) ?? `?${r.to}`) === to,
    )?.evidence;
    lines.push(`  EXTRA ${id}: ${causes.join("; ")}\n      « ${ev?.slice(0, 160) ?? ""} »`);
  }
  if (lines.length > 0) console.log(`${a.name}\n${lines.join("\n")}`);
}
const fmt = (t: { m: number; d: number; g: number; c: number; n: number }) =>
  `precision ${(t.m / t.d).toFixed(3)} (${t.m}/${t.d}), recall ${(t.m / t.g).toFixed(3)} (/${t.g}), linking ${(t.c / t.n).toFixed(3)} (${t.c}/${t.n})`;
console.log(
  `${values.dir ? `DIR ${values.dir}` : values.half ? `HALF ${values.half}` : "TUNE"}: ${fmt(totals.all)}`,
);
if (only) console.log(`ONLY: ${fmt(totals.only)}`);
if (values.kinds)
  console.log(
    `UNFOUND ENDPOINTS (gold entity, kind: entities (missed relations they end)): ${
      [...unfound]
        .sort((x, y) => y[1].relations - x[1].relations || x[0].localeCompare(y[0]))
        .map(([k, t]) => `${k} ${t.entities} (${t.relations})`)
        .join(", ") || "none"
    }`,
  );

/**
 * `npm run eval:agreement [-- --out FILE]`: how far two careful readers agree, measured by the
 * same rules the extractor is scored by (bench/extract-metrics.ts), and where the extractor stands
 * beside them.
 *
 * The agreement set (test/fixtures/extract/agreement/: NAME.txt, NAME.json) holds articles that
 * are neither tuned on nor held out; two annotators, working apart and blind to the extractor and
 * to each other, wrote a/NAME.yaml and b/NAME.yaml. For each pair of documents (A, B) it reports B
 * scored against A as gold (precision = A's view of B, recall = how much of A's record B has) and
 * the other way round, relations but MENTIONS; the extractor's draft against each annotator; and
 * the draft against their consensus: recall of the relations both record, precision counting a
 * drafted relation right when either records it. The targets (precision 0.9, recall 0.7
 * against one annotator's gold) mean something only beside the first figure: a second careful
 * reader scored against the first is the most a single-gold measure can show.
 *
 * No article of this set is tuned on: like the held-out set, its drafts and misses are never
 * listed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import type { Document } from "../src/domain/document.js";
import { repairText } from "../src/domain/repair.js";
import { documentLinker, extractDraft } from "../src/extract/index.js";
import { PROJECT_ROOT } from "../src/paths.js";
import { parsed, seedDocuments } from "./extract-articles.js";
import {
  addCounts,
  type Counts,
  countsCell,
  mapEntities,
  precisionRecall,
  scoreAgainstTwo,
  scoreLinking,
  scoreRelations,
  wordCount,
} from "./extract-metrics.js";

const ANNOTATORS = ["a", "b"] as const;

const { values } = parseArgs({
  options: {
    dir: {
      type: "string",
      default: join(PROJECT_ROOT, "test", "fixtures", "extract", "agreement"),
    },
    out: {
      type: "string",
      default: join(PROJECT_ROOT, "bench", "results", "extract-agreement.md"),
    },
  },
});

interface Pair {
  counts: Counts;
  byType: Map<string, Counts>;
  linking: { correct: number; mentioned: number };
}

const DIR = values.dir;
const { docs: seedDocs, keys: knownKeys } = seedDocuments();
const linker = documentLinker(seedDocs);

/** `other` scored against `gold`, relations but MENTIONS, and linking of gold's entities. */
function score(gold: Document, other: Document, text: string): Pair {
  const mapping = mapEntities(gold, other);
  const r = scoreRelations(gold, other, mapping);
  const l = scoreLinking(gold, other, text, knownKeys, mapping);
  const byType = new Map([...r.byType].filter(([type]) => type !== "MENTIONS"));
  return { counts: r.facts, byType, linking: { correct: l.correct, mentioned: l.mentioned } };
}

const fmt = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));
const f1 = (c: Counts) => {
  const { precision, recall } = precisionRecall(c);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
};
const cell = countsCell;
const zero = (): Counts => ({ matched: 0, drafted: 0, gold: 0 });

const names = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => basename(f, ".txt"))
      .filter((n) => ANNOTATORS.every((who) => existsSync(join(DIR, who, `${n}.yaml`))))
      .sort()
  : [];
if (names.length === 0) {
  console.error(`No article in ${DIR} has both annotators' documents (a/NAME.yaml, b/NAME.yaml).`);
  process.exit(2);
}

const rows: string[] = [];
const total = { bA: zero(), aB: zero(), dA: zero(), dB: zero(), both: zero(), either: zero() };
const linking = { bA: { correct: 0, mentioned: 0 }, dA: { correct: 0, mentioned: 0 } };
const typesBA = new Map<string, Counts>();
let words = 0;
for (const name of names) {
  const rawText = readFileSync(join(DIR, `${name}.txt`), "utf8");
  const text = repairText(rawText);
  words += wordCount(text);
  const metaFile = join(DIR, `${name}.json`);
  const meta = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, "utf8")) : {};
  const a = parsed(join(DIR, "a", `${name}.yaml`));
  const b = parsed(join(DIR, "b", `${name}.yaml`));
  const draft = (
    await extractDraft(
      {
        text: rawText,
        source: Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)),
      },
      { linker },
    )
  ).document;
  const bA = score(a, b, text);
  const aB = score(b, a, text);
  const dA = score(a, draft, text);
  const dB = score(b, draft, text);
  const c = scoreAgainstTwo(a, b, draft);
  total.bA = addCounts(total.bA, bA.counts);
  total.aB = addCounts(total.aB, aB.counts);
  total.dA = addCounts(total.dA, dA.counts);
  total.dB = addCounts(total.dB, dB.counts);
  total.both = addCounts(total.both, c.both);
  total.either = addCounts(total.either, c.either);
  for (const [k, v] of [
    ["bA", bA],
    ["dA", dA],
  ] as const) {
    linking[k].correct += v.linking.correct;
    linking[k].mentioned += v.linking.mentioned;
  }
  for (const [type, counts] of bA.byType)
    typesBA.set(type, addCounts(typesBA.get(type) ?? zero(), counts));
  rows.push(
    `| ${name} | ${cell(bA.counts)} | ${cell(dA.counts)} | ${cell(dB.counts)} | ${fmt(precisionRecall(c.either).precision)} / ${fmt(precisionRecall(c.both).recall)} |`,
  );
}

const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT })
      .toString()
      .trim();
  } catch {
    return "unknown";
  }
})();
const pr = (c: Counts) => precisionRecall(c);
const out = [
  "# Agreement between two annotators, and the extractor beside them (`npm run eval:agreement`)",
  "",
  `Run ${new Date().toISOString()} at commit ${commit}, Node ${process.version}. ${names.length} articles, ${words} words, in test/fixtures/extract/agreement/: neither tuned on nor held out; annotators a and b worked apart, blind to the extractor and to each other (test/fixtures/extract/README.md, "Agreement set").`,
  "",
  "Scored by bench/extract-metrics.ts, relations but MENTIONS, exactly as `npm run eval:extract` scores a draft against a gold. \"X against Y\" means Y is the gold: precision is the share of X's relations Y records, recall the share of Y's that X records.",
  "",
  "| measure | precision / recall | F1 |",
  "| --- | --- | --- |",
  `| annotator b against annotator a | ${cell(total.bA)} | ${fmt(f1(total.bA))} |`,
  `| annotator a against annotator b | ${cell(total.aB)} | ${fmt(f1(total.aB))} |`,
  `| extractor against a | ${cell(total.dA)} | ${fmt(f1(total.dA))} |`,
  `| extractor against b | ${cell(total.dB)} | ${fmt(f1(total.dB))} |`,
  `| extractor against both: precision when either records it, recall of what both record | ${fmt(pr(total.either).precision)} / ${fmt(pr(total.both).recall)} (${total.either.matched}/${total.either.drafted}; ${total.both.matched}/${total.both.gold}) | |`,
  `| entity linking: b against a / extractor against a | ${fmt(linking.bA.correct / linking.bA.mentioned)} (${linking.bA.correct}/${linking.bA.mentioned}) / ${fmt(linking.dA.correct / linking.dA.mentioned)} (${linking.dA.correct}/${linking.dA.mentioned}) | |`,
  "",
  "Targets of issue 25 against one annotator's gold: precision 0.9, recall 0.7.",
  "",
  "## By article",
  "",
  "| article | b against a | extractor against a | extractor against b | extractor against both (P either / R both) |",
  "| --- | --- | --- | --- | --- |",
  ...rows,
  "",
  "## Annotator b against annotator a, by relation type",
  "",
  "| type | precision / recall |",
  "| --- | --- |",
  ...[...typesBA]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([type, c]) => `| ${type} | ${cell(c)} |`),
  "",
];
writeFileSync(values.out, out.join("\n"));
console.log(out.slice(0, 14).join("\n"));
console.log(`Written to ${values.out}`);

/**
 * `npm run eval:extract [-- --report-only] [--out FILE]`: runs the extractor (src/extract) on every
 * article of the tune set (the seed article and test/fixtures/extract/tune/) and of the held-out
 * test set (test/fixtures/extract/test/), linking against the seed document offline, and compares
 * each draft with its gold document by the rules of bench/extract-metrics.ts: relation precision
 * and recall per type and overall, entity-linking accuracy, the share of verbatim evidence, and
 * milliseconds per 1,000 words. Also reports the clean subset of the test set (CLEAN_TEST_ARTICLES:
 * articles annotated by an annotator who had not seen the extractor's rules) as its own section
 * with the same measures. Writes bench/results/extract.md and exits 1 when the whole test set
 * misses a target (unless --report-only). Misses are listed for the tune set only: listing the
 * test set's would invite tuning on it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Document } from "../src/domain/document.js";
import { repairText } from "../src/domain/repair.js";
import { documentLinker, extractDraft } from "../src/extract/index.js";
import { PROJECT_ROOT } from "../src/paths.js";
import {
  type Article,
  articlesIn,
  parsed,
  seedArticles,
  seedDocuments,
} from "./extract-articles.js";
import {
  addCounts,
  type Counts,
  countsCell,
  type LinkingScore,
  type MissCause,
  mapEntities,
  precisionRecall,
  type RelationScore,
  ratedRelations,
  scoreAgainstTwo,
  scoreLinking,
  scoreRelations,
  verbatimEvidence,
  wordCount,
} from "./extract-metrics.js";

/** The targets, judged on the test set. */
export const TARGETS = {
  recall: 0.7,
  precision: 0.9,
  linking: 0.95,
  verbatim: 1,
  msPerThousandWords: 200,
} as const;

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "extract");

/**
 * The clean subset of the test set: the articles added in the third pass (2026-12-04), annotated
 * by an annotator who had not seen the extractor's rules and never seen by the extractor's author
 * (test/fixtures/extract/README.md). The rest of the test set was partly seen during tuning, so
 * this subset is the cleaner measure; the exit rule still applies to the whole test set.
 */
const CLEAN_TEST_ARTICLES: readonly string[] = [
  "aa-2025-meloni-meets-rutte-rome",
  "aircom-2016-new-allies-take-over-baltic-air-policing",
  "anews-2024-rutte-chairs-defence-ministers",
  "armymil-2017-battle-group-departs-for-orzysz",
  "ctk-2018-slechtova-nato-pledge-shameful",
  "defensepost-2024-germany-lithuania-brigade-advance",
  "dpa-2021-lambrecht-visits-troops-lithuania",
  "emad-2021-spanish-commander-visits-adazi",
  "eurasiareview-2017-stoltenberg-romania-visits-troops",
  "ians-2019-trump-to-host-nato-chief",
  "militaryleak-2021-us-f15s-complete-iceland-air-policing",
  "ndtv-2025-uk-commits-nato-five-percent",
  "newsaz-2025-norway-backs-nato-five-percent",
  // the twenty-fourth pass (2026-12-07): annotated blind by blind24, first used to judge a change
  "berlinglobal-2014-von-der-leyen-visits-kosovo",
  "chinagate-2016-usmc-rotational-force-vaernes",
  "navaltoday-2018-snmg2-concludes-black-sea-tour",
  "ramanmedia-2019-stoltenberg-trump-winfield-house",
  "eurasiareview-2021-stoltenberg-visits-kfor",
  "newsfortoday-2024-pistorius-visits-kosovo",
  // blind25's (2026-12-07); its other two were read as drafts by extwild25, so not clean
  "err-2024-rutte-visits-efp-battlegroup-tapa",
  "globalsecurity-2018-gottemoeller-visits-adazi",
  "rssing-2016-stoltenberg-rutte-hague-spending",
  "vigourtimes-2023-allies-agree-two-percent-minimum",
  // blind26's (the twenty-fifth pass, 2026-12-07), first used to judge extclass26 and extwild26
  "kariuomene-2024-snmg1-ships-visit-klaipeda",
  "modmedia-2015-uk-responds-nato-spending-figures",
  "naharnet-2014-obama-rasmussen-stronger-nato-presence",
  "navytimes-2016-obama-visits-rota-destroyer-ross",
  "publika-2018-nato-defence-ministers-four-thirties",
  "stiripesurse-2021-regina-maria-frigate-poti",
  // blind27's (2026-12-07), first used to judge extwild27
  "defensenewsalert-2016-central-europeans-troops-baltics",
  "maritimeexecutive-2015-baltops-2015-begins",
  "publicopinions-2023-five-allies-deploy-jets-eastern-flank",
  "thegaze-2025-polish-romanian-baltic-air-policing",
  "unn-2025-rutte-welcomes-zelenskyy-trump-meeting",
  // blind28's (2026-12-07), first used to judge extwild28 and extlink28
  "channel8-2024-sweden-to-lead-nato-land-force-finland",
  "malaymail-2018-trudeau-to-visit-latvia-before-summit",
  "rcaf-2014-cf18s-depart-bagotville-for-romania",
  "rferl-2019-stoltenberg-visits-north-macedonia",
  "stiripesurse-2020-queen-maria-joins-snmg2",
  "time-2016-allies-pledge-forces-eastern-europe",
  // blind29's (2026-12-07), first used to judge extlearn29 and extwild29
  "antiwar-2023-us-extends-101st-airborne-romania",
  "defence24-2015-spearhead-elements-arrive-poland",
  "hurriyet-2022-stoltenberg-turkey-important-ally",
  "nato-2021-denmark-reaffirms-nmi-command",
  "newsmax-2025-spain-opts-out-five-percent",
  "urdupoint-2023-hungary-minister-spending-beyond-two-percent",
  // blind30's (2026-12-07), first used to judge extmention30
  "brusselstimes-2022-belgian-soldiers-return-from-romania",
  "ewb-2021-djukanovic-meets-stoltenberg",
  "jfcnaples-2017-vjtf-arrives-romania-noble-jump",
  "posttruth-2025-italy-reaches-two-percent",
  "spacewar-2019-denmark-offers-lead-nato-iraq-mission",
  "thenewdaily-2017-australia-more-troops-afghanistan",
  // blind31's (2026-12-07), first used to judge extgen31
  "aviation24-2022-belgian-f16s-leave-for-eva-estonia",
  "dailynewshungary-2014-hende-no-plan-to-expand-kosovo-mission",
  "navaltoday-2017-portuguese-frigate-joins-snmg1",
  "totalcroatianews-2018-croatian-troops-exercise-poland",
  "ukdefencejournal-2025-rutte-visits-iceland",
  "xinhua-2016-lithuania-seimas-defence-two-percent-by-2018",
  // blind32's (2026-12-08), first used to judge extgen32
  "brusselstimes-2025-nato-reaches-two-percent",
  "commonspace-2024-swedish-flag-nato-headquarters",
  "difesaonline-2014-allies-reinforce-baltic-air-policing",
  "lrt-2022-german-brigade-troops-arrive-fast-griffin",
  "nltimes-2022-rutte-close-ranks-nato-summit",
  "rferl-2018-saber-strike-18-begins",
];
const TIMED_RUNS = 5;

const { values } = parseArgs({
  options: {
    "report-only": { type: "boolean", default: false },
    out: { type: "string", default: join(PROJECT_ROOT, "bench", "results", "extract.md") },
  },
});

interface ArticleResult {
  name: string;
  words: number;
  ms: number;
  relations: RelationScore;
  /** The relations scored with events and pledges mapped by name only (no sentence rule). */
  byName: RelationScore;
  linking: LinkingScore;
  verbatim: { verbatim: number; all: number };
  /** Each drafted relation but MENTIONS: its confidence and whether the gold has it. */
  rated: { confidence: number; right: boolean }[];
  problems: string[];
  /** The draft and the gold, for the second annotation's figures. */
  draft: Document;
  gold: Document;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const { docs: seedDocs, keys: knownKeys } = seedDocuments();
const linker = documentLinker(seedDocs);

async function evaluate(article: Article): Promise<ArticleResult> {
  const input = {
    text: article.text,
    source: Object.fromEntries(Object.entries(article.meta).filter(([, v]) => v !== undefined)),
  };
  const times: number[] = [];
  let draft: Awaited<ReturnType<typeof extractDraft>> | undefined;
  for (let i = 0; i < TIMED_RUNS; i++) {
    const start = performance.now();
    draft = await extractDraft(input, { linker });
    times.push(performance.now() - start);
  }
  if (!draft) throw new Error("no draft");
  const text = repairText(article.text);
  const mapping = mapEntities(article.gold, draft.document);
  return {
    name: article.name,
    words: wordCount(text),
    ms: median(times),
    relations: scoreRelations(article.gold, draft.document, mapping),
    byName: scoreRelations(
      article.gold,
      draft.document,
      mapEntities(article.gold, draft.document, { bySentence: false }),
    ),
    linking: scoreLinking(article.gold, draft.document, text, knownKeys, mapping),
    verbatim: verbatimEvidence(draft.document, article.text),
    rated: ratedRelations(article.gold, draft.relations, mapping),
    problems: draft.problems,
    draft: draft.document,
    gold: article.gold,
  };
}

interface SetSummary {
  name: string;
  articles: ArticleResult[];
  byType: Map<string, Counts>;
  all: Counts;
  facts: Counts;
  factsByName: Counts;
  stated: { matched: number; gold: number };
  missCauses: Record<MissCause, number>;
  notFoundByKind: Map<string, number>;
  extraCauses: { unmapped: number; mapped: number };
  linking: { mentioned: number; correct: number };
  /** Gold entities not linked right, by kind: not found at all, or found under another key. */
  linkMisses: Map<string, { notFound: number; elsewhere: number }>;
  verbatim: { verbatim: number; all: number };
  rated: { confidence: number; right: boolean }[];
  words: number;
  ms: number;
}

function summarise(name: string, articles: ArticleResult[]): SetSummary {
  const zero = (): Counts => ({ matched: 0, drafted: 0, gold: 0 });
  const s: SetSummary = {
    name,
    articles,
    byType: new Map(),
    all: zero(),
    facts: zero(),
    factsByName: zero(),
    stated: { matched: 0, gold: 0 },
    missCauses: { endpoint: 0, otherType: 0, unrelated: 0 },
    notFoundByKind: new Map(),
    extraCauses: { unmapped: 0, mapped: 0 },
    linking: { mentioned: 0, correct: 0 },
    linkMisses: new Map(),
    verbatim: { verbatim: 0, all: 0 },
    rated: [],
    words: 0,
    ms: 0,
  };
  for (const a of articles) {
    for (const [type, c] of a.relations.byType)
      s.byType.set(type, addCounts(s.byType.get(type) ?? zero(), c));
    addCounts(s.all, a.relations.all);
    addCounts(s.facts, a.relations.facts);
    addCounts(s.factsByName, a.byName.facts);
    s.stated.matched += a.relations.stated.matched;
    s.stated.gold += a.relations.stated.gold;
    for (const cause of Object.keys(s.missCauses) as MissCause[])
      s.missCauses[cause] += a.relations.missCauses[cause];
    for (const [kind, n] of a.relations.notFoundByKind)
      s.notFoundByKind.set(kind, (s.notFoundByKind.get(kind) ?? 0) + n);
    s.extraCauses.unmapped += a.relations.extraCauses.unmapped;
    s.extraCauses.mapped += a.relations.extraCauses.mapped;
    s.linking.mentioned += a.linking.mentioned;
    s.linking.correct += a.linking.correct;
    for (const w of a.linking.wrong) {
      const m = s.linkMisses.get(w.kind) ?? { notFound: 0, elsewhere: 0 };
      m[w.found ? "elsewhere" : "notFound"]++;
      s.linkMisses.set(w.kind, m);
    }
    s.verbatim.verbatim += a.verbatim.verbatim;
    s.verbatim.all += a.verbatim.all;
    s.rated.push(...a.rated);
    s.words += a.words;
    s.ms += a.ms;
  }
  return s;
}

const ratio = (n: number, d: number) => (d === 0 ? Number.NaN : n / d);
const fmt = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(2));
const pct = (x: number) => (Number.isNaN(x) ? "–" : `${(x * 100).toFixed(1)} %`);
const msPerK = (s: { ms: number; words: number }) => ratio(s.ms, s.words) * 1000;

/** Mean confidence, share right and Brier score of rated relations, as a table cell. */
function calibration(rated: { confidence: number; right: boolean }[]): string {
  const n = rated.length;
  const mean = ratio(
    rated.reduce((a, r) => a + r.confidence, 0),
    n,
  );
  const right = ratio(rated.filter((r) => r.right).length, n);
  const brier = ratio(
    rated.reduce((a, r) => a + (r.confidence - (r.right ? 1 : 0)) ** 2, 0),
    n,
  );
  return `${fmt(mean)} / ${fmt(right)} / ${Number.isNaN(brier) ? "–" : brier.toFixed(3)} (${n})`;
}

/** Which targets a set misses, as sentences. */
function misses(s: SetSummary): string[] {
  const { precision, recall } = precisionRecall(s.facts);
  const linking = ratio(s.linking.correct, s.linking.mentioned);
  const verbatim = ratio(s.verbatim.verbatim, s.verbatim.all);
  const out: string[] = [];
  if (!(recall >= TARGETS.recall)) out.push(`relation recall ${fmt(recall)} < ${TARGETS.recall}`);
  if (!(precision >= TARGETS.precision))
    out.push(`relation precision ${fmt(precision)} < ${TARGETS.precision}`);
  if (!(linking >= TARGETS.linking))
    out.push(`linking accuracy ${fmt(linking)} < ${TARGETS.linking}`);
  if (!(verbatim >= TARGETS.verbatim)) out.push(`verbatim evidence ${pct(verbatim)} < 100 %`);
  if (!(msPerK(s) < TARGETS.msPerThousandWords))
    out.push(`${msPerK(s).toFixed(0)} ms per 1,000 words >= ${TARGETS.msPerThousandWords}`);
  return out;
}

function section(s: SetSummary, listMisses: boolean): string[] {
  const facts = precisionRecall(s.facts);
  const byName = precisionRecall(s.factsByName);
  const all = precisionRecall(s.all);
  const lines = [
    `## ${s.name} set (${s.articles.length} article${s.articles.length === 1 ? "" : "s"}, ${s.words} words)`,
    "",
    "| measure | value | target |",
    "| --- | --- | --- |",
    `| relation precision (all types but MENTIONS) | ${fmt(facts.precision)} (${s.facts.matched}/${s.facts.drafted}) | >= ${TARGETS.precision} |`,
    `| relation recall (all types but MENTIONS) | ${fmt(facts.recall)} (${s.facts.matched}/${s.facts.gold}) | >= ${TARGETS.recall} |`,
    `| precision / recall but MENTIONS, events and pledges mapped by name only | ${fmt(byName.precision)} / ${fmt(byName.recall)} (${s.factsByName.matched}/${s.factsByName.drafted}, /${s.factsByName.gold}) | |`,
    `| recall of stated (not inferred) relations but MENTIONS | ${fmt(ratio(s.stated.matched, s.stated.gold))} (${s.stated.matched}/${s.stated.gold}) | |`,
    `| missed relations but MENTIONS: an endpoint not found / both found, other type or direction / both found, not related | ${s.missCauses.endpoint} / ${s.missCauses.otherType} / ${s.missCauses.unrelated} | |`,
    `| gold entities behind those endpoint misses, by kind | ${
      [...s.notFoundByKind]
        .sort(([, a], [, b]) => b - a)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ") || "none"
    } | |`,
    `| wrong drafts but MENTIONS: an endpoint that maps to no gold entity / both mapped, not so related in the gold | ${s.extraCauses.unmapped} / ${s.extraCauses.mapped} | |`,
    `| relation precision / recall, MENTIONS included | ${fmt(all.precision)} / ${fmt(all.recall)} | |`,
    `| entity-linking accuracy | ${fmt(ratio(s.linking.correct, s.linking.mentioned))} (${s.linking.correct}/${s.linking.mentioned}) | >= ${TARGETS.linking} |`,
    `| gold entities not linked right, by kind (not found / under another key) | ${
      [...s.linkMisses]
        .sort(([, a], [, b]) => b.notFound + b.elsewhere - a.notFound - a.elsewhere)
        .map(([kind, m]) => `${kind} ${m.notFound} / ${m.elsewhere}`)
        .join(", ") || "none"
    } | |`,
    `| confidence calibration but MENTIONS: mean confidence / share right / Brier score (lower is better) | ${calibration(s.rated)} | |`,
    `| verbatim evidence | ${pct(ratio(s.verbatim.verbatim, s.verbatim.all))} (${s.verbatim.verbatim}/${s.verbatim.all}) | 100 % |`,
    `| ms per 1,000 words (median of ${TIMED_RUNS} runs, warm) | ${msPerK(s).toFixed(1)} | < ${TARGETS.msPerThousandWords} |`,
    "",
    "| relation type | precision | recall | matched | drafted | gold |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const [type, c] of [...s.byType].sort(([a], [b]) => a.localeCompare(b))) {
    const pr = precisionRecall(c);
    lines.push(
      `| ${type} | ${fmt(pr.precision)} | ${fmt(pr.recall)} | ${c.matched} | ${c.drafted} | ${c.gold} |`,
    );
  }
  lines.push(
    "",
    "| article | words | ms | precision | recall | linking | verbatim | extractor problems |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const a of s.articles) {
    const pr = precisionRecall(a.relations.facts);
    lines.push(
      `| ${a.name} | ${a.words} | ${a.ms.toFixed(1)} | ${fmt(pr.precision)} | ${fmt(pr.recall)} | ${a.linking.correct}/${a.linking.mentioned} | ${a.verbatim.verbatim}/${a.verbatim.all} | ${a.problems.length} |`,
    );
  }
  const missed = misses(s);
  lines.push(
    "",
    missed.length === 0 ? "All targets met." : `Targets missed: ${missed.join("; ")}.`,
  );
  if (listMisses) {
    for (const a of s.articles) {
      lines.push(
        "",
        `### ${a.name}`,
        "",
        `Gold relations not drafted (${a.relations.missed.length}): ${a.relations.missed.join(", ") || "none"}`,
        "",
        `Drafted relations not in the gold (${a.relations.extra.length}, unmapped keys marked ?): ${a.relations.extra.join(", ") || "none"}`,
        "",
        `Entities not linked right: ${a.linking.wrong.map((w) => `${w.key} (${w.why})`).join(", ") || "none"}`,
      );
    }
  }
  return lines;
}

const tune = [...seedArticles(), ...articlesIn(join(FIXTURES, "tune"))];
const test = articlesIn(join(FIXTURES, "test"));
if (test.length === 0) {
  console.error("No test articles in test/fixtures/extract/test/.");
  process.exit(2);
}
const missingClean = CLEAN_TEST_ARTICLES.filter((name) => !test.some((a) => a.name === name));
if (missingClean.length > 0) {
  console.error(
    `Clean articles missing from test/fixtures/extract/test/: ${missingClean.join(", ")}.`,
  );
  process.exit(2);
}

// The first call loads the NLP models: timed apart, not counted in the speed figure.
const coldStart = performance.now();
await extractDraft({ text: test[0]?.text ?? "", source: {} }, { linker });
const coldMs = performance.now() - coldStart;

/** One article after another, so that timings do not overlap. */
async function evaluateAll(articles: Article[]): Promise<ArticleResult[]> {
  const out: ArticleResult[] = [];
  for (const a of articles) out.push(await evaluate(a));
  return out;
}
const testResults = await evaluateAll(test);
const results = {
  tune: summarise("Tune", await evaluateAll(tune)),
  test: summarise("Test (held out)", testResults),
  clean: summarise(
    "Clean (held out, annotated without sight of the extractor's rules)",
    testResults.filter((a) => CLEAN_TEST_ARTICLES.includes(a.name)),
  ),
};

/**
 * The test set's second annotation (test/fixtures/extract/test/second/NAME.yaml: another
 * annotator, blind to the gold, the extractor and its drafts): the second against the gold, as a
 * draft is scored, and the extractor against both. Not judged by the targets: it shows what a
 * second careful reader reaches against the same gold.
 */
function secondAnnotation(articles: ArticleResult[]): string[] {
  const dir = join(FIXTURES, "test", "second");
  const zero = (): Counts => ({ matched: 0, drafted: 0, gold: 0 });
  const sum = { second: zero(), draft: zero(), either: zero(), both: zero() };
  let n = 0;
  for (const a of articles) {
    const file = join(dir, `${a.name}.yaml`);
    if (!existsSync(file)) continue;
    n++;
    const second = parsed(file);
    addCounts(sum.second, scoreRelations(a.gold, second).facts);
    addCounts(sum.draft, scoreRelations(second, a.draft).facts);
    const two = scoreAgainstTwo(a.gold, second, a.draft);
    addCounts(sum.either, two.either);
    addCounts(sum.both, two.both);
  }
  if (n === 0) return [];
  const cell = countsCell;
  return [
    `### A second annotation of ${n} of these articles`,
    "",
    'Another annotator, blind to the gold, the extractor and its drafts, annotated them again (test/fixtures/extract/test/second/; test/fixtures/extract/README.md, "Second annotation"). Scored as a draft is, relations but MENTIONS; not judged by the targets.',
    "",
    "| measure | precision / recall |",
    "| --- | --- |",
    `| the second annotation against the gold | ${cell(sum.second)} |`,
    `| the extractor against the second annotation | ${cell(sum.draft)} |`,
    `| the extractor against both: precision when either records it / recall of what both record | ${fmt(precisionRecall(sum.either).precision)} / ${fmt(precisionRecall(sum.both).recall)} (${sum.either.matched}/${sum.either.drafted}; ${sum.both.matched}/${sum.both.gold}) |`,
    "",
  ];
}

let commit = "unknown";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
} catch {
  // Not a git checkout: the report says so.
}

const report = [
  "# Extraction quality (`npm run eval:extract`)",
  "",
  `Run ${new Date().toISOString()} at commit ${commit}, Node ${process.version}. First call (loads the models): ${coldMs.toFixed(0)} ms, not counted below.`,
  "",
  "Drafts come from `extractDraft` with `documentLinker` over the seed document (offline). The",
  "targets are judged on the held-out test set only; the tune set (the seed article and",
  "test/fixtures/extract/tune/) is what the extractor was tuned on, reported as a check. The",
  "clean set is the part of the test set added in the third pass (2026-12-04): articles annotated",
  "by an annotator who had not seen the extractor's rules and never seen by its author (see",
  "test/fixtures/extract/README.md); its figures are shown beside the whole test set's, which the",
  "targets and the exit code are judged on.",
  "",
  "How a draft is scored (bench/extract-metrics.ts):",
  "",
  "- **Entity mapping.** A draft entity maps to the gold entity with the same key; else to the one",
  "  gold entity of the same kind sharing a name or alias (ignoring case, accents, punctuation and a",
  "  leading 'the'); else, for a quote, to the one gold quote whose text contains it or is contained",
  "  in it. The draft's source maps to the gold's. Other entities stay unmapped.",
  "- **Relations** match on (type, from, to) after mapping the draft's keys to the gold's, compared as",
  "  sets (a fact stated twice counts once); a relation with an unmapped endpoint counts against",
  "  precision. The headline figures leave out MENTIONS, which follow from the entities found and",
  "  are scored by linking; figures with MENTIONS are shown beside them.",
  "- **Linking accuracy**: of the gold entities (not quotes or the source) whose name or an alias",
  "  occurs in the text, the share the draft maps to the right key: the gold key itself when the",
  "  seed already holds it (linked), otherwise a key the seed does not hold (new).",
  "- **Verbatim**: the share of drafted relations whose evidence occurs character for character in",
  "  the repaired text.",
  "- **Speed**: the median of five warm runs per article, summed over the set, per 1,000 words.",
  "",
  ...section(results.test, false),
  "",
  ...secondAnnotation(testResults),
  ...section(results.clean, false),
  "",
  ...section(results.tune, true),
  "",
].join("\n");
writeFileSync(values.out, report);

const failed = misses(results.test);
for (const s of [results.test, results.clean, results.tune]) {
  const pr = precisionRecall(s.facts);
  console.log(
    `${s.name}: precision ${fmt(pr.precision)}, recall ${fmt(pr.recall)}, linking ${fmt(ratio(s.linking.correct, s.linking.mentioned))}, verbatim ${pct(ratio(s.verbatim.verbatim, s.verbatim.all))}, ${msPerK(s).toFixed(1)} ms per 1,000 words; confidence ${calibration(s.rated)}.`,
  );
}
console.log(`Report: ${values.out}`);
if (failed.length > 0) {
  console.error(`The test set misses its targets: ${failed.join("; ")}.`);
  if (!values["report-only"]) process.exit(1);
}

/**
 * `npm run extract -- ARTICLE.txt [--title T --publisher P --date YYYY-MM-DD --url U --key K] [--out F]`
 * writes a draft document (YAML, the seed's format) for review, offline: names are linked to the
 * entities of `--link FILE...` documents (e.g. the seed) when given, or to the graph's with
 * `--link-graph` (as the explorer and `--ingest DIR` link them), else proposed new.
 * `--min-confidence X` (0 to 1, both modes) leaves relations rated below X out of the draft and
 * lists them as suggestions (src/extract/calibration.ts).
 *
 * `npm run extract -- --ingest DIR [--by NAME]` runs the whole loop on a folder: every DIR/*.txt,
 * with its metadata from a sidecar DIR/NAME.json ({ title, publisher, publishedAt, url, key }),
 * is extracted (names linked against the graph), checked and ingested, one transaction per
 * article; a progress bar on a terminal, then a summary: entities new / linked, relations new /
 * corroborated.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { loadConfig } from "../config.js";
import { entitiesByKey } from "../data/entities.js";
import { graphLinker } from "../data/extract-linker.js";
import { BULK_INGEST_TIMEOUT_MS, ingestDocument } from "../data/ingest.js";
import { readDocumentFile } from "../data/seed.js";
import { openCliDatabase } from "../db/database.js";
import type { Db } from "../db/driver.js";
import type { QueryStats } from "../db/run.js";
import type { Document } from "../domain/document.js";
import { BadInputError } from "../domain/errors.js";
import {
  ownSourceKey,
  parseDocument,
  type StoredAtKey,
  sameArticle,
  sourceKeyAlternatives,
} from "../domain/validate.js";
import { isKey, KEY_MAX_LENGTH } from "../domain/vocabulary.js";
import {
  articleTextProblem,
  decodeArticle,
  type SourceField,
  sourceFieldProblem,
} from "../extract/article-text.js";
import type { ExtractSource } from "../extract/index.js";
import { fileProblem, linkedOutside, statPath } from "./files.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: "string" },
    publisher: { type: "string" },
    date: { type: "string" },
    url: { type: "string" },
    key: { type: "string" },
    out: { type: "string" },
    link: { type: "string", multiple: true },
    "link-graph": { type: "boolean", default: false },
    ingest: { type: "string" },
    by: { type: "string", default: "extract" },
    "min-confidence": { type: "string" },
    help: { type: "boolean", default: false },
  },
});

const USAGE = [
  "Usage: npm run extract -- ARTICLE.txt [--title T --publisher P --date YYYY-MM-DD --url U --key K] [--link DOC.yaml ... | --link-graph] [--out FILE] [--min-confidence X]",
  "       npm run extract -- --ingest DIR [--by NAME] [--min-confidence X]   (metadata from DIR/NAME.json beside each DIR/NAME.txt)",
].join("\n");

if (values.help || (values.ingest === undefined && positionals.length !== 1)) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

/** A refusal the user can act on: printed as its message, without a stack. */
class CliError extends Error {}

/** An article file's text, or a CliError saying why it cannot be one (missing, binary, empty, too long). */
function readArticle(file: string, label = file): string {
  const stat = statPath(file);
  if (!stat) throw new CliError(`${file}: no such file`);
  if ("problem" in stat) throw new CliError(`${label} ${stat.problem}`);
  if (stat.isDirectory())
    throw new CliError(`${file} is a folder: give an article's .txt file, or --ingest ${file}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`${label} ${fileProblem(error)}`);
  }
  const decoded = decodeArticle(bytes);
  if ("problem" in decoded) throw new CliError(`${label} ${decoded.problem}`);
  const refused = articleTextProblem(decoded.text, label);
  if (refused) throw new CliError(refused.message);
  return decoded.text;
}

/**
 * `key`, or a CliError naming the rule when it can be no key (`where` says where it was given):
 * such a key was drafted under, with a problem, into a draft no ingest takes, where
 * extractDocument refuses it (noticed31). Checked before the extractor loads.
 */
function checkedKey(key: string, where: string): string {
  if (isKey(key)) return key;
  const shown =
    key.length > 80
      ? `${JSON.stringify(`${key.slice(0, 80)}…`)} (${key.length} characters)`
      : JSON.stringify(key);
  throw new CliError(
    `${where} ${shown} is not a key: keys are lowercase slugs such as justin-trudeau (a-z and 0-9 in words joined by single hyphens, at most ${KEY_MAX_LENGTH} characters)`,
  );
}

/**
 * `value`, or a CliError naming the field (as `where` says it was given) and its limit when no
 * document could carry it: too long, or not valid Unicode. extractDocument refuses such metadata
 * (BAD_USER_INPUT); the CLI drafted it into a draft no ingest takes. Checked before drafting.
 */
function checkedField(field: SourceField, value: string, where: string): string {
  const problem = sourceFieldProblem(field, value);
  if (problem) throw new CliError(`${where} ${problem}`);
  return value;
}

/** The sidecar's metadata; an unreadable or malformed one is an error, a missing one is not. */
function sidecar(txt: string): ExtractSource {
  const file = txt.replace(/\.txt$/, ".json");
  if (!existsSync(file)) return {};
  let raw: Record<string, unknown>;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`${file} ${fileProblem(error)}`);
  }
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new CliError(
      `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw new CliError(
      `${file}: must be a JSON object { title, publisher, publishedAt, url, key }`,
    );
  const out: ExtractSource = {};
  for (const k of ["key", "title", "publisher", "publishedAt", "url"] as const) {
    const v = raw[k];
    if (typeof v === "string" && v.trim())
      out[k] =
        k === "key"
          ? checkedKey(v.trim(), `${basename(file)}: key`)
          : checkedField(k, v.trim(), `${basename(file)}: ${k}`);
    else if (v !== undefined) throw new CliError(`${basename(file)}: ${k} must be a string`);
  }
  return out;
}

/** `--min-confidence`: a number from 0 to 1, or none. */
function minConfidence(): { minConfidence?: number } {
  const raw = values["min-confidence"];
  if (raw === undefined) return {};
  const x = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(x) || x < 0 || x > 1)
    throw new CliError(`--min-confidence ${raw}: give a number from 0 to 1 (e.g. 0.8)`);
  return { minConfidence: x };
}

/**
 * The extractor, loaded once the arguments and files are seen to be usable: its language model
 * and gazetteers take seconds to load, which a refusal should not make the user wait for.
 */
const extractor = () => import("../extract/index.js");

/** Runs `main`, printing a CliError as one line (exit 2) instead of a stack. */
async function run(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

const ingestDir = values.ingest;
if (ingestDir !== undefined) await run(() => ingestFolder(ingestDir));
else await run(() => extractOne(positionals[0] as string));

async function ingestFolder(dir: string): Promise<void> {
  const threshold = minConfidence();
  const stat = statPath(dir);
  if (stat && "problem" in stat) throw new CliError(`${dir} ${stat.problem}`);
  if (!stat?.isDirectory()) throw new CliError(`${dir}: no such folder`);
  let names: string[];
  let home: string;
  try {
    names = readdirSync(dir);
    home = realpathSync(dir);
  } catch (error) {
    throw new CliError(`${dir} ${fileProblem(error)}`);
  }
  const files = names
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(dir, f));
  if (files.length === 0) {
    console.error(`${dir}: no .txt files`);
    process.exit(2);
  }
  const { extractDraft } = await extractor();
  const database = await openCliDatabase(loadConfig(), (m) => console.error(m));
  const stats = { roundTrips: 0 };
  const linker = graphLinker(database.db, stats);
  const total = {
    articles: 0,
    skipped: 0,
    failed: 0,
    newEntities: 0,
    linked: 0,
    newRelations: 0,
    corroborated: 0,
    updated: 0,
    unchanged: 0,
  };
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: "extract [{bar}] {value}/{total} articles {file}", stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(files.length, 0, { file: "" });
  const lines: string[] = [];
  const say = (line: string) => (bar ? lines.push(line) : console.log(line));
  try {
    for (const [i, file] of files.entries()) {
      bar?.update(i, { file: basename(file) });
      if (!bar) console.error(`[${i + 1}/${files.length}] ${basename(file)}`);
      try {
        const outside = linkedOutside(file, home);
        if (outside)
          throw new CliError(
            `a symbolic link to ${outside}, outside the folder: not read (a folder's articles are the files in it; copy the article in to ingest it)`,
          );
        const source = sidecar(file);
        const draft = await extractDraft(
          { text: readArticle(file, "the file"), source },
          { linker, ...threshold },
        );
        // An article already in the graph may have been reviewed since: ingesting the raw draft
        // again would restate its claims as drafted (a year the reviewer added, gone; a relation
        // the reviewer deleted, back). Leave it as it is.
        // Two articles of one publisher, year and title are proposed one key: the second one, at
        // another URL, is not "already in the graph" but another article. It takes the first of
        // key-2 ... key-9 that is free or already it (a key from its sidecar is kept, and
        // ingest refuses it, naming the article that has it).
        if (!source.key) await moveToOwnSourceKey(database.db, stats, draft.document);
        const key = draft.document.source.key;
        const [stored] = await entitiesByKey(database.db, stats, { keys: [key] });
        if (
          !(stored instanceof Error) &&
          stored?.kind === "Source" &&
          sameArticle(
            stored.properties.url,
            draft.document.source.properties?.url,
            stored.properties.text,
            draft.document.source.properties?.text,
          )
        ) {
          total.skipped++;
          say(
            `${basename(file)}: ${key}: already in the graph, skipped (to ingest it again, delete the source first, or ingest its reviewed document with npm run ingest).`,
          );
          continue;
        }
        const s = await ingestDocument(
          database.db,
          stats,
          draft.document,
          values.by,
          undefined,
          BULK_INGEST_TIMEOUT_MS,
          { listChanged: false },
        );
        const linked = draft.entities.filter((e) => e.status === "LINKED").length;
        const fresh = draft.entities.length - linked;
        total.articles++;
        total.newEntities += fresh;
        total.linked += linked;
        total.newRelations += s.relationOutcomes.created;
        total.corroborated += s.relationOutcomes.corroborated;
        total.updated += s.relationOutcomes.updated;
        total.unchanged += s.relationOutcomes.unchanged;
        say(
          `${basename(file)}: ${s.source}: entities ${fresh} new, ${linked} linked; relations ${s.relationOutcomes.created} new, ${s.relationOutcomes.corroborated} corroborated, ${s.relationOutcomes.updated} updated, ${s.relationOutcomes.unchanged} unchanged.`,
        );
        for (const p of draft.problems) say(`  problem: ${p}`);
      } catch (error) {
        total.failed++;
        if (error instanceof BadInputError) {
          say(`${basename(file)}: ${error.message}`);
          for (const p of error.problems) say(`  ${p.path.join(".")}: ${p.message}`);
        } else say(`${basename(file)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    bar?.update(files.length, { file: "" });
    bar?.stop();
    await database.close();
  }
  for (const l of lines) console.log(l);
  console.log(
    `Summary: ${total.articles} of ${files.length} articles ingested${total.skipped ? ` (${total.skipped} already in the graph, skipped)` : ""}${total.failed ? ` (${total.failed} failed, nothing written for them)` : ""}; entities ${total.newEntities} new, ${total.linked} linked; relations ${total.newRelations} new, ${total.corroborated} corroborated, ${total.updated} updated, ${total.unchanged} unchanged.`,
  );
  process.exit(total.failed > 0 ? 1 : 0);
}

async function extractOne(file: string): Promise<void> {
  const threshold = minConfidence();
  if (values.key !== undefined) checkedKey(values.key, "--key");
  const flags: [SourceField, string | undefined, string][] = [
    ["title", values.title, "--title"],
    ["publisher", values.publisher, "--publisher"],
    ["publishedAt", values.date, "--date"],
    ["url", values.url, "--url"],
  ];
  for (const [field, value, flag] of flags) if (value) checkedField(field, value, flag);
  const text = readArticle(file);
  const linkDocs: Document[] = [];
  for (const f of values.link ?? []) {
    const stat = statPath(f);
    if (stat && "problem" in stat) throw new CliError(`--link ${f} ${stat.problem}`);
    if (!stat?.isFile()) throw new CliError(`--link ${f}: no such file`);
    let input: unknown;
    try {
      input = readDocumentFile(f);
    } catch (error) {
      throw new CliError(`--link ${f}: cannot read: ${fileProblem(error)}`);
    }
    const parsed = parseDocument(input);
    if (!parsed.ok)
      throw new CliError(`${f}: not a valid document (${parsed.problems.length} problems)`);
    linkDocs.push(parsed.document);
  }
  if (values["link-graph"] && linkDocs.length > 0)
    throw new CliError(
      "--link-graph or --link DOC.yaml: give one (names are linked to one of them)",
    );
  const source = {
    ...sidecar(file),
    ...(values.key ? { key: values.key } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values.date ? { publishedAt: values.date } : {}),
    ...(values.url ? { url: values.url } : {}),
  };
  const { documentLinker, draftToYaml, extractDraft } = await extractor();
  // The graph's entities, as the explorer and --ingest DIR link names: the graph as it is now,
  // not the seed alone (a draft linked to nothing re-declared every entity the graph had).
  const database = values["link-graph"]
    ? await openCliDatabase(loadConfig(), (m) => console.error(m))
    : undefined;
  const linker = database
    ? graphLinker(database.db, { roundTrips: 0 })
    : linkDocs.length > 0
      ? documentLinker(linkDocs)
      : undefined;
  const result = await extractDraft(
    { text, source },
    { ...(linker ? { linker } : {}), ...threshold },
  ).finally(() => database?.close());
  const yaml = draftToYaml(result);
  const linked = result.entities.filter((e) => e.status === "LINKED").length;
  if (values.out) {
    writeFileSync(values.out, yaml);
    console.error(
      `${values.out}: ${result.entities.length} entities (${linked} linked${linker ? "" : ": give --link-graph to link names to the graph's entities, or --link DOC.yaml to a document's"}), ${result.relations.length} relations.`,
    );
  } else process.stdout.write(yaml);
  for (const p of result.problems) console.error(`problem: ${p}`);
}

/**
 * Moves a draft whose proposed source key is another article's (a Source at another URL) to the
 * first of key-2 ... key-9 that is free or this article's; left as it is when all are taken
 * (ingest then refuses it, naming the article that has the key).
 */
async function moveToOwnSourceKey(db: Db, stats: QueryStats, doc: Document): Promise<void> {
  const key = doc.source.key;
  const candidates = [key, ...sourceKeyAlternatives(key)];
  const found = await entitiesByKey(db, stats, { keys: candidates });
  const stored = new Map<string, StoredAtKey>();
  candidates.forEach((k, i) => {
    const e = found[i];
    if (e && !(e instanceof Error))
      stored.set(k, { kind: e.kind, url: e.properties.url, text: e.properties.text });
  });
  const free = ownSourceKey(
    candidates,
    doc.source.properties?.url,
    stored,
    doc.source.properties?.text,
  )?.key;
  if (!free || free === key) return;
  doc.source.key = free;
  for (const r of doc.relations) {
    if (r.from === key) r.from = free;
    if (r.to === key) r.to = free;
  }
}

/**
 * `npm run extract -- ARTICLE.txt [--title T --publisher P --date YYYY-MM-DD --url U] [--out F]`
 * writes a draft document (YAML) for review; `--ingest DIR` extracts every .txt in DIR (metadata
 * from a sidecar NAME.json) and ingests each draft in its own transaction.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { draftToYaml, extractDraft } from "../extract/index.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: "string" },
    publisher: { type: "string" },
    date: { type: "string" },
    url: { type: "string" },
    key: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (values.help || positionals.length !== 1) {
  console.error(
    "Usage: npm run extract -- ARTICLE.txt [--title T --publisher P --date YYYY-MM-DD --url U] [--out FILE]",
  );
  process.exit(values.help ? 0 : 2);
}
const file = positionals[0] as string;
const text = readFileSync(file, "utf8");
const result = await extractDraft({
  text,
  source: {
    ...(values.key ? { key: values.key } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values.date ? { publishedAt: values.date } : {}),
    ...(values.url ? { url: values.url } : {}),
  },
});
const yaml = draftToYaml(result);
if (values.out) {
  writeFileSync(values.out, yaml);
  console.error(
    `${values.out}: ${result.entities.length} entities, ${result.relations.length} relations.`,
  );
} else process.stdout.write(yaml);
for (const p of result.problems) console.error(`problem: ${p}`);

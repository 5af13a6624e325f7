/**
 * The articles the extraction benchmarks read: a fixtures folder's NAME.txt, NAME.json and
 * NAME.yaml (gold), the seed articles (their text is in the document), and the seed documents
 * the offline linker links against. Shared by `npm run eval:extract` and the tune-only miss
 * lister, which passes only the tune folder.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { readDocumentFile, seedFiles } from "../src/data/seed.js";
import type { Document } from "../src/domain/document.js";
import { checkDocument, parseDocument } from "../src/domain/validate.js";

export interface Article {
  name: string;
  text: string;
  meta: { title?: string; publisher?: string; publishedAt?: string; url?: string };
  gold: Document;
}

export function parsed(file: string): Document {
  const result = parseDocument(readDocumentFile(file));
  if (!result.ok) {
    console.error(`${file}: not a valid document:`);
    for (const p of result.problems) console.error(`  ${p.path.join(".")}: ${p.message}`);
    process.exit(2);
  }
  return result.document;
}

/** The articles of a fixtures folder: NAME.txt, NAME.json and NAME.yaml. */
export function articlesIn(dir: string): Article[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const name = basename(f, ".yaml");
      const metaFile = join(dir, `${name}.json`);
      return {
        name,
        text: readFileSync(join(dir, `${name}.txt`), "utf8"),
        meta: existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, "utf8")) : {},
        gold: parsed(join(dir, f)),
      };
    });
}

/** The seed articles: their text is in the document itself. */
export function seedArticles(): Article[] {
  return seedFiles().map((file) => {
    const gold = parsed(file);
    const p = gold.source.properties;
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    return {
      name: `seed/${basename(file)}`,
      text: str(p.text) ?? "",
      meta: {
        title: str(p.title),
        publisher: str(p.publisher),
        publishedAt: str(p.publishedAt),
        url: str(p.url),
      },
      gold,
    };
  });
}

/** The seed documents, repaired, for the linker; and every key they define. */
export function seedDocuments(): { docs: Document[]; keys: Set<string> } {
  const docs = seedFiles().map((file) => {
    const result = checkDocument(parsed(file));
    if (!result.ok) throw new Error(`${file} does not validate`);
    return result.document;
  });
  const keys = new Set(docs.flatMap((d) => [d.source.key, ...d.entities.map((e) => e.key)]));
  return { docs, keys };
}

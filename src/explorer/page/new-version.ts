/**
 * The way out of a refusal of the same article (the same URL) with a text that drops sentences
 * the graph quotes from it: ingest it as a new version, under a free key, superseding the stored
 * source. The server names both in the problem's `newVersion`; a server without that field says
 * them only in the message, which is read as a fallback.
 */
import type { NewVersion, Problem } from "./api.js";
import { KEY } from "./review.js";

/** "... under a key of its own (such as ann-article-2, which is free) with supersedes: "ann-article" ..." */
const SAID = /such as ([a-z0-9]+(?:-[a-z0-9]+)*), which is free\)[^"]*supersedes: "([^"]+)"/;

/** The new version the problems offer as the way out, or null when none does. */
export function newVersionOf(problems: readonly Problem[]): NewVersion | null {
  for (const p of problems) {
    const given = p.newVersion;
    if (given && KEY.test(given.key) && KEY.test(given.supersedes)) return given;
  }
  for (const p of problems) {
    if (p.path.join(".") !== "source.properties.text") continue;
    const m = SAID.exec(p.message);
    if (m?.[1] && m[2] && KEY.test(m[2])) return { key: m[1], supersedes: m[2] };
  }
  return null;
}

/** What the page says once an ingest superseded a source. */
export function supersededLine(s: { key: string; relations: number; entities: number }): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `Superseded ${s.key} (now retracted): ${n(s.relations, "relation", "relations")} and ${n(s.entities, "entity", "entities")} changed; what only it stated no longer counts.`;
}

/**
 * The Cypher of full-text search over names, aliases and descriptions (the `entity_search`
 * index), and the Lucene query it sends: user text reaches Lucene only escaped, and Cypher only
 * as a parameter.
 */
import neo4j from "neo4j-driver";
import type { Statement } from "./params.js";
import type { SearchPlan } from "./plan.js";
import { project, vouched } from "./projection.js";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The words of a query as the index sees them (lowercase, Lucene syntax removed). */
export function queryWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, ""))
    .filter((w) => w.length > 0)
    .slice(0, 10);
}

/** A word without its diacritics ("kariņš" -> "karins"), as English-language articles spell names. */
export function foldDiacritics(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/**
 * Turns what a person typed into a Lucene query: each word must match, as a whole word
 * (boosted), as a prefix ("stolten" finds Stoltenberg) or, for longer words, with one typo; a
 * word with diacritics matches without them too ("Kariņš" finds Karins, as the articles spell
 * him). User text never reaches Lucene syntax unescaped. Returns null when nothing searchable
 * remains.
 */
export function toLuceneQuery(text: string): string | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  const all = words
    .map((w) => {
      const forms = [`${w}^3`, `${w}*`];
      if (w.length >= 4) forms.push(`${w}~1`);
      const folded = foldDiacritics(w);
      if (folded !== w && folded.length > 0) {
        forms.push(`${folded}^3`, `${folded}*`);
        if (folded.length >= 4) forms.push(`${folded}~1`);
      }
      return `(${forms.join(" OR ")})`;
    })
    .join(" AND ");
  // A match in the name outranks one in the aliases, which outranks one in the description.
  return `name:(${all})^4 OR aliases:(${all})^2 OR description:(${all})`;
}

// An entity only retracted sources state is not found (see `vouched`).
// Lucene scores prefix matches flat, so a long headline that mentions a name can outrank the
// person; what was typed being (the start of) a name or alias is the stronger signal.
const HITS = `
  CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
  WHERE ($kinds IS NULL OR node.kind IN $kinds) AND ${vouched("node")}`;

/**
 * The page (one row: `items`, each {n, score}) and, when asked for, the number of hits
 * (`total`), in one statement; null when nothing searchable was typed.
 */
export function searchStatement(plan: SearchPlan): Statement | null {
  const query = toLuceneQuery(plan.text);
  if (!query) return null;
  // The snippet is cut from the name, aliases and description, so they are always read.
  const properties = plan.properties ?? null;
  const projection = project("node", properties && [...properties, "aliases", "description"]);
  const cypher = `
CALL () {${HITS}
  WITH node, score + CASE
    WHEN toLower(node.name) = $typed OR any(a IN node.aliases WHERE toLower(a) = $typed) THEN 6
    WHEN toLower(node.name) STARTS WITH $typed
      OR any(a IN node.aliases WHERE toLower(a) STARTS WITH $typed) THEN 3
    ELSE 0 END AS score
  ORDER BY score DESC, node.name, node.key
  SKIP $offset LIMIT $limit
  RETURN collect({n: ${projection}, score: score}) AS items
}${
    plan.withTotal
      ? `
CALL () {${HITS}
  RETURN count(node) AS total
}`
      : ""
  }
RETURN items${plan.withTotal ? ", total" : ""}`;
  return {
    cypher,
    params: {
      query,
      // kinds: [] is none of the kinds (an empty list matches nothing, as in every filter).
      kinds: plan.kinds ? [...plan.kinds] : null,
      typed: plan.text.trim().toLowerCase(),
      offset: neo4j.int(plan.offset),
      limit: neo4j.int(plan.limit),
    },
  };
}

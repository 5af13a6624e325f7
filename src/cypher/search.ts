/**
 * The Cypher of full-text search over names, aliases, their plain spellings and descriptions
 * (the `entity_fulltext` index), and the Lucene query it sends: user text reaches Lucene only
 * escaped, and Cypher only as a parameter.
 */
import neo4j from "neo4j-driver";
import { normalizeName } from "../domain/document.js";
import { foldName, plainSpelling, stripMarks } from "../domain/fold.js";
import { KIND_NAMES } from "../domain/vocabulary.js";
import type { Statement } from "./params.js";
import type { SearchPlan } from "./plan.js";
import { project, vouched } from "./projection.js";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/**
 * An English possessive at a word's end ("NATO's", "Canada’s", "allies'"). The index keeps it in
 * the word ("nato's" is one token), so "NATO's" as typed matched no name: the word without it
 * still matches the possessive as a prefix.
 */
const POSSESSIVE = /(?<=[\p{L}\p{N}])['’]s?$/u;

/**
 * The words of a query as the index sees them (lowercase, Lucene syntax and possessives removed).
 * Lucene's special characters separate words, as the index's tokenizer splits names at them:
 * "multi-year", "justin-trudeau" or "NATO/OTAN" are two words each. Removing them joined the
 * halves ("multiyear"), which no name holds, so a word typed as the name spells it found nothing.
 */
export function queryWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(LUCENE_SPECIAL, " ")
    .split(/\s+/)
    .map((w) => w.replace(POSSESSIVE, ""))
    .filter((w) => w.length > 0)
    .slice(0, 10);
}

/**
 * Words shorter than this match only as whole words, and only in names and aliases: a single
 * letter as a prefix ("a*") matches a large part of every description.
 */
export const PREFIX_MIN_LENGTH = 2;
/** Words this long or longer also match with one typo ("reasurance"); shorter ones would match half the vocabulary. */
export const FUZZY_MIN_LENGTH = 4;

/** A word's length in characters (code points), as a person counts them. */
const length = (word: string) => [...word].length;

/** Whether a word is too short to match as a prefix (see PREFIX_MIN_LENGTH). */
export const isShortWord = (word: string) => length(word) < PREFIX_MIN_LENGTH;

/** The Lucene forms of one word: whole (boosted), prefix and one typo, as its length allows. */
function wordForms(word: string): string[] {
  const forms = [`${word}^3`];
  if (!isShortWord(word)) forms.push(`${word}*`);
  if (length(word) >= FUZZY_MIN_LENGTH) forms.push(`${word}~1`);
  return forms;
}

/**
 * Turns what a person typed into a Lucene query: each word must match, as a whole word
 * (boosted), from two characters as a prefix ("stolten" finds Stoltenberg) and from four with
 * one typo; a word with diacritics matches without them too ("Kariņš" finds Karins, as the
 * articles spell him). A one-character word matches only a whole word of a name or alias ("X"
 * finds Task Force X), and the description is searched for the longer words alone. User text
 * never reaches Lucene syntax unescaped. Returns null when nothing searchable remains.
 */
export function toLuceneQuery(text: string): string | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  // Each word must match in some field, not every word in one field: "Justin Trudeau Canada"
  // (the name, and "Prime Minister of Canada.") found nothing when the name, the aliases or the
  // description each had to hold all three words. A match in the name outranks one in the
  // aliases, which outranks one in the description.
  return words
    .map((w) => {
      const forms = wordForms(w);
      const folded = stripMarks(w);
      if (folded !== w && folded.length > 0) forms.push(...wordForms(folded));
      // A capital sigma ends a word as "ς" in JavaScript's lower case, but the index lower-cases
      // every one to "σ": "ΕΛ.ΑΣ" (the Hellenic Police) was typed as "ας", which the index does
      // not hold. The word is also looked for as the index spells it.
      const sigma = w.replace(/ς/g, "σ");
      if (sigma !== w) forms.push(...wordForms(sigma));
      const any = `(${forms.join(" OR ")})`;
      // The plain spellings of names and aliases ("adazi" for "Ādaži"), searched with the word
      // typed plain: "Adazi" or "Kogalnic" finds the name written with its accents.
      const plain = plainSpelling(w);
      const fields = [`name:${any}^4`, `aliases:${any}^2`];
      // A word of nothing but accents (a stray combining mark typed or pasted apart) has no
      // plain spelling: "plainNames:(^3)^3" was a Lucene syntax error, answered as an internal
      // error (redteam22).
      if (plain.length > 0) fields.push(`plainNames:(${wordForms(plain).join(" OR ")})^3`);
      if (!isShortWord(w)) fields.push(`description:${any}`);
      return `(${fields.join(" OR ")})`;
    })
    .join(" AND ");
}

/**
 * What was typed, as a whole name or alias would be spelled, lower case: as typed (names are
 * stored normalised: "Justin  Trudeau" is his whole name too) and without possessives ("NATO's"
 * is NATO's whole name; "Russia's invasion of Ukraine" typed is that event's).
 */
export function typedNames(text: string): string[] {
  const whole = foldName(normalizeName(text));
  const bare = whole
    .split(" ")
    .map((w) => w.replace(POSSESSIVE, ""))
    .filter((w) => w.length > 0)
    .join(" ");
  return [...new Set([whole, bare])].filter((t) => t.length > 0);
}

/**
 * The entities whose name (folded, as stored: nameLower) is what was typed or, when its last word
 * is long enough to match as a prefix, starts with it: one seek of each kind's range index on
 * nameLower per typed form. The full-text index's analyzer (Java) does not know every letter
 * JavaScript does ("Ꟁ", U+A7C0, Unicode 14): it leaves such a letter out of the word it indexes,
 * and a prefix or a typo of a word that holds it ("ꟁsmo") matched nothing. These names are found
 * by the folds TypeScript stored, as the exact and prefix tiers compare them.
 */
const nameSeeks = (prefix: boolean) =>
  KIND_NAMES.map(
    (kind) => `
  UNWIND $typed AS typed
  MATCH (node:${kind}) WHERE node.nameLower ${prefix ? "STARTS WITH" : "="} typed
  RETURN node, 0.0 AS score`,
  ).join("\n  UNION ALL");

// An entity only retracted sources state is not found (see `vouched`).
// Lucene scores prefix matches flat, so a long headline that mentions a name can outrank the
// person; what was typed being (the start of) a name or alias is the stronger signal.
const hits = (prefix: boolean) => `
  CALL () {
  CALL db.index.fulltext.queryNodes('entity_fulltext', $query) YIELD node, score
  RETURN node, score
  UNION ALL${nameSeeks(prefix)}
  }
  WITH node, max(score) AS score
  WHERE ($kinds IS NULL OR node.kind IN $kinds) AND ${vouched("node")}`;

/**
 * The page (one row: `items`, each {n, score}) and, when asked for, the number of hits
 * (`total`), in one statement; null when nothing searchable was typed.
 */
export function searchStatement(plan: SearchPlan): Statement | null {
  const query = toLuceneQuery(plan.text);
  if (!query) return null;
  // A one-character last word matches only as a whole word ("Task Force X", not "Xylo").
  const candidates = hits(!isShortWord(queryWords(plan.text).at(-1) ?? ""));
  // The snippet is cut from the name, aliases and description, so they are always read.
  const properties = plan.properties ?? null;
  const projection = project("node", properties && [...properties, "aliases", "description"]);
  const cypher = `
CALL () {${candidates}
  WITH node, score, CASE
    WHEN node.nameLower IN $typed OR any(a IN coalesce(node.aliasesLower, []) WHERE a IN $typed)
      OR any(p IN coalesce(node.plainNames, []) WHERE p IN $plain) THEN 2
    WHEN any(t IN $typed WHERE node.nameLower STARTS WITH t
      OR any(a IN coalesce(node.aliasesLower, []) WHERE a STARTS WITH t))
      OR any(t IN $plain WHERE any(p IN coalesce(node.plainNames, []) WHERE p STARTS WITH t)) THEN 1
    ELSE 0 END AS tier
  WITH node, tier, score + 3 * tier AS score
  // The tier first: a boost alone let a longer name that holds the word outscore the entity of
  // exactly that name (the invasion of Ukraine came before Ukraine for "Ukraine").
  ORDER BY tier DESC, score DESC, node.name, node.key
  SKIP $offset LIMIT $limit
  RETURN collect({n: ${projection}, score: score}) AS items
}${
    plan.withTotal
      ? `
CALL () {${candidates}
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
      typed: typedNames(plan.text),
      plain: [...new Set(typedNames(plan.text).map(plainSpelling))],
      offset: neo4j.int(plan.offset),
      limit: neo4j.int(plan.limit),
    },
  };
}

import { RETRACTED_CLAIMS_LABEL } from "../domain/vocabulary.js";

/**
 * How nodes and relationships leave Neo4j: their properties as a map, with `updatedAt` turned
 * into an ISO string by Cypher. A DateTime never crosses Bolt on a read: decoding one costs the
 * driver dozens of Integer operations, which profiling showed as a fifth of a nested read's CPU.
 * Properties in `leftOut` come as null (a relation drawn without its claims' excerpts).
 */
export const asMap = (variable: string, leftOut: readonly string[] = []) =>
  `${variable} {.*, ${leftOut.map((p) => `${p}: null, `).join("")}updatedAt: toString(${variable}.updatedAt)}`;

/**
 * A relation some source still vouches for: not every one of its claims is DEPRECATED (a
 * retracted source's). One only retracted sources state stays stored (a restore brings it back)
 * but is left out of every read: relation pages, neighbourhoods, paths and timelines.
 */
export const counted = (r: string) =>
  `(${r}.evidenceRanks IS NULL OR any(rank IN ${r}.evidenceRanks WHERE rank <> "DEPRECATED"))`;

/**
 * `counted`, and still so once the source the parameter `besides` names (when not null) is
 * retracted too: another source that is not retracted states it, or it has no evidence at all.
 * For a write that retracts that source in its own transaction after the check (an ingest with
 * `supersedes`), which must see the graph as it will be, not as it is.
 */
export const countedBesides = (r: string, besides: string) =>
  `(${counted(r)} AND ($${besides} IS NULL OR size(coalesce(${r}.evidenceSources, [])) = 0 OR any(i IN range(0, size(${r}.evidenceSources) - 1) WHERE ${r}.evidenceSources[i] <> $${besides} AND coalesce(${r}.evidenceRanks[i], "NORMAL") <> "DEPRECATED")))`;

/**
 * An entity some source still vouches for: not every claim on its fields is a retracted
 * source's (a value written by hand, or a source not retracted, counts), or a relation that
 * counts touches it. One only retracted sources state stays stored (a restore brings it back,
 * `Entity.retracted` says so on a lookup) but is left out of lists, search and neighbourhoods,
 * as its relations are. An entity without claims (a Source, one written before claims) counts.
 * Only an entity labelled RETRACTED_CLAIMS_LABEL (it has a DEPRECATED claim) can fail this, so
 * any other is let through on its labels alone, and the relation is looked for only when every
 * claim is retracted.
 */
export const vouched = (n: string) => `(NOT ${n}:${RETRACTED_CLAIMS_LABEL} OR ${stillVouched(n)})`;

const stillVouched = (n: string) =>
  `NOT coalesce(size(${n}.claimRanks) > 0 AND all(rank IN ${n}.claimRanks WHERE rank = "DEPRECATED"), false) OR EXISTS { (${n})-[vouch]-() WHERE ${counted("vouch")} }`;

/**
 * How many entities of `kind` only retracted sources state (those `vouched` leaves out): a
 * scan of the labelled ones alone, to take off a count the count store gives.
 */
export const withdrawnCount = (kind: string) =>
  `COUNT { MATCH (w:${RETRACTED_CLAIMS_LABEL}) WHERE w:${kind} AND NOT (${stillVouched("w")}) }`;

/** Entity properties every read takes: what an EntityRecord cannot be without. */
export const ENTITY_CORE = ["key", "kind", "name"] as const;

const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The property names a projection of `properties` (plus `core`) reads, in order, or null for
 * all properties. The names come from the vocabulary registry and the schema's own field names,
 * never from a request; anything that is not a plain identifier is refused.
 */
export function projectedNames(
  properties: readonly string[] | null,
  core: readonly string[] = ENTITY_CORE,
): string[] | null {
  if (properties === null) return null;
  const names = [...new Set([...core, ...properties])];
  for (const name of names)
    if (!PROPERTY_NAME.test(name)) throw new Error(`Not a property name: ${name}`);
  return names;
}

/**
 * Not a stored property: a relation's sentences (evidenceExcerpts) when they are few, at most
 * FEW_EXCERPTS_CHARS characters in all, else null. What a page of its claims reads with the
 * relation: a light relation's sentences come with it (no query more), a heavy one's page reads
 * its own sentences alone afterwards (data/relations.ts claimExcerpts).
 */
export const FEW_EXCERPTS = "evidenceExcerptsIfFew";
export const FEW_EXCERPTS_CHARS = 20_000;

const propertyValue = (variable: string, name: string) =>
  name === "updatedAt"
    ? `toString(${variable}.updatedAt)`
    : name === FEW_EXCERPTS
      ? `CASE WHEN reduce(chars = 0, sentence IN coalesce(${variable}.evidenceExcerpts, []) | chars + size(sentence)) <= ${FEW_EXCERPTS_CHARS} THEN ${variable}.evidenceExcerpts END`
      : `${variable}.${name}`;

/**
 * A projection of only `properties` (plus `core`), or of all properties (as a map) when null.
 * As a map by default; as a list of values in `projectedNames` order with `shape` "list", for
 * the many small records of nested pages: the driver decodes every map key of every record as a
 * string, and lists carry none (the bench's three-level nesting spent markedly less Node time
 * with lists).
 */
export function project(
  variable: string,
  properties: readonly string[] | null,
  core: readonly string[] = ENTITY_CORE,
  shape: "map" | "list" = "map",
): string {
  const names = projectedNames(properties, core);
  if (names === null) return asMap(variable);
  if (shape === "list") return `[${names.map((name) => propertyValue(variable, name)).join(", ")}]`;
  const entries = names.map((name) =>
    name === "updatedAt" || name === FEW_EXCERPTS
      ? `${name}: ${propertyValue(variable, name)}`
      : `.${name}`,
  );
  return entries.length === 0 ? "{}" : `${variable} {${entries.join(", ")}}`;
}

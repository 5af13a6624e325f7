/**
 * What ingest would refuse in one relation of the review, found in the page as the reader edits
 * it: the relation's own shape and values by the document format's own schema (the zod schema
 * ingest parses with, src/domain/document.ts), and its ends' kinds by the registry, in ingest's
 * words. Problems of the graph (a containment cycle, an end another client just deleted) only the
 * server can find: checkDocument and ingestDocument still say those, and the review puts them on
 * the row too.
 */
import { z } from "zod";
import { relationSchema } from "../../domain/document.js";
import {
  isAllowedEndpoint,
  isRelationType,
  type PropertyType,
  RELATION_TYPES,
  relationProperties,
} from "../../domain/vocabulary.js";
import type { Kind } from "./kinds.js";
import { endKind, type RelationReview, type Review, relationDocument } from "./review.js";

// zod compiles object parsers with `new Function` unless told not to; the page's content
// security policy allows no eval, and each refusal would be logged as a violation.
z.config({ jitless: true });

export interface RelationProblems {
  /** By field of the editor: "type", "from", "to", or a property's name. */
  fields: Record<string, string>;
  /** Problems of the relation as a whole. */
  row: string[];
}

export function hasProblems(p: RelationProblems): boolean {
  return p.row.length > 0 || Object.keys(p.fields).length > 0;
}

/** The relation types that may link `from` to `to` (all of them while an end is unknown). */
export function typesBetween(from: Kind | null, to: Kind | null): string[] {
  return Object.keys(RELATION_TYPES).filter(
    (t) => isRelationType(t) && (!from || !to || isAllowedEndpoint(t, from, to)),
  );
}

/** A value typed in a field, as the document holds it; `typed` when it is none of its type. */
export function parseValue(
  spec: PropertyType,
  text: string,
): { value: unknown } | { typed: string } | null {
  const t = text.trim();
  if (t === "") return null;
  if (spec.type === "number" || spec.type === "integer") {
    const n = Number(t.replace(/[,\u00a0\u202f ](?=\d{3}\b)/g, ""));
    return Number.isFinite(n) ? { value: n } : { typed: text };
  }
  if (spec.type === "boolean") return { value: t === "true" };
  return { value: t };
}

/** Every problem ingest would find in `r` as the review would send it. */
export function relationProblems(review: Review, r: RelationReview): RelationProblems {
  const fields: Record<string, string> = {};
  const row: string[] = [];
  const type = r.type;
  if (!isRelationType(type)) {
    fields.type = `${type} is no relation type of the vocabulary`;
    return { fields, row };
  }
  const spec = relationProperties(type);
  for (const name of Object.keys(r.typed))
    fields[name] = spec[name]?.type === "integer" ? "must be a whole number" : "must be a number";
  const from = endKind(review, r.from);
  const to = endKind(review, r.to);
  if (from && to && !isAllowedEndpoint(type, from, to)) {
    const allowed = RELATION_TYPES[type];
    fields.type = `${type} cannot link ${from} -> ${to}; it links ${allowed.from.join(" | ")} -> ${allowed.to.join(" | ")}`;
  }
  const parsed = relationSchema.safeParse(relationDocument(review, r));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [part, name] = issue.path;
      const field =
        part === "properties" && typeof name === "string"
          ? name
          : part === "from" || part === "to" || part === "type" || part === "evidence"
            ? part
            : null;
      if (field === null) row.push(`${issue.path.join(".") || "relation"}: ${issue.message}`);
      else fields[field] ??= issue.message;
    }
  return { fields, row };
}

/**
 * Syndication at read time (domain/syndication.ts): which source a claim repeats and how many of
 * a relation's sources are independent, from its claims as read and its sources' publication
 * dates, loaded for every relation of the request in one query per batch.
 */
import { createContextCache } from "@pothos/core";
import DataLoader from "dataloader";
import type { Context } from "../context.js";
import { type RelationRecord, relationClaimsOf } from "../data/records.js";
import { sourceDates } from "../data/syndication.js";
import type { Claim } from "../domain/claims.js";
import { independentSourceCount, repeatsOf, type SentenceRow } from "../domain/syndication.js";
import { claimSentence } from "./excerpts.js";

const requestCache = createContextCache((ctx: Context) => ({
  dates: new DataLoader<string, string | null>((keys) => sourceDates(ctx.db, ctx.stats, keys)),
  /** The repeats of a relation's claims, once per relation read (keyed by its claims list). */
  repeats: new WeakMap<readonly Claim[], Promise<Map<Claim, string | null>>>(),
}));

/** The claims that take part (retracted ones do not) as rows, with their sources' dates. */
async function rowsOf(ctx: Context, claims: readonly Claim[]): Promise<SentenceRow[]> {
  const keys = [...new Set(claims.map((c) => c.sourceKey))];
  const dates = await requestCache(ctx).dates.loadMany(keys);
  const byKey = new Map(keys.map((k, i) => [k, dates[i]]));
  // A heavy relation's page was read without its sentences: read them (one query a request).
  const sentences = await Promise.all(claims.map((c) => claimSentence(ctx, c)));
  return claims.map((c, i) => {
    const at = byKey.get(c.sourceKey);
    return {
      source: c.sourceKey,
      publishedAt: typeof at === "string" ? at : null,
      sentence: sentences[i] ?? "",
    };
  });
}

/** A relation's independent sources: as its read computed them, else from its claims that count. */
export async function independentSources(ctx: Context, r: RelationRecord): Promise<number> {
  if (r.independentSourceCount !== null) return r.independentSourceCount;
  return independentSourceCount(await rowsOf(ctx, r.evidence));
}

/** The key of the source whose claim a claim repeats, or null (always for a retracted claim). */
export async function repeatedSource(ctx: Context, claim: Claim): Promise<string | null> {
  if (claim.rank === "DEPRECATED") return null;
  const all = relationClaimsOf(claim);
  const cache = requestCache(ctx).repeats;
  let repeats = cache.get(all);
  if (!repeats) {
    const counting = all.filter((c) => c.rank !== "DEPRECATED");
    repeats = rowsOf(ctx, counting).then((rows) => {
      const of = repeatsOf(rows);
      return new Map(counting.map((c, i) => [c, of[i] ?? null]));
    });
    cache.set(all, repeats);
  }
  return (await repeats).get(claim) ?? null;
}

/**
 * A claim's sentence. A relation read without its sentences (a heavy relation's page of claims,
 * see planner FEW_EXCERPTS) keeps where each one is stored (data/records.ts unreadExcerpt): those
 * are read when asked for, every such claim of the request in one query (claimExcerpts).
 */
import { createContextCache } from "@pothos/core";
import DataLoader from "dataloader";
import type { Context } from "../context.js";
import { type UnreadExcerpt, unreadExcerpt } from "../data/records.js";
import { claimExcerpts } from "../data/relations.js";
import type { Claim } from "../domain/claims.js";

const excerptLoader = createContextCache(
  (ctx: Context) =>
    new DataLoader<UnreadExcerpt, string, string>(
      (claims) => claimExcerpts(ctx.db, ctx.stats, claims),
      { cacheKeyFn: (c) => `${c.id}\u0000${c.at}` },
    ),
);

/** The claim's sentence, verbatim: as read, or read now if its relation was read without it. */
export function claimSentence(ctx: Context, claim: Claim): string | Promise<string> {
  const unread = unreadExcerpt(claim);
  return unread ? excerptLoader(ctx).load(unread) : claim.excerpt;
}

import { randomUUID } from "node:crypto";
import { initContextCache } from "@pothos/core";
import type { Db } from "./db/driver.js";
import type { QueryStats } from "./db/run.js";

/** What every resolver sees: fresh per request (its loaders and counters die with it). */
export interface Context {
  db: Db;
  stats: QueryStats;
  requestId: string;
}

/** Builds a request's context; Pothos's dataloaders cache on it, so it is never shared. */
export function createContext(
  db: Db,
  onQuery?: QueryStats["onQuery"],
  requestId: string = randomUUID(),
): Context {
  return {
    ...initContextCache(),
    db,
    stats: { roundTrips: 0, ...(onQuery ? { onQuery } : {}) },
    requestId,
  };
}

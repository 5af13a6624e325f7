import { randomUUID } from "node:crypto";
import { initContextCache } from "@pothos/core";
import type { Caller } from "./auth/tokens.js";
import type { Db } from "./db/driver.js";
import type { QueryStats } from "./db/run.js";
import type { GraphEvents } from "./events.js";

/** What every resolver sees: fresh per request (its loaders and counters die with it). */
export interface Context {
  db: Db;
  stats: QueryStats;
  requestId: string;
  /** Who is calling, from the Authorization header. */
  caller: Caller;
  /** Where committed writes are announced (graphChanged). */
  events: GraphEvents;
}

export interface ContextOptions {
  db: Db;
  events: GraphEvents;
  caller?: Caller;
  onQuery?: QueryStats["onQuery"];
  requestId?: string;
}

/** Builds a request's context; Pothos's dataloaders cache on it, so it is never shared. */
export function createContext(o: ContextOptions): Context {
  return {
    ...initContextCache(),
    db: o.db,
    events: o.events,
    caller: o.caller ?? { kind: "anonymous" },
    stats: { roundTrips: 0, ...(o.onQuery ? { onQuery: o.onQuery } : {}) },
    requestId: o.requestId ?? randomUUID(),
  };
}

/**
 * Graph change events: announced after a write transaction commits (never before, never for one
 * rolled back), consumed by the graphChanged subscription. In-process; with more than one
 * replica, swap createPubSub's event target for @graphql-yoga/redis-event-target.
 */
import { setMaxListeners } from "node:events";
import { createPubSub } from "graphql-yoga";

export interface GraphChange {
  /** What wrote it: createEntity, ingestDocument, ... */
  operation: string;
  /** The token name (or CLI) that made the change. */
  by: string;
  at: string;
  /** Keys of entities created or changed. */
  entities: string[];
  /** Keys of entities deleted. */
  deletedEntities: string[];
  /** Ids (from|TYPE|to) of relations created or changed. */
  relations: string[];
  /** Ids of relations removed. */
  removedRelations: string[];
}

export type GraphEvents = ReturnType<typeof createGraphEvents>;

/**
 * The process's change events. Every open graphChanged stream is a listener on one event
 * target; the server admits at most `maxSubscribers` streams (MAX_SUBSCRIPTIONS), so Node's
 * leak warning (at 11 listeners) is set above that bound instead of firing on ordinary use.
 */
export function createGraphEvents(maxSubscribers = 64) {
  const eventTarget = new EventTarget();
  setMaxListeners(maxSubscribers + 1, eventTarget);
  return createPubSub<{ graphChanged: [GraphChange] }>({ eventTarget });
}

/** Announces a committed change, unless it changed nothing. */
export function announce(events: GraphEvents, change: Omit<GraphChange, "at">): void {
  const empty =
    change.entities.length +
      change.deletedEntities.length +
      change.relations.length +
      change.removedRelations.length ===
    0;
  if (!empty) events.publish("graphChanged", { ...change, at: new Date().toISOString() });
}

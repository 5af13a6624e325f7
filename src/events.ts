/**
 * Graph change events: announced after a write transaction commits (never before, never for one
 * rolled back), consumed by the graphChanged subscription. In-process by default; with REDIS_URL
 * every process (API replicas, the ingest CLI) publishes to and listens on one Redis channel
 * through @graphql-yoga/redis-event-target, so a change made anywhere reaches every subscriber.
 */
import { setMaxListeners } from "node:events";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, Repeater } from "graphql-yoga";
import { Redis } from "ioredis";

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

/** Where committed changes are published and graphChanged streams subscribe. */
export interface GraphEvents {
  publish(topic: "graphChanged", change: GraphChange): void;
  subscribe(topic: "graphChanged"): AsyncIterableIterator<GraphChange>;
  /**
   * Ends every stream subscribed, and any subscribed later, with the end of the stream (an SSE
   * client reads `event: complete`). The server calls it when it stops: open streams held its
   * drain until it cut them, 10 s later, with the socket (a client saw a network error), and a
   * stop that takes longer than a supervisor's grace (Docker's is 10 s) ends in SIGKILL.
   */
  end(): void;
}

function endable(pubsub: ReturnType<typeof createPubSub<{ graphChanged: [GraphChange] }>>) {
  let end = () => {};
  const ended = new Promise<void>((done) => {
    end = done;
  });
  const events: GraphEvents = {
    publish: (topic, change) => pubsub.publish(topic, change),
    // The race ends when either does, and ends the other: the listener goes with the stream.
    subscribe: (topic) =>
      Repeater.race([pubsub.subscribe(topic), ended]) as AsyncIterableIterator<GraphChange>,
    end,
  };
  return events;
}

/**
 * The process's change events. Every open graphChanged stream is a listener on one event
 * target; the server admits at most `maxSubscribers` streams (MAX_SUBSCRIPTIONS), so Node's
 * leak warning (at 11 listeners) is set above that bound instead of firing on ordinary use.
 */
export function createGraphEvents(maxSubscribers = 64): GraphEvents {
  const eventTarget = new EventTarget();
  setMaxListeners(maxSubscribers + 1, eventTarget);
  return endable(createPubSub<{ graphChanged: [GraphChange] }>({ eventTarget }));
}

/** Where a Redis URL points, without its credentials (for messages and logs). */
export function describeRedis(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return "(an unparsable REDIS_URL)";
  }
}

/** Raised when Redis cannot be reached at start. */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

export interface SharedGraphEvents {
  events: GraphEvents;
  /** Disconnects from Redis (after queued publishes are sent). */
  close(): Promise<void>;
}

/** What connectGraphEvents tells of Redis once it is connected. */
export interface RedisReport {
  /** Redis went away (once per outage, whichever connection noticed first). */
  down(message: string): void;
  /** Redis is back: both connections ready again (once per outage). */
  back(message: string): void;
  /** A publish failed while Redis was not known to be away. */
  error(error: unknown, what: string): void;
}

/**
 * Change events shared through Redis: one connection publishes, one (in subscriber mode)
 * listens, and the channel is the topic, `graphChanged`. Both connect before this resolves, so a
 * wrong REDIS_URL stops start-up; later outages are reconnected by ioredis and told through
 * `report`: one `down` when it goes and one `back` when both connections are ready again (a
 * publish that fails is reported, never an unhandled rejection; one that fails during an outage
 * is counted in its `back`). The subscriber connection subscribes to the channel only while a
 * stream is open.
 */
export async function connectGraphEvents(
  url: string,
  report: RedisReport,
): Promise<SharedGraphEvents> {
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 };
  const publisher = new Redis(url, { ...options, connectionName: "allies-graph-pub" });
  const subscriber = new Redis(url, { ...options, connectionName: "allies-graph-sub" });
  let started = false;
  // An outage is told once, and its end once: ioredis reports every failed reconnection (two
  // connections, every 50 ms to 2 s), which filled the log with an error line and a stack each
  // while Redis was away, and nothing said when it was back. A connection is down from its first
  // error or close until it is ready again; the outage lasts while either is down (one
  // connection back while the other still reconnects is no end: each told its own outage, three
  // lines for one, edges29), and the changes this process could not publish meanwhile are told
  // with its end, not one line each.
  const down = new Set<Redis>();
  let unshared = 0;
  const lost = (client: Redis) => {
    if (!started || down.has(client)) return void down.add(client);
    down.add(client);
    if (down.size === 1)
      report.down(
        `Redis (${describeRedis(url)}) unreachable: live updates from other processes wait for it; reconnecting`,
      );
  };
  for (const client of [publisher, subscriber]) {
    client.on("error", () => lost(client));
    client.on("close", () => lost(client));
    client.on("ready", () => {
      if (!down.delete(client) || down.size > 0 || !started) return;
      const missed =
        unshared === 0
          ? ""
          : ` ${unshared} ${unshared === 1 ? "change" : "changes"} made here while it was away reached no other process.`;
      unshared = 0;
      report.back(
        `Redis (${describeRedis(url)}) reachable again: live updates shared again.${missed}`,
      );
    });
  }
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new RedisUnavailableError(
      `Cannot reach Redis at ${describeRedis(url)} (REDIS_URL): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  started = true;
  // The event target only calls publish(channel, message) on this client and drops the promise:
  // hand it one whose failure is reported instead.
  const publishClient = {
    publish: (channel: string, message: string) =>
      publisher.publish(channel, message).catch((error: unknown) => {
        if (down.size > 0) unshared += 1;
        else report.error(error, `publishing to Redis (${describeRedis(url)})`);
        return 0;
      }),
  } as unknown as Redis;
  const eventTarget = createRedisEventTarget<CustomEvent>({
    publishClient,
    subscribeClient: subscriber,
  });
  return {
    events: endable(createPubSub<{ graphChanged: [GraphChange] }>({ eventTarget })),
    async close() {
      started = false;
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
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

/**
 * A GraphQL client for tests: it sends operations over HTTP to the app behind createHttp, exactly
 * as a client would, against the real Neo4j the suite started.
 */
import { pino } from "pino";
import { afterAll, beforeAll, inject } from "vitest";
import { generateToken, type TokenEntry } from "../../src/auth/tokens.js";
import { deleteEntity } from "../../src/data/writes.js";
import { createDb, type Db } from "../../src/db/driver.js";
import type { GraphEvents } from "../../src/events.js";
import type { Limits } from "../../src/limits.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { type App, createApp } from "../../src/server.js";
import { listenOnLoopback } from "./server.js";

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: (string | number)[];
    extensions?: Record<string, unknown>;
  }>;
  extensions?: { cypherRoundTrips?: number } & Record<string, unknown>;
}

/** The suite's database (one driver per test file). */
export function testDb(): Db {
  return createDb(inject("neo4j"));
}

export interface ClientOptions {
  onQuery?: (cypher: string, params: Record<string, unknown>) => void;
  tokens?: readonly TokenEntry[];
  events?: GraphEvents;
  limits?: Limits;
}

/**
 * The app behind createHttp on a free loopback port, started on first use. Neither the server
 * nor its connections keep a test process alive.
 */
function lazyServer(app: App, db: Db, maxBodyBytes: number) {
  let url: Promise<string> | undefined;
  return () => {
    url ??= listenOnLoopback(app, db, pino({ level: "silent" }), maxBodyBytes).then(
      ({ server, url }) => {
        // Nobody has the address yet, so every connection comes after this.
        server.unref();
        server.on("connection", (socket) => socket.unref());
        return `${url}/graphql`;
      },
    );
    return url;
  };
}

/**
 * A client bound to a fresh app over `db`. `gql` goes over HTTP, through createHttp as in
 * production; `app.fetch` reaches yoga itself.
 */
export function createClient(db: Db, options: ClientOptions | ClientOptions["onQuery"] = {}) {
  const o = typeof options === "function" ? { onQuery: options } : options;
  const app = createApp({
    db,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    ...o,
  });
  const endpoint = lazyServer(app, db, o.limits?.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes);
  return {
    app,
    /** Sends an operation; `authorization` is the raw header value, if any. */
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
    async gql<T = any>(
      query: string,
      variables?: Record<string, unknown>,
      authorization?: string,
    ): Promise<GqlResult<T>> {
      const response = await fetch(await endpoint(), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json",
          ...(authorization !== undefined ? { authorization } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
  };
}

/** Runs Cypher directly, for fixtures and clean-up of what a test made (never for assertions of API behaviour). */
export async function cypher(db: Db, query: string, params: Record<string, unknown> = {}) {
  const result = await db.driver.executeQuery(query, params, { database: db.database });
  return result.records.map((r) => r.toObject());
}

/**
 * Removes everything a test made under a key prefix: the evidence its sources added to other
 * relations (as deleting a Source through the API does), then its entities and their relations.
 */
export async function removeByPrefix(db: Db, prefix: string): Promise<void> {
  const sources = await cypher(
    db,
    "MATCH (s:Source) WHERE s.key STARTS WITH $p RETURN collect(s.key) AS keys",
    { p: prefix },
  );
  const keys = (sources[0]?.keys ?? []) as string[];
  // As the API deletes a source: its evidence and its entity claims leave what others state.
  for (const key of keys) await deleteEntity(db, { roundTrips: 0 }, key, "test clean-up");
  await cypher(db, "MATCH (n:Entity) WHERE n.key STARTS WITH $p DETACH DELETE n", { p: prefix });
}

/**
 * A test file's graph of its own, written through the API: a client with one token of "write"
 * scope (`auth` is its header), what the file made under `prefix` removed before and after it,
 * and the driver closed at the end.
 */
export function writerWithPrefix(prefix: string) {
  const db = testDb();
  const token = generateToken();
  const { gql } = createClient(db, {
    tokens: [{ name: "writer", sha256: token.sha256, scopes: ["write"] }],
  });
  beforeAll(async () => {
    await removeByPrefix(db, prefix);
  });
  afterAll(async () => {
    await removeByPrefix(db, prefix);
    await db.driver.close();
  });
  return { db, gql, auth: `Bearer ${token.token}` };
}

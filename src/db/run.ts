/**
 * The one path to Neo4j: a session per call, the database always set, the session closed in
 * finally, Neo4j errors mapped to domain errors. Writes and multi-statement reads use managed
 * transactions (executeWrite goes to the leader, executeRead to followers in a cluster; both
 * retry transient failures); a single read statement runs as an auto-commit transaction in a READ
 * session (routed the same way): one network round trip instead of two (no COMMIT), about a
 * quarter off a key lookup's latency here. A read is not retried: it fails fast instead.
 * Every Cypher round trip is counted on the caller's stats, so tests and logs can show that
 * the number of queries follows the shape of an operation, not the number of rows.
 */
import {
  type ManagedTransaction,
  Neo4jError,
  type RecordShape,
  type Result,
  type Session,
} from "neo4j-driver";
import { LimitExceededError, retryAfter, TimeoutError } from "../domain/errors.js";
import { type Db, SESSIONS_PER_REQUEST } from "./driver.js";
import { mapDbError, stoppedInLock, unreachableCause } from "./errors.js";
import { type Plain, plainSize, toPlain } from "./serialize.js";

/**
 * What one request may read from Neo4j, and what it has read so far. Checked as rows stream in,
 * so a request over its budget stops reading (the rest of the result is discarded) instead of
 * holding it all in memory first.
 */
export interface ReadBudget {
  maxRows: number;
  maxBytes: number;
  rows: number;
  bytes: number;
  /**
   * The request is a mutation: its refusal says so (nothing written, what is too large), never
   * "smaller pages", which a write has none of.
   */
  mutation?: boolean;
}

/** Per-request counters. */
export interface QueryStats {
  roundTrips: number;
  /** Called with every query sent (tests use it to EXPLAIN what requests really run). */
  onQuery?: (cypher: string, params: Params) => void;
  /** The request's read budget; none for work outside a request (seed, CLI, migrations). */
  budget?: ReadBudget;
  /** The request's sessions (sessionGate); none for work outside a request. */
  sessions?: SessionGate;
}

/**
 * The sessions (so pool connections) one request holds at once, and its work waiting for one.
 * A request's loaders resolve side by side, each in a session of its own: with no bound, a few
 * wide reads held all 50 of the pool's connections, and the other requests waited out the
 * pool's acquisition timeout (redteam28). Hand-written (a counter and a queue): a library such
 * as p-limit would be a new dependency for these few lines, and it cannot refuse the work still
 * queued once the request is answered (stopSessions).
 */
export interface SessionGate {
  max: number;
  open: number;
  waiting: Array<{ go: () => void; refuse: (error: Error) => void }>;
  /** Set once the request was answered without its work (stopSessions). */
  stopped?: Error;
}

/** A request's gate: at most `max` of its sessions open at once. */
export const sessionGate = (max = SESSIONS_PER_REQUEST): SessionGate => ({
  max,
  open: 0,
  waiting: [],
});

/**
 * Runs `work` (which opens one session, and waits for no other of the request's) in one of the
 * request's sessions, waiting for one when all are open. Work outside a request passes.
 */
async function withSession<T>(stats: QueryStats, work: () => Promise<T>): Promise<T> {
  const gate = stats.sessions;
  if (!gate) return work();
  if (gate.stopped) throw gate.stopped;
  if (gate.open < gate.max) gate.open += 1;
  // Handed over by the session that closes (open stays as it is).
  else await new Promise<void>((go, refuse) => gate.waiting.push({ go, refuse }));
  try {
    return await work();
  } finally {
    const next = gate.waiting.shift();
    if (next) next.go();
    else gate.open -= 1;
  }
}

/**
 * The request was answered without waiting for its work (its budget ran out, or its client went
 * away): graphql-js cannot stop an execution, so its loaders went on opening sessions after its
 * slot was given to another request. Now its work waiting for a session, or asking for one
 * later, is refused with `error` instead; sessions already open finish (within the transaction
 * timeout).
 */
export function stopSessions(stats: QueryStats, error: Error): void {
  const gate = stats.sessions;
  if (!gate || gate.stopped) return;
  gate.stopped = error;
  for (const waiter of gate.waiting.splice(0)) waiter.refuse(error);
}

/** Charges one decoded row to the budget; throws LIMIT_EXCEEDED once it is spent. */
function charge(budget: ReadBudget, row: Row, write: boolean): void {
  budget.rows += 1;
  budget.bytes += plainSize(row);
  if (budget.rows > budget.maxRows || budget.bytes > budget.maxBytes) {
    const kind = budget.rows > budget.maxRows ? "rows" : "bytes";
    const what = kind === "rows" ? `${budget.maxRows} rows` : `${budget.maxBytes} bytes`;
    throw new LimitExceededError(
      write || budget.mutation
        ? writeRefusal(budget, kind)
        : `The request read more than ${what} from the graph and was stopped; ask for smaller pages or fewer nested levels.`,
      { budget: kind },
    );
  }
}

/**
 * What a write stopped at the read budget answers. A write reads back what it rewrites (a
 * relation with every source's claim, to settle its values): one stated by very many sources
 * with long sentences (redteam31: about 1,500 of 5,000 characters) is more than a request may
 * read, so no write of it can pass; there are no pages to make smaller, and the operator has to
 * act. `record` names what is too large when the write knows it.
 */
export function writeRefusal(
  budget: Pick<ReadBudget, "maxRows" | "maxBytes">,
  kind: "rows" | "bytes",
  record = "a relation or entity it rewrites",
): string {
  const what = kind === "rows" ? `${budget.maxRows} rows` : `${budget.maxBytes} bytes`;
  const setting = kind === "rows" ? "MAX_READ_ROWS" : "MAX_READ_BYTES";
  return `The write was stopped: ${record} is too large to rewrite in one request (it read more than ${what} from the graph); nothing was written. An operator can raise ${setting}, or retract or delete sources that state it.`;
}

/** The rows of a result, decoded one by one as they arrive and charged to the budget. */
async function collect(
  result: Result<RecordShape>,
  stats: QueryStats,
  write: boolean,
): Promise<Row[]> {
  const budget = stats.budget;
  if (!budget) return (await result).records.map((r) => toPlain(r.toObject()) as Row);
  const rows: Row[] = [];
  for await (const record of result) {
    const row = toPlain(record.toObject()) as Row;
    charge(budget, row, write);
    rows.push(row);
  }
  return rows;
}

export type Params = Record<string, unknown>;
export type Row = Record<string, Plain>;

/** A transaction that counts its round trips and returns plain rows. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
  /** Like run, and also returns Neo4j's update counters. */
  runWithCounters(
    cypher: string,
    params?: Params,
  ): Promise<{ rows: Row[]; counters: Record<string, number> }>;
}

/**
 * Starts a query with no client stack trace captured. neo4j-driver formats a stack trace for
 * every Result it creates, only to append it to a server error; that was about 4% of the CPU of
 * a small read under load (bench/results/profile). Errors from Neo4j are mapped to ours
 * (mapDbError) and keep Neo4j's code and message; only the driver's copy of our call site goes.
 */
function untraced<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function wrap(tx: Pick<ManagedTransaction, "run">, stats: QueryStats, write = false): Tx {
  const exec = (cypher: string, params: Params = {}) => {
    stats.roundTrips += 1;
    stats.onQuery?.(cypher, params);
    return untraced(() => tx.run<RecordShape>(cypher, params));
  };
  return {
    run(cypher, params) {
      return collect(exec(cypher, params), stats, write);
    },
    async runWithCounters(cypher, params) {
      const result = exec(cypher, params);
      const rows = await collect(result, stats, write);
      const summary = await result.summary();
      return { rows, counters: { ...summary.counters.updates() } };
    },
  };
}

const txConfig = (db: Db, timeoutMs?: number) => {
  const timeout = timeoutMs ?? db.txTimeoutMs;
  return timeout ? { timeout } : {};
};

/** `error` as a domain error (mapDbError), telling db.health when the database is unreachable. */
function mapped(db: Db, error: unknown): unknown {
  const cause = db.health ? unreachableCause(error) : null;
  if (cause !== null) db.health?.unreachable(cause);
  return mapDbError(error);
}

/** Opens a session in `mode`, runs `work` in it, maps Neo4j errors and always closes it. */
function inSession<T>(
  db: Db,
  stats: QueryStats,
  mode: "READ" | "WRITE",
  work: (session: Session) => Promise<T>,
): Promise<T> {
  return withSession(stats, async () => {
    const session = db.driver.session({ database: db.database, defaultAccessMode: mode });
    try {
      const result = await work(session);
      db.health?.answered();
      return result;
    } catch (error) {
      throw mapped(db, error);
    } finally {
      await session.close();
    }
  });
}

/** Runs `work` in one read transaction. */
export function readTx<T>(db: Db, stats: QueryStats, work: (tx: Tx) => Promise<T>): Promise<T> {
  return inSession(db, stats, "READ", (session) =>
    session.executeRead((tx) => work(wrap(tx, stats)), txConfig(db)),
  );
}

/**
 * Runs `work` in one write transaction: all of it commits, or none of it. `timeoutMs` overrides
 * the per-request transaction timeout for bulk work outside a request (seed, CLI ingest).
 *
 * The transaction is run here rather than by the driver's executeWrite, whose retries are too
 * slow for deadlocks: it tries again only within maxTransactionRetryTime (1 s, so that requests
 * fail fast while Neo4j is down), once, a second later, where writers that deadlocked together
 * met again and deadlocked again (16 ingests of overlapping documents sent at once: a quarter
 * of them were told the database was unavailable). A deadlocked transaction was rolled back by
 * Neo4j, so it is run again whole, after a random pause (up to 0.1 s, then doubling to at most
 * 1 s), for up to half its transaction timeout. Another transient error before the commit is tried again
 * once, a second later, as executeWrite did; nothing is tried again once the commit was sent.
 */
export async function writeTx<T>(
  db: Db,
  stats: QueryStats,
  work: (tx: Tx) => Promise<T>,
  timeoutMs?: number,
  advice: WriteAdvice = DOCUMENT_ADVICE,
): Promise<T> {
  return withSession(stats, () => writeAttempts(db, stats, work, timeoutMs, advice));
}

/** writeTx's tries, one session at a time (one of the request's: withSession). */
async function writeAttempts<T>(
  db: Db,
  stats: QueryStats,
  work: (tx: Tx) => Promise<T>,
  timeoutMs: number | undefined,
  advice: WriteAdvice,
): Promise<T> {
  const started = Date.now();
  const window = (timeoutMs ?? db.txTimeoutMs ?? DEFAULT_TX_TIMEOUT_MS) / 2;
  for (let attempt = 1; ; attempt++) {
    const session = db.driver.session({ database: db.database, defaultAccessMode: "WRITE" });
    let committing = false;
    let pause: number;
    try {
      const tx = session.beginTransaction(txConfig(db, timeoutMs));
      try {
        const result = await work(wrap(tx, stats, true));
        committing = true;
        await tx.commit();
        db.health?.answered();
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      if (isDeadlock(error) && Date.now() - started < window)
        pause = Math.random() * Math.min(50 * 2 ** attempt, 1_000);
      else if (attempt === 1 && !committing && retriable(error)) pause = 1_000;
      else if (timeoutMs === undefined && timedOut(error))
        throw new TimeoutError(
          `The write ran past its transaction's budget of ${budgetOf(db)} and was rolled back: nothing was written. ${advice.timedOut} ${advice.tooLarge}`,
        );
      else if (timeoutMs === undefined && stoppedInLock(error))
        // Neo4j checks timeouts every 100 ms, and a transaction stopped while it takes a lock
        // fails so whether another write held the lock or the write was simply too large (a
        // 3,000-entity document alone got this once in CI). Neither can be told from the other.
        throw new TimeoutError(
          `The write was stopped at its transaction's budget of ${budgetOf(db)} while it waited for a lock, and was rolled back: nothing was written. Either other writes were changing the same entities (retry it), or it is too large for the budget: ${advice.tooLarge}`,
          // Rolled back, so safe to send again: whether a lock's holder or the write's own size
          // stopped it cannot be told, and one too large for the budget fails again the same way.
          retryAfter(1),
        );
      else throw mapped(db, error);
    } finally {
      await session.close();
    }
    await new Promise((r) => setTimeout(r, pause));
  }
}

const budgetOf = (db: Db) =>
  `${db.txTimeoutMs ?? DEFAULT_TX_TIMEOUT_MS} ms (the server's QUERY_TIMEOUT_MS)`;

/**
 * What a request's write stopped at its transaction's budget is told to do: `timedOut` opens
 * the advice when the write ran past the budget, and `tooLarge` ends it, saying how a write of
 * that size gets through (also told to one stopped in a lock, which may be either). A deleteEntity or
 * retractSource of a large source was told to split a document it never sent.
 */
export interface WriteAdvice {
  timedOut: string;
  tooLarge: string;
}

/** A document's ingest: smaller documents, or the CLI. */
const DOCUMENT_ADVICE: WriteAdvice = {
  timedOut: "Retry it smaller:",
  tooLarge:
    "split a large document into several, or load it with `npm run ingest`, whose transactions may run longer.",
};

const isDeadlock = (error: unknown) =>
  error instanceof Neo4jError && error.code === "Neo.TransientError.Transaction.DeadlockDetected";
/**
 * Neo4j stopped the transaction at its timeout: it rolled back, whether a statement or the
 * commit met the stop (a commit refused for a stopped transaction commits nothing). A request's
 * write that is too large to ever finish in its budget was told "narrow it and retry", as a read
 * is, which said neither that nothing was written nor how a document that size gets in; one
 * stopped between its last statement and its commit was still told so.
 */
const timedOut = (error: unknown) =>
  error instanceof Neo4jError &&
  error.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut");
const retriable = (error: unknown) => error instanceof Neo4jError && error.retriable;

/**
 * The transaction timeout of work outside a request: start-up migrations, the seed, the CLI's
 * bulk loads. A start-up migration run with the request budget (QUERY_TIMEOUT_MS) stopped the
 * server from starting on a graph it could not settle in that budget.
 */
export const BULK_TX_TIMEOUT_MS = 300_000;

/**
 * Work outside a request done in batches: `batch` handles up to `size` items in a write
 * transaction of its own (with the bulk timeout) and says how many it read; it runs again until
 * one reads fewer. Returns how many were read in all. The start-up settles use it.
 */
export async function inBatches(
  db: Db,
  stats: QueryStats,
  size: number,
  batch: (tx: Tx) => Promise<number>,
): Promise<number> {
  let read = 0;
  for (;;) {
    const n = await writeTx(db, stats, batch, BULK_TX_TIMEOUT_MS);
    read += n;
    if (n < size) return read;
  }
}

/** The transaction timeout assumed when none is configured, for the retry window above. */
const DEFAULT_TX_TIMEOUT_MS = 8_000;

/** Runs one read statement (auto-commit, with the transaction timeout) and returns its rows. */
export function runRead(
  db: Db,
  stats: QueryStats,
  cypher: string,
  params: Params = {},
): Promise<Row[]> {
  return inSession(db, stats, "READ", async (session) => {
    stats.roundTrips += 1;
    stats.onQuery?.(cypher, params);
    return collect(
      untraced(() => session.run<RecordShape>(cypher, params, txConfig(db))),
      stats,
      false,
    );
  });
}

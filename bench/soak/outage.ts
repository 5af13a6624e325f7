/**
 * The fault: stop Neo4j in the middle of the load, keep it down for a while, start it again, and
 * time how long the API takes to answer a read again, as a client would see it (through HTTP).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { classifyRead, OK, READS, readBody } from "./operations.js";

/** When and how long. All times are ms since the load began. */
export interface OutagePlan {
  /** When to stop Neo4j. */
  atMs: number;
  /** How long to keep it stopped before starting it again. */
  downMs: number;
  /** Give up waiting for the API to answer again after this long from the restart. */
  recoverWithinMs: number;
}

/** What happened, in ms since the load began; null for what never happened. */
export interface OutageTimeline {
  /** stop() was called: the outage window opens here. */
  stopAt: number;
  /** stop() returned: the process had exited. */
  downAt: number | null;
  /** The restart began (the time to recover is measured from here). */
  restartAt: number | null;
  /** startLocalNeo4j returned: Bolt answers again. */
  upAt: number | null;
  /** The API first answered /ready and a read without error. */
  recoveredAt: number | null;
  /** Why the restart or the recovery failed, if it did. */
  error: string | null;
}

export interface OutageDeps {
  /** ms since the load began. */
  clock: () => number;
  stopNeo4j: () => Promise<void>;
  startNeo4j: () => Promise<void>;
  /** The API's base URL, e.g. http://127.0.0.1:1234. */
  baseUrl: string;
  signal: AbortSignal;
  log: (message: string) => void;
}

/** Sleeps, but returns early (without throwing) when `signal` aborts. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => {});
}

// The probe asks for something small: it measures reachability, not the heaviest operation.
const PROBE = READS.find((r) => r.name === "SoakSearch") ?? READS[0];

/** One probe: /ready answers 200 and a read comes back without error. */
export async function answersAgain(baseUrl: string): Promise<boolean> {
  try {
    const ready = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(3_000) });
    await ready.arrayBuffer();
    if (ready.status !== 200 || !PROBE) return false;
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: readBody(PROBE),
      signal: AbortSignal.timeout(5_000),
    });
    return response.status === 200 && classifyRead(await response.text()) === OK;
  } catch {
    return false;
  }
}

/** Polls `answersAgain` every 200 ms until it holds (returns the time) or the deadline passes. */
async function waitForRecovery(
  deps: OutageDeps,
  deadline: number,
  stopPolling: AbortSignal,
): Promise<number | null> {
  while (deps.clock() < deadline && !deps.signal.aborted && !stopPolling.aborted) {
    if (await answersAgain(deps.baseUrl)) return deps.clock();
    await pause(200, stopPolling);
  }
  return null;
}

/** Runs the outage according to `plan`; never throws (a failure is in `error`). */
export async function runOutage(plan: OutagePlan, deps: OutageDeps): Promise<OutageTimeline> {
  await pause(Math.max(0, plan.atMs - deps.clock()), deps.signal);
  const timeline: OutageTimeline = {
    stopAt: deps.clock(),
    downAt: null,
    restartAt: null,
    upAt: null,
    recoveredAt: null,
    error: null,
  };
  if (deps.signal.aborted) return { ...timeline, error: "interrupted" };
  try {
    deps.log("stopping Neo4j");
    await deps.stopNeo4j();
    timeline.downAt = deps.clock();
    deps.log(`Neo4j stopped; starting it again in ${plan.downMs / 1000} s`);
    await pause(plan.downMs, deps.signal);
    if (deps.signal.aborted) return { ...timeline, error: "interrupted" };

    timeline.restartAt = deps.clock();
    deps.log("starting Neo4j again");
    // Poll while Neo4j starts: the recovery time is what a client sees, not when Bolt answers.
    const polling = new AbortController();
    const recovery = waitForRecovery(
      deps,
      timeline.restartAt + plan.recoverWithinMs,
      polling.signal,
    );
    try {
      await deps.startNeo4j();
      timeline.upAt = deps.clock();
      deps.log("Neo4j answers Bolt again");
    } catch (error) {
      polling.abort();
      await recovery;
      throw error;
    }
    timeline.recoveredAt = await recovery;
    if (timeline.recoveredAt === null)
      timeline.error = deps.signal.aborted
        ? "interrupted"
        : `the API did not answer a read within ${plan.recoverWithinMs / 1000} s of the restart`;
    else deps.log("the API answers reads again");
  } catch (error) {
    timeline.error = error instanceof Error ? error.message : String(error);
  }
  return timeline;
}

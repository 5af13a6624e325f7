/**
 * Stops the local Neo4j when the process that owns it dies without stopping it (SIGKILL, an
 * out-of-memory abort): run by local-neo4j.ts as a detached child, `watchdog <owner pid> <neo4j pid> <home>`.
 *
 * The owner is this process's parent. When the parent dies, the kernel gives this process a new
 * parent, so a changed `process.ppid` says the owner is gone even if its pid is reused. The
 * watchdog exits by itself once Neo4j is gone (a clean stop by its owner, or a crash).
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { alive } from "./pids.js";

const POLL_MS = 500;
const TERM_GRACE_MS = 30_000;

const [ownerArg, neo4jArg, home] = process.argv.slice(2);
// The owner's pid as the starter saw it: if it died before this process ran, ppid differs already.
const owner = Number(ownerArg);
const neo4jPid = Number(neo4jArg);

/** Removes a pid file only while it still names `pid`: a newer start may have replaced it. */
function removeIfNamed(file: string, pid: number): void {
  try {
    if (Number(readFileSync(file, "utf8")) === pid) rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

async function stopNeo4j(): Promise<void> {
  try {
    process.kill(neo4jPid, "SIGTERM");
  } catch {
    return;
  }
  const until = Date.now() + TERM_GRACE_MS;
  while (alive(neo4jPid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive(neo4jPid)) process.kill(neo4jPid, "SIGKILL");
}

async function watch(): Promise<void> {
  if (!Number.isInteger(neo4jPid) || neo4jPid <= 0 || !home) process.exit(2);
  for (;;) {
    if (!alive(neo4jPid)) break;
    if (process.ppid !== owner) {
      await stopNeo4j();
      removeIfNamed(join(home, "neo4j.pid"), neo4jPid);
      removeIfNamed(join(home, "owner.pid"), owner);
      break;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  removeIfNamed(join(home, "watchdog.pid"), process.pid);
}

void watch();

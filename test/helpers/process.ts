/**
 * A child process the tests start and stop (the server as shipped, a Redis): spawned with its
 * output kept, polled until it says it is ready, and stopped with SIGTERM, then SIGKILL after a
 * grace period. Start-up fails with the process's own output when it exits or does not get ready
 * in time, and a process that never got ready is not left running.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A port of 127.0.0.1 that nothing listens on just now. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

export interface ChildService {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** SIGTERM, then SIGKILL after the grace period; resolves with the exit code or signal. */
  stop(): Promise<string>;
}

export interface ChildOptions {
  /** What the errors call it ("the server", "redis-server"). */
  name: string;
  command: string;
  args: readonly string[];
  env?: SpawnOptions["env"];
  cwd?: string;
  /** Asked every `pollMs` (with the output so far) until it answers true. */
  ready(output: string): Promise<boolean>;
  readyWithinMs: number;
  pollMs: number;
  /** How long SIGTERM has before SIGKILL. */
  stopGraceMs: number;
}

/** Starts the process and resolves once `ready` says so. */
export async function startChild(o: ChildOptions): Promise<ChildService> {
  const child = spawn(o.command, o.args, {
    ...(o.cwd ? { cwd: o.cwd } : {}),
    ...(o.env ? { env: o.env } : {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  let exit: string | null = null;
  const exited = new Promise<string>((done) => {
    child.once("exit", (code, signal) => {
      exit = signal ?? String(code);
      done(exit);
    });
    // Not started at all (no such command): there will be no exit event.
    child.once("error", (error) => {
      exit ??= error.message;
      done(exit);
    });
  });
  const seconds = Math.round(o.readyWithinMs / 1000);
  const until = Date.now() + o.readyWithinMs;
  for (;;) {
    if (exit !== null) throw new Error(`${o.name} exited (${exit}) during start-up:\n${out}`);
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`${o.name} was not ready within ${seconds} s:\n${out}`);
    }
    if (await o.ready(out)) break;
    await new Promise((r) => setTimeout(r, o.pollMs));
  }
  return {
    child,
    output: () => out,
    alive: () => exit === null,
    async stop() {
      if (exit !== null) return exit;
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), o.stopGraceMs);
      const how = await exited;
      clearTimeout(force);
      return how;
    },
  };
}

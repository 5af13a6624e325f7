/**
 * Extraction off the main thread, with a time and memory budget (issue 25 meets the API's
 * robustness rules): `extractDocument` runs the extractor on a worker thread from a piscina pool,
 * so a text that is slow to analyse blocks no other request, and one that runs past its budget
 * or its heap is stopped (the worker is terminated) with a clear error while the server goes on.
 * The CLI and the evaluation call extractDraft directly: one user, one process.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { AppError, retryAfter, ServiceUnavailableError, TimeoutError } from "../domain/errors.js";
import { PROJECT_ROOT } from "../paths.js";
import { budgetSpentOn, extractionNeedMs } from "./budget.js";
import type { ExtractInput, ExtractResult, Linker } from "./types.js";
import type { ExtractTask, LinkerReply } from "./worker.js";

export interface ExtractorOptions {
  /** How long one extraction may run before its worker is stopped (ms). */
  timeoutMs: number;
  /** Worker threads at most (each holds the English model, about 60 MB). Default 1. */
  threads?: number;
  /** Extractions that may wait for a thread; beyond, SERVICE_UNAVAILABLE. Default 4. */
  queue?: number;
  /** Each worker's heap (MB): beyond it the worker is stopped, not the server. Default 512. */
  heapMb?: number;
  /**
   * Start the workers now and keep them. Off by default, and in the server: a worker holds the
   * model and the gazetteer (tens of MB) in the server's resident memory, so it starts on first
   * use and stops after IDLE_MS without work. Either way no extraction's budget is spent loading
   * them (see `ready`).
   */
  warm?: boolean;
}

/**
 * How long a worker is kept after its last extraction: long enough for a person to review one
 * draft and paste the next article (a minute was not: every article after the first one read
 * started a worker again), short enough that a server nobody extracts on gives the memory back.
 */
const IDLE_MS = 10 * 60_000;
/**
 * How long a starting worker may take to load the model and the gazetteer (about 1.5 s on a quiet
 * machine, several on a busy one) before the extraction waiting for it runs anyway, loading them
 * within its own budget.
 */
const LOAD_MS = 30_000;
/**
 * The wait a client is told (extensions.retryAfterSeconds) when an extraction is refused for a
 * reason that passes: the model still loading, or every slot busy.
 */
const RETRY_AFTER_SECONDS = 3;

export interface Extractor {
  /**
   * `cancelled` is the request's signal: when its client goes away, the extraction leaves the
   * queue or its worker is stopped, so that it holds no slot for nobody.
   */
  extract(input: ExtractInput, linker?: Linker, cancelled?: AbortSignal): Promise<ExtractResult>;
  close(): Promise<void>;
}

/** The worker's compiled file: beside this one under dist/, or dist's when running from src/. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return join(here, "..", "worker.js");
  const built = join(PROJECT_ROOT, "dist", "app", "src", "extract", "worker.js");
  if (!existsSync(built))
    throw new Error(`${built} is missing: run npm run build (extraction runs the built worker)`);
  return built;
}

/** The code of an error the worker's abort or death left, if it is one we can name. */
function stopped(error: unknown): "timeout" | "memory" | null {
  const e = error as { name?: string; code?: string };
  if (e?.name === "AbortError" || e?.name === "TimeoutError") return "timeout";
  if (e?.code === "ERR_WORKER_OUT_OF_MEMORY") return "memory";
  return null;
}

/** A sentence that loads what an extraction needs: the model, nations, towns. */
const WARM_UP = "Prime Minister Justin Trudeau visited Adazi, Latvia, on Tuesday.";

export function createExtractor(options: ExtractorOptions): Extractor {
  let pool: Piscina | undefined;
  const threads = options.threads ?? 1;
  // Admission is counted here rather than by piscina's maxQueue, whose bound is loosened by
  // workers still starting: running plus waiting, never more than this.
  const slots = threads + (options.queue ?? 4);
  let taken = 0;
  const open = () => {
    pool ??= new Piscina({
      filename: workerFile(),
      minThreads: options.warm ? threads : 0,
      maxThreads: threads,
      idleTimeout: options.warm ? Number.POSITIVE_INFINITY : IDLE_MS,
      atomics: "disabled",
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? 512 },
    });
    return pool;
  };
  /**
   * Resolves once a worker has loaded the model and the gazetteer, on a sentence of its own (the
   * server's first extraction, or the first after the worker idled out or was stopped, starts
   * it). Extractions that come meanwhile wait for the same warm-up, within their budget; one
   * warm-up runs at a time (clients that hung up over and over queued one each).
   */
  let warming: Promise<void> | undefined;
  let warmingSettled = false;
  const ready = (): Promise<void> => {
    const p = open();
    if (warming === undefined || (warmingSettled && p.threads.length === 0)) {
      warmingSettled = false;
      const w = p
        .run({ input: { text: WARM_UP } }, { signal: AbortSignal.timeout(LOAD_MS) })
        .then(() => undefined)
        .finally(() => {
          warmingSettled = true;
        });
      warming = w;
      w.catch(() => {
        if (warming === w) warming = undefined;
      });
    }
    return warming;
  };
  if (options.warm) void ready().catch(() => undefined);
  return {
    async extract(input, linker, cancelled) {
      if (taken >= slots)
        throw new ServiceUnavailableError(
          "Every extraction slot is busy; retry in a few seconds.",
          RETRY_AFTER_SECONDS,
        );
      // Others ahead of it: part of its budget goes on waiting for them.
      const waits = taken >= threads;
      taken++;
      const channel = linker ? new MessageChannel() : undefined;
      let linkerError: unknown;
      channel?.port1.on("message", async ({ id, names, keys }) => {
        let reply: LinkerReply;
        try {
          reply = { id, entries: [...(await (linker as Linker).lookup(names, keys))] };
        } catch (error) {
          linkerError ??= error;
          reply = { id, failed: true };
        }
        channel.port1.postMessage(reply);
      });
      const task: ExtractTask = { input, ...(channel ? { port: channel.port2 } : {}) };
      // The budget runs from now: waiting for other extractions and for a starting worker
      // included, so the request's own budget (REQUEST_TIMEOUT_MS, above it) never ends first.
      const budget = AbortSignal.timeout(options.timeoutMs);
      const signal = cancelled ? AbortSignal.any([budget, cancelled]) : budget;
      let loading = false;
      // The process's processor time from when the extraction starts running: a budget that ran
      // out with little of it was the machine's doing, not the text's (budget.ts).
      let cpuFrom: NodeJS.CpuUsage | undefined;
      try {
        // A starting worker loads the model in a task of its own: an extraction that runs out of
        // budget waiting for it leaves it loading (the next one finds it ready), where one that
        // loaded the model itself was stopped with it, every time, on a busy machine.
        const loaded = ready().then(
          () => undefined,
          () => undefined,
        );
        if (!warmingSettled && !signal.aborted) {
          loading = true;
          await Promise.race([
            loaded,
            new Promise((stop) => signal.addEventListener("abort", stop, { once: true })),
          ]);
        }
        if (cancelled?.aborted)
          throw new ServiceUnavailableError("The client went away; the extraction was stopped.");
        if (signal.aborted)
          throw new ServiceUnavailableError(
            "The extractor is still loading its language model (it starts on first use, and again after ten minutes without extractions); retry in a few seconds.",
            RETRY_AFTER_SECONDS,
          );
        cpuFrom = process.cpuUsage();
        return (await open().run(task, {
          signal,
          ...(channel ? { transferList: [channel.port2] } : {}),
        })) as ExtractResult;
      } catch (error) {
        if (linkerError) throw linkerError;
        const why = stopped(error);
        // The stopped worker is gone: start its replacement now, loading the model and the
        // gazetteer on a sentence, so the next extraction does not wait as long for that (unless
        // a warm-up is under way already).
        if (why && pool && warmingSettled) {
          warming = undefined;
          void ready().catch(() => undefined);
        }
        // Its client has gone: nobody reads this answer.
        if (cancelled?.aborted)
          throw new ServiceUnavailableError("The client went away; the extraction was stopped.");
        switch (why) {
          case "timeout":
            // Only a budget spent partly on waiting is worth trying again as it is.
            if (waits || loading)
              throw new TimeoutError(
                `Extraction did not finish within its budget of ${options.timeoutMs} ms, part of which it spent waiting (for other extractions, or for the extractor to load); retry in a few seconds (and if it fails alone, split the text).`,
                retryAfter(RETRY_AFTER_SECONDS),
              );
            if (cpuFrom) {
              const used = process.cpuUsage(cpuFrom);
              const cpuMs = Math.round((used.user + used.system) / 1_000);
              const chars = input.text.length;
              if (budgetSpentOn({ chars, budgetMs: options.timeoutMs, cpuMs }) === "machine")
                throw new TimeoutError(
                  `Extraction did not finish within its budget of ${options.timeoutMs} ms because the server was busy (it had ${cpuMs} ms of processor time, where a text of ${chars} characters may need ${extractionNeedMs(chars)} ms); retry in a few seconds.`,
                  retryAfter(RETRY_AFTER_SECONDS),
                );
            }
            throw new TimeoutError(
              `Extraction ran past its budget of ${options.timeoutMs} ms and was stopped; the text is too long or not prose (split it, or check it is an article's text).`,
            );
          case "memory":
            throw new AppError(
              "LIMIT_EXCEEDED",
              "Extraction needed more memory than its budget and was stopped; split the text.",
            );
          default:
            throw error;
        }
      } finally {
        taken--;
        channel?.port1.close();
      }
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}

/**
 * Why an extraction that was running (not waiting) ran out of its budget: its text, or a machine
 * too busy to give its worker the processor. The extractor's time is linear in the text's length
 * (bench/results/extract.md), so the processor time a text of a given length needs can be
 * bounded; an extraction stopped after less than that was starved, not slow, and the same request
 * sent again may pass. Told instead that its text was "too long or not prose", a client with a
 * 300-word article on a loaded machine gave up on a text that was fine.
 */

/**
 * Processor time a worker's first articles after it loaded the model take beyond their length:
 * the extractor's code is compiled as it first runs. Generous: several times what it takes on
 * a quiet machine, so that only a starved worker falls short of it. A stopped worker is replaced
 * by a fresh one, so a retry meets this cost again.
 */
export const FRESH_WORKER_MS = 1_000;
/** Processor time per 1,000 characters, several times the warm rate the benchmark reports. */
export const MS_PER_1000_CHARS = 50;

/** The processor time (ms) an extraction of `chars` characters needs at most, on a fresh worker. */
export function extractionNeedMs(chars: number): number {
  return Math.ceil(FRESH_WORKER_MS + (chars * MS_PER_1000_CHARS) / 1_000);
}

export interface BudgetRun {
  /** The text's length (UTF-16 code units, as the extractor reads it). */
  chars: number;
  /** The extraction's budget (ms). */
  budgetMs: number;
  /**
   * Processor time the server's process used while the extraction ran (ms): its worker's, and
   * whatever else the process did meanwhile (so it errs towards blaming the text, the answer
   * given before this distinction existed).
   */
  cpuMs: number;
}

/**
 * "text" when the text is the cause: it would need the whole budget even on a machine of its
 * own, or it had the processor time a text of its length needs and still did not finish (it is
 * not prose). "machine" when it got less than that, and that need fits in the budget: the
 * machine was busy, and a retry may finish.
 */
export function budgetSpentOn({ chars, budgetMs, cpuMs }: BudgetRun): "text" | "machine" {
  const need = extractionNeedMs(chars);
  return need >= budgetMs || cpuMs >= need ? "text" : "machine";
}

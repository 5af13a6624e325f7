/**
 * Whether an extraction stopped at its budget (while running, not waiting) was stopped by its
 * text or by a busy machine (src/extract/budget.ts): a client is told to split the text only when
 * the text is the cause, and to retry when the machine was. Before, every such stop blamed the
 * text ("too long or not prose", not retryable), even a 300-word article's on a loaded machine.
 */
import { describe, expect, it } from "vitest";
import { budgetSpentOn, extractionNeedMs } from "../../src/extract/budget.js";

/** A 300-word article's length. */
const ARTICLE = 1_800;

describe("what an extraction's budget was spent on", () => {
  it("a short article that got little processor time: the machine (retry)", () => {
    expect(budgetSpentOn({ chars: ARTICLE, budgetMs: 1_500, cpuMs: 300 })).toBe("machine");
    // Stopped while the process was stopped or descheduled: next to no processor time at all.
    expect(budgetSpentOn({ chars: ARTICLE, budgetMs: 1_500, cpuMs: 0 })).toBe("machine");
    // The longest text extractDocument takes, under the default budget, on a starved worker.
    expect(budgetSpentOn({ chars: 100_000, budgetMs: 8_000, cpuMs: 2_000 })).toBe("machine");
  });

  it("a short text that had the processor time its length needs and did not finish: the text", () => {
    // On a quiet machine a text that is not prose keeps its worker busy for the whole budget.
    expect(budgetSpentOn({ chars: ARTICLE, budgetMs: 1_500, cpuMs: 1_490 })).toBe("text");
    expect(
      budgetSpentOn({ chars: ARTICLE, budgetMs: 1_500, cpuMs: extractionNeedMs(ARTICLE) }),
    ).toBe("text");
    expect(budgetSpentOn({ chars: 100_000, budgetMs: 8_000, cpuMs: 7_900 })).toBe("text");
  });

  it("a text whose length needs the whole budget: the text, however busy the machine", () => {
    // Split it: a retry as it is would be stopped again even on a machine of its own.
    expect(budgetSpentOn({ chars: 99_000, budgetMs: 400, cpuMs: 0 })).toBe("text");
    expect(budgetSpentOn({ chars: 100_000, budgetMs: 3_000, cpuMs: 100 })).toBe("text");
    const chars = 40_000;
    expect(budgetSpentOn({ chars, budgetMs: extractionNeedMs(chars), cpuMs: 0 })).toBe("text");
    expect(budgetSpentOn({ chars, budgetMs: extractionNeedMs(chars) + 1, cpuMs: 0 })).toBe(
      "machine",
    );
  });

  it("the need grows with the text's length", () => {
    expect(extractionNeedMs(10_000)).toBeGreaterThan(extractionNeedMs(1_000));
    expect(extractionNeedMs(100_000) - extractionNeedMs(0)).toBe(
      10 * (extractionNeedMs(10_000) - extractionNeedMs(0)),
    );
  });
});

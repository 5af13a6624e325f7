// Loaded into a server under test with `node --require` (bench/profile.ts cpusplit): sums the
// process's garbage-collection pauses by kind, as perf_hooks reports them, and writes them to the
// file named by GC_STATS_FILE twice a second.
const { writeFileSync } = require("node:fs");
const { constants, PerformanceObserver } = require("node:perf_hooks");

const file = process.env.GC_STATS_FILE;
const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};
const pauses = {};
if (file) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = KINDS[e.detail?.kind] ?? "other";
      const s = pauses[kind] ?? { count: 0, ms: 0 };
      s.count += 1;
      s.ms += e.duration;
      pauses[kind] = s;
    }
  }).observe({ entryTypes: ["gc"] });
  setInterval(() => writeFileSync(file, JSON.stringify(pauses)), 500).unref();
}

// Loaded into a server under test with `node --require` (bench/profile.ts alloc): each SIGUSR2
// toggles V8's sampling heap profiler, counting every allocation (also the objects the GC has
// collected since), and on the second writes the profile to the file named by
// ALLOC_PROFILE_FILE.
const { Session } = require("node:inspector");
const { renameSync, writeFileSync } = require("node:fs");

const file = process.env.ALLOC_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let sampling = false;
  process.on("SIGUSR2", () => {
    if (!sampling) {
      sampling = true;
      session.post("HeapProfiler.enable", () =>
        session.post("HeapProfiler.startSampling", {
          samplingInterval: 8192,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        }),
      );
    } else {
      sampling = false;
      session.post("HeapProfiler.stopSampling", (error, result) => {
        // Whole or not at all: the harness waits for the file to appear, then reads it.
        writeFileSync(
          `${file}.part`,
          error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile),
        );
        renameSync(`${file}.part`, file);
      });
    }
  });
}

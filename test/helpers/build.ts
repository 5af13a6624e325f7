/**
 * Whether `dist/` must be built again before the tests of the server as shipped: the suite's
 * global set-up rebuilt it at every run (tsc and vite, tens of seconds on a shared machine) even
 * when nothing it is built from had changed. It is built when a stamp written after the last
 * build the set-up made is missing, or older than any file or folder it is built from (a folder's
 * time changes when a file in it is added, removed or renamed); `npm run build` by hand or
 * `npm start` leaves no stamp, so the next run builds once more.
 */
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Written into dist/ once a build the set-up ran has passed, with the time the build began. */
export const BUILD_STAMP = join("dist", ".built-by-tests");
/** What `npm run build` reads: the sources (API and explorer page) and the build's settings. */
export const BUILD_INPUTS = [
  "src",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
  "package-lock.json",
];

/** The newest modification time under `path` (itself included), or 0 if it does not exist. */
function newest(path: string): { path: string; time: number } {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return { path, time: 0 };
  }
  let found = { path, time: stat.mtimeMs };
  if (stat.isDirectory()) {
    for (const name of readdirSync(path)) {
      const inner = newest(join(path, name));
      if (inner.time > found.time) found = inner;
    }
  }
  return found;
}

/** Why `root`'s dist/ must be built again, or null when it is newer than all it is built from. */
export function staleBuild(root: string): string | null {
  let stamp: number;
  try {
    stamp = statSync(join(root, BUILD_STAMP)).mtimeMs;
  } catch {
    return `no ${BUILD_STAMP}`;
  }
  for (const input of BUILD_INPUTS) {
    const found = newest(join(root, input));
    if (found.time > stamp) return `${found.path.slice(root.length + 1)} changed since`;
  }
  return null;
}

/**
 * Builds `root`'s dist/ with `build` when staleBuild says so; returns why it built, or null. The
 * stamp is removed first (a failed build leaves none) and dated when the build began, so a source
 * saved while it ran is newer than it.
 */
export function buildIfStale(root: string, build: () => void): string | null {
  const why = staleBuild(root);
  if (why === null) return null;
  const stamp = join(root, BUILD_STAMP);
  rmSync(stamp, { force: true });
  const began = new Date();
  build();
  writeFileSync(stamp, "dist/ was built from the sources older than this file's time.\n");
  utimesSync(stamp, began, began);
  return why;
}

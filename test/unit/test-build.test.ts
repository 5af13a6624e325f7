/**
 * The suite's global set-up builds dist/ only when something it is built from is newer than the
 * last build (test/helpers/build.ts): it ran `npm run build` at every run, tens of seconds of tsc
 * and vite on a shared machine, though nothing had changed.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILD_STAMP, buildIfStale } from "../helpers/build.js";

const root = mkdtempSync(join(tmpdir(), "build-stamp-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Sets `path`'s modification time to `seconds` after an arbitrary epoch. */
const age = (path: string, seconds: number) => {
  const t = new Date(1_700_000_000_000 + seconds * 1000);
  utimesSync(join(root, path), t, t);
};

describe("the test set-up's build of dist/", () => {
  it("builds when no build of its own is there, then not again until a source is newer", () => {
    mkdirSync(join(root, "src/graphql"), { recursive: true });
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "src/graphql/a.ts"), "export const a = 1;\n");
    writeFileSync(join(root, "tsconfig.json"), "{}\n");
    for (const p of ["src/graphql/a.ts", "src/graphql", "src", "tsconfig.json"]) age(p, 0);
    let builds = 0;
    const build = () => {
      builds += 1;
    };
    expect(buildIfStale(root, build)).toBe(`no ${BUILD_STAMP}`);
    expect(builds).toBe(1);
    age(BUILD_STAMP, 10);
    expect(buildIfStale(root, build)).toBeNull();
    expect(builds).toBe(1);

    // A source saved after the build (or checked out: git dates it now) is built again.
    age("src/graphql/a.ts", 20);
    expect(buildIfStale(root, build)).toBe("src/graphql/a.ts changed since");
    expect(builds).toBe(2);
    age(BUILD_STAMP, 30);
    expect(buildIfStale(root, build)).toBeNull();

    // So is a source removed (its folder's time changes), and a changed build setting.
    age("src/graphql", 40);
    expect(buildIfStale(root, build)).toBe("src/graphql changed since");
    age(BUILD_STAMP, 50);
    age("tsconfig.json", 60);
    expect(buildIfStale(root, build)).toBe("tsconfig.json changed since");
    expect(builds).toBe(4);
  });

  it("leaves no stamp when the build fails, so the next run builds again", () => {
    age(BUILD_STAMP, 90);
    age("tsconfig.json", 100);
    expect(() =>
      buildIfStale(root, () => {
        throw new Error("tsc failed");
      }),
    ).toThrow("tsc failed");
    expect(buildIfStale(root, () => {})).toBe(`no ${BUILD_STAMP}`);
  });
});

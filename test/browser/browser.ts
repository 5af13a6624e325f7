/**
 * What the browser tests share: a Chromium that came with `npm ci` (the npm package
 * @sparticuz/chromium ships the binary inside its tarball; never a browser Playwright downloads)
 * driven by playwright-core, the explorer built from the current sources, and a page that records
 * every console error, uncaught exception and failed request so a test can insist on none.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const ARTIFACTS = join(ROOT, "test-artifacts");

/**
 * The browser to drive: CHROMIUM_PATH when set (e.g. Debian's /usr/bin/chromium), otherwise the
 * headless Chromium that @sparticuz/chromium (a devDependency) ships brotli-packed in its npm
 * tarball, unpacked once by the package itself into node_modules/.cache/chromium-<version>.
 * Nothing is fetched from the network: `npm ci` already brought the binary. It needs only the
 * C library, libexpat and (loaded at run time) NSS, which Java 17 (a stated prerequisite) pulls in.
 */
export async function chromiumPath(): Promise<string> {
  const override = process.env.CHROMIUM_PATH;
  if (override) return override;
  const require = createRequire(import.meta.url);
  // The package's exports map hides package.json: find it from the entry point (build/cjs/...).
  const pkgDir = dirname(dirname(dirname(require.resolve("@sparticuz/chromium"))));
  const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as {
    version: string;
  };
  const cache = join(ROOT, "node_modules", ".cache");
  const dir = join(cache, `chromium-${version}`);
  const binary = join(dir, "chromium");
  if (existsSync(binary)) return binary;
  await mkdir(cache, { recursive: true });
  // executablePath() unpacks into os.tmpdir(): run it in a child whose TMPDIR is a fresh folder,
  // then move that folder into place (a concurrent run that got there first wins; ours is dropped).
  const staging = await mkdtemp(join(cache, "chromium-unpack-"));
  try {
    await promisify(execFile)(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const c = (await import("@sparticuz/chromium")).default; await c.executablePath();',
      ],
      { cwd: ROOT, env: { ...process.env, TMPDIR: staging } },
    );
    await rename(staging, dir).catch(() => undefined);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (!existsSync(binary)) throw new Error(`unpacking @sparticuz/chromium left no ${binary}`);
  return binary;
}

/** The newest modification time (ms) of `path`, or of any file under it. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Builds the page with the same Vite config as `npm run build:explorer`, so the tests always
 * drive what the sources say now, whichever way vitest was started. The suite's global set-up
 * has just run `npm run build`, which built it: it is built again only when the page's sources,
 * its Vite config or the locked dependencies are newer than the built page (a watch-mode rerun
 * after an edit).
 */
export async function buildExplorer(): Promise<void> {
  const built = join(ROOT, "dist", "explorer", "index.html");
  const sources = ["src/explorer/page", "src/explorer/vite.config.ts", "package-lock.json"];
  if (existsSync(built) && newest(built) > Math.max(...sources.map((s) => newest(join(ROOT, s)))))
    return;
  const require = createRequire(import.meta.url);
  const vite = join(dirname(require.resolve("vite/package.json")), "bin", "vite.js");
  await promisify(execFile)(
    process.execPath,
    [vite, "build", "--config", "src/explorer/vite.config.ts"],
    { cwd: ROOT },
  );
}

export async function launch(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  // Playwright starts Chromium with a fresh, empty user-data-dir of its own for each launch.
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    // The flags this machine needs: no sandbox as root, no GPU, and no traffic to Google's
    // services (the network is closed; each refused connection would slow the start).
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and failed requests, as they happened. */
  problems: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

/** A new page in its own context (its own storage), watched for problems. */
export async function openPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`exception: ${e.message}`));
  page.on("requestfailed", (r) => {
    // The review cancels its own check of the draft when a newer edit makes it moot: by design.
    const cancelled =
      r.failure()?.errorText === "net::ERR_ABORTED" &&
      (r.postData() ?? "").includes("query ExplorerCheck");
    if (!cancelled) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
  });
  page.on("request", (r) => requests.push(r.url()));
  return { context, page, problems, requests };
}

/**
 * What the browser tests share: Debian's Chromium driven by playwright-core (never a browser
 * Playwright downloads), the explorer built from the current sources, and a page that records
 * every console error, uncaught exception and failed request so a test can insist on none.
 */
import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const ARTIFACTS = join(ROOT, "test-artifacts");

/** Debian's package puts it here (`apt-get install chromium`; .ci/run installs it when absent). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Builds the page with the same Vite config as `npm run build:explorer`, so the tests always
 * drive what the sources say now, whichever way vitest was started.
 */
export async function buildExplorer(): Promise<void> {
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
    executablePath: CHROMIUM,
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
  page.on("requestfailed", (r) =>
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`),
  );
  page.on("request", (r) => requests.push(r.url()));
  return { context, page, problems, requests };
}

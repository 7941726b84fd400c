import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { isHeadlessShell } from './resolve-browser.js';

/**
 * Flags for a locked-down, quiet print browser. `--no-sandbox` is needed because CI runs as
 * root; isolation then rests on request interception, CSP and JavaScript being off in the print
 * page (security.md §1.2, §1.6). The rest stop background traffic on a closed network, and
 * `--disable-dev-shm-usage` avoids "Page crashed!" with the 64 MB /dev/shm of containers.
 * `--font-render-hinting=none`: the headless shell hints fonts fully by default, which moves
 * glyphs enough that letter-spaced text reads back as "I N T ER N A L" and lines break
 * elsewhere; with it, the shell's pages render pixel for pixel as Chromium's (which it leaves
 * unchanged), so a PDF does not depend on which of the two is installed.
 * `--enable-begin-frame-control`: a headless browser otherwise composites and rasters frames of
 * every page for a screen nobody sees; with it, frames are drawn only when asked for, which a
 * print never does (printing lays out and paints into the PDF itself). The same PDFs, byte for
 * byte, for ≈20% less of Chromium's CPU (bare puppeteer on the bench's 20 briefings: 3.44 → 2.77
 * CPU-seconds; BENCHMARKS.md).
 */
export const browserArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--enable-begin-frame-control',
];

/** Prefix of the temporary profile directories (tests find the browser by it). */
export const profilePrefix = 'briefwright-chromium-';

export interface LaunchedBrowser {
  readonly browser: Browser;
  /** Closes the browser (if still running) and deletes its profile directory. Never throws. */
  close(): Promise<void>;
}

/** Browsers started and not yet closed, so an interrupted build can close them (SIGINT/SIGTERM). */
const running = new Set<LaunchedBrowser>();

/** Closes every browser still running and removes its profile; for signal handlers. Never throws. */
export async function closeRunningBrowsers(): Promise<void> {
  await Promise.all([...running].map((b) => b.close()));
}

/**
 * Starts Chromium with a fresh profile directory. `pipe: true` instead of a WebSocket: the
 * browser exits by itself when Node dies, even on SIGKILL (security.md §1.6).
 */
export async function launchBrowser(executablePath: string, options: { timeoutMs?: number } = {}): Promise<LaunchedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), profilePrefix));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      pipe: true,
      // The headless shell is headless by nature; `--headless=new` is Chrome's own headless mode.
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      userDataDir: profile,
      args: [...browserArgs],
      timeout: options.timeoutMs ?? 30_000,
      // Puppeteer's own handlers kill Chromium and exit at once, leaving the profile directory
      // and our temp files behind; the CLI handles the signals and calls closeRunningBrowsers().
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const launched: LaunchedBrowser = {
    browser,
    close: async () => {
      running.delete(launched);
      await endBrowser(browser);
      await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    },
  };
  running.add(launched);
  return launched;
}

/**
 * Ends the browser at once: SIGKILL to its process group, as puppeteer does itself when a
 * graceful close fails. A graceful close (`Browser.close`) has Chromium shut down its tabs and
 * save the profile that is deleted right after: ≈80 ms at the end of every build, and ≈0.1
 * CPU-seconds (bare puppeteer, 3 alternating runs each). Nothing a build keeps is in the browser
 * by then: every PDF has come back over the pipe. Windows has no process groups to signal, and a
 * browser that already exited has nothing to end: both take the graceful path, which a dead
 * browser rejects (ignored).
 */
async function endBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  const pid = child?.pid;
  if (process.platform === 'win32' || !child || pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    await browser.close().catch(() => undefined);
    return;
  }
  // Attached before the signal, and the exit is not seen yet (exitCode is null): it cannot be missed.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is gone already (it exited between the check and here): its exit event still comes.
  }
  await exited;
}

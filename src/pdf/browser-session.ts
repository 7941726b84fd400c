import type { Browser } from 'puppeteer';
import { launchBrowser, type LaunchedBrowser } from './launch-browser.js';

/** A browser handed to one print, tagged with the launch it came from. */
export interface BrowserLease {
  readonly browser: Browser;
  readonly generation: number;
}

export interface BrowserSession {
  /** The running browser; rejects when it could not be (re)started. */
  current(): Promise<BrowserLease>;
  /**
   * Called when `lease`'s browser died. Relaunches it once per session (concurrent callers share
   * that one relaunch). Resolves true when a new browser is running and the caller may retry.
   */
  recover(lease: BrowserLease): Promise<boolean>;
  /** Closes every browser this session started and removes their profiles. */
  close(): Promise<void>;
}

/**
 * One browser per build, with a single relaunch if it dies mid-build: a second death fails the
 * remaining documents rather than looping on a machine that cannot keep Chromium alive.
 */
export function createBrowserSession(executablePath: string, options: { maxRelaunches?: number } = {}): BrowserSession {
  const maxRelaunches = options.maxRelaunches ?? 1;
  let generation = 0;
  let relaunches = 0;
  let launched = launchBrowser(executablePath);
  const all: Promise<LaunchedBrowser>[] = [launched];
  // Each launch is awaited by current(); this keeps an early failure from being "unhandled".
  launched.catch(() => undefined);

  return {
    async current() {
      const own = generation;
      const { browser } = await launched;
      return { browser, generation: own };
    },
    async recover(lease) {
      if (lease.generation === generation) {
        if (relaunches >= maxRelaunches) return false;
        relaunches++;
        generation++;
        const dead = launched;
        launched = launchBrowser(executablePath);
        all.push(launched);
        launched.catch(() => undefined);
        // Frees the dead browser's profile directory.
        void dead.then((b) => b.close(), () => undefined);
      }
      return launched.then(
        ({ browser }) => browser.connected,
        () => false,
      );
    },
    async close() {
      await Promise.all(all.map((p) => p.then((b) => b.close(), () => undefined)));
    },
  };
}

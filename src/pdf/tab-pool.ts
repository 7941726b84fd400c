import type { Browser, Page } from 'puppeteer';

/**
 * Idle print tabs kept for the next document. Opening a tab starts a renderer process, which
 * costs more than printing a one-page letter (bench/measure-pdf-steps: a fresh tab took 2–3×
 * the time of a reused one), so each tab prints document after document. Only a tab whose
 * print succeeded comes back; any failure (crash, timeout, block) closes it. A renderer keeps
 * growing over many documents (about 0.45 MB each, measured over 1,000 letters), so a tab that
 * has printed `maxUses` documents is retired and the next document opens a fresh one.
 */
export interface TabPool {
  /** An idle tab of `browser`, or a new one. */
  take(browser: Browser): Promise<Page>;
  /** Returns a healthy tab for the next document; false when it is retired and the caller must close it. */
  give(page: Page): boolean;
}

export interface TabPoolOptions {
  /** Documents one tab prints before it is retired (default 100). */
  readonly maxUses?: number;
}

export function createTabPool(options: TabPoolOptions = {}): TabPool {
  const maxUses = options.maxUses ?? 100;
  const idle: Page[] = [];
  const uses = new WeakMap<Page, number>();
  return {
    async take(browser) {
      for (let page = idle.pop(); page; page = idle.pop()) {
        // Tabs of a browser that died and was relaunched are dropped here.
        if (!page.isClosed() && page.browser() === browser && browser.connected) return page;
      }
      return browser.newPage();
    },
    give(page) {
      const used = (uses.get(page) ?? 0) + 1;
      uses.set(page, used);
      if (page.isClosed() || used >= maxUses) return false;
      idle.push(page);
      return true;
    },
  };
}

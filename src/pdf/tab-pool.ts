import type { Browser, Page } from 'puppeteer';

/**
 * Idle print tabs kept for the next document. Opening a tab starts a renderer process, which
 * costs more than printing a one-page letter (bench/measure-pdf-steps: a fresh tab took 2–3×
 * the time of a reused one), so each tab prints document after document. Only a tab whose
 * print succeeded comes back; any failure (crash, timeout, block) closes it.
 */
export interface TabPool {
  /** An idle tab of `browser`, or a new one. */
  take(browser: Browser): Promise<Page>;
  /** Returns a healthy tab for the next document. */
  give(page: Page): void;
}

export function createTabPool(): TabPool {
  const idle: Page[] = [];
  return {
    async take(browser) {
      for (let page = idle.pop(); page; page = idle.pop()) {
        // Tabs of a browser that died and was relaunched are dropped here.
        if (!page.isClosed() && page.browser() === browser && browser.connected) return page;
      }
      return browser.newPage();
    },
    give(page) {
      if (!page.isClosed()) idle.push(page);
    },
  };
}

import { TimeoutError, type Browser, type Page } from 'puppeteer';
import type { PrintAsset } from './externalize-fonts.js';
import { printShell } from './virtual-origin.js';
import { guardRequests, type RequestGuard } from './guard-requests.js';
import type { TabPool } from './tab-pool.js';

export type PrintFailure =
  | { readonly kind: 'blocked'; readonly urls: readonly string[] }
  | { readonly kind: 'crashed'; readonly message: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'browser-closed'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export type PrintResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly failure: PrintFailure };

export interface PrintPageInput {
  readonly html: string;
  /** Fonts the HTML loads from the virtual origin (see externalize-fonts.ts). */
  readonly assets?: ReadonlyMap<string, PrintAsset> | undefined;
  /** Used only when the CSS sets no `@page { size }` (preferCSSPageSize). */
  readonly format: 'Letter' | 'A4';
  /** Epoch ms by which the print must be done (the document's timeout spans all its passes). */
  readonly deadline: number;
  /** Test seam: runs after the page loaded, before printing (a test crashes the page here). */
  readonly beforePrint?: ((page: Page) => Promise<void>) | undefined;
  /** Reuse tabs across documents; without it each print opens and closes its own tab. */
  readonly tabs?: TabPool | undefined;
}

/** How long closing a page may take before we stop waiting (a hung renderer must not hang the build). */
const closeGraceMs = 5_000;
/** How long a failed print waits for the crash event that may explain it. */
const crashGraceMs = 500;

/**
 * Prints one HTML document in a tab from `input.tabs` (or a fresh one), and gives the tab back
 * only when the print succeeded — otherwise it is closed, whatever happened. Never throws:
 * a blocked request, a renderer crash (reported at once — Chromium's print call would only
 * fail at its timeout), the deadline, and a dead browser each come back as a failure.
 */
export async function printPage(browser: Browser, input: PrintPageInput): Promise<PrintResult> {
  let page: Page | undefined;
  let guard: RequestGuard | undefined;
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  let reportCrash: (error: Error) => void = () => undefined;
  const crashed = new Promise<PrintResult>((resolve) => {
    reportCrash = (error) => resolve({ ok: false, failure: { kind: 'crashed', message: error.message } });
  });
  const timedOut = new Promise<PrintResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, failure: { kind: 'timeout' } }), Math.max(0, input.deadline - Date.now()));
  });

  const print = async (): Promise<PrintResult> => {
    const opened = input.tabs ? await input.tabs.take(browser) : await browser.newPage();
    page = opened;
    // The race below may already be over; the finally block closes the page either way.
    if (settled) return { ok: false, failure: { kind: 'timeout' } };
    opened.on('error', reportCrash);
    await opened.setJavaScriptEnabled(false);
    // The tab sits on an empty shell page at the virtual origin (served by the guard), and the
    // document is written into it: the origin, the interception and JavaScript-off all hold,
    // and a reused tab skips a navigation per document (bench/measure-pdf-steps: 122 → 66 ms
    // per one-page letter).
    guard = await guardRequests(opened, printShell, input.assets);
    if (opened.url() !== printShell.url) await opened.goto(printShell.url, { waitUntil: 'load', timeout: remaining(input.deadline) });
    await opened.setContent(input.html, { waitUntil: 'load', timeout: remaining(input.deadline) });
    if (input.beforePrint) await input.beforePrint(opened);
    if (guard.blocked.length > 0) return { ok: false, failure: { kind: 'blocked', urls: [...guard.blocked] } };
    const bytes = await opened.pdf({
      format: input.format,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      outline: true,
      tagged: true,
      // Waits for document.fonts.ready (works with JavaScript off: it runs through DevTools).
      waitForFonts: true,
      timeout: remaining(input.deadline),
    });
    // Printing lays out again and may fetch what loading did not (a print-only background).
    if (guard.blocked.length > 0) return { ok: false, failure: { kind: 'blocked', urls: [...guard.blocked] } };
    return { ok: true, bytes };
  };

  let reusable = false;
  try {
    const result = await Promise.race([print().catch((error: unknown) => explainFailure(browser, error, crashed)), crashed, timedOut]);
    if (!result.ok && result.failure.kind === 'crashed' && !browser.connected) {
      return { ok: false, failure: { kind: 'browser-closed', message: result.failure.message } };
    }
    // Only a print that finished itself leaves the tab idle; after a lost race it may still be busy.
    reusable = result.ok;
    return result;
  } finally {
    settled = true;
    clearTimeout(timer);
    guard?.dispose();
    if (page) {
      page.off('error', reportCrash);
      if (!(reusable && input.tabs?.give(page))) await closeQuietly(page);
    }
  }
}

function remaining(deadline: number): number {
  // 0 would mean "no timeout" to puppeteer.
  return Math.max(1, deadline - Date.now());
}

/**
 * A renderer that dies mid-print makes Chromium's print call fail ("Printing failed") a moment
 * before the page's crash event arrives; wait briefly for that event so a crash is named as one.
 */
async function explainFailure(browser: Browser, error: unknown, crashed: Promise<PrintResult>): Promise<PrintResult> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), crashGraceMs);
  });
  const crash = await Promise.race([crashed, grace]);
  clearTimeout(timer);
  return crash ?? classifyError(browser, error);
}

function classifyError(browser: Browser, error: unknown): PrintResult {
  const message = error instanceof Error ? error.message : String(error);
  if (!browser.connected) return { ok: false, failure: { kind: 'browser-closed', message } };
  if (error instanceof TimeoutError) return { ok: false, failure: { kind: 'timeout' } };
  return { ok: false, failure: { kind: 'failed', message } };
}

async function closeQuietly(page: Page): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    page.close({ runBeforeUnload: false }).catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, closeGraceMs);
    }),
  ]);
  clearTimeout(timer);
}

import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { createBrowserSession, type BrowserSession } from './browser-session.js';
import { pdfDate, parseSourceDateEpoch } from './pdf-date.js';
import { printDocument, type DocumentResult, type PdfJob } from './print-document.js';
import type { PrintFailure } from './print-page.js';
import type { PrintPdfsOptions, PrintedPdf } from './print-pdfs.js';
import { describeMissingBrowser, resolveBrowser } from './resolve-browser.js';
import { createTabPool, type TabPool } from './tab-pool.js';

/** What printing one job gave: its PDF, or undefined with the reason among the diagnostics. */
export interface PrintOutcome {
  readonly pdf: PrintedPdf | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** True when no document can be printed here (no browser, a bad SOURCE_DATE_EPOCH): not this document's fault. */
  readonly unavailable?: boolean;
}

export interface Printer {
  /**
   * Prints one job when a tab is free (at most `concurrency` at once; callers may queue more).
   * Never rejects: every failure is a diagnostic of that job.
   */
  print(job: PdfJob): Promise<PrintOutcome>;
  /** Closes the browser and removes its profile; waits for nothing still printing. */
  close(): Promise<void>;
}

export interface PrinterOptions extends PrintPdfsOptions {
  /**
   * Jobs the build expects to print, for progress (`pdf 3/20`); asked on each report, since a
   * streaming build starts the browser before it knows.
   */
  readonly total: () => number;
}

/**
 * The streaming PDF stage: one browser, started at once (so its launch overlaps loading and
 * rendering), a bounded pool of reused tabs, one relaunch if the browser dies (the documents
 * it took down are retried once). A missing or unstartable browser and a malformed
 * SOURCE_DATE_EPOCH are reported once, on the first job that needs them; later jobs fail
 * quietly. Creating a printer that never gets a job costs a launch and nothing else.
 */
export function createPrinter(options: PrinterOptions): Printer {
  const epochValid = options.sourceDateEpoch === undefined || options.sourceDateEpoch === '' || parseSourceDateEpoch(options.sourceDateEpoch) !== undefined;
  const resolved = resolveBrowser({ ...options.resolve, configured: options.browser });
  const session: BrowserSession | undefined = epochValid && resolved.found ? createBrowserSession(resolved.path) : undefined;
  // Awaited by the first job; caught here so an early failure is never "unhandled".
  const started = session?.current().then(
    () => undefined,
    (error: unknown) => error,
  );
  const tabs = createTabPool();
  const slots = createSlots(options.concurrency);
  let reported = false;
  let done = 0;

  /** The environment problem every job shares, as a diagnostic on the first job only. */
  const environmentProblem = async (job: PdfJob): Promise<Diagnostic | 'quiet' | undefined> => {
    let diagnostic: Diagnostic | undefined;
    if (!epochValid) diagnostic = badEpoch(options.sourceDateEpoch ?? '', job.file);
    else if (!resolved.found) diagnostic = createDiagnostic('pdf-browser-missing', { file: job.file, ...describeMissingBrowser(resolved) });
    else {
      const error = await started;
      if (error === undefined) return undefined;
      diagnostic = createDiagnostic('pdf-browser-missing', {
        file: job.file,
        message: `Chromium at \`${resolved.path}\` did not start: ${firstLine(error)}`,
        hint: 'Check that the browser runs (`chromium --headless --no-sandbox --dump-dom about:blank`); missing system libraries are the usual cause. Or pass --browser PATH.',
      });
    }
    if (reported) return 'quiet';
    reported = true;
    return diagnostic;
  };

  const printOne = async (job: PdfJob): Promise<PrintOutcome> => {
    const problem = await environmentProblem(job);
    if (problem !== undefined) return { pdf: undefined, diagnostics: problem === 'quiet' ? [] : [problem], unavailable: true };
    const startedAt = Date.now();
    const result = await slots.run(() => printWithRetry(session!, job, options, tabs));
    done++;
    options.onProgress?.({ path: job.path, ok: result.ok, pages: result.ok ? result.pages : null, ms: Date.now() - startedAt, done, total: options.total() });
    return { pdf: result.ok ? { bytes: result.bytes, pages: result.pages } : undefined, diagnostics: diagnosticsFor(job, result, options.timeoutMs) };
  };

  return {
    print: printOne,
    close: async () => session?.close(),
  };
}

/** At most `limit` tasks at once; the others wait in arrival order. */
function createSlots(limit: number): { run<T>(task: () => Promise<T>): Promise<T> } {
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`Expected a positive integer concurrency, got \`${limit}\``);
  let free = limit;
  const waiting: (() => void)[] = [];
  return {
    async run(task) {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        // The slot passes straight to the next waiter, or back to the pool.
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}

/** A malformed SOURCE_DATE_EPOCH must stop the PDFs, not fall back to a clock or a guess. */
function badEpoch(value: string, file: string): Diagnostic {
  return createDiagnostic('pdf-render-failed', {
    file,
    message: `SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, got \`${value}\``,
    hint: 'Unset it, or set it from the last commit: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct).',
  });
}

/** A document whose browser died under it is printed once more on the relaunched browser. */
async function printWithRetry(session: BrowserSession, job: PdfJob, options: PrintPdfsOptions, tabs: TabPool): Promise<DocumentResult> {
  const beforePrint = options.beforePrint;
  for (let attempt = 0; ; attempt++) {
    let lease;
    try {
      lease = await session.current();
    } catch (error) {
      return { ok: false, failure: { kind: 'browser-closed', message: `it could not be restarted: ${firstLine(error)}` } };
    }
    const result = await printDocument(lease.browser, job, {
      timeoutMs: options.timeoutMs,
      metadata: { ...job.metadata, producer: options.producer, date: pdfDate(job.metadata.date, options.sourceDateEpoch) },
      beforePrint: beforePrint && ((page) => beforePrint(page, job)),
      tabs,
    });
    if (result.ok || result.failure.kind !== 'browser-closed' || attempt > 0) return result;
    if (!(await session.recover(lease))) return result;
  }
}

function diagnosticsFor(job: PdfJob, result: DocumentResult, timeoutMs: number): Diagnostic[] {
  if (!result.ok) return [failureDiagnostic(job, result.failure, timeoutMs)];
  const out: Diagnostic[] = [];
  for (const id of result.toc?.missing ?? []) {
    out.push(
      createDiagnostic('link-broken', {
        file: job.file,
        message: `The table of contents of \`${job.path}\` points at \`#${id}\`, which is not in the printed document`,
        hint: 'Each TOC entry’s data-target must be the id of a heading or section in the same document.',
      }),
    );
  }
  if (result.toc && !result.toc.stable) {
    out.push(
      createDiagnostic('pdf-toc-unstable', {
        file: job.file,
        message: `Table-of-contents page numbers in \`${job.path}\` still moved after ${result.toc.passes} print passes; some may be off by a page`,
      }),
    );
  }
  return out;
}

function failureDiagnostic(job: PdfJob, failure: PrintFailure, timeoutMs: number): Diagnostic {
  const file = job.file;
  switch (failure.kind) {
    case 'blocked':
      return createDiagnostic('pdf-render-failed', {
        file,
        message: `\`${job.path}\` was not printed: it tried to load ${failure.urls.map((u) => `\`${truncate(u)}\``).join(', ')}, which ${failure.urls.length === 1 ? 'was' : 'were'} blocked`,
        hint: 'The print page may load only the document itself and inlined data: URLs. Put images under templates/assets/ (or beside the section) so they are embedded; remote, loopback and file:// resources are never fetched.',
      });
    case 'crashed':
      return createDiagnostic('pdf-render-failed', {
        file,
        message: `Chromium’s renderer crashed while printing \`${job.path}\` (${failure.message})`,
        hint: 'Usually memory: very large images or tables. Build this document alone with --only to check, or lower --concurrency.',
      });
    case 'timeout':
      return createDiagnostic('pdf-timeout', { file, message: `Printing \`${job.path}\` took longer than ${timeoutMs} ms` });
    case 'browser-closed':
      return createDiagnostic('pdf-render-failed', {
        file,
        message: `Chromium exited while printing \`${job.path}\` (${failure.message})`,
        hint: 'The browser died and was restarted once already; check memory and /dev/shm, or lower --concurrency.',
      });
    case 'failed':
      return createDiagnostic('pdf-render-failed', { file, message: `\`${job.path}\` was not printed: ${failure.message}` });
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function truncate(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

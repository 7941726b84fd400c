import type { Page } from 'puppeteer';
import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { createBrowserSession, type BrowserSession } from './browser-session.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { pdfDate, parseSourceDateEpoch } from './pdf-date.js';
import { printDocument, type DocumentResult, type PdfJob } from './print-document.js';
import type { PrintFailure } from './print-page.js';
import { describeMissingBrowser, resolveBrowser, type ResolveBrowserOptions } from './resolve-browser.js';
import { createTabPool, type TabPool } from './tab-pool.js';

/** One finished document, for progress display. */
export interface PdfProgress {
  readonly path: string;
  readonly ok: boolean;
  readonly pages: number | null;
  /** Wall time of this document, retries included. */
  readonly ms: number;
  readonly done: number;
  readonly total: number;
}

export interface PrintPdfsOptions {
  /** config.browser: --browser, BRIEFWRIGHT_BROWSER or pdf.browser. */
  readonly browser: string | undefined;
  /** Pages printing at once. */
  readonly concurrency: number;
  /** Per document, all passes included. */
  readonly timeoutMs: number;
  /** Creator and Producer of every PDF: `briefwright <version>`. */
  readonly producer: string;
  /** process.env.SOURCE_DATE_EPOCH: when set, the PDF dates of every document. */
  readonly sourceDateEpoch: string | undefined;
  readonly onProgress?: ((progress: PdfProgress) => void) | undefined;
  /** Test seams: browser lookup, and a hook on every loaded page (tests crash a page with it). */
  readonly resolve?: Omit<ResolveBrowserOptions, 'configured'> | undefined;
  readonly beforePrint?: ((page: Page, job: PdfJob) => Promise<void>) | undefined;
}

export interface PrintedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

export interface PrintPdfsResult {
  /** Aligned with the jobs; undefined where the document failed (see diagnostics). */
  readonly printed: readonly (PrintedPdf | undefined)[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The PDF stage: one browser for all jobs, a bounded pool of tabs, one relaunch if the browser
 * dies (the documents it took down are retried once). Problems become diagnostics: a missing
 * or unstartable browser is `pdf-browser-missing` (exit 3), a document's failure is
 * `pdf-render-failed` / `pdf-timeout` for that document only.
 */
export async function printPdfs(jobs: readonly PdfJob[], options: PrintPdfsOptions): Promise<PrintPdfsResult> {
  if (jobs.length === 0) return { printed: [], diagnostics: [] };
  // An environment problem has no place in a file; name the first document that needs the browser.
  const needer = jobs[0]!.file;
  const failAll = (diagnostic: Diagnostic): PrintPdfsResult => ({ printed: jobs.map(() => undefined), diagnostics: [diagnostic] });

  const problem = checkSourceDateEpoch(options.sourceDateEpoch, needer);
  if (problem) return failAll(problem);
  const resolved = resolveBrowser({ ...options.resolve, configured: options.browser });
  if (!resolved.found) return failAll(createDiagnostic('pdf-browser-missing', { file: needer, ...describeMissingBrowser(resolved) }));
  const session = createBrowserSession(resolved.path);
  try {
    await session.current();
  } catch (error) {
    await session.close();
    return failAll(
      createDiagnostic('pdf-browser-missing', {
        file: needer,
        message: `Chromium at \`${resolved.path}\` did not start: ${firstLine(error)}`,
        hint: 'Check that the browser runs (`chromium --headless --no-sandbox --dump-dom about:blank`); missing system libraries are the usual cause. Or pass --browser PATH.',
      }),
    );
  }
  try {
    return await printAll(session, jobs, options);
  } finally {
    await session.close();
  }
}

async function printAll(session: BrowserSession, jobs: readonly PdfJob[], options: PrintPdfsOptions): Promise<PrintPdfsResult> {
  // Per job, so the report reads in job order whatever order the pool finished in.
  const diagnostics: Diagnostic[][] = jobs.map(() => []);
  let done = 0;
  const tabs = createTabPool();
  const printed = await mapWithConcurrency(jobs, options.concurrency, async (job, index) => {
    const started = Date.now();
    const result = await printWithRetry(session, job, options, tabs);
    diagnostics[index] = diagnosticsFor(job, result, options.timeoutMs);
    done++;
    options.onProgress?.({ path: job.path, ok: result.ok, pages: result.ok ? result.pages : null, ms: Date.now() - started, done, total: jobs.length });
    return result.ok ? { bytes: result.bytes, pages: result.pages } : undefined;
  });
  return { printed, diagnostics: diagnostics.flat() };
}

/** A malformed SOURCE_DATE_EPOCH must stop the build, not fall back to a clock or a guess. */
function checkSourceDateEpoch(value: string | undefined, file: string): Diagnostic | undefined {
  if (value === undefined || value === '' || parseSourceDateEpoch(value) !== undefined) return undefined;
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

import type { Page } from 'puppeteer';
import type { Diagnostic } from '../diagnostics/index.js';
import { createPrinter } from './create-printer.js';
import type { PdfJob } from './print-document.js';
import type { ResolveBrowserOptions } from './resolve-browser.js';

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
 * Prints a batch on one printer (see create-printer.ts) and returns the PDFs in job order.
 * Problems become diagnostics: a missing or unstartable browser is `pdf-browser-missing`
 * (exit 3), a document's failure is `pdf-render-failed` / `pdf-timeout` for that document only.
 */
export async function printPdfs(jobs: readonly PdfJob[], options: PrintPdfsOptions): Promise<PrintPdfsResult> {
  if (jobs.length === 0) return { printed: [], diagnostics: [] };
  const printer = createPrinter({ ...options, total: () => jobs.length });
  try {
    const outcomes = await Promise.all(jobs.map((job) => printer.print(job)));
    return { printed: outcomes.map((o) => o.pdf), diagnostics: outcomes.flatMap((o) => o.diagnostics) };
  } finally {
    await printer.close();
  }
}

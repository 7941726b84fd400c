import type { Browser, Page } from 'puppeteer';
import { externalizeFonts } from './externalize-fonts.js';
import { finalizePdf } from './finalize-pdf.js';
import { loadPdf } from './load-pdf.js';
import { printPage, type PrintFailure } from './print-page.js';
import { readDestinationPages } from './read-destination-pages.js';
import { readHeadingTexts } from './read-heading-texts.js';
import type { TabPool } from './tab-pool.js';
import type { PdfMetadata } from './set-pdf-metadata.js';
import { fillTocPages, findTocTargets, samePages } from './toc-pages.js';

/** One PDF to print: the rendered HTML and what the PDF needs besides it. */
export interface PdfJob {
  /** Output path relative to out/, e.g. `letter/chair.pdf`. */
  readonly path: string;
  /** Project file the document is defined in, for diagnostics. */
  readonly file: string;
  readonly html: string;
  readonly size: 'Letter' | 'A4';
  /** Fill `<span class="toc-page" data-target>` with true page numbers. */
  readonly toc: boolean;
  /** Info-dictionary fields from the document; producer and dates are the stage's (see printPdfs). */
  readonly metadata: DocumentMetadata;
}

export type DocumentMetadata = Omit<PdfMetadata, 'producer' | 'date'> & {
  /** The document's `date`, YYYY-MM-DD. */
  readonly date: string;
};

export interface TocReport {
  /** Prints it took (1 measuring + fills). */
  readonly passes: number;
  /** False when the numbers still moved after the last pass. */
  readonly stable: boolean;
  /** Targets the PDF has no destination for (no element with that id). */
  readonly missing: readonly string[];
}

export type DocumentResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly pages: number; readonly toc: TocReport | undefined }
  | { readonly ok: false; readonly failure: PrintFailure };

/** Filling numbers can reflow the TOC (a wider number wraps a line): measure, fill, re-check a few times. */
export const maxTocPasses = 4;

export interface PrintDocumentOptions {
  /** For the whole document, all TOC passes included. */
  readonly timeoutMs: number;
  /** What finalizePdf writes: the job's metadata with producer and dates resolved. */
  readonly metadata: PdfMetadata;
  readonly beforePrint?: ((page: Page) => Promise<void>) | undefined;
  /** Tabs shared by the documents of a build (see tab-pool.ts). */
  readonly tabs?: TabPool | undefined;
}

/** Prints a document (twice or more with a TOC), then post-processes the final bytes. */
export async function printDocument(browser: Browser, job: PdfJob, options: PrintDocumentOptions): Promise<DocumentResult> {
  const deadline = Date.now() + options.timeoutMs;
  const copy = externalizeFonts(job.html);
  const print = (html: string) =>
    printPage(browser, { html, assets: copy.assets, format: job.size, deadline, beforePrint: options.beforePrint, tabs: options.tabs });

  const first = await print(copy.html);
  if (!first.ok) return first;
  let bytes = first.bytes;
  let toc: TocReport | undefined;
  const targets = job.toc ? findTocTargets(job.html) : [];
  if (targets.length > 0) {
    let pages = readDestinationPages(await loadPdf(bytes));
    let passes = 1;
    let stable = false;
    while (!stable && passes < maxTocPasses) {
      const next = await print(fillTocPages(copy.html, pages));
      passes++;
      if (!next.ok) return next;
      bytes = next.bytes;
      const printed = pages;
      pages = readDestinationPages(await loadPdf(bytes));
      // The numbers just printed are true only if the headings stayed where they were measured.
      stable = samePages(targets, printed, pages);
    }
    toc = { passes, stable, missing: targets.filter((id) => !pages.has(id)) };
  }
  const final = await finalizePdf(bytes, options.metadata, readHeadingTexts(job.html));
  return { ok: true, bytes: final.bytes, pages: final.pages, toc };
}

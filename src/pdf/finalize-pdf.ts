import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { HeadingText } from './read-heading-texts.js';
import { renumberStructureIds } from './renumber-structure-ids.js';
import { repairOutlineTitles } from './repair-outline-titles.js';
import { setPdfMetadata, type PdfMetadata } from './set-pdf-metadata.js';

/**
 * Loads Chromium's bytes without letting pdf-lib stamp its own producer and the clock. pdf-lib
 * yields to the event loop every 100 objects by default (a setTimeout each, ≥1 ms): a 5-page
 * briefing spent more time waiting than parsing (43 → 15 ms wall per load and save).
 */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/**
 * Post-processing of Chromium's PDF: deterministic structure ids, bookmark titles from the
 * headings' own text, our metadata and dates, then
 * one re-save. pdf-lib writes the objects in object-number order with no clock or random
 * input, so equal input gives equal bytes. Outline, tags and destinations are kept (they are
 * ordinary objects reachable from the catalog; the tests check them after this step).
 */
export async function finalizePdf(bytes: Uint8Array, metadata: PdfMetadata, headings: readonly HeadingText[] = []): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await loadPdf(bytes);
  renumberStructureIds(pdf);
  repairOutlineTitles(pdf, headings);
  setPdfMetadata(pdf, metadata);
  // No object streams: the file stays readable by simple tools (grep for /Title works).
  const out = await pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { bytes: out, pages: pdf.getPageCount() };
}

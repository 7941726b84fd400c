import { loadPdf } from './load-pdf.js';
import type { HeadingText } from './read-heading-texts.js';
import { renumberStructureIds } from './renumber-structure-ids.js';
import { repairOutlineTitles } from './repair-outline-titles.js';
import { setPdfMetadata, type PdfMetadata } from './set-pdf-metadata.js';

/**
 * Post-processing of Chromium's PDF: deterministic structure ids, bookmark titles from the
 * headings' own text, our metadata and dates, then one re-save. pdf-lib writes the objects in
 * object-number order with no clock or random input (the ones nothing looked at as Chromium
 * wrote them, see loadPdf), so equal input gives equal bytes. Outline, tags and destinations
 * are kept (they are ordinary objects reachable from the catalog; the tests check them after
 * this step).
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

import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * The 1-based page each named destination lands on. Chromium writes a named destination for
 * every element an internal link (`<a href="#id">`) points at — the TOC entries are such links —
 * in the catalog's /Dests dictionary; the /Names /Dests name tree is read too, for other writers.
 * This is how the TOC learns true page numbers without target-counter() (which Chromium lacks).
 */
export function readDestinationPages(pdf: PDFDocument): Map<string, number> {
  const pageNumbers = new Map<string, number>();
  pdf.getPages().forEach((page, index) => pageNumbers.set(refKey(page.ref), index + 1));
  const pages = new Map<string, number>();
  const record = (name: string, destination: PDFObject | undefined) => {
    const pageRef = destinationPage(pdf, destination);
    const page = pageRef === undefined ? undefined : pageNumbers.get(refKey(pageRef));
    if (page !== undefined && !pages.has(name)) pages.set(name, page);
  };

  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) record(fragmentId(key.decodeText()), value);

  const tree = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) walkNameTree(pdf, tree, record, 0);
  return pages;
}

/** A destination is `[pageRef /XYZ …]`, or a dict whose /D is that array (PDF 32000 §12.3.2). */
function destinationPage(pdf: PDFDocument, destination: PDFObject | undefined): PDFRef | undefined {
  const resolved = destination instanceof PDFRef ? pdf.context.lookup(destination) : destination;
  const array = resolved instanceof PDFDict ? resolved.lookup(PDFName.of('D')) : resolved;
  if (!(array instanceof PDFArray)) return undefined;
  const first = array.get(0);
  return first instanceof PDFRef ? first : undefined;
}

function walkNameTree(pdf: PDFDocument, node: PDFDict, record: (name: string, value: PDFObject | undefined) => void, depth: number): void {
  // A name tree is shallow; the bound only guards against a malformed, cyclic one.
  if (depth > 32) return;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) record(fragmentId(key.decodeText()), names.get(i + 1));
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) {
    const kid = kids?.lookup(i);
    if (kid instanceof PDFDict) walkNameTree(pdf, kid, record, depth + 1);
  }
}

/**
 * Chromium names a destination after the link's URL fragment, percent-encoded (`#résumé` →
 * `r%C3%A9sum%C3%A9`), and pdf-lib hands the name's bytes back one char per byte: undo both
 * to get the element id the HTML used.
 */
export function fragmentId(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  try {
    return decodeURIComponent(utf8);
  } catch {
    // Not percent-encoding after all (a literal `%` in an id): keep it.
    return utf8;
  }
}

function refKey(ref: PDFRef): string {
  return `${ref.objectNumber} ${ref.generationNumber}`;
}

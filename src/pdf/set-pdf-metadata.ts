import type { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  readonly title: string;
  /** The publisher's name. */
  readonly author: string | undefined;
  /** The document's description. */
  readonly subject: string | undefined;
  readonly keywords: readonly string[];
  /** BCP 47 tag, e.g. `en`. */
  readonly language: string;
  /** `briefwright <version>`: replaces Chromium's user agent and `Skia/PDF m156`. */
  readonly producer: string;
  /** CreationDate and ModDate (see pdfDate). */
  readonly date: Date;
}

/**
 * Writes the Info dictionary and the catalog /Lang. Everything else Chromium wrote (outline,
 * structure tree, named destinations) is left as it is.
 */
export function setPdfMetadata(pdf: PDFDocument, metadata: PdfMetadata): void {
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author !== undefined) pdf.setAuthor(metadata.author);
  if (metadata.subject !== undefined) pdf.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces; commas keep multi-word keywords ("export controls") apart.
  if (metadata.keywords.length > 0) pdf.setKeywords([metadata.keywords.join(', ')]);
  pdf.setLanguage(metadata.language);
  pdf.setCreator(metadata.producer);
  pdf.setProducer(metadata.producer);
  pdf.setCreationDate(metadata.date);
  pdf.setModificationDate(metadata.date);
}

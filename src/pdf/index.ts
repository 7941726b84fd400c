export { printPdfs, type PdfProgress, type PrintPdfsOptions, type PrintPdfsResult, type PrintedPdf } from './print-pdfs.js';
export { createPrinter, type Printer, type PrinterOptions, type PrintOutcome } from './create-printer.js';
export type { DocumentMetadata, PdfJob } from './print-document.js';
export { closeRunningBrowsers } from './launch-browser.js';

export { printPdfs, type PdfProgress, type PrintPdfsOptions, type PrintPdfsResult, type PrintedPdf } from './print-pdfs.js';
export type { DocumentMetadata, PdfJob } from './print-document.js';
export { closeRunningBrowsers } from './launch-browser.js';

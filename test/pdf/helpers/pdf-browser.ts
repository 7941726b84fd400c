import { resolveBrowser } from '../../../src/pdf/resolve-browser.js';

/**
 * The browser the PDF tests print with. These tests never skip by default: a machine without
 * Chromium fails them with this message. Only BRIEFWRIGHT_SKIP_PDF_TESTS=1 (set on purpose,
 * never in CI) skips them, and then this returns undefined.
 */
export function pdfTestBrowser(): string | undefined {
  const resolved = resolveBrowser({ configured: process.env['BRIEFWRIGHT_BROWSER'] });
  if (resolved.found) return resolved.path;
  if (process.env['BRIEFWRIGHT_SKIP_PDF_TESTS'] === '1') return undefined;
  throw new Error(
    `The PDF tests need Chromium and none was found (tried ${resolved.tried.join(', ')}). ` +
      'Install it (`apt-get install -y chromium fonts-liberation poppler-utils`, as .ci/run does) or set BRIEFWRIGHT_BROWSER. ' +
      'To skip these tests locally on purpose, set BRIEFWRIGHT_SKIP_PDF_TESTS=1.',
  );
}

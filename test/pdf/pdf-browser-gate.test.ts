import { afterEach, describe, expect, it } from 'vitest';
import { pdfTestBrowser } from './helpers/pdf-browser.js';

/** The PDF suites fail, not skip, without a browser — unless skipping was asked for explicitly. */
describe('pdfTestBrowser', () => {
  const saved = { browser: process.env['BRIEFWRIGHT_BROWSER'], skip: process.env['BRIEFWRIGHT_SKIP_PDF_TESTS'] };
  afterEach(() => {
    for (const [key, value] of [
      ['BRIEFWRIGHT_BROWSER', saved.browser],
      ['BRIEFWRIGHT_SKIP_PDF_TESTS', saved.skip],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('throws a message that says how to get a browser when none is found', () => {
    process.env['BRIEFWRIGHT_BROWSER'] = '/nonexistent/chromium';
    delete process.env['BRIEFWRIGHT_SKIP_PDF_TESTS'];
    expect(() => pdfTestBrowser()).toThrow(/need Chromium.*apt-get install -y chromium.*BRIEFWRIGHT_SKIP_PDF_TESTS=1/s);
  });

  it('skips only when BRIEFWRIGHT_SKIP_PDF_TESTS=1 is set', () => {
    process.env['BRIEFWRIGHT_BROWSER'] = '/nonexistent/chromium';
    process.env['BRIEFWRIGHT_SKIP_PDF_TESTS'] = 'true';
    expect(() => pdfTestBrowser()).toThrow();
    process.env['BRIEFWRIGHT_SKIP_PDF_TESTS'] = '1';
    expect(pdfTestBrowser()).toBeUndefined();
  });
});

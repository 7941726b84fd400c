import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../../src/templates/safe-url.js';

describe('safeUrl', () => {
  it('keeps web, mail and phone links, fragments and relative links', () => {
    for (const url of ['https://example.org/a?b#c', 'http://example.org', 'mailto:a@example.org', 'tel:+12025550100', '#sources', 'faq.html', 'letter/chair.html', '/x', '?q=1']) {
      expect(safeUrl(url)).toBe(url);
    }
    expect(safeUrl('HTTPS://EXAMPLE.ORG')).toBe('HTTPS://EXAMPLE.ORG');
  });

  it('refuses scripts, data, files and every other scheme, however they are disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.org',
      'x:y',
    ]) {
      expect(safeUrl(url), url).toBeUndefined();
    }
  });

  it('refuses what is not a string', () => {
    expect(safeUrl(42)).toBeUndefined();
    expect(safeUrl({ toString: () => 'https://example.org' })).toBeUndefined();
  });
});

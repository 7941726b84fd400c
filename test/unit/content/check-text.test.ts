import { describe, expect, it } from 'vitest';
import { checkText } from '../../../src/content/check-text.js';
import { decodeUtf8, findInvalidUtf8 } from '../../../src/content/decode-utf8.js';

describe('checkText', () => {
  it('refuses control characters with their position', () => {
    const result = checkText('a.md', 'ok\nab\u0000c\u001b[31m\n');
    expect(result.refused).toBe(true);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['text-encoding-invalid', 2, 3],
      ['text-encoding-invalid', 2, 5],
    ]);
  });

  it('reports bidi controls and invisible characters (Trojan Source), unless allowed', () => {
    const text = 'if (a\u202e) {}\u2066 x\u200by \ufeffz';
    const result = checkText('a.md', text);
    expect(result.refused).toBe(false);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message.replace(/^.* U\+/, 'U+')])).toEqual([
      ['text-hidden-character', 1, 6, 'U+202E RIGHT-TO-LEFT OVERRIDE'],
      ['text-hidden-character', 1, 11, 'U+2066 LEFT-TO-RIGHT ISOLATE'],
      ['text-hidden-character', 1, 14, 'U+200B ZERO WIDTH SPACE'],
      ['text-hidden-character', 1, 17, 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ]);
    expect(checkText('a.md', text, { allowHiddenCharacters: true }).diagnostics).toEqual([]);
  });

  it('accepts tabs, emoji sequences with joiners and flag tags, and right-to-left letters', () => {
    expect(checkText('a.md', 'a\tb 👨\u200d👩\u200d👧 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} مرحبا שלום').diagnostics).toEqual([]);
  });
});

describe('decodeUtf8', () => {
  it('finds the first invalid byte: bad continuation, overlong, surrogate, truncated', () => {
    expect(findInvalidUtf8(new Uint8Array([0x61, 0xc3, 0x28]))).toBe(1);
    expect(findInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(findInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(findInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(findInvalidUtf8(new TextEncoder().encode('é€😀'))).toBe(9);
    expect(decodeUtf8(new Uint8Array([0x61, 0x0a, 0x62, 0xff]))).toEqual({ invalidAt: 3, validPrefix: 'a\nb' });
    expect(decodeUtf8(new TextEncoder().encode('ok'))).toEqual({ text: 'ok' });
  });
});

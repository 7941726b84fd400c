import { describe, expect, it } from 'vitest';
import { parseSourceDateEpoch, pdfDate } from '../../../src/pdf/pdf-date.js';

describe('pdfDate', () => {
  it('uses the document date at midnight UTC without SOURCE_DATE_EPOCH', () => {
    expect(pdfDate('2026-06-26', undefined).toISOString()).toBe('2026-06-26T00:00:00.000Z');
    expect(pdfDate('2026-06-26', '').toISOString()).toBe('2026-06-26T00:00:00.000Z');
  });
  it('prefers SOURCE_DATE_EPOCH', () => {
    expect(pdfDate('2026-06-26', '1700000000').toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
  it('refuses malformed epochs (the stage reports them before calling pdfDate)', () => {
    expect(parseSourceDateEpoch('1700000000')).toBe(1700000000);
    for (const bad of ['-1', '1.5', 'now', ' 17', '1e9']) expect(parseSourceDateEpoch(bad)).toBeUndefined();
    expect(() => pdfDate('2026-06-26', 'now')).toThrow(TypeError);
  });
});

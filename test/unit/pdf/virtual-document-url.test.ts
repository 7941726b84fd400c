import { describe, expect, it } from 'vitest';
import { virtualDocumentUrl } from '../../../src/pdf/virtual-document-url.js';

describe('virtualDocumentUrl', () => {
  it('serves each output at its own path on the .invalid origin', () => {
    expect(virtualDocumentUrl('briefing.pdf')).toBe('https://briefwright.invalid/briefing.html');
    expect(virtualDocumentUrl('letter/chair.pdf')).toBe('https://briefwright.invalid/letter/chair.html');
  });
});

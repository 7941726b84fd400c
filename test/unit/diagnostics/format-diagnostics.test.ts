import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../../src/diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../../src/diagnostics/format-diagnostics.js';

const range = { start: { line: 3, column: 7 }, end: { line: 3, column: 12 } };

describe('formatDiagnostics', () => {
  it('json has exactly the documented shape', () => {
    const d = createDiagnostic('fact-unknown', { file: 'a.md', range, message: 'Unknown fact `x`' });
    expect(JSON.parse(formatDiagnostics([d], 'json'))).toEqual({
      diagnostics: [{ file: 'a.md', line: 3, column: 7, endLine: 3, endColumn: 12, ruleId: 'fact-unknown', severity: 'error', message: 'Unknown fact `x`', hint: 'Check the fact id against content/facts/*.yaml.' }],
      errors: 1,
      warnings: 0,
    });
  });

  it('github escapes properties and data', () => {
    const d = createDiagnostic('html-unsafe', { file: 'a,b:c.md', range, message: '50% done\nnext', hint: 'h' });
    expect(formatDiagnostics([d], 'github')).toBe('::warning file=a%2Cb%3Ac.md,line=3,col=7,endLine=3,endColumn=12,title=html-unsafe::50%25 done%0Anext (html-unsafe)%0AHint: h\n');
  });

  it('positionless diagnostics print without a place', () => {
    const d = createDiagnostic('pdf-browser-missing', { file: 'out', message: 'No browser' });
    expect(JSON.parse(formatDiagnostics([d], 'json')).diagnostics[0]).toMatchObject({ line: null, column: null });
    expect(formatDiagnostics([d], 'github')).toMatch(/^::error file=out,title=pdf-browser-missing::/);
    expect(formatDiagnostics([d], 'pretty')).toContain('No browser');
  });

  it('sorts by file and position', () => {
    const a = createDiagnostic('fact-unknown', { file: 'b.md', range, message: 'b' });
    const b = createDiagnostic('fact-unknown', { file: 'a.md', range, message: 'a' });
    expect(JSON.parse(formatDiagnostics([a, b], 'json')).diagnostics.map((d: { file: string }) => d.file)).toEqual(['a.md', 'b.md']);
  });
});

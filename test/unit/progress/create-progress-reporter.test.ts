import { describe, expect, it } from 'vitest';
import type { BuildProgress } from '../../../src/config/load-config.js';
import { createProgressReporter } from '../../../src/progress/create-progress-reporter.js';

const events: BuildProgress[] = [
  { stage: 'html', path: 'a.html', ok: true, reused: true, pages: null, ms: 0, done: 1, total: 2 },
  { stage: 'html', path: 'b.html', ok: true, reused: false, pages: null, ms: 5, done: 2, total: 2 },
  { stage: 'pdf', path: 'b.pdf', ok: true, pages: 3, ms: 1200, done: 1, total: 1 },
];

function run(mode: 'live' | 'lines' | 'quiet', verbose: boolean, color = false): string {
  let text = '';
  const reporter = createProgressReporter({ stream: { write: (s: string) => (text += s), columns: 60 }, mode, verbose, color });
  events.forEach(reporter.onProgress);
  reporter.finish();
  return text;
}

describe('createProgressReporter', () => {
  it('without a TTY prints one plain line per PDF, no escape codes', () => {
    expect(run('lines', false)).toBe('pdf 1/1 b.pdf · 3 pages · 1.2 s\n');
  });

  it('--verbose also lists each HTML output as rendered or reused', () => {
    expect(run('lines', true)).toBe('html 1/2 a.html · reused\nhtml 2/2 b.html · rendered\npdf 1/1 b.pdf · 3 pages · 1.2 s\n');
  });

  it('on a TTY redraws one status line in place and clears it at the end', () => {
    const text = run('live', false);
    expect(text).toContain('\r\u001b[2Kpdf 1/1 · b.pdf');
    expect(text.endsWith('\r\u001b[2K')).toBe(true);
    expect(text).not.toContain('\n');
    expect(text).not.toContain('\u001b[2m');
    expect(run('live', false, true)).toContain('\u001b[2m');
  });

  it('--quiet prints nothing', () => {
    expect(run('quiet', true)).toBe('');
  });
});

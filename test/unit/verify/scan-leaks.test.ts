import { describe, expect, it } from 'vitest';
import { isDistinctive } from '../../../src/verify/scan-leaks.js';
import { readOutput } from '../../../src/verify/read-output.js';

describe('isDistinctive (which display values the leak scan searches for)', () => {
  it('takes figures with two or more significant digits and longer text values', () => {
    for (const display of ['25,000', 'nearly 25,000', '28.8 million', '$1.2 billion', '28,913', 'Project Nightingale']) {
      expect(isDistinctive(display, []), display).toBe(true);
    }
  });

  it('leaves out dates, short or plain values, and text that allowed facts also show', () => {
    for (const display of ['June 2026', 'June 10, 2026', '2026', 'Q3 2026', 'mid-June', '40%', '3', 'large', 'twelve']) {
      expect(isDistinctive(display, []), display).toBe(false);
    }
    expect(isDistinctive('nearly 25,000', ['anthropic alleges that nearly 25,000 accounts were used.'])).toBe(false);
  });
});

describe('readOutput', () => {
  it('reads visible text and indexed attributes, not styles or scripts; collects ids and links', () => {
    const reading = readOutput(
      '<html><head><title>T</title><meta name="description" content="Secret plan"><style>.a{content:"x"}</style></head>' +
        '<body><h1 id="top">Title</h1><p>One <strong>two</strong> three</p><img alt="A chart" src="data:,"><a href="#top">up</a><script>var s="hidden"</script></body></html>',
    );
    expect(reading.text).toContain('One two three');
    expect(reading.text).toContain('Secret plan');
    expect(reading.text).toContain('A chart');
    expect(reading.text).not.toContain('content:');
    expect(reading.text).not.toContain('hidden');
    expect([...reading.ids]).toEqual(['top']);
    expect(reading.hrefs).toEqual(['#top']);
  });
});

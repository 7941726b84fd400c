import { describe, expect, it } from 'vitest';
import { citePlaceholderHtml } from '../../../src/markdown/cite-placeholder.js';
import { numberCitations } from '../../../src/templates/number-citations.js';

describe('numberCitations', () => {
  it('numbers sources in reading order and reuses numbers', () => {
    const html = `a${citePlaceholderHtml(['s2'])} b${citePlaceholderHtml(['s1', 's2'])} c${citePlaceholderHtml(['s2'])}`;
    const { html: out, order } = numberCitations(html);
    expect(order).toEqual(['s2', 's1']);
    expect(out).toBe(
      'a<sup class="cite"><a href="#source-s2" aria-label="Source 1">1</a></sup> ' +
        'b<sup class="cite"><a href="#source-s2" aria-label="Source 1">1</a><span class="cite-sep">,</span><a href="#source-s1" aria-label="Source 2">2</a></sup> ' +
        'c<sup class="cite"><a href="#source-s2" aria-label="Source 1">1</a></sup>',
    );
  });

  it('leaves text that merely looks like a placeholder alone', () => {
    const escaped = '&lt;bw-cite data-sources="s1"&gt;&lt;/bw-cite&gt;';
    expect(numberCitations(escaped)).toEqual({ html: escaped, order: [] });
  });
});

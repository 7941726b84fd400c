import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown } from '../../../src/markdown/render-inline-markdown.js';

describe('renderInlineMarkdown', () => {
  it('renders inline Markdown to sanitized children and drops raw HTML', () => {
    const children = renderInlineMarkdown('A *claim* by <b>someone</b> [here](https://example.org).');
    expect(children.map((c) => c.type)).toContain('element');
    const emphasis = children.find((c): c is Element => c.type === 'element' && c.tagName === 'em');
    expect(emphasis?.children).toEqual([expect.objectContaining({ type: 'text', value: 'claim' })]);
    expect(children.some((c) => c.type === 'element' && c.tagName === 'b')).toBe(false);
  });

  it('gives every caller its own copy of a remembered statement', () => {
    const text = 'Remembered *once*, copied each time.';
    const first = renderInlineMarkdown(text);
    const pristine = structuredClone(first);
    // A caller changes the nodes it was given, as a tree transform may.
    const emphasis = first.find((c): c is Element => c.type === 'element');
    emphasis!.children = [{ type: 'text', value: 'changed' }];
    first.push({ type: 'text', value: ' appended' });
    const second = renderInlineMarkdown(text);
    expect(second).toEqual(pristine);
    expect(second).not.toBe(first);
  });
});

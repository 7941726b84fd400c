import type { Element, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown } from '../../../src/markdown/render-inline-markdown.js';
import { sanitizeSchema } from '../../../src/markdown/sanitize-schema.js';

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

/** The full pipeline every statement went through before plain ones took a shortcut: the oracle. */
function renderWithParser(text: string): unknown {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  const paragraph = tree.children.find((n) => n.type === 'paragraph');
  if (!paragraph) return [{ type: 'text', value: text }];
  const clean = sanitize(toHast({ type: 'root', children: [paragraph] }), sanitizeSchema) as HastRoot;
  const p = clean.children[0];
  return p && p.type === 'element' ? p.children : [{ type: 'text', value: text }];
}

/** Deterministic texts: mostly words and plain punctuation, sometimes Markdown's own characters. */
function* sampleTexts(count: number): Generator<string> {
  let seed = 20260626;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const plain = ['Anthropic', 'alleges', 'that', '25,000', '28.8', 'million', 'U.S.', 'Qwen’s', '“quoted”', '(see', 'it)', '42%', '$3', 'a/b', 'x+y=z', 'dash-ed', '—', 'é', 'Ωmega', '𝐀bold', '2026.', '7)', 'naïve', ':'];
  const marked = ['*', '_', '`', '[', ']', '<b>', '&amp;', '!', '~~', '|', '#', '@', 'www.x.org', 'https://x.org', '\\', '  ', '\n', '\t', '- ', '1. ', '> ', ' '];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    const length = 1 + next(8);
    for (let w = 0; w < length; w++) words.push(next(5) === 0 ? marked[next(marked.length)]! : plain[next(plain.length)]!);
    yield words.join(next(4) === 0 ? '' : ' ');
  }
}

describe('renderInlineMarkdown against the full Markdown pipeline', () => {
  it('renders every text exactly as the parser would, plain statements included', () => {
    const texts = [
      'Anthropic alleges that nearly 25,000 fraudulent accounts were used.',
      'Plain text with a trailing space ',
      ' Leading space',
      '1. Starts like a list',
      'Two  inner  spaces',
      'Mentions www.example.org',
      'Ends with a hard break\\',
      'Équipe naïve',
      ...sampleTexts(3000),
    ];
    for (const text of texts) expect(renderInlineMarkdown(text), text).toEqual(renderWithParser(text));
  });
});

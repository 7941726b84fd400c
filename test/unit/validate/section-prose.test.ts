import { describe, expect, it } from 'vitest';
import { authoredText, placeholder, type ProseBlock } from '../../../src/validate/section-prose.js';

/** A block as proseBlocks builds it: its text, and which part of it a fact directive produced. */
function block(before: string, fact: string, after: string): ProseBlock {
  const text = before + fact + after;
  const start = before.length;
  return {
    text,
    pieces: [
      { kind: 'text', start: 0, end: start },
      { kind: 'fact', start, end: start + fact.length },
      { kind: 'text', start: start + fact.length, end: text.length },
    ],
  } as unknown as ProseBlock;
}

describe('authoredText', () => {
  it('masks exactly the characters a fact produced, at the same offsets', () => {
    const b = block('Anthropic alleges that ', 'nearly 25,000', ' accounts were used.');
    const masked = authoredText(b);
    expect(masked).toHaveLength(b.text.length);
    expect(masked).toBe(`Anthropic alleges that ${placeholder.repeat(13)} accounts were used.`);
  });

  it('counts UTF-16 code units, as every block index does, also after characters outside the BMP', () => {
    const b = block('🚀 Anthropic alleges that ', 'nearly 25,000', ' accounts, 25,500 of them.');
    const masked = authoredText(b);
    expect(masked).toHaveLength(b.text.length);
    expect(masked.slice(0, '🚀 Anthropic alleges that '.length)).toBe('🚀 Anthropic alleges that ');
    expect(masked).toContain(' accounts, 25,500 of them.');
    expect(masked).not.toContain('25,000');
  });

  it('leaves a block without facts as it is', () => {
    const text = 'Reports say 28.5 million.';
    expect(authoredText({ text, pieces: [{ kind: 'text', start: 0, end: text.length }] } as unknown as ProseBlock)).toBe(text);
  });
});

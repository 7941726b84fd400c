import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/content/parse-markdown.js';
import { cloneTree } from '../../../src/markdown/clone-tree.js';

describe('cloneTree', () => {
  it('copies a parsed tree deeply: equal to structuredClone, sharing no object with the original', () => {
    const tree = parseMarkdown('# Title\n\n| a | b |\n|---|---|\n| 1 | *2* |\n\n:fact[x]{show=statement} and [^1].\n\n[^1]: Note.\n');
    const copy = cloneTree(tree);
    expect(copy).toEqual(structuredClone(tree));
    const objects = new Set<object>();
    const collect = (value: unknown) => {
      if (value === null || typeof value !== 'object') return;
      objects.add(value);
      for (const child of Object.values(value)) collect(child);
    };
    collect(tree);
    const shared: unknown[] = [];
    const check = (value: unknown) => {
      if (value === null || typeof value !== 'object') return;
      if (objects.has(value)) shared.push(value);
      for (const child of Object.values(value)) check(child);
    };
    check(copy);
    expect(shared).toEqual([]);
  });

  it('keeps a key named __proto__ as a key, never as the prototype', () => {
    const attributes = JSON.parse('{"__proto__": {"polluted": true}, "show": "value"}') as Record<string, unknown>;
    const copy = cloneTree({ type: 'textDirective', attributes });
    expect(Object.getPrototypeOf(copy.attributes)).toBe(Object.prototype);
    expect(Object.keys(copy.attributes)).toEqual(['__proto__', 'show']);
    expect((copy.attributes as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { EXIT, isElement, SKIP, walkTree } from '../../../src/markdown/walk-tree.js';

const h = (tagName: string, children: ElementContent[] | string): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children: typeof children === 'string' ? [{ type: 'text', value: children }] : children,
});
const tree = (): Root => ({ type: 'root', children: [h('p', [h('em', 'a'), h('strong', [h('code', 'b')])]), h('ul', [h('li', 'c')])] });
const names = (visit: (node: Element, index: number, parent: { children: unknown[] }) => ReturnType<Parameters<typeof walkTree>[2]>) => {
  const seen: string[] = [];
  walkTree(tree(), isElement, (node, index, parent) => {
    seen.push(node.tagName);
    return visit(node, index, parent);
  });
  return seen;
};

describe('walkTree', () => {
  it('visits every accepted node below the root, depth first, in document order', () => {
    expect(names(() => undefined)).toEqual(['p', 'em', 'strong', 'code', 'ul', 'li']);
  });

  it('does not go into a node whose visitor returns SKIP, and stops at EXIT', () => {
    expect(names((node) => (node.tagName === 'p' ? SKIP : undefined))).toEqual(['p', 'ul', 'li']);
    expect(names((node) => (node.tagName === 'strong' ? EXIT : undefined))).toEqual(['p', 'em', 'strong']);
  });

  it('goes on at the index a visitor returns after changing its parent', () => {
    const seen = names((node, index, parent) => {
      if (node.tagName !== 'em') return undefined;
      parent.children.splice(index, 1);
      return index;
    });
    expect(seen).toEqual(['p', 'em', 'strong', 'code', 'ul', 'li']);
  });

  it('passes each node with its index and parent', () => {
    const root = tree();
    const found: [string, number, string][] = [];
    walkTree(root, isElement, (node, index, parent) => {
      found.push([node.tagName, index, parent.type === 'root' ? 'root' : (parent as Element).tagName]);
    });
    expect(found).toEqual([
      ['p', 0, 'root'],
      ['em', 0, 'p'],
      ['strong', 1, 'p'],
      ['code', 0, 'strong'],
      ['ul', 1, 'root'],
      ['li', 0, 'ul'],
    ]);
  });
});

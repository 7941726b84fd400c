import type { BriefwrightRef, Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { renderDataOf } from './section-render-data.js';
import { SKIP, walkTree } from './walk-tree.js';

/**
 * Replaces `:fact[id]` / `:cite[id]` directives with opaque `briefwrightRef` nodes. They pass
 * through remark-rehype and rehype-raw untouched (passThrough), so raw HTML can never forge them.
 */
export function remarkFactRefs() {
  return (tree: Root, file: VFile) => {
    const data = renderDataOf(file);
    walkTree(tree, isTextDirective, (node, index, parent) => {
      if (node.name !== 'fact' && node.name !== 'cite') return;
      const id = textOf(node).trim();
      const show = node.attributes?.['show'] === 'statement' ? 'statement' : 'value';
      data.refs.push({ kind: node.name, id, show });
      const ref: BriefwrightRef = { type: 'briefwrightRef', index: data.refs.length - 1 };
      parent.children.splice(index, 1, ref);
      return SKIP;
    });
  };
}

function isTextDirective(node: Node): node is TextDirective {
  return node.type === 'textDirective';
}

function textOf(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => textOf(child as { children?: unknown[]; value?: unknown })).join('');
}

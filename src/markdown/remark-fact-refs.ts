import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { renderDataOf } from './section-render-data.js';

/**
 * Replaces `:fact[id]` / `:cite[id]` directives with opaque `briefwrightRef` nodes. They pass
 * through remark-rehype and rehype-raw untouched (passThrough), so raw HTML can never forge them.
 */
export function remarkFactRefs() {
  return (tree: Root, file: VFile) => {
    const data = renderDataOf(file);
    visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.name !== 'fact' && node.name !== 'cite') return;
      const id = textOf(node).trim();
      const show = node.attributes?.['show'] === 'statement' ? 'statement' : 'value';
      data.refs.push({ kind: node.name, id, show });
      parent.children.splice(index, 1, { type: 'briefwrightRef', index: data.refs.length - 1 });
      return [SKIP, index + 1];
    });
  };
}

function textOf(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => textOf(child as { children?: unknown[]; value?: unknown })).join('');
}

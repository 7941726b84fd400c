import type { BriefwrightRef, Element, Root } from 'hast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { createDiagnostic, rangeFromPosition } from '../diagnostics/index.js';
import { renderDataOf } from './section-render-data.js';
import { SKIP, walkTree } from './walk-tree.js';

export const refPlaceholderTag = 'bw-ref';

/**
 * Right before sanitizing: turns our `briefwrightRef` nodes (which the sanitizer would drop as
 * unknown) into `<bw-ref>` placeholders it lets through. Any `<bw-ref>` already in the tree came
 * from raw HTML, i.e. was forged by the author; it is removed and reported.
 */
export function rehypeStashRefs() {
  return (tree: Root, file: VFile) => {
    const data = renderDataOf(file);
    walkTree(tree, isRefOrElement, (node, index, parent) => {
      if (node.type === 'briefwrightRef') {
        const placeholder: Element = {
          type: 'element',
          tagName: refPlaceholderTag,
          properties: { dataBwIndex: String(node.index) },
          children: [],
        };
        parent.children[index] = placeholder;
        return SKIP;
      }
      if (node.tagName !== refPlaceholderTag) return undefined;
      const range = rangeFromPosition(node.position);
      if (range) {
        data.report(
          createDiagnostic('html-unsafe', {
            file: data.section.path,
            range,
            message: `Removed \`<${refPlaceholderTag}>\` element`,
            hint: 'Reference facts with `:fact[id]` and sources with `:cite[id]`.',
          }),
        );
      }
      parent.children.splice(index, 1);
      return index;
    });
  };
}

function isRefOrElement(node: Node): node is BriefwrightRef | Element {
  return node.type === 'briefwrightRef' || node.type === 'element';
}

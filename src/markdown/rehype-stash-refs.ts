import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { createDiagnostic, rangeFromPosition } from '../diagnostics/index.js';
import { renderDataOf } from './section-render-data.js';

export const refPlaceholderTag = 'bw-ref';

/**
 * Right before sanitizing: turns our `briefwrightRef` nodes (which the sanitizer would drop as
 * unknown) into `<bw-ref>` placeholders it lets through. Any `<bw-ref>` already in the tree came
 * from raw HTML, i.e. was forged by the author; it is removed and reported.
 */
export function rehypeStashRefs() {
  return (tree: Root, file: VFile) => {
    const data = renderDataOf(file);
    const walk = (parent: { children: RootContent[] }) => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i]!;
        if (node.type === 'briefwrightRef') {
          const placeholder: Element = {
            type: 'element',
            tagName: refPlaceholderTag,
            properties: { dataBwIndex: String(node.index) },
            children: [],
          };
          parent.children[i] = placeholder;
        } else if (node.type === 'element') {
          if (node.tagName === refPlaceholderTag) {
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
            parent.children.splice(i, 1);
            i--;
            continue;
          }
          walk(node);
        }
      }
    };
    walk(tree);
  };
}

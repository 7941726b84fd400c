import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { toDataUrl } from './asset-url.js';
import { renderDataOf } from './section-render-data.js';
import { isElement, walkTree } from './walk-tree.js';

/** After sanitizing: embeds each resolved image as a data: URL (self-contained HTML). */
export function rehypeInlineImages() {
  return (tree: Root, file: VFile) => {
    const data = renderDataOf(file);
    walkTree(tree, isElement, (node) => {
      if (node.tagName !== 'img') return;
      const src = node.properties['src'];
      const bytes = typeof src === 'string' ? data.model.assets.get(src) : undefined;
      if (typeof src === 'string' && bytes) node.properties['src'] = toDataUrl(src, bytes);
      else delete node.properties['src'];
    });
  };
}

import type { Element, Root } from 'hast';
import { isElement, walkTree } from './walk-tree.js';

const headingTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

function depthOf(node: Element): number {
  return headingTags.indexOf(node.tagName) + 1;
}

/**
 * Layouts render the document title as h1 and each section title as h2, so a section's own
 * headings are shifted to start at h3 however the author numbered them: the outline (PDF
 * bookmarks, TOC, screen readers) stays well formed.
 */
export function rehypeShiftHeadings(options: { top?: number } = {}) {
  const top = options.top ?? 3;
  return (tree: Root) => {
    let min = 7;
    walkTree(tree, isElement, (node) => {
      const d = depthOf(node);
      if (d > 0) min = Math.min(min, d);
    });
    if (min === 7 || min === top) return;
    const shift = top - min;
    walkTree(tree, isElement, (node) => {
      const d = depthOf(node);
      if (d > 0) node.tagName = `h${Math.min(6, Math.max(1, d + shift))}`;
    });
  };
}

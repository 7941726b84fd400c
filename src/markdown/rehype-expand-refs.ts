import type { Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { createCitePlaceholder } from './cite-placeholder.js';
import { factToHast } from './fact-html.js';
import { refPlaceholderTag } from './rehype-stash-refs.js';
import { renderDataOf } from './section-render-data.js';
import { isElement, walkTree } from './walk-tree.js';

/**
 * After sanitizing: replaces each `<bw-ref>` placeholder with the fact or citation it stands
 * for. Trusted code building nodes from validated data; text is escaped by the serializer.
 */
export function rehypeExpandRefs() {
  return (tree: Root, file: VFile) => {
    const data = renderDataOf(file);
    walkTree(tree, isElement, (node, index, parent) => {
      if (node.tagName !== refPlaceholderTag) return undefined;
      const ref = data.refs[Number(node.properties['dataBwIndex'])];
      // Validation guarantees every reference resolves before rendering runs.
      if (!ref) throw new Error(`Unknown reference placeholder in ${data.section.path}`);
      let replacement: RootContent[];
      if (ref.kind === 'fact') {
        const fact = data.model.facts.get(ref.id);
        if (!fact) throw new Error(`Cannot render unknown fact \`${ref.id}\` in ${data.section.path}`);
        data.factsUsed.add(fact.id);
        for (const s of fact.sources) data.sourcesUsed.add(s);
        replacement = factToHast(fact, ref.show);
      } else {
        if (!data.model.sources.has(ref.id)) throw new Error(`Cannot cite unknown source \`${ref.id}\` in ${data.section.path}`);
        data.sourcesUsed.add(ref.id);
        replacement = [createCitePlaceholder([ref.id])];
      }
      parent.children.splice(index, 1, ...replacement);
      // The fact's own nodes are trusted and hold no placeholder: go on after them.
      return index + replacement.length;
    });
  };
}

import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { createDiagnostic, rangeFromPosition } from '../diagnostics/index.js';
import { resolveProjectPath } from './asset-url.js';
import { renderDataOf } from './section-render-data.js';
import { isElement, walkTree } from './walk-tree.js';

/**
 * Before sanitizing: points every `<img>` at a project asset (its path relative to the section
 * file) or removes it with an `image-missing` error. Remote images are never fetched: a
 * briefing must render the same offline, and a fetched URL is a tracking beacon.
 */
export function rehypeResolveImages() {
  return (tree: Root, file: VFile) => {
    const data = renderDataOf(file);
    walkTree(tree, isElement, (node, index, parent) => {
      if (node.tagName !== 'img') return;
      const src = node.properties['src'];
      if (typeof src !== 'string' || src === '') return;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^https?:/i.test(src)) return; // data:, javascript:… — the sanitizer removes and reports them
      const range = rangeFromPosition(node.position);
      const remote = /^(https?:)?\/\//i.test(src);
      const path = remote ? undefined : resolveProjectPath(data.section.path, src);
      if (path !== undefined && data.model.assets.has(path)) {
        node.properties['src'] = path;
        data.assetsUsed.add(path);
        return;
      }
      if (range) {
        data.report(
          createDiagnostic('image-missing', {
            file: data.section.path,
            range,
            message: remote
              ? `Remote image \`${src}\` is not fetched`
              : `Image \`${src}\` not found${path ? ` (looked for \`${path}\`)` : ''}`,
            hint: remote
              ? 'Download the image into templates/assets/ and reference it by a relative path.'
              : 'Put the image under templates/assets/ or content/ and reference it relative to the section file.',
          }),
        );
      }
      parent.children.splice(index, 1);
      return index;
    });
  };
}

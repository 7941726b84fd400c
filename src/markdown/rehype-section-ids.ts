import type { Element, Properties, Root, Text } from 'hast';
import GithubSlugger from 'github-slugger';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { renderDataOf } from './section-render-data.js';
import { isElement, walkTree } from './walk-tree.js';

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Gives headings slug ids and namespaces every id in the section as `<section>--<id>`, updating
 * the section's own `#` links and aria references. Sections then never collide inside one
 * document (two sections' footnote 1), and author ids can never clobber the layout's anchors.
 */
export function rehypeSectionIds() {
  return (tree: Root, file: VFile) => {
    const prefix = `${renderDataOf(file).section.id}--`;
    const slugger = new GithubSlugger();
    const ids = new Set<string>();
    walkTree(tree, isElement, (node) => {
      if (headingTags.has(node.tagName) && typeof node.properties['id'] !== 'string') {
        node.properties['id'] = slugger.slug(textOf(node)) || 'heading';
      }
      const id = node.properties['id'];
      if (typeof id === 'string') ids.add(id);
    });
    const rename = (value: string) => (ids.has(value) ? prefix + value : value);
    walkTree(tree, isElement, (node) => {
      const props: Properties = node.properties;
      if (typeof props['id'] === 'string') props['id'] = prefix + props['id'];
      const href = props['href'];
      if (typeof href === 'string' && href.startsWith('#')) {
        let target = href.slice(1);
        try {
          target = decodeURIComponent(target);
        } catch {
          // Keep an undecodable fragment as written.
        }
        if (ids.has(target)) props['href'] = `#${prefix}${target}`;
      }
      for (const key of ['ariaDescribedBy', 'ariaLabelledBy']) {
        const value = props[key];
        if (Array.isArray(value)) props[key] = value.map((v) => rename(String(v)));
        else if (typeof value === 'string') props[key] = value.split(/\s+/).map(rename).join(' ');
      }
    });
  };
}

function textOf(node: Element): string {
  let out = '';
  walkTree(node, isText, (t) => {
    out += t.value;
  });
  return out;
}

function isText(node: Node): node is Text {
  return node.type === 'text';
}

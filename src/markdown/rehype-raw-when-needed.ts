import type { Root } from 'hast';
import rehypeRaw, { type Options } from 'rehype-raw';
import type { Transformer } from 'unified';
import type { Node } from 'unist';
import { EXIT, walkTree } from './walk-tree.js';

/**
 * rehype-raw, run only on trees that hold raw HTML. It re-parses the whole tree through parse5
 * (a third of the section stage's time on the bench corpus), and a tree built from Markdown
 * alone has nothing for it to parse: remark-rehype already made well-formed elements.
 */
export function rehypeRawWhenNeeded(options: Options): Transformer<Root, Root> {
  const raw = rehypeRaw(options) as Transformer<Root, Root>;
  // Two parameters: a third (`next`) would make unified treat the transformer as asynchronous.
  return (tree, file) => {
    let found = false;
    walkTree(tree, isRaw, () => {
      found = true;
      return EXIT;
    });
    return found ? (raw(tree, file, () => undefined) as Root) : tree;
  };
}

function isRaw(node: Node): node is Node & { type: 'raw' } {
  return node.type === 'raw';
}

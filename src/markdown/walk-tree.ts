import type { Element } from 'hast';
import type { Node, Parent } from 'unist';

/** Returned by a visitor: do not go into this node's children. */
export const SKIP = 'skip';
/** Returned by a visitor: stop the walk. */
export const EXIT = 'exit';

/**
 * What a visitor returns: nothing, to go on into the node's children; SKIP; EXIT; or, after it
 * changed `parent.children`, the index in `parent` to go on at (the node's children are skipped).
 */
export type WalkResult = void | typeof SKIP | typeof EXIT | number;

/**
 * Visits, depth first and in document order, every node below `tree` that `is` accepts (the
 * root itself is not visited). The section stage walks every section's trees about ten times,
 * and unist-util-visit, with its closure and ancestor array per node, took 20 times as long as
 * this loop over the same trees (120 ms against 4–6 ms for 10 walks of 60 sections, measured):
 * more than half of the section stage's time on the bench corpus. The semantics are the subset
 * of unist-util-visit's that the plugins use.
 */
export function walkTree<T extends Node>(tree: Parent, is: (node: Node) => node is T, visitor: (node: T, index: number, parent: Parent) => WalkResult): void {
  walkChildren(tree, is, visitor);
}

/** False when a visitor asked to stop. */
function walkChildren<T extends Node>(parent: Parent, is: (node: Node) => node is T, visitor: (node: T, index: number, parent: Parent) => WalkResult): boolean {
  const children = parent.children;
  let index = 0;
  while (index < children.length) {
    const node = children[index]!;
    let next = index + 1;
    let enter = true;
    if (is(node)) {
      const result = visitor(node, index, parent);
      if (result === EXIT) return false;
      if (result === SKIP) enter = false;
      else if (typeof result === 'number') {
        enter = false;
        next = result;
      }
    }
    if (enter && isParent(node) && !walkChildren(node, is, visitor)) return false;
    index = next;
  }
  return true;
}

function isParent(node: Node): node is Parent {
  return Array.isArray((node as Partial<Parent>).children);
}

/** The test for hast elements, which most walks look for. */
export function isElement(node: Node): node is Element {
  return node.type === 'element';
}

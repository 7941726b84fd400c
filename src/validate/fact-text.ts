import type { ElementContent } from 'hast';
import { displayOfFact } from '../markdown/format-fact-value.js';
import { renderInlineMarkdown } from '../markdown/render-inline-markdown.js';
import type { Fact } from '../schema/fact-schema.js';

const statementCache = new WeakMap<object, string>();

/** A fact's statement as a reader sees it: inline Markdown rendered, then reduced to text. */
export function statementText(fact: Pick<Fact, 'statement'>): string {
  const cached = statementCache.get(fact);
  if (cached !== undefined) return cached;
  const text = hastText(renderInlineMarkdown(fact.statement));
  statementCache.set(fact, text);
  return text;
}

/** The text a `:fact[id]` (or `{{fact}}`) puts in front of the reader, mirroring factToHast. */
export function renderedFactText(fact: Pick<Fact, 'statement' | 'display' | 'value'>, show: 'value' | 'statement'): string {
  if (show === 'value') {
    const display = displayOfFact(fact);
    if (display !== undefined) return display;
  }
  return statementText(fact);
}

export function hastText(nodes: readonly ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') out += hastText(node.children);
  }
  return out;
}

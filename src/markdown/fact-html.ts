import type { Element, ElementContent } from 'hast';
import type { FactEntity } from '../schema/model.js';
import { createCitePlaceholder } from './cite-placeholder.js';
import { displayOfFact } from './format-fact-value.js';
import { renderInlineMarkdown } from './render-inline-markdown.js';

/**
 * A fact as it appears in prose: its display value (or statement) in a span carrying its id,
 * followed by a citation mark for all its sources. The one shape used by sections and templates.
 */
export function factToHast(fact: FactEntity, show: 'value' | 'statement'): ElementContent[] {
  const display = show === 'value' ? displayOfFact(fact) : undefined;
  const content: ElementContent[] = display !== undefined ? [{ type: 'text', value: display }] : renderInlineMarkdown(fact.statement);
  const span: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: display !== undefined ? ['fact'] : ['fact', 'fact-statement'], dataFact: fact.id },
    children: content,
  };
  return [span, createCitePlaceholder(fact.sources)];
}

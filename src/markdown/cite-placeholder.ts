import type { Element } from 'hast';

export const citePlaceholderTag = 'bw-cite';

/**
 * A citation mark whose number is not known yet: numbers follow reading order across the
 * whole document (templates included), so they are assigned when the document is assembled.
 * Only trusted code creates these, after sanitizing.
 */
export function createCitePlaceholder(sourceIds: readonly string[]): Element {
  return { type: 'element', tagName: citePlaceholderTag, properties: { dataSources: sourceIds.join(' ') }, children: [] };
}

/** The same placeholder as HTML, for template helpers. Source ids are kebab-case: no escaping needed. */
export function citePlaceholderHtml(sourceIds: readonly string[]): string {
  return `<${citePlaceholderTag} data-sources="${sourceIds.join(' ')}"></${citePlaceholderTag}>`;
}

export const citePlaceholderPattern = /<bw-cite data-sources="([a-z0-9 -]*)"><\/bw-cite>/g;

/**
 * How an output's elements are read (readOutput): shared by the parse5 walk and the one-pass
 * reading of simple outputs (readSimpleOutput), which must give exactly the same result.
 */

/** Not text: style sheets and scripts (and fonts inside them) are never read as prose. */
export const skippedElements: ReadonlySet<string> = new Set(['style', 'script', 'noscript', 'template']);

/** Elements whose text is a block of its own: a line break is read before and after each. */
export const blockElements: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td',
  'th', 'title', 'tr', 'ul',
]);

/** Attributes whose values readers see (tooltips, alt text, screen readers) or search engines index. */
const readAttributes = new Set(['alt', 'title', 'aria-label', 'aria-description', 'content', 'placeholder']);

/**
 * What one element's attributes add to the reading: its id or anchor name, its link, visible
 * values. Namespaced attributes (xlink:href, xml:lang) are other properties than id, name or href.
 */
export function visitAttributes(
  tagName: string,
  attributes: Iterable<{ readonly name: string; readonly value: string; readonly namespace?: string | undefined }>,
  parts: string[],
  ids: Set<string>,
  hrefs: string[],
): void {
  const link = tagName === 'a' || tagName === 'area';
  for (const { name, value, namespace } of attributes) {
    if (namespace !== undefined) continue;
    if (name === 'id' || (link && name === 'name')) ids.add(value);
    if (link && name === 'href') hrefs.push(value);
    if (readAttributes.has(name) && value.trim() !== '') parts.push('\n', value, '\n');
  }
}

import { citePlaceholderPattern } from '../markdown/cite-placeholder.js';

export interface NumberedCitations {
  readonly html: string;
  /** Source ids in order of first citation: number n is order[n - 1]. */
  readonly order: readonly string[];
}

/**
 * Replaces citation placeholders with numbered marks in reading order, so the first source
 * cited anywhere in the finished document (key figures, sections, letter body) is [1].
 */
export function numberCitations(html: string): NumberedCitations {
  const order: string[] = [];
  const numberOf = new Map<string, number>();
  const numbered = html.replace(citePlaceholderPattern, (_match, ids: string) => {
    const numbers = new Set<number>();
    for (const id of ids.split(' ').filter(Boolean)) {
      let n = numberOf.get(id);
      if (n === undefined) {
        order.push(id);
        n = order.length;
        numberOf.set(id, n);
      }
      numbers.add(n);
    }
    const links = [...numbers]
      .sort((a, b) => a - b)
      .map((n) => `<a href="#source-${order[n - 1]!}" aria-label="Source ${n}">${n}</a>`);
    return `<sup class="cite">${links.join('<span class="cite-sep">,</span>')}</sup>`;
  });
  return { html: numbered, order };
}

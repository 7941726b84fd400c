import type { Fact } from '../schema/fact-schema.js';
import type { FactValue } from '../schema/scalars.js';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** `2026-06-10` → `June 10, 2026`; dates are calendar days, so UTC keeps them from shifting. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatValue(value: FactValue): string {
  switch (value.kind) {
    case 'number':
      return formatNumber(value.number);
    case 'date':
      return formatDate(value.date);
    case 'text':
      return value.text;
  }
}

/** How a fact reads in prose: its `display`, else its formatted value; undefined when it has neither. */
export function displayOfFact(fact: Pick<Fact, 'display' | 'value'>): string | undefined {
  if (fact.display !== undefined) return fact.display;
  if (fact.value !== undefined) return formatValue(fact.value);
  return undefined;
}

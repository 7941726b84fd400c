import type { Fact } from '../schema/fact-schema.js';
import type { FactValue } from '../schema/scalars.js';

/**
 * Numbers and dates read as `Intl` formats them in en-US, without paying for `Intl` when the
 * value is ordinary. The first `Intl` formatter of a process loads ICU's locale data: ≈25 ms for
 * the NumberFormat and ≈7 ms more for a DateTimeFormat, cold, on the main thread of every build
 * (they were made at module load). Plain decimals and dates of years 1–9999 are
 * written here; anything else (exponents, −0, more than 20 fraction digits, non-finite values,
 * years before 1, invalid dates) goes to the `Intl` formatter itself, made on first use. Property
 * tests compare both paths on seeded values (test/unit/markdown/format-fact-value.test.ts).
 */

/** `Intl`'s formatters, made the first time a value needs one. */
const intl = {
  number: lazy(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 })),
  long: lazy(() => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })),
  short: lazy(() => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })),
  numeric: lazy(() => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })),
};

export type DateStyle = 'long' | 'short' | 'numeric';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What `String(n)` gives for a number Intl writes with the same digits: ECMAScript's shortest
 * round-trip digits are the ones ICU starts from, and up to 20 fraction digits none is rounded.
 */
const plainDecimal = /^(-?)(\d+)(?:\.(\d{1,20}))?$/;

/** `28800000` → `28,800,000`; `-1234.5` → `-1,234.5` (en-US, up to 20 fraction digits). */
export function formatNumber(n: number): string {
  const match = Object.is(n, -0) ? null : plainDecimal.exec(String(n));
  if (!match) return intl.number().format(n);
  const [, sign, whole, fraction] = match as unknown as [string, string, string, string | undefined];
  return `${sign}${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * `2026-06-10` → `June 10, 2026` (long), `Jun 10, 2026` (short) or `06/10/2026` (numeric).
 * Dates are calendar days, so UTC keeps them from shifting.
 */
export function formatDate(isoDate: string, style: DateStyle = 'long'): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const year = date.getUTCFullYear();
  // NaN fails both tests. Year 0 and earlier read as eras (`1 BC`).
  if (!(year >= 1 && year <= 9999)) return intl[style]().format(date);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  switch (style) {
    case 'long':
      return `${monthNames[month]!} ${day}, ${year}`;
    case 'short':
      return `${monthNames[month]!.slice(0, 3)} ${day}, ${year}`;
    case 'numeric':
      return `${String(month + 1).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year}`;
  }
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

function groupThousands(digits: string): string {
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return grouped;
}

function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

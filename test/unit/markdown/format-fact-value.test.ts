import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, type DateStyle } from '../../../src/markdown/format-fact-value.js';
import { seeded } from '../../helpers/seeded.js';

const intlNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
const intlDate: Record<DateStyle, Intl.DateTimeFormat> = {
  long: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  short: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  numeric: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }),
};

/** Numbers of every shape a fact may hold: integers, money, percentages, tiny, huge, negative. */
function* sampleNumbers(count: number): Generator<number> {
  const random = seeded(20261126);
  for (let i = 0; i < count; i++) {
    const magnitude = 10 ** Math.floor(random() * 50 - 25);
    const sign = random() < 0.2 ? -1 : 1;
    const shapes = [
      () => Math.floor(random() * magnitude),
      () => random() * magnitude,
      () => Math.round(random() * 1e6) / 100,
      () => Number((random() * magnitude).toPrecision(1 + Math.floor(random() * 17))),
      () => Math.round(random() * 2 ** 53),
    ];
    yield sign * shapes[i % shapes.length]!();
  }
}

describe('formatNumber', () => {
  it('writes what Intl writes in en-US', () => {
    expect(formatNumber(28800000)).toBe('28,800,000');
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    for (const n of [0, -0, 1, 999, 1000, 1e20, 1e21, 1.5e300, 1e-6, 1e-7, 123456.000001, 2 ** 53, 5e-324, NaN, Infinity, -Infinity]) {
      expect(formatNumber(n), String(n)).toBe(intlNumber.format(n));
    }
  });

  it('agrees with Intl on 20,000 seeded numbers', () => {
    for (const n of sampleNumbers(20_000)) expect(formatNumber(n), String(n)).toBe(intlNumber.format(n));
  });
});

describe('formatDate', () => {
  it('writes long, short and numeric dates as Intl does', () => {
    expect(formatDate('2026-06-10')).toBe('June 10, 2026');
    expect(formatDate('2026-09-03', 'short')).toBe('Sep 3, 2026');
    expect(formatDate('2026-05-31', 'numeric')).toBe('05/31/2026');
  });

  it('agrees with Intl on every style for seeded days from year 1 to 9999, and on invalid dates', () => {
    const random = seeded(20260610);
    const days = ['1582-10-04', '1582-10-15', '1599-12-31', '1600-01-01', '0001-01-01', '9999-12-31', '2024-02-29', '0000-06-01'];
    const first = Date.parse('0001-01-01T00:00:00Z');
    const last = Date.parse('9999-12-31T00:00:00Z');
    for (let i = 0; i < 4000; i++) days.push(new Date(first + Math.floor((random() * (last - first)) / 86_400_000) * 86_400_000).toISOString().slice(0, 10));
    for (const iso of days) {
      for (const style of ['long', 'short', 'numeric'] as const) expect(formatDate(iso, style), `${iso} ${style}`).toBe(intlDate[style].format(new Date(`${iso}T00:00:00Z`)));
    }
    expect(() => formatDate('2026-13-01')).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { findNumbers, precisionOf } from '../../../src/validate/prose-numbers.js';

const read = (text: string) => findNumbers(text).map((n) => [n.text, n.value, n.kind] as const);

describe('findNumbers', () => {
  it('reads figures with scales, currency, percent and units', () => {
    expect(read('28.8 million queries, 25,000 accounts, a 16-month low, $1.2 billion, 40% and 12 percent, $3bn, 25k.')).toEqual([
      ['28.8 million', 28_800_000, 'count'],
      ['25,000', 25_000, 'count'],
      ['16', 16, 'count'],
      ['$1.2 billion', 1_200_000_000, 'currency'],
      ['40%', 40, 'percent'],
      ['12 percent', 12, 'percent'],
      ['$3bn', 3_000_000_000, 'currency'],
      ['25k', 25_000, 'count'],
    ]);
  });

  it('reads numbers written in words only with a scale', () => {
    expect(read('twenty-five thousand accounts and two million queries, one of the two firms')).toEqual([
      ['twenty-five thousand', 25_000, 'count'],
      ['two million', 2_000_000, 'count'],
    ]);
  });

  it('leaves out what is not a quantity', () => {
    for (const text of [
      'In 2026 and on June 10, 2026, and 10 June.',
      'The 3rd and 21st time, at 10:30, a ratio of 3:1.',
      'Claude 3 and Qwen 2.5, GPT-4, H100, Qwen3, 4o.',
      'See section 12, page 40, § 5, table 14 and rule 10.',
      'Dates 2026-06-24 and 6/24, version 2.5.1, example.com/2026/x.',
      'Call +1 202 555 0100.',
      'We have 3 options.',
      '(12) a marker',
    ]) {
      expect(read(text), text).toEqual([]);
    }
    expect(read('2. Background')).toEqual([]);
    expect(read('1.2 Scope')).toEqual([]);
  });

  it('knows names from sentence-initial words', () => {
    expect(read('About 300 engineers. Anthropic’s 25,000 accounts.').map((n) => n[0])).toEqual(['300', '25,000']);
  });

  it('records the words that follow, singular', () => {
    expect(findNumbers('25,500 fraudulent accounts')[0]?.unitWords).toEqual(['fraudulent', 'account']);
    expect(findNumbers('28.5 million of the queries')[0]?.unitWords).toEqual(['query']);
  });
});

describe('precisionOf', () => {
  it('is the step of the last significant written digit', () => {
    expect(precisionOf('28.8')).toBe(0.1);
    expect(precisionOf('25000')).toBe(1000);
    expect(precisionOf('25500')).toBe(100);
    expect(precisionOf('16')).toBe(1);
  });
});

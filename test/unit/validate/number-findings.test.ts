import { describe, expect, it } from 'vitest';
import type { FactEntity } from '../../../src/schema/model.js';
import { judgeNumber, type FactNumber } from '../../../src/validate/number-findings.js';
import { findNumbers, wordsOf } from '../../../src/validate/prose-numbers.js';

const fact = { id: 'queries' } as FactEntity;
const candidate = (value: number, kind: FactNumber['kind'], words: string): FactNumber => ({ fact, value, kind, text: String(value), words: wordsOf(words) });
const judge = (prose: string, candidates: FactNumber[]) => judgeNumber(findNumbers(prose)[0]!, candidates).kind;

describe('judgeNumber', () => {
  const queries = [candidate(28_800_000, 'count', 'the accounts generated 28.8 million queries')];
  const accounts = [candidate(25_000, 'any', 'nearly 25,000 fraudulent accounts')];

  it('accepts the same figure and fair roundings of it', () => {
    expect(judge('28.8 million queries', queries)).toBe('consistent');
    expect(judge('28,800,000 queries', queries)).toBe('consistent');
    expect(judge('about 29 million queries', queries)).toBe('consistent');
    expect(judge('25,000 accounts', accounts)).toBe('consistent');
  });

  it('calls a close but different figure about the same thing a mismatch', () => {
    expect(judge('28.5 million queries', queries)).toBe('mismatch');
    expect(judge('25,500 accounts', accounts)).toBe('mismatch');
    expect(judge('The total was 27 million.', queries)).toBe('mismatch');
  });

  it('does not compare different things, kinds, or distant figures', () => {
    expect(judge('25,500 employees', accounts)).toBe('unsourced');
    expect(judge('$28.5 million in damages', queries)).toBe('unsourced');
    expect(judge('20 million queries', queries)).toBe('unsourced');
    expect(judge('a 15-day wait', [candidate(16, 'count', 'a 16-month low')])).toBe('unsourced');
    expect(judge('a 15-month low', [candidate(16, 'count', 'a 16-month low')])).toBe('mismatch');
  });
});

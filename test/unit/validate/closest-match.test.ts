import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../../src/validate/closest-match.js';

describe('closestMatch', () => {
  it('suggests near typos only', () => {
    expect(closestMatch('acounts', ['accounts', 'queries'])).toBe('accounts');
    expect(closestMatch('letter-dat', ['letter-date'])).toBe('letter-date');
    expect(closestMatch('zzz', ['accounts'])).toBeUndefined();
  });
});

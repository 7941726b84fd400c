import { describe, expect, it } from 'vitest';
import { matchesAny } from '../../../src/config/match-ids.js';

describe('matchesAny', () => {
  it('matches ids and globs, anchored', () => {
    expect(matchesAny('letter-senate', ['letter-*'])).toBe(true);
    expect(matchesAny('letter-senate', ['letter'])).toBe(false);
    expect(matchesAny('faq', ['f?q', 'x'])).toBe(true);
    expect(matchesAny('a.b', ['a?b'])).toBe(true);
    expect(matchesAny('axb', ['a.b'])).toBe(false);
  });
});

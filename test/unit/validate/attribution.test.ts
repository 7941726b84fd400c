import { describe, expect, it } from 'vitest';
import { attributionNames, findAttribution } from '../../../src/validate/attribution.js';

describe('findAttribution', () => {
  it('accepts the attributed party, its first word, or an attribution phrase', () => {
    expect(findAttribution('Anthropic PBC says so.', 'Anthropic PBC')).toBe('Anthropic PBC');
    expect(findAttribution('Per anthropic, nearly 25,000 accounts.', 'Anthropic PBC')).toBe('Anthropic');
    expect(findAttribution('Nearly 25,000 accounts were used, according to the letter.', 'Anthropic')).toBe('according to');
    expect(findAttribution('The company reportedly used 25,000 accounts.', 'Anthropic')).toBe('reportedly');
    expect(findAttribution('It describes 25,000 accounts.', undefined)).toBe('describes');
  });

  it('matches whole words only', () => {
    expect(findAttribution('Nearly 25,000 accounts were used.', 'Anthropic')).toBeUndefined();
    expect(findAttribution('The claimant’s 25,000 accounts.', undefined)).toBeUndefined();
    expect(findAttribution('Anthropical things happened.', 'Anthropic')).toBeUndefined();
  });

  it('does not use a bare article as a name', () => {
    expect(attributionNames('The Information')).toEqual(['The Information']);
    expect(attributionNames('XX blog')).toEqual(['XX blog', 'XX']);
  });
});

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

  it('takes letters and digits of any script, astral ones included, as part of a word', () => {
    expect(findAttribution('Anthropicé wrote nothing here.', 'Anthropic')).toBe('wrote');
    expect(findAttribution('ЖAnthropic 25,000.', 'Anthropic')).toBeUndefined();
    expect(findAttribution('𝐀Anthropic 25,000.', 'Anthropic')).toBeUndefined();
    expect(findAttribution('Anthropic𝟐 25,000.', 'Anthropic')).toBeUndefined();
    expect(findAttribution('😀Anthropic 25,000.', 'Anthropic')).toBe('Anthropic');
    expect(findAttribution('Anthropic’s count: 25,000.', 'Anthropic')).toBe('Anthropic');
  });

  it('finds a standalone occurrence after one inside a word, and phrases across any whitespace', () => {
    expect(findAttribution('Unsaid, then said: 25,000.', undefined)).toBe('said');
    expect(findAttribution('25,000, according\n   to the letter.', undefined)).toBe('according to');
  });

  it('does not use a bare article as a name', () => {
    expect(attributionNames('The Information')).toEqual(['The Information']);
    expect(attributionNames('XX blog')).toEqual(['XX blog', 'XX']);
  });
});

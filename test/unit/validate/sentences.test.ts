import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from '../../../src/validate/sentences.js';

const split = (text: string, atomic?: (i: number) => boolean) => splitSentences(text, atomic).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on terminal punctuation followed by a new sentence', () => {
    expect(split('Anthropic alleges it. Alibaba denies it! Who knows? Nobody.')).toEqual([
      'Anthropic alleges it.',
      'Alibaba denies it!',
      'Who knows?',
      'Nobody.',
    ]);
  });

  it('does not split after abbreviations, acronyms, initials or inside numbers', () => {
    expect(split('Dr. Smith told Sen. Warren that the U.S. Senate met. It was 28.8 million, e.g. many.')).toEqual([
      'Dr. Smith told Sen. Warren that the U.S. Senate met.',
      'It was 28.8 million, e.g. many.',
    ]);
    expect(split('J. Doe of Alibaba Group Holding Ltd. spoke.')).toEqual(['J. Doe of Alibaba Group Holding Ltd. spoke.']);
  });

  it('keeps closing quotes and citation marks with the sentence they end', () => {
    expect(split('He said "no." Then left.')).toEqual(['He said "no."', 'Then left.']);
    expect(split('It happened.\uFFFC Then more.')).toEqual(['It happened.\uFFFC', 'Then more.']);
  });

  it('never splits inside an inserted unit, and a unit after ". " starts a sentence', () => {
    const text = 'Reports say X. nearly 25,000 accounts. Done.';
    const start = text.indexOf('nearly');
    const atomic = (i: number) => i >= start && i < start + 'nearly 25,000'.length;
    expect(split(text, atomic)).toEqual(['Reports say X. nearly 25,000 accounts.', 'Done.']);
    const unit = 'Anthropic alleges that Alibaba did it.';
    const t2 = `First. ${unit} Second.`;
    const s2 = t2.indexOf(unit);
    expect(split(t2, (i) => i >= s2 && i < s2 + unit.length)).toEqual(['First.', unit, 'Second.']);
  });

  it('finds the sentence holding an index', () => {
    const text = 'One. Two three. Four.';
    const spans = splitSentences(text);
    expect(text.slice(sentenceAt(spans, text.indexOf('three'))!.start, sentenceAt(spans, text.indexOf('three'))!.end)).toBe('Two three.');
  });
});

import type { Range } from '../diagnostics/index.js';
import { displayOfFact } from '../markdown/format-fact-value.js';
import type { Fact } from '../schema/fact-schema.js';
import type { FactEntity, Model, SectionEntity } from '../schema/model.js';
import { sensitivityRank } from '../schema/scalars.js';
import { statementText } from './fact-text.js';
import { findNumbers, wordsOf, type NumberKind, type ProseNumber } from './prose-numbers.js';
import { authoredText, blockRange, isFactText, proseBlocks } from './section-prose.js';
import { sentenceAt, splitSentences } from './sentences.js';

/**
 * Numbers typed in section prose (text the author wrote, never a fact's rendering), each judged
 * against the facts the section may use (those at or below its sensitivity):
 *
 * - consistent: equal to a fact's number, or a fair rounding of it (within half the step of
 *   the last written digit, and within 5%): "29 million" for 28,800,000 — sourced;
 * - mismatch: otherwise within 10% of a fact's number of the same kind (count, percent,
 *   currency) about the same thing — an error naming the fact. "The same thing" means the
 *   words after the number ("25,500 accounts") appear in the fact's label, display or
 *   statement, or one side has no such words; below 100 (where 10% is a step of one) the words
 *   must agree;
 * - unsourced: anything else, unless its sentence cites a source with `:cite[…]`.
 *
 * Scanned: section bodies (paragraphs, headings, table cells, list items, notes). Not scanned:
 * front matter (titles and summaries are labels) and templates, whose literal text is layout
 * ("Page", dates, addresses), not claims — figures in templates come through `{{fact}}`.
 */
export interface NumberFinding {
  readonly section: SectionEntity;
  readonly number: ProseNumber;
  readonly range: Range | undefined;
  readonly verdict: Verdict;
}

export type Verdict =
  | { readonly kind: 'consistent'; readonly fact: FactEntity }
  | { readonly kind: 'mismatch'; readonly fact: FactEntity; readonly factNumber: FactNumber }
  | { readonly kind: 'unsourced'; readonly cited: boolean };

export interface FactNumber {
  readonly fact: FactEntity;
  readonly value: number;
  /** 'any' for a bare `value` whose display says nothing about its kind. */
  readonly kind: NumberKind | 'any';
  /** How the number reads in the fact, for messages. */
  readonly text: string;
  readonly words: ReadonlySet<string>;
}

export const roundingTolerance = 0.05;
export const mismatchTolerance = 0.1;

const cache = new WeakMap<Model, NumberFinding[]>();

export function numberFindings(model: Model): NumberFinding[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const factNumbers = [...model.facts.values()].flatMap(numbersOfFact);
  const out: NumberFinding[] = [];
  for (const section of model.sections.values()) {
    const allowed = factNumbers.filter((f) => sensitivityRank(f.fact.sensitivity) <= sensitivityRank(section.sensitivity));
    for (const block of proseBlocks(section, model)) {
      // Fact renderings are masked: only what the author typed is scanned.
      const numbers = findNumbers(authoredText(block));
      if (numbers.length === 0) continue;
      const spans = splitSentences(block.text, (i) => isFactText(block, i));
      for (const number of numbers) {
        let verdict = judgeNumber(number, allowed);
        if (verdict.kind === 'unsourced') {
          const sentence = sentenceAt(spans, number.start);
          const cited = block.pieces.some((p) => p.kind === 'cite' && sentence !== undefined && p.start >= sentence.start && p.start < sentence.end);
          verdict = { kind: 'unsourced', cited };
        }
        out.push({ section, number, range: blockRange(block, number.start, number.end), verdict });
      }
    }
  }
  cache.set(model, out);
  return out;
}

/** The numbers a fact states: its value, and the figures in its display and statement. */
export function numbersOfFact(fact: FactEntity): FactNumber[] {
  const texts = factTexts(fact);
  const words = ahead.words.get(texts.all) ?? wordsOf(texts.all);
  const displayNumbers = numbersIn(texts.display);
  const out: FactNumber[] = [];
  if (fact.value?.kind === 'number') {
    const value = fact.value.number;
    const shown = displayNumbers.find((n) => n.value === value);
    out.push({ fact, value, kind: shown?.kind ?? 'any', text: displayOfFact(fact) ?? String(value), words });
  }
  for (const n of [...displayNumbers, ...numbersIn(texts.statement)]) {
    out.push({ fact, value: n.value, kind: n.kind, text: n.text, words });
  }
  return out;
}

type FactWording = Pick<Fact, 'statement' | 'display' | 'label'>;

/** The texts numbersOfFact reads: the display, the statement as read, and all three together. */
function factTexts(fact: FactWording): { display: string; statement: string; all: string } {
  const statement = statementText(fact);
  return { display: fact.display ?? '', statement, all: [fact.label ?? '', fact.display ?? '', statement].join(' ') };
}

/**
 * The figures and words of fact texts, found ahead of validation (prepareFactNumbers), by exact
 * text: both are functions of the text alone, so an entry can never be stale, only missing.
 */
let ahead = { numbers: new Map<string, readonly ProseNumber[]>(), words: new Map<string, Set<string>>() };

const numbersIn = (text: string): readonly ProseNumber[] => ahead.numbers.get(text) ?? findNumbers(text);

/**
 * Finds the figures and words of these facts' texts now, for numbersOfFact to take later. The
 * build calls it while the Markdown thread parses the sections and this thread would only wait;
 * done after the trees arrive, the first calls (a cold start, the number-words pattern's
 * compilation among it) held up validation, and with it every output, by ≈20 ms. Replaces what
 * an earlier call found, so it holds one build's texts.
 */
export function prepareFactNumbers(facts: readonly FactWording[]): void {
  ahead = { numbers: new Map(), words: new Map() };
  for (const fact of facts) {
    const texts = factTexts(fact);
    for (const text of [texts.display, texts.statement]) if (!ahead.numbers.has(text)) ahead.numbers.set(text, findNumbers(text));
    if (!ahead.words.has(texts.all)) ahead.words.set(texts.all, wordsOf(texts.all));
  }
}

function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

type Agreement = 'yes' | 'no' | 'unknown';

function wordsAgree(number: ProseNumber, fact: FactNumber): Agreement {
  if (number.unitWords.length === 0 || fact.words.size === 0) return 'unknown';
  return number.unitWords.some((w) => fact.words.has(w)) ? 'yes' : 'no';
}

/** Judges one typed number against the candidate fact numbers (see NumberFinding). */
export function judgeNumber(number: ProseNumber, candidates: readonly FactNumber[]): Verdict {
  let closest: { factNumber: FactNumber; difference: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.kind !== 'any' && candidate.kind !== number.kind) continue;
    const agree = wordsAgree(number, candidate);
    if (agree === 'no') continue;
    const difference = relativeDifference(number.value, candidate.value);
    const withinRounding = Math.abs(number.value - candidate.value) <= number.precision / 2 + 1e-9 * Math.abs(candidate.value);
    if (withinRounding && difference <= roundingTolerance) return { kind: 'consistent', fact: candidate.fact };
    if (difference > mismatchTolerance) continue;
    if (Math.max(Math.abs(number.value), Math.abs(candidate.value)) < 100 && agree !== 'yes') continue;
    if (!closest || difference < closest.difference) closest = { factNumber: candidate, difference };
  }
  if (closest) return { kind: 'mismatch', fact: closest.factNumber.fact, factNumber: closest.factNumber };
  return { kind: 'unsourced', cited: false };
}

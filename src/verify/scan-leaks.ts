import { displayOfFact } from '../markdown/format-fact-value.js';
import type { FactEntity, Model } from '../schema/model.js';
import { sensitivityRank, type Sensitivity } from '../schema/scalars.js';
import { foldText } from '../validate/attribution.js';
import { statementText } from '../validate/fact-text.js';
import { findNumbers } from '../validate/prose-numbers.js';

/**
 * The proof after the fact: a finished output's text is searched for every fact above its
 * distribution. Whatever path carried it there — a section, a template, a recipient field, a
 * document title, a copy-pasted sentence — a hit fails the output.
 *
 * - Statements are always searched (whole, folded for case, quotes, dashes and whitespace,
 *   without their final punctuation), if at least three words long (shorter ones are not a
 *   statement anyone could recognize) and not also said by a fact the output may contain.
 * - Display values are searched only when distinctive, because a short value such as
 *   "June 2026" or "40%" legitimately appears in public text. Distinctive means:
 *   a figure with at least two significant digits ("25,000", "28.8 million", "$1.2 billion")
 *   in a display of six characters or more, or a text value of two words and ten characters
 *   or more; never a date; and never a text that also belongs to a fact the output may contain
 *   or to the title of one of their sources (a public fact showing the same "nearly 25,000"
 *   makes that text legitimate).
 *   Matches are whole: "25,000" does not match inside "125,000" or "25,000,000".
 */
export interface LeakNeedle {
  readonly fact: FactEntity;
  readonly what: 'statement' | 'display value';
  readonly text: string;
  readonly pattern: RegExp;
}

export interface LeakHit {
  readonly fact: FactEntity;
  readonly what: LeakNeedle['what'];
  readonly text: string;
}

const needleCache = new WeakMap<Model, Map<Sensitivity, LeakNeedle[]>>();

/** What an output distributed at `distribution` must not contain. */
export function leakNeedles(model: Model, distribution: Sensitivity): LeakNeedle[] {
  let byLevel = needleCache.get(model);
  if (!byLevel) {
    byLevel = new Map();
    needleCache.set(model, byLevel);
  }
  const cached = byLevel.get(distribution);
  if (cached) return cached;
  const facts = [...model.facts.values()];
  const allowed = facts.filter((f) => sensitivityRank(f.sensitivity) <= sensitivityRank(distribution));
  // Text the output may legitimately hold: what its allowed facts show, and the titles of their sources.
  const allowedTexts = [
    ...allowed.flatMap((f) => [displayOfFact(f), statementText(f)]),
    ...new Set(allowed.flatMap((f) => f.sources).map((id) => model.sources.get(id)?.title)),
  ]
    .filter((t): t is string => t !== undefined)
    .map(foldText);
  const needles: LeakNeedle[] = [];
  for (const fact of facts) {
    if (sensitivityRank(fact.sensitivity) <= sensitivityRank(distribution)) continue;
    const statement = foldText(statementText(fact)).trim().replace(/[.!?;:,]+$/u, '');
    const statementPattern = wholePattern(statement);
    if (statement.split(' ').length >= 3 && !allowedTexts.some((t) => statementPattern.test(t))) {
      needles.push({ fact, what: 'statement', text: statement, pattern: statementPattern });
    }
    const display = displayOfFact(fact);
    if (display !== undefined && fact.value?.kind !== 'date' && isDistinctive(display, allowedTexts)) {
      const folded = foldText(display).trim();
      needles.push({ fact, what: 'display value', text: folded, pattern: wholePattern(folded) });
    }
  }
  byLevel.set(distribution, needles);
  return needles;
}

/** See the module comment for the rule. */
export function isDistinctive(display: string, allowedTexts: readonly string[]): boolean {
  const folded = foldText(display).trim();
  if (looksLikeDate(folded)) return false;
  if (allowedTexts.some((t) => wholePattern(folded).test(t))) return false;
  const figures = findNumbers(display);
  if (figures.length > 0) return folded.length >= 6 && figures.some((n) => significantDigits(n.text) >= 2);
  if (/\p{N}/u.test(folded)) return false; // numbers too short or too plain to be figures
  return folded.split(' ').length >= 2 && folded.length >= 10;
}

const monthNames = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const datePattern = new RegExp(
  `^(?:(?:early|mid|late)[- ])?(?:${monthNames}(?: \\d{1,2}(?:st|nd|rd|th)?,?)?(?: \\d{4})?|\\d{1,2} ${monthNames}(?: \\d{4})?|\\d{4}(?:-\\d{2}(?:-\\d{2})?)?|q[1-4] \\d{4})$`,
  'u',
);

function looksLikeDate(folded: string): boolean {
  return datePattern.test(folded);
}

function significantDigits(text: string): number {
  const digits = text.replace(/[^\d.]/g, '');
  const [whole = '', fraction = ''] = digits.split('.');
  // Trailing zeros of a whole number are not significant ("25,000" has two); of a decimal they are.
  const significant = fraction ? `${whole}${fraction}` : whole.replace(/0+$/, '');
  return significant.replace(/^0+/, '').length;
}

function wholePattern(folded: string): RegExp {
  const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}]|\\p{N}[.,])${escaped}(?![\\p{L}\\p{N}]|[.,]\\p{N})`, 'u');
}

/** The facts above `distribution` whose statement or distinctive display value `text` contains. */
export function scanForLeaks(model: Model, distribution: Sensitivity, text: string): LeakHit[] {
  const folded = foldText(text);
  const hits: LeakHit[] = [];
  for (const needle of leakNeedles(model, distribution)) {
    if (needle.pattern.test(folded)) hits.push({ fact: needle.fact, what: needle.what, text: needle.text });
  }
  return hits;
}

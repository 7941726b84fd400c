/**
 * Sentence splitting for the prose checks. Deliberately small and predictable: a sentence ends
 * at `.`, `!` or `?` (plus closing quotes and brackets) followed by whitespace and a capital,
 * digit, opening quote or bracket — or at the end of the block. A period after a known
 * abbreviation ("Dr.", "Sen.", "Inc."), a dotted acronym ("U.S.", "e.g.") or a single initial
 * ("J.") does not end a sentence. When in doubt two sentences are merged rather than split: a
 * wrong split would report a correctly attributed claim, a wrong merge only lets a rare case pass.
 */

export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'amb', 'hon', 'rev',
  'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'dept', 'univ', 'assn', 'vs', 'etc', 'eg', 'ie', 'cf', 'al',
  'approx', 'est', 'no', 'nos', 'fig', 'figs', 'vol', 'p', 'pp', 'para', 'sec', 'art', 'ch', 'ed', 'eds',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri',
]);

const terminal = new Set(['.', '!', '?']);
const closers = new Set(['"', '\'', '”', '’', ')', ']', '»']);
const openers = /["'“‘(\[«¿¡]/u;
/** The placeholder prose blocks use for citation marks and other non-prose (U+FFFC). */
const mark = '\uFFFC';

/** Whether the period at `dot` belongs to an abbreviation rather than ending a sentence. */
export function isAbbreviationAt(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot);
  if (word === '') return false;
  if (/^\p{L}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g", "D.C"
  return abbreviations.has(word.toLowerCase().replace(/\./g, ''));
}

/**
 * Splits `text` into sentences. `atomic(i)` marks characters that belong to an inserted unit
 * (a fact's rendered text): no boundary is placed inside one, only after it.
 */
export function splitSentences(text: string, atomic: (index: number) => boolean = () => false): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!terminal.has(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && (terminal.has(text[end]!) || closers.has(text[end]!))) end++;
    // Inside an atomic unit (not at its last character) nothing ends.
    if (atomic(end - 1) && end < text.length && atomic(end)) continue;
    if (text[i] === '.' && end === i + 1 && isAbbreviationAt(text, i)) continue;
    if (end < text.length) {
      let next = end;
      while (next < text.length && /\s/u.test(text[next]!)) next++;
      if (next === end && text[next] !== mark) continue; // "28.8", "example.com": no space, no boundary
      // Citation marks right after the punctuation belong to the sentence that ends there.
      let boundary = end;
      while (text[next] === mark) {
        next++;
        boundary = next;
        while (next < text.length && /\s/u.test(text[next]!)) next++;
      }
      // An inserted unit right after ". " starts a sentence even if it reads lowercase ("nearly 25,000").
      if (next < text.length && !startsSentence(text[next]!) && !atomic(next)) continue;
      end = boundary;
    }
    out.push(trimSpan(text, start, end));
    start = end;
    i = end - 1;
  }
  if (start < text.length) {
    const last = trimSpan(text, start, text.length);
    if (last.end > last.start) out.push(last);
  }
  return out.filter((s) => s.end > s.start);
}

function startsSentence(char: string): boolean {
  return /\p{Lu}|\p{N}/u.test(char) || openers.test(char);
}

function trimSpan(text: string, start: number, end: number): SentenceSpan {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** The sentence containing `index` (the nearest one before it when it falls between two). */
export function sentenceAt(spans: readonly SentenceSpan[], index: number): SentenceSpan | undefined {
  let best: SentenceSpan | undefined;
  for (const span of spans) {
    if (span.start <= index) best = span;
    if (index < span.end) break;
  }
  return best;
}

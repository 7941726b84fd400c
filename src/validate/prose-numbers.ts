/**
 * Finds the numbers a reader would take as claims in a piece of prose: "28.8 million",
 * "25,000", "16-month", "$1.2 billion", "40%", "twenty-five thousand". Everything that reads as
 * a number but is not a quantity is left out, each for a stated reason:
 *
 * - part of a word or code: "H100", "Qwen3", "GPT-4", "4o", "v1.2", "#3", "+1", URLs and paths;
 * - ordinals ("3rd"), times and ratios ("10:30", "3:1"), ranges and ISO dates ("2025-26",
 *   "2026-06-24"), slashed dates and fractions ("6/24"), dotted versions ("2.5.1");
 * - years: a bare four-digit integer from 1800 to 2199;
 * - day numbers next to a month name ("June 10", "10 June");
 * - references: a number after section, §, part, page, figure, table, article, rule, step …;
 * - names with numbers: a number right after a capitalized word that does not start the
 *   sentence ("Claude 3", "Qwen 2.5", "Title 18");
 * - numbering at the start of a heading or paragraph ("2.", "3)", "1.2 "), "(1)" markers;
 * - digit groups in a row ("202 555 0100": phone numbers and codes);
 * - bare integers below 10 without %, currency or scale: counts of things in the text itself.
 *
 * Numbers written in words count only with a scale word ("twenty-five thousand",
 * "two million"): "one of the" or "two companies" are ordinary English, not figures.
 */

export type NumberKind = 'count' | 'percent' | 'currency';

export interface ProseNumber {
  /** Index range in the scanned text. */
  readonly start: number;
  readonly end: number;
  /** As written, e.g. "$1.2 billion". */
  readonly text: string;
  readonly value: number;
  readonly kind: NumberKind;
  /** The step of the last written digit: 28.8 million → 100,000; 25,000 → 1,000. */
  readonly precision: number;
  /** Up to two words following the number, singular and lowercase ("fraudulent", "account"). */
  readonly unitWords: readonly string[];
}

const scales: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  b: 1e9,
  bn: 1e9,
  tn: 1e12,
};

const months = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const referenceWords = new Set([
  'section', 'sections', 'sec', 'subsection', 'part', 'parts', 'chapter', 'chapters', 'ch', 'article', 'articles', 'art',
  'paragraph', 'paragraphs', 'para', 'page', 'pages', 'p', 'pp', 'figure', 'figures', 'fig', 'table', 'tables', 'annex',
  'appendix', 'item', 'items', 'no', 'nos', 'number', 'rule', 'rules', 'title', 'clause', 'step', 'steps', 'phase', 'tier',
  'version', 'v', 'footnote', 'note', 'notes', 'question', 'q', 'amendment', 'exhibit', 'docket', 'case', 'line', 'lines',
  'slide', 'option', 'options', 'level', 'stage', 'round', 'chart', 'box', 'schedule', 'division', 'subtitle', 'volume', 'vol',
  'issue', 'recommendation', 'finding', 'point', 'points', 'priority', 'annexe', 'tab', 'model', 'models',
]);

/** Words that say nothing about what a number counts ("25,000 of them", "28.8 million were"). */
const stopwords = new Set([
  'of', 'the', 'a', 'an', 'and', 'or', 'to', 'in', 'on', 'for', 'by', 'with', 'at', 'from', 'as', 'than', 'that', 'this',
  'were', 'was', 'is', 'are', 'be', 'been', 'had', 'has', 'have', 'them', 'these', 'those', 'they', 'it', 'its', 'which', 'who',
]);

const smallWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const tensWords: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const numeral = /(US\$|\$|€|£|¥)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/gu;
const wordNumber = new RegExp(
  `\\b((?:(?:${Object.keys(tensWords).join('|')})(?:[- ](?:${Object.keys(smallWords).slice(0, 9).join('|')}))?|${Object.keys(smallWords).join('|')})(?: hundred(?:(?: and)? (?:(?:${Object.keys(tensWords).join('|')})(?:[- ](?:${Object.keys(smallWords).slice(0, 9).join('|')}))?|${Object.keys(smallWords).join('|')}))?)?) (thousand|million|billion|trillion)\\b`,
  'giu',
);

/** Every figure in `text` (already masked: non-prose is U+FFFC), in order. */
export function findNumbers(text: string): ProseNumber[] {
  const out: ProseNumber[] = [];
  for (const match of text.matchAll(numeral)) {
    const found = readNumeral(text, match);
    if (found) out.push(found);
  }
  for (const match of text.matchAll(wordNumber)) {
    const found = readWordNumber(text, match);
    if (found) out.push(found);
  }
  return out.sort((a, b) => a.start - b.start);
}

function readNumeral(text: string, match: RegExpMatchArray): ProseNumber | undefined {
  const start = match.index!;
  const currency = match[1];
  const digits = match[2]!;
  let end = start + match[0].length;
  const before = text[start - 1] ?? '';
  if (/[\p{L}\p{N}_]/u.test(before)) return undefined; // "H100", "Qwen3"
  if (/[-./#+:@\\§]/u.test(before) && !currency) return undefined; // "GPT-4", "v1.2", "#3", "+1", "10:30", "§4"

  let rest = text.slice(end);
  let kind: NumberKind = currency ? 'currency' : 'count';
  let scale = 1;
  const scaleMatch = /^(?:\s*(thousand|million|billion|trillion)\b|(k|m|mn|bn|b|tn)\b)/iu.exec(rest);
  if (scaleMatch) {
    scale = scales[(scaleMatch[1] ?? scaleMatch[2])!.toLowerCase()]!;
    // A bare "m" or "b" suffix only means a scale with a currency: "$1.2b", not "5m" (metres).
    if (scaleMatch[2] && !currency && !/^(?:k|bn|mn|tn)$/i.test(scaleMatch[2])) return undefined;
    end += scaleMatch[0].length;
    rest = text.slice(end);
  } else {
    const percent = /^(?:\s?%|\s+per\s?cent\b)/iu.exec(rest);
    if (percent) {
      if (!currency) kind = 'percent';
      end += percent[0].length;
      rest = text.slice(end);
    }
  }

  if (scale === 1 && kind !== 'percent') {
    if (/^(?:st|nd|rd|th)\b/iu.test(rest)) return undefined; // ordinal
    if (/^\p{L}/u.test(rest)) return undefined; // "4o", "3D"
    if (/^[:/.,]\p{N}/u.test(rest) || /^-\p{N}/u.test(rest)) return undefined; // time, ratio, date, version, range
    if (/^[/.]\p{L}/u.test(rest)) return undefined; // paths, hosts
  }
  if (/^\s\p{N}/u.test(rest) || /\p{N}\s$/u.test(text.slice(0, start))) return undefined; // "202 555 0100"

  const plain = digits.replace(/,/g, '');
  const isInteger = !plain.includes('.');
  const number = Number(plain);
  const bare = scale === 1 && kind === 'count';
  if (bare && isInteger && !digits.includes(',') && plain.length === 4 && number >= 1800 && number <= 2199) return undefined; // year
  if (bare && isInteger && number < 10) return undefined;

  const previous = previousWord(text, start);
  if (previous) {
    const word = previous.word.toLowerCase().replace(/\.$/, '');
    if (bare && isInteger && number <= 31 && months.has(word)) return undefined; // "June 10"
    if (referenceWords.has(word)) return undefined; // "section 3", "page 12"
    if (bare && /^\p{Lu}/u.test(previous.word) && !previous.sentenceStart && !/['’]s$/u.test(previous.word)) return undefined; // "Claude 3"
  }
  if (bare && isInteger && number <= 31) {
    const next = /^\s+(\p{L}+)/u.exec(rest)?.[1];
    if (next && months.has(next.toLowerCase())) return undefined; // "10 June"
  }
  if (bare && isNumbering(text, start, end, isInteger)) return undefined;

  return {
    start,
    end,
    text: text.slice(start, end),
    value: number * scale,
    kind,
    precision: precisionOf(plain) * scale,
    unitWords: unitWordsAfter(text, end, kind),
  };
}

function readWordNumber(text: string, match: RegExpMatchArray): ProseNumber | undefined {
  const start = match.index!;
  const end = start + match[0].length;
  const words = match[1]!.toLowerCase().split(/[- ]+/).filter((w) => w !== 'and');
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w === 'hundred') current = (current || 1) * 100;
    else current += smallWords[w] ?? tensWords[w] ?? 0;
  }
  total = current;
  const scale = scales[match[2]!.toLowerCase()]!;
  if (total === 0) return undefined;
  return {
    start,
    end,
    text: match[0],
    value: total * scale,
    kind: 'count',
    precision: scale,
    unitWords: unitWordsAfter(text, end, 'count'),
  };
}

/** 28.8 → 0.1; 25,000 → 1,000 (trailing zeros of a whole number are not significant). */
export function precisionOf(plain: string): number {
  const dot = plain.indexOf('.');
  if (dot !== -1) return 10 ** -(plain.length - dot - 1);
  const zeros = /0*$/.exec(plain)?.[0].length ?? 0;
  return zeros >= plain.length ? 1 : 10 ** zeros;
}

function previousWord(text: string, index: number): { word: string; sentenceStart: boolean } | undefined {
  let i = index;
  while (i > 0 && /[\s"'“‘(]/u.test(text[i - 1]!)) i--;
  let j = i;
  while (j > 0 && /[\p{L}\p{N}.'’]/u.test(text[j - 1]!)) j--;
  const word = text.slice(j, i);
  if (word === '' || !/\p{L}/u.test(word)) return undefined;
  let k = j;
  while (k > 0 && /[\s"'“‘(]/u.test(text[k - 1]!)) k--;
  const sentenceStart = k === 0 || /[.!?:;\n\uFFFC]/u.test(text[k - 1]!);
  return { word, sentenceStart };
}

/** "2. Background", "3) …", "1.2 Scope" at the start of a block, or a "(1)" marker. */
function isNumbering(text: string, start: number, end: number, isInteger: boolean): boolean {
  if (text[start - 1] === '(' && text[end] === ')') return true;
  if (text.slice(0, start).trim() !== '') return false;
  const rest = text.slice(end);
  return /^(?:\.\d+)*[.)](?:\s|$)/u.test(rest) || (!isInteger && /^\s+\p{Lu}/u.test(rest));
}

function unitWordsAfter(text: string, end: number, kind: NumberKind): string[] {
  const words: string[] = [];
  const pattern = /[\s-]*(\p{L}+)/uy;
  pattern.lastIndex = end;
  while (words.length < 2) {
    const m = pattern.exec(text);
    if (!m) break;
    const word = m[1]!.toLowerCase();
    if (kind === 'count' && (word === 'percent' || word === 'per')) break;
    if (!stopwords.has(word)) words.push(singular(word));
  }
  return words;
}

/** A crude singular, enough to match "accounts" with "account" and "queries" with "query". */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The words of a text, lowercase and singular: what a fact is about, for unit matching. */
export function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) if (!stopwords.has(m[0])) out.add(singular(m[0]));
  return out;
}

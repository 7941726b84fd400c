import type { FactStatus } from '../schema/fact-schema.js';

/** Statuses whose facts may only be written with their attribution in the same sentence. */
export const statusesNeedingAttribution: ReadonlySet<FactStatus> = new Set<FactStatus>(['alleged', 'disputed', 'denied']);

/**
 * Words and phrases that attribute a claim to someone in English prose. Matched as whole words,
 * case-insensitively. Kept to verbs and phrases of saying and claiming: hedges such as "may"
 * or "estimated" do not say who claims something, so they do not count.
 */
export const attributionPhrases: readonly string[] = [
  'according to',
  'accusation',
  'accusations',
  'accuse',
  'accused',
  'accuses',
  'accusing',
  'allegation',
  'allegations',
  'allege',
  'alleged',
  'allegedly',
  'alleges',
  'alleging',
  'argued',
  'argues',
  'asserted',
  'asserting',
  'assertion',
  'asserts',
  'charged',
  'charges',
  'claim',
  'claimed',
  'claiming',
  'claims',
  'contended',
  'contends',
  'contention',
  'denial',
  'denied',
  'denies',
  'deny',
  'describe',
  'described',
  'describes',
  'describing',
  'disputed',
  'disputes',
  'insisted',
  'insists',
  'maintained',
  'maintains',
  'purported',
  'purportedly',
  'rejected',
  'rejects',
  'reported',
  'reportedly',
  'reports',
  'said',
  'say',
  'saying',
  'says',
  'stated',
  'states',
  'testified',
  'told',
  'wrote',
  'writes',
];

const stopwords = new Set(['the', 'a', 'an', 'of', 'and', 'its', 'their', 'our', 'this', 'that']);

/** Lowercases and folds typographic quotes and dashes so "Anthropic’s" matches "anthropic's". */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

// Names repeat across every sentence checked: each phrase's pattern is built once.
const wordPatterns = new Map<string, RegExp>();

function wordPattern(phrase: string): RegExp {
  let pattern = wordPatterns.get(phrase);
  if (pattern === undefined) {
    pattern = buildWordPattern(phrase);
    // Bounded for the same reason as any module-level memo in a long-lived dev server.
    if (wordPatterns.size >= 2000) wordPatterns.clear();
    wordPatterns.set(phrase, pattern);
  }
  return pattern;
}

function buildWordPattern(phrase: string): RegExp {
  const escaped = foldText(phrase)
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ /g, '\\s+');
  return new RegExp(escaped, 'gu');
}

/**
 * One letter or digit, in any script. The boundaries are checked with this one pattern rather
 * than written into each phrase's (`(?<![\p{L}\p{N}])…`): V8 builds the Unicode classes again
 * for every pattern that names them, ≈0.5 ms each, and a build checks dozens of names and phrases.
 */
const wordCharacter = /[\p{L}\p{N}]/u;

function isWordCharacterAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  return code !== undefined && wordCharacter.test(String.fromCodePoint(code));
}

/** The index of the code point that ends right before `index` (a surrogate pair counts as one). */
function previousCodePointIndex(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
}

/** Whether `folded` holds `phrase` as whole words: no letter or digit right before or after. */
function containsWords(folded: string, phrase: string): boolean {
  const pattern = wordPattern(phrase);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
    const before = match.index > 0 && isWordCharacterAt(folded, previousCodePointIndex(folded, match.index));
    if (!before && !isWordCharacterAt(folded, match.index + match[0].length)) return true;
    // A later occurrence may still stand alone ("xsaid … said"); matches may overlap.
    pattern.lastIndex = match.index + 1;
  }
  return false;
}

/**
 * The names a sentence may use for whoever a fact is attributed to: the full `attributed_to`
 * and its first word ("Anthropic" for "Anthropic PBC"), unless that word is a bare article.
 */
export function attributionNames(attributedTo: string | undefined): string[] {
  if (attributedTo === undefined) return [];
  const names = [attributedTo.trim()];
  const first = attributedTo.trim().split(/\s+/)[0] ?? '';
  const bare = first.replace(/[^\p{L}\p{N}.]/gu, '');
  if (bare.length >= 2 && !stopwords.has(bare.toLowerCase()) && bare !== names[0]) names.push(bare);
  return names;
}

/**
 * What attributes the claim in `sentence`: the attributed party's name or an attribution
 * phrase, as written; undefined when nothing does.
 */
export function findAttribution(sentence: string, attributedTo: string | undefined): string | undefined {
  const folded = foldText(sentence);
  for (const name of attributionNames(attributedTo)) if (containsWords(folded, name)) return name;
  for (const phrase of attributionPhrases) if (containsWords(folded, phrase)) return phrase;
  return undefined;
}

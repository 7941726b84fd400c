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

// Names repeat across every sentence checked; a Unicode pattern with look-behind is not free to build.
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
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
}

const phrasePatterns = attributionPhrases.map((p) => [p, wordPattern(p)] as const);

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
  for (const name of attributionNames(attributedTo)) if (wordPattern(name).test(folded)) return name;
  for (const [phrase, pattern] of phrasePatterns) if (pattern.test(folded)) return phrase;
  return undefined;
}

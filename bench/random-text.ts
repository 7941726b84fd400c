/**
 * A seeded source of plausible policy prose. Deterministic: the same seed gives the same corpus
 * byte for byte on every machine, so runs on different days compare the same work.
 */
export interface RandomText {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  words(min: number, max: number): string;
  sentence(min?: number, max?: number): string;
  paragraph(sentences?: number): string;
}

/** mulberry32: tiny, fast, and good enough to vary text; not for anything secret. */
export function createRandomText(seed: number): RandomText {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('Cannot pick from an empty list');
    return item;
  };
  const words = (min: number, max: number): string => Array.from({ length: int(min, max) }, () => pick(vocabulary)).join(' ');
  const sentence = (min = 12, max = 26): string => {
    const text = words(min, max);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences = int(3, 6)): string => Array.from({ length: sentences }, () => sentence()).join(' ');
  return { next, int, pick, words, sentence, paragraph };
}

/** Words without digits: prose numbers would trip number-unsourced, which is not what we measure. */
const vocabulary: readonly string[] = (
  'the a of and to in for on with by from that which this these those its their our policy committee agency ' +
  'report account accounts access model models training data query queries request requests review oversight ' +
  'measure measures control controls export safeguard safeguards campaign pattern patterns evidence finding ' +
  'findings analysis statement response question questions staff office public private sector industry ' +
  'developer developers provider providers service services platform platforms system systems security risk ' +
  'risks threat threats capability capabilities distillation output outputs license terms enforcement ' +
  'investigation inquiry hearing briefing letter members senate house federal national international ' +
  'partner partners ally allies market markets competition standard standards framework guidance rule rules ' +
  'disclosure transparency accountability coordination cooperation timeline schedule budget resources ' +
  'detection monitoring response mitigation remedy remedies action actions option options recommendation ' +
  'recommendations should would could may must will can also further however therefore meanwhile moreover ' +
  'significant substantial limited broad narrow clear unclear direct indirect early late current recent ' +
  'prior future ongoing continued coordinated automated large small several many few most some each every ' +
  'across within between among under over after before during against toward through without beyond ' +
  'review reviews reviewed assess assessed consider considered support supported require required ' +
  'describe described identify identified address addressed propose proposed improve improved ' +
  'strengthen strengthened limit limited protect protected share shared track tracked'
).split(/\s+/);

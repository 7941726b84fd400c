/** One part of a deterministic split of a build: `index` of `count`, 1-based. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N); undefined when the text is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^([1-9][0-9]{0,3})\/([1-9][0-9]{0,3})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index <= count ? { index, count } : undefined;
}

/**
 * The items of one shard: sorted by key, then dealt round-robin. Sorting makes the split a
 * function of the set alone (no file-system order), and round-robin keeps shards within one
 * output of each other, so a merge letter's recipients spread over every machine.
 */
export function selectShard<T>(items: readonly T[], shard: Shard | undefined, keyOf: (item: T) => string): T[] {
  if (!shard || shard.count === 1) return [...items];
  const sorted = [...items].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}

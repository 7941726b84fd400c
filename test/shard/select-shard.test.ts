import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/config/shard.js';

describe('parseShard', () => {
  it('reads K/N with 1 ≤ K ≤ N and nothing else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '3', '1/0', '-1/3', '1.5/3', 'a/b', '']) expect(parseShard(bad), bad).toBeUndefined();
  });
});

describe('selectShard', () => {
  const ids = ['e', 'a', 'd', 'b', 'g', 'c', 'f'];
  const parts = (n: number) => Array.from({ length: n }, (_, i) => selectShard(ids, { index: i + 1, count: n }, (s) => s));

  it('splits into disjoint parts that together are the whole set', () => {
    for (const n of [1, 2, 3, 7, 9]) {
      const all = parts(n).flat();
      expect(all.sort()).toEqual([...ids].sort());
    }
  });

  it('does not depend on the input order, and keeps parts within one item of each other', () => {
    const reversed = [...ids].reverse();
    expect(parts(3)).toEqual([1, 2, 3].map((k) => selectShard(reversed, { index: k, count: 3 }, (s) => s)));
    const sizes = parts(3).map((p) => p.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('no shard is the whole set', () => {
    expect(selectShard(ids, undefined, (s) => s)).toEqual(ids);
  });
});

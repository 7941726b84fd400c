import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../../src/pdf/map-with-concurrency.js';

describe('mapWithConcurrency', () => {
  it('never runs more than the limit and returns results in input order', async () => {
    let running = 0;
    let peak = 0;
    const delays = [30, 5, 20, 1, 10, 2];
    const results = await mapWithConcurrency(delays, 2, async (ms, index) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return index;
    });
    expect(peak).toBe(2);
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('handles fewer items than workers, and none', async () => {
    expect(await mapWithConcurrency([1], 8, async (x) => x * 2)).toEqual([2]);
    expect(await mapWithConcurrency([], 8, async (x) => x)).toEqual([]);
  });
  it('rejects a limit that is not a positive integer (a programmer error)', async () => {
    await expect(mapWithConcurrency([1], 0, async (x) => x)).rejects.toThrow(TypeError);
  });
});

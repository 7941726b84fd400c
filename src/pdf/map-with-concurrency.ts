/**
 * Runs `task` over `items` with at most `limit` running at once, taking items in order, and
 * returns the results in input order (never completion order, so output stays deterministic).
 * `task` should not throw; if it does, the first error is rethrown after running tasks finish.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`Expected a positive integer limit, got \`${limit}\``);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

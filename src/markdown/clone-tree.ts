/**
 * A deep copy of a syntax tree (mdast or hast) for a pipeline that changes it in place. The trees
 * are plain data (objects, arrays, strings, numbers, booleans, null), as the parser makes them and
 * as they cross from the Markdown thread; structuredClone also handles what they never hold and
 * took 2–5× as long (24 vs 5–10 ms for 60 sections' trees).
 */
export function cloneTree<T>(tree: T): T {
  return copy(tree) as T;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = copy((value as Record<string, unknown>)[key]);
    // An own `__proto__` key (a directive attribute may be named so) stays a key, never a prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
    else out[key] = child;
  }
  return out;
}

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread that runs one compiled module of ours: `program` is the thread's CommonJS
 * script, given the expression that loads the module. The module is named by its path under
 * src/ (`content/parse-markdown.js`) for a caller in that stage's folder: the module beside the
 * caller (in dist/<stage>/, or in the bundle's dist/bin/, where each such module is an entry of
 * its own), or, when the caller runs from the TypeScript sources under test, the one the test
 * setup compiled: a worker thread cannot load TypeScript on Node 20.
 *
 * - A CommonJS script, not a data: URL ES module: that starts the thread's ES module loader
 *   first, and the Markdown thread's first tree came ≈25 ms later (HTML-only build of the bench's
 *   20 briefings, BENCHMARKS.md). `require` loads tsc's ES modules too (Node ≥ 20.19).
 * - The heap is capped: a runaway input fails its thread, not the build (security.md §1.10).
 */
export function startModuleThread(callerUrl: string, path: string, program: (load: string) => string): Worker {
  const beside = `./${path.slice(path.lastIndexOf('/') + 1)}`;
  const file = fileURLToPath(new URL(callerUrl.endsWith('.ts') ? `../../dist/${path}` : beside, callerUrl));
  return new Worker(program(`require(${JSON.stringify(file)})`), { eval: true, resourceLimits: { maxOldGenerationSizeMb: 512 } });
}

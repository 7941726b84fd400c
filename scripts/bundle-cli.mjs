import { writeFile } from 'node:fs/promises';
import { build } from 'rolldown';

/**
 * Bundles the command line (dist/cli.js, compiled by tsc) into dist/bin/. Loaded as 691
 * separate ES modules, the pipeline took ≈0.65 s to start (≈0.85 s of CPU), most of it Node
 * resolving and reading files; bundled, the same code starts in ≈0.2 s. The library
 * (dist/index.js) stays unbundled for hosts that import it.
 *
 * - CommonJS, not ES modules: Node 20 can hand V8 a code cache only for scripts it compiles
 *   through vm.Script, which the CommonJS loader can be taught to do (src/install-compile-cache.ts)
 *   and the ES module loader cannot. A package.json in dist/bin/ says so to Node.
 * - parse-markdown and read-output are entries of their own: the Markdown thread and the output
 *   reader's thread import them by their file names.
 * - Every chunk sits directly in dist/bin/, as deep as tsc's dist/<stage>/ modules, so the paths
 *   they resolve from import.meta.url (../../package.json, ../../templates) stay right.
 * - Run by `npm run compile` after tsc (and by the test setup); prints nothing unless it fails.
 * - puppeteer is bundled too, but not cosmiconfig, which reads its .puppeteerrc: its loaders find
 *   config files relative to their own module file (`__filename`, undefined in a bundle), and it
 *   would pull in typescript, which it only loads for a .ts config. It is a direct dependency (at
 *   puppeteer's range) so that the bundle can always resolve it from dist/bin/. Bundled,
 *   puppeteer loads ≈0.2 s sooner and each CDP message is cheaper (its debug logger is a dynamic
 *   import per message): 200 letters 13.22 → 12.77 s, 20 briefings 5.77 → 5.61 s (alternating
 *   runs).
 */
await build({
  input: {
    briefwright: 'dist/cli.js',
    'parse-markdown': 'dist/content/parse-markdown.js',
    'read-output': 'dist/verify/read-output.js',
  },
  platform: 'node',
  external: ['cosmiconfig'],
  output: {
    dir: 'dist/bin',
    format: 'cjs',
    // ES modules are strict, and the code was written and tested as such; CommonJS is not by default.
    strict: true,
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
    // Maps back to tsc's dist/<stage>/*.js (rolldown does not follow tsc's own maps on to src/):
    // for `node --enable-source-maps` stack traces, and for the benchmark's profile, which
    // attributes time to the stage a module belongs to.
    sourcemap: true,
  },
});
// cleanDir emptied dist/bin/ (the code cache in .v8-cache/ with it); the root package.json says "module".
await writeFile('dist/bin/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);

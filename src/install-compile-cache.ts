import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { writeToolFile } from './write-tool-file.js';

/** The bundle's folder: the one module files are cached for. */
const folder = dirname(fileURLToPath(import.meta.url));

/** Node's CommonJS loader method that compiles and runs one file; not in @types/node. */
interface CompilingModule {
  _compile(content: string, filename: string): unknown;
}

let installed = false;

/**
 * V8's code cache for the command line's bundle: the bytecode of every function a run compiled,
 * kept in `.v8-cache/` beside the bundle and handed back to V8 on the next run, so the code is
 * not parsed and compiled again. Node 20 has no compile cache of its own (module.enableCompileCache
 * is Node 22), so this hooks the CommonJS loader the way v8-compile-cache does, but writes the
 * cache at exit rather than at load: V8 compiles lazily, and only then does the cache hold the
 * functions the run called (a cache made at load saved half as much, measured). 20 briefings:
 * ≈0.3 s sooner and ≈0.5 CPU-seconds less (BENCHMARKS.md).
 *
 * - Only CommonJS files in this module's own folder (dist/bin/) are cached: the bundle. Under
 *   tsc's ES modules (the library, the tests) it does nothing.
 * - The cache lives with the bundle, so it has the bundle's owner and trust (never a shared
 *   temp folder: cached bytecode runs as code), and recompiling, which empties dist/bin/,
 *   drops it. Entries are keyed by Node's version, the platform and a hash of the source; V8
 *   also refuses data made by another version or with other flags, and the file is then
 *   compiled as usual and its entry rewritten.
 * - Writing is best effort: a read-only install, a full disk or a race with another build only
 *   means the next run compiles again. Files are written whole under a temporary name, then
 *   renamed, so a reader never sees half of one.
 * - Off with `--enable-source-maps` (Node maps stack traces only for code its own loader
 *   compiled) and when NODE_DISABLE_COMPILE_CACHE is set, as Node's own cache honours it.
 * - The main thread only: the Markdown thread loaded and parsed no faster with the cache the main
 *   thread wrote for the parser's chunk (60 sections, 5 runs each way), so it does not use it.
 *
 * - It writes files outside pdf/ and output/ (DESIGN.md §2): those hold the build's writes to the
 *   project; this is the installed tool's own cache, written by the command line's start-up, never
 *   into the project.
 *
 * Call after V8's flags are set (tuneV8): V8 keys its code cache on them.
 */
export function installCompileCache(): void {
  if (installed || !isMainThread || process.sourceMapsEnabled || process.env['NODE_DISABLE_COMPILE_CACHE']) return;
  installed = true;
  const cacheFolder = join(folder, '.v8-cache');
  const unwritten: { script: Script; file: string }[] = [];
  const loader = Module.prototype as unknown as CompilingModule;
  const compile = loader._compile;

  loader._compile = function compileWithCache(this: Module, content: string, filename: string) {
    if (dirname(filename) !== folder) return compile.call(this, content, filename);
    // A wrapped hashbang would be a syntax error; Node's own loader blanks it the same way.
    const source = Module.wrap(content.startsWith('#!') ? `//${content}` : content);
    const file = join(cacheFolder, `${basename(filename)}.${cacheKey(source)}`);
    const cachedData = readCache(file);
    const script = new Script(source, {
      filename,
      ...(cachedData === undefined ? {} : { cachedData }),
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachedData === undefined || script.cachedDataRejected === true) unwritten.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };

  process.once('exit', () => unwritten.forEach(({ script, file }) => writeToolFile(file, script.createCachedData())));
}

function cacheKey(source: string): string {
  return createHash('sha256').update(`${process.version}\0${process.arch}\0`).update(source).digest('hex').slice(0, 20);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

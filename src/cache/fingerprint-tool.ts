import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeToolFile } from '../write-tool-file.js';
import { hashText } from './hash-text.js';

let memo: Promise<string> | undefined;

/**
 * What identifies the running briefwright: its package.json (version, dependency ranges — the
 * fonts and parsers outputs are made with) and the bytes of its compiled modules. The version
 * alone would let a rebuilt checkout reuse outputs of older code; mtimes would throw the cache
 * away on every recompile that changes nothing.
 *
 * Hashing the modules means reading ≈240 files (≈7 MB: tsc's output and the bundle), ≈40 ms on
 * every build, the no-change one included, where it was most of the time after start-up. So the
 * result is remembered beside the modules (`dist/.tool-fingerprint.json`, like the V8 code cache
 * in `dist/bin/.v8-cache/`: the installed tool's own file, never the project's), with the size
 * and mtime of every file it hashed; while all of them still match, the stored fingerprint is
 * used, else it is computed again from the bytes and stored. Writing is best effort (a read-only
 * install computes it every time) and atomic (temp file, then rename).
 */
export function fingerprintTool(): Promise<string> {
  memo ??= computeToolFingerprint();
  return memo;
}

/** The remembered fingerprint and what it was computed from. */
interface Remembered {
  /** sha256 of the package.json the fingerprint includes. */
  readonly packageSha256: string;
  /** `[path under dist/, size, mtimeMs]` of every hashed file, in hashing order. */
  readonly files: readonly (readonly [string, number, number])[];
  readonly fingerprint: string;
}

async function computeToolFingerprint(): Promise<string> {
  const codeDir = fileURLToPath(new URL('..', import.meta.url));
  const packageJson = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  const entries = (await readdir(codeDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  // Synchronous: ≈240 stats take ≈1 ms this way, against a round trip through the thread pool each.
  const files = entries.map((path) => {
    const info = statSync(path);
    return [path.slice(codeDir.length), info.size, info.mtimeMs] as const;
  });
  // Only the compiled tool remembers: run from the TypeScript sources (the tests), it would write into src/.
  const memoFile = import.meta.url.endsWith('.js') ? join(codeDir, '.tool-fingerprint.json') : undefined;
  const remembered = memoFile === undefined ? undefined : readRemembered(memoFile);
  const packageHash = hashText(packageJson);
  if (remembered && remembered.packageSha256 === packageHash && sameFiles(remembered.files, files)) return remembered.fingerprint;
  const hashes = await Promise.all(entries.map(async (path) => `${path.slice(codeDir.length)}:${hashText(await readFile(path))}`));
  const fingerprint = hashText(`${packageJson}\0${hashes.join('\n')}`);
  if (memoFile !== undefined) writeToolFile(memoFile, JSON.stringify({ packageSha256: packageHash, files, fingerprint } satisfies Remembered));
  return fingerprint;
}

function sameFiles(a: Remembered['files'], b: Remembered['files']): boolean {
  return a.length === b.length && a.every((file, i) => Array.isArray(file) && file[0] === b[i]![0] && file[1] === b[i]![1] && file[2] === b[i]![2]);
}

function readRemembered(file: string): Remembered | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Remembered>;
    return typeof value.fingerprint === 'string' && typeof value.packageSha256 === 'string' && Array.isArray(value.files) ? (value as Remembered) : undefined;
  } catch {
    return undefined;
  }
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashText } from './hash-text.js';

let memo: Promise<string> | undefined;

/**
 * What identifies the running briefwright: its package.json (version, dependency ranges — the
 * fonts and parsers outputs are made with) and the bytes of its compiled modules. The version
 * alone would let a rebuilt checkout reuse outputs of older code; mtimes would throw the cache
 * away on every recompile that changes nothing. Hashing the ~1 MB of modules costs ~20 ms.
 */
export function fingerprintTool(): Promise<string> {
  memo ??= computeToolFingerprint();
  return memo;
}

async function computeToolFingerprint(): Promise<string> {
  const codeDir = fileURLToPath(new URL('..', import.meta.url));
  const packageJson = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  const entries = (await readdir(codeDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && /\.(js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const hashes = await Promise.all(entries.map(async (path) => `${path.slice(codeDir.length)}:${hashText(await readFile(path))}`));
  return hashText(`${packageJson}\0${hashes.join('\n')}`);
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashText } from './hash-text.js';

let memo: Promise<string> | undefined;

/**
 * What identifies the running briefwright: its package.json (version, dependency ranges — the
 * fonts and parsers outputs are made with) and the size and mtime of its compiled modules. The
 * version alone would let a rebuilt checkout reuse outputs of older code; stats are enough for
 * that and cost a directory listing, not a read.
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
  const stats = await Promise.all(entries.map(async (path) => {
    const info = await stat(path);
    return `${path.slice(codeDir.length)}:${info.size}:${info.mtimeMs}`;
  }));
  return hashText(`${packageJson}\0${stats.join('\n')}`);
}

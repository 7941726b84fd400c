import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashText } from './hash-text.js';

/** Folders and files of a project whose bytes can change what a build produces or reports. */
const inputDirs = ['content', 'templates'] as const;
const inputFiles = ['briefwright.config.yaml'] as const;

/**
 * One hash of every input file (path and bytes) plus `extra` (tool, options, environment).
 * It is deliberately cheap to compute — node built-ins only, no parsing — because the
 * no-change build decides from it alone, before loading the pipeline. Files are hashed by
 * content, not mtime: a `touch` or a fresh checkout is not a change, an edit always is.
 * Symlinks are skipped, as the project reader skips them.
 */
export async function fingerprintInputs(root: string, extra: unknown): Promise<string> {
  const paths: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) paths.push(child);
    }
  };
  await Promise.all(inputDirs.map(walk));
  for (const file of inputFiles) {
    const info = await lstat(join(root, file)).catch(() => undefined);
    if (info?.isFile()) paths.push(file);
  }
  paths.sort();
  const hashes = await Promise.all(paths.map(async (p) => `${p}\0${hashText(await readFile(join(root, p)))}`));
  return hashText(JSON.stringify({ files: hashes, extra }));
}

import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Recursively lists regular files under `dir` (relative to root), sorted; symlinks are not followed. */
export async function listFiles(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string): Promise<void> => {
    const entries = await readdir(abs, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = join(abs, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) out.push(relative(root, child).split(sep).join('/'));
    }
  };
  await walk(join(root, dir));
  return out.sort();
}

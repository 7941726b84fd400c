import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDirName, htmlBlobDir, stateFileName, type BuildState } from '../cache/build-state.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Writes the build cache's state, then removes the HTML blobs (see write-cache-blob.ts) no
 * state refers to any more. Blobs are written while the build streams, so a state never names
 * a blob that is not there. A cache that cannot be written costs speed, not correctness, so
 * failures are returned for the caller to ignore or log, never thrown.
 */
export async function writeBuildCache(root: string, state: BuildState): Promise<Error | undefined> {
  const dir = join(root, cacheDirName);
  try {
    await writeFileAtomic(dir, stateFileName, new TextEncoder().encode(JSON.stringify(state)));
    const keep = new Set<string>();
    for (const units of Object.values(state.units)) for (const unit of Object.values(units)) keep.add(unit.htmlSha256);
    const present = await readdir(join(dir, htmlBlobDir)).catch(() => [] as string[]);
    for (const name of present) {
      const sha = name.replace(/\.html$/, '');
      if (/^[0-9a-f]{64}\.html$/.test(name) && !keep.has(sha)) await unlink(join(dir, htmlBlobDir, name)).catch(() => undefined);
    }
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * Writes `bytes` to `<outDir>/<relativePath>` so that readers see the old file or the new one,
 * never half of either: a temp file in the same directory (created exclusively), flushed, then
 * renamed over the target. The target must stay inside outDir and no directory on the way may
 * be a symlink, so a planted link can never redirect the write.
 */
export async function writeFileAtomic(outDir: string, relativePath: string, bytes: Uint8Array): Promise<void> {
  const target = join(outDir, relativePath);
  const rel = relative(outDir, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`Refusing to write outside the out directory: ${relativePath}`);
  await ensureRealDirectory(outDir, dirname(rel));
  const temp = join(dirname(target), `.${rel.split(sep).at(-1)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  pendingTemps.add(temp);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    pendingTemps.delete(temp);
    throw error;
  }
  try {
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Temp files created and not yet renamed or removed, so an interrupted build leaves none. */
const pendingTemps = new Set<string>();

/** Removes every temp file a write in progress has created; for signal handlers. Never throws. */
export function removePendingTempFiles(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or removed: nothing left behind.
    }
  }
  pendingTemps.clear();
}

/** Creates outDir/sub one level at a time, refusing any component that exists as a symlink or file. */
async function ensureRealDirectory(outDir: string, sub: string): Promise<void> {
  let current = outDir;
  const parts = sub === '.' || sub === '' ? [] : sub.split(sep);
  for (const part of ['', ...parts]) {
    current = part === '' ? current : join(current, part);
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!info) {
      // The out dir itself may sit under folders that do not exist yet (`--out /tmp/a/b`); below
      // it, each level is created and checked on its own.
      await mkdir(current, { recursive: part === '' }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      continue;
    }
    if (info.isSymbolicLink()) throw new Error(`Refusing to write through the symlink ${current}`);
    if (!info.isDirectory()) throw new Error(`${current} exists and is not a directory`);
  }
}

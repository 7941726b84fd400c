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
  await commitTempFile(await writeTempFile(outDir, relativePath, bytes));
}

/** A flushed temp file beside its target, not yet renamed over it. */
export interface TempFile {
  readonly outDir: string;
  readonly relativePath: string;
  readonly temp: string;
  /** Directories this write created, outermost first: removable (when empty) if it is discarded. */
  readonly createdDirs: readonly string[];
}

/**
 * The first half of an atomic write: the bytes in an exclusive, flushed temp file beside the
 * target. Until `commitTempFile` or `discardTempFile`, the temp file is removed by
 * `removePendingTempFiles` (an interrupted build leaves none).
 */
export async function writeTempFile(outDir: string, relativePath: string, bytes: Uint8Array): Promise<TempFile> {
  const { target, rel } = checkedTarget(outDir, relativePath);
  if (interrupted) throw new Error('The build was interrupted');
  const createdDirs = await ensureRealDirectory(outDir, dirname(rel));
  const temp = join(dirname(target), `.${rel.split(sep).at(-1)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  pendingTemps.add(temp);
  const file = { outDir, relativePath, temp, createdDirs };
  try {
    // An interrupt may have cleaned up while this file was being opened.
    if (interrupted) throw new Error('The build was interrupted');
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await discardTempFile(file);
    throw error;
  }
  return file;
}

/**
 * The second half: the temp file renamed over its target. The directories are checked again,
 * since a staged file may wait for the rest of the build before it is committed.
 */
export async function commitTempFile(file: TempFile): Promise<void> {
  try {
    const { target, rel } = checkedTarget(file.outDir, file.relativePath);
    await ensureRealDirectory(file.outDir, dirname(rel));
    await rename(file.temp, target);
    pendingTemps.delete(file.temp);
  } catch (error) {
    await discardTempFile(file);
    throw error;
  }
}

/** Removes a temp file that will not be committed. Never throws. */
export async function discardTempFile(file: TempFile): Promise<void> {
  await unlink(file.temp).catch(() => undefined);
  pendingTemps.delete(file.temp);
}

function checkedTarget(outDir: string, relativePath: string): { target: string; rel: string } {
  const target = join(outDir, relativePath);
  const rel = relative(outDir, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`Refusing to write outside the out directory: ${relativePath}`);
  return { target, rel };
}

/** Temp files created and not yet renamed or removed, so an interrupted build leaves none. */
const pendingTemps = new Set<string>();
let interrupted = false;

/**
 * For signal handlers: removes every temp file a write in progress has created, and refuses
 * new ones from then on (a streaming build may still be finishing a document). Never throws.
 */
export function removePendingTempFiles(): void {
  interrupted = true;
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
async function ensureRealDirectory(outDir: string, sub: string): Promise<string[]> {
  const created: string[] = [];
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
      const first = await mkdir(current, { recursive: part === '' }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        return null;
      });
      // mkdir gives the outermost folder it created (recursive) or undefined (not recursive).
      if (first !== null) created.push(...foldersFrom(first ?? current, current));
      continue;
    }
    if (info.isSymbolicLink()) throw new Error(`Refusing to write through the symlink ${current}`);
    if (!info.isDirectory()) throw new Error(`${current} exists and is not a directory`);
  }
  return created;
}

/** `outer` and every folder between it and `inner`, outermost first. */
function foldersFrom(outer: string, inner: string): string[] {
  const out: string[] = [];
  for (let dir = inner; dir.length >= outer.length && dir.startsWith(outer); dir = dirname(dir)) {
    out.unshift(dir);
    if (dir === outer) break;
  }
  return out;
}

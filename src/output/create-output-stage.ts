import { readFile, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { createManifest, serializeManifest, sha256, type Manifest } from './create-manifest.js';
import type { OutputFile, OutputRecord } from './output-file.js';
import { renderIndex } from './render-index.js';
import { commitTempFile, discardTempFile, writeFileAtomic, writeTempFile, type TempFile } from './write-file-atomic.js';

export interface OutputStageOptions {
  readonly outDir: string;
  readonly tool: { name: string; version: string };
  readonly generator: string;
}

export interface CommitResult {
  readonly manifest: Manifest;
  /** The outputs now in out/, as the manifest lists them. */
  readonly outputs: readonly OutputRecord[];
  readonly written: readonly string[];
  readonly removed: readonly string[];
  /** `output-write-failed` for every file that could not be committed (staging failures were returned by `stage`). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * out/ as a two-phase write, so a build can write each output as soon as it is finished and
 * still decide at the end which ones land. `stage` puts an output's bytes in a flushed temp file
 * beside its target and lets go of them (memory does not grow with the batch); `commit` renames
 * the chosen ones into place, removes the others, removes outputs the previous manifest listed
 * that this build no longer produces (only those: out/ may hold other files), then writes index
 * and manifest last, so a manifest always describes files that exist. Until commit, out/ is as
 * the last build left it; an interrupted build leaves no temp file (removePendingTempFiles).
 */
export interface OutputStage {
  /** Stages one output; when it could not be written, the `output-write-failed` diagnostic. */
  stage(file: OutputFile): Promise<Diagnostic | undefined>;
  /** An output already in out/ as recorded (a cache hit whose bytes were checked): listed, not rewritten. */
  keep(record: OutputRecord): void;
  /**
   * Lands the staged and kept outputs `wanted` accepts, discards the rest. Without any write
   * failure, also index.html and manifest.json.
   */
  commit(wanted: (path: string) => boolean): Promise<CommitResult>;
  /** Removes every staged temp file: nothing of this build lands. */
  discard(): Promise<void>;
}

export const manifestFile = 'manifest.json';
export const indexFile = 'index.html';

export function createOutputStage(options: OutputStageOptions): OutputStage {
  const staged = new Map<string, { record: OutputRecord; temp: TempFile | undefined }>();
  let stagingFailed = false;
  // Folders staging created: removed again (when left empty) if nothing is committed into them.
  const createdDirs = new Set<string>();
  const removeEmptyCreatedDirs = async () => {
    for (const dir of [...createdDirs].sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => undefined);
    createdDirs.clear();
  };
  const toRecord = ({ bytes, ...rest }: OutputFile): OutputRecord => ({ ...rest, sha256: sha256(bytes), size: bytes.byteLength });
  const drop = async (path: string) => {
    const entry = staged.get(path);
    staged.delete(path);
    if (entry?.temp) await discardTempFile(entry.temp);
  };

  return {
    async stage(file) {
      await drop(file.path);
      try {
        const temp = await writeTempFile(options.outDir, file.path, file.bytes);
        for (const dir of temp.createdDirs) createdDirs.add(dir);
        staged.set(file.path, { record: toRecord(file), temp });
        return undefined;
      } catch (error) {
        stagingFailed = true;
        return writeFailed(file.path, error);
      }
    },
    keep(record) {
      void drop(record.path);
      staged.set(record.path, { record, temp: undefined });
    },
    async commit(wanted) {
      const diagnostics: Diagnostic[] = [];
      const fail = (path: string, error: unknown) => diagnostics.push(writeFailed(path, error));
      const previous = await readPreviousManifest(options.outDir);
      const landed: OutputRecord[] = [];
      const written: string[] = [];
      for (const [path, { record, temp }] of [...staged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (!wanted(path)) {
          if (temp) await discardTempFile(temp);
          continue;
        }
        try {
          if (temp) {
            await commitTempFile(temp);
            written.push(path);
          }
          landed.push(record);
        } catch (error) {
          fail(path, error);
        }
      }
      staged.clear();
      await removeEmptyCreatedDirs();

      const current = new Set(landed.map((o) => o.path));
      const removed: string[] = [];
      for (const path of previous) {
        if (current.has(path) || path === manifestFile || path === indexFile || !isSafeRelative(path)) continue;
        const ok = await unlink(join(options.outDir, path)).then(
          () => true,
          () => false,
        );
        if (ok) {
          removed.push(path);
          // Drop a per-recipient folder left empty; rmdir refuses non-empty ones.
          if (path.includes('/')) await rmdir(join(options.outDir, dirname(path))).catch(() => undefined);
        }
      }

      const manifest = createManifest(options.tool, landed);
      if (diagnostics.length === 0 && !stagingFailed) {
        for (const [path, text] of [
          [indexFile, renderIndex(landed, options.generator)],
          [manifestFile, serializeManifest(manifest)],
        ] as const) {
          try {
            await writeFileAtomic(options.outDir, path, new TextEncoder().encode(text));
            written.push(path);
          } catch (error) {
            fail(path, error);
          }
        }
      }
      return { manifest, outputs: landed, written, removed, diagnostics };
    },
    async discard() {
      await Promise.all([...staged.keys()].map(drop));
      await removeEmptyCreatedDirs();
    },
  };
}

function writeFailed(path: string, error: unknown): Diagnostic {
  return createDiagnostic('output-write-failed', {
    file: `out/${path}`,
    message: `Cannot write \`${path}\`: ${(error as Error).message ?? String(error)}`,
  });
}

async function readPreviousManifest(outDir: string): Promise<string[]> {
  try {
    const manifest = JSON.parse(await readFile(join(outDir, manifestFile), 'utf8')) as Partial<Manifest>;
    return Array.isArray(manifest.outputs) ? manifest.outputs.map((o) => String(o.path)) : [];
  } catch {
    return [];
  }
}

function isSafeRelative(path: string): boolean {
  return /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?\.(html|pdf)$/.test(path);
}

import { readFile, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { createManifest, serializeManifest, type Manifest } from './create-manifest.js';
import type { OutputFile } from './output-file.js';
import { renderIndex } from './render-index.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface WriteOutputsOptions {
  readonly outDir: string;
  readonly tool: { name: string; version: string };
  readonly generator: string;
}

export interface WriteOutputsResult {
  readonly manifest: Manifest;
  readonly written: readonly string[];
  readonly removed: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export const manifestFile = 'manifest.json';
export const indexFile = 'index.html';

/**
 * Writes every output atomically, then removes outputs the previous manifest listed that this
 * build no longer produces (only those: out/ may hold other files), then index and manifest
 * last, so a manifest always describes files that exist.
 */
export async function writeOutputs(outputs: readonly OutputFile[], options: WriteOutputsOptions): Promise<WriteOutputsResult> {
  const diagnostics: Diagnostic[] = [];
  const written: string[] = [];
  const fail = (path: string, error: unknown) =>
    diagnostics.push(
      createDiagnostic('output-write-failed', {
        file: `out/${path}`,
        message: `Cannot write \`${path}\`: ${(error as Error).message ?? String(error)}`,
      }),
    );

  const previous = await readPreviousManifest(options.outDir);
  for (const output of outputs) {
    try {
      await writeFileAtomic(options.outDir, output.path, output.bytes);
      written.push(output.path);
    } catch (error) {
      fail(output.path, error);
    }
  }

  const current = new Set(outputs.map((o) => o.path));
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

  const manifest = createManifest(options.tool, outputs);
  if (diagnostics.length === 0) {
    for (const [path, text] of [
      [indexFile, renderIndex(outputs, options.generator)],
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
  return { manifest, written, removed, diagnostics };
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

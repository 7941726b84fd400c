import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BuildResult } from '../build.js';
import type { BuildOptions } from '../config/load-config.js';
import { compareDiagnostics, countDiagnostics } from '../diagnostics/diagnostic.js';
import { readBuildState, type BuildState } from './build-state.js';
import { fingerprintBuild } from './fingerprint-build.js';

export interface UnchangedBuildCheck {
  /** The previous result, when nothing changed and out/ is as that build left it. */
  readonly result: BuildResult | undefined;
  /** Of the inputs as they are now: the build records it if it goes on. */
  readonly fingerprint: string;
  readonly state: BuildState;
}

/**
 * The no-change build: when the inputs, tool and options hash to what the last successful
 * build recorded, and every file it wrote still has the size and mtime it had then, its result
 * (diagnostics included, so warnings are reported again) is the answer and nothing is loaded,
 * validated, rendered or written. Imports only node built-ins and small leaf modules: the CLI
 * calls this before it loads the pipeline.
 */
export async function readUnchangedBuild(options: BuildOptions): Promise<UnchangedBuildCheck> {
  const root = resolve(options.root ?? '.');
  const [state, fingerprint] = await Promise.all([readBuildState(root), fingerprintBuild(options)]);
  const last = state.last;
  if (options.cache === false || !last || last.fingerprint !== fingerprint) return { result: undefined, fingerprint, state };
  const intact = await Promise.all(
    last.written.map(async (file) => {
      const info = await stat(join(last.outDir, file.path)).catch(() => undefined);
      return info?.isFile() === true && info.size === file.size && info.mtimeMs === file.mtimeMs;
    }),
  );
  if (intact.includes(false)) return { result: undefined, fingerprint, state };
  const manifest = await readFile(join(last.outDir, 'manifest.json'), 'utf8').then(
    (text) => JSON.parse(text) as BuildResult['manifest'],
    () => undefined,
  );
  if (!manifest) return { result: undefined, fingerprint, state };
  const diagnostics = [...last.diagnostics].sort(compareDiagnostics);
  const { errors, warnings } = countDiagnostics(diagnostics);
  const result: BuildResult = {
    diagnostics,
    errors,
    warnings,
    exitCode: errors > 0 || (options.strict === true && warnings > 0) ? 1 : 0,
    outputs: last.outputs,
    manifest,
    outDir: last.outDir,
    reused: last.outputs.map((o) => o.path),
  };
  return { result, fingerprint, state };
}

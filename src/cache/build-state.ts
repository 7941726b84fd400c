import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OutputSummary } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The cache lives in `<root>/.briefwright-cache/`, not in out/: out/ is exactly what gets
 * published (and what shards must reproduce byte for byte), and the cache holds the HTML of
 * internal documents. The folder is git-ignored and may be deleted at any time.
 */
export const cacheDirName = '.briefwright-cache';
export const stateFileName = 'build-state.json';
/** Bumped whenever the shape or the meaning of a key changes: older states are then ignored. */
export const cacheFormat = 1;

/** One output file as the unit's last render wrote it. */
export interface CachedFile {
  readonly path: string;
  readonly format: 'html' | 'pdf';
  readonly sha256: string;
  readonly bytes: number;
  readonly pages: number | null;
}

/** One document (for one recipient) as last rendered. */
export interface UnitRecord {
  readonly key: string;
  /** sha256 of the finished HTML; read back from out/ or from `html/<sha>.html` in the cache. */
  readonly htmlSha256: string;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  readonly templates: readonly string[];
  readonly files: readonly CachedFile[];
  /** Warnings its render reported; replayed when it is reused so a cache hit hides nothing. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A file of the last build, with what stat said right after writing it. */
export interface WrittenStat {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The last successful build: enough to answer a no-change build without loading anything. */
export interface LastBuild {
  readonly fingerprint: string;
  readonly outDir: string;
  readonly written: readonly WrittenStat[];
  readonly diagnostics: readonly Diagnostic[];
  readonly outputs: readonly OutputSummary[];
}

export interface BuildState {
  readonly format: number;
  readonly last: LastBuild | null;
  /** Absolute out directory → unit id (`doc` or `doc/recipient`) → record. */
  readonly units: Readonly<Record<string, Readonly<Record<string, UnitRecord>>>>;
}

export const emptyBuildState: BuildState = { format: cacheFormat, last: null, units: {} };

/** The stored state, or an empty one when there is none, it is unreadable, or of another format. */
export async function readBuildState(root: string): Promise<BuildState> {
  try {
    const state = JSON.parse(await readFile(buildStatePath(root), 'utf8')) as Partial<BuildState>;
    if (state.format !== cacheFormat || typeof state.units !== 'object' || state.units === null) return emptyBuildState;
    return { format: cacheFormat, last: state.last ?? null, units: state.units };
  } catch {
    return emptyBuildState;
  }
}

/** The folder of the cache directory that holds HTML blobs. */
export const htmlBlobDir = 'html';

/** Where a project's build state is recorded. */
export function buildStatePath(root: string): string {
  return join(root, cacheDirName, stateFileName);
}

/**
 * Whether a build could be answered unchanged at all: the cache is on and an earlier build left
 * its state. One stat, synchronous, so that the command line knows before it loads anything else
 * whether a first build (or `--no-cache`) may start the Markdown thread at once and skip the
 * no-change check, whose hashing of every input it could never use.
 */
export function mayBeUnchanged(options: { readonly root?: string; readonly cache?: boolean }): boolean {
  if (options.cache === false) return false;
  return statSync(buildStatePath(resolve(options.root ?? '.')), { throwIfNoEntry: false })?.isFile() === true;
}

/** A cached HTML blob's path inside the cache directory, by its sha256. */
export function htmlBlobName(sha256: string): string {
  return `${htmlBlobDir}/${sha256}.html`;
}

/** The path of a cached HTML blob, by its sha256. */
export function htmlBlobPath(root: string, sha256: string): string {
  return join(root, cacheDirName, htmlBlobName(sha256));
}

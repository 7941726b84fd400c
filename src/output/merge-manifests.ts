import { lstat, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sha256, type Manifest, type ManifestEntry } from './create-manifest.js';
import type { OutputFile } from './output-file.js';
import { manifestFile } from './create-output-stage.js';
import { writeOutputs } from './write-outputs.js';

export interface MergeManifestsOptions {
  /** Out directories of the shards (each with its manifest.json). */
  readonly dirs: readonly string[];
  /** Where the combined build goes: every file, one index.html, one manifest.json. */
  readonly out: string;
}

export interface MergeProblem {
  readonly message: string;
  /** `usage`: a directory is not a shard's out/ at all; `content`: shards disagree or a file is not what its manifest says. */
  readonly kind: 'usage' | 'content' | 'write';
}

export interface MergeManifestsResult {
  readonly manifest: Manifest | undefined;
  readonly problems: readonly MergeProblem[];
}

/**
 * Combines the out/ directories of a sharded build into one, as a single build would have
 * written it: every output (checked against its manifest's sha256), then index.html and
 * manifest.json made by the same code as a build's, so a merge of shards 1/N…N/N is byte for
 * byte a full build. Shards built by different versions, or two shards claiming one path with
 * different bytes, are refused: the merge writes nothing then.
 */
export async function mergeManifests(options: MergeManifestsOptions): Promise<MergeManifestsResult> {
  const problems: MergeProblem[] = [];
  const byPath = new Map<string, { entry: ManifestEntry; dir: string }>();
  let tool: Manifest['tool'] | undefined;
  for (const dir of options.dirs.map((d) => resolve(d))) {
    const manifest = await readFile(join(dir, manifestFile), 'utf8').then(
      (text) => JSON.parse(text) as Manifest,
      () => undefined,
    );
    if (!manifest || !Array.isArray(manifest.outputs) || typeof manifest.tool?.version !== 'string') {
      problems.push({ kind: 'usage', message: `${dir} has no readable ${manifestFile}: pass the out directories of \`briefwright build --shard K/N\`` });
      continue;
    }
    if (tool && (tool.name !== manifest.tool.name || tool.version !== manifest.tool.version)) {
      problems.push({ kind: 'content', message: `${dir} was built by ${manifest.tool.name} ${manifest.tool.version}, the others by ${tool.name} ${tool.version}` });
    }
    tool ??= manifest.tool;
    for (const entry of manifest.outputs) {
      const seen = byPath.get(entry.path);
      if (seen && seen.entry.sha256 !== entry.sha256) problems.push({ kind: 'content', message: `${entry.path} differs between ${seen.dir} and ${dir}` });
      if (!seen) byPath.set(entry.path, { entry, dir });
    }
  }
  if (problems.length > 0 || !tool) return { manifest: undefined, problems };

  const files: OutputFile[] = [];
  for (const { entry, dir } of [...byPath.values()].sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1))) {
    const bytes = await readOutput(dir, entry.path);
    if (!bytes || sha256(bytes) !== entry.sha256) {
      problems.push({ kind: 'content', message: `${join(dir, entry.path)} is missing or does not match the sha256 its manifest records` });
      continue;
    }
    files.push({
      path: entry.path,
      format: entry.format as OutputFile['format'],
      bytes,
      document: entry.document,
      recipient: entry.recipient,
      title: entry.title,
      audience: entry.audience,
      distribution: entry.distribution as OutputFile['distribution'],
      pages: entry.pages,
      facts: entry.facts,
      sources: entry.sources,
      templates: entry.templates,
    });
  }
  if (problems.length > 0) return { manifest: undefined, problems };
  const result = await writeOutputs(files, { outDir: resolve(options.out), tool, generator: `${tool.name} ${tool.version}` });
  for (const d of result.diagnostics) problems.push({ kind: 'write', message: d.message });
  return { manifest: problems.length > 0 ? undefined : result.manifest, problems };
}

/** A manifest path is only followed to a regular file below its directory: no links, no `..`. */
async function readOutput(dir: string, path: string): Promise<Uint8Array | undefined> {
  if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)?$/i.test(path) || path.includes('..')) return undefined;
  const abs = join(dir, path);
  const info = await lstat(abs).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  if (path.includes('/') && (await lstat(join(dir, path.split('/')[0]!)).catch(() => undefined))?.isSymbolicLink()) return undefined;
  return new Uint8Array(await readFile(abs));
}

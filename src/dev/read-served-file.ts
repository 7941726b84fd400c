import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ServedFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly contentType: string;
}

const contentTypes: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/**
 * The file a request path names, if it is one the build wrote: only index.html, manifest.json
 * and the outputs listed in out/manifest.json are served — never another file of out/, never
 * anything outside it (a path is looked up in that list, not joined blindly), and never through
 * a symlink (each component is checked with lstat).
 */
export async function readServedFile(outDir: string, urlPath: string): Promise<ServedFile | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  path = path.replace(/^\/+/, '');
  if (path === '') path = 'index.html';
  const allowed = await readAllowedPaths(outDir);
  if (!allowed.has(path)) return undefined;
  let current = outDir;
  for (const part of path.split('/')) {
    current = join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (!info || info.isSymbolicLink()) return undefined;
  }
  const info = await lstat(current);
  if (!info.isFile()) return undefined;
  const extension = path.slice(path.lastIndexOf('.') + 1);
  return { path, bytes: await readFile(current), contentType: contentTypes[extension] ?? 'application/octet-stream' };
}

async function readAllowedPaths(outDir: string): Promise<Set<string>> {
  const allowed = new Set(['index.html', 'manifest.json']);
  try {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as { outputs?: { path?: unknown }[] };
    for (const output of manifest.outputs ?? []) {
      if (typeof output.path === 'string' && !output.path.split('/').includes('..')) allowed.add(output.path);
    }
  } catch {
    // No build yet: only the placeholder index is served.
  }
  return allowed;
}

import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface TempProjectOptions {
  /** Copy the repository's templates/ (default true). */
  templates?: boolean;
  /** Copy the repository's content/ before applying `files` (default false). */
  content?: boolean;
  /** Copy a fixture folder (relative to test/fixtures) before applying `files`. */
  fixture?: string;
}

export interface TempProject {
  readonly root: string;
  write(path: string, text: string): Promise<void>;
  read(path: string): Promise<string>;
  remove(): Promise<void>;
}

/** A throwaway project in the OS temp dir: repo templates, optional content, then `files` on top. */
export async function createTempProject(files: Record<string, string> = {}, options: TempProjectOptions = {}): Promise<TempProject> {
  const root = await mkdtemp(join(tmpdir(), 'briefwright-test-'));
  if (options.templates ?? true) await cp(join(repoRoot, 'templates'), join(root, 'templates'), { recursive: true });
  if (options.content) await cp(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
  if (options.fixture) await cp(join(repoRoot, 'test/fixtures', options.fixture), root, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  };
  for (const [path, text] of Object.entries(files)) await write(path, text);
  return {
    root,
    write,
    read: (path) => readFile(join(root, path), 'utf8'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Every file below `dir` with its bytes, for byte-for-byte comparisons of out/. */
export async function snapshotTree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (abs: string, rel: string): Promise<void> => {
    for (const entry of await readdir(abs, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(join(abs, entry.name), childRel);
      else out.set(childRel, await readFile(join(abs, entry.name)));
    }
  };
  await walk(dir, '');
  return out;
}

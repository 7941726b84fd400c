import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, runCli } from '../helpers/run-cli.js';
import { createTempProject, repoRoot, type TempProject } from '../helpers/temp-project.js';

// A private copy of the bundle, as deep in the repository as dist/bin/ (the bundle finds
// package.json and templates/ relative to itself), so its .v8-cache/ is this test's alone.
let bin: string;
let project: TempProject;
const cacheDir = () => join(bin, '..', '.v8-cache');
const run = (env: NodeJS.ProcessEnv = {}) => runCli(['build', '--root', project.root, '--formats', 'html', '--no-cache', '--format', 'json'], { bin, env });

beforeAll(async () => {
  const dir = await mkdtemp(join(repoRoot, 'dist', '.compile-cache-test-'));
  await cp(join(cliPath, '..'), dir, { recursive: true, filter: (src) => !src.includes('.v8-cache') });
  bin = join(dir, 'briefwright.js');
  project = await createTempProject({}, { content: true });
});

afterAll(async () => {
  await rm(join(bin, '..'), { recursive: true, force: true });
  await project.remove();
});

describe('the V8 code cache of the bundled command line', () => {
  it('is off when NODE_DISABLE_COMPILE_CACHE is set', async () => {
    const r = await run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(stat(cacheDir())).rejects.toThrow(/ENOENT/);
  });

  it('is written at the end of a run, then read without being rewritten, and the output is the same', async () => {
    const first = await run();
    expect(first.code).toBe(0);
    const entries = (await readdir(cacheDir())).sort();
    // The pipeline's chunks, each under its name and a key; never a leftover temporary file.
    expect(entries.some((e) => /^build-[\w-]+\.js\.[0-9a-f]{20}$/.test(e))).toBe(true);
    expect(entries.filter((e) => e.endsWith('.tmp'))).toEqual([]);
    const before = await Promise.all(entries.map(async (e) => (await stat(join(cacheDir(), e))).mtimeMs));
    const firstOut = await readFile(join(project.root, 'out/manifest.json'), 'utf8');

    const second = await run();
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect((await readdir(cacheDir())).sort()).toEqual(entries);
    expect(await Promise.all(entries.map(async (e) => (await stat(join(cacheDir(), e))).mtimeMs))).toEqual(before);
    expect(await readFile(join(project.root, 'out/manifest.json'), 'utf8')).toBe(firstOut);
  });

  it('survives a damaged entry: V8 refuses it, the file compiles as usual and the entry is rewritten', async () => {
    const entry = (await readdir(cacheDir())).find((e) => e.startsWith('build-'))!;
    const garbage = Buffer.alloc(4096, 0x5a);
    await writeFile(join(cacheDir(), entry), garbage);
    const r = await run();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await readFile(join(cacheDir(), entry))).equals(garbage)).toBe(false);
  });
});

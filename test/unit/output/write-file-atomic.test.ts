import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/output/write-file-atomic.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bw-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes nested files and leaves no temp file', async () => {
    const out = join(dir, 'out');
    await writeFileAtomic(out, 'doc/one.html', new TextEncoder().encode('hello'));
    expect(await readFile(join(out, 'doc/one.html'), 'utf8')).toBe('hello');
    expect(await readdir(join(out, 'doc'))).toEqual(['one.html']);
  });

  it('creates an out dir whose parent folders do not exist yet', async () => {
    const out = join(dir, 'a', 'b', 'out');
    await writeFileAtomic(out, 'doc/one.html', new TextEncoder().encode('hello'));
    expect(await readFile(join(out, 'doc/one.html'), 'utf8')).toBe('hello');
  });

  it('refuses paths outside the out directory', async () => {
    await expect(writeFileAtomic(join(dir, 'out'), '../escape.html', new Uint8Array())).rejects.toThrow(/outside the out directory/);
  });

  it('refuses to write through a symlinked directory', async () => {
    const out = join(dir, 'out');
    await mkdir(out);
    await mkdir(join(dir, 'elsewhere'));
    await symlink(join(dir, 'elsewhere'), join(out, 'doc'));
    await expect(writeFileAtomic(out, 'doc/x.html', new Uint8Array())).rejects.toThrow(/symlink/);
    expect(await readdir(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('replaces a symlinked target file instead of writing through it', async () => {
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(join(dir, 'victim.txt'), 'keep');
    await symlink(join(dir, 'victim.txt'), join(out, 'x.html'));
    await writeFileAtomic(out, 'x.html', new TextEncoder().encode('new'));
    expect(await readFile(join(dir, 'victim.txt'), 'utf8')).toBe('keep');
    expect(await readFile(join(out, 'x.html'), 'utf8')).toBe('new');
  });
});

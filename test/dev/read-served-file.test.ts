import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServedFile } from '../../src/dev/read-served-file.js';

describe('readServedFile', () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefwright-serve-'));
    out = join(dir, 'out');
    await mkdir(join(out, 'letter'), { recursive: true });
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await writeFile(join(out, 'index.html'), '<p>index</p>');
    await writeFile(join(out, 'note.html'), '<p>note</p>');
    await writeFile(join(out, 'note.pdf'), '%PDF-1.7');
    await writeFile(join(out, 'letter/chair.html'), '<p>chair</p>');
    await writeFile(join(out, 'unlisted.html'), '<p>unlisted</p>');
    await symlink(join(dir, 'secret.txt'), join(out, 'linked.html'));
    await symlink(join(out, 'letter'), join(out, 'alias'));
    const outputs = ['note.html', 'note.pdf', 'letter/chair.html', 'linked.html', 'alias/chair.html', '../secret.txt'].map((path) => ({ path }));
    await writeFile(join(out, 'manifest.json'), JSON.stringify({ outputs }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the index, the manifest and listed outputs with their types', async () => {
    expect((await readServedFile(out, '/'))?.path).toBe('index.html');
    expect((await readServedFile(out, '/note.pdf'))?.contentType).toBe('application/pdf');
    expect((await readServedFile(out, '/letter/chair.html'))?.bytes.toString()).toBe('<p>chair</p>');
    expect((await readServedFile(out, '/manifest.json'))?.contentType).toMatch(/^application\/json/);
    expect((await readServedFile(out, '/letter%2Fchair.html'))?.path).toBe('letter/chair.html');
  });

  it('refuses what the build did not write, anything outside out/, and symlinks even when listed', async () => {
    for (const path of ['/unlisted.html', '/../secret.txt', '/%2e%2e/secret.txt', '/linked.html', '/alias/chair.html', '/%E0%A4%A', '/letter/']) {
      expect(await readServedFile(out, path), path).toBeUndefined();
    }
  });
});

import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/temp-project.js';

// The compiled module in a tool of its own (package.json, dist/ with a few modules), so that
// what it hashes and remembers is this test's alone. Run by node, as the built tool runs it:
// from the TypeScript sources it neither reads nor writes a remembered fingerprint.
let tool: string;
const memo = () => join(tool, 'dist', '.tool-fingerprint.json');
const fingerprint = () =>
  execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(join(tool, 'dist/cache/fingerprint-tool.js'))}); process.stdout.write(await m.fingerprintTool());`], { encoding: 'utf8' });

beforeAll(async () => {
  tool = await mkdtemp(join(tmpdir(), 'briefwright-fingerprint-'));
  await mkdir(join(tool, 'dist', 'cache'), { recursive: true });
  for (const file of ['fingerprint-tool.js', 'hash-text.js']) await cp(join(repoRoot, 'dist', 'cache', file), join(tool, 'dist', 'cache', file));
  await cp(join(repoRoot, 'dist', 'write-tool-file.js'), join(tool, 'dist', 'write-tool-file.js'));
  await writeFile(join(tool, 'package.json'), JSON.stringify({ name: 'tool', version: '1.0.0', type: 'module' }));
  await writeFile(join(tool, 'dist', 'render.js'), 'export const version = 1;\n');
});

afterAll(async () => {
  await rm(tool, { recursive: true, force: true });
});

describe('fingerprintTool, remembered beside the compiled modules', () => {
  it('is computed from the bytes, remembered, and the same when read back', async () => {
    const first = fingerprint();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(await readFile(memo(), 'utf8')).fingerprint).toBe(first);
    expect(fingerprint()).toBe(first);
  });

  it('is taken from memory only while every module has the size and mtime it had', async () => {
    const truth = fingerprint();
    // A remembered value that differs from the bytes shows which one was used.
    const remembered = JSON.parse(await readFile(memo(), 'utf8'));
    await writeFile(memo(), JSON.stringify({ ...remembered, fingerprint: 'f'.repeat(64) }));
    expect(fingerprint()).toBe('f'.repeat(64));

    // Same size, new bytes and mtime: computed again from the bytes, and remembered again.
    await writeFile(join(tool, 'dist', 'render.js'), 'export const version = 2;\n');
    const later = new Date(Date.now() + 5000);
    await utimes(join(tool, 'dist', 'render.js'), later, later);
    const changed = fingerprint();
    expect(changed).not.toBe('f'.repeat(64));
    expect(changed).not.toBe(truth);
    expect(JSON.parse(await readFile(memo(), 'utf8')).fingerprint).toBe(changed);
  });

  it('is computed again when a module is added, or the memory is unreadable', async () => {
    const before = fingerprint();
    await writeFile(join(tool, 'dist', 'extra.js'), 'export {};\n');
    const added = fingerprint();
    expect(added).not.toBe(before);
    await writeFile(memo(), '{ not json');
    expect(fingerprint()).toBe(added);
  });
});

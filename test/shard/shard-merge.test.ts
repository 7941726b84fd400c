import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

describe('--shard K/N and manifest merge', () => {
  let p: TempProject;
  beforeAll(async () => {
    p = await createTempProject({}, { templates: false, fixture: 'base' });
    // PDFs in two places (a plain document and a merge letter) so both formats cross shards.
    for (const file of ['content/documents/public-note.yaml', 'content/documents/letter.yaml']) {
      await p.write(file, (await p.read(file)).replace('formats: [html]', 'formats: [html, pdf]'));
    }
  });
  afterAll(() => p.remove());

  it('shards 1/3, 2/3 and 3/3 are disjoint, and merged they are the full build byte for byte', async () => {
    const full = await runCli(['build', '--root', p.root, '--out', 'full', '--no-cache', '-q']);
    expect(full.code, full.stderr).toBe(0);
    const shardFiles: string[][] = [];
    for (const k of [1, 2, 3]) {
      const shard = await runCli(['build', '--root', p.root, '--out', `shard-${k}`, '--shard', `${k}/3`, '-q']);
      expect(shard.code, shard.stderr).toBe(0);
      const files = [...(await snapshotTree(join(p.root, `shard-${k}`))).keys()].filter((f) => f !== 'index.html' && f !== 'manifest.json');
      expect(files.length, `shard ${k}/3 builds something`).toBeGreaterThan(0);
      shardFiles.push(files);
    }
    const everyFile = shardFiles.flat();
    expect(new Set(everyFile).size, 'no output is built by two shards').toBe(everyFile.length);

    const merged = await runCli(['manifest', 'merge', ...[1, 2, 3].map((k) => join(p.root, `shard-${k}`)), '--out', join(p.root, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    const expected = await snapshotTree(join(p.root, 'full'));
    expect(expected.has('letter/chair.pdf') && expected.has('public-note.pdf')).toBe(true);
    expect(await snapshotTree(join(p.root, 'merged'))).toEqual(expected);
  });

  it('the split is a function of the outputs alone: the same shard twice is the same files', async () => {
    const a = await runCli(['build', '--root', p.root, '--out', 'again-a', '--shard', '2/3', '--formats', 'html', '-q']);
    const b = await runCli(['build', '--root', p.root, '--out', 'again-b', '--shard', '2/3', '--formats', 'html', '--no-cache', '-q']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(await snapshotTree(join(p.root, 'again-a'))).toEqual(await snapshotTree(join(p.root, 'again-b')));
  });

  it('refuses a bad --shard, a directory without a manifest, and shards that disagree', async () => {
    for (const bad of ['0/3', '4/3', '1/0', 'two/3', '1-3']) {
      const r = await runCli(['build', '--root', p.root, '--shard', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('--shard');
    }
    const none = await runCli(['manifest', 'merge', join(p.root, 'content'), '--out', join(p.root, 'merged-none')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('manifest.json');

    // Two builds of one output with different bytes cannot both be the truth.
    expect((await runCli(['build', '--root', p.root, '--out', 'before', '--formats', 'html', '-q'])).code).toBe(0);
    await p.write('content/sections/overview.md', `${await p.read('content/sections/overview.md')}\nA later sentence.\n`);
    const later = await runCli(['build', '--root', p.root, '--out', 'later', '--formats', 'html', '-q']);
    expect(later.code, later.stderr).toBe(0);
    const clash = await runCli(['manifest', 'merge', join(p.root, 'before'), join(p.root, 'later'), '--out', join(p.root, 'merged-clash')]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/differs between/);
  });
});

import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/output/create-manifest.js';
import { createOutputStage } from '../../../src/output/create-output-stage.js';
import type { OutputFile } from '../../../src/output/output-file.js';
import { removePendingTempFiles } from '../../../src/output/write-file-atomic.js';

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bw-stage-'));
  out = join(dir, 'out');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const tool = { name: 'briefwright', version: '0.0.0-test' };
const file = (path: string, text: string): OutputFile => ({
  path,
  format: path.endsWith('.pdf') ? 'pdf' : 'html',
  bytes: new TextEncoder().encode(text),
  document: path.split(/[/.]/)[0]!,
  recipient: path.includes('/') ? path.split('/')[1]!.split('.')[0]! : null,
  title: 'T',
  audience: 'A',
  distribution: 'public',
  pages: null,
  facts: [],
  sources: [],
  templates: [],
});
const stageIn = () => createOutputStage({ outDir: out, tool, generator: 'briefwright test' });

/** Every file under `root`, temp files included (they start with a dot). */
async function tree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1)).sort();
}

describe('createOutputStage', () => {
  it('leaves out/ as it was until commit, then lands only the wanted outputs with index and manifest', async () => {
    await mkdir(out);
    await writeFile(join(out, 'old.html'), 'old');
    const stage = stageIn();
    expect(await stage.stage(file('a.html', 'alpha'))).toBeUndefined();
    expect(await stage.stage(file('b.html', 'bravo'))).toBeUndefined();
    expect(await stage.stage(file('letter/chair.html', 'chair'))).toBeUndefined();
    // Staged outputs are temp files beside their targets: no final name exists yet.
    expect((await tree(out)).filter((f) => !/(^|\/)\./.test(f))).toEqual(['old.html']);

    const result = await stage.commit((path) => path !== 'b.html');
    expect(result.diagnostics).toEqual([]);
    expect(await tree(out)).toEqual(['a.html', 'index.html', 'letter/chair.html', 'manifest.json', 'old.html']);
    expect(await readFile(join(out, 'a.html'), 'utf8')).toBe('alpha');
    expect(result.manifest.outputs.map((o) => [o.path, o.bytes])).toEqual([
      ['a.html', 5],
      ['letter/chair.html', 5],
    ]);
    expect(result.outputs.map((o) => o.sha256)).toEqual(result.manifest.outputs.map((o) => o.sha256));
  });

  it('removes what the previous manifest listed and this build does not produce', async () => {
    const first = stageIn();
    await first.stage(file('a.html', 'alpha'));
    await first.stage(file('gone.html', 'x'));
    await first.commit(() => true);
    const second = stageIn();
    await second.stage(file('a.html', 'alpha 2'));
    const result = await second.commit(() => true);
    expect(result.removed).toEqual(['gone.html']);
    expect(await tree(out)).toEqual(['a.html', 'index.html', 'manifest.json']);
  });

  it('keeps a cached output in place without rewriting it, and lists it', async () => {
    await mkdir(out);
    await writeFile(join(out, 'a.html'), 'alpha');
    const stage = stageIn();
    const { bytes, ...kept } = file('a.html', 'alpha');
    stage.keep({ ...kept, sha256: sha256(bytes), size: bytes.byteLength });
    const result = await stage.commit(() => true);
    expect(result.written).toEqual(['index.html', 'manifest.json']);
    expect(result.manifest.outputs.map((o) => o.path)).toEqual(['a.html']);
  });

  it('discard leaves no folder it created', async () => {
    const stage = stageIn();
    await stage.stage(file('letter/chair.html', 'chair'));
    await stage.discard();
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('discard removes every staged temp file and touches nothing else', async () => {
    await mkdir(out);
    await writeFile(join(out, 'a.html'), 'old');
    const stage = stageIn();
    await stage.stage(file('a.html', 'new'));
    await stage.stage(file('letter/chair.html', 'chair'));
    await stage.discard();
    expect(await tree(out)).toEqual(['a.html']);
    expect(await readFile(join(out, 'a.html'), 'utf8')).toBe('old');
  });

  it('a failed write is a diagnostic, and then no index or manifest is written', async () => {
    await mkdir(out);
    await mkdir(join(dir, 'elsewhere'));
    await symlink(join(dir, 'elsewhere'), join(out, 'letter'));
    const stage = stageIn();
    expect(await stage.stage(file('a.html', 'alpha'))).toBeUndefined();
    expect(await stage.stage(file('letter/chair.html', 'chair'))).toEqual(expect.objectContaining({ ruleId: 'output-write-failed', file: 'out/letter/chair.html' }));
    const result = await stage.commit(() => true);
    expect(result.diagnostics).toEqual([]);
    expect(await tree(out)).toEqual(['a.html']);
    expect(await readdir(join(dir, 'elsewhere'))).toEqual([]);
  });

  // Last: after an interrupt the module refuses every further write.
  it('an interrupted build leaves no staged temp file and stages nothing more', async () => {
    const stage = stageIn();
    await stage.stage(file('a.html', 'alpha'));
    expect((await tree(out)).length).toBe(1);
    removePendingTempFiles();
    expect(await tree(out)).toEqual([]);
    expect(await stage.stage(file('b.html', 'bravo'))).toEqual(expect.objectContaining({ ruleId: 'output-write-failed', message: expect.stringMatching(/interrupted/) }));
    expect(await tree(out)).toEqual([]);
  });
});

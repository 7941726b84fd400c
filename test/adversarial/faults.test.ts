import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { cliPath, runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';
import { listTree } from './helpers/canary.js';

const documentYaml = (title: string, extra: string) =>
  `title: ${title}\nkind: letter\nlayout: plain\naudience: Test\ndistribution: public\ndate: 2026-06-26\nsections: [overview]\n${extra}`;

/** Pids of live processes whose command line mentions `needle` (Chromium gets its profile dir there). */
async function processesMentioning(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const state = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // A zombie has exited; it holds no resources but its parent's slot.
    if (cmdline.includes(needle) && !/^\d+ \(.*\) Z/.test(state)) pids.push(Number(entry));
  }
  return pids;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/** A project whose build prints many PDFs, so there is time to interrupt it mid-print. */
async function slowPdfProject(): Promise<TempProject> {
  const p = await createTempProject({}, { templates: false, fixture: 'base' });
  const recipients = Array.from({ length: 40 }, (_, i) => `- id: member-${i}\n  name: Member ${i}\n  organization: Test Committee\n  address: [1 Capitol Way]\n  salutation: "Dear Member:"\n`).join('');
  await p.write('content/recipients/many.yaml', recipients);
  await p.write('content/documents/mass.yaml', documentYaml('Mass letter', 'recipients: many\nformats: [html, pdf]\n'));
  return p;
}

describe('keep going, or --fail-fast', () => {
  let p: TempProject;
  beforeAll(async () => {
    p = await createTempProject({}, { templates: false, fixture: 'base' });
    await p.write('content/sections/broken.md', '---\ntitle: Broken\n---\nSee :fact[does-not-exist].\n');
    await p.write('content/documents/broken-doc.yaml', documentYaml('Broken', 'sections: [broken]\nformats: [html]\n').replace('sections: [overview]\n', ''));
  });
  afterAll(() => p?.remove());

  it('builds every other document and exits 1', async () => {
    const r = await runCli(['build', '--root', p.root, '--formats', 'html', '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Diagnostic[] };
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'fact-unknown', file: 'content/sections/broken.md', line: 4 }));
    const out = await listTree(join(p.root, 'out'));
    expect(out).toEqual(expect.arrayContaining(['public-note.html', 'internal-note.html', 'letter/chair.html', 'index.html', 'manifest.json']));
    expect(out).not.toContain('broken-doc.html');
    const manifest = JSON.parse(await p.read('out/manifest.json')) as { outputs: { path: string }[] };
    expect(manifest.outputs.map((o) => o.path)).not.toContain('broken-doc.html');
  });

  it('--fail-fast writes nothing', async () => {
    await rm(join(p.root, 'out'), { recursive: true, force: true });
    const r = await runCli(['build', '--root', p.root, '--formats', 'html', '--fail-fast']);
    expect(r.code, r.stderr).toBe(1);
    expect(await listTree(join(p.root, 'out'))).toEqual([]);
  });
});

describe('signals', () => {
  let p: TempProject;
  beforeAll(async () => {
    p = await slowPdfProject();
  });
  afterAll(() => p?.remove());

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} closes the browser, leaves no temp file and exits ${code}`, async () => {
      const runTmp = await mkdtemp(join(tmpdir(), 'briefwright-signal-'));
      const child = spawn(process.execPath, [cliPath, 'build', '--root', p.root, '--concurrency', '1'], {
        env: { ...process.env, TMPDIR: runTmp, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      // Interrupt once the first PDF is done: the browser is up and printing.
      const printing = await waitFor(async () => (/^pdf 1\/\d+/m.test(stderr) ? true : undefined), 60_000);
      expect(printing, stderr).toBe(true);
      expect((await processesMentioning(runTmp)).length).toBeGreaterThan(0);
      child.kill(signal);
      expect(await exited, stderr).toBe(code);
      expect(stderr).toMatch(/closing the browser/);
      expect(await waitFor(async () => ((await processesMentioning(runTmp)).length === 0 ? true : undefined), 5000)).toBe(true);
      expect(await listTree(runTmp)).toEqual([]);
      expect((await listTree(join(p.root, 'out'))).filter((f) => /(^|\/)\.|\.tmp$/.test(f))).toEqual([]);
      await rm(runTmp, { recursive: true, force: true });
    });
  }

  it('a SIGKILLed CLI leaves no orphan Chromium (pipe transport)', async () => {
    const runTmp = await mkdtemp(join(tmpdir(), 'briefwright-kill-'));
    const child = spawn(process.execPath, [cliPath, 'build', '--root', p.root, '--concurrency', '1'], {
      env: { ...process.env, TMPDIR: runTmp, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    expect(await waitFor(async () => (/^pdf 1\/\d+/m.test(stderr) ? true : undefined), 60_000), stderr).toBe(true);
    const browsers = await processesMentioning(runTmp);
    expect(browsers.length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await exited;
    const gone = await waitFor(async () => ((await processesMentioning(runTmp)).length === 0 ? true : undefined), 15_000);
    const left = await processesMentioning(runTmp);
    for (const pid of left) process.kill(pid, 'SIGKILL');
    expect(gone, `orphans: ${left.join(', ')}`).toBe(true);
    await rm(runTmp, { recursive: true, force: true });
  });
});

describe('a full or read-only out directory', () => {
  let p: TempProject;
  let mountPoint: string;
  let reference: Map<string, Buffer>;
  const mounted: string[] = [];

  beforeAll(async () => {
    p = await createTempProject({}, { templates: false, fixture: 'base' });
    // One output larger than the whole file system below, the others small.
    await p.write('content/sections/long.md', `---\ntitle: Long\n---\n${'A long paragraph of plain prose that fills the page. '.repeat(4000)}\n`);
    await p.write('content/documents/long-doc.yaml', documentYaml('Long', 'formats: [html]\n').replace('sections: [overview]', 'sections: [long]'));
    const ref = await runCli(['build', '--root', p.root, '--formats', 'html', '--out', join(p.root, 'reference')]);
    expect(ref.code, ref.stderr).toBe(0);
    reference = await snapshotTree(join(p.root, 'reference'));
    expect(reference.get('long-doc.html')!.byteLength).toBeGreaterThan(150_000);
    mountPoint = await mkdtemp(join(tmpdir(), 'briefwright-smallfs-'));
  });

  afterAll(async () => {
    for (const dir of mounted.reverse()) execFileSync('umount', [dir]);
    if (mountPoint) await rm(mountPoint, { recursive: true, force: true });
    await p?.remove();
  });

  /** A tmpfs mounted at a new folder of `mountPoint` (needs root, as CI runs), unmounted after all. */
  async function mountTmpfs(name: string, options: string): Promise<string> {
    const out = join(mountPoint, name);
    await mkdir(out);
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', out]);
    mounted.push(out);
    return out;
  }

  /** Builds the project's HTML into `out` with JSON diagnostics: exit 3, and the diagnostics. */
  async function buildIntoFailingOut(out: string): Promise<Diagnostic[]> {
    const r = await runCli(['build', '--root', p.root, '--formats', 'html', '--out', out, '--format', 'json']);
    expect(r.code, r.stderr).toBe(3);
    return (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  }

  /** Files in `dir` must each be complete: byte-identical to the reference build's. */
  async function expectNoPartialFile(dir: string) {
    const files = await snapshotTree(dir);
    for (const [path, bytes] of files) {
      expect(path, 'temp file left').not.toMatch(/(^|\/)\.|\.tmp$/);
      expect(bytes.equals(reference.get(path) ?? Buffer.alloc(0)), `${path} is truncated or foreign`).toBe(true);
    }
  }

  it('a full disk: output-write-failed, exit 3, no truncated file', async () => {
    // A 64 KiB file system: the long document cannot fit.
    const out = await mountTmpfs('full', 'size=64k');
    const diagnostics = await buildIntoFailingOut(out);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'output-write-failed', message: expect.stringMatching(/long-doc\.html.*ENOSPC/) }));
    expect(await listTree(out)).not.toContain('long-doc.html');
    await expectNoPartialFile(out);
  });

  it('a read-only out: output-write-failed, exit 3, nothing written', async () => {
    const out = await mountTmpfs('readonly', 'size=1m,ro');
    const diagnostics = await buildIntoFailingOut(out);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'output-write-failed', message: expect.stringMatching(/EROFS/) }));
    expect(await listTree(out)).toEqual([]);
    // The human summary must not claim a build it could not write.
    const pretty = await runCli(['build', '--root', p.root, '--formats', 'html', '--out', out]);
    expect(pretty.code).toBe(3);
    expect(pretty.stderr).toMatch(/Could not write \d+ files? to /);
    expect(pretty.stderr).not.toMatch(/Built \d+ output/);
  });

  it('a symlink planted in out/ is never written through', async () => {
    const out = join(p.root, 'out-with-link');
    const outside = await mkdtemp(join(tmpdir(), 'briefwright-outside-'));
    await mkdir(out);
    execFileSync('ln', ['-s', outside, join(out, 'letter')]);
    const r = await runCli(['build', '--root', p.root, '--formats', 'html', '--out', out, '--format', 'json']);
    expect(r.code, r.stderr).toBe(3);
    expect(await listTree(outside)).toEqual([]);
    expect(r.stdout).toMatch(/symlink/);
    await rm(outside, { recursive: true, force: true });
  });
});

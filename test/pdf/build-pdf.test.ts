import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import type { BuildProgress } from '../../src/config/index.js';
import type { Manifest } from '../../src/output/index.js';
import { runCli } from '../helpers/run-cli.js';
import { repoRoot, snapshotTree, type TempProject } from '../helpers/temp-project.js';
import { killOwnBrowsers, ownBrowserPids } from './helpers/browser-processes.js';
import { startCanaryServer } from './helpers/canary-server.js';
import { pdfTestBrowser } from './helpers/pdf-browser.js';
import { createPdfProject } from './helpers/pdf-project.js';
import { pdffonts, pdfinfo, readPdf, type ReadPdf } from './helpers/read-pdf.js';

/** The whole build with PDFs, on test/pdf/fixtures/project (its own layouts and print CSS). */
const browser = pdfTestBrowser();
/** Spread into build options: the suites below are skipped when there is no browser. */
const withBrowser = browser === undefined ? {} : { browser };
const recipients = ['chair', 'member-four', 'member-one', 'member-three', 'member-two', 'ranking-member'];
const pdfPaths = [...recipients.map((r) => `letter/${r}.pdf`), 'report.pdf'].sort();

const projects: TempProject[] = [];
async function project(files: Record<string, string> = {}): Promise<TempProject> {
  const p = await createPdfProject(files);
  projects.push(p);
  return p;
}
afterAll(async () => Promise.all(projects.map((p) => p.remove())));

async function allFiles(dir: string): Promise<string[]> {
  return [...(await snapshotTree(dir)).keys()].sort();
}

describe.skipIf(browser === undefined)('build with PDFs (real Chromium)', () => {
  let fixture: TempProject;
  let result: BuildResult;
  let progress: BuildProgress[];
  let report: ReadPdf;
  beforeAll(async () => {
    fixture = await project();
    progress = [];
    result = await build({ root: fixture.root, concurrency: 2, ...withBrowser, onProgress: (p) => progress.push(p) });
    report = await readPdf(await readFile(join(fixture.root, 'out/report.pdf')));
  });

  it('writes a PDF for every document and recipient, with pages, bytes and sha256 in the manifest and pages in the index', async () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    const out = join(fixture.root, 'out');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const pdfs = manifest.outputs.filter((o) => o.format === 'pdf');
    expect(pdfs.map((o) => o.path)).toEqual(pdfPaths);
    for (const entry of pdfs) {
      const bytes = await readFile(join(out, entry.path));
      expect(entry.bytes).toBe(bytes.byteLength);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(entry.pages).toBe((await readPdf(bytes)).pages);
    }
    expect(pdfs.find((o) => o.path === 'report.pdf')?.pages).toBe(report.pages);
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain(`<td class="num">${report.pages}</td>`);
    // One progress event per PDF, counted up to the total (HTML renders report their own stage).
    const pdfProgress = progress.filter((p) => p.stage === 'pdf');
    expect(pdfProgress.map((p) => p.path).sort()).toEqual(pdfPaths);
    expect(pdfProgress.map((p) => p.done)).toEqual(pdfPaths.map((_, i) => i + 1));
    expect(pdfProgress.every((p) => p.ok && p.total === pdfPaths.length)).toBe(true);
  });

  it('prints the title and marking on the first page and "Page N of M" on every page', () => {
    expect(report.pages).toBeGreaterThan(4);
    expect(report.text[0]).toContain('Fixture report');
    report.text.forEach((text, i) => {
      expect(text).toContain('FIXTURE MARKING');
      expect(text).toContain(`Page ${i + 1} of ${report.pages}`);
    });
  });

  it('fills every TOC entry with the page its heading is on', () => {
    const headings = ['Overview', 'Background', 'Analysis', 'Annex', 'Sources'];
    const toc = /Contents (.*? Sources \d+)/.exec(report.text[0]!);
    expect(toc, report.text[0]).not.toBeNull();
    const printed = headings.map((h) => Number(new RegExp(`\\b${h} (\\d+)`).exec(toc![1]!)?.[1]));
    // Where each heading really is, from the page text (the TOC itself cut off page 1).
    const bodies = report.text.map((text, i) => (i === 0 ? text.slice(toc!.index + toc![0].length) : text));
    const actual = headings.map((h) => bodies.findIndex((text) => text.includes(h)) + 1);
    expect(printed).toEqual(actual);
    expect(new Set(printed).size).toBe(headings.length);
  });

  it('has bookmarks for the headings, tags, metadata and only embedded fonts', async () => {
    const top = report.outline.filter((o) => o.depth === 1).map((o) => o.title);
    expect(report.outline[0]).toEqual({ title: 'Fixture report', depth: 0 });
    expect(top).toEqual(expect.arrayContaining(['Contents', 'Overview', 'Background', 'Analysis', 'Annex', 'Sources']));
    expect(report.outline.filter((o) => o.depth === 2).map((o) => o.title)).toEqual(['Timeline', 'Open questions']);
    expect(report.tagged).toBe(true);
    expect([...report.roles]).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'TH', 'TD']));
    const out = join(fixture.root, 'out');
    expect(await pdfinfo(join(out, 'report.pdf'))).toMatchObject({
      Title: 'Fixture report',
      Author: 'Fixture Policy Institute',
      Subject: 'A report the PDF tests print and read back.',
      Keywords: 'distillation, export controls',
      Creator: expect.stringMatching(/^briefwright \d/),
      Producer: expect.stringMatching(/^briefwright \d/),
      CreationDate: expect.stringMatching(/^2026-06-26T00:00:00/),
      ModDate: expect.stringMatching(/^2026-06-26T00:00:00/),
      Tagged: 'yes',
      'Page size': expect.stringContaining('(A4)'),
    });
    const letter = await pdfinfo(join(out, 'letter/chair.pdf'));
    expect(letter).toMatchObject({ Title: 'Fixture letter', Tagged: 'yes', 'Page size': expect.stringContaining('(letter)') });
    expect(letter['CreationDate']).toMatch(/^2026-06-25T00:00:00/);
    for (const path of pdfPaths) {
      const fonts = await pdffonts(join(out, path));
      expect(fonts.length, path).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded), path).toEqual([]);
    }
  });

  it('gives byte-identical out/ (PDFs included) for two builds at concurrency 2', async () => {
    const again = await build({ root: fixture.root, out: join(fixture.root, 'out-again'), concurrency: 2, ...withBrowser });
    expect(again.exitCode).toBe(0);
    const [first, second] = [await snapshotTree(join(fixture.root, 'out')), await snapshotTree(join(fixture.root, 'out-again'))];
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, bytes] of first) expect(bytes.equals(second.get(path)!), `${path} differs`).toBe(true);
  });
});

describe.skipIf(browser === undefined)('PDF-only documents and the build cache (real Chromium)', () => {
  it('keeps a PDF-only output’s HTML in the cache, reuses the PDFs it still matches, and drops the HTML no output needs', async () => {
    const letter = await readFile(join(repoRoot, 'test/pdf/fixtures/project/content/documents/letter.yaml'), 'utf8');
    const p = await project({ 'content/documents/letter.yaml': letter.replace('formats: [html, pdf]', 'formats: [pdf]') });
    const blobs = async () => (await readdir(join(p.root, '.briefwright-cache/html'))).sort();
    const first = await build({ root: p.root, concurrency: 2, ...withBrowser });
    expect(first.exitCode).toBe(0);
    const letters = recipients.map((r) => `letter/${r}.pdf`);
    expect((await allFiles(join(p.root, 'out'))).filter((f) => f.startsWith('letter/'))).toEqual(letters);
    const before = await blobs();
    expect(before).toHaveLength(recipients.length);
    for (const name of before) expect(await readFile(join(p.root, '.briefwright-cache/html', name), 'utf8')).toMatch(/^<!doctype html>/i);

    await p.write('content/recipients/committee.yaml', (await p.read('content/recipients/committee.yaml')).replace('Dear Member One:', 'Dear Member Uno:'));
    const second = await build({ root: p.root, concurrency: 2, ...withBrowser });
    expect(second.exitCode).toBe(0);
    expect(second.reused).toEqual(expect.arrayContaining(letters.filter((l) => l !== 'letter/member-one.pdf')));
    expect(second.reused).not.toContain('letter/member-one.pdf');
    const after = await blobs();
    expect(after).toHaveLength(recipients.length);
    expect(after.filter((name) => !before.includes(name))).toHaveLength(1);
  });
});

describe.skipIf(browser === undefined)('build with PDFs: failures (real Chromium)', () => {
  it('recovers when the browser is killed during a multi-document build, leaving no partial file', async () => {
    const p = await project();
    let killed = 0;
    const result = await build({
      root: p.root,
      concurrency: 2,
      ...withBrowser,
      // After the first PDF, kill the browser while the next ones print. Only on PDF progress:
      // an HTML progress event can come while the browser is still starting, and a kill then
      // is a failed launch, not a death mid-build.
      onProgress: (p) => {
        if (p.stage === 'pdf' && killed === 0) killed += killOwnBrowsers();
      },
    });
    expect(killed).toBe(1);
    expect(result.diagnostics).toEqual([]);
    const files = await allFiles(join(p.root, 'out'));
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual(pdfPaths);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const path of pdfPaths) expect((await readPdf(await readFile(join(p.root, 'out', path)))).pages).toBeGreaterThan(0);
    expect(ownBrowserPids()).toEqual([]);
  });

  it('fails cleanly when the browser keeps dying: clear errors, nothing written', async () => {
    const p = await project();
    const result = await build({ root: p.root, concurrency: 1, ...withBrowser, onProgress: (p) => void (p.stage === 'pdf' && killOwnBrowsers()) });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(new Set(result.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['pdf-render-failed']));
    expect(result.diagnostics[0]!.message).toMatch(/Chromium exited while printing/);
    await expect(readdir(join(p.root, 'out'))).rejects.toThrow(/ENOENT/);
    expect(ownBrowserPids()).toEqual([]);
  });

  it('never lets a template reach a loopback server: zero requests, the URL reported, nothing written', async () => {
    const canary = await startCanaryServer();
    try {
      const letter = await readFile(join(repoRoot, 'test/pdf/fixtures/project/templates/layouts/letter.hbs'), 'utf8');
      const p = await project({
        'templates/layouts/letter.hbs': letter.replace(
          '<h1>',
          `<img src="${canary.origin}/pixel.png" alt=""><div style="background-image: url('${canary.origin}/bg.png')">x</div><h1>`,
        ),
      });
      const result = await build({ root: p.root, ...withBrowser, concurrency: 2 });
      expect(canary.hits).toEqual([]);
      expect(result.exitCode).toBe(1);
      // Checks before the PDF stage may catch the <img> first; the CSS url() only Chromium sees.
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.some((d) => d.message.includes(`${canary.origin}/pixel.png`))).toBe(true);
      // The build keeps going past the bad document: its outputs are absent, the report is there.
      const written = await readdir(join(p.root, 'out'), { recursive: true });
      expect(written.filter((f) => f.startsWith('letter'))).toEqual([]);
      expect(written).toContain('report.pdf');
    } finally {
      await canary.close();
    }
  });
});

describe.skipIf(browser === undefined)('briefwright build (CLI) and the browser', () => {
  it('exits 3 with pdf-browser-missing when the browser does not exist and a PDF is needed', async () => {
    const p = await project();
    for (const [args, env] of [
      [['--browser', '/nonexistent/chromium'], {}],
      [[], { BRIEFWRIGHT_BROWSER: '/nonexistent/chromium' }],
    ] as const) {
      const run = await runCli(['build', '--root', p.root, '--format', 'json', ...args], { env });
      expect(run.code, run.stderr).toBe(3);
      const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string; hint: string }[] };
      expect(report.diagnostics).toEqual([expect.objectContaining({ ruleId: 'pdf-browser-missing', message: expect.stringContaining('/nonexistent/chromium') })]);
      expect(report.diagnostics[0]!.hint).toContain('Chromium');
    }
    // Without a browser no PDF can exist; the HTML outputs need none and are still written.
    const written = await readdir(join(p.root, 'out'), { recursive: true });
    expect(written.filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('exits 3 with pdf-browser-missing when the browser exists but does not start', async () => {
    const p = await project();
    const run = await runCli(['build', '--root', p.root, '--format', 'json', '--browser', '/bin/false']);
    expect(run.code, run.stderr).toBe(3);
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string }[] };
    expect(report.diagnostics).toEqual([expect.objectContaining({ ruleId: 'pdf-browser-missing', message: expect.stringContaining('/bin/false` did not start') })]);
  });

  it('builds HTML without any browser when --formats html', async () => {
    const p = await project();
    const run = await runCli(['build', '--root', p.root, '--formats', 'html', '--browser', '/nonexistent/chromium']);
    expect(run.code, run.stderr).toBe(0);
    const files = await allFiles(join(p.root, 'out'));
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
    expect(files).toContain('report.html');
    expect(run.stderr).not.toMatch(/^pdf /m);
  });

  it('takes the per-document print timeout from --pdf-timeout (pdf-timeout, exit 1) and refuses a bad value (exit 2)', async () => {
    const p = await project();
    const run = await runCli(['build', '--root', p.root, '--format', 'json', '--pdf-timeout', '1', '--browser', browser!]);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string }[] };
    expect(report.diagnostics.length).toBeGreaterThan(0);
    expect(report.diagnostics.every((d) => d.ruleId === 'pdf-timeout' && d.message.includes('longer than 1 ms'))).toBe(true);
    const bad = await runCli(['build', '--root', p.root, '--pdf-timeout', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pdf-timeout');
  });

  it('prints one progress line per PDF on stderr, keeps stdout for --format json, and takes dates from SOURCE_DATE_EPOCH', async () => {
    const p = await project();
    const run = await runCli(['build', '--root', p.root, '--format', 'json', '--concurrency', '2'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ errors: 0, warnings: 0 });
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('pdf '));
    expect(lines).toHaveLength(pdfPaths.length);
    expect(lines.some((l) => /^pdf \d+\/7 report\.pdf · \d+ pages · \d+\.\d s$/.test(l))).toBe(true);
    const info = await pdfinfo(join(p.root, 'out/report.pdf'));
    expect(info['CreationDate']).toMatch(/^2023-11-14T22:13:20/);
    expect(info['ModDate']).toMatch(/^2023-11-14T22:13:20/);
  });

  it('refuses a malformed SOURCE_DATE_EPOCH instead of writing clock-dependent PDFs', async () => {
    const p = await project();
    const run = await runCli(['build', '--root', p.root, '--format', 'json'], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([expect.objectContaining({ ruleId: 'pdf-render-failed', message: expect.stringContaining('SOURCE_DATE_EPOCH') })]);
  });
});

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdfs, type PdfJob, type PrintPdfsOptions } from '../../src/pdf/index.js';
import { killOwnBrowsers, ownBrowserPids } from './helpers/browser-processes.js';
import { startCanaryServer, type CanaryServer } from './helpers/canary-server.js';
import { pdfTestBrowser } from './helpers/pdf-browser.js';
import { repoRoot } from '../helpers/temp-project.js';
import { pdffonts, pdfinfo, readPdf } from './helpers/read-pdf.js';

/**
 * The PDF stage on its own, with small HTML documents written here: real Chromium, every
 * output read back. The CSP meta is what the layouts put in; some documents leave it out to
 * show request interception holds on its own.
 */
const browser = pdfTestBrowser();

const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">`;
const printCss = `@page { size: A4; margin: 20mm; @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt 'Liberation Sans', sans-serif; } }
body { font: 11pt/1.4 'Liberation Serif', serif; } h1, h2, h3 { font-family: 'Liberation Sans', sans-serif; }
th, td { border: 1px solid #888; }`;

function html(body: string, options: { csp?: boolean; css?: string; title?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${options.csp === false ? '' : csp}<title>${options.title ?? 'Test'}</title><style>${options.css ?? printCss}</style></head><body>${body}</body></html>`;
}

const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1}. ${'Every figure in a briefing carries its source. '.repeat(12)}</p>`).join('');
const table = (rows: number) =>
  `<table><thead><tr><th>Step</th><th>Event</th></tr></thead><tbody>${Array.from({ length: rows }, (_, i) => `<tr><td>${i + 1}</td><td>Row ${i + 1}</td></tr>`).join('')}</tbody></table>`;

function job(name: string, body: string, extra: Partial<PdfJob> = {}): PdfJob {
  return {
    path: `${name}.pdf`,
    file: `content/documents/${name}.yaml`,
    html: html(body, { title: name }),
    size: 'A4',
    toc: false,
    metadata: { title: `Title of ${name}`, author: 'Fixture Institute', subject: `About ${name}`, keywords: ['export controls', 'distillation'], language: 'en', date: '2026-06-26' },
    ...extra,
  };
}

const base = (): PrintPdfsOptions => ({
  browser,
  concurrency: 2,
  timeoutMs: 30_000,
  producer: 'briefwright 9.9.9-test',
  sourceDateEpoch: undefined,
});

let dir: string;
let canary: CanaryServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefwright-pdf-test-'));
  canary = await startCanaryServer();
});
afterAll(async () => {
  await canary?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(browser === undefined)('printPdfs (real Chromium)', () => {
  it('prints a tagged PDF with bookmarks from the headings, page numbers from CSS, embedded fonts and our metadata', async () => {
    const body = `<h1>Main title</h1>${paragraphs(3)}<h2>First part</h2>${paragraphs(6)}<h3>A detail</h3>${table(8)}<h2>Second part</h2>${paragraphs(2)}`;
    const result = await printPdfs([job('report', body)], base());
    expect(result.diagnostics).toEqual([]);
    const printed = result.printed[0]!;
    const read = await readPdf(printed.bytes);
    expect(printed.pages).toBe(read.pages);
    expect(read.pages).toBeGreaterThan(1);
    read.text.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${read.pages}`));
    // The outline and the structure tree survive pdf-lib's re-save (read back after it).
    expect(read.outline).toEqual([
      { title: 'Main title', depth: 0 },
      { title: 'First part', depth: 1 },
      { title: 'A detail', depth: 2 },
      { title: 'Second part', depth: 1 },
    ]);
    expect(read.tagged).toBe(true);
    expect([...read.roles]).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD']));
    expect(read.info).toMatchObject({
      Title: 'Title of report',
      Author: 'Fixture Institute',
      Subject: 'About report',
      Keywords: 'export controls, distillation',
      Creator: 'briefwright 9.9.9-test',
      Producer: 'briefwright 9.9.9-test',
      CreationDate: 'D:20260626000000Z',
      ModDate: 'D:20260626000000Z',
      Language: 'en',
    });

    const file = join(dir, 'report.pdf');
    await writeFile(file, printed.bytes);
    const info = await pdfinfo(file);
    expect(info).toMatchObject({ Tagged: 'yes', Title: 'Title of report', Author: 'Fixture Institute', Pages: String(read.pages) });
    expect(info['CreationDate']).toMatch(/^2026-06-26T00:00:00/);
    expect(info['Page size']).toContain('(A4)');
    const fonts = await pdffonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('takes the page size from the document when the CSS sets none, and SOURCE_DATE_EPOCH for the dates', async () => {
    const letter = job('letter', '<p>Short.</p>', { size: 'Letter', html: html('<p>Short.</p>', { css: 'body { font-family: serif; }' }) });
    const result = await printPdfs([letter], { ...base(), sourceDateEpoch: '1700000000' });
    const file = join(dir, 'letter.pdf');
    await writeFile(file, result.printed[0]!.bytes);
    const info = await pdfinfo(file);
    expect(info['Page size']).toContain('(letter)');
    expect(info['CreationDate']).toMatch(/^2023-11-14T22:13:20/);
    expect(info['ModDate']).toMatch(/^2023-11-14T22:13:20/);
  });

  it('fills the TOC with the pages its targets land on', async () => {
    const entries = ['alpha', 'beta', 'gamma'];
    const toc = `<nav class="toc"><ol>${entries.map((id) => `<li><a href="#${id}">${id}</a> <span class="toc-page" data-target="${id}"></span></li>`).join('')}</ol></nav>`;
    const section = (id: string, paragraphCount: number, style = '') =>
      `<section id="${id}"${style}><h2>${id.toUpperCase()} HEADING</h2>${paragraphs(paragraphCount)}</section>`;
    const body = `${toc}${section('alpha', 9)}${section('beta', 1)}${section('gamma', 1, ' style="break-before: page"')}`;
    const result = await printPdfs([job('toc', body, { toc: true })], base());
    expect(result.diagnostics).toEqual([]);
    const read = await readPdf(result.printed[0]!.bytes);
    const pageOf = (id: string) => read.text.findIndex((t) => t.includes(`${id.toUpperCase()} HEADING`)) + 1;
    const pages = entries.map(pageOf);
    // Not trivially 1: the sections start on different, later pages.
    expect(new Set(pages).size).toBe(3);
    expect(pages.every((p) => p > 0)).toBe(true);
    const printedNumbers = entries.map((id) => Number(new RegExp(`\\b${id} (\\d+)`).exec(read.text[0]!)?.[1]));
    expect(printedNumbers).toEqual(pages);
  });

  it('loads nothing but the document: file://, loopback HTTP, CSS url() and frames are blocked, reported, and reach no server', async () => {
    const secret = join(dir, 'secret.html');
    await writeFile(secret, '<p>TOP SECRET FILE CONTENT</p>');
    const attacks = [
      `<img src="file://${secret}">`,
      `<iframe src="file://${secret}"></iframe>`,
      `<iframe src="${secret}"></iframe>`,
      `<img src="${canary.origin}/img.png">`,
      `<div style="background: url('${canary.origin}/css-url.png')">styled</div>`,
      `<link rel="stylesheet" href="${canary.origin}/style.css">`,
    ].join('\n');
    const jobs = [
      job('hostile-csp', `<h1>Hostile</h1>${attacks}`),
      job('hostile-no-csp', '', { html: html(`<h1>Hostile</h1>${attacks}`, { csp: false }) }),
      job('clean', '<h1>Clean</h1><p>Nothing to see.</p>'),
    ];
    const result = await printPdfs(jobs, base());

    expect(canary.hits).toEqual([]);
    expect(result.printed[0]).toBeUndefined();
    expect(result.printed[1]).toBeUndefined();
    const clean = await readPdf(result.printed[2]!.bytes);
    expect(clean.text.join(' ')).not.toContain('TOP SECRET');
    expect(result.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([
      ['pdf-render-failed', 'content/documents/hostile-csp.yaml'],
      ['pdf-render-failed', 'content/documents/hostile-no-csp.yaml'],
    ]);
    for (const d of result.diagnostics) {
      expect(d.severity).toBe('error');
      expect(d.message).toContain(`${canary.origin}/img.png`);
      expect(d.message).toContain(`${canary.origin}/css-url.png`);
      expect(d.message).toContain(`file://${secret}`);
      expect(d.message).toContain('blocked');
    }
    // Without CSP the requests reach interception, which aborts them; the relative frame
    // resolves against the virtual origin and is refused there too.
    expect(result.diagnostics[1]!.message).toContain(`https://briefwright.invalid${secret}`);
    expect(result.diagnostics[1]!.message).toContain(`${canary.origin}/style.css`);
  });

  it('prints embedded data: fonts in every document of a reused tab, and blocks a document that names the font path itself', async () => {
    const woff2 = await readFile(join(repoRoot, 'node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2'));
    const css = `@font-face { font-family: 'Embedded Serif'; src: url(data:font/woff2;base64,${woff2.toString('base64')}) format('woff2'); }
body { font: 11pt 'Embedded Serif'; }`;
    const sha = createHash('sha256').update(woff2).digest('hex');
    const named = `@font-face { font-family: 'Named'; src: url(https://briefwright.invalid/fonts/${sha}); } p { font-family: 'Named'; }`;
    const jobs = [
      ...['one', 'two', 'three'].map((name) => job(name, `<p>Document ${name}</p>`, { html: html(`<p>Document ${name}</p>`, { css }) })),
      job('named', '', { html: html('<p>Named</p>', { css: `${css}\n${named}` }) }),
    ];
    // One tab: the second and third documents find the font in the tab's cache.
    const result = await printPdfs(jobs, { ...base(), concurrency: 1 });
    for (const [i, name] of ['one', 'two', 'three'].entries()) {
      const file = join(dir, `font-${name}.pdf`);
      await writeFile(file, result.printed[i]!.bytes);
      expect((await pdffonts(file)).map((f) => [f.name.replace(/^[A-Z]{6}\+/, ''), f.embedded])).toEqual([['SourceSerif4-Regular', true]]);
    }
    expect(result.printed[3]).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([['pdf-render-failed', 'content/documents/named.yaml']]);
    expect(result.diagnostics[0]!.message).toContain(`https://briefwright.invalid/fonts/${sha}`);
  });

  it('runs no JavaScript in the print page, even without a CSP', async () => {
    const body = `<p id="x">static text</p><script>document.getElementById('x').textContent = 'SCRIPT RAN'; document.title = 'SCRIPT RAN';</script>`;
    const result = await printPdfs([job('script', '', { html: html(body, { csp: false }) })], base());
    expect(result.diagnostics).toEqual([]);
    const read = await readPdf(result.printed[0]!.bytes);
    expect(read.text.join(' ')).toContain('static text');
    expect(read.text.join(' ')).not.toContain('SCRIPT RAN');
  });

  it('fails a document whose renderer crashes at once, not at the timeout; the others still print', async () => {
    const started = Date.now();
    const result = await printPdfs([job('crashes', '<p>a</p>'), job('fine', '<p>b</p>')], {
      ...base(),
      timeoutMs: 25_000,
      // Page.crash kills this tab's renderer, as an out-of-memory renderer would die.
      beforePrint: async (page, j) => {
        if (j.path !== 'crashes.pdf') return;
        const session = await page.createCDPSession();
        session.send('Page.crash').catch(() => undefined);
      },
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.printed[0]).toBeUndefined();
    expect(result.printed[1]).toBeDefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'pdf-render-failed', file: 'content/documents/crashes.yaml' });
    expect(result.diagnostics[0]!.message).toMatch(/crashed while printing `crashes\.pdf`/);
  });

  it('turns the per-document timeout into pdf-timeout without hanging', async () => {
    const started = Date.now();
    const result = await printPdfs([job('slow-a', paragraphs(40)), job('slow-b', paragraphs(40))], { ...base(), timeoutMs: 1 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.printed).toEqual([undefined, undefined]);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['pdf-timeout', 'pdf-timeout']);
    expect(result.diagnostics[0]!.message).toContain('took longer than 1 ms');
    expect(ownBrowserPids()).toEqual([]);
  });

  it('relaunches a browser that dies mid-build and retries the documents it took down', async () => {
    const jobs = ['one', 'two', 'three', 'four', 'five', 'six'].map((n) => job(n, `<h1>${n}</h1>${paragraphs(4)}`));
    let killed = 0;
    const result = await printPdfs(jobs, {
      ...base(),
      beforePrint: async (_page, j) => {
        if (j.path === 'three.pdf' && killed === 0) killed += killOwnBrowsers();
      },
    });
    expect(killed).toBe(1);
    expect(result.diagnostics).toEqual([]);
    for (const [i, printed] of result.printed.entries()) {
      const read = await readPdf(printed!.bytes);
      expect(read.text[0]).toContain(['one', 'two', 'three', 'four', 'five', 'six'][i]);
    }
    expect(ownBrowserPids()).toEqual([]);
  });

  it('fails cleanly when the browser dies again after its one relaunch', async () => {
    const jobs = ['one', 'two', 'three', 'four'].map((n) => job(n, `<h1>${n}</h1>`));
    let kills = 0;
    const result = await printPdfs(jobs, {
      ...base(),
      concurrency: 1,
      beforePrint: async (_page, j) => {
        if (j.path === 'two.pdf') kills += killOwnBrowsers();
      },
    });
    expect(kills).toBe(2);
    expect(result.printed[0]).toBeDefined();
    expect(result.printed.slice(1)).toEqual([undefined, undefined, undefined]);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['pdf-render-failed', 'pdf-render-failed', 'pdf-render-failed']);
    expect(result.diagnostics[0]!.message).toContain('Chromium exited while printing `two.pdf`');
    expect(ownBrowserPids()).toEqual([]);
  });

  it('gives byte-identical tagged PDFs at concurrency 2, whatever else is printing at the same time', async () => {
    // Tables make Chromium write structure ids (/ID, /Headers) from a counter the tabs share.
    const jobs = [4, 9, 2, 7].map((n, i) => job(`doc-${i}`, `<h1>Doc ${i}</h1>${paragraphs(n)}${table(n * 3)}<h2>End</h2>${table(n)}`));
    const first = await printPdfs(jobs, base());
    const second = await printPdfs([...jobs].reverse(), base());
    expect([...first.diagnostics, ...second.diagnostics]).toEqual([]);
    const reversed = [...second.printed].reverse();
    for (const [i, printed] of first.printed.entries()) {
      expect(Buffer.from(printed!.bytes).includes('/Headers')).toBe(true);
      expect(Buffer.from(printed!.bytes).equals(Buffer.from(reversed[i]!.bytes)), `doc-${i}.pdf differs between builds`).toBe(true);
    }
  });
});

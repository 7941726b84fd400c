import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';
import { pdfTestBrowser } from '../pdf/helpers/pdf-browser.js';
import { pdffonts, pdfinfo, readPdf, type ReadPdf } from '../pdf/helpers/read-pdf.js';

/**
 * The shipped layouts on paper (real Chromium): a merged letter, a draft A4 briefing and a memo
 * with a table of contents from the fixture project, read back with pdfjs-dist and poppler.
 */
const browser = pdfTestBrowser();
const marking = 'For the Committee — not for public release';

/** Page text without whitespace, lowercased: letter-spaced uppercase text comes back as "F O R". */
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

let project: TempProject;
let result: CliResult;
const pdfs = new Map<string, ReadPdf>();
beforeAll(async () => {
  project = await createTempProject({}, { fixture: '../templates/fixtures/layouts' });
  result = await runCli(['build', '--root', project.root, '--only', 'letter,briefing,memo', '--browser', browser ?? '', '--format', 'json']);
  for (const path of ['letter/chair.pdf', 'letter/ranking-member.pdf', 'briefing.pdf', 'memo.pdf']) {
    pdfs.set(path, await readPdf(await readFile(join(project.root, 'out', path))));
  }
});
afterAll(async () => project?.remove());

describe.skipIf(browser === undefined)('shipped layouts in PDF', () => {
  it('builds', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });

  it('letter: more than one page, each numbered "Page N of M"', () => {
    for (const path of ['letter/chair.pdf', 'letter/ranking-member.pdf']) {
      const pdf = pdfs.get(path)!;
      expect(pdf.pages, path).toBeGreaterThanOrEqual(2);
      pdf.text.forEach((text, i) => expect(text, `${path} page ${i + 1}`).toContain(`Page ${i + 1} of ${pdf.pages}`));
    }
  });

  it('letter: the first page is on letterhead, addressed to its recipient, with the marking once (no running header)', () => {
    const chair = pdfs.get('letter/chair.pdf')!;
    const first = chair.text[0]!;
    expect(first).toContain('Example Policy Institute');
    expect(first).toContain('1000 Example Avenue NW, Suite 500');
    expect(first).toContain('Dear Chair:');
    expect(first).toContain('Re: Large-scale copying of AI models through fraudulent accounts');
    expect(count(squash(first), squash(marking))).toBe(1);
    expect(pdfs.get('letter/ranking-member.pdf')!.text[0]).toContain('Dear Ranking Member:');
  });

  it('letter: every following page carries the marking in its running header', () => {
    const chair = pdfs.get('letter/chair.pdf')!;
    for (const [i, text] of chair.text.entries()) if (i > 0) expect(count(squash(text), squash(marking)), `page ${i + 1}`).toBe(1);
    // The letter ends signed, with its enclosures and copies listed.
    const last = chair.text.at(-1)!;
    expect(last).toMatch(/Sincerely, Jordan Example Director of Technology Policy Example Policy Institute/);
    expect(last).toContain('Enclosures:');
  });

  it('letter: US Letter paper, every font embedded and one of the document fonts (margin boxes included)', async () => {
    const path = join(project.root, 'out/letter/chair.pdf');
    expect((await pdfinfo(path))['Page size']).toMatch(/^612 x 792 pts/);
    const fonts = await pdffonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name, font.name).toMatch(/\+Source(?:Sans3|Serif4)/);
    }
  });

  it('draft briefing: A4, DRAFT on every page, key figures on the first', async () => {
    const briefing = pdfs.get('briefing.pdf')!;
    expect((await pdfinfo(join(project.root, 'out/briefing.pdf')))['Page size']).toMatch(/\(A4\)/);
    briefing.text.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('DRAFT');
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${briefing.pages}`);
    });
    expect(briefing.text[0]).toMatch(/about 20,000 ?1 fraudulent accounts Alleged by Example Lab/);
  });

  it('memo: each contents entry shows the page its section heading is printed on', () => {
    const memo = pdfs.get('memo.pdf')!;
    // The heading is uppercase and letter-spaced in print: its text may come back as "C O N T E N T S".
    const contents = /c\s*o\s*n\s*t\s*e\s*n\s*t\s*s/i.exec(memo.text[0]!);
    expect(contents).not.toBeNull();
    const list = memo.text[0]!.slice(contents!.index);
    for (const title of ['Summary', 'Background', 'Options']) {
      const entry = new RegExp(`${title} (\\d+)`).exec(list);
      expect(entry, title).not.toBeNull();
      const page = Number(entry![1]);
      // The heading is on that page; on the first page, after the contents list that also names it.
      const onPage = page === 1 ? list.slice(list.lastIndexOf(`${title} ${page}`) + title.length + 2) : memo.text[page - 1]!;
      expect(onPage, title).toContain(title);
    }
    memo.text.forEach((text) => expect(count(squash(text), squash('Restricted — attorney work product'))).toBeGreaterThanOrEqual(1));
  });
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { createTempProject, repoRoot, type TempProject } from '../helpers/temp-project.js';

/**
 * Every shipped layout renders: the fixture project (test/templates/fixtures/layouts) has one
 * document per layout, built as HTML with the repository's templates through the compiled CLI.
 */
const fixture = 'test/templates/fixtures/layouts';

let project: TempProject;
let result: CliResult;
beforeAll(async () => {
  project = await createTempProject({}, { fixture: '../templates/fixtures/layouts' });
  result = await runCli(['build', '--root', project.root, '--formats', 'html', '--format', 'json']);
});
afterAll(async () => project?.remove());

const html = (path: string) => project.read(`out/${path}`);
const tree = async (path: string): Promise<Root> => fromHtml(await html(path));

function all(root: Root | Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (test(child)) out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}
const byClass = (root: Root | Element, name: string) => all(root, (e) => Array.isArray(e.properties['className']) && e.properties['className'].includes(name));
const textOf = (node: Root | Element): string =>
  node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('').replace(/\s+/g, ' ').trim();

describe('shipped layouts', () => {
  it('build the fixture project without errors', () => {
    const report = JSON.parse(result.stdout) as { errors: number; diagnostics: { ruleId: string; severity: string }[] };
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('every layout in templates/layouts is exercised by a fixture document', async () => {
    const layouts = (await readdir(join(repoRoot, 'templates/layouts'))).map((f) => f.replace(/\.hbs$/, '')).sort();
    const documents = await readdir(join(repoRoot, fixture, 'content/documents'));
    const used = new Set<string>();
    for (const file of documents) used.add((parse(await readFile(join(repoRoot, fixture, 'content/documents', file), 'utf8')) as { layout: string }).layout);
    expect([...used].sort()).toEqual(layouts);
  });

  it('letter: letterhead, date, recipient address, salutation, body, signature, enclosures and cc, per recipient', async () => {
    for (const [recipient, salutation] of [
      ['chair', 'Dear Chair:'],
      ['ranking-member', 'Dear Ranking Member:'],
    ] as const) {
      const doc = await tree(`letter/${recipient}.html`);
      expect(textOf(byClass(doc, 'letterhead')[0]!)).toMatch(/^Example Policy Institute Technology and security policy 1000 Example Avenue NW/);
      expect(textOf(byClass(doc, 'letter-date')[0]!)).toBe('June 26, 2026');
      expect(textOf(byClass(doc, 'recipient')[0]!)).toContain('Committee on Examples Room 100, Example Office Building Washington, DC 20510');
      expect(textOf(byClass(doc, 'salutation')[0]!)).toBe(salutation);
      expect(textOf(all(doc, (e) => e.tagName === 'h1')[0]!)).toBe('Re: Large-scale copying of AI models through fraudulent accounts');
      expect(textOf(byClass(doc, 'signature')[0]!)).toBe('Sincerely, Jordan Example Director of Technology Policy Example Policy Institute');
      const notes = byClass(doc, 'letter-notes').map(textOf);
      expect(notes).toEqual(['Enclosures: Fact sheet on the alleged campaign', 'cc: Committee staff director']);
      expect(textOf(byClass(doc, 'marking-banner')[0]!)).toBe('For the Committee — not for public release');
    }
  });

  it('page setup: paper size and the marking as an escaped CSS string in the running header', async () => {
    const letter = await html('letter/chair.html');
    expect(letter).toContain('size: Letter;');
    expect(letter).toContain('@top-center { content: "For the Committee — not for public release"; }');
    // The letter's first page has no running header, and that rule comes after the page setup.
    expect(letter.indexOf('@page :first { @top-center { content: none; }')).toBeGreaterThan(letter.indexOf('@top-center { content: "For the'));
    const briefing = await html('briefing.html');
    expect(briefing).toContain('size: A4;');
    expect(briefing).toContain('@top-right { content: "DRAFT";');
    expect(byClass(await tree('briefing.html'), 'draft-watermark')).toHaveLength(1);
    expect(byClass(await tree('explainer.html'), 'draft-watermark')).toHaveLength(0);
  });

  it('briefing: bottom line up front, then key figures that say who claims each alleged figure', async () => {
    const doc = await tree('briefing.html');
    expect(textOf(byClass(doc, 'bluf')[0]!)).toMatch(/^Bottom line up front Example Lab alleges that about 20,0001 fraudulent accounts/);
    const figures = byClass(doc, 'key-figures')[0]!;
    expect(all(figures, (e) => e.tagName === 'li').map(textOf)).toEqual([
      'about 20,0001 fraudulent accounts Alleged by Example Lab',
      '12.5 million1 queries sent Alleged by Example Lab',
    ]);
  });

  it('memo: TO/FROM/DATE/RE header and a contents list that keeps the PDF stage contract', async () => {
    const doc = await tree('memo.html');
    const rows = all(byClass(doc, 'memo-fields')[0]!, (e) => e.tagName === 'tr').map((tr) => all(tr, (e) => e.tagName === 'th' || e.tagName === 'td').map(textOf));
    expect(rows).toEqual([
      ['To', 'General Counsel'],
      ['From', 'Jordan Example, Director of Technology Policy'],
      ['Date', 'June 26, 2026'],
      ['Re', 'Legal avenues against model copying'],
    ]);
    const entries = all(byClass(doc, 'toc')[0]!, (e) => e.tagName === 'a');
    expect(entries.map((a) => a.properties['href'])).toEqual(['#summary', '#background', '#options']);
    for (const a of entries) {
      const page = byClass(a, 'toc-page')[0]!;
      expect(page.properties['dataTarget']).toBe(String(a.properties['href']).slice(1));
      expect(page.children).toEqual([]);
      expect(all(doc, (e) => e.properties['id'] === page.properties['dataTarget'])).toHaveLength(1);
    }
  });

  it('faq: one heading per question', async () => {
    const doc = await tree('faq.html');
    expect(all(doc, (e) => e.tagName === 'h3').map(textOf)).toEqual(['What is being alleged?', 'Has anyone confirmed it?', 'What happens next?']);
  });

  it('factsheet: a timeline of the public dated facts in date order, drawn and listed, with citations', async () => {
    const doc = await tree('factsheet.html');
    const svg = all(doc, (e) => e.tagName === 'svg')[0]!;
    expect(all(svg, (e) => e.tagName === 'g').map((g) => g.properties['dataFact'])).toEqual(['window-start', 'letter-sent', 'story-published']);
    // The caption with markup characters arrives as text, not markup.
    const captions = all(svg, (e) => e.tagName === 'tspan').map(textOf);
    expect(captions).toEqual(expect.arrayContaining(['Letter to the committee <&>', '"leaders"']));
    const items = all(byClass(doc, 'timeline-events')[0]!, (e) => e.tagName === 'li').map(textOf);
    expect(items[0]).toBe('early April 2026 The activity began in early April 2026, according to Example Lab.1');
    expect(items).toHaveLength(3);
    // The internal hearing date never reaches a public sheet.
    expect(await html('factsheet.html')).not.toMatch(/hearing/i);
    const manifest = JSON.parse(await project.read('out/manifest.json')) as { outputs: { path: string; facts: string[] }[] };
    expect(manifest.outputs.find((o) => o.path === 'factsheet.html')?.facts).toEqual(expect.arrayContaining(['letter-sent', 'story-published', 'window-start']));
  });

  it('every layout lists the sources it cites, and its HTML is self-contained', async () => {
    for (const path of ['letter/chair.html', 'briefing.html', 'explainer.html', 'faq.html', 'memo.html', 'factsheet.html']) {
      const text = await html(path);
      const doc = fromHtml(text);
      expect(all(doc, (e) => e.properties['id'] === 'sources'), path).toHaveLength(1);
      expect(all(doc, (e) => e.tagName === 'img' && !String(e.properties['src']).startsWith('data:')), path).toEqual([]);
      expect(all(doc, (e) => e.tagName === 'link' || e.tagName === 'script'), path).toEqual([]);
      expect(text, path).toMatch(/@font-face/);
      expect(text, path).not.toMatch(/url\((?!["']?data:)/);
    }
  });
});

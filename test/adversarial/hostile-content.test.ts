import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';
import { filesLeaking, listTree, startCanary, type Canary } from './helpers/canary.js';

/**
 * One build of a project full of hostile content, through the real CLI with HTML and PDF.
 * Every case is its own document, so the run also proves keep-going: each hostile document is
 * either built harmlessly or refused with a located error, and every other document is built.
 */
type Expectation = { readonly outcome: 'built' } | { readonly outcome: 'refused'; readonly ruleId: string; readonly file: string; readonly line?: number } | { readonly outcome: 'either' };

interface HostileCase {
  readonly name: string;
  /** Section body (after a front matter with the title), or the whole file when `raw`. */
  readonly body: string | Uint8Array;
  readonly raw?: boolean;
  readonly expect: Expectation;
}

const sectionFile = (name: string) => `content/sections/case-${name}.md`;

function cases(c: Canary): HostileCase[] {
  const o = c.origin;
  return [
    {
      name: 'active-html',
      body: [
        `<script>document.write('${c.token}')</script>`,
        `<img src="x.png" onerror="fetch('${o}/onerror')" alt="x">`,
        `[js](javascript:fetch('${o}/js')) [vb](vbscript:msgbox) [data](data:text/html;base64,PHNjcmlwdD4=)`,
        `<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="JaVaScRiPt:alert(1)">case</a>`,
        `<iframe src="${o}/iframe"></iframe><object data="${o}/object"></object><embed src="${o}/embed">`,
        `<base href="${o}/base/"><meta http-equiv="refresh" content="0;url=${o}/refresh">`,
        `<form action="${o}/form"><input name="a"><button formaction="${o}/formaction">x</button></form>`,
        `<svg><image href="${o}/svg"/><script>fetch('${o}/svgscript')</script></svg>`,
        `<link rel="stylesheet" href="${o}/link.css">`,
        `<style>@import url(${o}/import.css); body { background: url(file://${c.file}) }</style>`,
        `<div style="background:url(${o}/style)">styled</div>`,
        `<video poster="${o}/poster"></video><img srcset="${o}/srcset 1x" alt="s">`,
        `<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
        `<details open ontoggle="fetch('${o}/toggle')"><summary>s</summary>kept</details>`,
        '',
        'Plain text survives.',
      ].join('\n'),
      expect: { outcome: 'either' },
    },
    {
      name: 'local-files',
      body: [`[link](file://${c.file})`, `<iframe src="file://${c.file}"></iframe>`, `<a href="${c.file}">abs</a>`, '', 'Text.'].join('\n'),
      expect: { outcome: 'either' },
    },
    {
      name: 'local-images',
      body: [`![a](file://${c.file})`, `![b](${c.file})`, `![c](../../../../../../../..${c.file})`, `<img src="//127.0.0.1:${new URL(o).port}/x.png" alt="p">`, `![d](${o}/img.png)`].join('\n'),
      expect: { outcome: 'refused', ruleId: 'image-missing', file: sectionFile('local-images'), line: 5 },
    },
    { name: 'deep-quotes', body: `${'>'.repeat(2000)} deep\n`, expect: { outcome: 'refused', ruleId: 'markdown-too-complex', file: sectionFile('deep-quotes'), line: 4 } },
    { name: 'deep-quotes-spaced', body: `${'> '.repeat(2000)}deep\n`, expect: { outcome: 'refused', ruleId: 'markdown-too-complex', file: sectionFile('deep-quotes-spaced'), line: 4 } },
    { name: 'deep-divs', body: `Text\n\n${'<div>'.repeat(5000)}x\n`, expect: { outcome: 'refused', ruleId: 'markdown-too-complex', file: sectionFile('deep-divs'), line: 6 } },
    {
      name: 'deep-lists',
      body: `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`,
      expect: { outcome: 'refused', ruleId: 'markdown-too-complex', file: sectionFile('deep-lists') },
    },
    { name: 'deep-emphasis', body: `${'*'.repeat(600)}a${'*'.repeat(600)}\n`, expect: { outcome: 'either' } },
    { name: 'trojan-source', body: 'The total is 1\u202e000,1\u202c accounts.\n', expect: { outcome: 'refused', ruleId: 'text-hidden-character', file: sectionFile('trojan-source'), line: 4 } },
    { name: 'zero-width', body: 'pay\u200bpal.com is not the same.\n', expect: { outcome: 'refused', ruleId: 'text-hidden-character', file: sectionFile('zero-width'), line: 4 } },
    { name: 'nul', body: 'before\u0000after\n', expect: { outcome: 'refused', ruleId: 'text-encoding-invalid', file: sectionFile('nul'), line: 4 } },
    {
      name: 'bad-utf8',
      raw: true,
      body: new Uint8Array([...new TextEncoder().encode('---\ntitle: Bad\n---\nok\nbad '), 0xc3, 0x28, 0x0a]),
      expect: { outcome: 'refused', ruleId: 'text-encoding-invalid', file: sectionFile('bad-utf8'), line: 5 },
    },
    { name: 'bom-crlf', raw: true, body: '\ufeff---\r\ntitle: BOM\r\n---\r\nLine one.\r\nLine two.\r\n', expect: { outcome: 'built' } },
    { name: 'frontmatter-js', raw: true, body: `---js\nrequire('fs').writeFileSync(${JSON.stringify(c.created)}, 'x')\n---\nBody.\n`, expect: { outcome: 'refused', ruleId: 'schema-invalid', file: sectionFile('frontmatter-js'), line: 1 } },
    {
      name: 'frontmatter-javascript',
      raw: true,
      body: `---javascript\nrequire('fs').writeFileSync(${JSON.stringify(c.created)}, 'x')\n---\nBody.\n`,
      expect: { outcome: 'refused', ruleId: 'schema-invalid', file: sectionFile('frontmatter-javascript'), line: 1 },
    },
    {
      name: 'frontmatter-config',
      raw: true,
      body: `---\ntitle: Config\ndest: ${c.dir}/evil.html\nlaunch_options:\n  args: [--no-sandbox]\n---\nBody.\n`,
      expect: { outcome: 'refused', ruleId: 'schema-invalid', file: sectionFile('frontmatter-config'), line: 3 },
    },
    {
      name: 'template-in-fact',
      body: ':fact[template-text]{show=statement}\n\n{{publisher.name}} {{> sources-list}} stays literal in prose too.\n',
      expect: { outcome: 'built' },
    },
  ];
}

/** Hostile YAML that no document uses: each must be reported where it is, and stop nothing. */
const yamlCases: Record<string, { text: string; line: number }> = {
  'content/facts/alias-bomb.yaml': {
    text: `${['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(9).fill(`*${i === 0 ? 'a' : 'b'.repeat(i)}`).join(',')}]`)].join('\n')}\n`,
    line: 3,
  },
  'content/facts/deep-flow.yaml': { text: `${'['.repeat(5000)}${']'.repeat(5000)}\n`, line: 1 },
  'content/facts/duplicate-keys.yaml': { text: '- id: dup\n  statement: One.\n  statement: Two.\n', line: 3 },
  'content/facts/tags.yaml': { text: '- id: tagged\n  statement: !!js/function "function(){}"\n', line: 2 },
  'content/facts/proto.yaml': { text: '- id: proto\n  __proto__:\n    polluted: true\n', line: 2 },
  'content/facts/constructor.yaml': { text: '- id: ctor\n  constructor: x\n', line: 2 },
};

describe('hostile content through the CLI (HTML and PDF)', () => {
  let canary: Canary;
  let project: TempProject;
  let runTmp: string;
  let result: CliResult;
  let diagnostics: Diagnostic[];
  let before: Map<string, Buffer>;
  let canaryBefore: Map<string, Buffer>;
  let all: HostileCase[];

  beforeAll(async () => {
    canary = await startCanary();
    project = await createTempProject({}, { templates: false, fixture: 'base' });
    runTmp = await mkdtemp(join(tmpdir(), 'briefwright-run-tmp-'));
    all = cases(canary);
    for (const c of all) {
      const bytes = typeof c.body === 'string' ? (c.raw ? c.body : `---\ntitle: Case ${c.name}\n---\n${c.body}`) : c.body;
      await writeFile(join(project.root, sectionFile(c.name)), bytes);
      await project.write(
        `content/documents/case-${c.name}.yaml`,
        `title: Case ${c.name}\nkind: briefing\nlayout: plain\naudience: Test\ndistribution: public\ndate: 2026-06-26\nsections: [case-${c.name}]\nformats: [html, pdf]\n`,
      );
    }
    await project.write(
      'content/facts/templates.yaml',
      '- id: template-text\n  statement: "The text {{publisher.name}} {{#each sources}}x{{/each}} {{> sources-list}} is not a template."\n  status: confirmed\n  sources: [source-a]\n  as_of: 2026-06-24\n',
    );
    for (const [path, { text }] of Object.entries(yamlCases)) await project.write(path, text);
    await project.write('content/documents/con.yaml', 'title: Reserved\nkind: briefing\nlayout: plain\naudience: Test\ndistribution: public\ndate: 2026-06-26\nsections: [overview]\nformats: [html]\n');
    await project.write('content/documents/index.yaml', 'title: Index\nkind: briefing\nlayout: plain\naudience: Test\ndistribution: public\ndate: 2026-06-26\nsections: [overview]\nformats: [html]\n');
    await project.write('content/documents/traversal.yaml', 'title: Traversal\nkind: briefing\nlayout: ../../../../etc/passwd\naudience: Test\ndistribution: public\ndate: 2026-06-26\nsections: [overview]\nformats: [html]\n');
    before = await snapshotTree(project.root);
    canaryBefore = await snapshotTree(canary.dir);
    result = await runCli(['build', '--root', project.root, '--format', 'json'], { env: { TMPDIR: runTmp }, timeoutMs: 300_000 });
    if (!result.stdout.startsWith('{')) throw new Error(`build printed no JSON (exit ${result.code}):\n${result.stderr}`);
    diagnostics = (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  }, 320_000);

  afterAll(async () => {
    await canary?.close();
    await project?.remove();
    if (runTmp) await rm(runTmp, { recursive: true, force: true });
  });

  const outDir = () => join(project.root, 'out');
  const report = () => diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`).join('\n');

  it('exits 1 for the content errors, not with a crash', () => {
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code, result.stderr).toBe(1);
  });

  it('never lets the canary token into any output (bytes or PDF text)', async () => {
    expect(await filesLeaking(outDir(), canary.token)).toEqual([]);
  });

  it('makes zero requests to the canary server and runs no content as code', () => {
    expect(canary.requests).toEqual([]);
    expect(existsSync(canary.created)).toBe(false);
  });

  it('changes no file outside out/ and leaves no temp file anywhere', async () => {
    const after = await snapshotTree(project.root);
    // out/ is the build's; .briefwright-cache/ is the incremental-build cache (issue 6), tool-owned.
    for (const path of [...after.keys()].filter((p) => p.startsWith('out/') || p.startsWith('.briefwright-cache/'))) after.delete(path);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true);
    expect(await snapshotTree(canary.dir)).toEqual(canaryBefore);
    expect((await listTree(outDir())).filter((p) => /(^|\/)\.|\.tmp$/.test(p))).toEqual([]);
    expect(await listTree(runTmp)).toEqual([]);
  });

  it('still builds every document the hostile ones do not touch', async () => {
    const out = await listTree(outDir());
    for (const path of ['public-note.html', 'internal-note.html', 'letter/chair.html', 'letter/ranking-member.html', 'index.html', 'manifest.json']) expect(out, report()).toContain(path);
  });

  it('builds each hostile document harmlessly or refuses it with a located error', async () => {
    const out = await listTree(outDir());
    for (const c of all) {
      const built = out.includes(`case-${c.name}.html`);
      if (c.expect.outcome === 'built') expect(built, `${c.name}\n${report()}`).toBe(true);
      if (c.expect.outcome === 'either' && !built) {
        expect(diagnostics.some((d) => d.severity === 'error' && d.file === sectionFile(c.name) && d.line !== null), `${c.name} was refused without a located error`).toBe(true);
      }
      if (built) expect(out, c.name).toContain(`case-${c.name}.pdf`);
      if (c.expect.outcome !== 'refused') continue;
      expect(built, `${c.name} should be refused`).toBe(false);
      expect(out).not.toContain(`case-${c.name}.pdf`);
      const e = c.expect;
      expect(diagnostics, `${c.name}\n${report()}`).toContainEqual(
        expect.objectContaining({ ruleId: e.ruleId, file: e.file, severity: 'error', ...(e.line === undefined ? {} : { line: e.line }), column: expect.any(Number) }),
      );
    }
  });

  it('keeps no active content or outside reference in the HTML it built', async () => {
    for (const c of all) {
      const html = await readFile(join(outDir(), `case-${c.name}.html`), 'utf8').catch(() => undefined);
      if (html === undefined) continue;
      const body = html.slice(html.indexOf('<body'));
      expect(body, c.name).not.toMatch(/<(script|iframe|object|embed|base|meta|link|form|input|button|svg|math|video)\b/i);
      expect(body, c.name).not.toMatch(/\son[a-z]+\s*=/i);
      expect(body, c.name).not.toMatch(/(javascript|vbscript|data:text|file):/i);
      expect(body, c.name).not.toContain('127.0.0.1');
      // A link to a local path is inert (a link is not a request) but nothing may load from one.
      expect(body, c.name).not.toMatch(new RegExp(`(src|poster|data|srcset)="[^"]*${canary.dir}`));
    }
  });

  it('shows fact text with template syntax literally, never compiled', async () => {
    const html = await readFile(join(outDir(), 'case-template-in-fact.html'), 'utf8');
    expect(html).toContain('The text {{publisher.name}} {{#each sources}}x{{/each}} {{> sources-list}} is not a template.');
    expect(html).toContain('{{publisher.name}} {{> sources-list}} stays literal in prose too.');
  });

  it('normalizes a BOM and CRLF line ends', async () => {
    const html = await readFile(join(outDir(), 'case-bom-crlf.html'), 'utf8');
    expect(html).toContain('Line one.\nLine two.');
    expect(html).not.toMatch(/\r|\ufeff/);
  });

  it('reports every hostile YAML file where the problem is, and it stops nothing else', () => {
    for (const [path, { line }] of Object.entries(yamlCases)) {
      expect(diagnostics, `${path}\n${report()}`).toContainEqual(expect.objectContaining({ file: path, ruleId: 'yaml-syntax', line, column: expect.any(Number) }));
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses reserved output names and a layout outside templates/', async () => {
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: 'content/documents/con.yaml', ruleId: 'output-path-invalid', line: 1 }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: 'content/documents/index.yaml', ruleId: 'output-path-invalid', line: 1 }));
    expect(diagnostics.some((d) => d.file === 'content/documents/traversal.yaml' && d.severity === 'error' && d.line === 3)).toBe(true);
    const out = await listTree(outDir());
    expect(out).not.toContain('con.html');
    expect(out).not.toContain('traversal.html');
    // out/index.html is the generated index, not the document called `index`.
    expect(await readFile(join(outDir(), 'index.html'), 'utf8')).not.toContain('<title>Index</title>');
  });
});

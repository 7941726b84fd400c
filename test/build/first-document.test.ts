import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

/**
 * The first document of a build that does not print, blocked by a rule, unrenderable, or used
 * with its render warnings. (The build once rendered it and read it back while the rules ran;
 * these tests held that to what the stream decides, and still guard the stream.)
 */
const firstDocument = (section: string) =>
  `title: First\nkind: explainer\nlayout: plain\naudience: Public\ndistribution: public\ndate: 2026-06-26\nsections: [${section}]\nformats: [html]\n`;

/** An allegation stated without attribution (a rule error) and an event handler (a render warning). */
const blockedSection = '---\ntitle: Blocked\n---\nThe platform used :fact[accounts] accounts. <span onclick="alert(1)">Hover</span>\n';
const warnedSection = '---\ntitle: Warned\n---\nAnthropic alleges that :fact[accounts] accounts were used. <span onclick="alert(1)">Hover</span>\n';

async function build(p: TempProject): Promise<{ code: number | null; diagnostics: Diagnostic[]; out: string[] }> {
  const r = await runCli(['build', '--root', p.root, '--formats', 'html', '--format', 'json']);
  const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Diagnostic[] };
  return { code: r.code, diagnostics, out: (await readdir(join(p.root, 'out'))).sort() };
}

describe('the first document of a build', () => {
  let p: TempProject | undefined;
  afterEach(async () => {
    await p?.remove();
  });

  it('is dropped, warnings and all, when the rules block its document: the others are built', async () => {
    p = await createTempProject({ 'content/sections/blocked.md': blockedSection, 'content/documents/aa-first.yaml': firstDocument('blocked') }, { templates: false, fixture: 'base' });
    const { code, diagnostics, out } = await build(p);
    expect(code).toBe(1);
    expect(diagnostics.filter((d) => d.file === 'content/sections/blocked.md').map((d) => d.ruleId)).toEqual(['allegation-unattributed']);
    expect(out).not.toContain('aa-first.html');
    expect(out).toEqual(expect.arrayContaining(['public-note.html', 'internal-note.html', 'index.html', 'manifest.json']));
  });

  it('is dropped when it cites an unknown source, which the rules stop before rendering', async () => {
    p = await createTempProject({ 'content/sections/cites.md': '---\ntitle: Cites\n---\nAs reported :cite[no-such-source].\n', 'content/documents/aa-first.yaml': firstDocument('cites') }, { templates: false, fixture: 'base' });
    const { code, diagnostics, out } = await build(p);
    expect(code).toBe(1);
    expect(diagnostics.filter((d) => d.file === 'content/sections/cites.md').map((d) => d.ruleId)).toEqual(['source-unknown']);
    expect(out).not.toContain('aa-first.html');
    expect(out).toEqual(expect.arrayContaining(['public-note.html', 'internal-note.html']));
  });

  it('is used when the rules let it through: written, with its render warnings reported once', async () => {
    p = await createTempProject({ 'content/sections/warned.md': warnedSection, 'content/documents/aa-first.yaml': firstDocument('warned') }, { templates: false, fixture: 'base' });
    const { code, diagnostics, out } = await build(p);
    expect(code).toBe(0);
    expect(diagnostics.filter((d) => d.file === 'content/sections/warned.md').map((d) => d.ruleId)).toEqual(['html-unsafe']);
    expect(out).toEqual(expect.arrayContaining(['aa-first.html', 'public-note.html', 'internal-note.html']));
    const html = await p.read('out/aa-first.html');
    expect(html).toContain('Hover');
    expect(html).not.toContain('onclick');
  });
});

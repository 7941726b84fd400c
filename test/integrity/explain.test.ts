import { afterAll, describe, expect, it } from 'vitest';
import { explainDocument } from '../../src/provenance/index.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const projects: TempProject[] = [];
afterAll(async () => Promise.all(projects.map((p) => p.remove())));

/** The base fixture with a layout that inserts key facts through the `fact` helper (a computed id). */
async function project(): Promise<TempProject> {
  const p = await createTempProject(
    {
      'content/documents/public-note.yaml': [
        'title: Public note',
        'kind: explainer',
        'layout: plain',
        'audience: Public',
        'distribution: public',
        'date: 2026-06-26',
        'sections: [overview]',
        'key_facts: [queries]',
        'formats: [html]',
        '',
      ].join('\n'),
      'templates/layouts/plain.hbs': [
        '<!doctype html>',
        '<html lang="{{document.language}}"><head><meta charset="utf-8"><title>{{document.title}}</title></head><body>',
        '<ul>{{#each keyFacts}}<li>According to reports, {{fact id}}.</li>{{/each}}</ul>',
        '{{#each sections}}<section id="{{id}}">{{html}}</section>{{/each}}',
        '{{> sources-list-wrapper this}}',
        '</body></html>',
        '',
      ].join('\n'),
    },
    { templates: false, fixture: 'base' },
  );
  projects.push(p);
  return p;
}

describe('briefwright explain', () => {
  it('lists every use of every fact — section, key_facts, template call — and its sources', async () => {
    const p = await project();
    const result = await explainDocument({ root: p.root, document: 'public-note' });
    expect(result.exitCode).toBe(0);
    const queries = result.explanation?.facts.find((f) => f.id === 'queries');
    expect(queries?.uses).toEqual([
      { file: 'content/sections/overview.md', line: 5, column: 28, via: 'section', section: 'overview', show: 'value' },
      { file: 'content/documents/public-note.yaml', line: 8, column: 13, via: 'key_facts', section: null, show: 'value' },
      { file: 'templates/layouts/plain.hbs', line: 3, column: 49, via: 'template', section: null, show: 'value' },
    ]);
    expect(queries?.sources.map((s) => [s.id, s.title, s.date])).toEqual([
      ['source-a', 'First article', '2026-06-24'],
      ['source-b', 'Second article', null],
    ]);
    expect(result.explanation?.citedDirectly.map((s) => [s.id, s.citedAt])).toEqual([
      ['source-b', [{ file: 'content/sections/overview.md', line: 5, column: 51 }]],
    ]);
    expect(result.explanation?.facts.map((f) => f.id)).toEqual(['accounts', 'queries']);
  });

  it('narrows to one fact, prints text or JSON, and refuses unknown ids with exit 2', async () => {
    const p = await project();
    const text = await runCli(['explain', 'public-note', '--root', p.root, '--fact', 'accounts']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('accounts  alleged (Anthropic) · public · as of 2026-06-24');
    expect(text.stdout).toContain('content/sections/overview.md:4:24');
    expect(text.stdout).toContain('source-a  Daily Test, “First article”, 2026-06-24 (news)');
    expect(text.stdout).not.toContain('queries');
    const json = await runCli(['explain', 'letter', '--root', p.root, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'letter', recipients: 'committee', distribution: 'public', marking: null });
    const unknown = await runCli(['explain', 'public-not', '--root', p.root]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean `public-note`?');
    expect((await runCli(['explain', '--root', p.root])).code).toBe(2);
  });
});

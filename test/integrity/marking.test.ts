import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { markingLevel } from '../../src/validate/document-level.js';
import { verifyOutputs } from '../../src/verify/index.js';
import { buildModel } from '../../src/validate/build-model.js';
import { loadProject } from '../../src/content/index.js';
import { createTempProject, type TempProject } from '../helpers/temp-project.js';

const projects: TempProject[] = [];
afterAll(async () => Promise.all(projects.map((p) => p.remove())));

const layout = [
  '<!doctype html>',
  '<html lang="{{document.language}}"><head><meta charset="utf-8"><title>{{document.title}}</title></head><body>',
  '{{#if document.marking}}<p class="marking">{{document.marking}}</p>{{/if}}',
  '{{#each sections}}<section id="{{id}}">{{html}}</section>{{/each}}',
  '{{> sources-list-wrapper this}}',
  '</body></html>',
  '',
].join('\n');

async function project(files: Record<string, string> = {}): Promise<TempProject> {
  const p = await createTempProject({ 'templates/layouts/plain.hbs': layout, ...files }, { templates: false, fixture: 'base' });
  projects.push(p);
  return p;
}

describe('markings from data', () => {
  it('reads a marking string as the highest level its words name', () => {
    expect(markingLevel('PUBLIC')).toBe('public');
    expect(markingLevel('UNCLASSIFIED')).toBe('public');
    expect(markingLevel('UNCLASSIFIED//FOR OFFICIAL USE ONLY')).toBe('internal');
    expect(markingLevel('Internal — do not forward')).toBe('internal');
    expect(markingLevel('NOT FOR PUBLIC RELEASE')).toBe('internal');
    expect(markingLevel('RESTRICTED')).toBe('restricted');
    expect(markingLevel('Confidential')).toBe('restricted');
    expect(markingLevel('DRAFT')).toBeUndefined();
  });

  it('computes document.marking from the highest sensitivity a document contains; public content carries none', async () => {
    const p = await project();
    const result = await build({ root: p.root, out: join(p.root, 'out'), formats: ['html'] });
    expect(result.exitCode, JSON.stringify(result.diagnostics)).toBe(0);
    expect(await readFile(join(p.root, 'out/internal-note.html'), 'utf8')).toContain('<p class="marking">INTERNAL</p>');
    expect(await readFile(join(p.root, 'out/public-note.html'), 'utf8')).not.toContain('class="marking"');
  });

  it('keeps an explicit marking, and refuses one below the content (sensitivity-leak at the marking)', async () => {
    const p = await project();
    const doc = (await p.read('content/documents/internal-note.yaml')) + 'marking: INTERNAL USE ONLY\n';
    await p.write('content/documents/internal-note.yaml', doc);
    await build({ root: p.root, out: join(p.root, 'out'), formats: ['html'] });
    expect(await readFile(join(p.root, 'out/internal-note.html'), 'utf8')).toContain('<p class="marking">INTERNAL USE ONLY</p>');
  });

  it('after rendering, fails an output whose template inserted more than its marking says', async () => {
    const p = await project();
    const { project: parsed } = await loadProject(p.root);
    const { model } = buildModel(parsed);
    const publicNote = model.documents.get('public-note')!;
    const internalNote = { ...model.documents.get('internal-note')!, sections: ['overview'] };
    // As if a template had inserted `internal-view` by a computed id: nothing static predicts it.
    const diagnostics = verifyOutputs(model, [
      { document: internalNote, recipient: undefined, html: '<p>ok</p>', facts: ['accounts', 'internal-view'] },
      { document: publicNote, recipient: undefined, html: '<p>ok</p>', facts: ['accounts'] },
    ]);
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.line, d.column])).toEqual([['sensitivity-leak', 'content/documents/internal-note.yaml', 5, 15]]);
    expect(diagnostics[0]?.message).toContain('renders internal fact `internal-view` through its templates, but carries no marking');
  });
});

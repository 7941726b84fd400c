import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

const projects: TempProject[] = [];
afterAll(() => Promise.all(projects.map((p) => p.remove())));

describe('determinism', () => {
  it.each([
    ['the base fixture', { templates: false, fixture: 'base' }],
    ['the shipped content and templates', { templates: true, content: true }],
  ] as const)('two builds of %s give byte-identical out/', async (_name, options) => {
    const project = await createTempProject({}, options);
    projects.push(project);
    const first = await build({ root: project.root, out: `${project.root}/out-a`, formats: ['html'] });
    expect(first.exitCode, JSON.stringify(first.diagnostics, null, 1)).toBe(0);
    const second = await build({ root: project.root, out: `${project.root}/out-b`, formats: ['html'] });
    expect(second.exitCode).toBe(0);
    const a = await snapshotTree(`${project.root}/out-a`);
    const b = await snapshotTree(`${project.root}/out-b`);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThan(2);
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
    // Rebuilding into the same directory changes nothing either.
    await build({ root: project.root, out: `${project.root}/out-a`, formats: ['html'] });
    const again = await snapshotTree(`${project.root}/out-a`);
    for (const [path, bytes] of a) expect(again.get(path)?.equals(bytes), path).toBe(true);
  });
});

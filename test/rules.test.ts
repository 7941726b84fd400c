import { afterAll, describe, expect, it } from 'vitest';
import { build, validate } from '../src/index.js';
import { listFixtureCases, materializeFixture } from './helpers/rule-fixtures.js';
import type { TempProject } from './helpers/temp-project.js';

const cases = await listFixtureCases();
const projects: TempProject[] = [];
afterAll(async () => Promise.all(projects.map((p) => p.remove())));

describe('rule fixtures (test/fixtures/rules/<rule>/<case>)', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases.map((c) => [`${c.rule}/${c.name}`, c] as const))('%s', async (_name, fixture) => {
    const project = await materializeFixture(fixture);
    projects.push(project);
    const run = fixture.expected.command === 'build' ? build : validate;
    const result = await run({ root: project.root, out: `${project.root}/out`, ...fixture.expected.options });
    const summary = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
    for (const expected of fixture.expected.diagnostics ?? []) {
      expect(result.diagnostics, `expected ${JSON.stringify(expected)} in:\n${summary.join('\n')}`).toContainEqual(expect.objectContaining(expected));
    }
    for (const ruleId of fixture.expected.absent ?? []) {
      expect(summary.filter((s) => s.includes(` ${ruleId} `)), `no ${ruleId} expected`).toEqual([]);
    }
    expect(result.exitCode, summary.join('\n')).toBe(fixture.expected.exitCode);
  });
});

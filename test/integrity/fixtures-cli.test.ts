import { afterAll, describe, expect, it } from 'vitest';
import { listFixtureCases, materializeFixture } from '../helpers/rule-fixtures.js';
import { runCli } from '../helpers/run-cli.js';
import type { TempProject } from '../helpers/temp-project.js';

/**
 * The editorial-integrity fixtures again, through the real CLI and its JSON output: what a CI
 * pipeline sees. rules.test.ts runs every fixture through the library; this proves the wire
 * format carries the exact positions and exit codes.
 */
const integrityRules = new Set([
  'allegation-unattributed',
  'sensitivity-leak',
  'fact-stale',
  'number-mismatch',
  'number-unsourced',
  'fact-unused',
  'source-unused',
  'link-broken',
  'image-missing',
  'image-missing-alt',
]);

interface JsonReport {
  diagnostics: { file: string; line: number | null; column: number | null; ruleId: string; severity: string }[];
  errors: number;
  warnings: number;
}

const cases = (await listFixtureCases()).filter((c) => integrityRules.has(c.rule));
const projects: TempProject[] = [];
afterAll(async () => Promise.all(projects.map((p) => p.remove())));

describe('integrity fixtures through `briefwright validate --format json`', () => {
  it('has a fires and a passes case for every integrity rule', () => {
    for (const rule of integrityRules) {
      const names = cases.filter((c) => c.rule === rule).map((c) => c.name);
      expect(names.some((n) => n.startsWith('fires')), `${rule} fires`).toBe(true);
      expect(names.some((n) => n.startsWith('passes')), `${rule} passes`).toBe(true);
    }
  });

  it.concurrent.each(cases.map((c) => [`${c.rule}/${c.name}`, c] as const))('%s', async (_name, fixture) => {
    const project = await materializeFixture(fixture);
    projects.push(project);
    const args = ['validate', '--root', project.root, '--format', 'json'];
    if (fixture.expected.options?.strict) args.push('--strict');
    if (fixture.expected.options?.today) args.push('--today', fixture.expected.options.today);
    const result = await runCli(args);
    const report = JSON.parse(result.stdout) as JsonReport;
    const summary = report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`).join('\n');
    expect(result.code, summary).toBe(fixture.expected.exitCode);
    for (const expected of fixture.expected.diagnostics ?? []) {
      expect(report.diagnostics, summary).toContainEqual(expect.objectContaining(expected));
    }
    for (const ruleId of fixture.expected.absent ?? []) {
      expect(report.diagnostics.filter((d) => d.ruleId === ruleId), summary).toEqual([]);
    }
    if (fixture.name.startsWith('fires')) expect(report.errors + report.warnings).toBeGreaterThan(0);
  });
});

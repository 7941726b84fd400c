import { cp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createTempProject, repoRoot, type TempProject } from './temp-project.js';

/** What a rule fixture case expects; see test/fixtures/base/README.md. */
export interface FixtureExpectation {
  /** Exit code of `validate` (or `build` when `command` says so). */
  exitCode: number;
  /** Diagnostics that must be present (matched on every given field). */
  diagnostics?: { ruleId: string; file: string; line: number | null; column: number | null; severity?: string }[];
  /** Rule ids that must not be reported at all. */
  absent?: string[];
  /** Base files to delete before the case's files are laid over. */
  remove?: string[];
  /** Extra options: `strict`, `today`. */
  options?: { strict?: boolean; today?: string };
  command?: 'validate' | 'build';
}

export interface FixtureCase {
  readonly rule: string;
  readonly name: string;
  readonly dir: string;
  readonly expected: FixtureExpectation;
}

export const fixturesRoot = join(repoRoot, 'test/fixtures/rules');

/** Every `test/fixtures/rules/<rule>/<case>/expected.json`, sorted. */
export async function listFixtureCases(): Promise<FixtureCase[]> {
  const out: FixtureCase[] = [];
  for (const rule of (await readdir(fixturesRoot)).sort()) {
    const ruleDir = join(fixturesRoot, rule);
    if (!(await stat(ruleDir)).isDirectory()) continue;
    for (const name of (await readdir(ruleDir)).sort()) {
      const dir = join(ruleDir, name);
      const expectedPath = join(dir, 'expected.json');
      const expected = await readFile(expectedPath, 'utf8').catch(() => undefined);
      if (expected === undefined) continue;
      out.push({ rule, name, dir, expected: JSON.parse(expected) as FixtureExpectation });
    }
  }
  return out;
}

/** The base project with the case laid over it, in a temp dir. */
export async function materializeFixture(fixture: FixtureCase): Promise<TempProject> {
  const project = await createTempProject({}, { templates: false, fixture: '../fixtures/base' });
  for (const path of fixture.expected.remove ?? []) await rm(join(project.root, path), { recursive: true, force: true });
  await cp(fixture.dir, project.root, { recursive: true, filter: (src) => !src.endsWith('expected.json') });
  return project;
}

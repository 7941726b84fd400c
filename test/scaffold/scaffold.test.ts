import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

interface JsonReport {
  diagnostics: { ruleId: string; severity: string; file: string }[];
  errors: number;
}

describe('briefwright init and new', () => {
  let parent: string;
  let root: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'briefwright-init-'));
    root = join(parent, 'briefings');
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it('init creates a project with the shipped templates that builds cleanly, HTML and PDF', async () => {
    const init = await runCli(['init', root]);
    expect(init.code, init.stderr).toBe(0);
    expect((await readdir(join(root, 'templates/layouts'))).length).toBeGreaterThan(0);
    const build = await runCli(['build', '--root', root, '--format', 'json']);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect((JSON.parse(build.stdout) as JsonReport).diagnostics).toEqual([]);
    const out = await readdir(join(root, 'out'));
    expect(out).toEqual(expect.arrayContaining(['example-briefing.html', 'example-briefing.pdf', 'index.html', 'manifest.json']));
  });

  it('init refuses a folder that already holds a project', async () => {
    const again = await runCli(['init', root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('new section, fact and document each create a file that validates (no errors)', async () => {
    for (const [kind, id, file] of [
      ['section', 'background', 'content/sections/background.md'],
      ['fact', 'budget-total', 'content/facts/budget-total.yaml'],
      ['document', 'board-note', 'content/documents/board-note.yaml'],
    ] as const) {
      const made = await runCli(['new', kind, id, '--root', root]);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stderr).toContain(file);
      const check = await runCli(['validate', '--root', root, '--format', 'json']);
      const report = JSON.parse(check.stdout) as JsonReport;
      expect(report.errors, `${kind}: ${check.stdout}`).toBe(0);
    }
    // The new document builds like any other.
    const build = await runCli(['build', '--root', root, '--only', 'board-note', '--formats', 'html', '-q']);
    expect(build.code, build.stderr).toBe(0);
  });

  it('new refuses a bad id, an existing file and an unknown kind', async () => {
    expect((await runCli(['new', 'section', 'Not Kebab', '--root', root])).code).toBe(2);
    const twice = await runCli(['new', 'section', 'background', '--root', root]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already exists');
    expect((await runCli(['new', 'fact', 'households-reached', '--root', root])).stderr).toContain('already exists');
    expect((await runCli(['new', 'chapter', 'x', '--root', root])).code).toBe(2);
  });
});

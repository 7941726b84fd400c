import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, repoRoot, type TempProject } from '../helpers/temp-project.js';

const projects: TempProject[] = [];
afterAll(() => Promise.all(projects.map((p) => p.remove())));
async function project(files: Record<string, string> = {}): Promise<TempProject> {
  const p = await createTempProject(files, { templates: false, fixture: 'base' });
  projects.push(p);
  return p;
}

describe('briefwright validate', () => {
  it('prints the empty JSON report and exits 0 on a clean project', async () => {
    const p = await project();
    const r = await runCli(['validate', '--root', p.root, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"diagnostics":[],"errors":0,"warnings":0}\n');
  });

  it('reports content errors as JSON with exact positions and exits 1', async () => {
    const p = await project({ 'content/sections/overview.md': '---\ntitle: Overview\n---\nSee :fact[nope].\n' });
    const r = await runCli(['validate', '--root', p.root, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[]; errors: number; warnings: number };
    expect(Object.keys(report)).toEqual(['diagnostics', 'errors', 'warnings']);
    expect(report.errors).toBe(1);
    // The section no longer uses the base facts, so `fact-unused` warnings come too: take the error.
    expect(report.diagnostics.find((d) => d.severity === 'error')).toEqual({
      file: 'content/sections/overview.md',
      line: 4,
      column: 5,
      endLine: 4,
      endColumn: 16,
      ruleId: 'fact-unknown',
      severity: 'error',
      message: 'Unknown fact `nope`',
      hint: 'Facts are defined in content/facts/*.yaml.',
    });
  });

  it('prints pretty diagnostics with hints on stderr', async () => {
    const p = await project({ 'content/sections/overview.md': '---\ntitle: Overview\n---\nSee :fact[acounts].\n' });
    const r = await runCli(['validate', '--root', p.root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('content/sections/overview.md');
    expect(r.stderr).toContain('4:5');
    expect(r.stderr).toContain('Unknown fact `acounts`');
    expect(r.stderr).toContain('Did you mean `accounts`?');
    expect(r.stderr).toContain('fact-unknown');
  });

  it('prints GitHub annotations', async () => {
    const p = await project({ 'content/sections/overview.md': '---\ntitle: Overview\n---\nSee :fact[nope].\n' });
    const r = await runCli(['validate', '--root', p.root, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=content\/sections\/overview\.md,line=4,col=5,endLine=4,endColumn=16,title=fact-unknown::Unknown fact `nope` \(fact-unknown\)%0AHint: /m);
  });

  it('exits 1 on warnings only with --strict', async () => {
    const p = await project({ 'content/sections/overview.md': '---\ntitle: Overview\n---\nAnthropic alleges :fact[accounts] accounts. <span onclick="x()">y</span>\n' });
    expect((await runCli(['validate', '--root', p.root])).code).toBe(0);
    expect((await runCli(['validate', '--root', p.root, '--strict'])).code).toBe(1);
  });
});

describe('usage and config errors exit 2', () => {
  it.each([
    [['frobnicate'], /Unknown command `frobnicate`/],
    [['validate', '--nope'], /Unknown option '--nope'/],
    [['validate', '--format', 'xml'], /--format must be one of pretty, json, github/],
    [['build', '--formats', 'docx'], /--formats takes a comma-separated list/],
    [['build', '--concurrency', '0'], /--concurrency must be a whole number/],
    [['validate', '--today', 'tomorrow'], /--today must be a date/],
    [['validate', 'extra-positional'], /Unexpected argument/],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a missing root', async () => {
    const r = await runCli(['validate', '--root', '/nonexistent/briefwright', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics[0].message).toMatch(/is not a directory/);
  });

  it('an invalid config file, with its position', async () => {
    const p = await project({ 'briefwright.config.yaml': 'concurrency: lots\n' });
    const r = await runCli(['validate', '--root', p.root, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ file: 'briefwright.config.yaml', line: 1, column: 14, ruleId: 'schema-invalid' });
  });

  it('an out directory that would hold the project', async () => {
    const p = await project();
    const r = await runCli(['build', '--root', p.root, '--out', p.root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be the project root/);
  });
});

describe('help and version', () => {
  it('prints help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: briefwright <command>/);
    const b = await runCli(['build', '--help']);
    expect(b.stdout).toMatch(/--only ID/);
  });

  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect((await runCli(['--version'])).stdout).toBe(`${pkg.version}\n`);
  });
});

describe('briefwright build', () => {
  it('writes HTML for every document and recipient, the index and the manifest', async () => {
    const p = await project();
    const r = await runCli(['build', '--root', p.root, '--formats', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Built 4 outputs/);
    const manifest = JSON.parse(await p.read('out/manifest.json')) as { tool: { name: string }; outputs: Record<string, unknown>[] };
    expect(manifest.tool.name).toBe('briefwright');
    expect(manifest.outputs.map((o) => o['path'])).toEqual(['internal-note.html', 'letter/chair.html', 'letter/ranking-member.html', 'public-note.html']);
    expect(manifest.outputs[3]).toMatchObject({
      document: 'public-note',
      recipient: null,
      format: 'html',
      distribution: 'public',
      facts: ['accounts', 'queries'],
      sources: ['source-a', 'source-b'],
      templates: ['templates/layouts/plain.hbs', 'templates/partials/sources-list-wrapper.hbs', 'templates/partials/sources-list.hbs', 'templates/styles/base.css'],
      pages: null,
    });
    expect(manifest.outputs[3]!['sha256']).toMatch(/^[0-9a-f]{64}$/);
    const index = await p.read('out/index.html');
    for (const path of ['internal-note.html', 'letter/chair.html', 'public-note.html']) expect(index).toContain(`href="${path}"`);
    expect(await p.read('out/letter/chair.html')).toContain('Dear Chair:');
  });

  it('--only restricts the documents; stale outputs of the previous build are removed', async () => {
    const p = await project();
    expect((await runCli(['build', '--root', p.root, '--formats', 'html'])).code).toBe(0);
    const r = await runCli(['build', '--root', p.root, '--formats', 'html', '--only', 'public-*']);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(await p.read('out/manifest.json')) as { outputs: { path: string }[] };
    expect(manifest.outputs.map((o) => o.path)).toEqual(['public-note.html']);
    await expect(p.read('out/internal-note.html')).rejects.toThrow();
    await expect(p.read('out/letter/chair.html')).rejects.toThrow();
  });

  it('writes nothing when content has errors', async () => {
    const p = await project({ 'content/sections/overview.md': '---\ntitle: Overview\n---\nSee :fact[nope].\n' });
    const r = await runCli(['build', '--root', p.root, '--formats', 'html']);
    expect(r.code).toBe(1);
    await expect(p.read('out/manifest.json')).rejects.toThrow();
  });
});

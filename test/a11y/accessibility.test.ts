import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../../src/pdf/launch-browser.js';
import { pdfTestBrowser } from '../pdf/helpers/pdf-browser.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempProject, repoRoot, type TempProject } from '../helpers/temp-project.js';

/**
 * Accessibility and HTML validity of every shipped output, judged by tools we did not write:
 * axe-core in Chromium (no serious or critical violation) and the Nu Html Checker (no error).
 * The shipped content is built into a temp out dir, so the check follows the content as it grows.
 */
const require = createRequire(import.meta.url);
const run = promisify(execFile);

let project: TempProject;
let htmlFiles: string[] = [];

async function listHtml(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

beforeAll(async () => {
  project = await createTempProject({}, { templates: true, content: true });
  const built = await runCli(['build', '--root', project.root, '--out', join(project.root, 'out'), '--formats', 'html'], { timeoutMs: 180_000 });
  expect(built.code, `the shipped content builds:\n${built.stderr}`).toBe(0);
  htmlFiles = await listHtml(join(project.root, 'out'));
}, 200_000);

afterAll(async () => project?.remove());

describe('shipped HTML outputs', () => {
  it('include every document and the index', () => {
    expect(htmlFiles.length).toBeGreaterThan(5);
    expect(htmlFiles.map((f) => relative(join(project.root, 'out'), f))).toContain('index.html');
  });

  describe('axe-core in Chromium', () => {
    let launched: LaunchedBrowser | undefined;
    const browserPath = pdfTestBrowser();
    afterAll(async () => launched?.close());

    it.skipIf(browserPath === undefined)('reports no serious or critical violation on any output', async () => {
      launched = await launchBrowser(browserPath!);
      const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
      const findings: string[] = [];
      for (const file of htmlFiles) {
        const page = await launched.browser.newPage();
        try {
          // The outputs forbid every script by CSP; axe is injected through DevTools, not the page.
          await page.setBypassCSP(true);
          await page.setContent(await readFile(file, 'utf8'), { waitUntil: 'load' });
          await page.evaluate(axeSource);
          const violations = await page.evaluate(async () => {
            // axe is a global once its source ran; typed loosely because it lives in the page.
            const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
          });
          for (const v of violations) {
            if (v.impact === 'serious' || v.impact === 'critical') findings.push(`${relative(project.root, file)}: ${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
          }
        } finally {
          await page.close();
        }
      }
      expect(findings).toEqual([]);
    }, 180_000);
  });

  it('pass the Nu Html Checker with no error', async () => {
    const jar = join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
    // vnu exits 1 when it finds errors; its JSON report on stderr is what we judge.
    const result = await run('java', ['-jar', jar, '--format', 'json', '--errors-only', ...htmlFiles], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    const report = JSON.parse(result.stderr || '{"messages":[]}') as { messages: { type: string; url: string; lastLine?: number; message: string }[] };
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => `${relative(project.root, m.url.replace(/^file:/, ''))}:${m.lastLine ?? '?'} ${m.message}`);
    expect(errors).toEqual([]);
  }, 180_000);
});

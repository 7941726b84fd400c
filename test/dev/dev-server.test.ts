import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserArgs } from '../../src/pdf/launch-browser.js';
import { resolveBrowser } from '../../src/pdf/resolve-browser.js';
import { cliPath, runCli } from '../helpers/run-cli.js';
import { createTempProject, snapshotTree, type TempProject } from '../helpers/temp-project.js';

/** `briefwright dev` as a user runs it: the compiled bin, a real Chromium page, real file saves. */
describe('briefwright dev', () => {
  let project: TempProject;
  let child: ChildProcess;
  let stderr = '';
  let url: string;
  let browser: Browser;
  let published: Map<string, Buffer>;

  beforeAll(async () => {
    project = await createTempProject({}, { templates: false, fixture: 'base' });
    // The shipped layouts' strict policy: live reload must work under it without weakening the files.
    const layout = await project.read('templates/layouts/plain.hbs');
    await project.write('templates/layouts/plain.hbs', layout.replace('<meta charset="utf-8">', `<meta charset="utf-8">${strictPolicy}`));
    // A real build's out/ exists before the preview starts; the preview must not touch it.
    expect((await runCli(['build', '--root', project.root, '--formats', 'html'])).code).toBe(0);
    published = await snapshotTree(join(project.root, 'out'));
    child = spawn(process.execPath, [cliPath, 'dev', '--root', project.root, '--port', '0'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${stderr}`)), 60_000);
      child.stderr!.on('data', () => {
        const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`dev exited with ${code}:\n${stderr}`)));
    });
    const resolved = resolveBrowser({ configured: process.env['BRIEFWRIGHT_BROWSER'] });
    if (!resolved.found) throw new Error(`The dev test needs Chromium (tried ${resolved.tried.join(', ')})`);
    browser = await puppeteer.launch({ executablePath: resolved.path, args: [...browserArgs], headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGINT');
    await project?.remove();
  });

  it('shows a saved section in the open page within 2 s, without a manual reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}public-note.html`);
    expect(await page.evaluate(() => document.body.innerText)).toContain('accounts were used');
    await page.waitForFunction(() => document.querySelector('script[src="/__briefwright/client.js"]') !== null);
    // The event stream is open once the server has sent its first status.
    await new Promise((r) => setTimeout(r, 300));

    const marker = `Edited at ${Date.now()}`;
    const section = await project.read('content/sections/overview.md');
    const saved = performance.now();
    await project.write('content/sections/overview.md', `${section}\n${marker}.\n`);
    await page.waitForFunction((text) => document.body.innerText.includes(text), { timeout: 2000, polling: 50 }, marker);
    expect(performance.now() - saved).toBeLessThan(2000);
    expect(stderr).toMatch(/changed content\/sections\/overview\.md/);
    await page.close();
  });

  it('shows an error as an overlay with file:line and hint, and in the terminal; fixing it clears it', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}public-note.html`);
    await new Promise((r) => setTimeout(r, 300));
    const good = await project.read('content/sections/overview.md');
    const lines = good.split('\n');
    const line = lines.length + 1;
    await project.write('content/sections/overview.md', `${good}\nIt cites :fact[no-such-fact] here.\n`);
    const overlay = await page.waitForSelector('#briefwright-error-overlay', { timeout: 5000 });
    const text = (await overlay!.evaluate((el) => (el as HTMLElement).innerText)) ?? '';
    expect(text).toContain(`content/sections/overview.md:${line}:`);
    expect(text).toContain('fact-unknown');
    expect(text).toMatch(/hint: /);
    expect(stderr).toContain('fact-unknown');

    await project.write('content/sections/overview.md', good);
    // Polled from here, not with page.waitForFunction: the fix reloads the page, and a wait task
    // caught in that reload hung past its own timeout on a loaded machine (same before and after).
    const deadline = Date.now() + 5000;
    let cleared = false;
    while (!cleared && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      cleared = await page.evaluate(() => document.readyState === 'complete' && document.getElementById('briefwright-error-overlay') === null).catch(() => false);
    }
    expect(cleared, 'the overlay is still shown 5 s after the fix').toBe(true);
    await page.close();
  });

  it('builds its preview outside out/, leaving the last real build exactly as it was', async () => {
    expect(await snapshotTree(join(project.root, 'out'))).toEqual(published);
  });

  it('adds the reload script only to what it serves, never to the files on disk', async () => {
    const served = await get(url, 'public-note.html');
    const onDisk = await readFile(join(project.root, '.briefwright-cache/dev/public-note.html'), 'utf8');
    expect(served.body).toContain('/__briefwright/client.js');
    expect(served.body).toMatch(/Content-Security-Policy" content="[^"]*script-src 'self'/);
    expect(onDisk).not.toContain('__briefwright');
    expect(onDisk).not.toContain("script-src 'self'");
    expect(onDisk).toContain(strictPolicy);
  });

  it('refuses foreign Host headers, paths outside the build and symlinks', async () => {
    expect((await get(url, 'index.html')).status).toBe(200);
    expect((await get(url, 'index.html', { host: 'evil.example:80' })).status).toBe(403);
    expect((await get(url, 'index.html', { host: `127.0.0.1.evil.example:${new URL(url).port}` })).status).toBe(403);
    for (const path of ['../package.json', '%2e%2e/%2e%2e/etc/passwd', '..%2fcontent%2ffacts%2fmain.yaml', 'content/facts/main.yaml', '.briefwright-cache/build-state.json']) {
      expect((await get(url, path)).status, path).toBe(404);
    }
    // In out/ but not written by the build: not served. A symlink in place of an output: not followed.
    await writeFile(join(project.root, '.briefwright-cache/dev/stray.html'), '<p>stray</p>');
    expect((await get(url, 'stray.html')).status).toBe(404);
    const manifest = JSON.parse(await readFile(join(project.root, '.briefwright-cache/dev/manifest.json'), 'utf8')) as { outputs: { path: string }[] };
    expect(manifest.outputs.some((o) => o.path === 'letter/chair.html')).toBe(true);
    const { rm } = await import('node:fs/promises');
    await rm(join(project.root, '.briefwright-cache/dev/letter/chair.html'));
    await symlink(join(project.root, 'content/facts/main.yaml'), join(project.root, '.briefwright-cache/dev/letter/chair.html'));
    expect((await get(url, 'letter/chair.html')).status).toBe(404);
  });
});

const strictPolicy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">`;

/** A raw request, so the Host header and the path go out exactly as written. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: `/${path}`, headers: { host: `${hostname}:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { Corpus } from './generate-corpus.js';

/** One thing to time: a command, what to clear before it, and how to count what it produced. */
export interface Scenario {
  readonly id: string;
  readonly label: string;
  /** Documents it is asked to produce. */
  readonly documents: number;
  /** Scenario whose median is this one's floor (same documents, same browser, same concurrency). */
  readonly floor?: string;
  /** Runs before each timed run, untimed (clear outputs, caches). */
  prepare(): Promise<void>;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** It can hang for half a minute (md-to-pdf on protocol timeouts): a --quick run stops it early. */
  readonly mayHang?: boolean;
  /** Documents actually produced by the last run. */
  produced(): Promise<number>;
}

export interface ToolPaths {
  readonly repo: string;
  readonly browser: string;
  readonly concurrency: number;
  readonly pandoc: string | undefined;
  readonly scratch: string;
}

const today = '2026-07-01';

export function briefwrightArgs(tools: ToolPaths, root: string, extra: readonly string[] = []): string[] {
  return [join(tools.repo, 'dist/bin/briefwright.js'), 'build', '--root', root, '--browser', tools.browser, '--concurrency', String(tools.concurrency), '--today', today, ...extra];
}

/** A cold build: no out/, no cache — what CI sees on a fresh checkout. */
export function briefwrightCold(tools: ToolPaths, id: string, label: string, corpus: Corpus, options: { formats?: string; floor?: string } = {}): Scenario {
  const format = options.formats === 'html' ? '.html' : '.pdf';
  return {
    id,
    label,
    documents: corpus.expectedOutputs,
    ...(options.floor ? { floor: options.floor } : {}),
    prepare: () => clearBuild(corpus.root),
    command: process.execPath,
    args: briefwrightArgs(tools, corpus.root, options.formats ? ['--formats', options.formats] : []),
    produced: () => countFiles(join(corpus.root, 'out'), format, ['index.html']),
  };
}

/**
 * The same build again with nothing changed: the cache (when there is one) answers. The build
 * is run once untimed first, so the timed run is a no-change rebuild whatever ran before it (in
 * a reversed round the HTML-only build of the same corpus does).
 */
export function briefwrightWarm(tools: ToolPaths, id: string, label: string, corpus: Pick<Corpus, 'root' | 'expectedOutputs'>, expectedOutputs = corpus.expectedOutputs): Scenario {
  const args = briefwrightArgs(tools, corpus.root);
  return {
    id,
    label,
    documents: expectedOutputs,
    prepare: async () => {
      // A failure here shows again in the timed run, with its exit code and output.
      await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }).catch(() => undefined);
    },
    command: process.execPath,
    args,
    produced: () => countFiles(join(corpus.root, 'out'), '.pdf'),
  };
}

/** Bare puppeteer over the finished HTML that a briefwright build wrote (copied to `input`). */
export function floorScenario(tools: ToolPaths, id: string, label: string, htmlFiles: readonly string[], options: { briefwrightFlags?: boolean } = {}): Scenario {
  const out = join(tools.scratch, `${id}-out`);
  return {
    id,
    label,
    documents: htmlFiles.length,
    prepare: () => rm(out, { recursive: true, force: true }),
    command: process.execPath,
    args: [
      join(tools.repo, 'dist/bench/floor.js'),
      '--browser',
      tools.browser,
      '--concurrency',
      String(tools.concurrency),
      '--out',
      out,
      ...(options.briefwrightFlags ? ['--briefwright-flags'] : []),
      ...htmlFiles,
    ],
    produced: () => countFiles(out, '.pdf'),
  };
}

/** md-to-pdf, all files in one invocation (it prints them all at once on one browser). */
export async function mdToPdfScenario(tools: ToolPaths, id: string, label: string, corpus: Corpus, files: readonly string[]): Promise<Scenario> {
  const config = join(tools.scratch, `${id}.md-to-pdf.json`);
  await writeFile(
    config,
    JSON.stringify({
      basedir: corpus.peerDir,
      stylesheet: [join(corpus.peerDir, 'style-served.css')],
      pdf_options: { format: 'Letter', printBackground: true, margin: { top: '0.9in', right: '0.9in', bottom: '1in', left: '0.9in' } },
      launch_options: { executablePath: tools.browser, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'] },
    }),
  );
  const dir = join(files[0] ?? '', '..');
  return {
    id,
    label,
    documents: files.length,
    prepare: () => removeFiles(dir, '.pdf'),
    command: process.execPath,
    args: [join(tools.repo, 'node_modules/md-to-pdf/dist/cli.js'), '--config-file', config, ...files],
    cwd: corpus.peerDir,
    mayHang: true,
    produced: () => countFiles(dir, '.pdf'),
  };
}

/** pandoc to self-contained HTML, one invocation per document as a Makefile would run it. */
export function pandocScenario(tools: ToolPaths, id: string, label: string, corpus: Corpus, pandoc: string): Scenario {
  const out = join(tools.scratch, `${id}-out`);
  const script = [
    'set -e',
    `mkdir -p '${out}'`,
    ...corpus.peerBriefings.map(
      (file) =>
        `'${pandoc}' -f gfm -t html5 --standalone --self-contained --css style.css --metadata pagetitle='${basename(file, '.md')}' -o '${join(out, `${basename(file, '.md')}.html`)}' '${file}'`,
    ),
  ].join('\n');
  return {
    id,
    label,
    documents: corpus.peerBriefings.length,
    prepare: () => rm(out, { recursive: true, force: true }),
    command: '/bin/sh',
    args: ['-c', script],
    cwd: corpus.peerDir,
    produced: () => countFiles(out, '.html'),
  };
}

export async function clearBuild(root: string): Promise<void> {
  await rm(join(root, 'out'), { recursive: true, force: true });
  await rm(join(root, '.briefwright-cache'), { recursive: true, force: true });
}

/** Copies a build's HTML outputs away, so the floor prints exactly what briefwright printed. */
export async function snapshotHtml(root: string, into: string): Promise<string[]> {
  const files = await listFiles(join(root, 'out'), '.html', ['index.html']);
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  const copies: string[] = [];
  for (const file of files) {
    const relative = file.slice(join(root, 'out').length + 1).replaceAll('/', '--');
    const copy = join(into, relative);
    await cp(file, copy);
    copies.push(copy);
  }
  return copies;
}

export async function countFiles(dir: string, extension: string, except: readonly string[] = []): Promise<number> {
  return (await listFiles(dir, extension, except)).length;
}

async function listFiles(dir: string, extension: string, except: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension) && !except.includes(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function removeFiles(dir: string, extension: string): Promise<void> {
  for (const file of await listFiles(dir, extension, [])) await rm(file, { force: true });
}

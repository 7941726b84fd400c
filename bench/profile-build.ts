import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureProcess } from './measure-process.js';

/** Where a cold build's wall time went, by pipeline stage. */
export interface StageProfile {
  readonly wallMs: number;
  readonly stages: readonly { readonly stage: string; readonly ms: number }[];
}

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: CallFrame; children?: number[] }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Files of src/pdf that work on the printed bytes, not on the browser. */
const postProcessing = /\/pdf\/(load-pdf|finalize-pdf|repair-outline-titles|renumber-structure-ids|set-pdf-metadata|read-destination-pages|toc-pages)\.js$/;

const stageOfFolder: Readonly<Record<string, string>> = {
  config: 'load (config, files, YAML, Markdown parse)',
  content: 'load (config, files, YAML, Markdown parse)',
  schema: 'validate (schemas, rules)',
  validate: 'validate (schemas, rules)',
  diagnostics: 'validate (schemas, rules)',
  markdown: 'markdown → section HTML',
  templates: 'templates → document HTML',
  verify: 'post-render checks (leaks, anchors)',
  pdf: 'PDF: driving Chromium (node side)',
  output: 'writing out/ (atomic, manifest, index)',
  cache: 'cache (hashing, reading, writing)',
};

/**
 * Runs one build under `node --cpu-prof` and attributes every sample to the innermost
 * briefwright frame on its stack, so time in a library (micromark, parse5, pdf-lib) counts for
 * the stage that called it. Idle samples are the main thread waiting — on Chromium's printing,
 * mostly. The profiler slows JavaScript down a little; read the shares, not the absolute times.
 * The CLI runs from a bundle (dist/bin/): each frame there is traced back through the bundle's
 * source map to the module it came from (dist/<stage>/… or node_modules/…).
 */
export async function profileBuild(repo: string, args: readonly string[], dir: string): Promise<StageProfile> {
  await rm(dir, { recursive: true, force: true });
  const run = await measureProcess(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...args]);
  if (run.exitCode !== 0) throw new Error(`Profiled build failed (exit ${run.exitCode}): ${run.stderr.slice(-2000)}`);
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`No .cpuprofile written in ${dir}`);
  const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
  const dist = `${join(repo, 'dist')}/`;
  const originOf = createOriginResolver();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const originAt = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    return frame ? originOf(frame) : '';
  };
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const stageOfNode = new Map<number, string>();
  const stageOf = (id: number): string => {
    const known = stageOfNode.get(id);
    if (known) return known;
    let stage: string | undefined;
    const leaf = byId.get(id)?.callFrame;
    if (leaf?.functionName === '(idle)') stage = 'idle: waiting on Chromium or I/O';
    else if (leaf?.functionName === '(garbage collector)') stage = 'garbage collection';
    else if (leaf?.functionName === '(program)') stage = 'native / unattributed';
    for (let cur: number | undefined = id; stage === undefined && cur !== undefined; cur = parent.get(cur)) {
      const url = originAt(cur);
      if (url.startsWith('node:internal/modules')) stage = 'startup (loading modules)';
      else if (url.startsWith(`file://${dist}`) || url.startsWith(dist)) stage = stageOfUrl(url.replace(/^file:\/\//, '').slice(dist.length));
    }
    // pdf-lib's save is asynchronous, and CDP replies arrive as events: their continuations have
    // no briefwright frame on the stack, but only the PDF stage uses them.
    for (let cur: number | undefined = id; stage === undefined && cur !== undefined; cur = parent.get(cur)) {
      const url = originAt(cur);
      if (url.includes('/node_modules/pdf-lib/')) stage = 'PDF post-processing (pdf-lib)';
      else if (url.includes('/node_modules/puppeteer-core/')) stage = 'PDF: driving Chromium (node side)';
    }
    stage ??= 'other (node, outside any stage)';
    stageOfNode.set(id, stage);
    return stage;
  };

  const totals = new Map<string, number>();
  let wallMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    wallMs += ms;
    const stage = stageOf(id);
    totals.set(stage, (totals.get(stage) ?? 0) + ms);
  });
  return { wallMs, stages: [...totals].map(([stage, ms]) => ({ stage, ms })).sort((a, b) => b.ms - a.ms) };
}

/**
 * The file a frame's code came from: its own URL, or for a frame in a bundle with a source map
 * beside it (`<file>.map`), the absolute path of the original module at that line and column ('' for
 * code the map does not cover).
 */
function createOriginResolver(): (frame: CallFrame) => string {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (url: string): SourceMap | undefined => {
    if (!maps.has(url)) {
      let map: SourceMap | undefined;
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      } catch {
        map = undefined;
      }
      maps.set(url, map);
    }
    return maps.get(url);
  };
  return (frame) => {
    // The bundle's chunks are CommonJS, compiled by the code cache's loader: V8 names them by path.
    const url = frame.url.startsWith('/') ? pathToFileURL(frame.url).href : frame.url;
    if (!url.startsWith('file://') || !url.includes('/dist/bin/')) return url;
    const entry = mapOf(url)?.findEntry(frame.lineNumber, frame.columnNumber);
    // Unmapped code is the bundler's runtime (the wrappers that start each bundled CommonJS
    // module, whose lazy compiling V8 charges to them): no module of ours, so the walk goes on to
    // the frame that caused it, as it does through a package's code. An unmapped position is {}.
    return entry && 'originalSource' in entry ? fileURLToPath(new URL(entry.originalSource, url)) : '';
  };
}

function stageOfUrl(path: string): string {
  if (postProcessing.test(`/${path}`)) return 'PDF post-processing (pdf-lib)';
  // Reading the code cache and compiling with it is how modules load.
  if (path === 'install-compile-cache.js') return 'startup (loading modules)';
  const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : '';
  return stageOfFolder[folder] ?? 'orchestration (build.ts, cli.ts)';
}

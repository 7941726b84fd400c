/**
 * npm run bench [-- --quick] [--runs N] [--scale-runs N] [--only ID,…] [--concurrency N] [--browser PATH] [--keep] [--json FILE]
 *
 * Generates the corpus into a temp dir, then times every tool on it in rounds — each round runs
 * every scenario once, so drifting machine load hits all of them alike — and prints medians,
 * documents per second, ratios to the floor, peak RSS of each process tree, and each target
 * with PASS/FAIL. Then profiles one cold build by stage.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './describe-machine.js';
import { evaluateTargets, mib } from './evaluate-targets.js';
import { generateCorpus } from './generate-corpus.js';
import { measureProcess } from './measure-process.js';
import { profileBuild } from './profile-build.js';
import { removeExtraCaCerts } from './tool-environment.js';
import {
  briefwrightArgs,
  briefwrightCold,
  briefwrightWarm,
  clearBuild,
  countFiles,
  floorScenario,
  mdToPdfScenario,
  pandocScenario,
  snapshotHtml,
  type Scenario,
  type ToolPaths,
} from './scenarios.js';
import { summarize, type RunRecord, type ScenarioSummary } from './summarize.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'scale-runs': { type: 'string' },
    concurrency: { type: 'string' },
    browser: { type: 'string' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string' },
  },
});
const quick = values.quick ?? false;
// --quick must finish in under a minute, compiling included: small merges, and no profile.
const sizes = quick ? { briefings: 6, letters: 12, scale: 60 } : { briefings: 20, letters: 200, scale: 2000 };
const runs = Number(values.runs ?? (quick ? 1 : 5));
// md-to-pdf sometimes hangs on protocol timeouts for 30 s or more; a smoke run stops it here
// instead (its good runs take ≈5 s), so that the whole run stays under a minute.
const quickDeadlineMs = 10_000;
// The 2,000-letter run measures memory, and takes minutes: it may run fewer rounds than the rest.
const scaleRuns = Math.min(runs, Number(values['scale-runs'] ?? runs));
const repo = fileURLToPath(new URL('../..', import.meta.url));
// The browser briefwright itself would pick (the headless shell when installed), for every tool.
const browser = await defaultBrowser(values.browser ?? process.env['BRIEFWRIGHT_BROWSER']);
const pandoc = spawnSync('pandoc', ['--version']).status === 0 ? 'pandoc' : undefined;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const scratch = await mkdtemp(join(tmpdir(), 'briefwright-bench-'));
const tools: ToolPaths = { repo, browser, concurrency: Number(values.concurrency ?? availableParallelism()), pandoc, scratch };
const notes: string[] = [];
// Before any tool starts: every spawn below inherits process.env.
const caNote = removeExtraCaCerts();
if (caNote) notes.push(caNote);
try {
  log(`corpus → ${scratch}`);
  const briefings = await generateCorpus(join(scratch, 'briefings'), { briefings: sizes.briefings, recipients: 0 });
  const letters = await generateCorpus(join(scratch, 'letters'), { briefings: 0, recipients: sizes.letters });
  const scale = await generateCorpus(join(scratch, 'scale'), { briefings: 0, recipients: sizes.scale });

  // One untimed build of each: proves the corpus builds and gives the floor its finished HTML.
  for (const corpus of [briefings, letters]) await mustBuild(corpus.root);
  const briefingHtml = await snapshotHtml(briefings.root, join(scratch, 'floor-in-briefings'));
  const letterHtml = await snapshotHtml(letters.root, join(scratch, 'floor-in-letters'));

  if (!(await stat(join(briefings.root, '.briefwright-cache')).catch(() => undefined))) {
    notes.push('This build of briefwright wrote no `.briefwright-cache/`: the no-change rows re-render everything.');
  }

  const scenarios: Scenario[] = [
    briefwrightCold(tools, 'bw-briefings-pdf', `briefwright, ${sizes.briefings} briefings, cold (HTML + PDF)`, briefings, { floor: 'floor-briefings' }),
    briefwrightWarm(tools, 'bw-briefings-warm', `briefwright, ${sizes.briefings} briefings, no change (warm cache)`, briefings),
    floorScenario(tools, 'floor-briefings', `floor: bare puppeteer, ${sizes.briefings} briefings`, briefingHtml),
    floorScenario(tools, 'floor-flags-briefings', `floor with briefwright's Chromium flags, ${sizes.briefings} briefings`, briefingHtml, { briefwrightFlags: true }),
    await mdToPdfScenario(tools, 'md2pdf-briefings', `md-to-pdf, ${sizes.briefings} briefings`, briefings, briefings.peerBriefings),
    briefwrightCold(tools, 'bw-briefings-html', `briefwright, ${sizes.briefings} briefings, HTML only`, briefings, { formats: 'html' }),
    ...(pandoc ? [pandocScenario(tools, 'pandoc-briefings-html', `pandoc → HTML, ${sizes.briefings} briefings`, briefings, pandoc)] : []),
    briefwrightCold(tools, 'bw-letters-pdf', `briefwright, ${sizes.letters} letters, cold`, letters, { floor: 'floor-letters' }),
    floorScenario(tools, 'floor-letters', `floor: bare puppeteer, ${sizes.letters} letters`, letterHtml),
    await mdToPdfScenario(tools, 'md2pdf-letters', `md-to-pdf, ${sizes.letters} letters`, letters, letters.peerLetters),
    briefwrightCold(tools, 'bw-scale-pdf', `briefwright, ${sizes.scale} letters, cold (scale)`, scale),
  ];
  if (!pandoc) notes.push('pandoc is not installed: the HTML-only comparison is skipped (`apt-get install -y pandoc`).');

  const shipped = await prepareShipped();
  if (shipped) scenarios.push(briefwrightWarm(tools, 'bw-shipped-warm', 'briefwright, shipped set, no change', shipped.corpus, shipped.outputs));

  const selected = values.only ? scenarios.filter((s) => values.only!.split(',').includes(s.id)) : scenarios;
  const records = new Map<string, RunRecord[]>(selected.map((s) => [s.id, []]));
  for (let round = 1; round <= runs; round++) {
    // Every other round runs backwards, so that no compared pair always runs in the same order:
    // md-to-pdf's letter rounds (≈25 GiB summed RSS) left the machine slower for a while, and
    // forwards only, briefwright's briefings always ran first after them and the floor second
    // (in one full run: 1.25× the floor in the first round, before any of them, 1.36–1.42× after).
    for (const scenario of round % 2 === 1 ? selected : [...selected].reverse()) {
      if (scenario.id === 'bw-scale-pdf' && round > scaleRuns) continue;
      await scenario.prepare();
      const run = await measureProcess(scenario.command, scenario.args, {
        ...(scenario.cwd === undefined ? {} : { cwd: scenario.cwd }),
        ...(quick && scenario.mayHang ? { deadlineMs: quickDeadlineMs } : {}),
      });
      const produced = await scenario.produced();
      records.get(scenario.id)!.push({ ...run, produced });
      const ending = run.timedOut ? `  stopped after ${quickDeadlineMs / 1000} s (--quick)` : run.exitCode === 0 ? '' : `  exit ${run.exitCode}: ${lastLines(run.stderr)}`;
      if (run.timedOut) notes.push(`${scenario.id} was stopped after ${quickDeadlineMs / 1000} s (a --quick run stops md-to-pdf there); its row counts what it produced by then.`);
      log(`[${round}/${runs}] ${scenario.id.padEnd(22)} ${(run.ms / 1000).toFixed(2).padStart(7)} s  ${mib(run.peakRssBytes).padStart(9)}  ${produced}/${scenario.documents}${ending}`);
    }
  }
  const summaries = new Map<string, ScenarioSummary>(selected.map((s) => [s.id, summarize(s, records.get(s.id)!)]));
  if (scaleRuns < runs) notes.push(`The scale row ran ${scaleRuns} time(s) (--scale-runs), the others ${runs}.`);

  let profile: Awaited<ReturnType<typeof profileBuild>> | undefined;
  if (quick) notes.push('No profile in a --quick run; the full run profiles one cold build.');
  else {
    log('profiling one cold build …');
    await clearBuild(briefings.root);
    profile = await profileBuild(repo, briefwrightArgs(tools, briefings.root), join(scratch, 'profile'));
  }

  const machine = describeMachine(browser, pandoc);
  const targets = evaluateTargets(summaries, { quick });
  const report = formatReport({ machine, summaries: [...summaries.values()], targets, profile, runs, notes, concurrency: tools.concurrency });
  process.stdout.write(report);
  if (values.json) await writeFile(values.json, `${JSON.stringify({ machine, runs, concurrency: tools.concurrency, summaries: [...summaries.values()], targets, profile, notes }, null, 2)}\n`);
} finally {
  if (values.keep) log(`kept ${scratch}`);
  else await rm(scratch, { recursive: true, force: true });
}

async function mustBuild(root: string): Promise<void> {
  await clearBuild(root);
  const run = await measureProcess(process.execPath, briefwrightArgs(tools, root));
  if (run.exitCode !== 0) throw new Error(`The generated corpus at ${root} did not build (exit ${run.exitCode}):\n${lastLines(run.stderr, 20)}`);
}

/** The repository's own content and templates, copied away so the bench never writes into the repo. */
async function prepareShipped(): Promise<{ corpus: { root: string; expectedOutputs: number }; outputs: number } | undefined> {
  const root = join(scratch, 'shipped');
  for (const part of ['content', 'templates', 'briefwright.config.yaml']) {
    if (await stat(join(repo, part)).catch(() => undefined)) await cp(join(repo, part), join(root, part), { recursive: true });
  }
  const cold = await measureProcess(process.execPath, briefwrightArgs(tools, root));
  if (cold.exitCode !== 0) {
    notes.push(`The shipped set did not build here (exit ${cold.exitCode}), so its no-change rebuild was not measured: ${lastLines(cold.stderr, 3)}`);
    return undefined;
  }
  const outputs = await countFiles(join(root, 'out'), '.pdf');
  notes.push(`Shipped set: ${outputs} PDFs; its first (cold) build took ${(cold.ms / 1000).toFixed(2)} s.`);
  return { corpus: { root, expectedOutputs: outputs }, outputs };
}

function lastLines(text: string, n = 2): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}

function formatReport(input: {
  machine: ReturnType<typeof describeMachine>;
  summaries: readonly ScenarioSummary[];
  targets: ReturnType<typeof evaluateTargets>;
  profile: Awaited<ReturnType<typeof profileBuild>> | undefined;
  runs: number;
  notes: readonly string[];
  concurrency: number;
}): string {
  const { machine } = input;
  const byId = new Map(input.summaries.map((s) => [s.id, s]));
  const lines: string[] = [];
  lines.push(`## briefwright benchmark${quick ? ' (--quick: small corpus, one run — indicative only)' : ''}`, '');
  lines.push(
    `${machine.date} · ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB · load average at the end ${machine.loadAverage.join(' ')} · ${machine.os}`,
    `Node ${machine.node} · ${machine.chromium} · puppeteer ${machine.puppeteer} · briefwright ${machine.briefwright} · md-to-pdf ${machine.mdToPdf} · ${machine.pandoc ?? 'pandoc: not installed'}`,
    `Medians of ${input.runs} run(s) per row (see the notes for exceptions); concurrency ${input.concurrency} for every tool that has one; peak RSS sums every process of the tree (Chromium included).`,
    '',
  );
  lines.push('| scenario | docs | median s | min–max s | docs/s | × floor | peak RSS |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of input.summaries) {
    const floor = s.floor ? byId.get(s.floor) : undefined;
    lines.push(
      `| ${s.label} | ${s.produced}/${s.documents} | ${(s.medianMs / 1000).toFixed(2)} | ${(s.minMs / 1000).toFixed(2)}–${(s.maxMs / 1000).toFixed(2)} | ${s.docsPerSecond.toFixed(1)} | ${floor ? (s.medianMs / floor.medianMs).toFixed(2) : ''} | ${mib(s.medianPeakRssBytes)} |`,
    );
  }
  lines.push('', '| target | measured | result |', '| --- | --- | --- |');
  for (const t of input.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.pass === undefined ? 'SKIP' : t.pass ? 'PASS' : 'FAIL'} |`);
  const profile = input.profile;
  if (profile) {
    lines.push('', `Profile of one cold build (${(profile.wallMs / 1000).toFixed(2)} s under the profiler; main thread of node):`, '', '| stage | ms | share |', '| --- | ---: | ---: |');
    for (const s of profile.stages) lines.push(`| ${s.stage} | ${s.ms.toFixed(0)} | ${((s.ms / profile.wallMs) * 100).toFixed(1)}% |`);
  }
  if (input.notes.length > 0) lines.push('', ...input.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

/** resolveBrowser from the compiled tool beside the bench (dist/pdf/), as a build would resolve it. */
async function defaultBrowser(configured: string | undefined): Promise<string> {
  type Resolve = (options: { configured?: string | undefined }) => { found: true; path: string } | { found: false; tried: readonly string[] };
  const { resolveBrowser } = (await import(new URL('../pdf/resolve-browser.js', import.meta.url).href)) as { resolveBrowser: Resolve };
  const resolved = resolveBrowser({ configured });
  if (!resolved.found) throw new Error(`bench: no browser found (tried ${resolved.tried.join(', ')}); pass --browser PATH`);
  return resolved.path;
}

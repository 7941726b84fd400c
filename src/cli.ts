#!/usr/bin/env node
import { relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { BuildResult } from './build.js';
import { mayBeUnchanged } from './cache/build-state.js';
import type { BuildOptions } from './config/index.js';
import { parseShard, type Shard } from './config/shard.js';
import { toolVersion } from './config/tool-version.js';
import { diagnosticFormats, formatDiagnostics, type DiagnosticFormat } from './diagnostics/format-diagnostics.js';
import type { OutputFormat } from './schema/document-schema.js';
import { installCompileCache } from './install-compile-cache.js';
import { tuneV8 } from './tune-v8.js';

// Imports stay small (leaf modules, no zod or unified): a no-change build must answer in well
// under half a second, so the pipeline is loaded only once something has to be rendered.
// Listed here rather than imported for the same reason; the type keeps it to real formats.
const outputFormats: readonly OutputFormat[] = ['html', 'pdf'];

/**
 * The command line: maps flags onto the library's options, calls it, prints, and sets
 * process.exitCode. No logic of its own beyond that.
 */

interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  readonly value?: string;
  readonly description: string;
}

const commonFlags = {
  root: { type: 'string', value: 'DIR', description: 'Project root (default: current directory)' },
  strict: { type: 'boolean', description: 'Exit 1 on warnings too' },
  format: { type: 'string', value: 'pretty|json|github', description: 'Diagnostics format (default: pretty)' },
  today: { type: 'string', value: 'YYYY-MM-DD', description: 'Date that review_by is compared with (default: today)' },
  help: { type: 'boolean', short: 'h', description: 'Show help' },
} as const satisfies Record<string, FlagSpec>;

const buildFlags = {
  ...commonFlags,
  out: { type: 'string', value: 'DIR', description: 'Output directory (default: out)' },
  only: { type: 'string', multiple: true, value: 'ID', description: 'Build only these document ids or globs (repeatable)' },
  formats: { type: 'string', value: 'html,pdf', description: 'Formats to produce (default: each document’s formats)' },
  concurrency: { type: 'string', value: 'N', description: 'Pages printed at once (default: CPU count)' },
  browser: { type: 'string', value: 'PATH', description: 'Chromium/Chrome executable for PDFs' },
  'pdf-timeout': { type: 'string', value: 'MS', description: 'Longest one document may take to print, all passes included (default: 30000)' },
  'fail-fast': { type: 'boolean', description: 'Stop at the first error and write nothing (default: build every unaffected document)' },
  shard: { type: 'string', value: 'K/N', description: 'Build only part K of N of the outputs (a CI matrix); merge with `manifest merge`' },
  'no-cache': { type: 'boolean', description: 'Render everything again instead of reusing unchanged outputs from .briefwright-cache/' },
  quiet: { type: 'boolean', short: 'q', description: 'Print only diagnostics and the summary, no progress' },
  verbose: { type: 'boolean', description: 'List every output, rendered or reused from the cache' },
} as const satisfies Record<string, FlagSpec>;

const devFlags = {
  root: commonFlags.root,
  out: { type: 'string', value: 'DIR', description: 'Where the preview is built (default: .briefwright-cache/dev; out/ is left alone)' },
  port: { type: 'string', value: 'N', description: 'Port on 127.0.0.1 (default: 4321; 0 picks a free one)' },
  pdf: { type: 'boolean', description: 'Print PDFs on every rebuild too (default: HTML only, for speed)' },
  today: commonFlags.today,
  help: commonFlags.help,
} as const satisfies Record<string, FlagSpec>;

const scaffoldFlags = {
  root: commonFlags.root,
  help: commonFlags.help,
} as const satisfies Record<string, FlagSpec>;

const manifestFlags = {
  out: { type: 'string', value: 'DIR', description: 'Where the merged build goes (required)' },
  help: commonFlags.help,
} as const satisfies Record<string, FlagSpec>;

const schemaFlags = {
  root: commonFlags.root,
  out: { type: 'string', value: 'DIR', description: 'Where to write the schemas (default: <root>/schemas)' },
  help: commonFlags.help,
} as const satisfies Record<string, FlagSpec>;

const explainFlags = {
  root: commonFlags.root,
  fact: { type: 'string', value: 'ID', description: 'Explain only this fact' },
  format: { type: 'string', value: 'pretty|json', description: 'Output format (default: pretty)' },
  today: commonFlags.today,
  help: commonFlags.help,
} as const satisfies Record<string, FlagSpec>;

const commands = {
  build: { flags: buildFlags, summary: 'Build every document to out/ (HTML, PDF, index, manifest)' },
  validate: { flags: commonFlags, summary: 'Check content and templates without writing anything' },
  explain: { flags: explainFlags, positional: 'DOC', summary: 'Show where each fact of a document is used and what it rests on' },
  schema: { flags: schemaFlags, summary: 'Write JSON Schemas of every content file kind, for editors' },
  dev: { flags: devFlags, summary: 'Build a preview, serve it on 127.0.0.1, and rebuild and reload on every save' },
  new: { flags: scaffoldFlags, positional: 'document|section|fact ID', summary: 'Create a content file that validates, to fill in' },
  init: { flags: { help: commonFlags.help }, positional: '[DIR]', summary: 'Create a new project with a small example that builds' },
  manifest: { flags: manifestFlags, positional: 'merge DIR...', summary: 'Combine the out/ directories of sharded builds into one' },
} as const;

type CommandName = keyof typeof commands;

class UsageError extends Error {}

function usage(): string {
  const lines = [`briefwright ${toolVersion} — validated facts and Markdown to sourced briefings`, '', 'Usage: briefwright <command> [options]', '', 'Commands:'];
  for (const [name, spec] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${spec.summary}`);
  lines.push('', 'Run `briefwright <command> --help` for its options.', 'Exit codes: 0 ok · 1 content errors · 2 usage/config error · 3 environment (no browser, disk)');
  return `${lines.join('\n')}\n`;
}

function commandUsage(name: CommandName): string {
  const spec = commands[name];
  const positional = 'positional' in spec ? ` ${spec.positional}` : '';
  const lines = [`Usage: briefwright ${name}${positional} [options]`, '', spec.summary, '', 'Options:'];
  for (const [flag, f] of Object.entries(spec.flags) as [string, FlagSpec][]) {
    const left = `${f.short ? `-${f.short}, ` : '    '}--${flag}${f.value ? ` ${f.value}` : ''}`;
    lines.push(`  ${left.padEnd(30)} ${f.description}`);
  }
  return `${lines.join('\n')}\n`;
}

function parseFormat(value: string | undefined): DiagnosticFormat {
  const format = value ?? 'pretty';
  if (!(diagnosticFormats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${diagnosticFormats.join(', ')}, got \`${format}\``);
  return format as DiagnosticFormat;
}

function parseOutputFormats(value: string | undefined): OutputFormat[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((f) => !(outputFormats as readonly string[]).includes(f));
  if (bad !== undefined || list.length === 0) throw new UsageError(`--formats takes a comma-separated list of ${outputFormats.join(', ')}, got \`${value}\``);
  return list as OutputFormat[];
}

function parsePositiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,5}$/.test(value)) throw new UsageError(`--${flag} must be a whole number greater than zero, got \`${value}\``);
  return Number(value);
}

function parseDate(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new UsageError(`--${flag} must be a date written YYYY-MM-DD, got \`${value}\``);
  return value;
}

function print(result: BuildResult, format: DiagnosticFormat, command: CommandName, root: string): void {
  const color = process.stderr.isTTY === true && !process.env['NO_COLOR'];
  if (format === 'pretty') {
    process.stderr.write(formatDiagnostics(result.diagnostics, 'pretty', { color }));
    if (command === 'build' && result.outDir) {
      const where = relative(process.cwd(), result.outDir) || '.';
      const reused = result.reused?.length ?? 0;
      const split = reused === 0 ? '' : reused === result.outputs.length ? ' (all reused, nothing changed)' : ` (${result.outputs.length - reused} rendered, ${reused} reused)`;
      // A failed write leaves that file as it was (atomic writes) and no new manifest: say so.
      const failedWrites = result.diagnostics.filter((d) => d.ruleId === 'output-write-failed').length;
      const written =
        failedWrites > 0
          ? `Could not write ${failedWrites} file${failedWrites === 1 ? '' : 's'} to ${where}/ (out/ was left without a new manifest)`
          : result.manifest
            ? `Built ${result.outputs.length} output${result.outputs.length === 1 ? '' : 's'} in ${where}/${split}`
            : 'Nothing written';
      process.stderr.write(`${written} · ${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}\n`);
    } else if (command === 'validate' && result.diagnostics.length === 0) {
      process.stderr.write(`${relative(process.cwd(), root) || '.'}: no problems\n`);
    }
  } else {
    process.stdout.write(formatDiagnostics(result.diagnostics, format));
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(usage());
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${toolVersion}\n`);
    return 0;
  }
  if (!Object.hasOwn(commands, command)) throw new UsageError(`Unknown command \`${command}\`. Commands: ${Object.keys(commands).join(', ')}`);
  const name = command as CommandName;
  const spec = commands[name];
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], options: spec.flags as ParseArgsConfig['options'], allowPositionals: 'positional' in spec, strict: true }) as {
      values: Record<string, string | boolean | string[] | undefined>;
      positionals: string[];
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values['help']) {
    process.stdout.write(commandUsage(name));
    return 0;
  }
  if (name === 'schema') return runSchema(values);
  if (name === 'explain') return runExplain(values, positionals);
  if (name === 'dev') return runDev(values);
  if (name === 'new') return runNew(values, positionals);
  if (name === 'init') return runInit(positionals);
  if (name === 'manifest') return runManifest(values, positionals);
  const format = parseFormat(values['format'] as string | undefined);
  const options: BuildOptions = {
    root: (values['root'] as string | undefined) ?? '.',
    strict: values['strict'] === true,
  };
  const today = parseDate('today', values['today'] as string | undefined);
  if (today !== undefined) options.today = today;
  if (name === 'build') {
    const out = values['out'] as string | undefined;
    if (out !== undefined) options.out = out;
    const only = values['only'] as string[] | undefined;
    if (only !== undefined) options.only = only.flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
    const formats = parseOutputFormats(values['formats'] as string | undefined);
    if (formats !== undefined) options.formats = formats;
    const concurrency = parsePositiveInteger('concurrency', values['concurrency'] as string | undefined);
    if (concurrency !== undefined) options.concurrency = concurrency;
    const browser = values['browser'] as string | undefined;
    if (browser !== undefined) options.browser = browser;
    const pdfTimeout = parsePositiveInteger('pdf-timeout', values['pdf-timeout'] as string | undefined);
    if (pdfTimeout !== undefined) options.pdfTimeout = pdfTimeout;
    if (values['fail-fast'] === true) options.failFast = true;
    const shard = values['shard'] as string | undefined;
    if (shard !== undefined) options.shard = parseShardFlag(shard);
    if (values['no-cache'] === true) options.cache = false;
  }
  // Loaded only now: --help and usage errors should not pay for the whole pipeline's imports.
  // The Markdown parser thread is handed the sections as soon as it starts, so its start-up and
  // its parsing overlap everything below. It starts at once, unless a no-change answer is
  // possible: a build that needs no thread must not wait to stop one (≈40 ms).
  const { earlyParsesQueued, endEarlyParses, parseSectionsEarly } = await import('./content/parse-sections-early.js');
  const { prestartMarkdownWorker } = await import('./content/create-markdown-worker.js');
  let parsingStarted = false;
  const startParsing = () => {
    if (parsingStarted) return;
    parsingStarted = true;
    prestartMarkdownWorker();
    parseSectionsEarly(options.root ?? '.');
  };
  let result: BuildResult;
  let finishProgress = () => {};
  try {
    if (name === 'build') {
      // The no-change build is answered here, before the pipeline's imports are paid for.
      if (!mayBeUnchanged(options)) startParsing();
      else {
        const { readUnchangedBuild } = await import('./cache/read-unchanged-build.js');
        const unchanged = (await readUnchangedBuild(options)).result;
        if (unchanged) {
          print(unchanged, format, name, options.root ?? '.');
          return unchanged.exitCode;
        }
      }
      const { createProgressReporter } = await import('./progress/index.js');
      const reporter = createProgressReporter({
        stream: process.stderr,
        mode: values['quiet'] === true ? 'quiet' : process.stderr.isTTY === true && !process.env['CI'] ? 'live' : 'lines',
        verbose: values['verbose'] === true,
        color: process.stderr.isTTY === true && !process.env['NO_COLOR'],
      });
      options.onProgress = reporter.onProgress;
      finishProgress = reporter.finish;
    }
    startParsing();
    // Every section is with the thread before the pipeline's modules load: their loading holds
    // this thread for ≈0.2 s, and a read finishing meanwhile would wait for it.
    await earlyParsesQueued();
    const { build, validate, interruptBuild } = await import('./build.js');
    handleInterrupts(interruptBuild);
    result = name === 'build' ? await build(options) : await validate(options);
  } finally {
    await endEarlyParses();
  }
  finishProgress();
  print(result, format, name, options.root ?? '.');
  return result.exitCode;
}

/**
 * SIGINT/SIGTERM: close the browser, remove temp files, exit 130/143 (128 + signal number).
 * A second signal, or cleanup hanging past 5 s, exits at once.
 */
function handleInterrupts(cleanup: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (stopping) process.exit(code);
    stopping = true;
    process.stderr.write(`briefwright: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; closing the browser and removing temp files\n`);
    setTimeout(() => process.exit(code), 5000).unref();
    void cleanup().finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function parseShardFlag(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new UsageError(`--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/3, got \`${value}\``);
  return shard;
}

async function runDev(values: Record<string, unknown>): Promise<number> {
  const port = values['port'] === '0' ? 0 : (parsePositiveInteger('port', values['port'] as string | undefined) ?? 4321);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got \`${port}\``);
  const today = parseDate('today', values['today'] as string | undefined);
  const out = values['out'] as string | undefined;
  const { startDevServer } = await import('./dev/index.js');
  const server = await startDevServer({
    root: (values['root'] as string | undefined) ?? '.',
    port,
    pdf: values['pdf'] === true,
    color: process.stderr.isTTY === true && !process.env['NO_COLOR'],
    log: (text) => process.stderr.write(text),
    ...(out === undefined ? {} : { out }),
    ...(today === undefined ? {} : { today }),
  });
  process.stderr.write(`briefwright dev: serving ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

async function runNew(values: Record<string, unknown>, positionals: readonly string[]): Promise<number> {
  const [kind, id, ...extra] = positionals;
  if ((kind !== 'document' && kind !== 'section' && kind !== 'fact') || id === undefined || extra.length > 0) {
    throw new UsageError('new takes a kind and an id: `briefwright new document|section|fact <id>`');
  }
  const { scaffoldContent } = await import('./scaffold/index.js');
  const result = await scaffoldContent({ root: (values['root'] as string | undefined) ?? '.', kind, id });
  if (result.problem !== undefined) throw new UsageError(result.problem);
  process.stderr.write(`Created ${result.file}\n`);
  return 0;
}

async function runInit(positionals: readonly string[]): Promise<number> {
  if (positionals.length > 1) throw new UsageError('init takes at most one directory: `briefwright init [dir]`');
  const { initProject } = await import('./scaffold/index.js');
  const result = await initProject({ dir: positionals[0] ?? '.' });
  if (result.problem !== undefined) throw new UsageError(result.problem);
  const where = relative(process.cwd(), result.root) || '.';
  process.stderr.write(`Created a briefwright project in ${where}/ (${result.files.length} files). Next: cd ${where} && briefwright build\n`);
  return 0;
}

async function runManifest(values: Record<string, unknown>, positionals: readonly string[]): Promise<number> {
  const [action, ...dirs] = positionals;
  const out = values['out'] as string | undefined;
  if (action !== 'merge' || dirs.length === 0 || out === undefined) throw new UsageError('usage: `briefwright manifest merge <dir>... --out <dir>`');
  const { mergeManifests } = await import('./output/merge-manifests.js');
  const result = await mergeManifests({ dirs, out });
  for (const problem of result.problems) process.stderr.write(`briefwright: ${problem.message}\n`);
  if (!result.manifest) return result.problems.some((p) => p.kind === 'usage') ? 2 : result.problems.some((p) => p.kind === 'write') ? 3 : 1;
  process.stderr.write(`Merged ${dirs.length} director${dirs.length === 1 ? 'y' : 'ies'} into ${relative(process.cwd(), out) || '.'}/: ${result.manifest.outputs.length} outputs\n`);
  return 0;
}

async function runSchema(values: Record<string, unknown>): Promise<number> {
  const { writeJsonSchemas } = await import('./output/write-json-schemas.js');
  const out = values['out'] as string | undefined;
  const result = await writeJsonSchemas({ root: (values['root'] as string | undefined) ?? '.', ...(out === undefined ? {} : { out }) });
  process.stderr.write(`Wrote ${result.files.length} schemas to ${relative(process.cwd(), result.dir) || '.'}/\n`);
  return 0;
}

async function runExplain(values: Record<string, unknown>, positionals: readonly string[]): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('explain takes one document id: `briefwright explain <doc> [--fact id]`');
  const format = (values['format'] as string | undefined) ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`--format must be pretty or json for explain, got \`${format}\``);
  const today = parseDate('today', values['today'] as string | undefined);
  const fact = values['fact'] as string | undefined;
  const { explainDocument, formatExplanation } = await import('./provenance/index.js');
  const result = await explainDocument({
    root: (values['root'] as string | undefined) ?? '.',
    document: positionals[0]!,
    ...(fact === undefined ? {} : { fact }),
    ...(today === undefined ? {} : { today }),
  });
  if (result.usageError !== undefined) throw new UsageError(result.usageError);
  // Content problems go to stderr as usual; the explanation is still printed (it may miss template uses).
  if (result.diagnostics.some((d) => d.severity === 'error')) process.stderr.write(formatDiagnostics(result.diagnostics.filter((d) => d.severity === 'error'), 'pretty'));
  if (result.explanation) process.stdout.write(format === 'json' ? `${JSON.stringify(result.explanation, null, 2)}\n` : formatExplanation(result.explanation));
  return result.exitCode;
}

tuneV8();
// After the flags (V8 keys its code cache on them), before the pipeline's chunks are required.
installCompileCache();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`briefwright: ${error.message}\nRun \`briefwright --help\` for usage.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`briefwright: internal error — this is a bug in briefwright; please report it.\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);

import { readFile, stat } from 'node:fs/promises';
import { availableParallelism, homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseYaml } from '../content/parse-yaml.js';
import { normalizeText } from '../content/text-file.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { OutputFormat } from '../schema/document-schema.js';
import { zodIssuesToDiagnostics } from '../validate/zod-issues.js';
import { configSchema } from './config-schema.js';
import type { Shard } from './shard.js';

export const configFileName = 'briefwright.config.yaml';

/** Options a caller (the CLI, a script) may pass; each overrides the config file. */
export interface BuildOptions {
  /** Project root (default: the current directory). */
  root?: string;
  /** Output directory (default: `<root>/out`). */
  out?: string;
  /** Document ids or globs (`letter-*`) to build; default all. */
  only?: readonly string[];
  /** Formats to produce, intersected with each document's `formats` (default: html and pdf). */
  formats?: readonly OutputFormat[];
  /** Pages printed at once (default: CPU count). */
  concurrency?: number;
  /** Browser executable for PDFs (default: BRIEFWRIGHT_BROWSER, puppeteer's cache, system Chromium). */
  browser?: string;
  /** Per-document print timeout in ms (default 30000). */
  pdfTimeout?: number;
  /** The date `fact-stale` compares against, YYYY-MM-DD (default: today). */
  today?: string;
  /** Treat warnings as failures for the exit code. */
  strict?: boolean;
  /** Stop at the first error and write nothing (default: keep going, write every unaffected output). */
  failFast?: boolean;
  /** Build only this part of a deterministic split of the outputs (CI matrices). */
  shard?: Shard;
  /** Reuse unchanged outputs from `.briefwright-cache/` (default true); false re-renders everything. */
  cache?: boolean;
  /** Called as each output finishes (the library prints nothing; the CLI shows these on stderr). */
  onProgress?: (progress: BuildProgress) => void;
}

/** One finished output of a long stage, for progress display. */
export interface BuildProgress {
  /** `html`: a document rendered (or reused) for one recipient; `pdf`: one printed. */
  readonly stage: 'html' | 'pdf';
  /** True when the output came from the cache instead of being rendered. */
  readonly reused?: boolean;
  /** Relative to the out directory. */
  readonly path: string;
  readonly ok: boolean;
  readonly pages: number | null;
  readonly ms: number;
  readonly done: number;
  readonly total: number;
}

/** Options resolved against defaults and the config file. */
export interface Config {
  readonly root: string;
  readonly out: string;
  readonly only: readonly string[];
  readonly formats: readonly OutputFormat[];
  readonly concurrency: number;
  readonly browser: string | undefined;
  readonly pdfTimeout: number;
  readonly today: string;
  readonly strict: boolean;
  readonly failFast: boolean;
  /** Bidi controls and invisible characters are accepted in content (config `allow_hidden_characters`). */
  readonly allowHiddenCharacters: boolean;
  readonly shard: Shard | undefined;
  readonly cache: boolean;
}

export interface LoadConfigResult {
  config: Config | undefined;
  /** Config problems: they make the exit code 2. */
  diagnostics: Diagnostic[];
}

/** Defaults ← briefwright.config.yaml ← options. A broken config is reported, never ignored. */
export async function loadConfig(options: BuildOptions = {}): Promise<LoadConfigResult> {
  const root = resolve(options.root ?? '.');
  const diagnostics: Diagnostic[] = [];
  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) {
    diagnostics.push(
      createDiagnostic('schema-invalid', {
        file: root,
        message: `Project root \`${root}\` is not a directory`,
        hint: 'Pass --root with a folder holding content/ and templates/, or run briefwright inside one.',
      }),
    );
    return { config: undefined, diagnostics };
  }
  let written: ReturnType<typeof configSchema.parse> = {
    out: undefined,
    formats: undefined,
    concurrency: undefined,
    today: undefined,
    pdf: undefined,
    allow_hidden_characters: undefined,
  };
  const text = await readFile(join(root, configFileName), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text !== undefined) {
    const parsed = parseYaml(configFileName, normalizeText(text));
    diagnostics.push(...parsed.diagnostics);
    if (parsed.file) {
      // One value: zod's per-schema JIT would cost more than it saves (see buildModel).
      const result = configSchema.safeParse(parsed.file.data ?? {}, { reportInput: true, jitless: true });
      if (result.success) written = result.data;
      else diagnostics.push(...zodIssuesToDiagnostics(result.error.issues, parsed.file, configSchema));
    }
  }

  const out = resolve(root, options.out ?? written.out ?? 'out');
  const outProblem = checkOutDir(root, out);
  if (outProblem) diagnostics.push(createDiagnostic('output-write-failed', { file: configFileName, message: outProblem, hint: 'Choose a dedicated directory such as `out/`.' }));

  const concurrency = options.concurrency ?? written.concurrency ?? Math.max(1, availableParallelism());
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError(`Expected a positive integer concurrency, got \`${concurrency}\``);
  if (diagnostics.length > 0) return { config: undefined, diagnostics };
  return {
    config: {
      root,
      out,
      only: options.only ?? [],
      formats: options.formats ?? written.formats ?? ['html', 'pdf'],
      concurrency,
      browser: options.browser ?? written.pdf?.browser ?? process.env['BRIEFWRIGHT_BROWSER'],
      pdfTimeout: options.pdfTimeout ?? written.pdf?.timeout ?? 30_000,
      today: options.today ?? written.today ?? new Date().toISOString().slice(0, 10),
      strict: options.strict ?? false,
      failFast: options.failFast ?? false,
      allowHiddenCharacters: written.allow_hidden_characters ?? false,
      shard: options.shard,
      cache: options.cache ?? true,
    },
    diagnostics,
  };
}

/** The out directory is emptied of stale outputs: it may never be a directory that holds anything else. */
function checkOutDir(root: string, out: string): string | undefined {
  const fromOut = relative(out, root);
  if (out === resolve('/')) return 'The out directory cannot be the filesystem root';
  if (out === homedir()) return 'The out directory cannot be your home directory';
  if (fromOut === '' ) return 'The out directory cannot be the project root';
  if (!fromOut.startsWith('..') && !isAbsolute(fromOut)) return 'The out directory cannot contain the project';
  const inRoot = relative(root, out);
  if (inRoot === 'content' || inRoot.startsWith('content/') || inRoot === 'templates' || inRoot.startsWith('templates/') || inRoot === 'src' || inRoot.startsWith('src/')) {
    return `The out directory cannot be inside \`${inRoot.split('/')[0]}/\``;
  }
  return undefined;
}
